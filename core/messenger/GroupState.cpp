// SPDX-License-Identifier: GPL-3.0-or-later
// Group state revisions: wire form, signatures, and the chain rule (GroupState.h).
#include "core/messenger/GroupState.h"

#include "core/messenger/Content.pb.h"
#include "core/protocol/IdentitySignature.h"

#include <QCryptographicHash>

#include <algorithm>

namespace sotto::messenger {
namespace {

const QByteArray SignatureContext = QByteArrayLiteral("sotto-group-v1");

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }
QByteArray fromStd(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

std::unexpected<GroupError> fail(GroupErrc code, const char *why) { return std::unexpected(GroupError{code, QString::fromLatin1(why)}); }

} // namespace

const GroupMember *GroupState::member(const protocol::PeerId &peer) const
{
    auto it = std::find_if(members.begin(), members.end(), [&](const GroupMember &m) { return m.peer == peer; });
    return it == members.end() ? nullptr : &*it;
}

bool GroupState::isAdmin(const protocol::PeerId &peer) const
{
    const GroupMember *m = member(peer);
    return m && m->admin;
}

std::vector<protocol::PeerId> GroupState::peers() const
{
    std::vector<protocol::PeerId> out;
    for (const GroupMember &m : members)
        out.push_back(m.peer);
    return out;
}

QByteArray SignedGroupState::hash() const { return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); }

QByteArray SignedGroupState::serialize() const
{
    wire::SignedGroupState s;
    s.set_state(toStd(bytes));
    s.set_signature(toStd(signature));
    return fromStd(s.SerializeAsString());
}

std::expected<SignedGroupState, GroupError> parseSignedGroupState(crypto::SignalContext &context, const QByteArray &bytes,
                                                                  SignatureCheck check)
{
    wire::SignedGroupState signedState;
    wire::GroupState s;
    if (bytes.size() > 64 * 1024 || !signedState.ParseFromArray(bytes.constData(), int(bytes.size()))
        || !s.ParseFromString(signedState.state()))
        return fail(GroupErrc::Malformed, "group state does not parse");
    SignedGroupState out;
    out.bytes = fromStd(signedState.state());
    out.signature = fromStd(signedState.signature());
    GroupState &g = out.state;
    g.groupId = fromStd(s.group_id());
    g.name = QString::fromStdString(s.name());
    g.epoch = s.epoch();
    g.revision = s.revision();
    g.previous = fromStd(s.previous());
    g.changedBy = fromStd(s.changed_by());
    if (g.groupId.size() != GroupState::GroupIdBytes || g.name.trimmed().isEmpty() || g.name.size() > GroupState::MaxNameChars
        || g.revision == 0 || (g.revision == 1) != g.previous.isEmpty() || (!g.previous.isEmpty() && g.previous.size() != 32))
        return fail(GroupErrc::Malformed, "group state out of bounds");
    if (s.members_size() < 1 || s.members_size() > GroupState::MaxMembers)
        return fail(GroupErrc::Malformed, "group size out of bounds");
    bool anyAdmin = false;
    for (const wire::GroupMember &m : s.members()) {
        GroupMember member{protocol::PeerId::fromIdentityKey(fromStd(m.identity_key())), fromStd(m.identity_key()), m.admin()};
        if (!member.peer.isValid())
            return fail(GroupErrc::Malformed, "a member's key is not an identity key");
        // Strictly increasing: one canonical order, no member twice.
        if (!g.members.empty() && !(g.members.back().peer.toString() < member.peer.toString()))
            return fail(GroupErrc::Malformed, "members out of order or repeated");
        anyAdmin = anyAdmin || member.admin;
        g.members.push_back(std::move(member));
    }
    if (!anyAdmin)
        return fail(GroupErrc::Malformed, "a group without an admin");
    if (!protocol::PeerId::fromIdentityKey(g.changedBy).isValid() || out.signature.size() != 64
        || (check == SignatureCheck::Verify
            && !protocol::verifyIdentitySignature(context, g.changedBy, SignatureContext + out.bytes, out.signature)))
        return fail(GroupErrc::BadSignature, "group state signature does not verify");
    return out;
}

std::expected<SignedGroupState, GroupError> signGroupState(GroupState next, const IdentitySigner &sign)
{
    std::sort(next.members.begin(), next.members.end(),
              [](const GroupMember &a, const GroupMember &b) { return a.peer.toString() < b.peer.toString(); });
    wire::GroupState s;
    s.set_group_id(toStd(next.groupId));
    s.set_name(next.name.toStdString());
    for (const GroupMember &m : next.members) {
        wire::GroupMember *w = s.add_members();
        w->set_identity_key(toStd(m.identityKey));
        w->set_admin(m.admin);
    }
    s.set_epoch(next.epoch);
    s.set_revision(next.revision);
    s.set_previous(toStd(next.previous));
    s.set_changed_by(toStd(next.changedBy));
    SignedGroupState out;
    out.bytes = fromStd(s.SerializeAsString());
    out.signature = sign(SignatureContext + out.bytes);
    if (out.signature.size() != 64)
        return fail(GroupErrc::BadSignature, "cannot sign the group state");
    out.state = std::move(next);
    return out;
}

std::expected<void, GroupError> mayFollow(const SignedGroupState &parentSigned, const SignedGroupState &nextSigned)
{
    const GroupState &parent = parentSigned.state;
    const GroupState &next = nextSigned.state;
    if (next.groupId != parent.groupId)
        return fail(GroupErrc::WrongGroup, "another group's state");
    if (next.revision != parent.revision + 1 || next.previous != parentSigned.hash())
        return fail(GroupErrc::NotOnChain, "not built on this revision");
    const protocol::PeerId signer = protocol::PeerId::fromIdentityKey(next.changedBy);
    bool someoneLeft = false;
    for (const GroupMember &m : parent.members)
        someoneLeft = someoneLeft || !next.isMember(m.peer);
    if (next.epoch != parent.epoch + (someoneLeft ? 1u : 0u))
        return fail(GroupErrc::Malformed, "the epoch must grow exactly when someone leaves");
    if (parent.isAdmin(signer))
        return {};
    // A member who is not an admin may only leave: everything else as it was.
    if (parent.isMember(signer) && !next.isMember(signer) && next.name == parent.name && next.members.size() + 1 == parent.members.size()) {
        for (const GroupMember &m : next.members) {
            const GroupMember *before = parent.member(m.peer);
            if (!before || before->admin != m.admin)
                return fail(GroupErrc::NotAuthorized, "only an admin changes a group");
        }
        return {};
    }
    return fail(GroupErrc::NotAuthorized, "only an admin changes a group");
}

std::vector<SignedGroupState> GroupChain::tail(int n) const
{
    const auto from = m_states.size() > std::size_t(n) ? m_states.end() - n : m_states.begin();
    return {from, m_states.end()};
}

std::expected<GroupChain::Outcome, GroupError> GroupChain::offer(const SignedGroupState &next)
{
    if (m_states.empty()) {
        // Taken on its own word: the signer is an admin it names.
        if (!next.state.isAdmin(protocol::PeerId::fromIdentityKey(next.state.changedBy)))
            return fail(GroupErrc::NotAuthorized, "the first revision must be signed by one of its admins");
        m_states.push_back(next);
        return Outcome::Started;
    }
    const SignedGroupState &oldest = m_states.front();
    const SignedGroupState &current = m_states.back();
    if (next.state.groupId != current.state.groupId)
        return fail(GroupErrc::WrongGroup, "another group's state");
    if (next.state.revision < oldest.state.revision)
        return fail(GroupErrc::Stale, "a revision older than what is kept");
    if (next.state.revision == oldest.state.revision) // its parent is not kept: only a repeat can be told
        return next.hash() == oldest.hash() ? std::expected<Outcome, GroupError>(Outcome::Duplicate)
                                            : fail(GroupErrc::Stale, "a revision older than what is kept");
    if (next.state.revision > current.state.revision + 1)
        return fail(GroupErrc::Gap, "a revision after one we have not seen");
    const std::size_t at = std::size_t(next.state.revision - oldest.state.revision); // index it takes
    if (at < m_states.size() && m_states[at].hash() == next.hash())
        return Outcome::Duplicate;
    const SignedGroupState &parent = m_states[at - 1];
    if (auto ok = mayFollow(parent, next); !ok)
        return std::unexpected(ok.error());
    if (at == m_states.size()) {
        m_states.push_back(next);
        if (m_states.size() > std::size_t(Kept))
            m_states.erase(m_states.begin());
        return Outcome::Advanced;
    }
    // A fork: two revisions on the same parent. The lower hash wins on every member, and
    // whatever was built on the loser goes with it.
    if (next.hash() < m_states[at].hash()) {
        m_states.resize(at);
        m_states.push_back(next);
        return Outcome::Replaced;
    }
    return fail(GroupErrc::Lost, "a concurrent change won over this one");
}

} // namespace sotto::messenger
