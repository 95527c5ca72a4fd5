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
};

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

// Parses a wire SignedGroupState: every bound, canonical member order, and the signature of
// changed_by. Says nothing yet about whether the signer may make this change.
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
// only change is leaving), the same group, revision + 1, previous = parent's hash, and the
// epoch +1 exactly when someone left or was removed.
[[nodiscard]] std::expected<void, GroupError> mayFollow(const SignedGroupState &parent, const SignedGroupState &next);

// The revisions a member holds, contiguous, oldest first, ending at the current one.
// offer() is the one rule for what arrives: convergence comes from it being the same on
// every member (see docs/PROTOCOL.md): two revisions built on the same parent, the one with
// the lower hash wins, and what was built on the loser goes with it.
class GroupChain {
public:
    static constexpr int Kept = 64; // revisions kept: forks older than this are refused

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

    // The first revision we learn of a group (made by us, or sent to us by its signer) is
    // taken on its own word: signed by an admin it lists. Every later one must follow.
    [[nodiscard]] std::expected<Outcome, GroupError> offer(const SignedGroupState &next);

private:
    std::vector<SignedGroupState> m_states;
};

} // namespace sotto::messenger
