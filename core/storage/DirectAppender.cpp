// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/DirectAppender.h"

#include <QFile>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <sodium.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sotto::storage {

namespace {

constexpr std::size_t roundUp(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

// The whole range written (pwrite may write less than asked, e.g. on a signal). A file
// system that opened with O_DIRECT but refuses this alignment (EINVAL: e.g. 64 KiB sectors)
// gets the same bytes through `buffered`: slower, never stuck.
bool writeAll(int fd, const char *data, std::size_t n, std::uint64_t offset, int buffered)
{
    while (n) {
        const ssize_t w = ::pwrite(fd, data, n, off_t(offset));
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno == EINVAL && fd != buffered && buffered >= 0) {
            fd = buffered;
            continue;
        }
        if (w == 0)
            errno = ENOSPC; // nothing written and no error: the device is full
        if (w <= 0)
            return false;
        data += w;
        n -= std::size_t(w);
        offset += std::uint64_t(w);
    }
    return true;
}

} // namespace

// The thread writing whole blocks of the spare buffer while the caller fills the other one:
// one write in flight at a time.
struct DirectAppender::Background {
    QMutex mutex;
    QWaitCondition changed;
    const char *data = nullptr; // the write in flight, if any
    std::size_t size = 0;
    std::uint64_t offset = 0;
    int fd = -1;
    int buffered = -1;
    bool busy = false;
    bool quit = false;
    int error = 0; // errno of the first failed write, kept until the object goes
    std::unique_ptr<QThread> thread;

    Background()
        : thread(QThread::create([this] { loop(); }))
    {
        thread->start();
    }
    ~Background()
    {
        {
            QMutexLocker lock(&mutex);
            quit = true;
            changed.wakeAll();
        }
        thread->wait();
    }
    void loop()
    {
        QMutexLocker lock(&mutex);
        for (;;) {
            while (!busy && !quit)
                changed.wait(&mutex);
            if (!busy)
                return;
            lock.unlock();
            const bool ok = writeAll(fd, data, size, offset, buffered);
            const int why = errno;
            lock.relock();
            if (!ok && !error)
                error = why ? why : EIO;
            busy = false;
            changed.wakeAll();
        }
    }
};

DirectAppender::DirectAppender(std::size_t capacity, bool background)
    : m_capacity(roundUp(std::max(capacity, Align), Align))
{
    m_buffer = static_cast<char *>(std::aligned_alloc(Align, m_capacity));
    m_spare = background ? static_cast<char *>(std::aligned_alloc(Align, m_capacity)) : nullptr;
    if (!m_buffer || (background && !m_spare))
        qFatal("out of memory for a file buffer");
    if (background)
        m_background = std::make_unique<Background>();
}

DirectAppender::~DirectAppender()
{
    close();
    m_background.reset();
    for (char *b : {m_buffer, m_spare})
        if (b) {
            sodium_memzero(b, m_capacity);
            std::free(b);
        }
}

bool DirectAppender::waitIdle()
{
    if (!m_background)
        return !m_failed;
    QMutexLocker lock(&m_background->mutex);
    while (m_background->busy)
        m_background->changed.wait(&m_background->mutex);
    if (m_background->error && !m_failed) {
        errno = m_background->error;
        return fail("cannot write the file");
    }
    return !m_failed;
}

std::uint64_t DirectAppender::landed() const
{
    if (m_fd < 0)
        return 0;
    if (!m_background)
        return m_base; // every whole block before it was written in this thread
    // Writes go one at a time, front to back: all before the one in flight are done.
    QMutexLocker lock(&m_background->mutex);
    return m_background->busy || m_background->error ? m_background->offset : m_base;
}

bool DirectAppender::fail(const char *what)
{
    m_failed = true;
    m_errno = errno;
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

bool DirectAppender::open(const QString &path, std::uint64_t offset, bool truncate)
{
    close();
    m_failed = false;
    m_error.clear();
    m_errno = 0;
    const QByteArray name = QFile::encodeName(path);
    m_buffered = ::open(name.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_buffered < 0)
        return fail("cannot open the file");
    (void)::fchmod(m_buffered, 0600); // a file that was there keeps no wider mode
    if (truncate && ::ftruncate(m_buffered, off_t(offset)) != 0) {
        fail("cannot truncate the file");
        close();
        return false;
    }
    m_fd = ::open(name.constData(), O_WRONLY | O_DIRECT | O_CLOEXEC);
    if (m_fd < 0)
        m_fd = m_buffered; // no O_DIRECT here (tmpfs): the same writes, through the page cache
    m_base = offset / Align * Align;
    m_fill = std::size_t(offset - m_base);
    // The start of the block `offset` falls in: a direct write rewrites that block whole.
    if (m_fill) {
        const ssize_t got = ::pread(m_buffered, m_buffer, m_fill, off_t(m_base));
        if (got != ssize_t(m_fill)) {
            if (got >= 0)
                errno = EIO; // a short read sets no errno: what errno held is not its cause
            fail("cannot read the file");
            close();
            return false;
        }
    }
    return true;
}

bool DirectAppender::writeBlocks()
{
    if (m_failed || m_fd < 0)
        return false;
    const std::size_t whole = m_fill / Align * Align;
    if (!whole)
        return !m_background || waitIdle();
    if (m_background) {
        // The previous write done, these blocks go to the thread; the partial block moves
        // to the front of the other buffer, which the caller fills meanwhile.
        if (!waitIdle())
            return false;
        std::memcpy(m_spare, m_buffer + whole, m_fill - whole);
        {
            QMutexLocker lock(&m_background->mutex);
            m_background->data = m_buffer;
            m_background->size = whole;
            m_background->offset = m_base;
            m_background->fd = m_fd;
            m_background->buffered = m_buffered;
            m_background->busy = true;
            m_background->changed.wakeAll();
        }
        std::swap(m_buffer, m_spare);
        m_base += whole;
        m_fill -= whole;
        return true;
    }
    if (!writeAll(m_fd, m_buffer, whole, m_base, m_buffered))
        return fail("cannot write the file");
    std::memmove(m_buffer, m_buffer + whole, m_fill - whole);
    m_base += whole;
    m_fill -= whole;
    return true;
}

char *DirectAppender::space(std::size_t n)
{
    if (m_fill + n > m_capacity && !writeBlocks())
        return nullptr;
    if (m_failed || m_fill + n > m_capacity)
        return nullptr;
    return m_buffer + m_fill;
}

bool DirectAppender::append(const char *data, std::size_t n)
{
    while (n) {
        const std::size_t step = std::min(n, m_capacity - Align); // room is left after writeBlocks
        char *to = space(step);
        if (!to)
            return false;
        std::memcpy(to, data, step);
        commit(step);
        data += step;
        n -= step;
    }
    return true;
}

bool DirectAppender::flush()
{
    if (!writeBlocks() || !waitIdle())
        return false;
    if (m_fill && !writeAll(m_buffered, m_buffer, m_fill, m_base, m_buffered))
        return fail("cannot write the file");
    return true;
}

bool DirectAppender::sync()
{
    if (!flush())
        return false;
    if (::fdatasync(m_buffered) != 0)
        return fail("cannot sync the file");
    return true;
}

void DirectAppender::close()
{
    if (m_buffered < 0)
        return;
    if (!m_failed)
        (void)flush(); // what was appended is in the file: a resume counts it
    (void)waitIdle(); // no write in flight on the descriptors about to close
    if (m_fd != m_buffered)
        ::close(m_fd);
    ::close(m_buffered);
    m_fd = m_buffered = -1;
    m_fill = 0;
    m_base = 0;
}

DirectReader::DirectReader(std::size_t maxRange)
    : m_capacity(roundUp(maxRange, DirectAppender::Align) + DirectAppender::Align)
{
    m_buffer = static_cast<char *>(std::aligned_alloc(DirectAppender::Align, m_capacity));
    if (!m_buffer)
        qFatal("out of memory for a file buffer");
}

DirectReader::~DirectReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
    std::free(m_buffer); // sealed bytes only: nothing to wipe
}

bool DirectReader::open(const QString &path)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_path = path;
    const QByteArray name = QFile::encodeName(path);
    m_fd = ::open(name.constData(), O_RDONLY | O_DIRECT | O_CLOEXEC);
    m_direct = m_fd >= 0;
    if (!m_direct)
        m_fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    return m_fd >= 0;
}

QByteArray DirectReader::read(std::uint64_t offset, std::size_t n)
{
    if (m_fd < 0 || n + DirectAppender::Align > m_capacity)
        return {};
    // Direct: the whole blocks around the range; buffered: the range itself.
    const std::uint64_t from = m_direct ? offset / DirectAppender::Align * DirectAppender::Align : offset;
    const std::size_t lead = std::size_t(offset - from);
    const std::size_t want = m_direct ? roundUp(lead + n, DirectAppender::Align) : n;
    std::size_t got = 0;
    while (got < want) {
        const ssize_t r = ::pread(m_fd, m_buffer + got, want - got, off_t(from + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && errno == EINVAL && m_direct && got == 0) {
            // Opened with O_DIRECT, refused at this alignment: buffered from now on.
            m_direct = false;
            ::close(m_fd);
            m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
            if (m_fd < 0)
                return {};
            return read(offset, n);
        }
        if (r < 0)
            return {};
        if (r == 0)
            break;
        got += std::size_t(r);
        if (m_direct && got % DirectAppender::Align)
            break; // the end of the file
    }
    if (got <= lead)
        return {};
    return QByteArray(m_buffer + lead, qsizetype(std::min(n, got - lead)));
}

} // namespace sotto::storage
