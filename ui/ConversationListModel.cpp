// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConversationListModel.h"
#include "ui/EmojiText.h"

#include "ui/MessageModel.h"

#include <QDateTime>
#include <QLocale>

namespace sotto::ui {

namespace {

QString shortTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = QDate::currentDate();
    if (t.date() == today)
        return t.time().toString(QStringLiteral("HH:mm"));
    if (t.date().daysTo(today) < 7)
        return QLocale().dayName(t.date().dayOfWeek(), QLocale::ShortFormat);
    return QLocale().toString(t.date(), QLocale::ShortFormat);
}

QString oneLine(const QString &text)
{
    QString line = text.left(200).simplified();
    return line.size() > 80 ? line.left(80) + QChar(0x2026) : line;
}

} // namespace

ConversationListModel::ConversationListModel(messenger::CoreThread &core, QObject *parent)
    : QAbstractListModel(parent)
    , m_core(core)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(30);
    connect(&m_debounce, &QTimer::timeout, this, &ConversationListModel::refreshNow);
    connect(&core, &messenger::CoreThread::messageReceived, this, &ConversationListModel::refresh);
    connect(&core, &messenger::CoreThread::messageUpdated, this, &ConversationListModel::refresh); // an edit or delete of the last one
    connect(&core, &messenger::CoreThread::conversationUpdated, this, &ConversationListModel::refresh);
    connect(&core, &messenger::CoreThread::peerOnline, this, &ConversationListModel::refresh);
    connect(&core, &messenger::CoreThread::peerOffline, this, &ConversationListModel::refresh);
    connect(&core, &messenger::CoreThread::peerDiscovered, this, &ConversationListModel::refresh);
    connect(&core, &messenger::CoreThread::contactMerged, this, &ConversationListModel::refresh);
    connect(&core, &messenger::CoreThread::contactChanged, this, &ConversationListModel::refresh); // accepted, blocked, deleted
    connect(&core, &messenger::CoreThread::groupUpdated, this, &ConversationListModel::refresh); // made, joined, renamed, left
}

void ConversationListModel::refresh() { m_debounce.start(); }

void ConversationListModel::refreshNow()
{
    const quint64 generation = m_generation;
    m_core.run([](messenger::CoreState &state) {
              QList<ConversationRow> rows;
              if (!state.node)
                  return rows;
              for (const messenger::ConversationListRow &c : messenger::Queries(*state.node).conversationList()) {
                  ConversationRow row;
                  row.conversationId = c.conversationId;
                  row.peer = c.peer.toString();
                  row.name = c.name;
                  row.lastActivity = c.lastActivity;
                  row.unread = c.unread;
                  row.online = c.online;
                  row.contact = c.contact;
                  row.trust = int(c.trust);
                  row.section = SidebarSection(int(c.section));
                  row.group = c.group;
                  row.memberCount = c.memberCount;
                  if (const std::optional<storage::MessageRecord> &m = c.last) {
                      row.preview = m->deleted ? tr("This message was deleted")
                          : m->kind == storage::MessageKind::Unsupported ? tr("Update Sotto to see this message")
                          : m->kind == storage::MessageKind::TimerChanged
                              ? tr("Disappearing messages: %1").arg(MessageModel::timerText(m->body.toInt()))
                          // A file: its caption, marked; an empty caption still says something came.
                          : m->kind == storage::MessageKind::Attachment
                              ? QStringLiteral("\U0001F4CE ") + (m->body.isEmpty() ? tr("File") : oneLine(m->body))
                              : oneLine(m->body);
                      // In a group, who said it (Signal's "Ann: see you there").
                      if (c.group && (m->kind == storage::MessageKind::Text || m->kind == storage::MessageKind::Attachment) && !m->deleted)
                          row.preview = tr("%1: %2").arg(m->outgoing ? tr("You") : c.lastSenderName, row.preview);
                  }
                  rows.append(row);
              }
              return rows;
          })
        .then(this, [this, generation](const QList<ConversationRow> &rows) {
            if (generation != m_generation)
                return;
            // Usually only a preview, a count or a dot changed: update in place, so the
            // list keeps its scroll position and keyboard focus. A new order resets it.
            const bool sameOrder = rows.size() == m_rows.size()
                && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                              [](const ConversationRow &a, const ConversationRow &b) {
                                  return a.peer == b.peer && a.conversationId == b.conversationId && a.contact == b.contact
                                      && a.section == b.section;
                              });
            if (sameOrder) {
                m_rows = rows;
                if (!m_rows.isEmpty())
                    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
            } else {
                beginResetModel();
                m_rows = rows;
                endResetModel();
            }
            int unread = 0, requests = 0;
            for (const ConversationRow &r : m_rows) {
                if (r.section == SidebarSection::Chat)
                    unread += r.unread;
                requests += r.section == SidebarSection::Request ? 1 : 0;
            }
            if (unread != m_totalUnread) {
                m_totalUnread = unread;
                Q_EMIT totalUnreadChanged();
            }
            if (requests != m_requestCount) {
                m_requestCount = requests;
                Q_EMIT requestCountChanged();
            }
        });
}

void ConversationListModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_totalUnread = 0;
    Q_EMIT totalUnreadChanged();
    m_requestCount = 0;
    Q_EMIT requestCountChanged();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow &r = m_rows.at(index.row());
    switch (role) {
    case PeerRole: return r.peer;
    case ConversationIdRole: return r.conversationId;
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case PreviewRole: return r.preview;
    case PreviewRichRole: return emoji::contains(r.preview) ? emoji::toHtml(r.preview) : QString();
    case TimeRole: return shortTime(r.lastActivity);
    case UnreadRole: return r.unread;
    case OnlineRole: return r.online;
    case ContactRole: return r.contact;
    case TrustRole: return protocol::trustStateName(protocol::TrustState(r.trust));
    case TypingRole: return !r.group && m_typing.contains(r.peer);
    case IsGroupRole: return r.group;
    case MemberCountRole: return r.memberCount;
    case SectionRole:
        switch (r.section) {
        case SidebarSection::Request: return QStringLiteral("request");
        case SidebarSection::Chat: return QStringLiteral("chat");
        case SidebarSection::Blocked: return QStringLiteral("blocked");
        case SidebarSection::Nearby: return QStringLiteral("nearby");
        }
        return {};
    }
    return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{PeerRole, "peer"},       {NameRole, "name"},     {PreviewRole, "preview"}, {TimeRole, "time"},
            {UnreadRole, "unread"},   {OnlineRole, "online"}, {ContactRole, "contact"}, {TrustRole, "trust"},
            {TypingRole, "typing"},   {SectionRole, "sidebarSection"},
            {ConversationIdRole, "conversationId"}, {IsGroupRole, "isGroup"}, {MemberCountRole, "memberCount"},
            {PreviewRichRole, "previewRich"}};
}

void ConversationListModel::setTyping(const QString &peer, bool typing)
{
    if (typing)
        m_typing.insert(peer);
    else
        m_typing.remove(peer);
    if (const int i = indexOf(peer); i >= 0)
        Q_EMIT dataChanged(index(i), index(i), {TypingRole});
}

int ConversationListModel::indexOfConversation(qint64 conversationId) const
{
    for (int i = 0; conversationId && i < m_rows.size(); ++i)
        if (m_rows[i].conversationId == conversationId)
            return i;
    return -1;
}

int ConversationListModel::indexOf(const QString &peer) const
{
    for (int i = 0; !peer.isEmpty() && i < m_rows.size(); ++i)
        if (m_rows[i].peer == peer)
            return i;
    return -1;
}

QString ConversationListModel::nameOf(const QString &peer) const
{
    const int i = indexOf(peer);
    return i >= 0 ? m_rows[i].name : QString();
}

} // namespace sotto::ui
