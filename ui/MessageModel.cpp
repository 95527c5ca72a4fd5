// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MessageModel.h"
#include "ui/EmojiText.h"

#include "ui/UiLog.h"

#include "core/crypto/ChunkSealer.h"
#include "core/messenger/FileNames.h"

#include <QDateTime>
#include <QImageReader>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace sotto::ui {

using storage::MessageRecord;

// What a page read on the core thread brings back to the model.
struct HistoryWindow {
    qint64 conversation = 0;
    messenger::ConversationInfo info;
    std::vector<MessageRecord> rows; // newest first
    QHash<qint64, RowExtras> extras;
    bool atNewest = true;
    bool atOldest = true;
    int highlightRow = -1;
    // The messages just beyond each end, when there are more (see m_olderEdge).
    std::optional<MessageRecord> olderEdge, newerEdge;
    QHash<QString, QString> senderNames; // a group's: who wrote the rows (members or not)
};

struct HistoryPage {
    std::vector<MessageRecord> rows;
    QHash<qint64, RowExtras> extras;
    std::optional<MessageRecord> edge; // the next message beyond the page, if any
    QHash<QString, QString> senderNames; // a group's page: who wrote its rows
};

namespace {

// One bubble group: one sender (in a group, the same member), one minute (the time is
// shown once, on its newest), no notice between.
bool sameGroup(const MessageRecord &a, const MessageRecord &b)
{
    return a.outgoing == b.outgoing && (a.outgoing || a.sender == b.sender) && a.sentAt / 60000 == b.sentAt / 60000
        && a.kind != storage::MessageKind::TimerChanged && b.kind != storage::MessageKind::TimerChanged;
}

// What the window shows of a row's quote and reactions, worded.
QHash<qint64, RowExtras> worded(const QHash<std::int64_t, messenger::MessageExtras> &extras)
{
    QHash<qint64, RowExtras> out;
    for (auto it = extras.constBegin(); it != extras.constEnd(); ++it) {
        const messenger::MessageExtras &e = *it;
        RowExtras x;
        switch (e.quote.state) {
        case messenger::Quote::State::None: break;
        case messenger::Quote::State::Here: x.quote = e.quote.text; x.quoteRow = e.quote.row; break;
        case messenger::Quote::State::Deleted: x.quote = QObject::tr("This message was deleted"); x.quoteRow = e.quote.row; break;
        case messenger::Quote::State::Missing: x.quote = QObject::tr("The original message is not here"); break;
        }
        QStringList order;
        QHash<QString, int> counts;
        for (const messenger::Reaction &r : e.reactions) {
            if (!counts.contains(r.emoji))
                order << r.emoji;
            ++counts[r.emoji];
            x.reactors << r.emoji + u' ' + (r.ours ? QObject::tr("You") : r.reactorName);
        }
        QStringList parts;
        for (const QString &emoji : order)
            parts << (counts[emoji] > 1 ? emoji + u' ' + QString::number(counts[emoji]) : emoji);
        x.reactions = parts.join(QStringLiteral("  "));
        if (const std::optional<storage::AttachmentRecord> &a = e.attachment) {
            x.attachment = RowAttachment{a->fileId, a->name,  messenger::safeMimeType(a->mime),  a->size, a->state,
                                         a->chunksDone, a->error, !a->thumbnail.isEmpty()};
        }
        if (!x.quote.isEmpty() || !x.reactions.isEmpty() || x.attachment)
            out.insert(it.key(), x);
    }
    return out;
}

// Pages are read one row longer than they are kept: the extra row, if it came, is the
// message beyond the page's far end (rows are in reading order, it is the last).
std::optional<MessageRecord> takeEdge(std::vector<MessageRecord> &rows, int keep)
{
    if (int(rows.size()) <= keep)
        return std::nullopt;
    std::optional<MessageRecord> edge = rows[std::size_t(keep)];
    rows.resize(std::size_t(keep));
    return edge;
}

HistoryPage pageOf(messenger::HistoryItems items)
{
    return {std::move(items.rows), worded(items.extras), std::nullopt};
}

HistoryPage pageOf(messenger::HistoryItems items, int keep)
{
    std::optional<MessageRecord> edge = takeEdge(items.rows, keep);
    return {std::move(items.rows), worded(items.extras), std::move(edge)};
}

// The names of whoever wrote `rows` (a group's): former members too, whom the header's
// member list no longer names.
QHash<QString, QString> senderNamesOf(messenger::Queries &queries, const std::vector<MessageRecord> &rows)
{
    QHash<QString, QString> names;
    for (const MessageRecord &m : rows)
        if (!m.outgoing && !names.contains(m.sender.toString()))
            names.insert(m.sender.toString(), queries.nameOf(m.sender));
    return names;
}

QDate dayOf(const MessageRecord &m) { return QDateTime::fromMSecsSinceEpoch(m.sentAt).date(); }

} // namespace

MessageModel::MessageModel(messenger::CoreThread &core, QObject *parent)
    : QAbstractListModel(parent)
    , m_core(core)
{
    connect(&core, &messenger::CoreThread::messageReceived, this, &MessageModel::onReceived);
    connect(&core, &messenger::CoreThread::messageStateChanged, this, &MessageModel::onState);
    connect(&core, &messenger::CoreThread::messageUpdated, this, &MessageModel::onUpdated);
    connect(&core, &messenger::CoreThread::messageRemoved, this, &MessageModel::onRemoved);
    connect(&core, &messenger::CoreThread::namesakeFound, this, [this](const protocol::PeerId &peer) {
        if (peer.toString() == m_peer)
            refreshContact();
    });
    // A stranger's first words make the open conversation a request; accepting, blocking or
    // deleting changes it again.
    const auto contactChanged = [this](const protocol::PeerId &peer) {
        if (peer.toString() == m_peer)
            refreshContact();
    };
    connect(&core, &messenger::CoreThread::messageRequest, this, contactChanged);
    connect(&core, &messenger::CoreThread::contactChanged, this, contactChanged);
    // The open conversation was merged into another contact's: show that one.
    connect(&core, &messenger::CoreThread::contactMerged, this,
            [this](const protocol::PeerId &previous, const protocol::PeerId &into, qint64 conversation) {
        if (previous.toString() == m_peer || into.toString() == m_peer) {
            open(conversation);
        }
    });
    const auto onlineChanged = [this](const protocol::PeerId &peer) {
        if (peer.toString() == m_peer)
            refreshContact();
    };
    connect(&core, &messenger::CoreThread::peerOnline, this, onlineChanged);
    // The open group renamed, joined, left, or its members changed: the header reads anew.
    connect(&core, &messenger::CoreThread::groupUpdated, this, [this](qint64 conversation) {
        if (conversation == m_conversation)
            refreshContact();
    });
    connect(&core, &messenger::CoreThread::peerOffline, this, onlineChanged);
    connect(&core, &messenger::CoreThread::transferProgress, this, &MessageModel::onProgress);
}

int MessageModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = index.row();
    const MessageRecord &m = m_rows.at(i);
    // The neighbours, also across the ends of what is loaded: a row's day and group marks
    // (and so its height) must not change when the next page comes in, or the view jumps.
    const MessageRecord *older = i + 1 < m_rows.size() ? &m_rows.at(i + 1) : m_olderEdge ? &*m_olderEdge : nullptr;
    const MessageRecord *newer = i > 0 ? &m_rows.at(i - 1) : m_newerEdge ? &*m_newerEdge : nullptr;
    switch (role) {
    case RowIdRole: return qint64(m.id);
    case Qt::DisplayRole:
    case BodyRole: return m.body;
    case OutgoingRole: return m.outgoing;
    case StateRole: return storage::messageStateName(m.state);
    case TimeRole: return QDateTime::fromMSecsSinceEpoch(m.sentAt).time().toString(QStringLiteral("HH:mm"));
    case DayRole: return QLocale().toString(dayOf(m), QLocale::LongFormat);
    case FirstOfDayRole: return !older || dayOf(*older) != dayOf(m);
    case FirstOfGroupRole: return !older || !sameGroup(*older, m);
    case LastOfGroupRole: return !newer || !sameGroup(*newer, m);
    case HighlightRole: return m_highlight != 0 && m.id == m_highlight;
    case MessageIdRole: return QString::fromLatin1(m.uuid.toHex());
    case KindRole:
        return m.deleted                                         ? Deleted
            : m.kind == storage::MessageKind::Unsupported       ? Unsupported
            : m.kind == storage::MessageKind::TimerChanged      ? TimerNotice
            : m.kind == storage::MessageKind::Attachment        ? Attachment
                                                                : Text;
    case EditedRole: return m.editedAt != 0 && !m.deleted;
    case QuoteRole:
        if (m.kind == storage::MessageKind::TimerChanged) {
            const int seconds = m.body.toInt();
            if (m.outgoing)
                return seconds ? tr("You set disappearing messages to %1").arg(timerText(seconds)) : tr("You turned disappearing messages off");
            return seconds ? tr("%1 set disappearing messages to %2").arg(m_peerName, timerText(seconds))
                           : tr("%1 turned disappearing messages off").arg(m_peerName);
        }
        return m_extras.value(m.id).quote;
    case QuoteRowRole: return m_extras.value(m.id).quoteRow;
    case ReactionsRole: return m_extras.value(m.id).reactions;
    case ReactionsRichRole: return emoji::toHtml(m_extras.value(m.id).reactions);
    case ReactorsRole: return m_extras.value(m.id).reactors.join(u'\n');
    case FirstUnreadRole: return m_firstUnread != 0 && m.id == m_firstUnread;
    case RichBodyRole:
        return (m.kind == storage::MessageKind::Text || m.kind == storage::MessageKind::Attachment) && !m.deleted
            ? richBody(m.body)
            : QString();
    case SenderNameRole:
        return m_group && !m.outgoing ? m_senderNames.value(m.sender.toString(), m.sender.toString().left(8)) : QString();
    case AttachmentIdRole:
    case AttachmentNameRole:
    case AttachmentSizeRole:
    case AttachmentSizeTextRole:
    case AttachmentMimeRole:
    case AttachmentStateRole:
    case AttachmentBytesRole:
    case AttachmentProgressTextRole:
    case AttachmentErrorRole:
    case AttachmentThumbnailRole:
    case AttachmentIsImageRole:
        return attachmentData(m, role);
    case CanChangeRole:
        return m.outgoing && !m.deleted && m.kind == storage::MessageKind::Text
            && QDateTime::currentMSecsSinceEpoch() - m.sentAt < messenger::Messenger::ChangeWindowMs;
    }
    return {};
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{RowIdRole, "rowId"}, {BodyRole, "body"},           {OutgoingRole, "outgoing"},         {StateRole, "delivery"},
            {TimeRole, "time"},   {DayRole, "day"},             {FirstOfDayRole, "firstOfDay"},     {FirstOfGroupRole, "firstOfGroup"},
            {HighlightRole, "highlight"}, {MessageIdRole, "messageId"}, {KindRole, "kind"}, {EditedRole, "edited"},
            {QuoteRole, "quote"},   {QuoteRowRole, "quoteRow"},    {ReactionsRole, "reactions"},       {ReactorsRole, "reactors"},
            {CanChangeRole, "canChange"}, {FirstUnreadRole, "firstUnread"}, {RichBodyRole, "richBody"}, {ReactionsRichRole, "reactionsRich"},
            {LastOfGroupRole, "lastOfGroup"}, {SenderNameRole, "senderName"},
            {AttachmentIdRole, "attachmentId"}, {AttachmentNameRole, "attachmentName"}, {AttachmentSizeRole, "attachmentSize"},
            {AttachmentSizeTextRole, "attachmentSizeText"}, {AttachmentMimeRole, "attachmentMime"},
            {AttachmentStateRole, "attachmentState"}, {AttachmentBytesRole, "attachmentBytes"},
            {AttachmentProgressTextRole, "attachmentProgressText"}, {AttachmentErrorRole, "attachmentError"},
            {AttachmentThumbnailRole, "attachmentThumbnail"}, {AttachmentIsImageRole, "attachmentIsImage"}};
}

QString MessageModel::sizeText(quint64 bytes) { return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat); }

QVariant MessageModel::attachmentData(const MessageRecord &m, int role) const
{
    const auto extras = m_extras.constFind(m.id);
    if (m.deleted || extras == m_extras.constEnd() || !extras->attachment)
        return role == AttachmentSizeRole || role == AttachmentBytesRole ? QVariant(0.0)
             : role == AttachmentThumbnailRole || role == AttachmentIsImageRole ? QVariant(false)
                                                                                : QVariant(QString());
    const RowAttachment &a = *extras->attachment;
    const auto moving = m_progress.constFind(a.fileId);
    // Without a progress report yet, whole verified chunks are what the row knows.
    const quint64 done = a.state == storage::AttachmentState::Done ? a.size
        : moving != m_progress.constEnd()                          ? moving->bytes
                                                                   : std::min<quint64>(a.size, a.chunksDone * crypto::ChunkSealer::ChunkSize);
    switch (role) {
    case AttachmentIdRole: return QString::fromLatin1(a.fileId.toHex());
    case AttachmentNameRole: return messenger::safeFileName(a.name); // also one stored by an older version
    case AttachmentSizeRole: return double(a.size); // QML numbers: exact up to 2^53
    case AttachmentSizeTextRole: return sizeText(a.size);
    case AttachmentMimeRole: return a.mime;
    case AttachmentStateRole: return storage::attachmentStateName(a.state);
    case AttachmentBytesRole: return double(done);
    case AttachmentErrorRole: return a.error;
    case AttachmentThumbnailRole: return a.hasThumbnail;
    case AttachmentIsImageRole: {
        static const QList<QByteArray> readable = QImageReader::supportedMimeTypes();
        return readable.contains(a.mime.toLatin1());
    }
    case AttachmentProgressTextRole: {
        QString text = tr("%1 of %2").arg(sizeText(done), sizeText(a.size));
        if (moving != m_progress.constEnd() && moving->bytesPerSecond > 1
            && (a.state == storage::AttachmentState::Downloading || a.state == storage::AttachmentState::Uploading)) {
            const qint64 left = qint64(double(a.size - std::min(done, a.size)) / moving->bytesPerSecond + 0.5);
            text += QStringLiteral(" · ") + tr("%1/s").arg(sizeText(quint64(moving->bytesPerSecond)));
            text += QStringLiteral(" · ")
                + (left >= 3600 ? tr("%n h left", nullptr, int(left / 3600))
                   : left >= 60 ? tr("%n min left", nullptr, int(left / 60))
                                : tr("%n s left", nullptr, int(std::max<qint64>(left, 1))));
        }
        return text;
    }
    }
    return {};
}

void MessageModel::onProgress(const storage::AttachmentRecord &a, quint64 bytesDone)
{
    if (!m_conversation || a.conversationId != m_conversation)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Progress &p = m_progress[a.fileId];
    if (p.at && now > p.at && bytesDone >= p.bytes) {
        // Smoothed over the last few reports (they come about every 250 ms): a speed that
        // does not jump about, and a time left that means something.
        const double current = double(bytesDone - p.bytes) * 1000.0 / double(now - p.at);
        p.bytesPerSecond = p.bytesPerSecond > 0 ? 0.7 * p.bytesPerSecond + 0.3 * current : current;
    }
    p.bytes = bytesDone;
    p.at = now;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id != a.messageId)
            continue;
        auto extras = m_extras.find(m_rows[i].id);
        if (extras != m_extras.end() && extras->attachment) {
            extras->attachment->state = a.state;
            extras->attachment->chunksDone = a.chunksDone;
            extras->attachment->error = a.error;
        }
        // Only this row, only what moved: the view repaints one bar, at most 4 times a second.
        Q_EMIT dataChanged(index(i), index(i), {AttachmentStateRole, AttachmentBytesRole, AttachmentProgressTextRole, AttachmentErrorRole});
        return;
    }
}

// What the ways of opening share: the old window goes, the conversation's header and a
// window of rows chosen by `fill` are read on the core thread (with their quotes and
// reactions), and shown unless another conversation was opened meanwhile. The
// conversation is named by its id, or (`peer`, id 0) by its peer: someone nearby we never
// talked with gets a conversation made now.
void MessageModel::openWindow(qint64 conversationId, const QString &peer, qint64 highlight, WindowFill fill, bool group)
{
    const bool sameConversation = m_conversation != 0
        && (conversationId ? conversationId == m_conversation : !peer.isEmpty() && peer == m_peer);
    clearWindow(sameConversation);
    // Opened by id, the peer the caller named is shown at once (actions on the header go to
    // it); without one, the peer shown so far stays until the header is read: no moment of
    // "no conversation" in between (the window would leave the chat and come back).
    // By peer, the same peer is the same conversation (1:1): it stays.
    const qint64 known = conversationId ? conversationId : !peer.isEmpty() && peer == m_peer ? m_conversation : 0;
    if (group && !m_group) { // shown as a group at once: no peer's header or composer meanwhile
        m_group = true;
        m_groupMember = true;
        Q_EMIT contactChanged();
    }
    setConversation(known, group ? QString() : conversationId && peer.isEmpty() ? m_peer : peer);
    if (!conversationId && peer.isEmpty()) {
        // No conversation shown: none keeps its link open for being looked at.
        m_core.run([](messenger::CoreState &state) {
            if (state.node)
                state.node->setOpenConversation(protocol::PeerId());
            return 0;
        });
        return;
    }
    const protocol::PeerId id = protocol::PeerId::fromString(peer);
    const quint64 generation = m_generation;
    setLoading(true);
    m_core.run([conversationId, id, fill = std::move(fill)](messenger::CoreState &state) {
              HistoryWindow w;
              if (!state.node)
                  return w;
              messenger::Queries queries(*state.node);
              std::optional<messenger::ConversationInfo> info;
              if (conversationId) {
                  info = queries.conversation(conversationId);
              } else if (id.isValid()) {
                  if (auto made = state.node->conversationWith(id))
                      info = queries.conversation(*made);
                  else
                      qCWarning(lcUi) << "no conversation could be made:" << made.error().reason;
              }
              if (!info)
                  return w;
              state.node->setOpenConversation(info->peer); // links on demand: an open conversation keeps its link
              w.conversation = info->id;
              w.info = *info;
              messenger::HistoryItems items = fill(queries, w);
              if (info->group)
                  w.senderNames = senderNamesOf(queries, items.rows);
              w.rows = std::move(items.rows);
              w.extras = worded(items.extras);
              return w;
          })
        .then(this, [this, generation, highlight](const HistoryWindow &w) {
            if (generation == m_generation)
                show(w, w.highlightRow >= 0 ? highlight : 0);
        });
}

namespace {

// The newest page: what opening a conversation shows.
messenger::HistoryItems newestPage(messenger::Queries &queries, HistoryWindow &w)
{
    messenger::HistoryItems items = queries.page(w.conversation, std::nullopt, MessageModel::PageSize + 1);
    w.olderEdge = takeEdge(items.rows, MessageModel::PageSize);
    w.atOldest = !w.olderEdge;
    return items;
}

} // namespace

void MessageModel::open(qint64 conversationId, const QString &peer)
{
    openWindow(conversationId, peer, 0, newestPage);
}

void MessageModel::openPeer(const QString &peer)
{
    openWindow(0, peer, 0, newestPage);
}

void MessageModel::openGroup(qint64 conversationId)
{
    openWindow(conversationId, QString(), 0, newestPage, true);
}

void MessageModel::openAt(qint64 conversationId, qint64 rowId, const QString &peer)
{
    openWindow(conversationId, peer, rowId, [rowId](messenger::Queries &queries, HistoryWindow &w) {
        const std::optional<MessageRecord> hit = queries.message(rowId);
        if (!hit || hit->conversationId != w.conversation)
            return newestPage(queries, w);
        // The hit and older messages, then newer ones: a page each way, so the hit can sit
        // in the middle of the view with messages below it.
        messenger::HistoryItems older = queries.page(w.conversation, storage::HistoryCursor{hit->sentAt, hit->id + 1}, PageSize + 1);
        messenger::HistoryItems newer = queries.pageAfter(w.conversation, storage::HistoryCursor{hit->sentAt, hit->id}, PageSize + 1);
        w.olderEdge = takeEdge(older.rows, PageSize);
        w.newerEdge = takeEdge(newer.rows, PageSize);
        w.atOldest = !w.olderEdge;
        w.atNewest = !w.newerEdge;
        messenger::HistoryItems items;
        items.rows.assign(newer.rows.rbegin(), newer.rows.rend());
        w.highlightRow = int(items.rows.size());
        items.rows.insert(items.rows.end(), older.rows.begin(), older.rows.end());
        items.extras = std::move(newer.extras);
        items.extras.insert(older.extras);
        return items;
    });
}

void MessageModel::openOldest()
{
    // Positioned at the first message (highlightRow), not highlighted (0).
    openWindow(m_conversation, m_conversation ? QString() : m_peer, 0, [](messenger::Queries &queries, HistoryWindow &w) {
        constexpr std::int64_t Before = std::numeric_limits<std::int64_t>::min();
        messenger::HistoryItems first = queries.pageAfter(w.conversation, storage::HistoryCursor{Before, Before}, PageSize + 1);
        w.newerEdge = takeEdge(first.rows, PageSize);
        w.atNewest = !w.newerEdge;
        std::reverse(first.rows.begin(), first.rows.end());
        w.highlightRow = first.rows.empty() ? -1 : int(first.rows.size()) - 1;
        return first;
    });
}

void MessageModel::setConversation(qint64 conversationId, const QString &peer)
{
    if (conversationId != m_conversation) {
        m_conversation = conversationId;
        Q_EMIT conversationChanged();
    }
    if (peer != m_peer) {
        m_peer = peer;
        Q_EMIT peerChanged();
    }
}

void MessageModel::applyInfo(const messenger::ConversationInfo &info)
{
    m_peerName = info.name;
    m_trust = protocol::trustStateName(info.trust);
    m_online = info.online;
    m_request = info.request;
    m_timer = info.timer;
    m_namesake = info.namesake ? info.namesake->toString() : QString();
    m_namesakeName = info.namesakeName;
    m_group = info.group;
    m_groupMember = info.member;
    m_memberCount = int(info.members.size());
    QHash<QString, QString> names;
    for (const messenger::GroupMemberInfo &member : info.members)
        names.insert(member.peer.toString(), member.name);
    addSenderNames(names); // a rename shows on the rows already loaded
    Q_EMIT contactChanged();
}

void MessageModel::addSenderNames(const QHash<QString, QString> &names)
{
    bool changed = false;
    for (auto it = names.constBegin(); it != names.constEnd(); ++it) {
        if (m_senderNames.value(it.key()) != *it) {
            m_senderNames.insert(it.key(), *it);
            changed = true;
        }
    }
    if (changed && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {SenderNameRole});
}

void MessageModel::show(const HistoryWindow &w, qint64 highlight)
{
    if (!w.conversation) { // gone meanwhile, or nobody to talk with
        setLoading(false);
        setConversation(0, QString());
        return;
    }
    const bool samePeer = m_peer == w.info.peer.toString();
    setConversation(w.conversation, w.info.peer.toString());
    if (samePeer)
        Q_EMIT peerChanged(); // opened again: the view puts the focus back in the composer
    applyInfo(w.info);
    beginResetModel();
    m_rows = QList<MessageRecord>(w.rows.begin(), w.rows.end());
    m_extras = w.extras;
    m_senderNames.insert(w.senderNames);
    m_highlight = highlight;
    // "New messages" above the oldest unread one, as it was when opened (marking read
    // below does not move it).
    m_firstUnread = 0;
    for (const MessageRecord &r : std::as_const(m_rows))
        if (r.state == storage::MessageState::Received)
            m_firstUnread = r.id; // newest first: the last one seen is the oldest
    endResetModel();
    m_atNewest = w.atNewest;
    m_atOldest = w.atOldest;
    m_olderEdge = w.olderEdge;
    m_newerEdge = w.newerEdge;
    const QList<MessageRecord> arrived = std::exchange(m_arrivedWhileOpening, {});
    for (const MessageRecord &m : arrived)
        if (m_atNewest && m.conversationId == m_conversation && (m_rows.isEmpty() || m.id > m_rows.first().id))
            insertNewest(m);
    m_shown = true;
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
    const bool group = m_group;
    setLoading(true);
    m_core.run([conversation, cursor, group](messenger::CoreState &state) {
              if (!state.node)
                  return HistoryPage{};
              messenger::Queries queries(*state.node);
              HistoryPage page = pageOf(queries.page(conversation, cursor, PageSize + 1), PageSize);
              if (group)
                  page.senderNames = senderNamesOf(queries, page.rows);
              return page;
          })
        .then(this, [this, generation](const HistoryPage &read) {
            if (generation != m_generation)
                return;
            const std::vector<MessageRecord> &page = read.rows;
            m_extras.insert(read.extras);
            m_senderNames.insert(read.senderNames);
            // Still "loading" while rows go in: a view (or a model tester) asking for more
            // from inside the insertion must not start a nested one.
            if (!page.empty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page.size()) - 1);
                m_rows.append(QList<MessageRecord>(page.begin(), page.end()));
                endInsertRows();
                // The previously oldest row may stop being first of its day or group.
                if (first > 0)
                    Q_EMIT dataChanged(index(first - 1), index(first - 1), {FirstOfDayRole, FirstOfGroupRole, LastOfGroupRole});
                trimNewest();
            }
            m_olderEdge = read.edge;
            if (!read.edge)
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
    const bool group = m_group;
    setLoading(true);
    m_core.run([conversation, cursor, group](messenger::CoreState &state) {
              if (!state.node)
                  return HistoryPage{};
              messenger::Queries queries(*state.node);
              HistoryPage page = pageOf(queries.pageAfter(conversation, cursor, PageSize + 1), PageSize);
              if (group)
                  page.senderNames = senderNamesOf(queries, page.rows);
              return page;
          })
        .then(this, [this, generation](const HistoryPage &read) {
            if (generation != m_generation)
                return;
            const std::vector<MessageRecord> &page = read.rows;
            m_extras.insert(read.extras);
            m_senderNames.insert(read.senderNames);
            if (!page.empty()) {
                Q_EMIT newerPageAboutToBeInserted();
                beginInsertRows({}, 0, int(page.size()) - 1);
                for (const MessageRecord &m : page) // oldest first: each goes on top
                    m_rows.prepend(m);
                endInsertRows();
                Q_EMIT newerPageInserted(int(page.size()));
                const int below = int(page.size());
                if (below < m_rows.size())
                    Q_EMIT dataChanged(index(below), index(below), {FirstOfDayRole, FirstOfGroupRole, LastOfGroupRole});
                trimOldest();
            }
            m_newerEdge = read.edge;
            if (!read.edge)
                m_atNewest = true;
            setLoading(false);
            markReadIfInView();
        });
}

void MessageModel::send(const QString &text, qint64 replyToRow)
{
    const QString body = text.trimmed();
    if (body.isEmpty() || !m_conversation)
        return;
    const qint64 conversation = m_conversation;
    const quint64 generation = m_generation;
    // To the conversation's peer as the core knows it (never a peer shown a moment ago).
    m_core.run([conversation, body, replyToRow](messenger::CoreState &state) -> std::expected<MessageRecord, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              messenger::Queries queries(*state.node);
              const std::optional<messenger::ConversationInfo> info = queries.conversation(conversation);
              if (!info)
                  return std::unexpected(messenger::Error{messenger::Errc::NotFound, QStringLiteral("no such conversation")});
              QByteArray replyTo;
              if (replyToRow)
                  if (std::optional<MessageRecord> quoted = queries.message(replyToRow); quoted && quoted->conversationId == conversation)
                      replyTo = quoted->uuid;
              if (info->group) // sealed once for its members (the headless mode routes it the same)
                  return state.node->sendGroupText(conversation, body, replyTo);
              return state.node->sendText(info->peer, body, replyTo);
          })
        .then(this, [this, generation](const std::expected<MessageRecord, messenger::Error> &result) {
            if (!result) {
                switch (result.error().code) {
                case messenger::Errc::Blocked: Q_EMIT sendFailed(tr("Not sent: you blocked this contact.")); break;
                case messenger::Errc::InvalidInput: Q_EMIT sendFailed(tr("Not sent: the message is too long.")); break;
                case messenger::Errc::NotAllowed: Q_EMIT sendFailed(tr("Not sent: you are no longer a member of this group.")); break;
                default: Q_EMIT sendFailed(tr("Not sent: %1").arg(result.error().reason)); break;
                }
                return;
            }
            if (generation != m_generation) {
                Q_EMIT sent();
                return;
            }
            addSent(*result);
        });
}

void MessageModel::addSent(const MessageRecord &m)
{
    Q_EMIT sent();
    if (m.conversationId != m_conversation)
        return; // not this conversation's (the one shown changed meanwhile)
    if (m_atNewest) {
        insertNewest(m);
        if (!m.replyTo.isEmpty() || m.kind == storage::MessageKind::Attachment)
            refreshExtras({m.id});
    } else {
        open(m_conversation); // jump to the present, where the new message is
    }
}

// Edits, deletes and reactions come back through messageUpdated (the node emits it for
// our own changes too): one path for every change, wherever it was made.
void MessageModel::edit(qint64 rowId, const QString &text)
{
    const QString body = text.trimmed();
    if (body.isEmpty())
        return;
    m_core.run([rowId, body](messenger::CoreState &state) -> std::expected<MessageRecord, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return state.node->editText(rowId, body);
          })
        .then(this, [this](const std::expected<MessageRecord, messenger::Error> &r) {
            if (!r)
                changeFailed(r.error());
        });
}

void MessageModel::remove(qint64 rowId, bool forEveryone)
{
    m_core.run([rowId, forEveryone](messenger::CoreState &state) -> std::expected<MessageRecord, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return state.node->deleteMessage(rowId, forEveryone);
          })
        .then(this, [this](const std::expected<MessageRecord, messenger::Error> &r) {
            if (!r)
                changeFailed(r.error());
        });
}

void MessageModel::react(qint64 rowId, const QString &emoji)
{
    m_core.run([rowId, emoji](messenger::CoreState &state) -> std::expected<MessageRecord, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return state.node->react(rowId, emoji);
          })
        .then(this, [this](const std::expected<MessageRecord, messenger::Error> &r) {
            if (!r)
                changeFailed(r.error());
        });
}

void MessageModel::readEditHistory(qint64 rowId)
{
    m_core.run([rowId](messenger::CoreState &state) {
              QStringList versions;
              if (!state.node)
                  return versions;
              messenger::Queries history(*state.node);
              const auto stamp = [](std::int64_t ms) {
                  return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
              };
              for (const storage::EditRecord &e : history.edits(rowId))
                  versions << stamp(e.at) + QStringLiteral(": ") + e.body;
              if (std::optional<MessageRecord> m = history.message(rowId); m && !m->deleted)
                  versions << stamp(m->editedAt ? m->editedAt : m->sentAt) + QStringLiteral(": ") + m->body;
              return versions;
          })
        .then(this, [this, rowId, generation = m_generation](const QStringList &versions) {
            if (generation == m_generation) // not after the conversation changed
                Q_EMIT editHistoryRead(rowId, versions);
        });
}

void MessageModel::setTimer(int seconds)
{
    if (!m_conversation)
        return;
    const qint64 conversation = m_conversation;
    const quint64 generation = m_generation;
    m_core.run([conversation, seconds](messenger::CoreState &state) -> std::expected<MessageRecord, messenger::Error> {
              if (!state.node)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              const std::optional<messenger::ConversationInfo> info = messenger::Queries(*state.node).conversation(conversation);
              if (!info)
                  return std::unexpected(messenger::Error{messenger::Errc::NotFound, QStringLiteral("no such conversation")});
              return state.node->setTimer(info->peer, seconds);
          })
        .then(this, [this, generation, seconds](const std::expected<MessageRecord, messenger::Error> &notice) {
            if (!notice) {
                changeFailed(notice.error());
                return;
            }
            if (generation != m_generation)
                return;
            m_timer = seconds;
            Q_EMIT contactChanged();
            if (m_atNewest)
                insertNewest(*notice);
        });
}

void MessageModel::setPeerTyping(const QString &peer, bool typing)
{
    if (peer != m_peer)
        return; // the sidebar shows the others
    if (typing != m_peerTyping) {
        m_peerTyping = typing;
        Q_EMIT peerTypingChanged();
    }
}

QString MessageModel::richBody(const QString &text)
{
    const bool mayLink = text.contains(QLatin1String("http"), Qt::CaseInsensitive) || text.contains(QLatin1String("mailto:"), Qt::CaseInsensitive);
    const bool hasEmoji = emoji::contains(text);
    if (!mayLink && !hasEmoji)
        return {};
    static const QRegularExpression link(QStringLiteral("\\b(?:https?://|mailto:)[^\\s<>\"]+"), QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype from = 0;
    bool any = false;
    for (QRegularExpressionMatchIterator it = link.globalMatch(mayLink ? text : QString()); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString url = m.captured();
        // Sentence punctuation after a link is not part of it.
        while (!url.isEmpty() && QStringLiteral(".,;:!?)'").contains(url.back()))
            url.chop(1);
        if (url.endsWith(QLatin1String("://")) || url.compare(QLatin1String("mailto:"), Qt::CaseInsensitive) == 0)
            continue;
        html += emoji::toHtml(text.mid(from, m.capturedStart() - from));
        html += QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), url.toHtmlEscaped());
        from = m.capturedStart() + url.size();
        any = true;
    }
    if (!any && !hasEmoji)
        return {};
    html += emoji::toHtml(text.mid(from));
    // Rich text would fold runs of spaces that the plain text shows.
    return QStringLiteral("<span style=\"white-space:pre-wrap\">%1</span>").arg(html.replace(u'\n', QLatin1String("<br>")));
}

QString MessageModel::timerText(int seconds)
{
    // Spelled out per number: without a loaded translation, tr("%n hour(s)") shows "(s)".
    const auto count = [](int n, const QString &one, const QString &many) { return n == 1 ? one : many.arg(n); };
    if (seconds <= 0)
        return tr("off");
    if (seconds % (7 * 86400) == 0)
        return count(seconds / (7 * 86400), tr("1 week"), tr("%1 weeks"));
    if (seconds % 86400 == 0)
        return count(seconds / 86400, tr("1 day"), tr("%1 days"));
    if (seconds % 3600 == 0)
        return count(seconds / 3600, tr("1 hour"), tr("%1 hours"));
    if (seconds % 60 == 0)
        return count(seconds / 60, tr("1 minute"), tr("%1 minutes"));
    return count(seconds, tr("1 second"), tr("%1 seconds"));
}

void MessageModel::onRemoved(const MessageRecord &m)
{
    if (!m_conversation || m.conversationId != m_conversation)
        return;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id != m.id)
            continue;
        beginRemoveRows({}, i, i);
        m_rows.remove(i);
        m_extras.remove(m.id);
        endRemoveRows();
        // Its neighbours may now start a day or a group.
        if (i < m_rows.size())
            Q_EMIT dataChanged(index(i), index(i), {FirstOfDayRole, FirstOfGroupRole, LastOfGroupRole});
        if (i > 0)
            Q_EMIT dataChanged(index(i - 1), index(i - 1), {FirstOfDayRole, FirstOfGroupRole, LastOfGroupRole});
        // Replies quoting it must not keep its text.
        QList<qint64> quoting;
        for (const MessageRecord &r : std::as_const(m_rows))
            if (m_extras.value(r.id).quoteRow == m.id)
                quoting << r.id;
        if (!quoting.isEmpty())
            refreshExtras(quoting);
        return;
    }
}

void MessageModel::changeFailed(const messenger::Error &error)
{
    switch (error.code) {
    case messenger::Errc::NotAllowed: Q_EMIT sendFailed(tr("Not changed: %1.").arg(error.reason)); break;
    case messenger::Errc::InvalidInput: Q_EMIT sendFailed(tr("Not changed: the text is empty or too long.")); break;
    default: Q_EMIT sendFailed(tr("Not changed: %1").arg(error.reason)); break;
    }
}

QVariantMap MessageModel::rowInfo(qint64 rowId) const
{
    for (const MessageRecord &m : m_rows)
        if (m.id == rowId)
            return {{QStringLiteral("body"), m.body}, {QStringLiteral("outgoing"), m.outgoing}, {QStringLiteral("row"), rowId},
                    {QStringLiteral("edited"), m.editedAt != 0 && !m.deleted}};
    return {};
}

void MessageModel::onUpdated(const MessageRecord &m)
{
    if (!m_conversation || m.conversationId != m_conversation)
        return;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id != m.id)
            continue;
        // Marked read here while the core was still committing it: stays read.
        const bool readHere = m_rows[i].state == storage::MessageState::Read && m.state == storage::MessageState::Received;
        m_rows[i] = m;
        if (readHere)
            m_rows[i].state = storage::MessageState::Read;
        Q_EMIT dataChanged(index(i), index(i));
        refreshExtras({m.id}); // reactions, and replies quoting it
        return;
    }
}

void MessageModel::refreshExtras(const QList<qint64> &rowIds)
{
    const quint64 generation = m_generation;
    const qint64 conversation = m_conversation;
    // The rows themselves, and any loaded reply that quotes one of them.
    QList<qint64> affected = rowIds;
    for (const MessageRecord &r : std::as_const(m_rows))
        if (rowIds.contains(m_extras.value(r.id).quoteRow) && !affected.contains(r.id))
            affected << r.id;
    m_core.run([affected, conversation](messenger::CoreState &state) {
              return state.node ? pageOf(messenger::Queries(*state.node).rows(conversation, {affected.begin(), affected.end()}))
                                : HistoryPage{};
          })
        .then(this, [this, generation](const HistoryPage &read) {
            if (generation != m_generation)
                return;
            for (const MessageRecord &m : read.rows) {
                m_extras.remove(m.id);
                if (auto it = read.extras.constFind(m.id); it != read.extras.constEnd())
                    m_extras.insert(m.id, *it);
                // A transfer that ended: its bar goes (the row's state says the rest).
                if (auto it = read.extras.constFind(m.id); it != read.extras.constEnd() && it->attachment
                    && it->attachment->state != storage::AttachmentState::Downloading
                    && it->attachment->state != storage::AttachmentState::Uploading)
                    m_progress.remove(it->attachment->fileId);
                for (int i = 0; i < m_rows.size(); ++i)
                    if (m_rows[i].id == m.id)
                        Q_EMIT dataChanged(index(i), index(i),
                                           {QuoteRole, QuoteRowRole, ReactionsRole, ReactionsRichRole, ReactorsRole, AttachmentIdRole, AttachmentNameRole,
                                            AttachmentSizeRole, AttachmentSizeTextRole, AttachmentMimeRole, AttachmentStateRole,
                                            AttachmentBytesRole, AttachmentProgressTextRole, AttachmentErrorRole,
                                            AttachmentThumbnailRole, AttachmentIsImageRole});
            }
        });
}

void MessageModel::mergeNamesake()
{
    const protocol::PeerId previous = protocol::PeerId::fromString(m_namesake);
    const protocol::PeerId into = protocol::PeerId::fromString(m_peer);
    if (!previous.isValid() || !into.isValid())
        return;
    m_core.run([previous, into](messenger::CoreState &state) -> QString {
              if (!state.node)
                  return {};
              auto r = state.node->mergeContact(previous, into);
              return r ? QString() : r.error().reason;
          })
        .then(this, [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT sendFailed(tr("The conversations were not merged: %1").arg(error));
        });
}

void MessageModel::dismissNamesake()
{
    const protocol::PeerId id = protocol::PeerId::fromString(m_peer);
    m_namesake.clear();
    m_namesakeName.clear();
    Q_EMIT contactChanged();
    m_core.run([id](messenger::CoreState &state) {
        if (state.node)
            (void)state.node->messenger().dismissNamesake(id); // at worst the question comes back
    });
}

void MessageModel::refreshContact()
{
    if (!m_conversation || !m_shown)
        return; // the header comes with the window
    const qint64 conversation = m_conversation;
    const quint64 generation = m_generation;
    m_core.run([conversation](messenger::CoreState &state) {
              return state.node ? messenger::Queries(*state.node).conversation(conversation) : std::nullopt;
          })
        .then(this, [this, generation](const std::optional<messenger::ConversationInfo> &info) {
            if (generation == m_generation && info)
                applyInfo(*info);
        });
}

void MessageModel::clear() { clearWindow(false); }

void MessageModel::clearWindow(bool keepHeader)
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_extras.clear();
    m_progress.clear();
    m_highlight = 0;
    m_firstUnread = 0;
    endResetModel();
    m_shown = false;
    m_arrivedWhileOpening.clear();
    m_atNewest = true;
    m_atOldest = true;
    m_olderEdge.reset();
    m_newerEdge.reset();
    m_loading = false;
    Q_EMIT windowChanged();
    // The same conversation at another place (the oldest, a search hit, a quote): its
    // header, request and blocked bars stay as they are. Hidden until the page is read,
    // the bars made the list taller for a moment, and what it showed jumped.
    if (keepHeader)
        return;
    // Nothing of the last conversation stays (a lock clears the window through here).
    m_peerName.clear();
    m_trust = QStringLiteral("unverified");
    m_namesake.clear();
    m_namesakeName.clear();
    m_online = false;
    m_request = false;
    m_group = false;
    m_groupMember = false;
    m_memberCount = 0;
    m_senderNames.clear();
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
    if (m_loading && !m_shown
        && (m_conversation ? m.conversationId == m_conversation : !m.outgoing && m.sender.toString() == m_peer)) {
        // The conversation is being opened: its page may have been read before this
        // message was stored. Kept, and added once the page is in (duplicates ignored).
        m_arrivedWhileOpening.append(m);
        return;
    }
    if (!m_shown || m.conversationId != m_conversation)
        return;
    if (m.kind == storage::MessageKind::TimerChanged)
        refreshContact(); // the header shows the timer in force
    if (m_atNewest) {
        insertNewest(m);
        if (!m.replyTo.isEmpty() || m.kind == storage::MessageKind::Attachment)
            refreshExtras({m.id});
    }
    Q_EMIT messageArrived();
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
        Q_EMIT dataChanged(index(1), index(1), {FirstOfDayRole, FirstOfGroupRole, LastOfGroupRole});
    trimOldest();
}

void MessageModel::trimNewest()
{
    const int excess = int(m_rows.size()) - MaxRows;
    if (excess <= 0)
        return;
    m_newerEdge = m_rows.at(excess - 1); // the newest kept is grouped with it as before
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
    Q_EMIT dataChanged(index(0), index(0), {LastOfGroupRole}); // the newest row now ends its group
    m_atNewest = false; // fetchNewer brings them back when the view returns to the bottom
}

void MessageModel::trimOldest()
{
    const int excess = int(m_rows.size()) - MaxRows;
    if (excess <= 0)
        return;
    m_olderEdge = m_rows.at(MaxRows); // the oldest kept is grouped with it as before
    beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
    m_rows.remove(MaxRows, excess);
    endRemoveRows();
    m_atOldest = false; // fetchMore brings them back when the view returns to the top
    // The new oldest row now starts its day and group as far as the view can tell.
    Q_EMIT dataChanged(index(MaxRows - 1), index(MaxRows - 1), {FirstOfDayRole, FirstOfGroupRole, LastOfGroupRole});
}

void MessageModel::markReadIfInView()
{
    if (!m_inView || !m_shown || (m_peer.isEmpty() && !m_group) || m_loading)
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
    const qint64 group = m_group ? m_conversation : 0;
    // A read receipt goes to the peer; the sidebar's unread badge follows.
    m_core.run([id, group](messenger::CoreState &state) -> QString {
              if (!state.node)
                  return {};
              auto r = group ? state.node->markRead(group) : state.node->markRead(id);
              return r ? QString() : r.error().reason;
          })
        .then(this, [this](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcUi) << "marking the conversation read failed:" << error; // reasons carry no text or key
            Q_EMIT conversationRead();
        });
}

void MessageModel::setLoading(bool loading)
{
    m_loading = loading;
    Q_EMIT windowChanged();
}

} // namespace sotto::ui
