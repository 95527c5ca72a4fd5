// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/Transfer.h"

#include "core/messenger/MessengerLog.h"

#include <QDir>
#include <QStorageInfo>

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

} // namespace

// One file being received: the chunk being put together from its slices, what was asked.
struct Transfer::Download {
    AttachmentRecord record;
    crypto::SecretBytes key; // before `file`, which holds a reference to it
    std::unique_ptr<storage::AttachmentFile> file;
    std::uint64_t next = 0;          // the chunk being assembled (all before it are verified)
    std::uint64_t requestedUpTo = 0; // chunks below this were asked for
    QByteArray assembling;           // the sealed bytes of chunk `next` so far
    int failures = 0;                // of chunk `next`
    std::uint64_t savedChunks = 0;   // chunks_done as last written to the database
    QElapsedTimer lastReport;
    // The plaintext's SHA-256 so far, when this process saw every chunk from the first (a
    // resumed download hashes the whole file once at the end instead).
    std::unique_ptr<crypto::Sha256> hash;
};

// One file a peer pulls from us: the range it asked for, and the chunk being sent in slices.
struct Transfer::Upload {
    AttachmentRecord record;
    crypto::SecretBytes key;
    std::unique_ptr<storage::AttachmentFile> file;
    std::uint64_t next = 0; // the next chunk to send
    std::uint64_t end = 0;  // one past the last chunk asked for
    QByteArray chunk;       // the sealed chunk being sent (index next - 1 once loaded)
    qsizetype offset = 0;   // how much of `chunk` went
    std::uint64_t chunkIndex = 0;
    std::uint64_t highest = 0; // chunks served, for progress
    QElapsedTimer lastReport;
};

Transfer::Transfer(storage::Profile &profile, net::LinkManager &links, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_store(profile.database())
    , m_links(links)
{
    m_diskRetry.setInterval(DiskRetryMs);
    connect(&m_diskRetry, &QTimer::timeout, this, &Transfer::retryDisk);
    sweep(); // what was deleted while Sotto did not run
}

Transfer::~Transfer()
{
    for (QThread *t : std::as_const(m_sealers))
        t->wait();
    qDeleteAll(m_sealers);
}

void Transfer::seal(const QString &path, Sealed done)
{
    auto result = std::make_shared<std::expected<Messenger::SealedFile, Error>>(std::unexpected(Error{Errc::Internal, QStringLiteral("not sealed")}));
    const QString folder = storage::AttachmentStore::folder(m_profile.directory());
    QThread *worker = QThread::create([result, path, folder] { *result = Messenger::sealFile(path, folder); });
    m_sealers.append(worker);
    connect(worker, &QThread::finished, this, [this, worker, result, done = std::move(done)] {
        m_sealers.removeOne(worker);
        worker->deleteLater();
        done(std::move(*result));
    });
    worker->start();
}

QString Transfer::pathOf(const AttachmentRecord &a) const
{
    return QDir(storage::AttachmentStore::folder(m_profile.directory())).filePath(a.localFile);
}

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
    if (a && a->mime.startsWith(QLatin1String("image/")) && a->size < std::uint64_t(AutoDownloadImageBytes))
        (void)download(a->fileId);
}

void Transfer::startDownload(const AttachmentRecord &a)
{
    if (m_downloads.contains(a.fileId))
        return;
    auto d = std::make_shared<Download>();
    d->record = a;
    d->key = m_store.key(a.fileId);
    d->file = std::make_unique<storage::AttachmentFile>(pathOf(a), d->key, a.fileId, a.size);
    d->next = d->file->chunksOnDisk(); // whole chunks there were verified before they were written
    if (d->next == 0)
        d->hash = std::make_unique<crypto::Sha256>();
    d->savedChunks = a.chunksDone;
    d->lastReport.start();
    m_downloads.insert(a.fileId, d);
    if (d->next == d->file->chunkCount()) {
        finishDownload(*d);
        return;
    }
    // The rest must fit, with a margin: a full disk pauses the transfer, never corrupts it.
    const std::uint64_t remaining = (d->file->chunkCount() - d->next) * ChunkSealer::SealedChunkSize;
    const QStorageInfo disk(storage::AttachmentStore::folder(m_profile.directory()));
    if (disk.isValid() && disk.bytesAvailable() >= 0 && std::uint64_t(disk.bytesAvailable()) < remaining + DiskMarginBytes) {
        stopDownload(a.fileId, AttachmentState::Paused,
                     QStringLiteral("not enough disk space: %1 MB needed, %2 MB free; it resumes when space is freed")
                         .arg((remaining + DiskMarginBytes) >> 20)
                         .arg(std::uint64_t(disk.bytesAvailable()) >> 20),
                     false);
        return;
    }
    d->requestedUpTo = d->next;
    if (bulkLink(a.peer))
        request(*d, d->next, Window);
    // else: asked for when the sender's link comes up (peerUp)
}

void Transfer::request(Download &d, std::uint64_t first, std::uint32_t count)
{
    net::Link *link = bulkLink(d.record.peer);
    if (!link)
        return;
    count = std::uint32_t(std::min<std::uint64_t>(count, d.file->chunkCount() - std::min(first, d.file->chunkCount())));
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

void Transfer::onChunkData(const PeerId &peer, const wire::ChunkData &data)
{
    const QByteArray fileId = fromStd(data.file_id());
    auto it = m_downloads.find(fileId);
    // Slices of a download we stopped, or from someone else than the file's sender: dropped.
    if (it == m_downloads.end() || (*it)->record.peer != peer)
        return;
    Download &d = **it;
    // After a refused chunk, slices already on their way for later chunks are dropped
    // until the chunk asked for again starts (at offset 0).
    if (data.index() != d.next || data.offset() != quint64(d.assembling.size()) || data.data().empty()
        || data.data().size() > std::size_t(SliceSize))
        return;
    if (std::uint64_t(d.assembling.size()) + data.data().size() > d.file->sealedLength(d.next)) {
        d.assembling.clear();
        return;
    }
    d.assembling.append(data.data().data(), qsizetype(data.data().size()));
    if (std::uint64_t(d.assembling.size()) == d.file->sealedLength(d.next))
        chunkComplete(d);
}

void Transfer::chunkComplete(Download &d)
{
    const QByteArray fileId = d.record.fileId;
    auto written = d.file->writeChunk(d.next, d.assembling, d.hash.get());
    d.assembling.clear();
    if (!written) {
        if (written.error().contains(QLatin1String("authentication"))) {
            // Refused: asked for again from this chunk on, up to MaxChunkFailures times.
            qCInfo(lcMessenger) << "attachment chunk" << d.next << "refused:" << written.error();
            if (++d.failures >= MaxChunkFailures) {
                stopDownload(fileId, AttachmentState::Failed,
                             QStringLiteral("chunk %1 failed authentication %2 times").arg(d.next).arg(MaxChunkFailures), true);
                return;
            }
            request(d, d.next, Window);
            return;
        }
        // Most likely a full disk: paused, and tried again when space returns.
        stopDownload(fileId, AttachmentState::Paused, QStringLiteral("cannot write the file (%1); it resumes when space is freed").arg(written.error()),
                     false);
        return;
    }
    d.failures = 0;
    ++d.next;
    if (d.next == d.file->chunkCount()) {
        finishDownload(d);
        return;
    }
    if (d.next - d.savedChunks >= std::uint64_t(Window)) {
        if (m_store.setProgress(fileId, AttachmentState::Downloading, d.next))
            d.savedChunks = d.next;
    }
    report(d.record, d.next, d.lastReport);
    // Keep Window chunks asked for ahead, topped up as each one lands: what is in flight
    // (and so what a chat frame can find queued before it) stays about Window chunks.
    if (d.requestedUpTo - d.next < std::uint64_t(Window))
        request(d, d.requestedUpTo, std::uint32_t(Window - (d.requestedUpTo - d.next)));
}

void Transfer::finishDownload(Download &d)
{
    const QByteArray fileId = d.record.fileId;
    // The whole file against the pointer's hash before it is ever shown as done.
    auto digest = d.hash ? std::expected<QByteArray, QString>(d.hash->result()) : d.file->digest();
    if (!digest || *digest != d.record.sha256) {
        const QString reason = digest ? QStringLiteral("the file does not match the hash in its message (SHA-256); it was discarded")
                                      : QStringLiteral("the file could not be verified: %1").arg(digest.error());
        d.file->remove();
        stopDownload(fileId, AttachmentState::Failed, reason, true);
        return;
    }
    const std::uint64_t chunks = d.file->chunkCount();
    (void)m_store.setProgress(fileId, AttachmentState::Done, chunks);
    d.record.state = AttachmentState::Done;
    report(d.record, chunks, d.lastReport, true);
    const std::int64_t messageId = d.record.messageId;
    const PeerId peer = d.record.peer;
    m_downloads.remove(fileId);
    sendEnd(peer, fileId, wire::TransferEnd::DONE);
    Q_EMIT ended(messageId);
}

void Transfer::stopDownload(const QByteArray &fileId, AttachmentState state, const QString &reason, bool tellSender)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    auto it = m_downloads.find(fileId);
    const std::uint64_t chunks = it != m_downloads.end() ? (*it)->next : (a ? a->chunksDone : 0);
    if (it != m_downloads.end())
        m_downloads.erase(it);
    if (!a)
        return;
    (void)m_store.setProgress(fileId, state, state == AttachmentState::Failed ? 0 : chunks, reason);
    if (state == AttachmentState::Paused && reason.contains(QLatin1String("space")) && !m_diskRetry.isActive())
        m_diskRetry.start();
    if (state == AttachmentState::Failed)
        QFile::remove(pathOf(*a)); // a partial file is never kept as if it could be complete
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
}

void Transfer::retryDisk()
{
    bool waiting = false;
    storage::Statement st = m_profile.database().prepare("SELECT file_id FROM attachments WHERE state = 2 AND outgoing = 0 AND error LIKE '%space%'");
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
        if (auto r = m_store.setProgress(fileId, AttachmentState::Failed, a->chunksDone, QStringLiteral("cancelled")); !r)
            return std::unexpected(Error::from(r.error()));
        auto &uploads = m_uploads[a->peer.toString()];
        std::erase_if(uploads, [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == fileId; });
        sendEnd(a->peer, fileId, wire::TransferEnd::UNAVAILABLE);
        Q_EMIT ended(a->messageId);
    } else {
        stopDownload(fileId, AttachmentState::Failed, QStringLiteral("cancelled"), true);
    }
    return m_store.byFileId(fileId).value_or(*a);
}

std::expected<void, Error> Transfer::save(const QByteArray &fileId, const QString &path)
{
    std::optional<AttachmentRecord> a = m_store.byFileId(fileId);
    if (!a || !a->messageId)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such attachment")});
    if (!a->outgoing && a->state != AttachmentState::Done)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("the file has not arrived yet")});
    const crypto::SecretBytes key = m_store.key(fileId);
    const storage::AttachmentFile file(pathOf(*a), key, fileId, a->size);
    auto digest = file.digest(path);
    if (!digest)
        return std::unexpected(Error{Errc::Storage, digest.error()});
    if (*digest != a->sha256) {
        QFile::remove(path);
        return std::unexpected(Error{Errc::Storage, QStringLiteral("the stored file does not match its hash")});
    }
    return {};
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
        // Only the peer we sent the pointer to, for a file we still have and did not cancel.
        std::optional<AttachmentRecord> a = fileId.size() == 16 ? m_store.byFileId(fileId) : std::nullopt;
        if (!a || !a->outgoing || a->peer != peer || !a->messageId || a->state == AttachmentState::Failed) {
            sendEnd(peer, fileId, wire::TransferEnd::UNAVAILABLE);
            return;
        }
        u = std::make_shared<Upload>();
        u->record = *a;
        u->key = m_store.key(fileId);
        u->file = std::make_unique<storage::AttachmentFile>(pathOf(*a), u->key, fileId, a->size);
        u->highest = a->chunksDone;
        u->lastReport.start();
        uploads.push_back(u);
    }
    const std::uint64_t chunks = u->file->chunkCount();
    if (request.first() >= chunks || request.count() > std::uint32_t(MaxRequest))
        return; // out of bounds: ignored
    const std::uint64_t end = std::min<std::uint64_t>(chunks, request.first() + request.count());
    qCDebug(lcMessenger) << "transfer: asked for" << request.first() << "+" << request.count() << "; was at" << u->next << "to" << u->end
                         << "offset" << u->offset;
    // A request starting where the range asked for ends extends it; any other (after a
    // refused chunk) starts over from its first chunk.
    if (request.first() == u->end) {
        u->end = end;
    } else {
        u->next = request.first();
        u->end = end;
        u->chunk.clear();
        u->offset = 0;
    }
    pump(peer);
}

void Transfer::pump(const PeerId &peer)
{
    auto found = m_uploads.find(peer.toString());
    if (found == m_uploads.end() || found->empty())
        return;
    net::Link *link = bulkLink(peer);
    if (!link)
        return;
    std::vector<std::shared_ptr<Upload>> &uploads = *found;
    // Round robin over the files the peer pulls, one slice each, while the socket is short.
    bool progressed = true;
    while (progressed && link->bytesToWrite() < BulkHighWater) {
        progressed = false;
        for (std::size_t i = 0; i < uploads.size() && link->bytesToWrite() < BulkHighWater; ++i) {
            const std::shared_ptr<Upload> u = uploads[i];
            if (u->offset >= u->chunk.size()) {
                if (u->next >= u->end)
                    continue;
                u->chunk = u->file->readChunk(u->next);
                if (u->chunk.isEmpty()) {
                    qCWarning(lcMessenger) << "attachment chunk" << u->next << "cannot be read from our copy";
                    sendEnd(peer, u->record.fileId, wire::TransferEnd::UNAVAILABLE);
                    uploads.erase(uploads.begin() + qsizetype(i));
                    return;
                }
                u->chunkIndex = u->next++;
                u->offset = 0;
            }
            const qsizetype n = std::min<qsizetype>(SliceSize, u->chunk.size() - u->offset);
            wire::Frame frame;
            wire::ChunkData *data = frame.mutable_chunk_data();
            data->set_file_id(toStd(u->record.fileId));
            data->set_index(u->chunkIndex);
            data->set_offset(quint32(u->offset));
            data->set_data(u->chunk.constData() + u->offset, std::size_t(n));
            if (!link->send(frame))
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
    if (!a || a->peer != peer)
        return;
    if (a->outgoing) {
        auto &uploads = m_uploads[peer.toString()];
        std::erase_if(uploads, [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == fileId; });
        if (a->state != AttachmentState::Uploading)
            return;
        const bool done = end.status() == wire::TransferEnd::DONE;
        const std::uint64_t chunks = ChunkSealer::chunkCount(a->size);
        (void)m_store.setProgress(fileId, done ? AttachmentState::Done : AttachmentState::Failed, done ? chunks : a->chunksDone,
                                  done ? QString() : QStringLiteral("cancelled by the receiver"));
        a->state = done ? AttachmentState::Done : AttachmentState::Failed;
        QElapsedTimer now;
        report(*a, done ? chunks : a->chunksDone, now, true);
        Q_EMIT ended(a->messageId);
    } else if (end.status() == wire::TransferEnd::UNAVAILABLE && a->state != AttachmentState::Done) {
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
    if (a.outgoing && !force) // the sender's progress survives a restart too
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
        } else {
            Download &d = **it;
            d.assembling.clear();
            request(d, d.next, Window);
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
            d->requestedUpTo = d->next; // asked again, from the last verified chunk, on the next link
        }
}

void Transfer::framesReceived(const PeerId &peer, const std::vector<wire::Frame> &frames)
{
    bool asked = false;
    for (const wire::Frame &frame : frames) {
        switch (frame.body_case()) {
        case wire::Frame::kChunkData: onChunkData(peer, frame.chunk_data()); break;
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
        m_downloads.remove(a.fileId);
        if (auto it = m_uploads.find(a.peer.toString()); it != m_uploads.end())
            std::erase_if(*it, [&](const std::shared_ptr<Upload> &u) { return u->record.fileId == a.fileId; });
        QFile::remove(pathOf(a));
        (void)m_store.remove(a.fileId);
    }
}

} // namespace sotto::messenger
