// SPDX-License-Identifier: GPL-3.0-or-later
// Node's group commands: Messenger's group rules, then what they queued leaves at once for
// every member whose link is up (the others get it when they link).
#include "core/messenger/Node.h"
#include "core/messenger/MessengerLog.h"

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

int Node::sendGroupTyping(std::int64_t conversationId, bool typing)
{
    auto state = m_messenger.groupState(conversationId);
    if (!state || !state->isMember(m_profile.peerId()))
        return 0;
    int sent = 0;
    for (const GroupMember &m : state->members) {
        if (m.peer == m_profile.peerId())
            continue;
        const net::Link *link = m_links->link(m.peer);
        if (!link || !m_links->isUp(m.peer) || !m_linkStates.contains(m.peer.toString()))
            continue; // ephemeral: offline means dropped
        if (link->peerContentVersion() < 5)
            continue; // a version-4 peer would show it in our 1:1 conversation
        auto sealed = m_messenger.groupTyping(conversationId, m.peer, typing);
        if (!sealed)
            continue;
        wire::Frame frame;
        wire::Envelope *envelope = frame.mutable_envelope();
        envelope->set_id(0); // not in the outbox: its acknowledgement names nothing
        envelope->set_kind(quint32(sealed->kind));
        envelope->set_ciphertext(sealed->bytes.toStdString());
        if (m_links->send(m.peer, frame))
            ++sent;
    }
    return sent;
}

std::expected<storage::MessageRecord, Error> Node::setGroupTimer(std::int64_t conversationId, int seconds)
{
    auto notice = m_messenger.setGroupTimer(conversationId, seconds);
    if (notice) {
        flushGroup(conversationId);
        Q_EMIT conversationUpdated(conversationId);
    }
    return notice;
}

void Node::deliverParked(std::int64_t conversationId)
{
    for (const auto &[sender, parked] : m_messenger.receiveParked(conversationId)) {
        if (!parked) {
            qCInfo(lcMessenger) << "a kept group message from" << sender.toString() << "dropped:" << parked.error().reason;
        } else if (parked->kind == Incoming::Kind::Text && parked->message) {
            noteActivity(sender);
            Q_EMIT messageReceived(*parked->message);
            if (parked->message->kind == storage::MessageKind::TimerChanged)
                Q_EMIT conversationUpdated(conversationId);
            flush(sender); // its delivery receipt
        } else if (parked->kind == Incoming::Kind::Update && parked->message) {
            Q_EMIT messageUpdated(*parked->message);
        }
    }
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

} // namespace sotto::messenger
