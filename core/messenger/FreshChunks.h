// SPDX-License-Identifier: GPL-3.0-or-later
// FreshChunks holds the chunks of our file just sealed, in memory, for the uploads that
// follow the sealing: they take them from here instead of reading back from the disk what
// was written a moment ago. Without it a file crossed the disk three times (sealed copy
// written, read back for the peer, the peer's copy written) and the disk, not a core, set
// the pace (docs/BENCHMARKS.md). It is bounded: the sealing thread waits for room while a
// reader (an upload) is about to need the oldest chunk, so it is paced to that reader, but
// never below a floor rate (a slow, stalled or hostile peer cannot hold the copy back: a
// reader left behind reads from the copy on disk), and only chunks already on disk leave.
// Until the first reader comes (shortly after the pointer went) it is waited for a little;
// once nobody reads, only chunks not yet on disk stay.
// Shared by the sealing thread (add, makeRoom) and the core thread (take, at, forget).
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
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds MaxCredit{2};
    // `capacity` chunks held at most while readers keep up; `firstReader`: how long after the
    // first chunk the first reader is waited for; `floorBytesPerSecond`: the sealing waits
    // for readers only while it stays ahead of this rate.
    FreshChunks(std::size_t capacity, std::chrono::milliseconds firstReader, double floorBytesPerSecond);

    // Sealing thread: chunk `index` (added in order) as sealed, before it is on disk.
    void add(std::uint64_t index, QByteArrayView sealed);
    // Sealing thread: chunks below `onDisk` are in the copy. Waits while more chunks than the
    // capacity are held and a reader is about to need the oldest (within the floor rate,
    // until `cancelled`), then lets go of the oldest ones on disk.
    void makeRoom(std::uint64_t onDisk, const std::atomic<bool> &cancelled);
    // The copy is whole (the last batch, never reported landed, too): nothing waits for it.
    void allOnDisk();
    // Chunks added so far (all of them are here or on disk).
    std::uint64_t sealed() const;

    // Core thread: chunk `index` if it is still here (shared, not copied), else empty.
    QByteArray take(std::uint64_t index);
    // Core thread: reader `reader` (an upload) needs chunks from `next` on; chunks below
    // every reader's next go at once (those on disk).
    void at(const void *reader, std::uint64_t next);
    void forget(const void *reader);

    std::size_t held() const; // for tests

private:
    bool mayWait(Clock::time_point now) const; // for a reader, now
    std::size_t keep(Clock::time_point now) const; // chunks worth holding now
    void dropPassed();

    mutable std::mutex m_mutex;
    std::condition_variable m_moved; // a reader moved or left
    std::deque<std::pair<std::uint64_t, QByteArray>> m_chunks;
    std::map<const void *, std::uint64_t> m_readers;
    bool m_hadReaders = false;
    std::uint64_t m_sealed = 0;
    std::uint64_t m_onDisk = 0; // chunks below this are in the copy on disk
    double m_bytes = 0;         // sealed bytes added
    Clock::time_point m_started;   // the first chunk
    Clock::time_point m_scheduled; // where the floor rate's schedule starts (at most MaxCredit ahead)
    const std::size_t m_capacity;
    const std::chrono::milliseconds m_firstReader;
    const double m_floor;
};

} // namespace sotto::messenger
