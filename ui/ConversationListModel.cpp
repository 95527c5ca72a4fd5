// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConversationListModel.h"

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
}

void ConversationListModel::refresh() { m_debounce.start(); }

void ConversationListModel::refreshNow()
{
    const quint64 generation = m_generation;
    m_core.run([](messenger::CoreState &state) {
              QList<ConversationRow> rows;
              if (!state.node)
                  return rows;
              messenger::Messenger &messenger = state.node->messenger();
              storage::MessageStore &history = messenger.history();
              QHash<QString, storage::ConversationRecord> byPeer;
              for (const storage::ConversationRecord &c : history.conversations())
                  byPeer.insert(c.peer.toString(), c);
              QSet<QString> listed;
              for (const storage::ContactRecord &c : messenger.profile().protocolStore().contacts()) {
                  ConversationRow row;
                  row.peer = c.peer.toString();
                  row.name = c.displayName.isEmpty() ? row.peer.left(8) : c.displayName;
                  row.online = state.node->isOnline(c.peer);
                  row.trust = int(c.trust);
                  const auto conversation = byPeer.constFind(row.peer);
                  const bool wrote = conversation != byPeer.constEnd() && conversation->lastMessageId;
                  if (!c.accepted) {
                      // A stranger who linked: a request once it wrote, else someone nearby
                      // (while online), or nobody to list.
                      if (messenger::isRequest(c, wrote))
                          row.section = SidebarSection::Request;
                      else if (wrote)
                          row.section = SidebarSection::Blocked;
                      else if (row.online) {
                          row.section = SidebarSection::Nearby;
                          row.contact = false;
                      } else
                          continue;
                  }
                  if (auto it = conversation; it != byPeer.constEnd()) {
                      row.lastActivity = it->lastActivity;
                      row.unread = it->unreadCount;
                      if (it->lastMessageId)
                          if (auto m = history.message(it->lastMessageId))
                              row.preview = m->deleted ? tr("This message was deleted")
                                  : m->kind == storage::MessageKind::Unsupported ? tr("Update Sotto to see this message")
                                  : m->kind == storage::MessageKind::TimerChanged
                                      ? tr("Disappearing messages: %1").arg(MessageModel::timerText(m->body.toInt()))
                                      : oneLine(m->body);
                  }
                  listed.insert(row.peer);
                  rows.append(row);
              }
              std::stable_sort(rows.begin(), rows.end(), [](const ConversationRow &a, const ConversationRow &b) {
                  return a.section != b.section ? a.section < b.section : a.lastActivity > b.lastActivity;
              });
              for (const messenger::NearbyPeer &n : state.node->nearby()) {
                  if (listed.contains(n.peer.toString()))
                      continue;
                  ConversationRow row;
                  row.peer = n.peer.toString();
                  row.name = n.displayName;
                  row.online = true;
                  row.contact = false;
                  row.section = SidebarSection::Nearby;
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
                                  return a.peer == b.peer && a.contact == b.contact && a.section == b.section;
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
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case PreviewRole: return r.preview;
    case TimeRole: return shortTime(r.lastActivity);
    case UnreadRole: return r.unread;
    case OnlineRole: return r.online;
    case ContactRole: return r.contact;
    case TrustRole: return protocol::trustStateName(protocol::TrustState(r.trust));
    case TypingRole: return m_typing.contains(r.peer);
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
            {TypingRole, "typing"},   {SectionRole, "sidebarSection"}};
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

int ConversationListModel::indexOf(const QString &peer) const
{
    for (int i = 0; i < m_rows.size(); ++i)
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
