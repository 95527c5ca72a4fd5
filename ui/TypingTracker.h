// SPDX-License-Identifier: GPL-3.0-or-later
// TypingTracker knows who is typing to us right now. A peer's "typing" lasts until it
// says it stopped, or 6 s without a new one (it repeats every 3 s while typing: a lost
// "stopped" must not leave "typing…" on screen). It only reports; the sidebar and the
// chat header show it.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace sotto::ui {

class TypingTracker : public QObject {
    Q_OBJECT
public:
    static constexpr int LastsMs = 6000;

    explicit TypingTracker(QObject *parent = nullptr);

    void set(const QString &peer, bool typing);
    bool isTyping(const QString &peer) const { return m_until.contains(peer); }
    void clear();

Q_SIGNALS:
    void typingChanged(const QString &peer, bool typing);

private:
    void expire();

    QHash<QString, qint64> m_until; // peer -> ms on m_clock when it lapses
    QElapsedTimer m_clock;
    QTimer m_check;
};

} // namespace sotto::ui
