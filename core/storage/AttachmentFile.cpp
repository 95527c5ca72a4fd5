// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/AttachmentFile.h"

#include "core/crypto/BackgroundSha256.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QScopeGuard>

#include <sodium.h>

#include <cerrno>
#include <optional>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace sotto::storage {

using crypto::ChunkSealer;

AttachmentFile::AttachmentFile(QString path, const crypto::SecretBytes &key, const QByteArray &fileId, std::uint64_t size)
    : m_path(std::move(path))
    , m_sealer(key, fileId)
    , m_size(size)
{
}

std::uint64_t AttachmentFile::sealedLength(std::uint64_t index) const
{
    return ChunkSealer::plainLength(m_size, index) + ChunkSealer::Overhead;
}

AttachmentFile::~AttachmentFile() = default;

std::expected<QByteArray, QString> AttachmentFile::sealFrom(const QString &source)
{
    auto in = SourceFile::open(source);
    if (!in)
        return std::unexpected(in.error());
    return sealFrom(*in, true);
}

// Three threads, each on what it is best at: this one reads a batch of chunks and seals
// them straight into the appender's buffer; BackgroundSha256 hashes the same batch on the
// other core meanwhile; the appender's thread writes the sealed bytes direct (it waits for
// the disk, not for a core). Through the page cache and with the hash on this thread, the
// sender sealed at 428–613 MB/s against ~1,240 for the sealing alone (docs/BENCHMARKS.md).
// Two batches of plaintext, wiped when they go: one is hashed while the next is read.
// Without the hash (it was made first, for the pointer), this thread reads and seals alone.
std::expected<QByteArray, QString> AttachmentFile::sealFrom(const SourceFile &source, bool withHash, const Landed &landed, const Keep &keep)
{
    if (!m_sealer.isValid())
        return std::unexpected(QStringLiteral("invalid key"));
    if (source.size() != m_size)
        return std::unexpected(QStringLiteral("the file changed while it was read"));
    constexpr std::uint64_t BatchChunks = 16; // 4 MiB: one direct write per batch
    DirectAppender out(BatchChunks * ChunkSealer::SealedChunkSize + DirectAppender::Align, true);
    const auto failed = [&](const QString &why) {
        out.close();
        QFile::remove(m_path);
        return std::unexpected(why);
    };
    if (!out.open(m_path, 0, true))
        return failed(QStringLiteral("cannot write the sealed copy: %1").arg(out.errorString()));
    // One byte more than a batch: reading past the last chunk shows a file that grew.
    crypto::SecretBytes batches[2] = {crypto::SecretBytes(BatchChunks * ChunkSealer::ChunkSize + 1),
                                      crypto::SecretBytes(BatchChunks * ChunkSealer::ChunkSize + 1)};
    std::uint64_t tickets[2] = {0, 0};
    std::optional<crypto::BackgroundSha256> hash; // after the batches: gone (joined) before them
    if (withHash)
        hash.emplace();
    std::uint64_t offset = 0;
    for (std::uint64_t first = 0, batch = 0; first < chunkCount(); first += BatchChunks, ++batch) {
        crypto::SecretBytes &buffer = batches[batch % 2];
        auto *plain = reinterpret_cast<char *>(buffer.data());
        if (hash)
            hash->waitFor(tickets[batch % 2]); // this buffer's last batch is hashed
        const std::uint64_t end = std::min(chunkCount(), first + BatchChunks);
        std::size_t length = 0;
        for (std::uint64_t i = first; i < end; ++i)
            length += ChunkSealer::plainLength(m_size, i);
        const std::size_t ask = end == chunkCount() ? length + 1 : length;
        const ssize_t got = SourceFile::readAt(source.handle(), plain, ask, offset);
        if (got < 0)
            return failed(QStringLiteral("cannot read the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (std::size_t(got) != length)
            return failed(QStringLiteral("the file changed while it was read"));
        offset += length;
        if (hash)
            tickets[batch % 2] = hash->add(plain, length);
        for (std::uint64_t i = first; i < end; ++i) {
            const std::size_t chunk = ChunkSealer::plainLength(m_size, i);
            char *to = out.space(chunk + ChunkSealer::Overhead);
            if (!to)
                return failed(QStringLiteral("cannot write the sealed copy: %1").arg(out.errorString()));
            if (!m_sealer.sealInto(i, isLast(i), plain, chunk, to))
                return failed(QStringLiteral("cannot seal chunk %1").arg(i)); // never: checked above
            if (keep)
                keep(i, QByteArrayView(to, qsizetype(chunk + ChunkSealer::Overhead)));
            out.commit(chunk + ChunkSealer::Overhead);
            plain += chunk;
        }
        // The batch goes to the disk now (its write runs while the next one is sealed), so
        // the chunks a reader may take lag the sealing by one batch, not two.
        if (!out.writeBlocks())
            return failed(QStringLiteral("cannot write the sealed copy: %1").arg(out.errorString()));
        if (landed && !landed(std::min(out.landed() / ChunkSealer::SealedChunkSize, chunkCount() - 1)))
            return failed(QStringLiteral("cancelled"));
    }
    // Durable before its caller counts it whole (and forgets the source it could be made
    // again from). The last chunks are left for the caller to open up once it has checked
    // the source: `landed` never names the last batch.
    if (!out.sync())
        return failed(QStringLiteral("cannot write the sealed copy: %1").arg(out.errorString()));
    out.close();
    return hash ? hash->result() : QByteArray();
}

QByteArray AttachmentFile::readChunk(std::uint64_t index) const
{
    if (index >= chunkCount())
        return {};
    // Direct, like the write: the copy was written past the page cache, and reading it
    // through the cache would fill fresh pages with bytes read once.
    if (!m_reader) {
        m_reader = std::make_unique<DirectReader>(ChunkSealer::SealedChunkSize);
        if (!m_reader->open(m_path)) {
            m_reader.reset();
            return {};
        }
    }
    const QByteArray sealed = m_reader->read(index * ChunkSealer::SealedChunkSize, std::size_t(sealedLength(index)));
    return std::uint64_t(sealed.size()) == sealedLength(index) ? sealed : QByteArray();
}

std::expected<void, QString> AttachmentFile::writeChunk(std::uint64_t index, const QByteArray &sealed, crypto::Sha256 *hash)
{
    m_outOfSpace = false;
    if (index >= chunkCount() || std::uint64_t(sealed.size()) != sealedLength(index))
        return std::unexpected(QStringLiteral("chunk %1 has the wrong length").arg(index));
    // One buffer for every chunk's plaintext (no allocation and fresh pages per chunk),
    // wiped as soon as the chunk is hashed: nothing of the file lies there in between.
    if (m_plain.empty())
        m_plain = crypto::SecretBytes(ChunkSealer::ChunkSize);
    auto *plain = reinterpret_cast<char *>(m_plain.data());
    const std::size_t plainSize = std::size_t(sealed.size()) - ChunkSealer::Overhead;
    const auto wipePlain = qScopeGuard([plain, plainSize] { sodium_memzero(plain, plainSize); });
    if (!m_sealer.openInto(index, isLast(index), sealed.constData(), std::size_t(sealed.size()), plain))
        return std::unexpected(QStringLiteral("chunk %1 failed authentication").arg(index));
    const std::uint64_t at = index * ChunkSealer::SealedChunkSize;
    if (!m_writer || !m_writer->isOpen() || m_writer->position() != at) {
        if (!m_writer)
            m_writer = std::make_unique<DirectAppender>(ChunkSealer::SealedChunkSize + DirectAppender::Align, true);
        if (!m_writer->open(m_path, at, false)) {
            const QString why = m_writer->errorString();
            m_outOfSpace = isFullDisk(m_writer->errorNumber());
            m_writer.reset();
            return std::unexpected(QStringLiteral("chunk %1: %2").arg(index).arg(why));
        }
    }
    // Every whole block goes to the disk now, on the appender's thread while this one opens
    // and hashes the next chunk; the last partial block waits for the next chunk or the sync.
    // A kill loses what was in flight, and resuming drops the chunk it cut. A failed write
    // shows at the next chunk or the sync: the download then pauses (its running hash goes
    // with it; a resumed download hashes the file at the end) and resumes from the file.
    if (!m_writer->append(sealed.constData(), std::size_t(sealed.size())) || !m_writer->writeBlocks()) {
        const QString why = m_writer->errorString();
        m_outOfSpace = isFullDisk(m_writer->errorNumber());
        m_writer.reset(); // what did not land is not kept in a buffer either
        return std::unexpected(QStringLiteral("chunk %1: %2").arg(index).arg(why));
    }
    if (hash)
        hash->addData(plain, plainSize); // not a chunk refused above: it is asked for again
    return {};
}

std::uint64_t AttachmentFile::chunksOnDisk()
{
    m_reader.reset();
    m_writer.reset(); // what it buffered goes to the file first
    QFile f(m_path);
    if (!f.exists())
        return 0;
    const std::uint64_t bytes = std::uint64_t(f.size());
    std::uint64_t whole = bytes / ChunkSealer::SealedChunkSize;
    // The last chunk is shorter than the others.
    if (whole + 1 == chunkCount() && bytes == whole * ChunkSealer::SealedChunkSize + sealedLength(whole))
        return chunkCount();
    whole = std::min(whole, chunkCount());
    if (bytes != whole * ChunkSealer::SealedChunkSize)
        f.resize(qint64(whole * ChunkSealer::SealedChunkSize)); // a chunk cut short by a kill
    return whole;
}

std::expected<QByteArray, QString> AttachmentFile::digest(const QString &plainOut, const QByteArray &expected) const
{
    QFile in(m_path);
    if (!in.open(QIODevice::ReadOnly))
        return std::unexpected(in.errorString());
    std::unique_ptr<QSaveFile> out;
    if (!plainOut.isEmpty()) {
        out = std::make_unique<QSaveFile>(plainOut);
        if (!out->open(QIODevice::WriteOnly))
            return std::unexpected(QStringLiteral("cannot write %1: %2").arg(plainOut, out->errorString()));
    }
    crypto::Sha256 hash;
    for (std::uint64_t i = 0; i < chunkCount(); ++i) {
        const QByteArray sealed = in.read(qint64(sealedLength(i)));
        std::optional<QByteArray> plain = m_sealer.open(i, isLast(i), sealed);
        if (!plain)
            return std::unexpected(QStringLiteral("chunk %1 is missing or damaged").arg(i));
        hash.addData(*plain);
        if (out && out->write(*plain) != plain->size())
            return std::unexpected(QStringLiteral("cannot write %1: %2").arg(plainOut, out->errorString()));
        plain->fill('\0');
    }
    if (!in.atEnd())
        return std::unexpected(QStringLiteral("the sealed copy is longer than its file"));
    const QByteArray result = hash.result();
    if (out && result != expected) {
        out->cancelWriting(); // the temporary goes; whatever had the name keeps it
        return std::unexpected(QStringLiteral("the stored file does not match its hash"));
    }
    if (out && !out->commit())
        return std::unexpected(QStringLiteral("cannot write %1: %2").arg(plainOut, out->errorString()));
    // QSaveFile synced the bytes before the rename; the rename itself lives in the folder.
    // Not an error if the user's folder cannot be synced (some network file systems).
    if (out)
        (void)syncDirectoryOf(plainOut);
    return result;
}

void AttachmentFile::startWriteback()
{
    // Written direct, the chunks are on the device already; only a file system without
    // O_DIRECT (or a chunk's partial block) leaves dirty pages to start on.
    if (m_writer && m_writer->isOpen())
        (void)::sync_file_range(m_writer->handle(), 0, 0, SYNC_FILE_RANGE_WRITE);
}

bool AttachmentFile::sync()
{
    m_outOfSpace = false;
    if (m_writer && m_writer->isOpen()) {
        if (m_writer->sync())
            return true;
        m_outOfSpace = isFullDisk(m_writer->errorNumber());
        return false;
    }
    // Nothing written through this object: a download found whole on disk after a restart.
    // The run that wrote it may have quit cleanly with its last blocks only in the page
    // cache, so they are made durable here too before the download is called done.
    int error = 0;
    if (syncFile(m_path, &error))
        return true;
    m_outOfSpace = isFullDisk(error);
    return false;
}

bool AttachmentFile::remove()
{
    m_reader.reset();
    m_writer.reset();
    return QFile::remove(m_path) || !QFile::exists(m_path);
}

} // namespace sotto::storage
