// SPDX-License-Identifier: GPL-3.0-or-later
// A Node is Sotto on the LAN: one unlocked profile's Messenger joined to discovery and the
// link manager. It keeps the outbox flowing (in order, resent on every new link until
// acknowledged), fetches bundles for first contact, acknowledges received messages only
// after they are committed, sends delivery receipts (a message request's only once
// accepted), accepts the peer behind an address the user added, and turns it all into
// events. It lives on the core thread: it owns the signal context's users, the database
// writer and the sockets.
#pragma once

#include "core/messenger/Messenger.h"
#include "core/net/Discovery.h"
#include "core/net/LinkManager.h"
#include "core/storage/AttachmentStore.h"

#include <QHostAddress>
#include <QObject>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>

namespace sotto::messenger {

class Transfer;

struct NodeOptions {
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = 0;
    bool discovery = true;
    QHostAddress discoveryGroup = QHostAddress(QStringLiteral("239.255.77.77"));
    quint16 discoveryPort = 47077;
    // Links on demand (discovery on): a contact we exchanged a message with this recently
    // keeps its link (and is redialled); a link to a peer that still beacons is closed
    // after this long without a message either way and with nothing left to send.
    qint64 linkIdleMs = 10 * 60 * 1000;
};

struct NearbyPeer {
    protocol::PeerId peer;
    QString displayName;
    QByteArray identityKey;
    QHostAddress address;
    quint16 port = 0;
    bool contactsOnly = false; // seen by its contacts-only beacon (so it is our contact)
};

class Node : public QObject {
    Q_OBJECT
public:
    static constexpr int SendWindow = 512;      // envelopes in flight per link
    // With envelopes in flight, the window is topped up only once this many places are
    // free: acknowledgements come back a few at a time under load, and refilling each
    // time would send a few envelopes per read, each read costing the peer a commit and
    // a delivery receipt (a ratchet step at both ends). Nothing in flight: sent at once.
    static constexpr int SendRefill = SendWindow / 4;
    // Sent but neither acknowledged nor rejected for this long (and nothing else heard of
    // them): sent again on the same link, oldest first. The peer may have failed to store
    // them (a full disk); a live link with pings would otherwise never carry them again.
    static constexpr int AckTimeoutMs = 10000;
    static constexpr int MaxBundleRequests = 8; // per link: each one spends a one-time prekey

    Node(crypto::SignalContext &context, storage::Profile &profile, NodeOptions options, QObject *parent = nullptr);
    ~Node() override;

    // Binds the listener, starts discovery and redials known contacts.
    [[nodiscard]] std::expected<quint16, Error> start();
    quint16 listenPort() const;

    Messenger &messenger() { return m_messenger; }
    [[nodiscard]] std::expected<storage::MessageRecord, Error> sendText(const protocol::PeerId &to, const QString &body,
                                                                        const QByteArray &replyTo = {});
    // Groups (Messenger's rules; NodeGroups.cpp), sent on at once. createGroup emits
    // groupUpdated.
    [[nodiscard]] std::expected<std::int64_t, Error> createGroup(const QString &name, const std::vector<protocol::PeerId> &members);
    [[nodiscard]] std::expected<storage::MessageRecord, Error> sendGroupText(std::int64_t conversationId, const QString &body,
                                                                             const QByteArray &replyTo = {});
    // A change through one of Messenger's group changes (addMembers ... setGroupAdmin, given
    // where to report whom it queued for); emits groupUpdated.
    using GroupChangeCall = std::function<std::expected<GroupState, Error>(Messenger &, std::vector<protocol::PeerId> *queuedFor)>;
    [[nodiscard]] std::expected<GroupState, Error> changeGroup(std::int64_t conversationId, const GroupChangeCall &change);
    // A group's disappearing timer, for every member (Messenger::setGroupTimer).
    [[nodiscard]] std::expected<storage::MessageRecord, Error> setGroupTimer(std::int64_t conversationId, int seconds);
    // Changes to a stored message (Messenger's rules), sent on at once; each also emits
    // messageUpdated here.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> editText(std::int64_t messageId, const QString &body);
    [[nodiscard]] std::expected<storage::MessageRecord, Error> deleteMessage(std::int64_t messageId, bool forEveryone);
    [[nodiscard]] std::expected<storage::MessageRecord, Error> react(std::int64_t messageId, const QString &emoji);
    // The ephemeral path: sent now if the peer is online, else dropped (never stored or
    // queued). Returns whether it left.
    bool sendTyping(const protocol::PeerId &to, bool typing);
    // The same in a group: to each member whose link is up and speaks Content version 5;
    // returns how many it left for.
    int sendGroupTyping(std::int64_t conversationId, bool typing);
    // The disappearing-message timer of the conversation with `peer` (0: off); the notice.
    [[nodiscard]] std::expected<storage::MessageRecord, Error> setTimer(const protocol::PeerId &peer, int seconds);
    // Many sends in one transaction (group commit), flushed once committed. If the batch
    // cannot commit, each is sent again on its own; results are in input order.
    // A group's texts (`conversation`, `to` unset) batch the same way: each is sealed once
    // for its members, and every member's link is flushed once for the whole batch.
    struct OutgoingText {
        protocol::PeerId to;
        QString body;
        std::int64_t conversation = 0; // a group's conversation; 0: to `to`
    };
    std::vector<std::expected<storage::MessageRecord, Error>> sendTexts(const std::vector<OutgoingText> &texts);
    void addPeerAddress(const QHostAddress &address, quint16 port);
    // Attachments (NodeAttachments.cpp): the file is sealed at rest (on a worker thread),
    // then its message stored and sent on at once, and `done` called with it (or why not);
    // the peer pulls the chunks through transfer() (null before start()). `thumbnail`: a
    // small JPEG/PNG the sender made of an image (at most 20 KiB, else left out), or empty.
    using FileSent = std::function<void(std::expected<storage::MessageRecord, Error>)>;
    void sendFile(const protocol::PeerId &to, const QString &path, const QString &caption, FileSent done,
                  const QByteArray &thumbnail = {});
    // A file to a group (NodeAttachments.cpp): sealed once, every member pulls it from us.
    void sendGroupFile(std::int64_t conversationId, const QString &path, const QString &caption, FileSent done,
                       const QByteArray &thumbnail = {});
    Transfer *transfer() { return m_transfer.get(); }
    [[nodiscard]] std::expected<void, Error> markRead(const protocol::PeerId &peer);
    // Any conversation, a group's too (a read receipt to each member whose messages were unread).
    [[nodiscard]] std::expected<void, Error> markRead(std::int64_t conversationId);
    // The conversation with `peer`, made if there is none yet (a chat opened with someone
    // nearby before either wrote).
    [[nodiscard]] std::expected<std::int64_t, Error> conversationWith(const protocol::PeerId &peer);
    // The conversation's draft, kept across restarts; conversationUpdated when it changed.
    [[nodiscard]] std::expected<void, Error> setDraft(std::int64_t conversationId, const QString &text);
    // The user confirmed that `previous` and `into` are one person (Messenger::mergeContact).
    [[nodiscard]] std::expected<std::int64_t, Error> mergeContact(const protocol::PeerId &previous, const protocol::PeerId &into);

    // The conversation shown (none: an invalid PeerId): its peer is kept linked while it is
    // open, and dialled now if it is not (links on demand).
    void setOpenConversation(const protocol::PeerId &peer);

    // Message requests (Messenger::acceptRequest, deleteRequest): each emits contactChanged.
    // Accepting sends the receipts withheld until now.
    [[nodiscard]] std::expected<void, Error> acceptRequest(const protocol::PeerId &peer);
    [[nodiscard]] std::expected<void, Error> deleteRequest(const protocol::PeerId &peer);
    // Blocked: nothing is sent to or taken from the peer (its link is refused when it comes
    // up); unblocked: back to unverified.
    [[nodiscard]] std::expected<void, Error> setBlocked(const protocol::PeerId &peer, bool blocked);

    // Our display name: saved, and given in every Hello and beacon from now on (contacts
    // see it from their next link with us).
    [[nodiscard]] std::expected<void, Error> setDisplayName(const QString &name);

    // "Visible to": only my contacts (contacts-only beacons) or everyone on this network
    // (signed beacons). Saved, and in force from the next beacon (sent at once).
    [[nodiscard]] std::expected<void, Error> setVisibleToContactsOnly(bool contactsOnly);
    bool visibleToContactsOnly() const { return m_local.visibility == net::Visibility::ContactsOnly; }

    // Reachable: a link is up, or its beacons are fresh (links are made on demand, so a
    // contact nearby with no link is online all the same).
    bool isOnline(const protocol::PeerId &peer) const { return m_links->isUp(peer) || m_nearby.contains(peer.toString()); }
    bool isLinked(const protocol::PeerId &peer) const { return m_links->isUp(peer); }
    QList<NearbyPeer> nearby() const { return m_nearby.values(); }

Q_SIGNALS:
    void peerOnline(const sotto::protocol::PeerId &peer, const QString &displayName);
    void peerOffline(const sotto::protocol::PeerId &peer);
    void peerDiscovered(const sotto::messenger::NearbyPeer &peer);
    void messageReceived(const sotto::storage::MessageRecord &message);
    void messageStateChanged(const QByteArray &uuid, sotto::storage::MessageState state);
    // One member of a group got our message that far (messageStateChanged follows once
    // every member it was for has).
    void memberStateChanged(const QByteArray &uuid, sotto::storage::MessageState state, const sotto::protocol::PeerId &member);
    // A stored message changed (edited, deleted: a tombstone, reactions): the whole row.
    void messageUpdated(const sotto::storage::MessageRecord &message);
    void typingChanged(const sotto::protocol::PeerId &peer, bool typing);
    // A member is (not) typing in a group.
    void groupTypingChanged(std::int64_t conversationId, const sotto::protocol::PeerId &member, bool typing);
    // A message left the history (its time was up): the row as it was, without its text.
    void messageRemoved(const sotto::storage::MessageRecord &message);
    // A conversation's own state changed: read (unread count), disappearing timer, draft.
    void conversationUpdated(std::int64_t conversationId);
    // A group's state changed (created, joined, renamed, members or admins changed).
    void groupUpdated(std::int64_t conversationId);
    // A new contact is named like `previous`: "Maybe Bob with a new key?"
    void namesakeFound(const sotto::protocol::PeerId &peer, const sotto::protocol::PeerId &previous);
    // The sessions with the peer broke (one side restored an older copy) and were reset:
    // what waited is sent again after a fresh X3DH.
    void sessionReset(const sotto::protocol::PeerId &peer);
    // A stranger's first message arrived: a message request (shown apart, not as a chat).
    void messageRequest(const sotto::protocol::PeerId &peer, std::int64_t conversationId);
    // A contact was accepted, blocked, unblocked or forgotten by the user.
    void contactChanged(const sotto::protocol::PeerId &peer);
    // `previousConversation` was the old contact's, gone now (0 if it had none).
    void contactMerged(const sotto::protocol::PeerId &previous, const sotto::protocol::PeerId &into, std::int64_t conversationId,
                       std::int64_t previousConversation);
    void errorOccurred(const QString &code, const QString &reason);
    // An attachment's transfer moved (at most 4 per second per file; Transfer::progress).
    void transferProgress(const sotto::storage::AttachmentRecord &attachment, quint64 bytesDone);

private:
    void onPeerUp(net::Link *link);
    void offerNamesake(const protocol::PeerId &peer);
    void onPeerDown(const protocol::PeerId &peer);
    void onFrames(const protocol::PeerId &peer, const std::vector<wire::Frame> &frames);
    void onInbound(const protocol::PeerId &peer, const messenger::Inbound &inbound, const std::vector<quint64> &envelopeIds);
    void onPeerSeen(const net::SeenPeer &seen);
    // Contacts-only beacons: our key goes to a contact over its proven link; our key and
    // the contacts' keys are reloaded whenever the messenger changed one.
    void giveBeaconKey(const protocol::PeerId &peer);
    void loadBeaconKeys();
    // Links on demand (see linkIdleMs and PROTOCOL.md "LAN: links on demand").
    bool wantsLink(const protocol::PeerId &peer);
    void keepLinked(const protocol::PeerId &peer, int delayMs);
    void noteActivity(const protocol::PeerId &peer);
    void closeIdleLinks();
    void flush(const protocol::PeerId &peer);
    void flushGroup(std::int64_t conversationId); // every other member of a group
    // The group messages kept for a state we now have: received, and told as if they had
    // just arrived.
    void deliverParked(std::int64_t conversationId);
    [[nodiscard]] std::expected<storage::MessageRecord, Error> store(const protocol::PeerId &to, const QString &body, const QByteArray &replyTo = {});
    [[nodiscard]] std::expected<storage::MessageRecord, Error> changed(const std::expected<storage::MessageRecord, Error> &result);
    void emitChanges(const std::vector<StateChange> &changes);

    crypto::SignalContext &m_context;
    storage::Profile &m_profile;
    NodeOptions m_options;
    Messenger m_messenger;
    crypto::SecretBytes m_identityPrivate;
    std::optional<net::TlsIdentity> m_tls;
    net::LocalIdentity m_local;
    std::unique_ptr<net::LinkManager> m_links;
    std::unique_ptr<net::Discovery> m_discovery;
    std::unique_ptr<Transfer> m_transfer;
    void startTransfers(); // NodeAttachments.cpp
    QHash<QString, NearbyPeer> m_nearby;
    // peer id -> wall-clock ms of the last message either way (seeded from the
    // conversations at start): what "talked to recently" means for links on demand.
    QHash<QString, qint64> m_lastActivity;
    protocol::PeerId m_openConversation;
    QTimer m_idleLinks{this};
    // Addresses the user added while Sotto runs: the peer whose link proves it listens at
    // one is accepted (adding someone by address is consent).
    QList<QPair<QHostAddress, quint16>> m_addedAddresses;
    bool acceptIfAdded(net::Link *link, bool atAddTime = false); // whether it accepted the peer now
    // The write-ahead log is checkpointed after this long without a commit (see
    // Database::setCheckpointObserver): the fsync lands between messages, not on one.
    static constexpr int QuietBeforeCheckpointMs = 250;
    QTimer m_idleCheckpoint{this};
    // The search index catches up (MessageStore::indexPending) after the same quiet time,
    // or at the next turn of the event loop once this many texts wait: off each message's
    // commit, in batches that share their index pages.
    static constexpr int SearchCatchUpRows = 2048;
    QTimer m_searchCatchUp{this};
    void catchUpSearch();
    // Disappearing messages are looked for once a second (an index seek when none is due).
    QTimer m_expiry{this};
    void expireDue();
    // Deleted, expired and edited texts leave the search index's old segments this long
    // after the first of them (checked with the expiry, once a second).
    static constexpr int QuietBeforePurgeMs = 10000;
    void purgeSearchResidue(bool now = false); // now: without waiting for a quiet moment
    // Signed-prekey rotation and one-time prekey refills, hourly (and at start).
    QTimer m_keyMaintenance{this};
    void maintainKeys();

    QTimer m_resendCheck{this};
    QElapsedTimer m_clock; // monotonic, for the acknowledgement timeout
    void resendUnacknowledged();

    struct LinkState {
        std::int64_t sentUpTo = 0; // highest outbox id sent on the current link
        int inFlight = 0;
        qint64 lastProgressMs = 0; // m_clock when an ack last came (or the window opened)
        // Receiving: the first envelope id we failed to store and that the peer will send
        // again. Until it is in, later envelopes are left unacknowledged (they come again
        // after it), so nothing overtakes it.
        quint64 missingFrom = 0;
        qint64 missingSinceMs = 0; // m_clock when missingFrom was set
        // The gate gives up after this long: the missing envelope may never come again (its
        // message expired at the sender, or a session reset gave it a new id).
        static constexpr int MissingGiveUpMs = 3 * AckTimeoutMs;
        qint64 upSinceMs = 0;      // m_clock when the link came up
        int bundleRequests = 0;    // asked by us on this link
        int bundlesServed = 0;     // asked of us on this link
        bool awaitingBundle = false;
    };
    QHash<QString, LinkState> m_linkStates;
};

} // namespace sotto::messenger
