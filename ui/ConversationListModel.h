// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationListModel is the sidebar: message requests (strangers who wrote), then chats
// (most recent conversation first, with the last message, its time, the unread count and
// an online dot), then blocked strangers who had written, then peers seen on the LAN that
// are not contacts yet. The list is small (people on one LAN), so it is rebuilt on the
// core thread after events, coalesced, and swapped in with a model reset.
#pragma once

#include "core/messenger/CoreThread.h"
#include "core/messenger/Queries.h"

#include <QAbstractListModel>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace sotto::ui {

// Where a row is listed, in this order (messenger::ListSection's).
enum class SidebarSection { Request, Chat, Blocked, Nearby };
static_assert(int(SidebarSection::Nearby) == int(messenger::ListSection::Nearby));

struct ConversationRow {
    qint64 conversationId = 0; // 0: someone nearby we never talked with
    QString peer;
    QString name;
    QString preview;
    qint64 lastActivity = 0; // ms since epoch; 0 when nothing was said yet
    int unread = 0;
    bool online = false;
    bool contact = true;
    int trust = 0; // protocol::TrustState
    SidebarSection section = SidebarSection::Chat;
    bool group = false; // no peer: the group's name, its preview says who wrote
    int memberCount = 0;
};

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    // Unread in chats only: a message request is not counted (nor notified) as a chat.
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)
    Q_PROPERTY(int requestCount READ requestCount NOTIFY requestCountChanged)

public:
    enum Role {
        PeerRole = Qt::UserRole + 1, // the PeerId, 32 hex digits
        NameRole,                    // display name
        PreviewRole,                 // the last message, one line
        TimeRole,                    // the last message's time, as text for the list
        UnreadRole,                  // unread messages
        OnlineRole,                  // a link is up
        ContactRole,                 // false: only seen nearby
        TrustRole,                   // "unverified", "verified", "changed", "blocked"
        TypingRole,                  // the peer is typing to us now
        SectionRole,                 // "request", "chat", "blocked" or "nearby" (SidebarSection)
        ConversationIdRole,          // the conversation; 0 for someone nearby we never talked with
        IsGroupRole,                 // a group: no peer, opened by its conversation id
        MemberCountRole,             // a group's members, us included
        PreviewRichRole,             // the preview as HTML with emoji in the colour font; "" without emoji
    };
    Q_ENUM(Role)

    ConversationListModel(messenger::CoreThread &core, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int totalUnread() const { return m_totalUnread; }
    int requestCount() const { return m_requestCount; }
    Q_INVOKABLE int indexOf(const QString &peer) const;
    Q_INVOKABLE int indexOfConversation(qint64 conversationId) const;
    Q_INVOKABLE QString nameOf(const QString &peer) const;

public Q_SLOTS:
    void refresh();      // soon (coalesced)
    void refreshNow();
    void clear();        // on lock: nothing of the profile stays on screen
    void setTyping(const QString &peer, bool typing);

Q_SIGNALS:
    void totalUnreadChanged();
    void requestCountChanged();

private:
    messenger::CoreThread &m_core;
    QList<ConversationRow> m_rows;
    QTimer m_debounce;
    int m_totalUnread = 0;
    int m_requestCount = 0;
    QSet<QString> m_typing;
    quint64 m_generation = 0; // drops a rebuild that finished after a lock
};

} // namespace sotto::ui
