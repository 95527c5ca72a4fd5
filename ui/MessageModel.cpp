// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MessageModel.h"

#include <QDateTime>
#include <QLocale>

#include <limits>

namespace sotto::ui {

using storage::MessageRecord;

// What a page read on the core thread brings back to the model.
struct HistoryContact {
    QString name;
    QString trust = QStringLiteral("unverified");
    bool online = false;
};

struct HistoryWindow {
    qint64 conversation = 0;
    HistoryContact contact;
    std::vector<MessageRecord> rows; // newest first
    bool atNewest = true;
    bool atOldest = true;
    int highlightRow = -1;
};

namespace {


constexpr qint64 GroupGapMs = 10 * 60 * 1000; // a pause this long starts a new group



HistoryContact contactOf(messenger::CoreState &state, const protocol::PeerId &peer)
{
    HistoryContact c;
    c.online = state.node->isOnline(peer);
    if (auto record = state.node->messenger().profile().protocolStore().contact(peer)) {
        c.name = record->displayName;
        c.trust = protocol::trustStateName(record->trust);
    } else {
        for (const messenger::NearbyPeer &n : state.node->nearby())
            if (n.peer == peer)
                c.name = n.displayName;
    }
    if (c.name.isEmpty())
        c.name = peer.toString().left(8);
    return c;
}

QDate dayOf(const MessageRecord &m) { return QDateTime::fromMSecsSinceEpoch(m.sentAt).date(); }

} // namespace

MessageModel::MessageModel(messenger::CoreThread &core, QObject *parent)
    : QAbstractListModel(parent)
    , m_core(core)
{
    connect(&core, &messenger::CoreThread::messageReceived, this, &MessageModel::onReceived);
    connect(&core, &messenger::CoreThread::messageStateChanged, this, &MessageModel::onState);
    connect(&core, &messenger::CoreThread::identityChanged, this, [this](const protocol::PeerId &peer) {
        if (peer.toString() == m_peer)
            refreshContact();
    });
    const auto onlineChanged = [this](const protocol::PeerId &peer) {
        if (peer.toString() == m_peer)
            refreshContact();
    };
    connect(&core, &messenger::CoreThread::peerOnline, this, onlineChanged);
    connect(&core, &messenger::CoreThread::peerOffline, this, onlineChanged);
}

int MessageModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = index.row();
    const MessageRecord &m = m_rows.at(i);
    const MessageRecord *older = i + 1 < m_rows.size() ? &m_rows.at(i + 1) : nullptr;
    switch (role) {
    case RowIdRole: return qint64(m.id);
    case Qt::DisplayRole:
    case BodyRole: return m.body;
    case OutgoingRole: return m.outgoing;
    case StateRole: return storage::messageStateName(m.state);
    case TimeRole: return QDateTime::fromMSecsSinceEpoch(m.sentAt).time().toString(QStringLiteral("HH:mm"));
    case DayRole: return QLocale().toString(dayOf(m), QLocale::LongFormat);
    case FirstOfDayRole: return !older || dayOf(*older) != dayOf(m);
    case FirstOfGroupRole:
        return !older || older->outgoing != m.outgoing || dayOf(*older) != dayOf(m) || m.sentAt - older->sentAt > GroupGapMs;
    case HighlightRole: return m_highlight != 0 && m.id == m_highlight;
    }
    return {};
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{RowIdRole, "rowId"}, {BodyRole, "body"},           {OutgoingRole, "outgoing"},         {StateRole, "delivery"},
            {TimeRole, "time"},   {DayRole, "day"},             {FirstOfDayRole, "firstOfDay"},     {FirstOfGroupRole, "firstOfGroup"},
            {HighlightRole, "highlight"}};
}

void MessageModel::open(const QString &peer)
{
    clear();
    m_peer = peer;
    Q_EMIT peerChanged();
    if (peer.isEmpty())
        return;
    const quint64 generation = m_generation;
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    setLoading(true);
    m_core.run([id](messenger::CoreState &state) {
              HistoryWindow w;
              if (!state.node || !id.isValid())
                  return w;
              storage::MessageStore &history = state.node->messenger().history();
              w.contact = contactOf(state, id);
              if (auto conversation = history.conversationFor(id)) {
                  w.conversation = *conversation;
                  w.rows = history.page(*conversation, std::nullopt, PageSize);
              }
              w.atOldest = int(w.rows.size()) < PageSize;
              return w;
          })
        .then(this, [this, generation](const HistoryWindow &w) {
            if (generation == m_generation)
                show(w, 0);
        });
}

void MessageModel::openAt(const QString &peer, qint64 rowId)
{
    clear();
    m_peer = peer;
    Q_EMIT peerChanged();
    const quint64 generation = m_generation;
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    setLoading(true);
    m_core.run([id, rowId](messenger::CoreState &state) {
              HistoryWindow w;
              if (!state.node || !id.isValid())
                  return w;
              storage::MessageStore &history = state.node->messenger().history();
              w.contact = contactOf(state, id);
              const std::optional<MessageRecord> hit = history.message(rowId);
              auto conversation = history.conversationFor(id);
              if (!conversation)
                  return w;
              w.conversation = *conversation;
              if (!hit || hit->conversationId != *conversation) {
                  w.rows = history.page(*conversation, std::nullopt, PageSize);
                  w.atOldest = int(w.rows.size()) < PageSize;
                  return w;
              }
              // The hit and older messages, then newer ones: a page each way, so the hit
              // can sit in the middle of the view with messages below it.
              std::vector<MessageRecord> older = history.page(*conversation, storage::HistoryCursor{hit->sentAt, hit->id + 1}, PageSize);
              std::vector<MessageRecord> newer = history.pageAfter(*conversation, storage::HistoryCursor{hit->sentAt, hit->id}, PageSize);
              w.atOldest = int(older.size()) < PageSize;
              w.atNewest = int(newer.size()) < PageSize;
              w.rows.assign(newer.rbegin(), newer.rend());
              w.highlightRow = int(w.rows.size());
              w.rows.insert(w.rows.end(), older.begin(), older.end());
              return w;
          })
        .then(this, [this, generation, rowId](const HistoryWindow &w) {
            if (generation == m_generation)
                show(w, w.highlightRow >= 0 ? rowId : 0);
        });
}

void MessageModel::openOldest()
{
    if (m_peer.isEmpty())
        return;
    const QString peer = m_peer;
    clear();
    m_peer = peer;
    Q_EMIT peerChanged();
    const quint64 generation = m_generation;
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    setLoading(true);
    m_core.run([id](messenger::CoreState &state) {
              HistoryWindow w;
              if (!state.node || !id.isValid())
                  return w;
              storage::MessageStore &history = state.node->messenger().history();
              w.contact = contactOf(state, id);
              if (auto conversation = history.conversationFor(id)) {
                  w.conversation = *conversation;
                  constexpr std::int64_t Before = std::numeric_limits<std::int64_t>::min();
                  std::vector<MessageRecord> first = history.pageAfter(*conversation, storage::HistoryCursor{Before, Before}, PageSize);
                  w.atNewest = int(first.size()) < PageSize;
                  w.rows.assign(first.rbegin(), first.rend());
                  w.highlightRow = w.rows.empty() ? -1 : int(w.rows.size()) - 1; // positioned there, not highlighted
              }
              return w;
          })
        .then(this, [this, generation](const HistoryWindow &w) {
            if (generation == m_generation)
                show(w, 0);
        });
}

void MessageModel::show(const HistoryWindow &w, qint64 highlight)
{
    m_conversation = w.conversation;
    m_peerName = w.contact.name;
    m_trust = w.contact.trust;
    m_online = w.contact.online;
    Q_EMIT contactChanged();
    beginResetModel();
    m_rows = QList<MessageRecord>(w.rows.begin(), w.rows.end());
    m_highlight = highlight;
    endResetModel();
    m_atNewest = w.atNewest;
    m_atOldest = w.atOldest;
    const QList<MessageRecord> arrived = std::exchange(m_arrivedWhileOpening, {});
    for (const MessageRecord &m : arrived)
        if (m_atNewest && m.conversationId == m_conversation && (m_rows.isEmpty() || m.id > m_rows.first().id))
            insertNewest(m);
    setLoading(false); // after the reset: nothing asks for more in the middle of it
    if (w.highlightRow >= 0)
        Q_EMIT positioned(w.highlightRow);
    markReadIfInView();
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_conversation && !m_atOldest && !m_loading;
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        fetchOlder();
}

void MessageModel::fetchOlder()
{
    if (!canFetchMore({}) || m_rows.isEmpty())
        return;
    const quint64 generation = m_generation;
    const storage::HistoryCursor cursor{m_rows.last().sentAt, m_rows.last().id};
    const qint64 conversation = m_conversation;
    setLoading(true);
    m_core.run([conversation, cursor](messenger::CoreState &state) {
              return state.node ? state.node->messenger().history().page(conversation, cursor, PageSize) : std::vector<MessageRecord>{};
          })
        .then(this, [this, generation](const std::vector<MessageRecord> &page) {
            if (generation != m_generation)
                return;
            // Still "loading" while rows go in: a view (or a model tester) asking for more
            // from inside the insertion must not start a nested one.
            if (!page.empty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page.size()) - 1);
                m_rows.append(QList<MessageRecord>(page.begin(), page.end()));
                endInsertRows();
                // The previously oldest row may stop being first of its day or group.
                if (first > 0)
                    Q_EMIT dataChanged(index(first - 1), index(first - 1), {FirstOfDayRole, FirstOfGroupRole});
                trimNewest();
            }
            if (int(page.size()) < PageSize)
                m_atOldest = true;
            setLoading(false);
        });
}

void MessageModel::fetchNewer()
{
    if (m_atNewest || m_loading || m_rows.isEmpty() || !m_conversation)
        return;
    const quint64 generation = m_generation;
    const storage::HistoryCursor cursor{m_rows.first().sentAt, m_rows.first().id};
    const qint64 conversation = m_conversation;
    setLoading(true);
    m_core.run([conversation, cursor](messenger::CoreState &state) {
              return state.node ? state.node->messenger().history().pageAfter(conversation, cursor, PageSize) : std::vector<MessageRecord>{};
          })
        .then(this, [this, generation](const std::vector<MessageRecord> &page) {
            if (generation != m_generation)
                return;
            if (!page.empty()) {
                Q_EMIT newerPageAboutToBeInserted();
                beginInsertRows({}, 0, int(page.size()) - 1);
                for (const MessageRecord &m : page) // oldest first: each goes on top
                    m_rows.prepend(m);
                endInsertRows();
                Q_EMIT newerPageInserted(int(page.size()));
                const int below = int(page.size());
                if (below < m_rows.size())
                    Q_EMIT dataChanged(index(below), index(below), {FirstOfDayRole, FirstOfGroupRole});
                trimOldest();
            }
            if (int(page.size()) < PageSize)
                m_atNewest = true;
            setLoading(false);
            markReadIfInView();
        });
}

void MessageModel::send(const QString &text)
{
    const QString body = text.trimmed();
    if (body.isEmpty() || m_peer.isEmpty())
        return;
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    const quint64 generation = m_generation;
    m_core.run([id, body](messenger::CoreState &state) -> std::expected<MessageRecord, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return state.node->sendText(id, body);
          })
        .then(this, [this, generation](const std::expected<MessageRecord, messenger::Error> &result) {
            if (!result) {
                switch (result.error().code) {
                case messenger::Errc::IdentityChanged:
                    Q_EMIT sendFailed(tr("Not sent: this contact's safety number changed. Accept the new one first."));
                    break;
                case messenger::Errc::Blocked: Q_EMIT sendFailed(tr("Not sent: you blocked this contact.")); break;
                case messenger::Errc::InvalidInput: Q_EMIT sendFailed(tr("Not sent: the message is too long.")); break;
                default: Q_EMIT sendFailed(tr("Not sent: %1").arg(result.error().reason)); break;
                }
                return;
            }
            Q_EMIT sent();
            if (generation != m_generation)
                return;
            if (m_conversation == 0)
                m_conversation = result->conversationId;
            if (m_atNewest)
                insertNewest(*result);
            else
                open(m_peer); // jump to the present, where the new message is
        });
}

void MessageModel::acceptNewIdentity()
{
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    m_core.run([id](messenger::CoreState &state) {
              if (state.node)
                  state.node->acceptIdentityChange(id);
          })
        .then(this, [this] { refreshContact(); });
}

void MessageModel::refreshContact()
{
    if (m_peer.isEmpty())
        return;
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    const quint64 generation = m_generation;
    m_core.run([id](messenger::CoreState &state) { return state.node ? contactOf(state, id) : HistoryContact{}; })
        .then(this, [this, generation](const HistoryContact &c) {
            if (generation != m_generation)
                return;
            m_peerName = c.name;
            m_trust = c.trust;
            m_online = c.online;
            Q_EMIT contactChanged();
        });
}

void MessageModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_highlight = 0;
    endResetModel();
    m_conversation = 0;
    m_arrivedWhileOpening.clear();
    m_atNewest = true;
    m_atOldest = true;
    m_loading = false;
    Q_EMIT windowChanged();
    // Nothing of the last conversation stays (a lock clears the window through here).
    m_peerName.clear();
    m_trust = QStringLiteral("unverified");
    m_online = false;
    Q_EMIT contactChanged();
}

void MessageModel::setInView(bool inView)
{
    if (m_inView == inView)
        return;
    m_inView = inView;
    Q_EMIT inViewChanged();
    markReadIfInView();
}

void MessageModel::onReceived(const MessageRecord &m)
{
    if (m_loading && !m_conversation && m.sender.toString() == m_peer) {
        // The conversation is being opened: its page may have been read before this
        // message was stored. Kept, and added once the page is in (duplicates ignored).
        m_arrivedWhileOpening.append(m);
        return;
    }
    if (!m_conversation || m.conversationId != m_conversation)
        return;
    if (m_atNewest)
        insertNewest(m);
    markReadIfInView();
}

void MessageModel::onState(const QByteArray &uuid, storage::MessageState state)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].uuid == uuid) {
            m_rows[i].state = state;
            Q_EMIT dataChanged(index(i), index(i), {StateRole});
            return;
        }
    }
}

void MessageModel::insertNewest(const MessageRecord &m)
{
    for (const MessageRecord &r : std::as_const(m_rows))
        if (r.id == m.id)
            return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(m);
    endInsertRows();
    if (m_rows.size() > 1)
        Q_EMIT dataChanged(index(1), index(1), {FirstOfDayRole, FirstOfGroupRole});
    trimOldest();
}

void MessageModel::trimNewest()
{
    const int excess = int(m_rows.size()) - MaxRows;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
    m_atNewest = false; // fetchNewer brings them back when the view returns to the bottom
}

void MessageModel::trimOldest()
{
    const int excess = int(m_rows.size()) - MaxRows;
    if (excess <= 0)
        return;
    beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
    m_rows.remove(MaxRows, excess);
    endRemoveRows();
    m_atOldest = false; // fetchMore brings them back when the view returns to the top
    // The new oldest row now starts its day and group as far as the view can tell.
    Q_EMIT dataChanged(index(MaxRows - 1), index(MaxRows - 1), {FirstOfDayRole, FirstOfGroupRole});
}

void MessageModel::markReadIfInView()
{
    if (!m_inView || m_peer.isEmpty() || m_loading)
        return;
    bool unread = false;
    for (int i = 0; i < std::min<qsizetype>(m_rows.size(), PageSize) && !unread; ++i)
        unread = m_rows[i].state == storage::MessageState::Received;
    if (!unread)
        return;
    for (MessageRecord &r : m_rows)
        if (r.state == storage::MessageState::Received)
            r.state = storage::MessageState::Read;
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    // A read receipt goes to the peer; the sidebar's unread badge follows.
    m_core.run([id](messenger::CoreState &state) {
              if (state.node)
                  state.node->markRead(id);
          })
        .then(this, [this] { Q_EMIT conversationRead(); });
}

void MessageModel::setLoading(bool loading)
{
    m_loading = loading;
    Q_EMIT windowChanged();
}

} // namespace sotto::ui
