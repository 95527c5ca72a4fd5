// SPDX-License-Identifier: GPL-3.0-or-later
// DirectAppender writes a file front to back through O_DIRECT, from one reused aligned
// buffer: the bytes go from that buffer to the disk without a page-cache copy. It owns the
// file descriptors and the buffer; what the bytes are (sealed chunks) is its caller's.
//
// Why: in this VM a buffered write(2) of a sealed copy spent most of its time putting the
// bytes into fresh page-cache pages (copy_folio_from_iter_atomic: ~250 MB/s under load, 70 %
// of the receiver's worker), and the final fdatasync then waited for whatever the disk had
// not taken yet (the 250–500 MB/s swing between runs). Written direct, the bytes are on the
// device when write(2) returns, at the disk's speed (1.0–1.4 GB/s here), and the sync before
// "done" has only the tail and the metadata left. Where the file system refuses O_DIRECT
// (tmpfs), the same calls write through the page cache.
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace sotto::storage {

class DirectAppender {
public:
    // O_DIRECT wants offsets, lengths and the buffer aligned to the logical block size;
    // a page is a multiple of it on every disk we expect.
    static constexpr std::size_t Align = 4096;

    // `capacity`: bytes the buffer holds before it must be written out (rounded up to Align).
    // With `background`, whole blocks are written by a thread of this object while the caller
    // fills a second buffer (a direct write waits for the disk, not for a core: the caller's
    // crypto goes on meanwhile); a failed write then shows at the next call that writes, or at
    // flush. Without it, writes happen in the caller's thread.
    explicit DirectAppender(std::size_t capacity, bool background = false);
    ~DirectAppender(); // flushes what is buffered (best effort), wipes and frees the buffer
    DirectAppender(const DirectAppender &) = delete;
    DirectAppender &operator=(const DirectAppender &) = delete;

    // Opens `path` (created 0600 if missing) to append at `offset`; with `truncate`, cut to
    // `offset` first. Bytes before `offset` stay as they are.
    bool open(const QString &path, std::uint64_t offset, bool truncate);
    bool isOpen() const { return m_fd >= 0; }
    // Where the next appended byte lands in the file.
    std::uint64_t position() const { return m_base + m_fill; }
    // Bytes from the start of the file that are in it now (a reader may take them), without
    // waiting: those of writes already done, not the ones in flight or still buffered.
    std::uint64_t landed() const;

    // Room for `n` bytes (at most the capacity) at the end of the buffer, writing full
    // blocks out first if needed; fill it, then commit(n). Nullptr after a failed write.
    char *space(std::size_t n);
    void commit(std::size_t n) { m_fill += n; }
    bool append(const char *data, std::size_t n);
    // Writes every whole block buffered so far (direct); the partial last block stays
    // buffered until flush().
    bool writeBlocks();
    // Everything appended in the file: the whole blocks direct, the partial one through the
    // page cache (a direct write must be a whole block; it is written again, whole, later).
    bool flush();
    // flush() and fdatasync: everything appended is on stable storage.
    bool sync();
    void close();
    // The fd to read back through (buffered), -1 if closed.
    int handle() const { return m_buffered; }
    const QString &errorString() const { return m_error; }
    // errno of the failure errorString() names (0 if none): ENOSPC and EDQUOT mean a full
    // disk, which may pass; anything else (EIO...) will not by waiting.
    int errorNumber() const { return m_errno; }

private:
    struct Background;
    bool fail(const char *what);
    bool waitIdle(); // the background write in flight (if any) done; false if it failed

    std::unique_ptr<Background> m_background;
    char *m_spare = nullptr; // background: the buffer being written while m_buffer fills
    char *m_buffer = nullptr;
    std::size_t m_capacity = 0;
    std::size_t m_fill = 0;   // bytes in the buffer; m_buffer[0] is at file offset m_base
    std::uint64_t m_base = 0; // always a multiple of Align
    int m_fd = -1;            // O_DIRECT if the file system allows it, else == m_buffered
    int m_buffered = -1;      // the same file without O_DIRECT: the partial block, reads, syncs
    bool m_failed = false;
    QString m_error;
    int m_errno = 0;
};

// DirectReader reads ranges of a file through O_DIRECT into one reused aligned buffer: an
// upload reads each chunk once, so putting it into page-cache pages (fresh ones cost in this
// VM) buys nothing. Where the
// file system refuses O_DIRECT, it reads through the page cache.
class DirectReader {
public:
    explicit DirectReader(std::size_t maxRange);
    ~DirectReader();
    DirectReader(const DirectReader &) = delete;
    DirectReader &operator=(const DirectReader &) = delete;

    bool open(const QString &path);
    bool isOpen() const { return m_fd >= 0; }
    // `n` bytes at `offset` (at most maxRange); fewer if the file ends first, empty on error.
    QByteArray read(std::uint64_t offset, std::size_t n);

private:
    char *m_buffer = nullptr;
    std::size_t m_capacity = 0;
    int m_fd = -1;
    bool m_direct = false;
    QString m_path; // to open again without O_DIRECT if a read is refused
};

} // namespace sotto::storage
