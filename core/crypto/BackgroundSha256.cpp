// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/BackgroundSha256.h"

namespace sotto::crypto {

BackgroundSha256::BackgroundSha256()
    : m_thread([this] { run(); })
{
}

BackgroundSha256::~BackgroundSha256()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

std::uint64_t BackgroundSha256::add(const char *data, std::size_t size)
{
    std::lock_guard lock(m_mutex);
    m_queue.emplace_back(data, size);
    m_changed.notify_all();
    return ++m_added;
}

void BackgroundSha256::waitFor(std::uint64_t ticket)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_hashed >= ticket; });
}

QByteArray BackgroundSha256::result()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_hashed == m_added; });
    return m_hash.result();
}

void BackgroundSha256::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return !m_queue.empty() || m_quit; });
        if (m_queue.empty())
            return; // quit, and everything added is hashed
        const auto [data, size] = m_queue.front();
        lock.unlock();
        m_hash.addData(data, size);
        lock.lock();
        m_queue.pop_front();
        ++m_hashed;
        m_changed.notify_all();
    }
}

} // namespace sotto::crypto
