// SPDX-License-Identifier: GPL-3.0-or-later
// Messenger is the facade the UI and headless mode talk to: contacts, sending and
// receiving texts and receipts, trust decisions and safety numbers, over one unlocked
// Profile. Sending seals the message and queues it in the outbox in one transaction;
// receiving decrypts and stores it in one transaction. Moving envelopes over the network
// is not its job (core/net is).
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/messenger/GroupState.h"
#include "core/messenger/MessengerError.h"
#include "core/protocol/GroupSessions.h"
#include "core/protocol/SafetyNumber.h"
#include "core/protocol/SessionManager.h"
#include "core/storage/Profile.h"

#include <QHash>
#include <QSet>

#include <expected>
#include <functional>
#include <vector>

namespace sotto::messenger {

// A sealed message on its way to one peer; the same bytes are resent until acknowledged.
struct Envelope {
    protocol::PeerId sender;
    protocol::PeerId recipient;
    protocol::CipherMessage message; // empty bytes: queued unsealed until a session exists
    std::int64_t outboxId = 0;
    std::int64_t messageId = 0;      // the history row (0 for receipts)

    bool sealed() const { return !message.bytes.isEmpty(); }
};

// What became of our messages when the peer acknowledged or receipted them.
struct StateChange {
    QByteArray uuid;
    storage::MessageState state;
};

enum class PeerStatus { New, Known, Blocked };

// A message request: a stranger who linked to us and wrote (not accepted by the user, not
// blocked). Its messages are kept and shown apart from chats; no receipt or typing state
// goes back to it until the user accepts.
inline bool isRequest(const storage::ContactRecord &contact, bool hasMessages)
{
    return !contact.accepted && contact.trust != protocol::TrustState::Blocked && hasMessages;
}

struct Incoming {
    // Text: a new history row (a text, or an unsupported kind kept as such). Update: an
    // existing row changed (edit, delete, reaction). Typing: nothing stored.
    enum class Kind { Text, Receipt, Update, Typing, Ignored };
    Kind kind = Kind::Text;
    std::optional<storage::MessageRecord> message; // the stored row (Text), or the row as it now is (Update)
    bool typing = false;                            // Kind::Typing
    std::int64_t typingGroup = 0;                   // Kind::Typing in this group's conversation (0: 1:1)
    bool duplicate = false;                         // same message id seen before; nothing stored
    storage::MessageState receiptState = storage::MessageState::Delivered;
    std::vector<QByteArray> acknowledged;           // our message ids moved forward (Kind::Receipt)
    std::vector<QByteArray> memberAcknowledged;     // our group messages this member moved forward
    std::vector<StateChange> groupStates;           // ...and those whose least member state moved them
    bool group = false; // came in a group (no 1:1 receipt goes back)
    std::int64_t groupUpdated = 0; // a group conversation whose state changed
    std::vector<protocol::PeerId> queuedFor; // peers something was queued for (sender keys)
};

// What one read from a link brought: the peer's acknowledgements of our outbox entries
// and its envelopes. Handled in one transaction: under load, the acknowledgement and the
// delivery receipt of a batch arrive together, and each commit re-encrypts every page it
// touched.
struct Inbound {
    std::vector<std::int64_t> acked;
    std::vector<std::int64_t> rejected;
    std::vector<protocol::CipherMessage> messages;

    struct Result {
        std::expected<std::vector<StateChange>, Error> acknowledged;
        std::vector<std::expected<Incoming, Error>> received; // in input order
    };
};

class Messenger {
public:
    static constexpr qsizetype MaxBodyBytes = 64 * 1024 - 256;
    static constexpr int MaxReceiptIds = 512;
    static constexpr qsizetype MaxEmojiBytes = 32;
    // Signal's rule: one's own message can be edited or deleted for everyone for a day.
    static constexpr std::int64_t ChangeWindowMs = 24LL * 60 * 60 * 1000;
    static constexpr int MaxTimerSeconds = 365 * 24 * 60 * 60;

    Messenger(crypto::SignalContext &context, storage::Profile &profile);

    protocol::PeerId self() const { return m_profile.peerId(); }
    storage::Profile &profile() { return m_profile; }
    storage::MessageStore &history() { return m_profile.messages(); }
    protocol::SessionManager &sessions() { return m_sessions; }

    // Our serialized prekey bundle (hands out a one-time prekey).
    [[nodiscard]] std::expected<QByteArray, Error> bundle();
    // Starts a session from a peer's serialized bundle (X3DH) and names the contact.
    [[nodiscard]] std::expected<protocol::PeerId, Error> addContact(const QByteArray &bundle, const QString &displayName);

    // Stores the message and seals it into the outbox; without a session yet it waits
    // unsealed (sealPending seals it once a bundle has been processed).
    // `replyTo`: the uuid of a message of the same conversation to quote, or empty.
    [[nodiscard]] std::expected<Envelope, Error> sendText(const protocol::PeerId &to, const QString &body, const QByteArray &replyTo = {});
    // Changes to a stored message, applied here and sent to the conversation's peer durably
    // (like a text). Each returns the message as it is now.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> editText(std::int64_t messageId, const QString &body);
    // forEveryone: our own message, within the change window; else any message, here only.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> deleteMessage(std::int64_t messageId, bool forEveryone);
    // Our reaction to any message of a conversation; an empty emoji removes it.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> react(std::int64_t messageId, const QString &emoji);
    // Sets the conversation's disappearing-message timer (0: off) for both sides; returns
    // the notice shown in the history.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> setTimer(const protocol::PeerId &peer, int seconds);
    // A group's disappearing timer, set by any member for everyone in it.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> setGroupTimer(std::int64_t conversationId, int seconds);
    // Deletes what expired; returns the messages gone (`next`: the next expiry, 0 none).
    [[nodiscard]] std::expected<std::vector<storage::MessageRecord>, Error> expire(std::int64_t *next = nullptr);
    // Ephemeral: sealed for a peer with a session and handed back, never stored; the caller
    // sends it now or drops it.
    [[nodiscard]] std::expected<protocol::CipherMessage, Error> typing(const protocol::PeerId &to, bool typing);
    // Typing in a group, sealed pairwise for one member (not blocked, with a session; a
    // member need not be an accepted contact: the group is their consent).
    [[nodiscard]] std::expected<protocol::CipherMessage, Error> groupTyping(std::int64_t conversationId, const protocol::PeerId &to,
                                                                            bool typing);
    // Seals the peer's waiting messages in order; stops at the first that cannot be sealed.
    [[nodiscard]] std::expected<int, Error> sealPending(const protocol::PeerId &to);
    // Decrypts and stores; for a text, also seals the delivery receipt into the outbox, in
    // the same transaction (a crash can never leave a stored message without its receipt).
    [[nodiscard]] std::expected<Incoming, Error> receive(const protocol::PeerId &from, const protocol::CipherMessage &message);
    // Receives many messages in one transaction (group commit). If any fails, the batch is
    // rolled back and every message is received again on its own, so one bad message
    // costs only time. Results are in input order.
    std::vector<std::expected<Incoming, Error>> receiveBatch(const protocol::PeerId &from,
                                                             const std::vector<protocol::CipherMessage> &messages);
    // Acknowledgements and messages together, as receiveBatch: one transaction, and on any
    // failure each part again on its own.
    Inbound::Result receiveInbound(const protocol::PeerId &from, const Inbound &in);
    // The peer committed (`ids`) or can never decrypt (`rejected`) these outbox entries.
    [[nodiscard]] std::expected<std::vector<StateChange>, Error> acknowledge(const protocol::PeerId &peer, const std::vector<std::int64_t> &ids,
                                                               const std::vector<std::int64_t> &rejected);

    // A peer proved its identity key (link proof) or announced it (signed beacon): trust
    // on first use. The key must be the PeerId's (a known contact's key never changes).
    [[nodiscard]] std::expected<PeerStatus, Error> rememberPeer(const protocol::PeerId &peer, const QByteArray &identityKey,
                                                  const QString &displayName, const QString &address, quint16 port);
    // A bundle the peer sent over its proven link: must be the peer's and carry the key
    // the link proved.
    [[nodiscard]] std::expected<void, Error> startSession(const protocol::PeerId &peer, const QByteArray &expectedIdentityKey,
                                            const QByteArray &bundle);
    // Marks a conversation read and seals one read receipt for its peer (if anything was unread).
    [[nodiscard]] std::expected<std::optional<Envelope>, Error> markRead(std::int64_t conversationId);
    // Seals a delivery receipt for messages just received.
    [[nodiscard]] std::expected<Envelope, Error> deliveryReceipt(const protocol::PeerId &to, const std::vector<QByteArray> &ids);

    [[nodiscard]] std::expected<protocol::SafetyNumber, Error> safetyNumber(const protocol::PeerId &peer);
    [[nodiscard]] std::expected<void, Error> setVerified(const protocol::PeerId &peer, bool verified);
    [[nodiscard]] std::expected<void, Error> setBlocked(const protocol::PeerId &peer, bool blocked);

    // Message requests. A contact is accepted once the user showed consent: added it (a
    // bundle here, an address in Node), wrote to it, set its timer, or accepted its request.
    bool isAccepted(const protocol::PeerId &peer) { return m_profile.protocolStore().isAccepted(peer); }
    // The request becomes a chat: the delivery receipts withheld until now are sealed (one
    // per MaxReceiptIds messages), and a read receipt up to what the user already read.
    // Returns how many receipts were sealed.
    [[nodiscard]] std::expected<int, Error> acceptRequest(const protocol::PeerId &peer);
    // The request's conversation, its messages and what waits for the peer go; it is listed
    // nowhere any more. Its key and session stay (so does a block): without them what the
    // stranger sends next could never be read (a PreKey message names a one-time prekey
    // already spent) — deleting would silently block. If it writes again, that is a new
    // request. Refused for an accepted contact (not a request).
    [[nodiscard]] std::expected<void, Error> deleteRequest(const protocol::PeerId &peer);

    // Session reset (a profile restored from an older copy has stale ratchet state, and
    // every message either way fails). Signalled two ways: the peer rejects a Whisper
    // message we sealed (acknowledge), or we cannot decrypt a Whisper message although we
    // hold a session (receive). Either side then forgets its sessions with the other and
    // seals what still waits again, after a fresh X3DH; at most once per peer in
    // SessionResetIntervalMs, so two broken ends cannot reset each other forever.
    static constexpr std::int64_t SessionResetIntervalMs = 10 * 60 * 1000;
    // Peers whose sessions were reset since the last call (the node tells the user, and
    // starts the link's sending over).
    std::vector<protocol::PeerId> takeSessionResets() { return std::exchange(m_sessionResets, {}); }
    // Resets the sessions that failed to decrypt in receive (done after its transaction
    // rolled back, in one of their own).
    void resetBrokenSessions();

    // A reinstalled contact comes back with a new key, hence a new PeerId: a new contact.
    // When its name is an older contact's, the user is asked "Maybe Bob with a new key?".
    std::optional<protocol::PeerId> namesake(const protocol::PeerId &peer);
    [[nodiscard]] std::expected<void, Error> dismissNamesake(const protocol::PeerId &peer);
    // Once the user confirmed (having compared safety numbers): the history of `previous`
    // joins the conversation with `into`, what waited for `previous` is sent to `into`,
    // and `previous` is forgotten. Returns the conversation.
    [[nodiscard]] std::expected<std::int64_t, Error> mergeContact(const protocol::PeerId &previous, const protocol::PeerId &into);

    // Contacts-only beacons (docs/PROTOCOL.md, "LAN: contacts-only beacons"). Our beacon
    // key: made on first use, replaced when a contact is blocked or merged away (it then
    // stops recognising us; the others get the new key on their next link).
    [[nodiscard]] std::expected<crypto::SecretBytes, Error> ownBeaconKey();
    // A peer's beacon key, as it sent it over its proven link: kept for a contact we have
    // not blocked; anything but 32 bytes is invalid input.
    [[nodiscard]] std::expected<void, Error> rememberBeaconKey(const protocol::PeerId &peer, const QByteArray &key);
    std::vector<storage::ContactBeaconKeyRecord> contactBeaconKeys() { return m_profile.protocolStore().contactBeaconKeys(); }
    // Who our beacon key goes to: a contact we have not blocked and have accepted (a
    // stranger who linked, a message request, must not recognise us).
    bool mayRecogniseUs(const protocol::PeerId &peer) { return mayMessage(peer).has_value() && isAccepted(peer); }
    // "Visible to": only my contacts (true) or everyone on this network (false, the default).
    bool visibleToContactsOnly() { return m_profile.protocolStore().contactsOnlyBeacons(); }
    [[nodiscard]] std::expected<void, Error> setVisibleToContactsOnly(bool contactsOnly);
    // Called (after the commit) whenever our beacon key or a contact's changed, whoever
    // changed it: the node then beacons with the new key and hands it out.
    void setBeaconKeysObserver(std::function<void()> observer) { m_beaconKeysChanged = std::move(observer); }

    // Groups (docs/PROTOCOL.md, "Groups"; MessengerGroups.cpp). A group is a conversation
    // whose membership is a chain of signed revisions; each member seals a message once
    // with its sender key, and every other member's outbox gets a row pointing at it.
    struct GroupSend {
        storage::MessageRecord message;
        std::vector<protocol::PeerId> recipients;
    };
    // We are its admin; `members` must be contacts we have not blocked. Returns the
    // conversation; the state and our sender key are queued for every member.
    [[nodiscard]] std::expected<std::int64_t, Error> createGroup(const QString &name, const std::vector<protocol::PeerId> &members,
                                                                 std::vector<protocol::PeerId> *queuedFor = nullptr);
    [[nodiscard]] std::expected<GroupState, Error> groupState(std::int64_t conversationId);
    // A new revision of the group's state made and signed by us (an admin; or any member
    // leaving), sent to every member and to those removed. Removing anyone (leaving too)
    // starts a new epoch: every remaining member then sends a fresh sender key to the
    // remaining members only. Returns the new state.
    using GroupChange = std::function<std::expected<void, Error>(GroupState &next)>;
    [[nodiscard]] std::expected<GroupState, Error> changeGroup(std::int64_t conversationId, const GroupChange &change,
                                                               std::vector<protocol::PeerId> *queuedFor = nullptr);
    // The changes the headless mode and the window offer, through changeGroup.
    [[nodiscard]] std::expected<GroupState, Error> addMembers(std::int64_t conversationId, const std::vector<protocol::PeerId> &members,
                                                              std::vector<protocol::PeerId> *queuedFor = nullptr);
    [[nodiscard]] std::expected<GroupState, Error> removeMembers(std::int64_t conversationId, const std::vector<protocol::PeerId> &members,
                                                                 std::vector<protocol::PeerId> *queuedFor = nullptr);
    [[nodiscard]] std::expected<GroupState, Error> leaveGroup(std::int64_t conversationId,
                                                              std::vector<protocol::PeerId> *queuedFor = nullptr);
    [[nodiscard]] std::expected<GroupState, Error> renameGroup(std::int64_t conversationId, const QString &name,
                                                               std::vector<protocol::PeerId> *queuedFor = nullptr);
    [[nodiscard]] std::expected<GroupState, Error> setGroupAdmin(std::int64_t conversationId, const protocol::PeerId &member, bool admin,
                                                                 std::vector<protocol::PeerId> *queuedFor = nullptr);
    bool isGroup(std::int64_t conversationId) { return m_profile.groups().groupOf(conversationId).has_value(); }
    // `replyTo`: the uuid of a message of the group to quote, or empty.
    [[nodiscard]] std::expected<GroupSend, Error> sendGroupText(std::int64_t conversationId, const QString &body,
                                                                const QByteArray &replyTo = {});
    protocol::GroupSessions &groupSessions() { return m_groupSessions; }
    // Attachments (docs/PROTOCOL.md, "Attachments"; MessengerAttachments.cpp). First the
    // file is sealed into the profile's attachments/ folder (sealFile: files only, a chunk
    // at a time, on any thread), then its pointer is stored and queued for the peer like a
    // text (sendAttachment, on the core thread). Transfer does it the faster way: the file
    // described and hashed (describeFile, SourceFile), the pointer sent, and the copy sealed
    // meanwhile from the same open file; `source` then says where from.
    static constexpr std::uint64_t MaxAttachmentBytes = 4ULL << 30;
    static constexpr qsizetype MaxThumbnailBytes = 20 * 1024; // a receiver refuses a pointer with a bigger one
    struct SealedFile {
        QByteArray fileId;
        crypto::SecretBytes key;
        QString name;
        QString mime;
        std::uint64_t size = 0;
        QByteArray sha256;
        QString localFile; // the sealed copy's name in `folder`
        QString sealedPath;
        QString source;    // set while the copy is still being sealed from this file
    };
    [[nodiscard]] static std::expected<SealedFile, Error> sealFile(const QString &path, const QString &folder);
    // Checks `path` (a readable file within the size limit) and gives it an id, a key and
    // a name for its copy in `folder`; no hash yet, nothing written.
    [[nodiscard]] static std::expected<SealedFile, Error> describeFile(const QString &path, const QString &folder);
    struct AttachmentSend {
        Envelope envelope;
        storage::MessageRecord message;
    };
    // Takes the sealed copy over (deleted if the message cannot be stored). A thumbnail over
    // the pointer's bound (20 KiB) is left out, not an error: the file still goes.
    [[nodiscard]] std::expected<AttachmentSend, Error> sendAttachment(const protocol::PeerId &to, SealedFile file,
                                                                      const QString &caption, const QByteArray &thumbnail = {});
    // The same in a group (MessengerGroupAttachments.cpp): one sealed copy, its pointer sealed
    // once with our sender key for every member, each of whom pulls the chunks from us.
    [[nodiscard]] std::expected<GroupSend, Error> sendGroupAttachment(std::int64_t conversationId, SealedFile file,
                                                                      const QString &caption, const QByteArray &thumbnail = {});
    // Who may pull the file of our group message `messageId`: a member of the group now to
    // whom the message was sealed. Not a member who joined after it (the ciphertext would be
    // of no use without the pointer's key, but it is not theirs to have either).
    bool mayPullGroupFile(std::int64_t conversationId, std::int64_t messageId, const protocol::PeerId &peer);
    // Whether the user may write to `peer` at all (known, not blocked).
    [[nodiscard]] std::expected<void, Error> mayWriteTo(const protocol::PeerId &peer) { return mayMessage(peer); }
    // The receive path's group kinds (ContentHandlers), inside the decrypt's transaction.
    [[nodiscard]] std::expected<void, protocol::Error> receiveGroupUpdate(const protocol::PeerId &from,
                                                                          const std::vector<QByteArray> &states, Incoming &out);
    [[nodiscard]] std::expected<void, protocol::Error> receiveSenderKey(const protocol::PeerId &from, const QByteArray &groupId,
                                                                        quint32 epoch, const QByteArray &distribution, Incoming &out);
    // After a group's state changed: the group messages that came before it (parked, see
    // receiveGroupMessage) and that it now opens, received in arrival order, each in its
    // own transaction; the sender of each with what came of it.
    std::vector<std::pair<protocol::PeerId, std::expected<Incoming, Error>>> receiveParked(std::int64_t conversationId);
    static constexpr int MaxParkedPerSender = 500;   // per group
    static constexpr quint32 MaxEpochsAhead = 8;      // of the state we hold
    static constexpr quint32 MaxEpochsBehind = 8;     // a sender key older than that is not stored
    static constexpr qint64 ParkedForMs = 14LL * 24 * 3600 * 1000; // then dropped unread
    // Sender keys kept for groups we do not know yet, from one peer we have not accepted
    // (a member we never talked to), over all groups: a stranger must not fill the disk.
    static constexpr int MaxParkedKeysPerStranger = 16;
    // And from all such peers together: kept keys, and kept rows of any kind (a kept key lets
    // its sender's messages be kept too). When full, new ones are dropped (acknowledged).
    static constexpr int MaxParkedKeysFromStrangers = 256;
    static constexpr int MaxParkedFromStrangers = 5000;
    // Groups with messages waiting for their state (receiveParked at start).
    std::vector<std::int64_t> groupsWithParked();
    // Our sender key's distribution message is kept every this many iterations: a member
    // behind gets the one at or before what it could not read (MessengerKeyResend.cpp).
    static constexpr quint32 SenderKeyCheckpointEvery = 1000;
    // libsignal steps a member's copy of a sender key at most this far for one message.
    static constexpr quint32 SenderKeyMaxStep = 2000;

private:
    // Inside the caller's transaction: one Content sealed once with our sender key, kept
    // once, and an outbox row for every other member; returns the members.
    [[nodiscard]] std::expected<std::vector<protocol::PeerId>, Error> sealForGroup(std::int64_t conversationId, const QByteArray &content,
                                                                                   std::int64_t messageId);
    // A change to a conversation's message (edit, delete, reaction): to the peer of a 1:1
    // conversation (queue), or sealed once for a group's members (`peer` invalid).
    [[nodiscard]] std::expected<void, Error> sendToConversation(std::int64_t conversationId, const protocol::PeerId &peer,
                                                                const QByteArray &content);
    // Inside the caller's transaction: the timer set, its notice, and the change sent.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> applyTimer(std::int64_t conversationId, const protocol::PeerId &peer,
                                                                         int seconds);
    [[nodiscard]] std::expected<Incoming, Error> receiveGroupMessage(const protocol::PeerId &from, const protocol::CipherMessage &message);
    std::optional<GroupChain> loadChain(const QByteArray &groupId);
    // The current revision alone: a group message needs no more than that (the whole chain
    // is up to 64 revisions to read and parse).
    std::optional<GroupState> loadCurrent(const QByteArray &groupId);
    [[nodiscard]] std::expected<void, Error> saveChain(const GroupChain &chain);
    // After the chain moved from `before` (nullopt: we just learnt of the group): our sender
    // key for the current epoch goes to whoever lacks it. Inside the caller's transaction.
    [[nodiscard]] std::expected<void, Error> distributeOwnKey(const std::optional<GroupState> &before, const GroupState &now,
                                                              bool forkSwitched, std::vector<protocol::PeerId> &queuedFor);
    [[nodiscard]] std::expected<void, Error> queueGroupUpdate(const GroupChain &chain, const std::vector<protocol::PeerId> &to);
    // MessengerKeyResend.cpp, inside the caller's transaction: our key's distribution
    // message kept as a checkpoint (wiped); one after sealing at `iteration` if its turn came.
    [[nodiscard]] std::expected<void, Error> keepOwnCheckpoint(const QByteArray &groupId, quint32 epoch, QByteArray &distribution);
    [[nodiscard]] std::expected<void, Error> checkpointAfter(const QByteArray &groupId, quint32 epoch, quint32 iteration);
    // The Content that gives our sender key (`distribution`) to a member; `distribution` and
    // every copy made on the way are wiped, the result is the caller's to wipe.
    QByteArray senderKeyContent(const QByteArray &groupId, quint32 epoch, QByteArray &distribution);
    // A member rejected our group message (outbox row `outboxId`): it lacks our key, or is
    // too far behind. Our key from the checkpoint at or before it goes to the member again,
    // then the message; true if so (the caller removes the old row either way). A key is
    // queued once per (group, checkpoint) in `keysQueued`, the caller's batch.
    [[nodiscard]] std::expected<bool, Error> resendSenderKey(const protocol::PeerId &peer, std::int64_t outboxId,
                                                             QSet<QByteArray> &keysQueued);
    // Replaces our beacon key, inside the caller's transaction.
    [[nodiscard]] bool rotateBeaconKey();
    void beaconKeysChanged() { if (m_beaconKeysChanged) m_beaconKeysChanged(); }
    [[nodiscard]] std::expected<Envelope, Error> seal(const protocol::PeerId &to, const QByteArray &content, std::int64_t messageId);
    // "This one and everything before it was read", sealed into the outbox.
    [[nodiscard]] std::expected<Envelope, Error> readReceipt(const protocol::PeerId &to, const QByteArray &newest);
    // Inside the caller's transaction: the user wrote to the peer, so it is accepted (and
    // the receipts withheld from its request are sealed).
    [[nodiscard]] std::expected<void, Error> consent(const protocol::PeerId &peer);
    // Inside the caller's transaction: delivery receipts for everything the peer sent (one
    // per MaxReceiptIds), then a read receipt up to what was read; how many were sealed.
    [[nodiscard]] std::expected<int, Error> sealWithheldReceipts(const protocol::PeerId &peer);
    // Durable, inside the caller's transaction: sealed now when the peer can get it (a
    // session, trust not changed, nothing older waiting), else kept unsealed in order.
    [[nodiscard]] std::expected<Envelope, Error> queue(const protocol::PeerId &to, const QByteArray &content, std::int64_t messageId);
    [[nodiscard]] std::expected<storage::MessageRecord, Error> ownChange(std::int64_t messageId, protocol::PeerId &peer);
    static QByteArray textContent(const storage::MessageRecord &record);
    // A text not sealed yet, as the peer must first get it: its first body if it was edited
    // since (the edits follow it in the outbox).
    QByteArray firstWrittenContent(storage::MessageRecord record);
    // An attachment message's pointer, rebuilt from its rows (the key from the database).
    QByteArray attachmentContent(const storage::MessageRecord &record);
    [[nodiscard]] std::expected<Incoming, Error> receiveOne(const protocol::PeerId &from, const protocol::CipherMessage &message);

    bool mayResetSession(const protocol::PeerId &peer);
    // A known contact who is not blocked: what the user may write to or set a timer for.
    [[nodiscard]] std::expected<void, Error> mayMessage(const protocol::PeerId &peer);
    [[nodiscard]] std::expected<void, Error> resetSession(const protocol::PeerId &peer);

    crypto::SignalContext &m_context;
    storage::Profile &m_profile;
    protocol::SessionManager m_sessions;
    protocol::GroupSessions m_groupSessions;
    QHash<QString, std::int64_t> m_lastReset; // peer -> when (ms) its sessions were last reset
    std::vector<protocol::PeerId> m_sessionResets;
    std::vector<protocol::PeerId> m_brokenSessions; // failed to decrypt; reset after the rollback
    std::function<void()> m_beaconKeysChanged;
    // Work a received message asks for that seals for its own sender: libsignal refuses to
    // encrypt for a peer while inside that peer's decrypt callback, so it runs right after
    // the decrypt, still inside the receive's transaction.
    std::vector<std::function<std::expected<void, Error>(Incoming &)>> m_afterDecrypt;
    // (sender, group id) of groups a stranger offered us and we refused: that stranger's
    // sender key for such a group is dropped, not kept for a state that will not come.
    // In memory only (the key follows its update in the same outbox order); bounded.
    QSet<QByteArray> m_refusedGroups;
};

} // namespace sotto::messenger
