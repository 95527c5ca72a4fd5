// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TypingTracker.h"

namespace sotto::ui {

TypingTracker::TypingTracker(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_check.setInterval(1000);
    connect(&m_check, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::set(const QString &peer, bool typing)
{
    const bool was = m_until.contains(peer);
    if (typing) {
        m_until.insert(peer, m_clock.elapsed() + LastsMs);
        if (!m_check.isActive())
            m_check.start();
    } else {
        m_until.remove(peer);
    }
    if (was != typing)
        Q_EMIT typingChanged(peer, typing);
}

void TypingTracker::expire()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_until.begin(); it != m_until.end();) {
        if (it.value() <= now) {
            const QString peer = it.key();
            it = m_until.erase(it);
            Q_EMIT typingChanged(peer, false);
        } else {
            ++it;
        }
    }
    if (m_until.isEmpty())
        m_check.stop();
}

void TypingTracker::clear()
{
    const QStringList peers = m_until.keys();
    m_until.clear();
    m_check.stop();
    for (const QString &peer : peers)
        Q_EMIT typingChanged(peer, false);
}

} // namespace sotto::ui
