// SPDX-License-Identifier: GPL-3.0-or-later
// FreshChunks holds the chunks of our file just sealed, in memory, for the uploads that
// follow the sealing: they take them from here instead of reading back from the disk what
// was written a moment ago. Without it a file crossed the disk three times (sealed copy
// written, read back for the peer, the peer's copy written) and the disk, not a core, set
// the pace (docs/BENCHMARKS.md). It is bounded: the sealing thread waits for room while an
// upload still needs the oldest chunk (so it is paced to the slowest reader), but never
// longer than `patience` without a reader moving (a stalled peer does not stall the copy),
// and only chunks already on disk leave it (a reader that missed one reads it there).
// Shared by the sealing thread (add, landed, makeRoom) and the core thread (take, at, forget).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>

namespace sotto::messenger {

class FreshChunks {
public:
    FreshChunks(std::size_t capacity, std::chrono::milliseconds patience);

    // Sealing thread: chunk `index` (added in order) as sealed, before it is on disk.
    void add(std::uint64_t index, QByteArrayView sealed);
    // Sealing thread: chunks below `onDisk` are in the copy; waits while the chunks held
    // exceed the capacity and a reader still needs the oldest (at most `patience` since a
    // reader last moved, or until `cancelled`), then lets the oldest on-disk ones go.
    void makeRoom(std::uint64_t onDisk, const std::atomic<bool> &cancelled);
    // Chunks added so far (all of them are here or on disk).
    std::uint64_t sealed() const;

    // Core thread: chunk `index` if it is still here (shared, not copied), else empty.
    QByteArray take(std::uint64_t index);
    // Core thread: reader `reader` (an upload) needs chunks from `next` on; chunks below
    // every reader's next go at once.
    void at(const void *reader, std::uint64_t next);
    void forget(const void *reader);

    std::size_t held() const; // for tests

private:
    // Whether a reader needs the oldest chunk held (with no reader yet, the first to come
    // starts from chunk 0: the sealing starts before the peer asks).
    bool oldestNeeded() const;
    std::uint64_t slowestReader() const; // the lowest `next` of the readers (some there are)
    void dropPassed();

    mutable std::mutex m_mutex;
    std::condition_variable m_moved; // a reader moved or left
    std::deque<std::pair<std::uint64_t, QByteArray>> m_chunks;
    std::map<const void *, std::uint64_t> m_readers;
    bool m_hadReaders = false;
    std::uint64_t m_sealed = 0;
    std::uint64_t m_onDisk = 0; // chunks below this are in the copy on disk
    std::chrono::steady_clock::time_point m_lastMove;
    const std::size_t m_capacity;
    const std::chrono::milliseconds m_patience;
};

} // namespace sotto::messenger
