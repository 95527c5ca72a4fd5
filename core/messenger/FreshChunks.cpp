// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/FreshChunks.h"

#include <algorithm>

namespace sotto::messenger {

FreshChunks::FreshChunks(std::size_t capacity, std::chrono::milliseconds patience)
    : m_lastMove(std::chrono::steady_clock::now())
    , m_capacity(capacity)
    , m_patience(patience)
{
}

void FreshChunks::add(std::uint64_t index, QByteArrayView sealed)
{
    QByteArray copy(sealed.data(), sealed.size()); // outside the lock
    const std::lock_guard lock(m_mutex);
    m_chunks.emplace_back(index, std::move(copy));
    m_sealed = index + 1;
}

void FreshChunks::makeRoom(std::uint64_t onDisk, const std::atomic<bool> &cancelled)
{
    std::unique_lock lock(m_mutex);
    m_onDisk = std::max(m_onDisk, onDisk);
    dropPassed();
    while (m_chunks.size() > m_capacity && m_chunks.front().first < m_onDisk) {
        if (oldestNeeded() && !cancelled && std::chrono::steady_clock::now() - m_lastMove < m_patience) {
            // Woken when a reader moves; the short bound re-reads `cancelled` and the clock.
            m_moved.wait_for(lock, std::chrono::milliseconds(20));
            continue;
        }
        m_chunks.pop_front(); // on disk: a reader that still wants it reads it there
    }
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
    m_lastMove = std::chrono::steady_clock::now();
    dropPassed();
    m_moved.notify_all();
}

void FreshChunks::forget(const void *reader)
{
    const std::lock_guard lock(m_mutex);
    if (m_readers.erase(reader) == 0)
        return;
    m_lastMove = std::chrono::steady_clock::now();
    dropPassed();
    m_moved.notify_all();
}

std::size_t FreshChunks::held() const
{
    const std::lock_guard lock(m_mutex);
    return m_chunks.size();
}

bool FreshChunks::oldestNeeded() const
{
    if (m_readers.empty())
        return !m_hadReaders;
    return slowestReader() <= m_chunks.front().first;
}

std::uint64_t FreshChunks::slowestReader() const
{
    std::uint64_t slowest = m_readers.cbegin()->second;
    for (const auto &[reader, next] : m_readers)
        slowest = std::min(slowest, next);
    return slowest;
}

void FreshChunks::dropPassed()
{
    // Chunks every reader is past go at once (those on disk only: a reader starting over,
    // or one that comes later, reads them there).
    if (m_readers.empty())
        return;
    const std::uint64_t slowest = slowestReader();
    while (!m_chunks.empty() && m_chunks.front().first < slowest && m_chunks.front().first < m_onDisk)
        m_chunks.pop_front();
}

} // namespace sotto::messenger
