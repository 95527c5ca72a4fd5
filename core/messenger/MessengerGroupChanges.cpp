// SPDX-License-Identifier: GPL-3.0-or-later
// Changing a group: the next signed revision of its state (GroupState.h's rules), sent to
// every member and to those it removes, and our sender key to whoever needs it now.
#include "core/messenger/ContentHandlers.h"
#include "core/messenger/Messenger.h"
#include "core/messenger/MessengerLog.h"
#include "core/protocol/IdentitySignature.h"

namespace sotto::messenger {
namespace {

using protocol::PeerId;

Error storageFailed(const char *what) { return {Errc::Storage, QString::fromLatin1(what)}; }

} // namespace

std::expected<GroupState, Error> Messenger::changeGroup(std::int64_t conversationId, const GroupChange &change,
                                                        std::vector<PeerId> *queuedFor)
{
    std::optional<QByteArray> groupId = m_profile.groups().groupOf(conversationId);
    if (!groupId)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such group")});
    std::optional<GroupChain> chain = loadChain(*groupId);
    if (!chain)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("the group's state is unreadable")});
    const SignedGroupState parent = chain->current();
    if (!parent.state.isMember(self()))
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("you are not a member of this group")});
    GroupState next = parent.state;
    if (auto changed = change(next); !changed)
        return std::unexpected(changed.error());
    next.revision = parent.state.revision + 1;
    next.previous = parent.hash();
    next.changedBy = m_profile.identityKey();
    // Seniority as every member checks it (mayFollow): kept by admins, this revision for new ones.
    for (GroupMember &m : next.members) {
        const GroupMember *before = parent.state.member(m.peer);
        m.adminSince = !m.admin ? 0 : before && before->admin ? before->adminSince : next.revision;
    }
    std::vector<PeerId> removed;
    for (const GroupMember &m : parent.state.members)
        if (!next.isMember(m.peer))
            removed.push_back(m.peer);
    next.epoch = parent.state.epoch + (removed.empty() ? 0u : 1u);
    if (next.members.empty() || std::none_of(next.members.begin(), next.members.end(), [](const GroupMember &m) { return m.admin; }))
        return std::unexpected(
            Error{Errc::NotAllowed, QStringLiteral("a group keeps at least one admin: make another member admin first")});
    std::optional<protocol::LocalIdentityRecord> local = m_profile.protocolStore().localIdentity();
    if (!local)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("no local identity")});
    auto signedState
        = signGroupState(std::move(next), [&](const QByteArray &m) { return protocol::signWithIdentity(m_context, local->privateKey, m); });
    if (!signedState)
        return std::unexpected(Error{Errc::Internal, signedState.error().reason});
    // The same rule every member applies: only an admin (or a member leaving) gets here.
    if (auto offered = chain->offer(*signedState); !offered)
        return std::unexpected(
            Error{offered.error().code == GroupErrc::NotAuthorized ? Errc::NotAllowed : Errc::InvalidInput, offered.error().reason});
    const GroupState &now = chain->current().state;

    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    if (auto saved = saveChain(*chain); !saved)
        return std::unexpected(saved.error());
    for (const PeerId &gone : removed) // their receipts will not come
        if (auto forgotten = m_profile.groups().forgetRecipient(conversationId, gone.toString()); !forgotten)
            return std::unexpected(Error::from(forgotten.error()));
    std::vector<PeerId> to = removed; // the removed learn it too (and stop sending to the group)
    for (const GroupMember &m : now.members)
        if (m.peer != self())
            to.push_back(m.peer);
    std::erase(to, self());
    if (auto queued = queueGroupUpdate(*chain, to); !queued)
        return std::unexpected(queued.error());
    std::vector<PeerId> keyed;
    if (auto distributed = distributeOwnKey(parent.state, now, false, keyed); !distributed)
        return std::unexpected(distributed.error());
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the group change"));
    if (queuedFor)
        *queuedFor = to;
    qCInfo(lcMessenger) << "group changed to revision" << now.revision << "epoch" << now.epoch;
    return now;
}

std::expected<GroupState, Error> Messenger::addMembers(std::int64_t conversationId, const std::vector<PeerId> &members,
                                                       std::vector<PeerId> *queuedFor)
{
    return changeGroup(
        conversationId,
        [&](GroupState &next) -> std::expected<void, Error> {
            for (const PeerId &peer : members) {
                if (next.isMember(peer))
                    continue;
                if (auto sendable = mayMessage(peer); !sendable)
                    return std::unexpected(sendable.error());
                next.members.push_back({peer, m_profile.protocolStore().identity(peer)->identityKey, false});
            }
            if (next.members.size() > std::size_t(GroupState::MaxMembers))
                return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a group has at most 256 members")});
            return {};
        },
        queuedFor);
}

std::expected<GroupState, Error> Messenger::removeMembers(std::int64_t conversationId, const std::vector<PeerId> &members,
                                                          std::vector<PeerId> *queuedFor)
{
    return changeGroup(
        conversationId,
        [&](GroupState &next) -> std::expected<void, Error> {
            for (const PeerId &peer : members)
                if (!next.isMember(peer))
                    return std::unexpected(Error{Errc::NotFound, QStringLiteral("not a member: %1").arg(peer.toString())});
            std::erase_if(next.members,
                          [&](const GroupMember &m) { return std::find(members.begin(), members.end(), m.peer) != members.end(); });
            return {};
        },
        queuedFor);
}

std::expected<GroupState, Error> Messenger::leaveGroup(std::int64_t conversationId, std::vector<PeerId> *queuedFor)
{
    return removeMembers(conversationId, {self()}, queuedFor);
}

std::expected<GroupState, Error> Messenger::renameGroup(std::int64_t conversationId, const QString &name, std::vector<PeerId> *queuedFor)
{
    const QString trimmed = name.trimmed();
    if (!isValidGroupName(trimmed))
        return std::unexpected(
            Error{Errc::InvalidInput, QStringLiteral("a group name has 1 to 64 characters, none of them control characters")});
    return changeGroup(
        conversationId,
        [&](GroupState &next) -> std::expected<void, Error> {
            next.name = trimmed;
            return {};
        },
        queuedFor);
}

std::expected<GroupState, Error> Messenger::setGroupAdmin(std::int64_t conversationId, const PeerId &member, bool admin,
                                                          std::vector<PeerId> *queuedFor)
{
    return changeGroup(
        conversationId,
        [&](GroupState &next) -> std::expected<void, Error> {
            for (GroupMember &m : next.members)
                if (m.peer == member) {
                    m.admin = admin;
                    return {};
                }
            return std::unexpected(Error{Errc::NotFound, QStringLiteral("not a member")});
        },
        queuedFor);
}

} // namespace sotto::messenger
