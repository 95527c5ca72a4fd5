// SPDX-License-Identifier: GPL-3.0-or-later
// TransferIo runs Transfer's file work on one worker thread: reading sealed chunks to send,
// and opening, hashing, writing and syncing received ones. The worker touches files only —
// no libsignal, no database, no socket — so the core thread keeps those and never waits on
// a disk or on a chunk's crypto. It owns the thread; each file's state is a SealedCopy.
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/crypto/Sha256.h"
#include "core/storage/AttachmentFile.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace sotto::messenger {

// One attachment's sealed copy as the worker uses it. Made on the core thread; after that
// touched only inside jobs, which run one at a time in the order they were posted (so the
// writes of a download land in order and its final hash comes after its last write).
struct SealedCopy {
    SealedCopy(const QString &path, crypto::SecretBytes fileKey, const QByteArray &fileId, std::uint64_t size)
        : key(std::move(fileKey))
        , file(path, key, fileId, size)
    {
    }
    crypto::SecretBytes key;      // before `file`, whose sealer keeps a reference to it
    storage::AttachmentFile file; // chunkCount() and sealedLength() are pure: callable anywhere
    // Receiving from the first chunk: the plaintext's hash so far (else the end hashes the file).
    std::unique_ptr<crypto::Sha256> hash;
    std::uint64_t written = 0;    // receiving: whole chunks on disk; a write lands only at this index
    std::uint64_t synced = 0;     // receiving: chunks known to be on stable storage (fdatasync)
    // Set on the core thread when the download stops: jobs still queued leave the file alone.
    std::atomic<bool> stopped{false};
};

class TransferIo {
public:
    TransferIo();
    // Stops the worker; jobs not yet started are dropped (a download resumes from the chunks
    // on disk), the one running finishes first.
    ~TransferIo();
    TransferIo(const TransferIo &) = delete;
    TransferIo &operator=(const TransferIo &) = delete;

    // Runs `work()` on the worker thread, then `done(result)` as a queued call on `context`'s
    // thread. `context` must outlive this object or be deleted only after it (Transfer holds
    // it and destroys it first), so a result never reaches a deleted context.
    template <typename Work, typename Done>
    void run(QObject *context, Work work, Done done)
    {
        QMetaObject::invokeMethod(
            m_worker,
            [context, work = std::move(work), done = std::move(done)]() mutable {
                auto result = work();
                QMetaObject::invokeMethod(
                    context, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_worker; // lives on m_thread; jobs are queued calls on it
};

} // namespace sotto::messenger
