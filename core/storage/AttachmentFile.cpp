// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/AttachmentFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QScopeGuard>

#include <fcntl.h>
#include <unistd.h>

namespace sotto::storage {

using crypto::ChunkSealer;

bool syncDirectoryOf(const QString &path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

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

std::expected<QByteArray, QString> AttachmentFile::sealFrom(const QString &source)
{
    if (!m_sealer.isValid())
        return std::unexpected(QStringLiteral("invalid key"));
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("cannot read %1: %2").arg(source, in.errorString()));
    QFile out(m_path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return std::unexpected(QStringLiteral("cannot write the sealed copy: %1").arg(out.errorString()));
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    crypto::Sha256 hash;
    for (std::uint64_t i = 0; i < chunkCount(); ++i) {
        QByteArray plain = in.read(ChunkSealer::plainLength(m_size, i));
        if (std::uint64_t(plain.size()) != ChunkSealer::plainLength(m_size, i)) {
            out.remove();
            return std::unexpected(QStringLiteral("the file changed while it was read"));
        }
        hash.addData(plain);
        const QByteArray sealed = m_sealer.seal(i, isLast(i), plain);
        plain.fill('\0');
        if (out.write(sealed) != sealed.size()) {
            const QString why = out.errorString();
            out.remove();
            return std::unexpected(QStringLiteral("cannot write the sealed copy: %1").arg(why));
        }
    }
    if (!in.atEnd()) {
        out.remove();
        return std::unexpected(QStringLiteral("the file changed while it was read"));
    }
    if (!out.flush()) {
        out.remove();
        return std::unexpected(QStringLiteral("cannot write the sealed copy: %1").arg(out.errorString()));
    }
    return hash.result();
}

QFile *AttachmentFile::file(QIODevice::OpenMode mode) const
{
    if (m_file && (m_file->openMode() & mode) == mode)
        return m_file.get();
    m_file = std::make_unique<QFile>(m_path);
    if (!m_file->open(mode)) {
        m_file.reset();
        return nullptr;
    }
    return m_file.get();
}

QByteArray AttachmentFile::readChunk(std::uint64_t index) const
{
    if (index >= chunkCount())
        return {};
    QFile *in = file(QIODevice::ReadOnly);
    if (!in || !in->seek(qint64(index * ChunkSealer::SealedChunkSize)))
        return {};
    const QByteArray sealed = in->read(qint64(sealedLength(index)));
    return std::uint64_t(sealed.size()) == sealedLength(index) ? sealed : QByteArray();
}

std::expected<void, QString> AttachmentFile::writeChunk(std::uint64_t index, const QByteArray &sealed, crypto::Sha256 *hash)
{
    if (index >= chunkCount() || std::uint64_t(sealed.size()) != sealedLength(index))
        return std::unexpected(QStringLiteral("chunk %1 has the wrong length").arg(index));
    std::optional<QByteArray> plain = m_sealer.open(index, isLast(index), sealed);
    if (!plain)
        return std::unexpected(QStringLiteral("chunk %1 failed authentication").arg(index));
    const auto wiped = qScopeGuard([&] { plain->fill('\0'); });
    const bool fresh = !m_file;
    QFile *out = file(QIODevice::ReadWrite);
    if (!out)
        return std::unexpected(QStringLiteral("cannot open the file"));
    if (fresh)
        out->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!out->seek(qint64(index * ChunkSealer::SealedChunkSize)) || out->write(sealed) != sealed.size() || !out->flush()) {
        const QString why = out->errorString();
        m_file.reset(); // what did not land is not kept in a buffer either
        return std::unexpected(QStringLiteral("cannot write chunk %1: %2").arg(index).arg(why));
    }
    if (hash)
        hash->addData(*plain); // only once it is written: a chunk that failed to land is asked for again
    return {};
}

std::uint64_t AttachmentFile::chunksOnDisk()
{
    m_file.reset();
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
    if (m_file && m_file->flush())
        (void)::sync_file_range(m_file->handle(), 0, 0, SYNC_FILE_RANGE_WRITE);
}

bool AttachmentFile::sync()
{
    if (!m_file)
        return QFile::exists(m_path); // nothing written through this object
    return m_file->flush() && ::fdatasync(m_file->handle()) == 0;
}

bool AttachmentFile::remove()
{
    m_file.reset();
    return QFile::remove(m_path) || !QFile::exists(m_path);
}

} // namespace sotto::storage
