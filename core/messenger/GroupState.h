// SPDX-License-Identifier: GPL-3.0-or-later
// A group's membership as a chain of signed revisions (docs/PROTOCOL.md, "Groups: state"):
// parsing and checking one revision, making the next, and the rule every member applies
// to what it receives, so that concurrent changes by two admins end in the same state on
// every member. Pure logic: no storage, no network.
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/crypto/SignalContext.h"
#include "core/protocol/PeerId.h"

#include <QByteArray>
#include <QString>

#include <expected>
#include <functional>
#include <optional>
#include <vector>

namespace sotto::messenger {

struct GroupMember {
    protocol::PeerId peer;
    QByteArray identityKey; // 33 bytes
    bool admin = false;
    // The revision since which an admin has been one without a break (0 for a member who is
    // none): seniority, which decides between two admins' concurrent changes.
    quint64 adminSince = 0;
};

// A name the group may carry: 1 to 64 characters, no leading or trailing space, no control
// or invisible formatting characters (bidi overrides would make it read as another name);
// the zero-width joiner of emoji sequences is allowed.
bool isValidGroupName(const QString &name);

struct GroupState {
    static constexpr int GroupIdBytes = 16;
    static constexpr int MaxMembers = 256;
    static constexpr int MaxNameChars = 64;

    QByteArray groupId;
    QString name;
    std::vector<GroupMember> members; // sorted by PeerId
    quint32 epoch = 0;
    quint64 revision = 0;
    QByteArray previous; // SHA-256 of the previous revision's bytes; empty at revision 1
    QByteArray changedBy; // the signer's identity key

    const GroupMember *member(const protocol::PeerId &peer) const;
    bool isMember(const protocol::PeerId &peer) const { return member(peer) != nullptr; }
    bool isAdmin(const protocol::PeerId &peer) const;
    std::vector<protocol::PeerId> peers() const;
};

// One revision as signed: the state, the exact bytes signed and hashed, the signature.
struct SignedGroupState {
    GroupState state;
    QByteArray bytes;
    QByteArray signature;

    QByteArray hash() const; // SHA-256 of `bytes`
    QByteArray serialize() const; // a wire SignedGroupState
};

enum class GroupErrc { Malformed, BadSignature, NotAuthorized, WrongGroup, Stale, Gap, NotOnChain, Lost };

struct GroupError {
    GroupErrc code;
    QString reason;
};

// Parses a wire SignedGroupState: every bound, the canonical encoding (the bytes must be
// exactly what signGroupState makes of the state they carry: no unknown fields, no other
// encoding of the same state), and the signature of changed_by. Says nothing yet about whether the signer may make this change.
// SignatureCheck::AlreadyVerified: only for revisions read back from our own encrypted profile, which
// were checked before they were stored (a group message would otherwise cost one signature
// check per revision held).
enum class SignatureCheck { Verify, AlreadyVerified };
[[nodiscard]] std::expected<SignedGroupState, GroupError> parseSignedGroupState(crypto::SignalContext &context, const QByteArray &wire,
                                                                                SignatureCheck check = SignatureCheck::Verify);

// Serializes `next` (members sorted here) and signs it with our identity key.
using IdentitySigner = std::function<QByteArray(const QByteArray &message)>;
[[nodiscard]] std::expected<SignedGroupState, GroupError> signGroupState(GroupState next, const IdentitySigner &sign);

// Whether `next` may follow `parent`: signed by an admin of `parent` (or by a member whose
// only change is leaving), the same group, revision + 1, previous = parent's hash, the
// epoch +1 exactly when someone left or was removed, and admins' seniority carried over
// (a new admin's is this revision).
[[nodiscard]] std::expected<void, GroupError> mayFollow(const SignedGroupState &parent, const SignedGroupState &next);

// The revisions a member holds, contiguous, oldest first, ending at the current one.
// offer() is the one rule for what arrives; convergence comes from it being the same on
// every member and deciding between two branches by what they contain, never by which came
// first (docs/PROTOCOL.md, "Groups: concurrent changes"). Each branch built on the same
// revision has a deciding signer: its most senior admin at the fork (a member who is no
// admin ranks last; equal seniority: the lower SHA-256 of group id and identity key, fixed
// before anyone could see the fork). Between two branches:
//  1. the branch that takes away the other's deciding signer (removes them, or their admin
//     role), when that signer does not sign it too, wins — unless the other does the same
//     to it;
//  2. otherwise the branch whose deciding signer ranks higher wins;
//  3. one deciding signer on both sides: the lower hash of the first revisions (it competes
//     only with itself).
// No hash a signer can grind decides between two signers, and a removed admin or member
// never gets a branch back past their removal.
class GroupChain {
public:
    static constexpr int Kept = 64; // revisions kept: no fork reaches further back

    enum class Outcome { Started, Advanced, Replaced, Duplicate };

    GroupChain() = default;
    explicit GroupChain(std::vector<SignedGroupState> states)
        : m_states(std::move(states))
    {
    }

    bool isEmpty() const { return m_states.empty(); }
    const SignedGroupState &current() const { return m_states.back(); }
    const std::vector<SignedGroupState> &states() const { return m_states; }
    // The last `n` revisions, oldest first: what a GroupUpdate carries.
    std::vector<SignedGroupState> tail(int n) const;

    // The first revision we learn of a group (made by us, or sent to us by a member) is
    // taken on its own word: signed by an admin it lists. Every later one must follow.
    [[nodiscard]] std::expected<Outcome, GroupError> offer(const SignedGroupState &next) { return offer(std::vector{next}); }
    // Consecutive revisions, oldest first (a GroupUpdate's tail), decided as one branch: a
    // member that took the other side of a fork comes back when it sees the whole branch.
    // All or nothing when any of them is malformed or not authorised.
    [[nodiscard]] std::expected<Outcome, GroupError> offer(const std::vector<SignedGroupState> &branch);

private:
    std::expected<Outcome, GroupError> resolveFork(std::size_t at, const std::vector<SignedGroupState> &incoming);
    void append(const SignedGroupState &next);

    std::vector<SignedGroupState> m_states;
};

} // namespace sotto::messenger
