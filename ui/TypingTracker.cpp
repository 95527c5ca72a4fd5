// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TypingTracker.h"

#include <algorithm>

namespace sotto::ui {
namespace {

QString groupKey(qint64 conversationId, const QString &peer) { return QString::number(conversationId) + u'/' + peer; }

// A group member's key names its conversation; a 1:1 peer's (32 hex digits) has no '/'.
qint64 conversationOf(const QString &key)
{
    const qsizetype slash = key.indexOf(u'/');
    return slash < 0 ? 0 : key.left(slash).toLongLong();
}

} // namespace

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
    QStringList gone;
    for (auto it = m_until.begin(); it != m_until.end();) {
        if (it.value() <= now) {
            gone.append(it.key());
            it = m_until.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &key : gone)
        lapsed(key);
    if (m_until.isEmpty())
        m_check.stop();
}

// Someone stopped (said so, or went quiet): whoever shows them hears of it.
void TypingTracker::lapsed(const QString &key)
{
    if (const qint64 conversation = conversationOf(key)) {
        m_names.remove(key);
        Q_EMIT groupTypingChanged(conversation);
    } else {
        Q_EMIT typingChanged(key, false);
    }
}

void TypingTracker::setInGroup(qint64 conversationId, const QString &peer, const QString &name, bool typing)
{
    const QString key = groupKey(conversationId, peer);
    const bool was = m_until.contains(key);
    if (typing) {
        m_until.insert(key, m_clock.elapsed() + LastsMs);
        m_names.insert(key, name);
        if (!m_check.isActive())
            m_check.start();
        if (!was)
            Q_EMIT groupTypingChanged(conversationId);
    } else if (was) {
        m_until.remove(key);
        lapsed(key);
    }
}

QString TypingTracker::groupText(qint64 conversationId) const
{
    const QString prefix = QString::number(conversationId) + u'/';
    QStringList names;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        if (it.key().startsWith(prefix))
            names.append(it.value());
    std::sort(names.begin(), names.end()); // the same order at every change
    switch (names.size()) {
    case 0: return {};
    case 1: return tr("%1 is typing…").arg(names[0]);
    case 2: return tr("%1 and %2 are typing…").arg(names[0], names[1]);
    case 3: return tr("%1, %2 and one other are typing…").arg(names[0], names[1]);
    default:
        return tr("%1, %2 and %3 others are typing…")
            .arg(names[0], names[1], QString::number(names.size() - 2));
    }
}

void TypingTracker::clear()
{
    const QStringList keys = m_until.keys();
    m_until.clear();
    m_check.stop();
    for (const QString &key : keys)
        lapsed(key);
}

} // namespace sotto::ui
