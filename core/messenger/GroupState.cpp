// SPDX-License-Identifier: GPL-3.0-or-later
// Group state revisions: wire form, signatures, and the chain rule (GroupState.h).
#include "core/messenger/GroupState.h"

#include "core/messenger/Content.pb.h"
#include "core/protocol/IdentitySignature.h"

#include <QCryptographicHash>

#include <algorithm>
#include <limits>

namespace sotto::messenger {
namespace {

const QByteArray SignatureContext = QByteArrayLiteral("sotto-group-v1");

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }
QByteArray fromStd(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

std::unexpected<GroupError> fail(GroupErrc code, const char *why) { return std::unexpected(GroupError{code, QString::fromLatin1(why)}); }

// The one encoding of a state (members sorted by PeerId): what is signed, hashed and sent.
QByteArray canonicalBytes(const GroupState &g)
{
    wire::GroupState s;
    s.set_group_id(toStd(g.groupId));
    s.set_name(g.name.toStdString());
    for (const GroupMember &m : g.members) {
        wire::GroupMember *w = s.add_members();
        w->set_identity_key(toStd(m.identityKey));
        w->set_admin(m.admin);
        w->set_admin_since(m.adminSince);
    }
    s.set_epoch(g.epoch);
    s.set_revision(g.revision);
    s.set_previous(toStd(g.previous));
    s.set_changed_by(toStd(g.changedBy));
    return fromStd(s.SerializeAsString());
}

// What a member may do at a revision: sign as an admin, sign only its leaving, or nothing.
enum class Power { None, Member, Admin };
Power powerOf(const GroupState &g, const QByteArray &identityKey)
{
    const GroupMember *m = g.member(protocol::PeerId::fromIdentityKey(identityKey));
    return !m ? Power::None : m->admin ? Power::Admin : Power::Member;
}

// A branch's deciding signer: the most senior admin of `parent` among its signers (a member
// who is no admin ranks last), ties broken by SHA-256(group id || identity key), which was
// fixed before anyone could see the fork. Seniority won inside the branch counts for
// nothing. Returns (rank, the signer's identity key); the lower rank decides.
struct Deciding {
    std::pair<quint64, QByteArray> rank;
    QByteArray signer;
};
Deciding decidingSigner(const GroupState &parent, const std::vector<SignedGroupState> &branch)
{
    Deciding best{{std::numeric_limits<quint64>::max(), QByteArray(33, '\xff')}, {}};
    for (const SignedGroupState &s : branch) {
        const GroupMember *m = parent.member(protocol::PeerId::fromIdentityKey(s.state.changedBy));
        const quint64 since = m && m->admin ? m->adminSince : std::numeric_limits<quint64>::max();
        std::pair<quint64, QByteArray> rank{since, QCryptographicHash::hash(parent.groupId + s.state.changedBy, QCryptographicHash::Sha256)};
        if (best.signer.isEmpty() || rank < best.rank)
            best = {std::move(rank), s.state.changedBy};
    }
    return best;
}

bool signs(const std::vector<SignedGroupState> &branch, const QByteArray &identityKey)
{
    return std::any_of(branch.begin(), branch.end(), [&](const SignedGroupState &s) { return s.state.changedBy == identityKey; });
}

// Whether `branch` takes away the power the deciding signer of `other` had at `parent`
// (removes it, or a deciding admin's admin role). Only the deciding signer counts: a branch
// cannot win by ousting someone minor on the other side (a member who left there anyway),
// nor by ousting someone who also signs it (its own signer demoting itself).
bool ousts(const GroupState &parent, const std::vector<SignedGroupState> &branch, const Deciding &other)
{
    return !signs(branch, other.signer) && powerOf(branch.back().state, other.signer) < powerOf(parent, other.signer);
}

// Whether branch `a` wins over branch `b`, both built on `parent` (GroupState.h's rule). The
// same answer whichever is held and whichever arrives: b wins exactly when a does not.
bool wins(const GroupState &parent, const std::vector<SignedGroupState> &a, const std::vector<SignedGroupState> &b)
{
    const Deciding decidesA = decidingSigner(parent, a);
    const Deciding decidesB = decidingSigner(parent, b);
    const bool aOusted = ousts(parent, b, decidesA);
    const bool bOusted = ousts(parent, a, decidesB);
    if (aOusted != bOusted)
        return bOusted;
    if (decidesA.rank != decidesB.rank)
        return decidesA.rank < decidesB.rank;
    return a.front().hash() < b.front().hash();
}

} // namespace

bool isValidGroupName(const QString &name)
{
    if (name.isEmpty() || name.size() > GroupState::MaxNameChars || name != name.trimmed())
        return false;
    for (const char32_t c : name.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (c == 0x200D) // zero-width joiner: emoji sequences
            continue;
        if (category == QChar::Other_Control || category == QChar::Other_Format || category == QChar::Other_Surrogate
            || category == QChar::Other_NotAssigned || category == QChar::Separator_Line || category == QChar::Separator_Paragraph
            || c == 0xFFFD)
            return false;
        // Letters and marks that draw nothing: a name made to look like another.
        if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F || c == 0x180E)
            return false;
    }
    return true;
}

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
    if (g.groupId.size() != GroupState::GroupIdBytes || !isValidGroupName(g.name) || g.revision == 0 || (g.revision == 1) != g.previous.isEmpty() || (!g.previous.isEmpty() && g.previous.size() != 32))
        return fail(GroupErrc::Malformed, "group state out of bounds");
    if (s.members_size() < 1 || s.members_size() > GroupState::MaxMembers)
        return fail(GroupErrc::Malformed, "group size out of bounds");
    bool anyAdmin = false;
    for (const wire::GroupMember &m : s.members()) {
        GroupMember member{protocol::PeerId::fromIdentityKey(fromStd(m.identity_key())), fromStd(m.identity_key()), m.admin(),
                           m.admin_since()};
        if (!member.peer.isValid())
            return fail(GroupErrc::Malformed, "a member's key is not an identity key");
        if (member.admin ? (member.adminSince == 0 || member.adminSince > g.revision) : member.adminSince != 0)
            return fail(GroupErrc::Malformed, "an admin's seniority out of bounds");
        // Strictly increasing: one canonical order, no member twice.
        if (!g.members.empty() && !(g.members.back().peer.toString() < member.peer.toString()))
            return fail(GroupErrc::Malformed, "members out of order or repeated");
        anyAdmin = anyAdmin || member.admin;
        g.members.push_back(std::move(member));
    }
    if (!anyAdmin)
        return fail(GroupErrc::Malformed, "a group without an admin");
    // One encoding per state: nothing a signer could vary (unknown fields, another varint
    // form, an invalid UTF-8 name read back differently) to try other hashes of one change.
    // Our own stored revisions were made or checked so.
    if (check == SignatureCheck::Verify && canonicalBytes(g) != out.bytes)
        return fail(GroupErrc::Malformed, "group state not in its canonical encoding");
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
    SignedGroupState out;
    out.bytes = canonicalBytes(next);
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
    // Seniority is carried, never claimed: an admin keeps the revision it became one at; a
    // new admin's is this revision.
    for (const GroupMember &m : next.members) {
        const GroupMember *before = parent.member(m.peer);
        if (m.admin && m.adminSince != (before && before->admin ? before->adminSince : next.revision))
            return fail(GroupErrc::Malformed, "an admin's seniority does not follow from the previous revision");
    }
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

void GroupChain::append(const SignedGroupState &next)
{
    m_states.push_back(next);
    if (m_states.size() > std::size_t(Kept))
        m_states.erase(m_states.begin());
}

std::expected<GroupChain::Outcome, GroupError> GroupChain::offer(const std::vector<SignedGroupState> &branch)
{
    if (branch.empty())
        return fail(GroupErrc::Malformed, "no group state");
    // One chain, each revision allowed after the one before it: checked first, so a forged
    // revision anywhere refuses the whole update and changes nothing.
    for (std::size_t i = 1; i < branch.size(); ++i)
        if (auto ok = mayFollow(branch[i - 1], branch[i]); !ok)
            return std::unexpected(ok.error().code == GroupErrc::NotOnChain ? GroupError{GroupErrc::Malformed, ok.error().reason}
                                                                           : ok.error());
    std::size_t i = 0;
    Outcome outcome = Outcome::Duplicate;
    if (m_states.empty()) {
        // Taken on its own word from the first revision signed by an admin it lists (a
        // tail that starts with someone's leaving is joined from the next admin's change).
        while (i < branch.size() && !branch[i].state.isAdmin(protocol::PeerId::fromIdentityKey(branch[i].state.changedBy)))
            ++i;
        if (i == branch.size())
            return fail(GroupErrc::NotAuthorized, "the first revision must be signed by one of its admins");
        m_states.push_back(branch[i++]);
        outcome = Outcome::Started;
    }
    std::optional<GroupError> notApplied;
    for (; i < branch.size(); ++i) {
        const SignedGroupState &next = branch[i];
        const SignedGroupState &oldest = m_states.front();
        const SignedGroupState &current = m_states.back();
        if (next.state.groupId != current.state.groupId)
            return fail(GroupErrc::WrongGroup, "another group's state");
        if (next.state.revision > current.state.revision + 1)
            return outcome != Outcome::Duplicate ? std::expected<Outcome, GroupError>(outcome)
                                                 : fail(GroupErrc::Gap, "a revision after one we have not seen");
        if (next.state.revision < oldest.state.revision) {
            notApplied = GroupError{GroupErrc::Stale, QStringLiteral("a revision older than what is kept")};
            continue;
        }
        const std::size_t at = std::size_t(next.state.revision - oldest.state.revision); // index it takes
        if (at < m_states.size() && m_states[at].hash() == next.hash())
            continue; // held already
        if (at == 0) { // its parent is not kept: nothing to tell it by
            notApplied = GroupError{GroupErrc::Stale, QStringLiteral("a revision older than what is kept")};
            continue;
        }
        if (next.state.previous != m_states[at - 1].hash())
            return outcome != Outcome::Duplicate ? std::expected<Outcome, GroupError>(outcome)
                                                 : fail(GroupErrc::NotOnChain, "not built on this revision");
        if (auto ok = mayFollow(m_states[at - 1], next); !ok)
            return std::unexpected(ok.error());
        if (at == m_states.size()) {
            append(next);
            outcome = outcome == Outcome::Started ? Outcome::Started : Outcome::Advanced;
            continue;
        }
        // A fork: the rest of what came is one branch on m_states[at - 1].
        auto resolved = resolveFork(at, std::vector<SignedGroupState>(branch.begin() + qsizetype(i), branch.end()));
        if (!resolved && outcome != Outcome::Duplicate)
            return outcome;
        return resolved;
    }
    if (outcome == Outcome::Duplicate && notApplied)
        return std::unexpected(*notApplied);
    return outcome;
}

std::expected<GroupChain::Outcome, GroupError> GroupChain::resolveFork(std::size_t at, const std::vector<SignedGroupState> &incoming)
{
    const std::vector<SignedGroupState> held(m_states.begin() + qsizetype(at), m_states.end());
    // However long the held branch: refusing by depth would make the outcome depend on what
    // had arrived when (a member that held 9 revisions of one side would keep it, one that
    // held 3 would switch), and members would part for good.
    if (!wins(m_states[at - 1].state, incoming, held))
        return fail(GroupErrc::Lost, "a concurrent change won over this one");
    m_states.resize(at);
    for (const SignedGroupState &s : incoming)
        append(s);
    return Outcome::Replaced;
}

} // namespace sotto::messenger
