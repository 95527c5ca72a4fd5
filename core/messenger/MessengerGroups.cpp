// SPDX-License-Identifier: GPL-3.0-or-later
// Messenger's groups (docs/PROTOCOL.md, "Groups"): creating one, its signed state chain at
// rest, our sender key handed to whoever lacks it, sealing a group message once for every
// member, and receiving group envelopes (kind 4) into the group's conversation.
#include "core/messenger/ContentHandlers.h"
#include "core/messenger/Messenger.h"
#include "core/messenger/MessengerLog.h"
#include "core/protocol/IdentitySignature.h"

#include <QRandomGenerator>

#include <algorithm>

namespace sotto::messenger {
namespace {

using protocol::PeerId;

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }
QByteArray serialize(const google::protobuf::MessageLite &m) { return handlers::fromStd(m.SerializeAsString()); }
Error storageFailed(const char *what) { return {Errc::Storage, QString::fromLatin1(what)}; }
Error groupError(const GroupError &e) { return {e.code == GroupErrc::NotAuthorized ? Errc::NotAllowed : Errc::InvalidMessage, e.reason}; }
constexpr int UpdateTail = 8; // revisions a GroupUpdate carries
// A sender key kept in group_parked beside early messages is marked by a leading 0x00: a
// kept message is a GroupCiphertext as received, and a protobuf never starts with 0x00
// (field number 0 does not exist), nor does one that parsed (receiveGroupMessage).
constexpr char ParkedKeyMark = '\0';
QByteArray refusedKey(const PeerId &from, const QByteArray &groupId) { return from.toString().toLatin1() + groupId; }

} // namespace

std::optional<GroupChain> Messenger::loadChain(const QByteArray &groupId)
{
    std::vector<SignedGroupState> states;
    for (const auto &[revision, bytes] : m_profile.groups().states(groupId)) {
        // Checked when it arrived (or made by us) before it was stored.
        auto parsed = parseSignedGroupState(m_context, bytes, SignatureCheck::AlreadyVerified);
        if (!parsed)
            return std::nullopt; // the database is damaged
        states.push_back(std::move(*parsed));
    }
    if (states.empty())
        return std::nullopt;
    return GroupChain(std::move(states));
}

std::optional<GroupState> Messenger::loadCurrent(const QByteArray &groupId)
{
    std::optional<QByteArray> bytes = m_profile.groups().currentState(groupId);
    if (!bytes)
        return std::nullopt;
    auto parsed = parseSignedGroupState(m_context, *bytes, SignatureCheck::AlreadyVerified);
    if (!parsed)
        return std::nullopt; // the database is damaged
    return std::move(parsed->state);
}

std::expected<void, Error> Messenger::saveChain(const GroupChain &chain)
{
    std::vector<std::pair<quint64, QByteArray>> rows;
    for (const SignedGroupState &s : chain.states())
        rows.emplace_back(s.state.revision, s.serialize());
    if (auto r = m_profile.groups().saveStates(chain.current().state.groupId, rows); !r)
        return std::unexpected(Error::from(r.error()));
    return {};
}

std::expected<void, Error> Messenger::queueGroupUpdate(const GroupChain &chain, const std::vector<PeerId> &to)
{
    wire::Content content;
    wire::GroupUpdate *u = content.mutable_group_update();
    u->set_id(toStd(newMessageId()));
    u->set_sent_at(handlers::nowMs());
    for (const SignedGroupState &s : chain.tail(UpdateTail)) {
        wire::SignedGroupState *w = u->add_states();
        w->set_state(toStd(s.bytes));
        w->set_signature(toStd(s.signature));
    }
    const QByteArray plaintext = serialize(content);
    for (const PeerId &peer : to) {
        if (auto queued = queue(peer, plaintext, 0); !queued)
            return std::unexpected(queued.error());
    }
    return {};
}

std::expected<void, Error> Messenger::distributeOwnKey(const std::optional<GroupState> &before, const GroupState &now, bool forkSwitched,
                                                       std::vector<PeerId> &queuedFor)
{
    // A fork that went back to a lower epoch (the winning branch removed no one where the
    // losing one did): our keys for the epochs above may have gone to members the winning
    // branch removes later, and would be used again when it reaches those epochs. Forgotten,
    // so each is made fresh then.
    if (forkSwitched && before && before->epoch > now.epoch)
        for (quint64 e = quint64(now.epoch) + 1; e <= before->epoch; ++e)
            if (!m_groupSessions.forgetOwnKey(now.groupId, quint32(e), self()))
                return std::unexpected(storageFailed("cannot forget a sender key"));
    if (!now.isMember(self())) {
        // Removed: our key is of no use to anyone any more, nor are its checkpoints.
        if (auto dropped = m_profile.groups().dropCheckpoints(now.groupId); !dropped)
            return std::unexpected(Error::from(dropped.error()));
        return {};
    }
    // A new epoch (someone left), a group new to us, or a fork that went the other way:
    // everyone else gets our key; otherwise only those who joined.
    const bool everyone = !before || forkSwitched || before->epoch != now.epoch || !before->isMember(self());
    std::vector<PeerId> to;
    for (const GroupMember &m : now.members)
        if (m.peer != self() && (everyone || !before->isMember(m.peer)))
            to.push_back(m.peer);
    if (to.empty())
        return {};
    // After a fork went the other way our key for this epoch may have gone to someone the
    // winning state does not have (the loser removed someone else): a fresh one, then.
    auto distribution = forkSwitched ? m_groupSessions.replaceOwnKey(now.groupId, now.epoch, self())
                                     : m_groupSessions.ownDistribution(now.groupId, now.epoch, self());
    if (!distribution)
        return std::unexpected(Error::from(distribution.error()));
    // What we hand out is also what a member behind may need again (MessengerKeyResend.cpp);
    // a replaced key's checkpoints open nothing.
    if (forkSwitched)
        if (auto dropped = m_profile.groups().dropCheckpoints(now.groupId); !dropped)
            return std::unexpected(Error::from(dropped.error()));
    QByteArray checkpoint = *distribution;
    checkpoint.detach();
    if (auto kept = keepOwnCheckpoint(now.groupId, now.epoch, checkpoint); !kept) {
        crypto::wipe(*distribution);
        return std::unexpected(kept.error());
    }
    // Copies of our sender key's chain key leave memory as soon as it is sealed: the
    // library's buffer and the protobuf's copies (senderKeyContent), the plaintext (below).
    QByteArray plaintext = senderKeyContent(now.groupId, now.epoch, *distribution);
    for (const PeerId &peer : to) {
        auto queued = queue(peer, plaintext, 0);
        if (!queued) {
            crypto::wipe(plaintext);
            return std::unexpected(queued.error());
        }
        queuedFor.push_back(peer);
    }
    crypto::wipe(plaintext);
    return {};
}

std::expected<std::int64_t, Error> Messenger::createGroup(const QString &name, const std::vector<PeerId> &members,
                                                          std::vector<PeerId> *queuedFor)
{
    const QString trimmed = name.trimmed();
    if (!isValidGroupName(trimmed))
        return std::unexpected(
            Error{Errc::InvalidInput, QStringLiteral("a group name has 1 to 64 characters, none of them control characters")});
    if (members.empty() || members.size() + 1 > std::size_t(GroupState::MaxMembers))
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a group has 1 to 255 other members")});
    GroupState state;
    state.groupId = QByteArray(GroupState::GroupIdBytes, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(state.groupId.data()), GroupState::GroupIdBytes / 4);
    state.name = trimmed;
    state.revision = 1;
    state.changedBy = m_profile.identityKey();
    state.members.push_back({self(), m_profile.identityKey(), true, 1});
    for (const PeerId &peer : members) {
        if (peer == self() || state.isMember(peer))
            continue;
        if (auto sendable = mayMessage(peer); !sendable)
            return std::unexpected(sendable.error());
        std::optional<protocol::IdentityRecord> contact = m_profile.protocolStore().identity(peer);
        state.members.push_back({peer, contact->identityKey, false});
    }
    std::optional<protocol::LocalIdentityRecord> local = m_profile.protocolStore().localIdentity();
    if (!local)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("no local identity")});
    auto signedState = signGroupState(std::move(state),
                                      [&](const QByteArray &m) { return protocol::signWithIdentity(m_context, local->privateKey, m); });
    if (!signedState)
        return std::unexpected(groupError(signedState.error()));
    GroupChain chain;
    if (auto started = chain.offer(*signedState); !started)
        return std::unexpected(groupError(started.error()));

    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    auto conversation = m_profile.groups().create(chain.current().state.groupId);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));
    if (auto saved = saveChain(chain); !saved)
        return std::unexpected(saved.error());
    std::vector<PeerId> others;
    for (const GroupMember &m : chain.current().state.members)
        if (m.peer != self())
            others.push_back(m.peer);
    // The state first, then our key: each member's outbox keeps this order.
    if (auto queued = queueGroupUpdate(chain, others); !queued)
        return std::unexpected(queued.error());
    std::vector<PeerId> keyed;
    if (auto distributed = distributeOwnKey(std::nullopt, chain.current().state, false, keyed); !distributed)
        return std::unexpected(distributed.error());
    for (const PeerId &peer : others)
        if (auto accepted = consent(peer); !accepted)
            return std::unexpected(accepted.error());
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the group"));
    if (queuedFor)
        *queuedFor = others;
    qCInfo(lcMessenger) << "created a group of" << chain.current().state.members.size();
    return *conversation;
}

std::expected<GroupState, Error> Messenger::groupState(std::int64_t conversationId)
{
    std::optional<QByteArray> groupId = m_profile.groups().groupOf(conversationId);
    if (!groupId)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such group")});
    std::optional<GroupState> state = loadCurrent(*groupId);
    if (!state)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("the group's state is unreadable")});
    return std::move(*state);
}

std::expected<std::vector<PeerId>, Error> Messenger::sealForGroup(std::int64_t conversationId, const QByteArray &content,
                                                                  std::int64_t messageId)
{
    auto state = groupState(conversationId);
    if (!state)
        return std::unexpected(state.error());
    if (!state->isMember(self()))
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("you are not a member of this group")});
    // Sealed once, with our sender key for the epoch; kept once for every member.
    quint32 iteration = 0;
    auto sealed = m_groupSessions.encrypt(state->groupId, state->epoch, self(), content, &iteration);
    if (!sealed)
        return std::unexpected(Error::from(sealed.error()));
    if (auto kept = checkpointAfter(state->groupId, state->epoch, iteration); !kept)
        return std::unexpected(kept.error());
    wire::GroupCiphertext envelope;
    envelope.set_group_id(toStd(state->groupId));
    envelope.set_epoch(state->epoch);
    envelope.set_ciphertext(toStd(*sealed));
    auto shared = m_profile.groups().keepCiphertext(serialize(envelope));
    if (!shared)
        return std::unexpected(Error::from(shared.error()));
    std::vector<PeerId> recipients;
    for (const GroupMember &m : state->members) {
        if (m.peer == self())
            continue;
        auto queued
            = m_profile.outbox().enqueueShared(m.peer, messageId, int(protocol::MessageKind::SenderKey), *shared, handlers::nowMs());
        if (!queued)
            return std::unexpected(Error::from(queued.error()));
        // Who it was for: their receipts count ("delivered to 3 of 5"), no one else's.
        if (messageId)
            if (auto added = m_profile.groups().addRecipient(messageId, m.peer.toString()); !added)
                return std::unexpected(Error::from(added.error()));
        recipients.push_back(m.peer);
    }
    return recipients;
}

std::expected<void, Error> Messenger::sendToConversation(std::int64_t conversationId, const PeerId &peer, const QByteArray &content)
{
    if (peer.isValid()) {
        if (auto queued = queue(peer, content, 0); !queued)
            return std::unexpected(queued.error());
        return {};
    }
    if (auto sealed = sealForGroup(conversationId, content, 0); !sealed)
        return std::unexpected(sealed.error());
    return {};
}

std::expected<Messenger::GroupSend, Error> Messenger::sendGroupText(std::int64_t conversationId, const QString &body,
                                                                    const QByteArray &replyTo)
{
    const QByteArray utf8 = body.toUtf8();
    if (utf8.isEmpty() || utf8.size() > MaxBodyBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a message must have 1 to %1 bytes").arg(MaxBodyBytes)});
    if (!isGroup(conversationId))
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such group")});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    storage::MessageStore &history = m_profile.messages();
    std::optional<storage::MessageRecord> quoted;
    if (!replyTo.isEmpty()) {
        quoted = history.messageByUuid(replyTo);
        if (!quoted || quoted->conversationId != conversationId)
            return std::unexpected(Error{Errc::NotFound, QStringLiteral("the message replied to is not in this conversation")});
    }
    GroupSend out;
    storage::MessageRecord &record = out.message;
    record.uuid = newMessageId();
    record.conversationId = conversationId;
    record.sender = self();
    record.outgoing = true;
    record.body = body;
    record.sentAt = handlers::afterQuoted(handlers::nowMs(), quoted); // after what it answers, whatever the clocks say
    record.state = storage::MessageState::Queued;
    record.replyTo = replyTo;
    auto id = history.insert(record);
    if (!id)
        return std::unexpected(Error::from(id.error()));
    record.id = *id;
    QByteArray plaintext = textContent(record);
    auto recipients = sealForGroup(conversationId, plaintext, *id);
    crypto::wipe(plaintext);
    if (!recipients)
        return std::unexpected(recipients.error());
    out.recipients = std::move(*recipients);
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the message"));
    return out;
}

std::expected<void, protocol::Error> Messenger::receiveGroupUpdate(const PeerId &from, const std::vector<QByteArray> &wireStates,
                                                                   Incoming &out)
{
    const auto refuse = [](const QString &why) { return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, why}); };
    const auto storeFailed = [](const QString &why) { return std::unexpected(protocol::Error{protocol::Errc::StoreFailed, why}); };
    out.kind = Incoming::Kind::Ignored;
    if (wireStates.empty() || wireStates.size() > std::size_t(UpdateTail))
        return refuse(QStringLiteral("group update out of bounds"));
    std::vector<SignedGroupState> states;
    for (const QByteArray &bytes : wireStates) {
        auto parsed = parseSignedGroupState(m_context, bytes);
        if (!parsed) // a forgery or garbage: refused, never applied
            return refuse(parsed.error().reason);
        if (!states.empty() && parsed->state.groupId != states.front().state.groupId)
            return refuse(QStringLiteral("group update of two groups"));
        states.push_back(std::move(*parsed));
    }
    const QByteArray groupId = states.front().state.groupId;
    std::optional<GroupChain> held = loadChain(groupId);
    const bool known = held.has_value();
    // A group new to us comes only from a contact the user accepted: a stranger who linked
    // (a message request at most) must not fill the profile with groups. Acknowledged and
    // dropped, so it is not sent again.
    if (!known && !isAccepted(from)) {
        // Its sender key for this group comes next in the same outbox: dropped too.
        if (m_refusedGroups.size() >= 1024)
            m_refusedGroups.clear();
        m_refusedGroups.insert(refusedKey(from, groupId));
        return {};
    }
    GroupChain chain = known ? std::move(*held) : GroupChain();
    const std::optional<GroupState> before = known ? std::optional<GroupState>(chain.current().state) : std::nullopt;
    // The update's revisions as one branch: a fork is decided on all of it (GroupChain).
    bool changed = false, forkSwitched = false;
    if (auto outcome = chain.offer(states); !outcome) {
        // Not authorised: a forged change, refused. Anything else (an older revision, the
        // loser of a fork, a gap) is the normal life of a chain: acknowledged, not applied.
        if (outcome.error().code == GroupErrc::NotAuthorized || outcome.error().code == GroupErrc::Malformed)
            return refuse(outcome.error().reason);
        qCInfo(lcMessenger) << "group revisions up to" << states.back().state.revision << "not applied:" << outcome.error().reason;
    } else {
        changed = *outcome != GroupChain::Outcome::Duplicate;
        forkSwitched = *outcome == GroupChain::Outcome::Replaced;
    }
    if (!changed)
        return {};
    const GroupState &now = chain.current().state;
    // A group new to us is taken from a member of it who names us.
    if (!known && (!now.isMember(self()) || !now.isMember(from)))
        return refuse(QStringLiteral("a group we are not in, or from someone not in it"));
    std::int64_t conversation = 0;
    if (known) {
        conversation = *m_profile.groups().conversationOf(groupId);
    } else {
        auto created = m_profile.groups().create(groupId);
        if (!created)
            return storeFailed(created.error().reason);
        conversation = *created;
    }
    if (auto saved = saveChain(chain); !saved)
        return storeFailed(saved.error().reason);
    if (before)
        for (const GroupMember &m : before->members)
            if (!now.isMember(m.peer)) // their receipts will not come
                if (auto forgotten = m_profile.groups().forgetRecipient(conversation, m.peer.toString()); !forgotten)
                    return storeFailed(forgotten.error().reason);
    // We had left, and a fork brought us back (a concurrent change won over our leaving):
    // we leave again, on top of the winner, and our key goes to nobody.
    if (before && !before->isMember(self()) && before->changedBy == m_profile.identityKey() && now.isMember(self())) {
        m_afterDecrypt.push_back([this, conversation](Incoming &in) -> std::expected<void, Error> {
            auto left = leaveGroup(conversation, &in.queuedFor);
            if (!left)
                return std::unexpected(left.error());
            return {};
        });
        out.groupUpdated = conversation;
        return {};
    }
    // Our key may go to the sender too: sealed after its decrypt (m_afterDecrypt).
    m_afterDecrypt.push_back(
        [this, before, now, forkSwitched](Incoming &in) { return distributeOwnKey(before, now, forkSwitched, in.queuedFor); });
    out.groupUpdated = conversation;
    return {};
}

std::expected<void, protocol::Error> Messenger::receiveSenderKey(const PeerId &from, const QByteArray &groupId, quint32 epoch,
                                                                 const QByteArray &distribution, Incoming &out)
{
    out.kind = Incoming::Kind::Ignored;
    if (groupId.size() != GroupState::GroupIdBytes)
        return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("sender key out of bounds")});
    if (m_profile.groups().conversationOf(groupId)) {
        // A group we know: stored only from a member of the state we hold, for an epoch near
        // it (a few back: members still sealing with an older key; a few ahead, as messages
        // may be). Anyone else could otherwise store sender keys without end.
        std::optional<GroupState> current = loadCurrent(groupId);
        if (current && current->isMember(from) && from != self()) {
            if (quint64(epoch) + MaxEpochsBehind < current->epoch || quint64(epoch) > quint64(current->epoch) + MaxEpochsAhead)
                return {}; // acknowledged and dropped: of no use, or not yet believable
            return m_groupSessions.processDistribution(groupId, epoch, from, distribution);
        }
        // Not in our state: maybe a member added in a revision we have not got yet. Kept
        // as below (bounded), taken by receiveParked if that revision names it.
    } else if (isAccepted(from)) {
        // Kept even before the group's state reaches us (it comes from another member, over
        // another link): whether the sender may speak in the group is checked per message.
        return m_groupSessions.processDistribution(groupId, epoch, from, distribution);
    }
    // Before the state (or the revision naming the sender), from someone we have not
    // accepted, or not in our state: a member we never talked to, a newcomer, or a stranger.
    // Not taken into the sender-key store (a stranger's keys for made-up groups would pile
    // up), but kept beside early messages until the state comes and names the sender
    // (receiveParked), or dropped: so that member's messages can be read once it does. Bounded: per sender over all groups, per group like messages, and by age.
    // A group this stranger offered and we refused: its key is of no use.
    if (m_refusedGroups.contains(refusedKey(from, groupId)) || distribution.isEmpty() || distribution.size() > 4096)
        return {}; // acknowledged and dropped
    m_profile.groups().expireParked(handlers::nowMs() - ParkedForMs);
    // Only keys count toward the per-peer bound: a member's kept messages must not push
    // out its key (without which they could never be read).
    storage::GroupStore &groups = m_profile.groups();
    if (groups.parkedMarkedFrom(from.toString(), ParkedKeyMark) >= MaxParkedKeysPerStranger
        || groups.parkedMarkedCount(ParkedKeyMark) >= MaxParkedKeysFromStrangers || groups.parkedTotal() >= MaxParkedFromStrangers
        || groups.parkedCount(groupId, from.toString()) >= MaxParkedPerSender)
        return {}; // acknowledged and dropped, as before keys were kept
    QByteArray marked = QByteArray(1, ParkedKeyMark) + distribution;
    auto parked = m_profile.groups().park(groupId, from.toString(), epoch, marked, handlers::nowMs());
    crypto::wipe(marked);
    if (!parked)
        return std::unexpected(protocol::Error{protocol::Errc::StoreFailed, parked.error().reason});
    qCInfo(lcMessenger) << "a sender key before the group state naming its sender: kept until the state comes";
    return {};
}

std::expected<Incoming, Error> Messenger::receiveGroupMessage(const PeerId &from, const protocol::CipherMessage &message)
{
    Incoming out;
    out.group = true;
    // A blocked member's messages are dropped unread, as in 1:1 (acknowledged: no resends).
    if (auto contact = m_profile.protocolStore().identity(from); contact && contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});
    wire::GroupCiphertext envelope;
    if (message.bytes.size() > protocol::GroupSessions::MaxCiphertextSize + 64
        || !envelope.ParseFromArray(message.bytes.constData(), int(message.bytes.size())))
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("group envelope does not parse")});
    const QByteArray groupId = handlers::fromStd(envelope.group_id());
    std::optional<std::int64_t> conversation = m_profile.groups().conversationOf(groupId);
    std::optional<GroupState> current = conversation ? loadCurrent(groupId) : std::nullopt;
    // The state may still be on its way from another member (who may be offline for days):
    // parked and acknowledged, so this sender's other messages are not held up behind it,
    // and received when the state comes (receiveParked). Bounded: beyond that the sender is
    // told it was refused.
    // A newcomer's too (its member update on the way: adding one keeps the epoch). Only from
    // an accepted contact for a group we do not know (a stranger who linked must not fill
    // the profile), only the next few epochs, a bounded number per sender, and not for long.
    const bool early = !current || envelope.epoch() > current->epoch || (!current->isMember(from) && current->isMember(self()));
    if (early) {
        out.kind = Incoming::Kind::Ignored;
        m_profile.groups().expireParked(handlers::nowMs() - ParkedForMs);
        // From someone we have not accepted, for a group we do not know: kept only if that
        // sender's key for the group was kept (a member we never talked to, whose key came
        // first, as it is sent first): receiveParked takes the key, then this. Otherwise
        // acknowledged and dropped, as its sender key and group update would be.
        if (!current && !isAccepted(from)
            && (!m_profile.groups().hasParkedMarked(groupId, from.toString(), ParkedKeyMark)
                || m_profile.groups().parkedTotal() >= MaxParkedFromStrangers))
            return out;
        if (groupId.size() != GroupState::GroupIdBytes || (current && envelope.epoch() > current->epoch + MaxEpochsAhead)
            || m_profile.groups().parkedCount(groupId, from.toString()) >= MaxParkedPerSender)
            return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("a group message for a state we do not have")});
        if (auto parked = m_profile.groups().park(groupId, from.toString(), envelope.epoch(), message.bytes, handlers::nowMs()); !parked)
            return std::unexpected(Error::from(parked.error()));
        qCInfo(lcMessenger) << "a group message before its group's state: kept until the state comes";
        return out;
    }
    const GroupState &state = *current;
    if (!state.isMember(from) || !state.isMember(self()))
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("a group message from or to someone not in the group")});
    auto sink = [&](const QByteArray &plaintext) -> std::expected<void, protocol::Error> {
        wire::Content content;
        if (!content.ParseFromArray(plaintext.constData(), int(plaintext.size())))
            return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("content does not parse")});
        Receiving receiving{*this, m_profile, from, plaintext, out, *conversation};
        switch (content.body_case()) {
        case wire::Content::kReceipt: // receipts per member go pairwise (not yet)
            out.kind = Incoming::Kind::Ignored;
            return {};
        case wire::Content::kGroupUpdate:
        case wire::Content::kSenderKey: // pairwise only: a group cannot vouch for its own state
            return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("not a group message kind")});
        case wire::Content::kTyping: // not in groups yet
            out.kind = Incoming::Kind::Ignored;
            return {};
        default: break;
        }
        if (ContentHandler handler = handlerFor(content.body_case()))
            return handler(receiving, content);
        return receiveUnknown(receiving);
    };
    auto decrypted = m_groupSessions.decrypt(groupId, envelope.epoch(), from, handlers::fromStd(envelope.ciphertext()), sink);
    if (!decrypted) {
        qCInfo(lcMessenger) << "dropped a group message from" << from.toString() << ":" << decrypted.error().reason;
        return std::unexpected(Error::from(decrypted.error()));
    }
    return out;
}

std::expected<protocol::CipherMessage, Error> Messenger::groupTyping(std::int64_t conversationId, const PeerId &to, bool typing)
{
    auto state = groupState(conversationId);
    if (!state)
        return std::unexpected(state.error());
    if (to == self() || !state->isMember(self()) || !state->isMember(to))
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("not a member of this group")});
    std::optional<protocol::IdentityRecord> contact = m_profile.protocolStore().identity(to);
    if (!contact || contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("not sending to this member")});
    // Pairwise, not with our sender key: a typing state sealed with it would use up an
    // iteration that members offline never see (skipped keys, and the 2,000 limit), and
    // every member would verify a signature for it.
    if (!m_sessions.hasSession(to))
        return std::unexpected(Error{Errc::NoSession, QStringLiteral("no session with this member")});
    wire::Content content;
    content.mutable_typing()->set_typing(typing);
    content.mutable_typing()->set_group_id(toStd(state->groupId));
    protocol::StoreTransaction tx(m_profile.protocolStore());
    auto sealed = m_sessions.encrypt(to, serialize(content));
    if (!sealed)
        return std::unexpected(Error::from(sealed.error()));
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the typing state"));
    return *sealed;
}

std::vector<std::int64_t> Messenger::groupsWithParked() { return m_profile.groups().conversationsWithParked(); }

std::vector<std::pair<PeerId, std::expected<Incoming, Error>>> Messenger::receiveParked(std::int64_t conversationId)
{
    std::vector<std::pair<PeerId, std::expected<Incoming, Error>>> out;
    std::optional<QByteArray> groupId = m_profile.groups().groupOf(conversationId);
    std::optional<GroupState> current = groupId ? loadCurrent(*groupId) : std::nullopt;
    if (!current)
        return out;
    std::vector<storage::GroupStore::Parked> rows = m_profile.groups().parked(*groupId, current->epoch);
    // Kept sender keys first: a member's key must be in place before its kept messages.
    std::stable_partition(rows.begin(), rows.end(),
                          [](const storage::GroupStore::Parked &r) { return r.envelope.startsWith(ParkedKeyMark); });
    for (storage::GroupStore::Parked &row : rows) {
        const PeerId from = PeerId::fromString(row.sender);
        if (row.envelope.startsWith(ParkedKeyMark)) {
            // Taken only if the state names its sender and the sender is not blocked;
            // otherwise dropped (a stranger's key, a member since removed, one the user
            // blocked). A key that does not parse is dropped as well. A storage failure keeps
            // it for the next change of state, as a kept message is kept: dropping it would
            // lose the key, and every message sealed with it, for good.
            QByteArray distribution = row.envelope.mid(1);
            crypto::wipe(row.envelope);
            enum class Take { Taken, Dropped, Failed };
            const auto take = [&] {
                protocol::StoreTransaction tx(m_profile.protocolStore());
                if (!tx.isOpen())
                    return Take::Failed;
                const auto contact = m_profile.protocolStore().identity(from);
                if (!current->isMember(from) || from == self() || (contact && contact->trust == protocol::TrustState::Blocked))
                    return Take::Dropped;
                if (auto taken = m_groupSessions.processDistribution(*groupId, row.epoch, from, distribution); !taken) {
                    if (willBeResent(Error::from(taken.error()).code))
                        return Take::Failed;
                    qCInfo(lcMessenger) << "a kept sender key dropped:" << taken.error().reason;
                    return Take::Dropped;
                }
                return m_profile.groups().unpark(row.id) && tx.commit() ? Take::Taken : Take::Failed;
            };
            const Take taken = take();
            crypto::wipe(distribution);
            if (taken == Take::Failed)
                break;
            if (taken == Take::Dropped) { // dropped on its own, so it does not come back at every change
                protocol::StoreTransaction tx(m_profile.protocolStore());
                if (!tx.isOpen() || !m_profile.groups().unpark(row.id) || !tx.commit())
                    break;
            }
            continue;
        }
        protocol::StoreTransaction tx(m_profile.protocolStore());
        if (!tx.isOpen())
            break;
        auto received = receiveGroupMessage(from, {protocol::MessageKind::SenderKey, row.envelope});
        // A full disk: kept for the next change of state. Anything else (a forgery, a
        // sender no longer in the group) is settled, like a refused envelope.
        if (!received && willBeResent(received.error().code))
            break;
        // Its delivery receipt, if it can be sealed now (a failure here loses only that).
        if (received && received->kind == Incoming::Kind::Text && received->message
            && received->message->kind != storage::MessageKind::TimerChanged && m_sessions.hasSession(from))
            if (auto receipt = deliveryReceipt(from, {received->message->uuid}); !receipt)
                qCInfo(lcMessenger) << "no delivery receipt for a kept group message:" << receipt.error().reason;
        if (!m_profile.groups().unpark(row.id) || !tx.commit())
            break;
        out.emplace_back(from, std::move(received));
    }
    return out;
}

} // namespace sotto::messenger
