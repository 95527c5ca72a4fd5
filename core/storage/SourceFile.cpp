// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SourceFile.h"

#include "core/crypto/BackgroundSha256.h"
#include "core/crypto/SecretBytes.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sotto::storage {
namespace {

QString why() { return QStringLiteral("cannot read the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))); }

} // namespace

std::expected<SourceFile, QString> SourceFile::open(const QString &path)
{
    SourceFile f;
    // Non-blocking: opening a FIFO must not wait for a writer (the type is checked next);
    // reads of a regular file ignore the flag.
    f.m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (f.m_fd < 0)
        return std::unexpected(why());
    bool regular = false;
    if (!stampOf(f.m_fd, f.m_stamp, &regular))
        return std::unexpected(why());
    if (!regular)
        return std::unexpected(QStringLiteral("not a regular file"));
    f.m_size = f.m_stamp.size;
    (void)::posix_fadvise(f.m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return f;
}

SourceFile::SourceFile(SourceFile &&other) noexcept
    : m_stamp(other.m_stamp)
    , m_size(other.m_size)
    , m_fd(std::exchange(other.m_fd, -1))
{
}

SourceFile::~SourceFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool SourceFile::stampOf(int fd, Stamp &out, bool *regular)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return false;
    if (regular)
        *regular = S_ISREG(st.st_mode);
    out.size = std::uint64_t(st.st_size);
    out.modifiedNs = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    out.inode = std::uint64_t(st.st_ino);
    out.device = std::uint64_t(st.st_dev);
    return true;
}

bool SourceFile::unchanged() const
{
    Stamp now;
    return m_fd >= 0 && stampOf(m_fd, now) && now == m_stamp;
}

ssize_t SourceFile::readAt(int fd, char *to, std::size_t n, std::uint64_t offset)
{
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::pread(fd, to + got, n - got, off_t(offset + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += std::size_t(r);
    }
    return ssize_t(got);
}

// Two 4 MiB buffers: one is read into while the other is hashed on BackgroundSha256's
// thread. One byte more than a batch is asked for at the end: a file that grew shows.
std::expected<QByteArray, QString> SourceFile::sha256(const std::atomic<bool> *stop) const
{
    constexpr std::size_t Batch = 4 * 1024 * 1024;
    crypto::SecretBytes buffers[2] = {crypto::SecretBytes(Batch + 1), crypto::SecretBytes(Batch + 1)};
    std::uint64_t tickets[2] = {0, 0};
    crypto::BackgroundSha256 hash; // after the buffers: joined before they go
    std::uint64_t at = 0;
    for (int turn = 0;; ++turn) {
        crypto::SecretBytes &buffer = buffers[turn % 2];
        hash.waitFor(tickets[turn % 2]);
        if (stop && *stop)
            return std::unexpected(QStringLiteral("cancelled"));
        const std::size_t want = std::size_t(std::min<std::uint64_t>(Batch, m_size - at));
        const bool last = at + want == m_size;
        const ssize_t got = readAt(m_fd, reinterpret_cast<char *>(buffer.data()), last ? want + 1 : want, at);
        if (got < 0)
            return std::unexpected(why());
        if (std::size_t(got) != want)
            return std::unexpected(QStringLiteral("the file changed while it was read"));
        tickets[turn % 2] = hash.add(reinterpret_cast<const char *>(buffer.data()), want);
        at += want;
        if (last)
            break;
    }
    return hash.result();
}

} // namespace sotto::storage
