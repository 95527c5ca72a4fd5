// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/Node.h"

#include "core/messenger/MessengerLog.h"
#include "core/messenger/Transfer.h"
#include "core/net/RedialBackoff.h"
#include "core/protocol/IdentitySignature.h"

#include <QDateTime>
#include <QScopeGuard>

namespace sotto::messenger {

using protocol::PeerId;

Node::Node(crypto::SignalContext &context, storage::Profile &profile, NodeOptions options, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_profile(profile)
    , m_options(std::move(options))
    , m_messenger(context, profile)
{
    m_idleCheckpoint.setSingleShot(true);
    m_idleCheckpoint.setInterval(QuietBeforeCheckpointMs);
    connect(&m_idleCheckpoint, &QTimer::timeout, this, [this] { m_profile.database().checkpoint(); });
    m_profile.database().setCheckpointObserver([this] { m_idleCheckpoint.start(); });
    m_searchCatchUp.setSingleShot(true);
    m_searchCatchUp.setInterval(QuietBeforeCheckpointMs);
    connect(&m_searchCatchUp, &QTimer::timeout, this, &Node::catchUpSearch);
    m_profile.messages().setUnindexedObserver(
        [this](std::int64_t waiting) { m_searchCatchUp.start(waiting >= SearchCatchUpRows ? 0 : QuietBeforeCheckpointMs); });
    m_keyMaintenance.setInterval(60 * 60 * 1000);
    connect(&m_keyMaintenance, &QTimer::timeout, this, &Node::maintainKeys);
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, this, &Node::expireDue);
    m_clock.start();
    m_resendCheck.setInterval(AckTimeoutMs / 5);
    connect(&m_resendCheck, &QTimer::timeout, this, &Node::resendUnacknowledged);
    m_resendCheck.start();
    connect(&m_idleLinks, &QTimer::timeout, this, &Node::closeIdleLinks);
}

void Node::resendUnacknowledged()
{
    const qint64 now = m_clock.elapsed();
    QStringList due;
    for (auto it = m_linkStates.begin(); it != m_linkStates.end(); ++it) {
        if (now - it->lastProgressMs <= AckTimeoutMs)
            continue;
        // Still waiting: the oldest entry was sent on this link. (Not the in-flight count
        // alone: after a resend, late and repeated Acks can bring it to 0 too early.)
        bool waiting = it->inFlight > 0;
        if (!waiting && it->sentUpTo > 0) {
            const std::vector<storage::OutboxEntry> oldest = m_profile.outbox().pending(PeerId::fromString(it.key()), 0, 1);
            waiting = !oldest.empty() && oldest.front().id <= it->sentUpTo && !oldest.front().ciphertext.isEmpty();
        }
        if (!waiting) {
            it->lastProgressMs = now; // settled: looked at again one timeout from now
            continue;
        }
        qCInfo(lcMessenger) << "no acknowledgement from" << it.key() << "for" << (now - it->lastProgressMs) << "ms; sending"
                            << it->inFlight << "again";
        it->sentUpTo = 0; // from the oldest still waiting, in order
        it->inFlight = 0;
        it->lastProgressMs = now;
        due.append(it.key());
    }
    for (const QString &peer : due)
        flush(PeerId::fromString(peer));
}

Node::~Node()
{
    m_profile.database().setCheckpointObserver({});
    m_profile.messages().setUnindexedObserver({});
}

void Node::catchUpSearch()
{
    // A few thousand rows at a time, the event loop turning between them: opening a
    // conversation right after unlocking a profile whose index is far behind (an upgrade,
    // a generated profile) waited 0.8 s for 100,000 rows before (bench_gui's first run).
    constexpr int Batch = 4096;
    if (auto indexed = m_profile.messages().indexPending(Batch); !indexed) {
        Q_EMIT errorOccurred(QStringLiteral("storage"), indexed.error().reason);
        return;
    }
    if (m_profile.messages().searchBehind())
        QTimer::singleShot(0, this, &Node::catchUpSearch);
}

std::expected<quint16, Error> Node::start()
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    std::optional<protocol::LocalIdentityRecord> local = store.localIdentity();
    if (!local)
        return std::unexpected(Error{Errc::Storage, QStringLiteral("the profile has no identity")});
    m_identityPrivate = std::move(local->privateKey);

    if (auto saved = store.tlsCredentials()) {
        m_tls = net::TlsIdentity{saved->first, std::move(saved->second)};
    } else {
        m_tls = net::TlsIdentity::generate();
        if (!m_tls || !store.saveTlsCredentials(m_tls->certificateDer, m_tls->privateKeyPem))
            return std::unexpected(Error{Errc::Internal, QStringLiteral("cannot create TLS credentials")});
    }

    m_local.peer = m_profile.peerId();
    m_local.identityKey = m_profile.identityKey();
    m_local.displayName = m_profile.displayName();
    m_local.sign = [this](const QByteArray &message) { return protocol::signWithIdentity(m_context, m_identityPrivate, message); };
    m_local.visibility = m_messenger.visibleToContactsOnly() ? net::Visibility::ContactsOnly : net::Visibility::Everyone;
    m_messenger.setBeaconKeysObserver([this] { loadBeaconKeys(); });

    expireDue(); // what ran out while Sotto was not running goes first
    m_searchCatchUp.start(); // texts a previous run stored but did not index yet
    m_expiry.start();

    m_links = std::make_unique<net::LinkManager>(m_local, *m_tls, m_context, this);
    connect(m_links.get(), &net::LinkManager::peerUp, this, &Node::onPeerUp);
    connect(m_links.get(), &net::LinkManager::peerDown, this, &Node::onPeerDown);
    connect(m_links.get(), &net::LinkManager::framesReceived, this, &Node::onFrames);
    const quint16 port = m_links->listen(m_options.listenAddress, m_options.listenPort);
    if (!port)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("cannot listen for links")});
    startTransfers();

    if (m_options.discovery) {
        m_discovery = std::make_unique<net::Discovery>(m_local, m_context, this);
        connect(m_discovery.get(), &net::Discovery::peerSeen, this, &Node::onPeerSeen);
        // Three missed beacons: shown offline even while a silent link lingers (a frozen or
        // unplugged peer sends no RST); its next beacon shows it again.
        connect(m_discovery.get(), &net::Discovery::peerLost, this, [this](const PeerId &peer) {
            m_nearby.remove(peer.toString());
            Q_EMIT peerOffline(peer);
        });
        loadBeaconKeys(); // before the first beacon: its kind may need our key
        if (!m_discovery->start(m_options.discoveryGroup, m_options.discoveryPort))
            Q_EMIT errorOccurred(QStringLiteral("discovery_unavailable"),
                                 QStringLiteral("LAN discovery is not available; add peers by address"));
    }
    if (!m_discovery)
        loadBeaconKeys(); // our key still goes to contacts on links, for when discovery is on
    // (Capped at now: last_activity is the sender's clock, and one running ahead must not
    // keep its link wanted after every restart.)
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const storage::ConversationRecord &c : m_profile.messages().conversations())
        m_lastActivity.insert(c.peer.toString(), std::min<qint64>(c.lastActivity, now));
    // Contacts we want a link to are dialled at their stored address, spread over a couple
    // of seconds (a whole office restarting must not dial at once), and redialled with
    // backoff until they answer; with discovery, a beacon from a new address moves them.
    for (const storage::ContactRecord &contact : store.contacts()) {
        QHostAddress address(contact.address);
        if (!address.isNull() && contact.port && wantsLink(contact.peer))
            m_links->keepLinked(contact.peer, address, contact.port, net::RedialBackoff::spreadMs(net::RedialBackoff::StartSpreadMs));
    }
    if (m_options.discovery) // idle links are looked for a few times per idle period, at most every 30 s
        m_idleLinks.start(int(std::clamp<qint64>(m_options.linkIdleMs / 4, 1000, 30000)));
    // Keep signed prekeys fresh (cheap when nothing is due): now, and hourly while running,
    // so a node that runs for weeks still rotates them weekly.
    maintainKeys();
    m_keyMaintenance.start();
    // Group messages kept for a state that came just before a crash or a full disk.
    for (std::int64_t group : m_messenger.groupsWithParked())
        deliverParked(group);
    return port;
}

quint16 Node::listenPort() const { return m_links ? m_links->listenPort() : 0; }

void Node::addPeerAddress(const QHostAddress &address, quint16 port)
{
    m_addedAddresses.append({address, port});
    // A link to the peer behind it may be up already (it dialled us, its Hello names that
    // port): the user adds it now, while it is linked, so it is accepted now.
    for (auto it = m_linkStates.cbegin(); it != m_linkStates.cend(); ++it)
        if (net::Link *link = m_links->link(PeerId::fromString(it.key())); link && acceptIfAdded(link, true))
            giveBeaconKey(link->peer()); // a contact now (on a new link it goes with the link)
    m_links->addAddress(address, port);
}

bool Node::acceptIfAdded(net::Link *link, bool atAddTime)
{
    // Later, only a link we dialled to that very address and port proves who listens
    // there: an incoming link's listening port is the peer's own claim (anyone behind the
    // same address could make it), so it counts only at the moment the user adds it.
    const auto matches = [link, atAddTime](const QPair<QHostAddress, quint16> &a) {
        if (!link->remoteAddress().isEqual(a.first, QHostAddress::TolerantConversion))
            return false;
        return link->isOutgoing() ? link->remotePort() == a.second : atAddTime && link->peerListenPort() == a.second;
    };
    const auto added = std::find_if(m_addedAddresses.cbegin(), m_addedAddresses.cend(), matches);
    if (added == m_addedAddresses.cend() || m_messenger.isAccepted(link->peer()))
        return false;
    m_addedAddresses.erase(added); // consent for one peer, once
    if (auto accepted = m_messenger.acceptRequest(link->peer()); !accepted) {
        if (accepted.error().code != Errc::Blocked)
            Q_EMIT errorOccurred(QStringLiteral("storage"), accepted.error().reason);
        return false;
    }
    flush(link->peer()); // the receipts withheld until now
    Q_EMIT contactChanged(link->peer());
    return true;
}

std::expected<void, Error> Node::acceptRequest(const PeerId &peer)
{
    const bool wasAccepted = m_messenger.isAccepted(peer);
    auto receipts = m_messenger.acceptRequest(peer);
    if (!receipts)
        return std::unexpected(receipts.error());
    if (!wasAccepted)
        giveBeaconKey(peer); // a contact now: it may recognise our contacts-only beacons
    flush(peer); // the receipts withheld until now
    Q_EMIT contactChanged(peer);
    return {};
}

std::expected<void, Error> Node::deleteRequest(const PeerId &peer)
{
    if (auto deleted = m_messenger.deleteRequest(peer); !deleted)
        return deleted;
    // Its words leave the search index's old segments now, not "after 10 s of quiet" that
    // a quit right after would never reach.
    purgeSearchResidue(true);
    Q_EMIT contactChanged(peer);
    return {};
}

std::expected<void, Error> Node::setBlocked(const PeerId &peer, bool blocked)
{
    if (auto r = m_messenger.setBlocked(peer, blocked); !r)
        return r;
    if (blocked) { // its link goes now, and it is not dialled again
        m_links->release(peer);
        m_links->disconnectPeer(peer, QStringLiteral("blocked"));
    }
    Q_EMIT contactChanged(peer);
    return {};
}

std::expected<storage::MessageRecord, Error> Node::sendText(const PeerId &to, const QString &body, const QByteArray &replyTo)
{
    const bool wasAccepted = m_messenger.isAccepted(to);
    auto record = store(to, body, replyTo);
    if (record) {
        if (!wasAccepted)
            giveBeaconKey(to); // writing to them accepted them: now a contact who may recognise us
        flush(to);
    }
    return record;
}

// After a change to a stored message was committed: the change goes out, and everyone
// watching this node hears of it.
std::expected<storage::MessageRecord, Error> Node::changed(const std::expected<storage::MessageRecord, Error> &result)
{
    if (!result)
        return result;
    if (std::optional<storage::ConversationRecord> c = m_profile.messages().conversation(result->conversationId)) {
        if (c->peer.isValid())
            flush(c->peer);
        else
            flushGroup(c->id); // sealed once for its members
    }
    Q_EMIT messageUpdated(*result);
    return result;
}

std::expected<storage::MessageRecord, Error> Node::editText(std::int64_t messageId, const QString &body)
{
    return changed(m_messenger.editText(messageId, body));
}

std::expected<storage::MessageRecord, Error> Node::deleteMessage(std::int64_t messageId, bool forEveryone)
{
    return changed(m_messenger.deleteMessage(messageId, forEveryone));
}

std::expected<storage::MessageRecord, Error> Node::react(std::int64_t messageId, const QString &emoji)
{
    return changed(m_messenger.react(messageId, emoji));
}

std::expected<void, Error> Node::setDisplayName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a display name has 1 to 64 characters")});
    if (auto saved = m_profile.setDisplayName(trimmed); !saved)
        return std::unexpected(Error::from(saved.error()));
    m_local.displayName = trimmed; // the links and discovery read it from here
    return {};
}

std::expected<void, Error> Node::setVisibleToContactsOnly(bool contactsOnly)
{
    if (auto saved = m_messenger.setVisibleToContactsOnly(contactsOnly); !saved)
        return saved;
    m_local.visibility = contactsOnly ? net::Visibility::ContactsOnly : net::Visibility::Everyone;
    if (m_discovery)
        m_discovery->announceNow();
    return {};
}

void Node::loadBeaconKeys()
{
    auto own = m_messenger.ownBeaconKey();
    if (!own) {
        Q_EMIT errorOccurred(QStringLiteral("storage"), own.error().reason);
        return;
    }
    const bool rotated = !m_local.beaconKey || !m_local.beaconKey->secret().equals(*own);
    if (rotated) {
        // Replaced, not changed in place: discovery may still hold the old one for a beacon.
        m_local.beaconKey = std::make_shared<const net::BeaconKey>(*net::BeaconKey::fromSecret(*own));
        for (auto it = m_linkStates.cbegin(); it != m_linkStates.cend(); ++it)
            giveBeaconKey(PeerId::fromString(it.key()));
    }
    if (m_discovery) {
        std::vector<net::BeaconContact> contacts;
        for (storage::ContactBeaconKeyRecord &record : m_messenger.contactBeaconKeys())
            if (std::optional<net::BeaconKey> key = net::BeaconKey::fromSecret(record.beaconKey))
                contacts.push_back({record.peer, record.identityKey, std::move(*key)});
        m_discovery->setContacts(std::move(contacts));
    }
}

void Node::giveBeaconKey(const PeerId &peer)
{
    const net::Link *link = m_links ? m_links->link(peer) : nullptr;
    // An older peer closes the link on a frame it does not know; a stranger or a blocked
    // contact must not recognise us.
    if (!link || !m_links->isUp(peer) || !m_local.beaconKey || link->peerLinkVersion() < net::BeaconKeyLinkVersion
        || !m_messenger.mayRecogniseUs(peer))
        return;
    wire::Frame frame;
    const crypto::SecretBytes &secret = m_local.beaconKey->secret();
    frame.mutable_beacon_key()->set_key(reinterpret_cast<const char *>(secret.data()), secret.size());
    m_links->send(peer, frame);
    frame.mutable_beacon_key()->mutable_key()->assign(secret.size(), '\0'); // no copy of the key lingers
}

void Node::maintainKeys()
{
    if (auto r = m_messenger.sessions().maintainKeys(QDateTime::currentMSecsSinceEpoch()); !r)
        Q_EMIT errorOccurred(QStringLiteral("key_maintenance"), r.error().reason);
}

void Node::expireDue()
{
    auto gone = m_messenger.expire();
    if (!gone) {
        Q_EMIT errorOccurred(QStringLiteral("storage"), gone.error().reason);
        return;
    }
    for (storage::MessageRecord &m : *gone) {
        m.body.clear(); // nothing of the text travels further
        Q_EMIT messageRemoved(m);
    }
    purgeSearchResidue();
}

void Node::purgeSearchResidue(bool now)
{
    // Words of deleted, expired or edited texts stay in the search index's old segments
    // until they merge: rewritten once things have been quiet for a while, and the log
    // that held the old pages is emptied too.
    storage::MessageStore &history = m_profile.messages();
    const std::int64_t since = history.searchResidueSince();
    if (!since || (!now && QDateTime::currentMSecsSinceEpoch() - since < QuietBeforePurgeMs) || m_profile.database().transactionDepth() > 0)
        return;
    QElapsedTimer took;
    took.start();
    if (auto r = history.purgeSearchResidue(); !r) {
        Q_EMIT errorOccurred(QStringLiteral("storage"), r.error().reason);
        return;
    }
    m_profile.database().shrinkLog();
    qCInfo(lcMessenger) << "search index rewritten without deleted words in" << took.elapsed() << "ms";
}

std::expected<storage::MessageRecord, Error> Node::setTimer(const PeerId &peer, int seconds)
{
    const bool wasAccepted = m_messenger.isAccepted(peer);
    auto notice = m_messenger.setTimer(peer, seconds);
    if (notice) {
        if (!wasAccepted && m_messenger.isAccepted(peer))
            giveBeaconKey(peer); // setting a timer is writing to it: a contact now
        flush(peer);
        Q_EMIT conversationUpdated(notice->conversationId);
    }
    return notice;
}

bool Node::sendTyping(const PeerId &to, bool typing)
{
    const net::Link *link = m_links->link(to);
    if (!link || !m_links->isUp(to) || !m_linkStates.contains(to.toString()))
        return false; // ephemeral: offline means dropped
    if (link->peerContentVersion() < 2)
        return false; // a version-1 peer does not know the kind
    auto sealed = m_messenger.typing(to, typing);
    if (!sealed)
        return false;
    wire::Frame frame;
    wire::Envelope *envelope = frame.mutable_envelope();
    envelope->set_id(0); // not in the outbox: its acknowledgement names nothing
    envelope->set_kind(quint32(sealed->kind));
    envelope->set_ciphertext(sealed->bytes.toStdString());
    return m_links->send(to, frame);
}

std::vector<std::expected<storage::MessageRecord, Error>> Node::sendTexts(const std::vector<OutgoingText> &texts)
{
    std::vector<std::expected<storage::MessageRecord, Error>> results;
    results.reserve(texts.size());
    QSet<QString> strangers; // not accepted before this batch
    QSet<QString> asked;     // a batch is mostly one peer's: asked once each, not per text
    for (const OutgoingText &t : texts)
        if (!t.conversation && !asked.contains(t.to.toString())) {
            asked.insert(t.to.toString());
            if (!m_messenger.isAccepted(t.to))
                strangers.insert(t.to.toString());
        }
    // Whose links to flush once committed: a group text's recipients are known only once
    // it is sealed (the members of the state at that moment).
    std::vector<PeerId> toFlush;
    const auto sendOne = [&](const OutgoingText &t) -> std::expected<storage::MessageRecord, Error> {
        if (!t.conversation) {
            toFlush.push_back(t.to);
            return store(t.to, t.body);
        }
        auto sent = m_messenger.sendGroupText(t.conversation, t.body, {});
        if (!sent)
            return std::unexpected(sent.error());
        toFlush.insert(toFlush.end(), sent->recipients.begin(), sent->recipients.end());
        return sent->message;
    };
    bool batched = false;
    {
        protocol::StoreTransaction tx(m_profile.protocolStore());
        if (tx.isOpen()) {
            for (const OutgoingText &t : texts)
                results.push_back(sendOne(t));
            batched = tx.commit(); // a failed commit rolls back: nothing of the batch stays
        }
    }
    if (!batched) {
        // Each in its own transaction (never twice: the batch above left nothing behind).
        results.clear();
        toFlush.clear();
        for (const OutgoingText &t : texts)
            results.push_back(sendOne(t));
    }
    // Frames leave only after the commit: a crash must never have sent what it forgot.
    QSet<QString> flushed;
    for (const PeerId &peer : toFlush)
        if (!flushed.contains(peer.toString())) {
            flushed.insert(peer.toString());
            if (strangers.contains(peer.toString()) && m_messenger.isAccepted(peer))
                giveBeaconKey(peer); // writing to them accepted them
            flush(peer);
        }
    return results;
}

std::expected<storage::MessageRecord, Error> Node::store(const PeerId &to, const QString &body, const QByteArray &replyTo)
{
    if (!m_profile.protocolStore().identity(to)) {
        // A peer seen on the LAN but never linked: its signed beacon gave its key (TOFU).
        auto nearby = m_nearby.constFind(to.toString());
        if (nearby == m_nearby.constEnd())
            return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown peer")});
        auto remembered = m_messenger.rememberPeer(to, nearby->identityKey, nearby->displayName, QString(), 0);
        if (!remembered)
            return std::unexpected(remembered.error());
        // Not dialled on sight (links on demand): the message, once flushed, dials it.
    }
    auto envelope = m_messenger.sendText(to, body, replyTo);
    if (!envelope)
        return std::unexpected(envelope.error());
    std::optional<storage::MessageRecord> record = m_profile.messages().message(envelope->messageId);
    if (!record)
        return std::unexpected(Error{Errc::Storage, QStringLiteral("the message vanished")});
    noteActivity(to);
    return *record;
}

std::expected<void, Error> Node::markRead(const PeerId &peer)
{
    auto conversation = m_profile.messages().conversationFor(peer);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));
    return markRead(*conversation);
}

std::expected<void, Error> Node::markRead(std::int64_t conversationId)
{
    // Asked before: a message request's read state changes without a receipt.
    const std::optional<storage::ConversationRecord> before = m_profile.messages().conversation(conversationId);
    if (!before)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such conversation")});
    auto receipt = m_messenger.markRead(conversationId);
    if (!receipt)
        return std::unexpected(receipt.error());
    if (before->peer.isValid())
        flush(before->peer);
    else
        flushGroup(conversationId); // the members' read receipts
    if (before->unreadCount > 0) // something was unread: the count changed
        Q_EMIT conversationUpdated(conversationId);
    return {};
}

std::expected<std::int64_t, Error> Node::conversationWith(const PeerId &peer)
{
    auto conversation = m_profile.messages().conversationFor(peer);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));
    return *conversation;
}

std::expected<void, Error> Node::setDraft(std::int64_t conversationId, const QString &text)
{
    storage::MessageStore &history = m_profile.messages();
    if (!history.conversation(conversationId))
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such conversation")});
    if (history.draft(conversationId) == text)
        return {};
    if (auto r = history.setDraft(conversationId, text); !r)
        return std::unexpected(Error::from(r.error()));
    Q_EMIT conversationUpdated(conversationId);
    return {};
}

void Node::onPeerSeen(const net::SeenPeer &seen)
{
    // Called for every good beacon (one a second per peer): only a new peer or one at a
    // new address costs more than this lookup.
    const QString key = seen.peer.toString();
    auto previous = m_nearby.constFind(key);
    const bool fresh = previous == m_nearby.constEnd();
    const bool moved = !fresh
        && (previous->port != seen.port || !previous->address.isEqual(seen.address, QHostAddress::TolerantConversion));
    const bool contactsOnly = seen.kind == net::Visibility::ContactsOnly;
    // A contacts-only beacon names no one: it came from a contact, whose name we know
    // (looked up once per sighting, not at every beacon).
    const QString name = !contactsOnly                          ? seen.displayName
        : fresh || moved || !previous->contactsOnly             ? m_profile.protocolStore().contactName(seen.peer)
                                                                : previous->displayName;
    m_nearby.insert(key, {seen.peer, name, seen.identityKey, seen.address, seen.port, contactsOnly});
    if (!fresh && !moved)
        return;
    const bool contact = m_profile.protocolStore().identity(seen.peer).has_value();
    if (fresh) {
        Q_EMIT peerDiscovered(m_nearby.value(key));
        if (contact || m_links->isUp(seen.peer))
            Q_EMIT peerOnline(seen.peer, name); // reachable, linked or not
    }
    // The beacon is signed by the key the PeerId is derived from (a contacts-only one
    // carries that signature inside), its timestamp is newer than any before
    // (BeaconFilter), and its address is where it came from: where that peer listens now
    // (a restarted peer has a new port). Only a contact's stored address is updated (a
    // beacon creates no contact). A copy of the beacon sent from elsewhere could at most
    // send one dial astray: a link is the peer's only once its Hello proves the key, and
    // the next genuine beacon moves the address back.
    if (contact)
        m_profile.protocolStore().setContactAddress(seen.peer, seen.address.toString(), seen.port);
    // Dialled only when a link is wanted (something to send, an open conversation, recent
    // messages): never a stranger who merely announced itself, whose Hello would name us
    // to it even when we are visible to contacts only.
    if (m_links->keepsLinked(seen.peer) || wantsLink(seen.peer))
        keepLinked(seen.peer, net::RedialBackoff::spreadMs(net::RedialBackoff::SeenSpreadMs));
}

bool Node::wantsLink(const PeerId &peer)
{
    // Never a blocked contact: its link is closed as soon as it is up (a redial loop).
    if (auto identity = m_profile.protocolStore().identity(peer); identity && identity->trust == protocol::TrustState::Blocked)
        return false;
    // Without discovery a link is the only way either side finds the other (the peer may
    // listen on a new port since): every contact with an address is kept linked, as before.
    if (!m_options.discovery)
        return true;
    if (peer == m_openConversation || m_profile.outbox().hasPending(peer))
        return true;
    const qint64 last = m_lastActivity.value(peer.toString(), 0);
    return last > 0 && QDateTime::currentMSecsSinceEpoch() - last < m_options.linkIdleMs;
}

void Node::setOpenConversation(const PeerId &peer)
{
    m_openConversation = peer;
    // The user looks at it: a reply, a typing notice or a receipt should not wait for a dial.
    if (peer.isValid() && !m_links->isUp(peer))
        keepLinked(peer, 0);
}

void Node::noteActivity(const PeerId &peer) { m_lastActivity.insert(peer.toString(), QDateTime::currentMSecsSinceEpoch()); }

void Node::keepLinked(const PeerId &peer, int delayMs)
{
    // The freshest address first: the peer's latest beacon, else where it last linked.
    auto nearby = m_nearby.constFind(peer.toString());
    if (nearby != m_nearby.constEnd()) {
        m_links->keepLinked(peer, nearby->address, nearby->port, delayMs);
        return;
    }
    for (const storage::ContactRecord &contact : m_profile.protocolStore().contacts())
        if (contact.peer == peer) {
            const QHostAddress address(contact.address);
            if (!address.isNull() && contact.port)
                m_links->keepLinked(peer, address, contact.port, delayMs);
            return;
        }
}

void Node::closeIdleLinks()
{
    // A link to a peer that still beacons, with nothing to send and no message either way
    // for linkIdleMs, is closed: an office of 200 cannot keep a full mesh. The peer stays
    // online (its beacons say it is reachable) and is linked again on demand. Only the end
    // that dialled closes: it wanted the link; the other end cannot tell whether it still
    // does (its conversation may be open), and closing would only make it dial again.
    const qint64 now = m_clock.elapsed();
    QList<PeerId> idle;
    for (auto it = m_linkStates.cbegin(); it != m_linkStates.cend(); ++it) {
        const PeerId peer = PeerId::fromString(it.key());
        const net::Link *link = m_links->link(peer);
        if (link && link->isOutgoing() && m_nearby.contains(it.key()) && now - it->upSinceMs > m_options.linkIdleMs
            && it->inFlight == 0 && !wantsLink(peer))
            idle.append(peer);
    }
    for (const PeerId &peer : idle) {
        m_links->release(peer);
        m_links->disconnectPeer(peer, QStringLiteral("idle"));
    }
    // Nor is a peer that never linked redialled for ever once nothing wants it (its
    // conversation closed, nothing left to send).
    for (const PeerId &peer : m_links->keptPeers())
        if (!m_links->isUp(peer) && !wantsLink(peer))
            m_links->release(peer);
}

void Node::onPeerUp(net::Link *link)
{
    const PeerId peer = link->peer();
    auto status = m_messenger.rememberPeer(peer, link->peerIdentityKey(), link->peerName(), link->remoteAddress().toString(),
                                           link->peerListenPort());
    if (!status) {
        Q_EMIT errorOccurred(QStringLiteral("storage"), status.error().reason);
        return;
    }
    LinkState fresh;
    fresh.upSinceMs = m_clock.elapsed();
    m_linkStates.insert(peer.toString(), fresh);
    if (*status == PeerStatus::Blocked) {
        m_links->release(peer); // not dialled again
        m_links->disconnectPeer(peer, QStringLiteral("blocked"));
        return;
    }
    acceptIfAdded(link); // before the beacon key below: it goes to accepted contacts only
    Q_EMIT peerOnline(peer, link->peerName());
    if (*status == PeerStatus::New)
        offerNamesake(peer);
    giveBeaconKey(peer);
    flush(peer);
}

void Node::offerNamesake(const PeerId &peer)
{
    // Someone named like an older contact who is not online at the same time: maybe the
    // same person, reinstalled (a new key is a new PeerId). Only the user can tell, by
    // comparing safety numbers; until then they stay two contacts.
    const std::optional<PeerId> previous = m_messenger.namesake(peer);
    if (previous && !m_links->isUp(*previous))
        Q_EMIT namesakeFound(peer, *previous);
}

std::expected<std::int64_t, Error> Node::mergeContact(const PeerId &previous, const PeerId &into)
{
    const std::int64_t gone = m_messenger.history().findConversation(previous).value_or(0);
    auto conversation = m_messenger.mergeContact(previous, into);
    if (!conversation)
        return conversation;
    m_linkStates.remove(previous.toString());
    m_links->disconnectPeer(previous, QStringLiteral("merged into another contact"));
    Q_EMIT contactMerged(previous, into, *conversation, gone);
    flush(into); // what waited for the old key is sealed for the new one
    return conversation;
}

void Node::onPeerDown(const PeerId &peer)
{
    m_linkStates.remove(peer.toString());
    // Links are on demand: one we no longer want is not redialled (both ends judge "idle"
    // by the same messages, so the other end's idle close is not fought).
    if (m_options.discovery && !wantsLink(peer))
        m_links->release(peer);
    // Still beaconing: still reachable (an idle close, or a restart that will link again);
    // shown offline when its beacons stop (Discovery::peerLost).
    if (!m_nearby.contains(peer.toString()))
        Q_EMIT peerOffline(peer);
}

void Node::flush(const PeerId &peer)
{
    Q_ASSERT_X(m_profile.database().transactionDepth() == 0, "Node::flush", "frames must leave only after a commit");
    if (!m_links->isUp(peer)) {
        // Something for the peer and no link: make one (links on demand).
        if (!m_links->keepsLinked(peer) && m_profile.outbox().hasPending(peer)) {
            noteActivity(peer);
            keepLinked(peer, 0);
        }
        return;
    }
    if (!m_linkStates.contains(peer.toString()))
        return;
    std::optional<protocol::IdentityRecord> identity = m_profile.protocolStore().identity(peer);
    if (!identity || identity->trust == protocol::TrustState::Blocked)
        return;
    LinkState &state = m_linkStates[peer.toString()];
    // Whatever this adds (and the acknowledgements written before it) leaves now.
    const auto pushed = qScopeGuard([this, &peer] { m_links->push(peer); });
    qCDebug(lcMessenger) << "flush" << peer.toString() << "sentUpTo" << state.sentUpTo << "inFlight" << state.inFlight
                         << "unsealed" << m_profile.outbox().hasUnsealed(peer) << "session" << m_messenger.sessions().hasSession(peer)
                         << "awaitingBundle" << state.awaitingBundle;

    if (m_profile.outbox().hasUnsealed(peer)) {
        if (m_messenger.sessions().hasSession(peer)) {
            if (auto sealed = m_messenger.sealPending(peer); !sealed)
                Q_EMIT errorOccurred(QStringLiteral("seal_failed"), sealed.error().reason);
        } else if (!state.awaitingBundle && state.bundleRequests < MaxBundleRequests) {
            wire::Frame request;
            request.mutable_bundle_request();
            state.awaitingBundle = m_links->send(peer, request);
            ++state.bundleRequests;
        }
    }
    if (state.inFlight > 0 && SendWindow - state.inFlight < SendRefill)
        return; // the acknowledgements on their way flush again
    while (state.inFlight < SendWindow) {
        const std::vector<storage::OutboxEntry> entries =
            m_profile.outbox().pending(peer, state.sentUpTo, std::min(128, SendWindow - state.inFlight));
        if (entries.empty())
            break;
        for (const storage::OutboxEntry &entry : entries) {
            if (entry.ciphertext.isEmpty())
                return; // order: nothing passes a message still waiting to be sealed
            wire::Frame frame;
            wire::Envelope *envelope = frame.mutable_envelope();
            envelope->set_id(quint64(entry.id));
            envelope->set_kind(quint32(entry.kind));
            envelope->set_ciphertext(entry.ciphertext.toStdString());
            if (!m_links->send(peer, frame))
                return;
            state.sentUpTo = entry.id;
            if (state.inFlight++ == 0)
                state.lastProgressMs = m_clock.elapsed(); // the timeout counts from the first in flight
        }
    }
}

void Node::emitChanges(const std::vector<StateChange> &changes)
{
    for (const StateChange &change : changes)
        Q_EMIT messageStateChanged(change.uuid, change.state);
}

void Node::onFrames(const PeerId &peer, const std::vector<wire::Frame> &frames)
{
    // Acknowledgements and envelopes that arrived together are handled together, in one
    // transaction; any other frame is a boundary, so everything else keeps its order.
    messenger::Inbound inbound;
    std::vector<quint64> envelopeIds;
    const auto drain = [&] {
        if (inbound.messages.empty() && inbound.acked.empty() && inbound.rejected.empty())
            return;
        onInbound(peer, inbound, envelopeIds);
        inbound = {};
        envelopeIds.clear();
    };
    bool missingArrived = false; // this read carries the envelope later ones wait for
    for (const wire::Frame &frame : frames) {
        switch (frame.body_case()) {
        case wire::Frame::kEnvelope: {
            // After one we could not store, the later ones wait for it (the peer resends
            // them all, in order, after it); once it is in this read, those after it may
            // follow it (if it fails again, the messenger does not try them).
            if (auto state = m_linkStates.find(peer.toString());
                state != m_linkStates.end() && state->missingFrom && m_clock.elapsed() - state->missingSinceMs > LinkState::MissingGiveUpMs) {
                qCInfo(lcMessenger) << "envelope" << state->missingFrom << "never came again; taking what follows";
                state->missingFrom = 0;
            }
            const quint64 missingFrom = m_linkStates.value(peer.toString()).missingFrom;
            const quint64 id = frame.envelope().id();
            if (missingFrom && id > missingFrom && !missingArrived) {
                qCDebug(lcMessenger) << "envelope" << id << "waits for" << missingFrom;
                break;
            }
            missingArrived = missingArrived || (missingFrom && id == missingFrom);
            inbound.messages.push_back({protocol::MessageKind(frame.envelope().kind()), QByteArray::fromStdString(frame.envelope().ciphertext())});
            envelopeIds.push_back(frame.envelope().id());
            break;
        }
        case wire::Frame::kAck:
            // Id 0 names no outbox entry (an ephemeral envelope, which a version-1 peer may
            // still reject): it must not free a slot of the send window.
            std::copy_if(frame.ack().ids().begin(), frame.ack().ids().end(), std::back_inserter(inbound.acked), [](quint64 id) { return id != 0; });
            std::copy_if(frame.ack().rejected().begin(), frame.ack().rejected().end(), std::back_inserter(inbound.rejected),
                         [](quint64 id) { return id != 0; });
            break;
        case wire::Frame::kBundleRequest: {
            drain();
            LinkState &state = m_linkStates[peer.toString()];
            if (++state.bundlesServed > MaxBundleRequests) {
                m_links->disconnectPeer(peer, QStringLiteral("too many bundle requests"));
                return;
            }
            auto bundle = m_messenger.bundle();
            if (!bundle) {
                Q_EMIT errorOccurred(QStringLiteral("bundle_failed"), bundle.error().reason);
                break;
            }
            wire::Frame response;
            response.mutable_bundle_response()->set_bundle(bundle->toStdString());
            m_links->send(peer, response);
            break;
        }
        case wire::Frame::kBundleResponse: {
            drain();
            LinkState &state = m_linkStates[peer.toString()];
            if (!state.awaitingBundle)
                break; // unasked for: ignored
            state.awaitingBundle = false;
            net::Link *link = m_links->link(peer);
            auto started = m_messenger.startSession(peer, link ? link->peerIdentityKey() : QByteArray(),
                                                    QByteArray::fromStdString(frame.bundle_response().bundle()));
            if (!started) {
                Q_EMIT errorOccurred(QStringLiteral("session_failed"), started.error().reason);
                break;
            }
            flush(peer);
            break;
        }
        case wire::Frame::kBeaconKey: {
            drain();
            // A stranger's or a blocked contact's key is not kept (nothing to recognise).
            if (auto kept = m_messenger.rememberBeaconKey(peer, QByteArray::fromStdString(frame.beacon_key().key())); !kept)
                qCInfo(lcMessenger) << "beacon key from" << peer.toString() << "not kept:" << kept.error().reason;
            break;
        }
        default:
            break;
        }
    }
    drain();
}

void Node::onInbound(const PeerId &peer, const messenger::Inbound &inbound, const std::vector<quint64> &envelopeIds)
{
    // A stranger writing into a conversation that has nothing yet: a new message request.
    const bool request = !inbound.messages.empty() && !m_messenger.isAccepted(peer);
    const bool firstWords = request && !m_profile.messages().hasMessages(peer);
    // Our frames leave, and acknowledgements of theirs, only after this commit.
    const messenger::Inbound::Result result = m_messenger.receiveInbound(peer, inbound);
    bool acknowledged = false;
    if (!inbound.acked.empty() || !inbound.rejected.empty()) {
        if (!result.acknowledged) {
            Q_EMIT errorOccurred(QStringLiteral("storage"), result.acknowledged.error().reason);
        } else {
            LinkState &state = m_linkStates[peer.toString()];
            state.inFlight = std::max(0, state.inFlight - int(inbound.acked.size() + inbound.rejected.size()));
            state.lastProgressMs = m_clock.elapsed();
            emitChanges(*result.acknowledged);
            acknowledged = true;
        }
    }
    const auto &results = result.received;
    wire::Frame ackFrame;
    wire::Ack *ack = ackFrame.mutable_ack();
    std::vector<QByteArray> delivered;
    std::vector<StateChange> changes;
    // Envelope id 0 is ephemeral (typing): it was never in the peer's outbox, so it is
    // never acknowledged or rejected.
    const auto acknowledge = [&](quint64 id) { if (id) ack->add_ids(id); };
    bool storageFailed = false;
    std::vector<std::int64_t> groupsChanged;
    std::vector<PeerId> keysQueued; // our sender key, queued for members by a group change
    for (std::size_t i = 0; i < results.size(); ++i) {
        const quint64 id = envelopeIds[i];
        const auto &r = results[i];
        if (id) {
            LinkState &state = m_linkStates[peer.toString()];
            if (!r && willBeResent(r.error().code)) {
                if (!state.missingFrom || id < state.missingFrom) {
                    qCInfo(lcMessenger) << "envelope" << id << "not stored; later ones wait for it";
                    state.missingFrom = id;
                    state.missingSinceMs = m_clock.elapsed();
                }
                storageFailed = storageFailed || r.error().code == Errc::Storage;
            } else if (id == state.missingFrom) {
                state.missingFrom = 0; // in (or settled): what follows may come
            }
        }
        if (r) {
            acknowledge(id);
            if (r->groupUpdated)
                groupsChanged.push_back(r->groupUpdated);
            keysQueued.insert(keysQueued.end(), r->queuedFor.begin(), r->queuedFor.end());
            if (r->kind == Incoming::Kind::Text && r->message) {
                delivered.push_back(r->message->uuid);
                noteActivity(peer);
                Q_EMIT messageReceived(*r->message);
                if (r->message->kind == storage::MessageKind::TimerChanged)
                    Q_EMIT conversationUpdated(r->message->conversationId); // the peer set the timer
            } else if (r->kind == Incoming::Kind::Text && r->duplicate) {
                qCDebug(lcMessenger) << "duplicate text" << id;
                continue;
            } else if (r->kind == Incoming::Kind::Update && r->message) {
                Q_EMIT messageUpdated(*r->message);
            } else if (r->kind == Incoming::Kind::Typing && r->typingGroup) {
                Q_EMIT groupTypingChanged(r->typingGroup, peer, r->typing);
            } else if (r->kind == Incoming::Kind::Typing) {
                Q_EMIT typingChanged(peer, r->typing);
            } else if (r->kind == Incoming::Kind::Ignored) {
                continue;
            } else {
                qCDebug(lcMessenger) << "envelope" << id << "kind" << int(r->kind) << "acks" << r->acknowledged.size();
                for (const QByteArray &uuid : r->memberAcknowledged)
                    Q_EMIT memberStateChanged(uuid, r->receiptState, peer);
                changes.insert(changes.end(), r->groupStates.begin(), r->groupStates.end());
                for (const QByteArray &uuid : r->acknowledged)
                    changes.push_back({uuid, r->receiptState});
            }
            continue;
        }
        qCDebug(lcMessenger) << "envelope" << id << "failed:" << r.error().reason;
        switch (r.error().code) {
        case Errc::Duplicate:
        case Errc::Blocked:
            acknowledge(id); // already have it / silently dropped: stop the resends
            break;
        case Errc::InvalidMessage:
        case Errc::UntrustedKey: // a PreKey message naming a key that is not the PeerId's
        case Errc::NoSession:    // a Whisper message for a session we do not have: the sender resets
            if (id)
                ack->add_rejected(id);
            break;
        case Errc::Deferred:
            break; // not acknowledged: comes again after the one that failed
        default:
            Q_EMIT errorOccurred(QStringLiteral("receive_failed"), r.error().reason);
            break; // not acknowledged: the peer resends
        }
    }
    // A full disk: the log gives back what it holds, and does not grow into what is left.
    if (storageFailed)
        m_profile.database().shrinkLog();
    if (ack->ids_size() || ack->rejected_size())
        m_links->send(peer, ackFrame);
    // Broken sessions (a restored backup on either side): reset, and everything waiting
    // goes again, sealed after a fresh X3DH, from the start of the outbox.
    m_messenger.resetBrokenSessions();
    for (const PeerId &reset : m_messenger.takeSessionResets()) {
        if (auto state = m_linkStates.find(reset.toString()); state != m_linkStates.end()) {
            state->sentUpTo = 0;
            state->inFlight = 0;
            state->bundleRequests = 0;
            state->awaitingBundle = false;
        }
        Q_EMIT sessionReset(reset);
        if (reset != peer)
            flush(reset);
        else
            acknowledged = true; // flushed below
    }
    emitChanges(changes);
    for (std::int64_t conversation : groupsChanged) {
        Q_EMIT groupUpdated(conversation);
        deliverParked(conversation); // what came before this state, from any member
    }
    for (const PeerId &member : keysQueued)
        if (member != peer)
            flush(member);
    if (firstWords && !delivered.empty())
        if (std::optional<std::int64_t> conversation = m_profile.messages().findConversation(peer))
            Q_EMIT messageRequest(peer, *conversation);
    if (acknowledged || !delivered.empty())
        flush(peer); // the window moved, or delivery receipts were sealed with the messages
}

} // namespace sotto::messenger
