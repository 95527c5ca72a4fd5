// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/Transfer.h"

#include "core/messenger/FreshChunks.h"
#include "core/messenger/MessengerLog.h"
#include "core/storage/FileSync.h"
#include "core/storage/SourceFile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStorageInfo>

#include <deque>
#include <limits>

namespace sotto::messenger {

using protocol::PeerId;
using storage::AttachmentRecord;
using storage::AttachmentState;
using crypto::ChunkSealer;

namespace {

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }
QByteArray fromStd(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }
std::uint64_t bytesOf(const AttachmentRecord &a, std::uint64_t chunks) { return std::min<std::uint64_t>(a.size, chunks * ChunkSealer::ChunkSize); }
constexpr quint32 TransferContentVersion = 4;
constexpr quint32 LargeSliceContentVersion = 5;
// How the reason of a download paused for want of space ends: the disk timer (retryDisk)
// resumes those rows, and only those, also after a restart (it is stored with the row).
constexpr char ResumesWithSpace[] = "it resumes when space is freed";

} // namespace

// One file being received. Slices are put together into chunks here, on the core thread;
// each whole chunk goes to the worker, which opens it, hashes it and writes it in order.
struct Transfer::Download {
    AttachmentRecord record;
    std::shared_ptr<SealedCopy> copy; // the worker's side of the file
    bool opened = false;             // the worker counted the chunks already on disk
    bool finishing = false;          // the final check is on the worker
    std::uint64_t verified = 0;      // chunks written (all of them verified first)
    std::uint64_t next = 0;          // the chunk being assembled (those between went to the worker)
    std::uint64_t requestedUpTo = 0; // chunks below this were asked for
    QByteArray assembling;           // the sealed bytes of chunk `next` so far
    int failures = 0;                // of chunk `verified`
    std::uint64_t savedChunks = 0;   // chunks_done as last written to the database
    QElapsedTimer lastReport;
};

// What the worker did with one received chunk.
struct Transfer::Written {
    enum class Status { Ok, Skipped, Refused, Failed };
    WriteFailure failure = WriteFailure::None; // with Failed
    std::uint64_t index = 0;
    Status status = Status::Skipped;
    std::uint64_t synced = 0; // chunks on stable storage after it
    QString error;
};

// One file a peer pulls from us: the range it asked for, the chunks the worker read ahead,
// and the chunk being sent in slices.
struct Transfer::Upload {
    ~Upload()
    {
        if (fresh)
            fresh->forget(this);
    }
    AttachmentRecord record;
    std::shared_ptr<SealedCopy> copy;
    // The chunks our copy's sealing just made (an upload that starts while it runs): taken
    // from memory while they are there, read from the copy otherwise.
    std::shared_ptr<FreshChunks> fresh;
    std::uint64_t end = 0;        // one past the last chunk asked for
    std::uint64_t readNext = 0;   // the next chunk to have the worker read
    int reading = 0;              // reads on the worker, of any range: a peer starting over
                                  // and over cannot queue more than ReadAhead of them
    std::uint64_t generation = 0; // bumped when the range starts over: older reads are dropped
    std::deque<std::pair<std::uint64_t, QByteArray>> ready; // read, in order, not yet sent
    QByteArray chunk;             // the sealed chunk being sent
    qsizetype offset = 0;         // how much of `chunk` went
    std::uint64_t chunkIndex = 0;
    std::uint64_t highest = 0;    // chunks served, for progress
    QElapsedTimer lastReport;
};

// One sealed copy being made from its source on a thread of its own, while the chunks
// already in it may be served. The counters are the only state both threads touch.
struct Transfer::Sealing {
    QByteArray fileId;
    QString path;                           // the copy
    std::atomic<std::uint64_t> chunks{0};   // whole chunks in the copy now
    std::atomic<bool> cancelled{false};     // stop: nobody needs the copy
    // The chunks just sealed, for the uploads that follow (the copy is not read back); only
    // for a copy made while its pointer goes (one sealed again at start serves nothing
    // before it is whole).
    std::shared_ptr<FreshChunks> fresh;
    bool named = false;                     // a row names the copy (this thread's alone)
    std::vector<std::function<void()>> waiting; // saves asked for meanwhile (this thread's alone)
};

Transfer::Transfer(storage::Profile &profile, net::LinkManager &links, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(profile.database())
    , m_links(links)
    , m_io(std::make_unique<TransferIo>())
{
    m_diskRetry.setInterval(DiskRetryMs);
    connect(&m_diskRetry, &QTimer::timeout, this, &Transfer::retryDisk);
    m_diskRetry.start(); // downloads paused for want of space before a restart (it stops when none waits)
    sweep(); // what was deleted while Sotto did not run
    sweepStrays();
    resumeSealing();
}

Transfer::~Transfer()
{
    m_io.reset(); // first: no file job runs, and no result comes, once the rest goes
    // Removals the worker did not get to: a failed download's partial copy is not left
    // where it could pass for resumable, a deleted message's copy not left at all.
    for (const QString &path : std::as_const(m_removing))
        QFile::remove(path);
    // Copies still being made stop where they are: one whose pointer went is sealed again
    // at the next start (its row names its source). One for a message that will now never
    // be sent (the hash was not through): nothing names it, and without its key it is noise.
    for (auto it = m_sealers.cbegin(); it != m_sealers.cend(); ++it)
        it.value()->cancelled = true;
    for (auto it = m_sealers.cbegin(); it != m_sealers.cend(); ++it) {
        it.key()->wait();
        if (!it.value()->named)
            QFile::remove(it.value()->path);
        delete it.key();
    }
}

void Transfer::sweepStrays()
{
    // Sealed copies no row names: Sotto was killed while it sealed a file, or stopped while
    // a removal waited for the worker. Their key (if there ever was one) is gone with the
    // row. Only names this code gives are touched; the rows' own files stay, partial
    // downloads included (resuming needs them).
    static const QRegularExpression sealedName(QStringLiteral("^[0-9a-f]{32}\\.sealed$"));
    const QDir folder(storage::AttachmentStore::folder(m_profile.directory()));
    const QSet<QString> named = m_store.localFiles();
    for (const QString &name : folder.entryList({QStringLiteral("*.sealed")}, QDir::Files))
        if (sealedName.match(name).hasMatch() && !named.contains(name)) {
            qCDebug(lcMessenger) << "transfer: removing a sealed copy no attachment names";
            QFile::remove(folder.filePath(name));
        }
}

void Transfer::startSealing(const std::shared_ptr<Sealing> &s, std::function<void()> work)
{
    QThread *thread = QThread::create(std::move(work));
    m_sealers.insert(thread, s);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_sealers.remove(thread);
        thread->deleteLater();
    });
    thread->start();
}

// The pointer needs the file's hash; the copy needs only the key. So the hash comes first
// (one pass, both cores), the pointer goes, and the copy is sealed meanwhile from the same
// open file while the peer pulls what is in it: a 1 GiB file starts to move after ~0.7 s
// here instead of after hashing and sealing (~1.6 s; docs/BENCHMARKS.md).
void Transfer::seal(const QString &path, Sealed done)
{
    const QString folder = storage::AttachmentStore::folder(m_profile.directory());
    auto s = std::make_shared<Sealing>();
    s->fresh = std::make_shared<FreshChunks>(FreshChunkCount, FreshFirstReader, FreshFloorBytesPerSecond);
    // The caller's callback lives on this thread only: the sealing thread passes it on
    // without copying it.
    auto callback = std::make_shared<Sealed>(std::move(done));
    const std::uint64_t reservedNow = reserved({}); // what downloads under way still need (core thread's)
    startSealing(s, [this, s, path, folder, callback, reservedNow] {
        auto file = std::make_shared<std::expected<Messenger::SealedFile, Error>>(Messenger::describeFile(path, folder));
        // The encrypted copy must fit, with the margin the history and the keys need: refused
        // now with the figures, not failed part way with the disk full for everything else.
        if (*file) {
            const QStorageInfo disk(folder);
            const std::uint64_t needed = ChunkSealer::sealedFileSize((*file)->size) + reservedNow + DiskMarginBytes;
            if (disk.isValid() && disk.bytesAvailable() >= 0 && std::uint64_t(disk.bytesAvailable()) < needed)
                *file = std::unexpected(Error{Errc::Storage, QStringLiteral("not enough disk space to keep its encrypted copy: %1 MB needed, %2 MB free")
                                                                 .arg(needed >> 20)
                                                                 .arg(std::uint64_t(disk.bytesAvailable()) >> 20)});
        }
        std::optional<storage::SourceFile> source;
        if (*file) {
            auto opened = storage::SourceFile::open(path);
            if (!opened)
                *file = std::unexpected(Error{Errc::InvalidInput, opened.error()});
            else if (opened->size() != (*file)->size)
                *file = std::unexpected(Error{Errc::InvalidInput, QStringLiteral("the file changed while it was read")});
            else
                source.emplace(std::move(*opened));
        }
        if (*file) {
            if (auto hash = source->sha256(&s->cancelled); !hash) {
                *file = std::unexpected(Error{Errc::InvalidInput, hash.error()});
            } else {
                (*file)->sha256 = *hash;
                (*file)->source = QFileInfo(path).absoluteFilePath();
                s->fileId = (*file)->fileId;
                s->path = (*file)->sealedPath;
            }
        }
        // What the copy needs, kept here: the rest goes to the core thread with the pointer.
        const crypto::SecretBytes key = *file ? crypto::SecretBytes((*file)->key.data(), (*file)->key.size()) : crypto::SecretBytes();
        const std::uint64_t size = *file ? (*file)->size : 0;
        const bool hashed = file->has_value();
        QMetaObject::invokeMethod(
            this,
            [this, s, file, callback] {
                if (!*file) {
                    (*callback)(std::unexpected(file->error()));
                    return;
                }
                m_sealing.insert(s->fileId, s);
                (*callback)(std::move(**file)); // makes the message (or refuses, and removes the copy)
                s->named = m_store.byFileId(s->fileId).has_value();
                if (!s->named)
                    s->cancelled = true;
            },
            Qt::QueuedConnection);
        if (!hashed)
            return;
        storage::AttachmentFile copy(s->path, key, s->fileId, size);
        const std::uint64_t lastChunk = ChunkSealer::chunkCount(size) - 1;
        auto sealed = copy.sealFrom(
            *source, false,
            [this, s, lastChunk](std::uint64_t onDisk) {
                // Paced here to the uploads taking the fresh chunks (never below the floor rate).
                s->fresh->makeRoom(onDisk, s->cancelled);
                // The last chunk only once the source was checked (sealEnded).
                const std::uint64_t chunks = std::min(s->fresh->sealed(), lastChunk);
                if (s->chunks.exchange(chunks) != chunks)
                    QMetaObject::invokeMethod(this, [this, s] { sealProgress(s); }, Qt::QueuedConnection);
                return !s->cancelled;
            },
            [s](std::uint64_t index, QByteArrayView chunk) { s->fresh->add(index, chunk); });
        QString error;
        if (!sealed)
            error = sealed.error();
        else if (!source->unchanged())
            error = QStringLiteral("the file changed while it was sent");
        QMetaObject::invokeMethod(this, [this, s, error] { sealEnded(s, error); }, Qt::QueuedConnection);
    });
}

void Transfer::resumeSealing()
{
    struct Job {
        std::shared_ptr<Sealing> s;
        QString source;
        std::uint64_t size = 0;
        QByteArray expected;
        std::shared_ptr<crypto::SecretBytes> key;
    };
    std::vector<Job> jobs;
    for (const storage::AttachmentStore::Unsealed &u : m_store.unsealed()) {
        const AttachmentRecord &a = u.record;
        if (!a.outgoing || !a.messageId || (a.state != AttachmentState::Uploading && a.state != AttachmentState::Paused)) {
            // Nothing more goes (failed), or it went whole (done): the path is not kept, and a
            // copy cut short, which could serve nothing and save nothing, goes too.
            (void)m_store.setSealed(a.fileId);
            if (a.state != AttachmentState::Done && std::uint64_t(QFileInfo(pathOf(a)).size()) != ChunkSealer::sealedFileSize(a.size))
                QFile::remove(pathOf(a));
            continue;
        }
        auto s = std::make_shared<Sealing>();
        s->fileId = a.fileId;
        s->path = pathOf(a);
        s->named = true;
        m_sealing.insert(a.fileId, s);
        jobs.push_back({s, u.source, a.size, a.sha256, std::make_shared<crypto::SecretBytes>(m_store.key(a.fileId))});
    }
    if (jobs.empty())
        return;
    qCInfo(lcMessenger) << "transfer:" << jobs.size() << "copies were not whole when Sotto stopped; sealing them again";
    // One thread for all of them, one file at a time (each one's buffers, not all at once).
    // Nothing of a file is served until its whole copy matched the pointer's hash: the file
    // may have changed while Sotto did not run.
    auto runner = std::make_shared<Sealing>();
    runner->named = true; // it makes no copy of its own
    startSealing(runner, [this, runner, jobs = std::move(jobs)] {
        for (const Job &job : jobs) {
            if (runner->cancelled)
                return; // Sotto is stopping: the rows keep their sources for the next start
            const std::shared_ptr<Sealing> &s = job.s;
            QString error;
            storage::AttachmentFile copy(s->path, *job.key, s->fileId, job.size);
            // Made whole just before the stop (the row was not told yet): checked, not made again.
            if (std::uint64_t(QFileInfo(s->path).size()) == ChunkSealer::sealedFileSize(job.size) && copy.digest().value_or(QByteArray()) == job.expected && storage::syncFile(s->path)) {
                QMetaObject::invokeMethod(this, [this, s] { sealEnded(s, {}); }, Qt::QueuedConnection);
                continue;
            }
            auto file = storage::SourceFile::open(job.source);
            if (!file || file->size() != job.size) {
                error = QStringLiteral("the file is gone or changed before Sotto stored it; send it again");
            } else {
                auto hash = copy.sealFrom(*file, true, [runner, s](std::uint64_t) { return !runner->cancelled && !s->cancelled; });
                if (!hash)
                    error = hash.error();
                else if (*hash != job.expected)
                    error = QStringLiteral("the file changed before Sotto stored it; send it again");
            }
            if (runner->cancelled)
                return;
            QMetaObject::invokeMethod(this, [this, s, error] { sealEnded(s, error); }, Qt::QueuedConnection);
        }
    });
}

std::uint64_t Transfer::sealedChunks(const QByteArray &fileId) const
{
    const auto it = m_sealing.constFind(fileId);
    return it == m_sealing.cend() ? std::numeric_limits<std::uint64_t>::max() : (*it)->chunks.load();
}

void Transfer::sealProgress(const std::shared_ptr<Sealing> &s)
{
    QStringList peers;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it)
        if (std::any_of(it->cbegin(), it->cend(), [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == s->fileId; }))
            peers.push_back(it.key());
    for (const QString &peer : std::as_const(peers))
        pump(PeerId::fromString(peer)); // reads ahead what is in the copy (or fresh) now
}

void Transfer::sealEnded(const std::shared_ptr<Sealing> &s, const QString &error)
{
    if (m_sealing.value(s->fileId) == s)
        m_sealing.remove(s->fileId);
    // Saves that waited for the copy go on after what follows here (the copy kept or
    // removed): one of a copy that failed then fails with the reason of a missing copy.
    const auto runWaiting = qScopeGuard([waiting = std::exchange(s->waiting, {})] {
        for (const auto &save : waiting)
            save();
    });
    std::optional<AttachmentRecord> a = m_store.byFileId(s->fileId);
    if (!a || !a->messageId) {
        removeCopy(s->path); // the message was never made, or is gone
        return;
    }
    (void)m_store.setSealed(s->fileId);
    if (error.isEmpty()) {
        if (s->fresh)
            s->fresh->allOnDisk();
        sealProgress(s); // the last chunk, shorter, is in only now
        return;
    }
    // The reason goes to the row (what the user sees), not to the log.
    qCWarning(lcMessenger) << "transfer: the copy of a file being sent could not be made; the upload fails";
    removeCopy(s->path);
    if (a->state == AttachmentState::Uploading || a->state == AttachmentState::Paused)
        (void)failUpload(*a, error);
}

void Transfer::removeCopy(const QString &path)
{
    // On the worker, after every job already queued for the file: a write still waiting
    // there cannot bring a removed file back.
    m_removing.insert(path);
    m_io->run(this, [path] { return QFile::remove(path); }, [this, path](bool) { m_removing.remove(path); });
}

QString Transfer::pathOf(const AttachmentRecord &a) const
{
    return QDir(storage::AttachmentStore::folder(m_profile.directory())).filePath(a.localFile);
}

bool Transfer::mayPull(const AttachmentRecord &a, const PeerId &peer) const
{
    if (a.peer == peer)
        return peer != m_profile.peerId(); // (our own id names a group's file, never a puller)
    return a.outgoing && a.peer == m_profile.peerId() && a.messageId && m_isMember && m_isMember(a.conversationId, a.messageId, peer);
}

bool Transfer::sentToGroup(const AttachmentRecord &a) const { return a.outgoing && a.peer == m_profile.peerId(); }

net::Link *Transfer::bulkLink(const PeerId &peer) const
{
    net::Link *link = m_links.link(peer);
    if (!link || !m_links.isUp(peer) || link->peerContentVersion() < TransferContentVersion)
        return nullptr;
    return link;
}

// ---- receiving ----

std::expected<AttachmentRecord, Error> Transfer::download(const QByteArray &fileId)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    if (!a || !a->messageId)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such attachment")});
    if (a->outgoing)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("a file we sent is not downloaded")});
    if (a->state == AttachmentState::Done)
        return *a;
    if (!m_downloads.contains(fileId)) {
        if (auto r = m_store.setProgress(fileId, AttachmentState::Downloading, a->chunksDone); !r)
            return std::unexpected(Error::from(r.error()));
        a->state = AttachmentState::Downloading;
        a->error.clear();
        startDownload(*a);
    }
    return m_store.byFileId(fileId).value_or(*a);
}

void Transfer::messageReceived(const storage::MessageRecord &message)
{
    if (message.kind != storage::MessageKind::Attachment || message.outgoing || !m_autoDownloadImages)
        return;
    // Only from an accepted contact: a stranger's "image" (its MIME type and size are its
    // own claims) would fill the disk, and asking for its chunks would tell the stranger the
    // message arrived — what a message request withholds until it is accepted.
    if (!m_profile.protocolStore().isAccepted(message.sender))
        return;
    std::optional<AttachmentRecord> a = m_store.byMessage(message.id);
    if (!a || !a->mime.startsWith(QLatin1String("image/")) || a->size >= std::uint64_t(AutoDownloadImageBytes))
        return;
    // Nothing comes by itself onto a disk getting full: a contact sending image after image
    // must not eat the room the history and the keys need. Below the margin the user asks.
    const QStorageInfo disk(storage::AttachmentStore::folder(m_profile.directory()));
    if (disk.isValid() && disk.bytesAvailable() >= 0) {
        const std::uint64_t margin = std::max<std::uint64_t>(AutoDownloadMarginBytes, std::uint64_t(disk.bytesTotal()) / 100);
        if (std::uint64_t(disk.bytesAvailable()) < a->size + reserved({}) + margin)
            return;
    }
    (void)download(a->fileId);
}

int Transfer::activeDownloads(const PeerId &peer) const
{
    int n = 0;
    for (const std::shared_ptr<Download> &d : m_downloads)
        n += d->record.peer == peer ? 1 : 0;
    return n;
}

std::uint64_t Transfer::reserved(const QByteArray &except) const
{
    std::uint64_t bytes = 0;
    for (const std::shared_ptr<Download> &d : m_downloads)
        if (d->record.fileId != except) {
            const std::uint64_t chunks = d->copy->file.chunkCount();
            bytes += (chunks - std::min(d->verified, chunks)) * ChunkSealer::SealedChunkSize;
        }
    return bytes;
}

void Transfer::startWaiting(const PeerId &peer)
{
    for (const AttachmentRecord &a : m_store.unfinished(peer))
        if (!m_downloads.contains(a.fileId) && activeDownloads(peer) < MaxPerPeer)
            startDownload(a);
}

void Transfer::startDownload(const AttachmentRecord &a)
{
    if (m_downloads.contains(a.fileId))
        return;
    // At most MaxPerPeer at a time from one sender: the rest stay "downloading" and start as
    // those end (startWaiting), or on the sender's next link.
    if (activeDownloads(a.peer) >= MaxPerPeer)
        return;
    auto d = std::make_shared<Download>();
    d->record = a;
    d->copy = std::make_shared<SealedCopy>(pathOf(a), m_store.key(a.fileId), a.fileId, a.size);
    d->savedChunks = a.chunksDone;
    d->lastReport.start();
    m_downloads.insert(a.fileId, d);
    // Whole chunks on disk were verified before they were written; counted on the worker,
    // after any write still queued there for this file.
    m_io->run(
        this,
        [copy = d->copy] {
            const std::uint64_t n = copy->file.chunksOnDisk();
            copy->written = copy->synced = n;
            if (n == 0)
                copy->hash = std::make_unique<crypto::Sha256>();
            return n;
        },
        [this, d](std::uint64_t onDisk) { opened(d, onDisk); });
}

void Transfer::opened(const std::shared_ptr<Download> &d, std::uint64_t onDisk)
{
    if (m_downloads.value(d->record.fileId) != d)
        return; // stopped meanwhile
    d->opened = true;
    d->verified = d->next = d->requestedUpTo = onDisk;
    const std::uint64_t chunks = d->copy->file.chunkCount();
    if (onDisk == chunks) {
        finishDownload(d);
        return;
    }
    // The rest must fit, beside what the other downloads under way still need, with a
    // margin: a full disk pauses the transfer, never corrupts it.
    const std::uint64_t remaining = (chunks - onDisk) * ChunkSealer::SealedChunkSize;
    const std::uint64_t needed = remaining + reserved(d->record.fileId) + DiskMarginBytes;
    const QStorageInfo disk(storage::AttachmentStore::folder(m_profile.directory()));
    if (disk.isValid() && disk.bytesAvailable() >= 0 && std::uint64_t(disk.bytesAvailable()) < needed) {
        stopDownload(d->record.fileId, AttachmentState::Paused,
                     QStringLiteral("not enough disk space: %1 MB needed, %2 MB free; %3")
                         .arg(needed >> 20)
                         .arg(std::uint64_t(disk.bytesAvailable()) >> 20)
                         .arg(QLatin1String(ResumesWithSpace)),
                     false);
        return;
    }
    if (bulkLink(d->record.peer))
        request(*d, d->next, Window);
    // else: asked for when the sender's link comes up (peerUp)
}

void Transfer::request(Download &d, std::uint64_t first, std::uint32_t count)
{
    net::Link *link = bulkLink(d.record.peer);
    if (!link || !d.opened || d.finishing)
        return;
    const std::uint64_t chunks = d.copy->file.chunkCount();
    count = std::uint32_t(std::min<std::uint64_t>(count, chunks - std::min(first, chunks)));
    if (!count)
        return;
    wire::Frame frame;
    wire::ChunkRequest *r = frame.mutable_chunk_request();
    r->set_file_id(toStd(d.record.fileId));
    r->set_first(first);
    r->set_count(count);
    link->send(frame);
    qCDebug(lcMessenger) << "transfer: asked for chunks" << first << "+" << count << "of" << d.record.fileId.toHex().left(8);
    d.requestedUpTo = first + count;
}

void Transfer::topUp(Download &d)
{
    // Keep Window chunks asked for beyond the last one written, topped up as each one lands:
    // what is in flight or waiting for the worker (and so what a chat frame can find queued
    // before it, and what a download holds in memory) stays about Window chunks.
    if (d.requestedUpTo - d.verified < std::uint64_t(Window))
        request(d, d.requestedUpTo, std::uint32_t(Window - (d.requestedUpTo - d.verified)));
}

void Transfer::sliceReceived(const PeerId &peer, const net::ChunkSlice &data)
{
    if (data.fileId.size() != 16)
        return;
    auto it = m_downloads.find(QByteArray::fromRawData(data.fileId.data(), data.fileId.size()));
    // Slices of a download we stopped, or from someone else than the file's sender: dropped.
    if (it == m_downloads.end() || (*it)->record.peer != peer)
        return;
    const std::shared_ptr<Download> d = *it;
    // Only the chunk being assembled, and only if it was asked for (a sender pushing more
    // would queue unbounded work for the worker). After a refused chunk, slices already on
    // their way for later chunks are dropped until the chunk asked for again starts (at
    // offset 0).
    if (!d->opened || d->finishing || data.index != d->next || d->next >= d->requestedUpTo
        || data.offset != quint64(d->assembling.size()) || data.data.isEmpty() || data.data.size() > SliceSize)
        return;
    const std::uint64_t length = d->copy->file.sealedLength(d->next);
    if (std::uint64_t(d->assembling.size()) + std::uint64_t(data.data.size()) > length) {
        d->assembling.clear();
        return;
    }
    if (d->assembling.isEmpty())
        d->assembling.reserve(qsizetype(length));
    d->assembling.append(data.data);
    if (std::uint64_t(d->assembling.size()) == length)
        chunkComplete(d);
}

void Transfer::chunkComplete(const std::shared_ptr<Download> &d)
{
    const std::uint64_t index = d->next++;
    QByteArray sealed = std::exchange(d->assembling, QByteArray());
    m_io->run(
        this,
        [copy = d->copy, index, sealed = std::move(sealed)] {
            Written w;
            w.index = index;
            // Stopped, or after a refused chunk (writes land only in order): not written.
            if (copy->stopped.load() || index != copy->written)
                return w;
            auto written = copy->file.writeChunk(index, sealed, copy->hash.get());
            if (!written) {
                w.status = written.error().contains(QLatin1String("authentication")) ? Written::Status::Refused : Written::Status::Failed;
                w.failure = copy->file.outOfSpace() ? WriteFailure::FullDisk : WriteFailure::Other;
                w.error = written.error();
                return w;
            }
            ++copy->written;
            if (copy->written % WritebackEveryChunks == 0)
                copy->file.startWriteback();
            w.status = Written::Status::Ok;
            w.synced = copy->synced;
            return w;
        },
        [this, d](const Written &w) { chunkWritten(d, w); });
}

void Transfer::chunkWritten(const std::shared_ptr<Download> &d, const Written &w)
{
    const QByteArray fileId = d->record.fileId;
    if (m_downloads.value(fileId) != d || w.index != d->verified)
        return; // stopped meanwhile, or written after a refused chunk was asked for again
    switch (w.status) {
    case Written::Status::Skipped: return;
    case Written::Status::Refused:
        // Asked for again from this chunk on, up to MaxChunkFailures times.
        qCInfo(lcMessenger) << "attachment chunk" << w.index << "refused:" << w.error;
        if (++d->failures > MaxChunkFailures) {
            stopDownload(fileId, AttachmentState::Failed, QStringLiteral("the sender's chunks keep failing authentication"), true);
            return;
        }
        d->assembling.clear();
        d->next = w.index;
        request(*d, w.index, Window);
        return;
    case Written::Status::Failed:
        pauseUnwritten(fileId, w.error, w.failure);
        return;
    case Written::Status::Ok: break;
    }
    d->failures = 0;
    d->verified = w.index + 1;
    // chunks_done counts only chunks on stable storage.
    if (w.synced > d->savedChunks && m_store.setProgress(fileId, AttachmentState::Downloading, w.synced))
        d->savedChunks = w.synced;
    if (d->verified == d->copy->file.chunkCount()) {
        finishDownload(d);
        return;
    }
    report(d->record, d->verified, d->lastReport);
    topUp(*d);
}

// The last writes reach the disk only at the final sync (the receiver's copy is written
// direct, a block behind): a failure there pauses the download as a failed write does
// mid-file, and it resumes from its whole chunks.

void Transfer::finishDownload(const std::shared_ptr<Download> &d)
{
    d->finishing = true;
    // On the worker, after the last write: the file made durable, then its hash (kept as the
    // chunks came, or of the whole file for a resumed download).
    m_io->run(
        this,
        [copy = d->copy, expected = d->record.sha256]() -> std::pair<std::expected<QByteArray, QString>, WriteFailure> {
            if (copy->stopped.load())
                return {std::unexpected(QStringLiteral("stopped")), WriteFailure::None};
            // Its bytes, then its name: the copy was created by this download, and a name
            // not yet in a synced directory can vanish in a power cut. Once per file.
            if (!copy->file.sync())
                return {std::unexpected(QStringLiteral("the file could not be written to disk")),
                        copy->file.outOfSpace() ? WriteFailure::FullDisk : WriteFailure::Other};
            if (int error = 0; !storage::syncDirectoryOf(copy->file.path(), &error))
                return {std::unexpected(QStringLiteral("its folder could not be written to disk")),
                        storage::isFullDisk(error) ? WriteFailure::FullDisk : WriteFailure::Other};
            copy->synced = copy->written;
            auto digest = copy->hash ? std::expected<QByteArray, QString>(copy->hash->result()) : copy->file.digest();
            if (!digest || *digest != expected)
                copy->file.remove(); // gone before the failure is reported
            return {digest, WriteFailure::None};
        },
        [this, d](const std::pair<std::expected<QByteArray, QString>, WriteFailure> &result) { verified(d, result.first, result.second); });
}

void Transfer::pauseUnwritten(const QByteArray &fileId, const QString &error, WriteFailure failure)
{
    // A full disk: paused, and tried again on the disk timer once space returns. Anything
    // else would fail the same way every few seconds: paused until the user resumes it.
    // Worded once here: the writer's own text would only say "no space" a second time.
    const QString reason = failure == WriteFailure::FullDisk
        ? QStringLiteral("the disk is full; %1").arg(QLatin1String(ResumesWithSpace))
        : QStringLiteral("%1; resume it to try again").arg(error);
    stopDownload(fileId, AttachmentState::Paused, reason, false);
}

void Transfer::verified(const std::shared_ptr<Download> &d, const std::expected<QByteArray, QString> &digest, WriteFailure failure)
{
    const QByteArray fileId = d->record.fileId;
    if (m_downloads.value(fileId) != d)
        return;
    if (failure != WriteFailure::None) {
        pauseUnwritten(fileId, digest ? QString() : digest.error(), failure);
        return;
    }
    // The whole file against the pointer's hash before it is ever shown as done.
    if (!digest || *digest != d->record.sha256) {
        const QString reason = digest ? QStringLiteral("the file does not match the hash in its message (SHA-256); it was discarded")
                                      : QStringLiteral("the file could not be verified: %1").arg(digest.error());
        stopDownload(fileId, AttachmentState::Failed, reason, true); // removes the copy
        return;
    }
    const std::uint64_t chunks = d->copy->file.chunkCount();
    (void)m_store.setProgress(fileId, AttachmentState::Done, chunks);
    d->record.state = AttachmentState::Done;
    report(d->record, chunks, d->lastReport, true);
    const std::int64_t messageId = d->record.messageId;
    const PeerId peer = d->record.peer;
    m_downloads.remove(fileId);
    sendEnd(peer, fileId, wire::TransferEnd::DONE);
    Q_EMIT ended(messageId);
    startWaiting(peer);
}

void Transfer::stopDownload(const QByteArray &fileId, AttachmentState state, const QString &reason, bool tellSender)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    std::shared_ptr<Download> d = m_downloads.take(fileId);
    if (d)
        d->copy->stopped = true; // writes still queued on the worker are skipped
    if (!a)
        return;
    (void)m_store.setProgress(fileId, state, state == AttachmentState::Failed ? 0 : (d ? d->savedChunks : a->chunksDone), reason);
    if (d && state == AttachmentState::Paused) {
        // What was written before the pause, on stable storage, then counted.
        m_io->run(
            this, [copy = d->copy] { return copy->file.sync() ? copy->written : copy->synced; },
            [this, fileId](std::uint64_t synced) {
                std::optional<AttachmentRecord> now = m_store.byFileId(fileId);
                if (now && now->state == AttachmentState::Paused && !m_downloads.contains(fileId) && synced > now->chunksDone
                    && m_store.setProgress(fileId, AttachmentState::Paused, synced, now->error)) {
                    // The view learns where the pause left it (it read the row before the sync).
                    now->chunksDone = synced;
                    Q_EMIT progress(*now, bytesOf(*now, synced));
                }
            });
    }
    if (state == AttachmentState::Paused && reason.endsWith(QLatin1String(ResumesWithSpace)) && !m_diskRetry.isActive())
        m_diskRetry.start();
    if (state == AttachmentState::Failed)
        removeCopy(pathOf(*a)); // a partial file is never kept as if it could be complete
    if (bulkLink(a->peer)) {
        if (tellSender) {
            sendEnd(a->peer, fileId, wire::TransferEnd::CANCELLED);
        } else {
            wire::Frame frame; // stop sending what was asked for
            frame.mutable_chunk_request()->set_file_id(toStd(fileId));
            frame.mutable_chunk_request()->set_count(0);
            bulkLink(a->peer)->send(frame);
        }
    }
    if (!reason.isEmpty())
        qCInfo(lcMessenger).noquote() << "attachment" << fileId.toHex().left(8) << attachmentStateName(state) << "-" << reason;
    Q_EMIT ended(a->messageId);
    if (d)
        startWaiting(a->peer);
}

void Transfer::retryDisk()
{
    bool waiting = false;
    // The rows paused for want of space (the reason ends so; kept across restarts).
    storage::Statement st = m_profile.database().prepare("SELECT file_id FROM attachments WHERE state = 2 AND outgoing = 0 AND error LIKE ?");
    st.bind(1, QStringLiteral("%") + QLatin1String(ResumesWithSpace));
    std::vector<QByteArray> ids;
    while (st.next())
        ids.push_back(st.blob(0));
    for (const QByteArray &id : ids) {
        (void)download(id);
        if (std::optional<AttachmentRecord> a = m_store.byFileId(id); a && a->state == AttachmentState::Paused)
            waiting = true;
    }
    if (!waiting)
        m_diskRetry.stop();
}

std::expected<AttachmentRecord, Error> Transfer::pause(const QByteArray &fileId)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    if (!a || !a->messageId)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such attachment")});
    if (a->outgoing || a->state == AttachmentState::Done || a->state == AttachmentState::Failed)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("only a download in progress can be paused")});
    if (m_downloads.contains(fileId)) {
        stopDownload(fileId, AttachmentState::Paused, {}, false);
    } else if (auto r = m_store.setProgress(fileId, AttachmentState::Paused, a->chunksDone); !r) {
        return std::unexpected(Error::from(r.error()));
    }
    return m_store.byFileId(fileId).value_or(*a);
}

std::expected<AttachmentRecord, Error> Transfer::cancel(const QByteArray &fileId)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    if (!a || !a->messageId)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such attachment")});
    if (a->state == AttachmentState::Done)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("the transfer is over")});
    if (a->outgoing) {
        // Our copy stays (the message still shows the file); the peer is refused from now on.
        if (auto r = failUpload(*a, QStringLiteral("cancelled")); !r)
            return std::unexpected(r.error());
    } else {
        stopDownload(fileId, AttachmentState::Failed, QStringLiteral("cancelled"), true);
    }
    return m_store.byFileId(fileId).value_or(*a);
}

std::expected<void, Error> Transfer::failUpload(const AttachmentRecord &a, const QString &reason)
{
    if (auto r = m_store.setProgress(a.fileId, AttachmentState::Failed, a.chunksDone, reason); !r)
        return std::unexpected(Error::from(r.error()));
    // Everyone pulling it now is told (a group's file may have several).
    for (auto it = m_uploads.begin(); it != m_uploads.end(); ++it)
        if (std::erase_if(*it, [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == a.fileId; }) && it.key() != a.peer.toString())
            sendEnd(PeerId::fromString(it.key()), a.fileId, wire::TransferEnd::UNAVAILABLE);
    if (!sentToGroup(a))
        sendEnd(a.peer, a.fileId, wire::TransferEnd::UNAVAILABLE);
    Q_EMIT ended(a.messageId);
    return {};
}

void Transfer::saveAsync(const QByteArray &fileId, const QString &path, Saved done)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    if (!a || !a->messageId) {
        done(std::unexpected(Error{Errc::NotFound, QStringLiteral("no such attachment")}));
        return;
    }
    if (!a->outgoing && a->state != AttachmentState::Done) {
        done(std::unexpected(Error{Errc::NotAllowed, QStringLiteral("the file has not arrived yet")}));
        return;
    }
    if (std::shared_ptr<Sealing> sealing = a->outgoing ? m_sealing.value(fileId) : nullptr) {
        // Our own file, just sent, its copy still being made: saved once it is whole.
        sealing->waiting.push_back([this, fileId, path, done = std::move(done)]() mutable { saveAsync(fileId, path, std::move(done)); });
        return;
    }
    auto copy = std::make_shared<SealedCopy>(pathOf(*a), m_store.key(fileId), fileId, a->size);
    m_io->run(
        this,
        [copy, path, expected = a->sha256]() -> std::expected<void, QString> {
            // Written to a temporary beside `path` and renamed only once its hash matched: the
            // name never holds a partial or wrong file, and a file already there is not lost to one.
            auto digest = copy->file.digest(path, expected);
            if (!digest)
                return std::unexpected(digest.error());
            return {};
        },
        [done = std::move(done)](const std::expected<void, QString> &saved) {
            if (!saved)
                done(std::unexpected(Error{Errc::Storage, saved.error()}));
            else
                done({});
        });
}

// ---- sending ----

void Transfer::onChunkRequest(const PeerId &peer, const wire::ChunkRequest &request)
{
    const QByteArray fileId = fromStd(request.file_id());
    auto &uploads = m_uploads[peer.toString()];
    auto existing = std::find_if(uploads.begin(), uploads.end(), [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == fileId; });
    if (request.count() == 0) {
        if (existing != uploads.end())
            uploads.erase(existing);
        return;
    }
    std::shared_ptr<Upload> u;
    if (existing != uploads.end()) {
        u = *existing;
    } else {
        // Only a peer the pointer went to, for a file we still have and did not cancel.
        std::optional<AttachmentRecord> a = fileId.size() == 16 ? m_store.byFileId(fileId) : std::nullopt;
        if (!a || !a->outgoing || !mayPull(*a, peer) || !a->messageId || a->state == AttachmentState::Failed) {
            sendEnd(peer, fileId, wire::TransferEnd::UNAVAILABLE);
            return;
        }
        // A peer pulling more files at once than an honest one ever does is not served
        // beyond that (not refused for good: it may ask again once others are done).
        if (uploads.size() >= std::size_t(MaxPerPeer)) {
            qCInfo(lcMessenger) << "transfer: a peer asked for more than" << MaxPerPeer << "files at once; not served";
            return;
        }
        if (a->state == AttachmentState::Paused) {
            // The receiver stopped it once (cancelled, or its copy failed) and asks again; its
            // copy went with the cancel, so the progress starts over.
            if (auto r = m_store.setProgress(fileId, AttachmentState::Uploading, 0); !r)
                return;
            a->state = AttachmentState::Uploading;
            a->chunksDone = 0;
            a->error.clear();
            Q_EMIT ended(a->messageId); // shown moving again
        }
        u = std::make_shared<Upload>();
        u->record = *a;
        u->copy = std::make_shared<SealedCopy>(pathOf(*a), m_store.key(fileId), fileId, a->size);
        if (std::shared_ptr<Sealing> sealing = m_sealing.value(fileId))
            u->fresh = sealing->fresh;
        u->highest = a->chunksDone;
        u->lastReport.start();
        uploads.push_back(u);
    }
    const std::uint64_t chunks = u->copy->file.chunkCount();
    if (request.first() >= chunks || request.count() > std::uint32_t(MaxRequest))
        return; // out of bounds: ignored
    const std::uint64_t end = std::min<std::uint64_t>(chunks, request.first() + request.count());
    qCDebug(lcMessenger) << "transfer: asked for" << request.first() << "+" << request.count() << "; was reading" << u->readNext << "to"
                         << u->end;
    // A request starting where the range asked for ends extends it; any other (after a
    // refused chunk) starts over from its first chunk.
    if (request.first() == u->end) {
        u->end = end;
    } else {
        // Starting over is where a member removed meanwhile is told no: the
        // file is served to whom it may go now, not to whom it went once.
        if (std::optional<AttachmentRecord> now = m_store.byFileId(fileId); !now || !mayPull(*now, peer) || now->state == AttachmentState::Failed) {
            std::erase(uploads, u);
            sendEnd(peer, fileId, wire::TransferEnd::UNAVAILABLE);
            return;
        }
        ++u->generation;
        u->readNext = request.first();
        u->end = end;
        u->ready.clear();
        u->chunk.clear();
        u->offset = 0;
    }
    readAhead(peer, u);
}

void Transfer::readAhead(const PeerId &peer, const std::shared_ptr<Upload> &u)
{
    // Only chunks already in the copy: one still being sealed is read as it grows.
    const std::uint64_t inCopy = sealedChunks(u->record.fileId);
    const auto atEnd = qScopeGuard([&] {
        if (u->fresh)
            u->fresh->at(u.get(), u->readNext);
    });
    while (u->reading + qsizetype(u->ready.size()) < ReadAhead && u->readNext < u->end && u->readNext < inCopy) {
        // One the sealing just made is taken at once, in order: after the reads still out.
        if (QByteArray sealed = u->fresh ? u->fresh->take(u->readNext) : QByteArray(); !sealed.isEmpty()) {
            if (u->reading > 0)
                break; // the last read to land runs this again
            u->ready.emplace_back(u->readNext++, std::move(sealed));
            continue;
        }
        const std::uint64_t index = u->readNext++;
        ++u->reading;
        m_io->run(
            this, [copy = u->copy, index] { return copy->file.readChunk(index); },
            [this, peer, u, index, generation = u->generation](const QByteArray &sealed) {
                --u->reading;
                auto found = m_uploads.find(peer.toString());
                if (found == m_uploads.end() || std::find(found->begin(), found->end(), u) == found->end())
                    return; // the upload ended
                if (u->generation != generation) {
                    readAhead(peer, u); // the range started over: its reads go on from here
                    return;
                }
                if (sealed.isEmpty()) {
                    qCWarning(lcMessenger) << "attachment chunk" << index << "cannot be read from our copy";
                    std::erase(*found, u);
                    sendEnd(peer, u->record.fileId, wire::TransferEnd::UNAVAILABLE);
                    return;
                }
                u->ready.emplace_back(index, sealed);
                pump(peer);
            });
    }
}

void Transfer::pump(const PeerId &peer)
{
    net::Link *link = bulkLink(peer);
    if (!link)
        return;
    const QString key = peer.toString();
    const qsizetype slice = link->peerContentVersion() >= LargeSliceContentVersion ? SliceSize : SliceSizeV4;
    // Round robin over the files the peer pulls, one slice each, while the socket is short.
    // The list is looked up again at every step, not held: a send or a progress report may
    // lead to it changing (an upload ended, the peer's entry gone).
    bool progressed = true;
    while (progressed && link->bytesToWrite() < BulkHighWater) {
        progressed = false;
        for (std::size_t i = 0; link->bytesToWrite() < BulkHighWater; ++i) {
            auto found = m_uploads.find(key);
            if (found == m_uploads.end() || i >= found->size())
                break;
            const std::shared_ptr<Upload> u = (*found)[i]; // kept alive through this step
            if (u->offset >= u->chunk.size()) {
                if (u->ready.empty())
                    readAhead(peer, u); // fresh chunks come at once; pump runs again when a read lands
                if (u->ready.empty())
                    continue;
                u->chunkIndex = u->ready.front().first;
                u->chunk = std::move(u->ready.front().second);
                u->ready.pop_front();
                u->offset = 0;
                readAhead(peer, u);
            }
            const qsizetype n = std::min<qsizetype>(slice, u->chunk.size() - u->offset);
            // Straight from the chunk into the socket's buffer (a protobuf ChunkData, written
            // by hand: no copy into a message and then a frame first).
            if (!link->sendSlice(net::ChunkSlice{u->record.fileId, u->chunkIndex, quint32(u->offset), QByteArrayView(u->chunk).sliced(u->offset, n)}))
                return;
            m_bytesServed += std::uint64_t(n);
            u->offset += n;
            progressed = true;
            if (u->offset == u->chunk.size()) {
                u->chunk.clear();
                u->offset = 0;
                if (u->chunkIndex + 1 > u->highest) {
                    u->highest = u->chunkIndex + 1;
                    report(u->record, u->highest, u->lastReport);
                }
            }
        }
    }
}

void Transfer::onTransferEnd(const PeerId &peer, const wire::TransferEnd &end)
{
    const QByteArray fileId = fromStd(end.file_id());
    std::optional<AttachmentRecord> a = fileId.size() == 16 ? m_store.byFileId(fileId) : std::nullopt;
    if (!a || !(a->outgoing ? mayPull(*a, peer) : a->peer == peer))
        return;
    if (a->outgoing) {
        auto &uploads = m_uploads[peer.toString()];
        std::erase_if(uploads, [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == fileId; });
        if (a->state != AttachmentState::Uploading)
            return;
        const bool done = end.status() == wire::TransferEnd::DONE;
        // A group's file: one member giving up does not end it for the others; the first
        // that has it whole shows it as sent (the rest may still pull it).
        if (!done && sentToGroup(*a))
            return;
        // The receiver giving up pauses it here: it may ask again (its Retry), and is served
        // then, unless we cancelled meanwhile.
        const std::uint64_t chunks = ChunkSealer::chunkCount(a->size);
        a->state = done ? AttachmentState::Done : AttachmentState::Paused;
        (void)m_store.setProgress(fileId, a->state, done ? chunks : a->chunksDone, done ? QString() : QStringLiteral("stopped by the receiver"));
        QElapsedTimer now;
        report(*a, done ? chunks : a->chunksDone, now, true);
        Q_EMIT ended(a->messageId);
    } else if (end.status() == wire::TransferEnd::UNAVAILABLE && a->state != AttachmentState::Done && a->state != AttachmentState::Failed) {
        // (One already failed keeps its own reason: the user's cancel, say.)
        stopDownload(fileId, AttachmentState::Failed, QStringLiteral("the sender no longer offers this file"), false);
    }
}

void Transfer::sendEnd(const PeerId &peer, const QByteArray &fileId, wire::TransferEnd::Status status)
{
    net::Link *link = bulkLink(peer);
    if (!link)
        return;
    wire::Frame frame;
    frame.mutable_transfer_end()->set_file_id(toStd(fileId));
    frame.mutable_transfer_end()->set_status(status);
    link->send(frame);
}

void Transfer::report(const AttachmentRecord &a, std::uint64_t chunksDone, QElapsedTimer &last, bool force)
{
    if (!force && last.isValid() && last.elapsed() < ProgressIntervalMs)
        return;
    last.start();
    // The sender's progress survives a restart too; not a group's file, whose members each
    // pull at their own pace (and whose row one member's DONE may have made done).
    if (a.outgoing && !force && !sentToGroup(a))
        (void)m_store.setProgress(a.fileId, a.state, chunksDone);
    AttachmentRecord now = a;
    now.chunksDone = chunksDone;
    Q_EMIT progress(now, bytesOf(a, chunksDone));
}

// ---- links and lifetime ----

void Transfer::peerUp(const PeerId &peer)
{
    if (net::Link *link = m_links.link(peer))
        connect(link, &net::Link::drained, this, &Transfer::onDrained, Qt::UniqueConnection);
    // Downloads from this peer that were under way (before a lost link, or a restart).
    // A new link: whatever the peer pulled on the old one is over (it asks again); the old
    // link's close may not have been reported as down if this one replaced it first.
    m_uploads.remove(peer.toString());
    for (const AttachmentRecord &a : m_store.unfinished(peer)) {
        auto it = m_downloads.find(a.fileId);
        if (it == m_downloads.end()) {
            startDownload(a);
        } else if ((*it)->opened && !(*it)->finishing) {
            // Asked again from the chunk being assembled (those before it were received and
            // are with the worker).
            Download &d = **it;
            d.assembling.clear();
            request(d, d.next, std::uint32_t(std::max<std::int64_t>(1, Window - std::int64_t(d.next - d.verified))));
        }
    }
}

void Transfer::onDrained(net::Link *link)
{
    if (link->state() == net::Link::State::Up)
        pump(link->peer());
}

void Transfer::peerDown(const PeerId &peer)
{
    m_uploads.remove(peer.toString());
    for (const std::shared_ptr<Download> &d : std::as_const(m_downloads))
        if (d->record.peer == peer) {
            d->assembling.clear();
            d->requestedUpTo = d->next; // asked again, from the chunk being assembled, on the next link
        }
}

void Transfer::framesReceived(const PeerId &peer, const std::vector<wire::Frame> &frames)
{
    bool asked = false;
    for (const wire::Frame &frame : frames) {
        switch (frame.body_case()) {
        case wire::Frame::kChunkData: {
            // A ChunkData the link did not read in place (an unusual encoding): the same path.
            const wire::ChunkData &c = frame.chunk_data();
            sliceReceived(peer, net::ChunkSlice{QByteArrayView(c.file_id().data(), qsizetype(c.file_id().size())), c.index(), c.offset(),
                                                QByteArrayView(c.data().data(), qsizetype(c.data().size()))});
            break;
        }
        case wire::Frame::kChunkRequest:
            onChunkRequest(peer, frame.chunk_request());
            asked = true;
            break;
        case wire::Frame::kTransferEnd: onTransferEnd(peer, frame.transfer_end()); break;
        default: break;
        }
    }
    if (asked)
        pump(peer);
}

void Transfer::sweep()
{
    for (const AttachmentRecord &a : m_store.orphans()) {
        qCDebug(lcMessenger) << "transfer: sweeping" << a.fileId.toHex().left(8) << "message" << a.messageId;
        for (auto &uploads : m_uploads) // a group's file may be pulled by several
            std::erase_if(uploads, [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == a.fileId; });
        if (std::shared_ptr<Download> d = m_downloads.take(a.fileId))
            d->copy->stopped = true;
        if (std::shared_ptr<Sealing> sealing = m_sealing.value(a.fileId))
            sealing->cancelled = true; // its end removes what it made
        removeCopy(pathOf(a));
        (void)m_store.remove(a.fileId);
    }
}

} // namespace sotto::messenger
