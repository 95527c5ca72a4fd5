// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/Queries.h"

#include "core/messenger/Node.h"

#include <QSet>
#include <QThread>

#include <algorithm>

namespace sotto::messenger {

using storage::MessageRecord;

Queries::Queries(Messenger &messenger, const Node *node)
    : m_messenger(messenger)
    , m_node(node)
{
    // Reads use the writer's connection: only on the thread that owns it (the node's).
    Q_ASSERT(!node || node->thread() == QThread::currentThread());
}

Queries::Queries(Node &node)
    : Queries(node.messenger(), &node)
{
}

bool Queries::isOnline(const protocol::PeerId &peer) const { return m_node && m_node->isOnline(peer); }

HistoryItems Queries::page(std::int64_t conversationId, std::optional<storage::HistoryCursor> before, int limit)
{
    HistoryItems items;
    items.rows = m_messenger.history().page(conversationId, before, limit);
    items.extras = extras(items.rows);
    return items;
}

HistoryItems Queries::pageAfter(std::int64_t conversationId, storage::HistoryCursor after, int limit)
{
    HistoryItems items;
    items.rows = m_messenger.history().pageAfter(conversationId, after, limit);
    items.extras = extras(items.rows);
    return items;
}

HistoryItems Queries::rows(std::int64_t conversationId, const std::vector<std::int64_t> &ids)
{
    HistoryItems items;
    for (std::int64_t id : ids)
        if (std::optional<MessageRecord> m = m_messenger.history().message(id); m && m->conversationId == conversationId)
            items.rows.push_back(*m);
    items.extras = extras(items.rows);
    return items;
}

MessageExtras Queries::extras(const MessageRecord &message)
{
    return extras(std::vector<MessageRecord>{message}).value(message.id);
}

// One query for the reactions of all the rows, one lookup per reply, one per reactor.
QHash<std::int64_t, MessageExtras> Queries::extras(const std::vector<MessageRecord> &rows)
{
    QHash<std::int64_t, MessageExtras> out;
    if (rows.empty())
        return out;
    storage::MessageStore &history = m_messenger.history();
    std::vector<std::int64_t> ids;
    ids.reserve(rows.size());
    for (const MessageRecord &m : rows)
        ids.push_back(m.id);
    const auto reactions = history.reactions(ids);
    const protocol::PeerId self = m_messenger.self();
    QHash<QString, QString> names;
    for (const MessageRecord &m : rows) {
        MessageExtras x;
        if (!m.replyTo.isEmpty()) {
            if (std::optional<MessageRecord> quoted = history.messageByUuid(m.replyTo); quoted && quoted->conversationId == m.conversationId) {
                x.quote.row = quoted->id;
                x.quote.state = quoted->deleted ? Quote::State::Deleted : Quote::State::Here;
                if (!quoted->deleted)
                    x.quote.text = quoted->body.left(300);
            } else {
                x.quote.state = Quote::State::Missing;
            }
        }
        if (auto it = reactions.constFind(m.id); it != reactions.constEnd()) {
            for (const storage::ReactionRecord &r : *it) {
                Reaction reaction{r.reactor, {}, r.reactor == self, r.emoji};
                if (!reaction.ours) {
                    auto name = names.constFind(r.reactor.toString());
                    if (name == names.constEnd())
                        name = names.insert(r.reactor.toString(), nameOf(r.reactor));
                    reaction.reactorName = *name;
                }
                x.reactions.push_back(std::move(reaction));
            }
        }
        if (m.kind == storage::MessageKind::Attachment)
            x.attachment = storage::AttachmentStore(m_messenger.profile().database()).byMessage(m.id);
        if (x.quote.state != Quote::State::None || !x.reactions.empty() || x.attachment)
            out.insert(m.id, std::move(x));
    }
    return out;
}

std::optional<MessageRecord> Queries::message(std::int64_t id) { return m_messenger.history().message(id); }

std::optional<storage::AttachmentRecord> Queries::attachment(const QByteArray &fileId)
{
    return storage::AttachmentStore(m_messenger.profile().database()).byFileId(fileId);
}

std::optional<MessageRecord> Queries::messageByUuid(const QByteArray &uuid) { return m_messenger.history().messageByUuid(uuid); }

std::vector<storage::EditRecord> Queries::edits(std::int64_t messageId) { return m_messenger.history().edits(messageId); }

std::vector<SearchResult> Queries::search(const QString &text, int limit, std::optional<std::int64_t> beforeId)
{
    std::vector<SearchResult> out;
    QHash<std::int64_t, std::pair<protocol::PeerId, QString>> peers; // conversation -> (peer, name)
    for (const storage::SearchHit &hit : m_messenger.history().search(text, limit, beforeId)) {
        auto it = peers.constFind(hit.conversationId);
        if (it == peers.constEnd()) {
            protocol::PeerId peer;
            if (auto c = m_messenger.history().conversation(hit.conversationId))
                peer = c->peer;
            QString name = peer.isValid() ? nameOf(peer) : QString();
            if (!peer.isValid()) // a group's: its name
                if (auto state = m_messenger.groupState(hit.conversationId))
                    name = state->name;
            it = peers.insert(hit.conversationId, {peer, name});
        }
        out.push_back({hit, it->first, it->second});
    }
    return out;
}

std::vector<ConversationListRow> Queries::conversationList()
{
    storage::MessageStore &history = m_messenger.history();
    QHash<QString, storage::ConversationRecord> byPeer;
    for (const storage::ConversationRecord &c : history.conversations())
        byPeer.insert(c.peer.toString(), c);
    std::vector<ConversationListRow> rows;
    QSet<QString> listed;
    for (const storage::ContactRecord &c : m_messenger.profile().protocolStore().contacts()) {
        ConversationListRow row;
        row.peer = c.peer;
        row.name = c.displayName.isEmpty() ? c.peer.toString().left(8) : c.displayName;
        row.online = isOnline(c.peer);
        row.trust = c.trust;
        const auto conversation = byPeer.constFind(c.peer.toString());
        const bool wrote = conversation != byPeer.constEnd() && conversation->lastMessageId;
        if (!c.accepted) {
            // A stranger who linked: a request once it wrote, else someone nearby (while
            // online), or nobody to list.
            if (isRequest(c, wrote))
                row.section = ListSection::Request;
            else if (wrote)
                row.section = ListSection::Blocked;
            else if (row.online) {
                row.section = ListSection::Nearby;
                row.contact = false;
            } else
                continue;
        }
        if (conversation != byPeer.constEnd()) {
            row.conversationId = conversation->id;
            row.lastActivity = conversation->lastActivity;
            row.unread = conversation->unreadCount;
            if (conversation->lastMessageId)
                row.last = history.message(conversation->lastMessageId);
        }
        listed.insert(c.peer.toString());
        rows.push_back(std::move(row));
    }
    appendGroups(rows);
    std::stable_sort(rows.begin(), rows.end(), [](const ConversationListRow &a, const ConversationListRow &b) {
        return a.section != b.section ? a.section < b.section : a.lastActivity > b.lastActivity;
    });
    if (m_node) {
        for (const NearbyPeer &n : m_node->nearby()) {
            if (listed.contains(n.peer.toString()))
                continue;
            ConversationListRow row;
            row.peer = n.peer;
            row.name = n.displayName.isEmpty() ? n.peer.toString().left(8) : n.displayName;
            row.online = true;
            row.contact = false;
            row.section = ListSection::Nearby;
            if (std::optional<std::int64_t> id = history.findConversation(n.peer))
                row.conversationId = *id;
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

// Groups are chats with no peer: listed among them by their last activity, left ones too
// (their history stays readable).
void Queries::appendGroups(std::vector<ConversationListRow> &rows)
{
    storage::MessageStore &history = m_messenger.history();
    for (const storage::ConversationRecord &c : history.conversations()) {
        if (c.peer.isValid() || !m_messenger.isGroup(c.id))
            continue;
        auto state = m_messenger.groupState(c.id);
        if (!state)
            continue; // unreadable: nothing to name it by
        ConversationListRow row;
        row.conversationId = c.id;
        row.name = state->name;
        row.group = true;
        row.memberCount = int(state->members.size());
        row.lastActivity = c.lastActivity;
        row.unread = c.unreadCount;
        if (c.lastMessageId)
            row.last = history.message(c.lastMessageId);
        if (row.last && !row.last->outgoing)
            row.lastSenderName = nameOf(row.last->sender);
        rows.push_back(std::move(row));
    }
}

void Queries::fillGroup(ConversationInfo &info, const GroupState &state)
{
    const protocol::PeerId self = m_messenger.self();
    info.group = true;
    info.name = state.name;
    info.accepted = true;
    info.member = state.isMember(self);
    info.admin = state.isAdmin(self);
    for (const GroupMember &m : state.members) {
        const bool ours = m.peer == self;
        GroupMemberInfo member{m.peer, ours ? m_messenger.profile().displayName() : nameOf(m.peer), m.admin, ours};
        if (!ours) {
            if (const std::optional<storage::ContactRecord> record = contact(m.peer)) {
                member.trust = record->trust;
                member.contact = record->accepted;
            }
        }
        info.members.push_back(std::move(member));
    }
}

void Queries::fillPeer(ConversationInfo &info, const protocol::PeerId &peer)
{
    info.peer = peer;
    info.online = isOnline(peer);
    if (std::optional<storage::ContactRecord> record = contact(peer)) {
        info.known = true;
        info.name = record->displayName;
        info.trust = record->trust;
        info.accepted = record->accepted;
        info.request = isRequest(*record, m_messenger.history().hasMessages(peer));
    }
    if (info.name.isEmpty())
        info.name = nameOf(peer);
    if (std::optional<protocol::PeerId> other = m_messenger.namesake(peer); other && !isOnline(*other)) {
        info.namesake = *other;
        info.namesakeName = m_messenger.profile().protocolStore().contactName(*other);
    }
}

std::optional<ConversationInfo> Queries::conversation(std::int64_t conversationId)
{
    std::optional<storage::ConversationRecord> c = m_messenger.history().conversation(conversationId);
    if (!c)
        return std::nullopt;
    ConversationInfo info;
    info.id = c->id;
    if (!c->peer.isValid() && m_messenger.isGroup(c->id)) {
        auto state = m_messenger.groupState(c->id);
        if (!state)
            return std::nullopt;
        fillGroup(info, *state);
    } else {
        fillPeer(info, c->peer);
    }
    info.timer = m_messenger.history().timer(c->id);
    info.unread = c->unreadCount;
    info.draft = m_messenger.history().draft(c->id);
    return info;
}

ConversationInfo Queries::conversationWith(const protocol::PeerId &peer)
{
    if (std::optional<std::int64_t> id = findConversation(peer))
        if (std::optional<ConversationInfo> info = conversation(*id))
            return *info;
    ConversationInfo info;
    fillPeer(info, peer);
    return info;
}

std::optional<std::int64_t> Queries::findConversation(const protocol::PeerId &peer) { return m_messenger.history().findConversation(peer); }

QString Queries::draft(std::int64_t conversationId) { return m_messenger.history().draft(conversationId); }

std::optional<storage::ContactRecord> Queries::contact(const protocol::PeerId &peer)
{
    return m_messenger.profile().protocolStore().contact(peer);
}

std::vector<storage::ContactRecord> Queries::contacts() { return m_messenger.profile().protocolStore().contacts(); }

bool Queries::hasMessages(const protocol::PeerId &peer) { return m_messenger.history().hasMessages(peer); }

std::vector<Queries::MemberReceipt> Queries::receipts(std::int64_t messageId)
{
    std::vector<MemberReceipt> out;
    for (const auto &[peer, state] : m_messenger.profile().groups().receipts(messageId)) {
        const protocol::PeerId member = protocol::PeerId::fromString(peer);
        if (member.isValid())
            out.push_back({member, nameOf(member), storage::MessageState(state)});
    }
    std::sort(out.begin(), out.end(), [](const MemberReceipt &a, const MemberReceipt &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return out;
}

QString Queries::nameOf(const protocol::PeerId &peer)
{
    QString name = m_messenger.profile().protocolStore().contactName(peer);
    if (name.isEmpty() && m_node)
        for (const NearbyPeer &n : m_node->nearby())
            if (n.peer == peer)
                name = n.displayName;
    return name.isEmpty() ? peer.toString().left(8) : name;
}

} // namespace sotto::messenger
