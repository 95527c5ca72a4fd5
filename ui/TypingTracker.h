// SPDX-License-Identifier: GPL-3.0-or-later
// TypingTracker knows who is typing to us right now, in 1:1 chats and in groups. A peer's
// "typing" lasts until it says it stopped, or 6 s without a new one (it repeats every 3 s
// while typing: a lost "stopped" must not leave "typing…" on screen). It only reports; the
// sidebar and the chat header show it.
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
    // A member typing in a group; `name` as the header shows it.
    void setInGroup(qint64 conversationId, const QString &peer, const QString &name, bool typing);
    // "Ann is typing…", "Ann and Bob are typing…", "Ann, Bob and 2 others are typing…";
    // empty when no one is.
    QString groupText(qint64 conversationId) const;
    void clear();

Q_SIGNALS:
    void typingChanged(const QString &peer, bool typing);
    void groupTypingChanged(qint64 conversationId);

private:
    void expire();
    void lapsed(const QString &key);

    // peer (1:1), or "conversation/peer" (a group's member) -> ms on m_clock when it lapses
    QHash<QString, qint64> m_until;
    QHash<QString, QString> m_names; // "conversation/peer" -> the member's name
    QElapsedTimer m_clock;
    QTimer m_check;
};

} // namespace sotto::ui
