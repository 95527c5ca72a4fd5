// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/FreshChunks.h"

#include <algorithm>
#include <limits>

namespace sotto::messenger {

FreshChunks::FreshChunks(std::size_t capacity, std::chrono::milliseconds firstReader, double floorBytesPerSecond)
    : m_capacity(capacity)
    , m_firstReader(firstReader)
    , m_floor(std::max(floorBytesPerSecond, 1.0))
{
}

void FreshChunks::add(std::uint64_t index, QByteArrayView sealed)
{
    QByteArray copy(sealed.data(), sealed.size()); // outside the lock
    const std::lock_guard lock(m_mutex);
    if (m_sealed == 0)
        m_started = m_scheduled = Clock::now();
    m_chunks.emplace_back(index, std::move(copy));
    m_sealed = index + 1;
    m_bytes += double(sealed.size());
}

void FreshChunks::makeRoom(std::uint64_t onDisk, const std::atomic<bool> &cancelled)
{
    std::unique_lock lock(m_mutex);
    m_onDisk = std::max(m_onDisk, onDisk);
    dropPassed();
    // Time the sealing is ahead of the floor's schedule is spent on a stalled reader only up
    // to MaxCredit at once: a reader that kept up for a long file and then stalls does not
    // freeze the copy for everyone for as long as it kept up.
    if (!m_chunks.empty()) {
        const auto ahead = std::chrono::duration<double>(m_bytes / m_floor) - (Clock::now() - m_scheduled);
        if (ahead > MaxCredit)
            m_scheduled -= std::chrono::duration_cast<Clock::duration>(ahead - MaxCredit); // as if it began earlier
    }
    while (!m_chunks.empty() && m_chunks.front().first < m_onDisk) {
        const Clock::time_point now = Clock::now();
        if (m_chunks.size() <= keep(now))
            break;
        if (!cancelled && mayWait(now)) {
            // Woken when a reader moves; the short bound re-reads `cancelled` and the clock.
            m_moved.wait_for(lock, std::chrono::milliseconds(20));
            continue;
        }
        m_chunks.pop_front(); // on disk: a reader that still wants it reads it there
    }
}

bool FreshChunks::mayWait(Clock::time_point now) const
{
    // Behind the floor rate's schedule: no reader is waited for any more.
    if (std::chrono::duration<double>(now - m_scheduled).count() >= m_bytes / m_floor)
        return false;
    if (m_readers.empty())
        return !m_hadReaders && now - m_started < m_firstReader; // the first starts from chunk 0
    // A reader about to need the oldest chunk, or reading the few before it from disk (it
    // catches up); one far behind (it started over) reads from disk anyway.
    const std::uint64_t oldest = m_chunks.front().first;
    for (const auto &[reader, next] : m_readers)
        if (next <= oldest && next + m_capacity >= oldest)
            return true;
    return false;
}

std::size_t FreshChunks::keep(Clock::time_point now) const
{
    const bool nobodyComing = m_readers.empty() && (m_hadReaders || now - m_started >= m_firstReader);
    return nobodyComing ? 0 : m_capacity;
}

void FreshChunks::allOnDisk()
{
    const std::lock_guard lock(m_mutex);
    m_onDisk = std::numeric_limits<std::uint64_t>::max();
    dropPassed();
    if (m_readers.empty())
        m_chunks.clear();
}

std::uint64_t FreshChunks::sealed() const
{
    const std::lock_guard lock(m_mutex);
    return m_sealed;
}

QByteArray FreshChunks::take(std::uint64_t index)
{
    const std::lock_guard lock(m_mutex);
    if (m_chunks.empty() || index < m_chunks.front().first)
        return {};
    const std::uint64_t at = index - m_chunks.front().first; // added in order, one per index
    return at < m_chunks.size() ? m_chunks[std::size_t(at)].second : QByteArray();
}

void FreshChunks::at(const void *reader, std::uint64_t next)
{
    const std::lock_guard lock(m_mutex);
    m_hadReaders = true;
    auto [it, added] = m_readers.try_emplace(reader, next);
    if (!added && it->second == next)
        return;
    it->second = next;
    dropPassed();
    m_moved.notify_all();
}

void FreshChunks::forget(const void *reader)
{
    const std::lock_guard lock(m_mutex);
    if (m_readers.erase(reader) == 0)
        return;
    dropPassed();
    m_moved.notify_all();
}

std::size_t FreshChunks::held() const
{
    const std::lock_guard lock(m_mutex);
    return m_chunks.size();
}

void FreshChunks::dropPassed()
{
    // Chunks every reader is past go at once (those on disk only: a reader starting over,
    // or one that comes later, reads them there).
    if (m_readers.empty())
        return;
    std::uint64_t slowest = m_readers.cbegin()->second;
    for (const auto &[reader, next] : m_readers)
        slowest = std::min(slowest, next);
    while (!m_chunks.empty() && m_chunks.front().first < slowest && m_chunks.front().first < m_onDisk)
        m_chunks.pop_front();
}

} // namespace sotto::messenger
