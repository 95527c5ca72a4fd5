// SPDX-License-Identifier: GPL-3.0-or-later
// AttachmentFile is one attachment's sealed copy at rest: chunk i of ChunkSealer's format at
// offset i * SealedChunkSize, so a partial download is a prefix of whole, verified chunks.
// It owns the file's bytes on disk only; keys come from AttachmentStore, never from a file.
#pragma once

#include "core/crypto/ChunkSealer.h"
#include "core/crypto/Sha256.h"
#include "core/storage/DirectAppender.h"
#include "core/storage/FileSync.h"
#include "core/storage/SourceFile.h"

#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <expected>
#include <functional>
#include <memory>

namespace sotto::storage {

class AttachmentFile {
public:
    // `path`: the sealed copy; `size`: the plaintext's size in bytes (from the pointer).
    AttachmentFile(QString path, const crypto::SecretBytes &key, const QByteArray &fileId, std::uint64_t size);
    ~AttachmentFile();
    AttachmentFile(const AttachmentFile &) = delete;
    AttachmentFile &operator=(const AttachmentFile &) = delete;

    const QString &path() const { return m_path; }
    std::uint64_t chunkCount() const { return crypto::ChunkSealer::chunkCount(m_size); }
    bool isLast(std::uint64_t index) const { return index + 1 == chunkCount(); }
    std::uint64_t sealedLength(std::uint64_t index) const;

    // Sending: the plaintext at `source` sealed chunk by chunk into the copy, read, hashed
    // and written 4 MiB at a time (memory stays flat); gives the plaintext's SHA-256.
    [[nodiscard]] std::expected<QByteArray, QString> sealFrom(const QString &source);
    // Called on the sealing thread as batches land: the whole chunks in the copy now (a
    // reader may serve them); never all of them (the caller opens up the rest once it
    // checked the source). Returning false stops the sealing ("cancelled"). The finished
    // copy is synced (fdatasync) before sealFrom returns.
    using Landed = std::function<bool(std::uint64_t chunks)>;
    // Called on the sealing thread with each chunk as sealed, in order, before it is on disk
    // (the bytes are valid during the call only).
    using Keep = std::function<void(std::uint64_t index, QByteArrayView sealed)>;
    // The same from a file already open (its size must be this file's); with `hash` false
    // no hash is made (the pointer has it already) and the result is empty.
    [[nodiscard]] std::expected<QByteArray, QString> sealFrom(const SourceFile &source, bool hash, const Landed &landed = {},
                                                              const Keep &keep = {});
    // One sealed chunk as stored (what goes on the wire); empty if it is not there.
    QByteArray readChunk(std::uint64_t index) const;
    // Receiving: opens `sealed` as chunk `index` (refused if it fails authentication) and
    // writes it in its place (direct, on a thread of its own: an error may show only at the
    // next call or at sync()). Chunks are written in order, so the copy stays a prefix.
    // `hash`, if given, takes the chunk's plaintext (a download hashes as it goes, so the
    // final check needs no second pass over the file).
    [[nodiscard]] std::expected<void, QString> writeChunk(std::uint64_t index, const QByteArray &sealed, crypto::Sha256 *hash = nullptr);
    // Whole chunks on disk (a chunk cut short by a kill is dropped from the file).
    std::uint64_t chunksOnDisk();
    // Opens every chunk and hashes the plaintext (SHA-256); optionally writes it to
    // `plainOut`. Fails if any chunk does not open. With `plainOut`, the plaintext goes to a
    // temporary file in the same folder and takes the name only if its hash is `expected`:
    // a partial or wrong file is never left under the user's name (nor replaces one there);
    // the file and then its folder are synced once it has the name.
    [[nodiscard]] std::expected<QByteArray, QString> digest(const QString &plainOut = {}, const QByteArray &expected = {}) const;
    // The chunks written so far on stable storage (fdatasync), before a download is called
    // done or its progress is recorded: a crash or power cut then cannot leave a "done" file
    // whose last chunks never reached the disk.
    [[nodiscard]] bool sync();
    // Starts writing the chunks written so far to disk without waiting for it (so the sync
    // at the end, or the next one, has little left to do).
    void startWriteback();
    bool remove();
    // Whether the last failure of writeChunk() or sync() was a full disk (ENOSPC, EDQUOT):
    // worth trying again once space is freed, unlike an I/O error.
    bool outOfSpace() const { return m_outOfSpace; }

private:
    // Opened once and kept while the transfer runs (a file open per chunk showed in the
    // throughput).
    mutable std::unique_ptr<DirectReader> m_reader; // uploads: the sealed copy, read direct
    std::unique_ptr<DirectAppender> m_writer;       // downloads: chunks appended in order
    crypto::SecretBytes m_plain;                // receiving: one chunk's plaintext, reused
    bool m_outOfSpace = false;                  // see outOfSpace()
    QString m_path;
    crypto::ChunkSealer m_sealer;
    std::uint64_t m_size;
};

} // namespace sotto::storage
