// SPDX-License-Identifier: GPL-3.0-or-later
// SourceFile is a user's file being sent, opened once: its SHA-256 for the pointer comes
// from one pass, and the sealed copy from a second pass over the same open file (a file put
// in its place under the same name meanwhile is not the one sealed). It remembers what
// fstat said at the start, so a file written to between the two passes is told apart.
// It owns the descriptor; the plaintext it reads is wiped once hashed.
#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <expected>

#include <sys/types.h>

namespace sotto::storage {

class SourceFile {
public:
    // Only a regular file (a FIFO or a device now at a stored path is refused, not waited on).
    // Errors name no path: they may end in an attachment's row.
    [[nodiscard]] static std::expected<SourceFile, QString> open(const QString &path);
    SourceFile(SourceFile &&other) noexcept;
    SourceFile &operator=(SourceFile &&other) = delete;
    SourceFile(const SourceFile &) = delete;
    SourceFile &operator=(const SourceFile &) = delete;
    ~SourceFile();

    int handle() const { return m_fd; }
    std::uint64_t size() const { return m_size; }

    // The SHA-256 of the whole file: read on this thread, hashed on another (both cores,
    // ~1.5 GB/s here); refused if the file is not `size()` bytes long any more, and
    // ("cancelled") once `stop` is set.
    [[nodiscard]] std::expected<QByteArray, QString> sha256(const std::atomic<bool> *stop = nullptr) const;
    // Whether the open file still has the size and modification time it had when opened
    // (what a write or a truncation moves). Not the change time: unlinking the name (a
    // pasted image's temporary goes once its pointer is out), a chmod or an xattr moves it
    // and leaves the bytes alone; the receiver's hash check covers whatever this misses.
    bool unchanged() const;

    // `n` bytes at `offset` into `to` (fewer only at the end of the file); -1 on an error.
    static ssize_t readAt(int fd, char *to, std::size_t n, std::uint64_t offset);

private:
    SourceFile() = default;
    struct Stamp {
        std::uint64_t size = 0;
        std::int64_t modifiedNs = 0;
        std::uint64_t inode = 0;
        std::uint64_t device = 0;
        bool operator==(const Stamp &) const = default;
    };
    static bool stampOf(int fd, Stamp &out, bool *regular = nullptr);

    Stamp m_stamp;
    std::uint64_t m_size = 0;
    int m_fd = -1;
};

} // namespace sotto::storage
