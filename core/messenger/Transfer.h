// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer moves attachments' sealed chunks over the proven links, beside chat and never in
// front of it: the receiver pulls chunk ranges from its last verified chunk (so a lost link,
// a kill or a restart on either side resumes, not restarts), the sender answers from its
// own sealed copy only while the link's socket holds less than a small bound. It owns the
// in-flight state of downloads and uploads; pointers and keys are AttachmentStore's.
#pragma once

#include "core/messenger/Messenger.h"
#include "core/messenger/TransferIo.h"
#include "core/net/LinkManager.h"
#include "core/storage/AttachmentFile.h"
#include "core/storage/AttachmentStore.h"
#include "core/storage/Profile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>

#include <memory>

namespace sotto::messenger {

// The sealed copy's file name inside attachments/ (no secret in it: the file id is random).
QString localFileFor(const QByteArray &fileId);

class Transfer : public QObject {
    Q_OBJECT
public:
    // A bulk frame goes only while the link's socket holds less than this: a chat frame
    // then waits behind at most this much (about a millisecond on a LAN).
    static constexpr qint64 BulkHighWater = 256 * 1024;
    // Bytes of a sealed chunk per ChunkData frame, under the frame cap (262,144 bytes with
    // the frame's own fields): a Content-v5 peer takes a chunk in two frames, a v4 peer in
    // three (it refuses slices over 128 KiB). Fewer frames: less parsing and copying.
    static constexpr int SliceSize = 255 * 1024;
    static constexpr int SliceSizeV4 = 128 * 1024;
    // Chunks asked for ahead of the last one written (1 MiB): those in flight on the link and
    // those waiting for the worker. Kernel socket buffers hold whatever is in flight, so this,
    // not BulkHighWater alone, bounds how long a chat frame waits behind the file; it also
    // bounds the memory a download holds.
    static constexpr int Window = 4;
    // Sealed chunks read ahead per upload by the worker, so the socket never waits on the disk.
    static constexpr int ReadAhead = 2;
    // Chunks just sealed kept in memory for the uploads that follow the sealing (12 MiB);
    // how long the first reader is waited for (the peer asks once the pointer is in); and
    // the rate below which the sealing stops waiting for readers (a 4 GiB copy is whole
    // within ~40 s, however slow the peer: Save as… and a quit mid-transfer wait for it).
    static constexpr std::size_t FreshChunkCount = 48;
    static constexpr std::chrono::milliseconds FreshFirstReader{500};
    static constexpr double FreshFloorBytesPerSecond = 100e6;
    // A download's copy is made durable (fdatasync) when it pauses and before it is done,
    // and only chunks made durable count in the database's chunks_done (resuming goes by
    // the verified chunks on disk). Syncs while it runs waited for the disk on the worker
    // and stalled the window (1 GiB: 350 MB/s without them, 179 MB/s with one every
    // 256 MiB), so meanwhile writeback is only started, every this many chunks (32 MiB),
    // and the final sync has little left to write. (Chunks are now written direct, so this
    // matters only where the file system refuses O_DIRECT; see DirectAppender.)
    static constexpr std::uint64_t WritebackEveryChunks = 128;
    // Files one peer may have in flight with us in each direction: a peer asking for more
    // uploads at once is not served beyond this (an honest receiver never asks for more), and
    // we pull at most this many downloads from one peer at a time (the others wait their turn).
    static constexpr int MaxPerPeer = 8;
    static constexpr int MaxRequest = 64;         // chunks one request may ask for
    static constexpr int MaxChunkFailures = 3;    // the same chunk failing authentication
    static constexpr qint64 AutoDownloadImageBytes = 25'000'000;
    static constexpr int ProgressIntervalMs = 250; // transfer_progress at most 4/s per file
    static constexpr qint64 DiskMarginBytes = 16 * 1024 * 1024;
    // An image downloads by itself only while this much (or 1 % of the disk) stays free.
    static constexpr std::uint64_t AutoDownloadMarginBytes = 256ULL * 1024 * 1024;
    static constexpr int DiskRetryMs = 5000;

    Transfer(storage::Profile &profile, net::LinkManager &links, QObject *parent = nullptr);
    ~Transfer() override;

    // The user's commands. `download` starts or resumes a received file; `pause` stops a
    // download where it is; `cancel` ends a download or an upload for good (failed,
    // "cancelled"). Each returns the file as it is now.
    [[nodiscard]] std::expected<storage::AttachmentRecord, Error> download(const QByteArray &fileId);
    [[nodiscard]] std::expected<storage::AttachmentRecord, Error> pause(const QByteArray &fileId);
    [[nodiscard]] std::expected<storage::AttachmentRecord, Error> cancel(const QByteArray &fileId);
    // The verified plaintext written to `path` (the user's choice; checked against the hash)
    // on the worker thread (a 1 GiB file takes seconds: the core thread goes on), then `done`
    // on this object's thread. Refusals (no such file, not arrived) come at once. There is no
    // blocking variant: the core thread never decrypts a whole file.
    using Saved = std::function<void(std::expected<void, Error>)>;
    void saveAsync(const QByteArray &fileId, const QString &path, Saved done);

    // Hashes the file at `path` on a thread of its own that touches only files (a 1 GiB
    // file takes most of a second; the core thread goes on meanwhile), then calls `done` on
    // this object's thread, whose pointer may go at once: the same thread then seals the
    // copy into attachments/, and a peer is served only the chunks already in it. A copy
    // that cannot be made (the file changed, the disk is full) fails the upload. The pointer
    // names the file's `source` until the copy is whole, so a restart seals it again.
    using Sealed = std::function<void(std::expected<Messenger::SealedFile, Error>)>;
    void seal(const QString &path, Sealed done);

    // A received attachment message: images under AutoDownloadImageBytes start at once
    // (unless the user turned that off: then every file waits for download()).
    void messageReceived(const storage::MessageRecord &message);
    void setAutoDownloadImages(bool on) { m_autoDownloadImages = on; }
    // Files whose message was deleted or expired go (their rows and sealed copies).
    void sweep();

    void peerUp(const protocol::PeerId &peer);
    void peerDown(const protocol::PeerId &peer);
    void framesReceived(const protocol::PeerId &peer, const std::vector<wire::Frame> &frames);
    // A slice of a chunk we asked for, read in place by the link (its views hold only during
    // the call: the bytes are appended to the chunk being assembled, their only copy here).
    void sliceReceived(const protocol::PeerId &peer, const net::ChunkSlice &slice);

    // Whether a peer may pull the file of our message `messageId` sent to a group
    // conversation (Node gives it; the group state and recipients are Messenger's).
    using Membership = std::function<bool(std::int64_t conversationId, std::int64_t messageId, const protocol::PeerId &peer)>;
    void setMembership(Membership isMember) { m_isMember = std::move(isMember); }

    // Bytes of sealed chunks this process put on links (all files), for tests and benchmarks.
    std::uint64_t bytesServed() const { return m_bytesServed; }

Q_SIGNALS:
    // Throttled (ProgressIntervalMs per file); `bytesDone` of the plaintext.
    void progress(const sotto::storage::AttachmentRecord &attachment, quint64 bytesDone);
    // A transfer reached done or failed (or a download paused for want of disk space): the
    // message's row to show again.
    void ended(std::int64_t messageId);

private:
    struct Download;
    struct Upload;
    struct Sealing;

    QString pathOf(const storage::AttachmentRecord &a) const;
    net::Link *bulkLink(const protocol::PeerId &peer) const; // an up link speaking Content v4
    void startDownload(const storage::AttachmentRecord &a);
    void opened(const std::shared_ptr<Download> &d, std::uint64_t onDisk);
    void removeCopy(const QString &path);
    void sweepStrays();
    // Runs `work` (which makes the copy of `s`) on a thread of its own, waited for on destruction.
    void startSealing(const std::shared_ptr<Sealing> &s, std::function<void()> work);
    // Copies whose pointer went but which were not whole when Sotto stopped: sealed again
    // from their source, and checked against the pointer's hash.
    void resumeSealing();
    // On this thread, from a sealing thread: more chunks are in the copy; it is done (or failed).
    void sealProgress(const std::shared_ptr<Sealing> &s);
    void sealEnded(const std::shared_ptr<Sealing> &s, const QString &error);
    // Chunks of our file in its copy now, that an upload may read (all, unless it is being sealed).
    std::uint64_t sealedChunks(const QByteArray &fileId) const;
    // Ends an upload for good: failed with `reason`, every peer pulling it told.
    [[nodiscard]] std::expected<void, Error> failUpload(const storage::AttachmentRecord &a, const QString &reason);
    // Whether `peer` may pull our file `a`: the peer it was sent to, or for a file sent to a
    // group (its row names ourselves), a member of that group now.
    bool mayPull(const storage::AttachmentRecord &a, const protocol::PeerId &peer) const;
    bool sentToGroup(const storage::AttachmentRecord &a) const;
    void request(Download &d, std::uint64_t first, std::uint32_t count);
    void topUp(Download &d);
    void chunkComplete(const std::shared_ptr<Download> &d);
    struct Written;
    void chunkWritten(const std::shared_ptr<Download> &d, const Written &w);
    void finishDownload(const std::shared_ptr<Download> &d);
    // Why a download's bytes did not reach the disk: a full disk passes (the download waits
    // and goes on by itself once there is space), anything else (EIO...) waits for the user.
    enum class WriteFailure { None, FullDisk, Other };
    void verified(const std::shared_ptr<Download> &d, const std::expected<QByteArray, QString> &digest, WriteFailure failure);
    void pauseUnwritten(const QByteArray &fileId, const QString &error, WriteFailure failure);
    // Bytes the downloads under way still need on disk (their reservation against free space).
    std::uint64_t reserved(const QByteArray &except) const;
    int activeDownloads(const protocol::PeerId &peer) const;
    void startWaiting(const protocol::PeerId &peer); // downloads held back by MaxPerPeer
    // Ends a download in `state` with `reason` (the in-memory part goes; the row stays).
    void stopDownload(const QByteArray &fileId, storage::AttachmentState state, const QString &reason, bool tellSender);
    void onChunkRequest(const protocol::PeerId &peer, const wire::ChunkRequest &request);
    void onTransferEnd(const protocol::PeerId &peer, const wire::TransferEnd &end);
    void pump(const protocol::PeerId &peer);
    void readAhead(const protocol::PeerId &peer, const std::shared_ptr<Upload> &u);
    void onDrained(net::Link *link);
    void sendEnd(const protocol::PeerId &peer, const QByteArray &fileId, wire::TransferEnd::Status status);
    void report(const storage::AttachmentRecord &a, std::uint64_t chunksDone, QElapsedTimer &last, bool force = false);
    void retryDisk();

    storage::Profile &m_profile;
    storage::AttachmentStore m_store;
    net::LinkManager &m_links;
    QHash<QByteArray, std::shared_ptr<Download>> m_downloads;           // file id -> receiving
    QHash<QString, std::vector<std::shared_ptr<Upload>>> m_uploads;     // peer -> files it pulls from us
    Membership m_isMember;
    QTimer m_diskRetry;
    // Sealing threads and the copy each makes: stopped and waited for on destruction, when a
    // copy whose message was never made is removed.
    QHash<QThread *, std::shared_ptr<Sealing>> m_sealers;
    QHash<QByteArray, std::shared_ptr<Sealing>> m_sealing; // file id -> copies being made for a pointer
    QSet<QString> m_removing; // copies queued for removal on the worker, removed at the end if still there
    std::uint64_t m_bytesServed = 0;
    bool m_autoDownloadImages = true;
    // Declared last, so destroyed first: no job's result arrives once the rest is going.
    std::unique_ptr<TransferIo> m_io;
};

} // namespace sotto::messenger
