// SPDX-License-Identifier: GPL-3.0-or-later
// A member who cannot read our group message gets our sender key again (docs/PROTOCOL.md,
// "Groups", "A member behind"). libsignal moves a member's copy of our sender key only
// forward, and at most 2,000 iterations for one message: a member who lost more than that
// in between (kept rows dropped when full, a profile restored from a copy) or who never got
// our key rejects every message that follows, and each would be lost for that member. So our
// key's distribution message is kept every 1,000 iterations (a checkpoint, and every one we
// send); on a rejection the member gets, over the pairwise session, the newest checkpoint at
// or before the rejected message, then the message again: a checkpoint lets it read from its
// iteration on, never before (it cannot open what the member already read, nor anything of
// another epoch). Once per message (the row sent again is marked), the key once per batch of
// rejections; a member already past the checkpoint ignores it (GroupSessions, forward only).
#include "core/messenger/ContentHandlers.h"
#include "core/messenger/Messenger.h"
#include "core/messenger/MessengerLog.h"

#include <algorithm>

namespace sotto::messenger {
namespace {

using protocol::PeerId;

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

} // namespace

std::expected<void, Error> Messenger::keepOwnCheckpoint(const QByteArray &groupId, quint32 epoch, QByteArray &distribution)
{
    auto at = m_groupSessions.positionOfDistribution(distribution);
    if (!at) {
        crypto::wipe(distribution);
        return std::unexpected(Error::from(at.error()));
    }
    const qint64 now = handlers::nowMs();
    auto kept = m_profile.groups().keepCheckpoint(groupId, epoch, at->iteration, distribution, now);
    crypto::wipe(distribution);
    if (!kept)
        return std::unexpected(Error::from(kept.error()));
    // Only the current epoch's are ever given again, and only as far back as a message
    // still queued needs: an older chain key at rest would read what no one waits for.
    if (auto dropped = m_profile.groups().dropCheckpointsExcept(groupId, epoch); !dropped)
        return std::unexpected(Error::from(dropped.error()));
    const qint64 oldest = m_profile.outbox().oldestSharedQueuedAt().value_or(now);
    if (auto pruned = m_profile.groups().pruneCheckpoints(groupId, epoch, std::min(oldest, now)); !pruned)
        return std::unexpected(Error::from(pruned.error()));
    return {};
}

std::expected<void, Error> Messenger::checkpointAfter(const QByteArray &groupId, quint32 epoch, quint32 iteration)
{
    if ((quint64(iteration) + 1) % SenderKeyCheckpointEvery != 0)
        return {};
    auto distribution = m_groupSessions.ownDistribution(groupId, epoch, self()); // at iteration + 1
    if (!distribution)
        return std::unexpected(Error::from(distribution.error()));
    return keepOwnCheckpoint(groupId, epoch, *distribution);
}

QByteArray Messenger::senderKeyContent(const QByteArray &groupId, quint32 epoch, QByteArray &distribution)
{
    wire::Content content;
    wire::SenderKeyDistribution *k = content.mutable_sender_key();
    k->set_id(toStd(newMessageId()));
    k->set_sent_at(handlers::nowMs());
    k->set_group_id(toStd(groupId));
    k->set_epoch(epoch);
    k->set_distribution(toStd(distribution));
    crypto::wipe(distribution);
    std::string serialized = content.SerializeAsString();
    k->mutable_distribution()->assign(k->distribution().size(), '\0');
    QByteArray plaintext = handlers::fromStd(serialized);
    serialized.assign(serialized.size(), '\0');
    return plaintext;
}

std::expected<bool, Error> Messenger::resendSenderKey(const PeerId &peer, std::int64_t outboxId, QSet<QByteArray> &keysQueued)
{
    std::optional<storage::OutboxStore::SharedRow> row = m_profile.outbox().sharedRow(peer, outboxId);
    if (!row || row->resent)
        return false; // rejected again with our key in hand: lost for this member, as before
    wire::GroupCiphertext envelope;
    if (!envelope.ParseFromArray(row->ciphertext.constData(), int(row->ciphertext.size())))
        return false;
    const QByteArray groupId = handlers::fromStd(envelope.group_id());
    // Only for the epoch we seal with now, to a member of it who is not blocked: a removed
    // member must not get a key that reads on, nor anyone a key of an epoch gone by.
    std::optional<GroupState> current = loadCurrent(groupId);
    if (!current || envelope.epoch() != current->epoch || !current->isMember(peer) || !current->isMember(self()) || peer == self())
        return false;
    if (auto contact = m_profile.protocolStore().identity(peer); !contact || contact->trust == protocol::TrustState::Blocked)
        return false;
    auto at = m_groupSessions.positionOfCiphertext(handlers::fromStd(envelope.ciphertext()));
    if (!at)
        return false;
    // The newest at or before the message, never older: a member added during the epoch
    // was given our key at its iteration then (kept as a checkpoint in distributeOwnKey),
    // and every message sealed for it came after, so what it gets opens nothing from before
    // it joined.
    std::optional<storage::GroupStore::Checkpoint> checkpoint = m_profile.groups().checkpointAtOrBefore(groupId, current->epoch, at->iteration);
    if (!checkpoint)
        return false; // sealed before checkpoints were kept (an older Sotto), or pruned
    auto from = m_groupSessions.positionOfDistribution(checkpoint->distribution);
    // A checkpoint of a key since replaced (dropped with it, but checked), or too far back
    // for the library to step to the message in one go: of no use.
    if (!from || from->keyId != at->keyId || at->iteration - from->iteration >= SenderKeyMaxStep) {
        crypto::wipe(checkpoint->distribution);
        return false;
    }
    // One key for a batch of rejections (a window of messages the member could not read).
    QByteArray once = groupId;
    once.append(reinterpret_cast<const char *>(&from->iteration), sizeof from->iteration);
    if (!keysQueued.contains(once)) {
        QByteArray plaintext = senderKeyContent(groupId, current->epoch, checkpoint->distribution);
        auto queued = queue(peer, plaintext, 0);
        crypto::wipe(plaintext);
        if (!queued)
            return std::unexpected(queued.error());
        keysQueued.insert(once);
    }
    crypto::wipe(checkpoint->distribution);
    // The very same ciphertext, after the key in this member's order, marked as sent again.
    auto again = m_profile.outbox().enqueueShared(peer, row->messageId, int(protocol::MessageKind::SenderKey), row->sharedId,
                                                  handlers::nowMs(), true);
    if (!again)
        return std::unexpected(Error::from(again.error()));
    qCInfo(lcMessenger) << "a member could not read a group message: our sender key goes to it again," << peer.toString();
    return true;
}

} // namespace sotto::messenger
