// SPDX-License-Identifier: GPL-3.0-or-later
// Node's group commands: Messenger's group rules, then what they queued leaves at once for
// every member whose link is up (the others get it when they link).
#include "core/messenger/Node.h"

namespace sotto::messenger {

std::expected<std::int64_t, Error> Node::createGroup(const QString &name, const std::vector<protocol::PeerId> &members)
{
    std::vector<protocol::PeerId> queuedFor;
    auto conversation = m_messenger.createGroup(name, members, &queuedFor);
    if (!conversation)
        return conversation;
    for (const protocol::PeerId &member : queuedFor)
        flush(member);
    Q_EMIT groupUpdated(*conversation);
    return conversation;
}

void Node::flushGroup(std::int64_t conversationId)
{
    auto state = m_messenger.groupState(conversationId);
    if (!state)
        return;
    for (const GroupMember &m : state->members)
        if (m.peer != m_profile.peerId())
            flush(m.peer);
}

std::expected<storage::MessageRecord, Error> Node::sendGroupText(std::int64_t conversationId, const QString &body,
                                                                 const QByteArray &replyTo)
{
    auto sent = m_messenger.sendGroupText(conversationId, body, replyTo);
    if (!sent)
        return std::unexpected(sent.error());
    for (const protocol::PeerId &member : sent->recipients)
        flush(member);
    return sent->message;
}

std::expected<GroupState, Error> Node::changeGroup(std::int64_t conversationId, const GroupChangeCall &change)
{
    std::vector<protocol::PeerId> queuedFor;
    auto state = change(m_messenger, &queuedFor);
    if (!state)
        return state;
    for (const protocol::PeerId &peer : queuedFor)
        flush(peer);
    Q_EMIT groupUpdated(conversationId);
    return state;
}

std::expected<void, Error> Node::markGroupRead(std::int64_t conversationId)
{
    if (!m_messenger.isGroup(conversationId))
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such group")});
    const std::optional<storage::ConversationRecord> before = m_profile.messages().conversation(conversationId);
    // No receipt comes back for a group (Messenger::markRead sends one only to a 1:1 peer).
    if (auto read = m_messenger.markRead(conversationId); !read)
        return std::unexpected(read.error());
    if (before && before->unreadCount > 0)
        Q_EMIT conversationUpdated(conversationId);
    return {};
}

} // namespace sotto::messenger
