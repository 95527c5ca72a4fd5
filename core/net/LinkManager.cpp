// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/LinkManager.h"

#include "core/net/NetLog.h"
#include "core/net/RedialBackoff.h"

namespace sotto::net {

class LinkManager::Server : public QTcpServer {
public:
    explicit Server(LinkManager *manager)
        : m_manager(manager)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (!m_manager->admitUnproven(socket->peerAddress())) {
            qCWarning(lcNet).noquote() << "refusing a connection from" << socket->peerAddress().toString()
                                       << ": too many unproven connections";
            socket->abort();
            socket->deleteLater();
            return;
        }
        m_manager->adopt(socket, false, nullptr, socket->peerAddress(), socket->peerPort());
        socket->startServerEncryption();
    }

private:
    LinkManager *m_manager;
};

LinkManager::LinkManager(LocalIdentity &local, const TlsIdentity &tls, crypto::SignalContext &context, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_tls(tls)
    , m_context(context)
    , m_server(std::make_unique<Server>(this))
{
}

LinkManager::~LinkManager()
{
    m_server->close(); // targets go with their timers (our children), see keepLinked
    // Links are QObject children and go with us; disconnect first so no slot runs half-way.
    for (Link *link : findChildren<Link *>())
        link->disconnect(this);
}

QSslConfiguration LinkManager::tlsConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_3);
    config.setLocalCertificate(m_tls.certificate());
    config.setPrivateKey(m_tls.privateKey());
    // Both sides present a certificate; neither is checked against a CA: the Hello proof
    // binds each certificate to an identity key.
    config.setPeerVerifyMode(QSslSocket::QueryPeer);
    config.setCaCertificates({});
    return config;
}

quint16 LinkManager::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        qCWarning(lcNet).noquote() << "cannot listen on" << address.toString() << port << ":" << m_server->errorString();
        return 0;
    }
    m_server->setMaxPendingConnections(MaxUnproven);
    m_local.listenPort = m_server->serverPort();
    qCInfo(lcNet) << "accepting links on port" << m_local.listenPort;
    return m_local.listenPort;
}

quint16 LinkManager::listenPort() const { return m_server->isListening() ? m_server->serverPort() : 0; }

bool LinkManager::admitUnproven(const QHostAddress &address)
{
    const QString key = address.toString();
    if (m_unprovenByAddress.value(key) >= MaxUnprovenPerAddress)
        return false;
    if (m_unproven >= MaxUnproven && !evictUnproven(m_unprovenByAddress.value(key) + 1))
        return false;
    ++m_unproven;
    ++m_unprovenByAddress[key];
    return true;
}

bool LinkManager::evictUnproven(int newcomerCount)
{
    // The address holding the most unproven connections gives up its oldest, if it holds
    // more than the newcomer's address would: a lone peer is never pushed out by a crowd.
    QString crowded;
    int most = 0;
    for (auto it = m_unprovenByAddress.cbegin(); it != m_unprovenByAddress.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            crowded = it.key();
        }
    if (most <= newcomerCount)
        return false;
    Link *oldest = nullptr;
    for (Link *link : findChildren<Link *>(Qt::FindDirectChildrenOnly))
        if (link->state() != Link::State::Up && link->state() != Link::State::Closed
            && link->property("unprovenAddress").toString() == crowded && (!oldest || link->age() > oldest->age()))
            oldest = link;
    if (!oldest)
        return false;
    oldest->close(QStringLiteral("unproven slot taken by a newer connection"));
    return m_unproven < MaxUnproven;
}

Link *LinkManager::adopt(QSslSocket *socket, bool outgoing, Dialled *dialled, const QHostAddress &address, quint16 port)
{
    socket->setSslConfiguration(tlsConfiguration());
    auto *link = new Link(socket, outgoing, m_local, m_context, this);
    link->setEndpoint(QStringLiteral("%1:%2").arg(address.toString()).arg(port));
    // Counted against its address until proven (see admitUnproven).
    link->setProperty("unprovenAddress", address.toString());
    if (dialled)
        m_linkDial.insert(link, dialled);
    connect(link, &Link::established, this, &LinkManager::onEstablished);
    connect(link, &Link::closed, this, &LinkManager::onClosed);
    connect(link, &Link::framesReceived, this, [this](Link *l, const std::vector<wire::Frame> &frames) {
        if (m_up.value(l->peer().toString()) == l)
            Q_EMIT framesReceived(l->peer(), frames);
    });
    connect(link, &Link::sliceReceived, this, [this](Link *l, const ChunkSlice &slice) {
        if (m_up.value(l->peer().toString()) == l)
            Q_EMIT sliceReceived(l->peer(), slice);
    });
    return link;
}

void LinkManager::addAddress(const QHostAddress &address, quint16 port)
{
    for (const auto &d : m_dialled)
        if (d->address == address && d->port == port)
            return;
    auto dialled = std::make_unique<Dialled>();
    dialled->address = address;
    dialled->port = port;
    dialled->timer = new QTimer(this);
    dialled->timer->setSingleShot(true);
    Dialled *raw = dialled.get();
    connect(raw->timer, &QTimer::timeout, this, [this, raw] {
        // Once its peer is known the address is that peer's target (adoptAsTarget), dialled
        // at the peer's latest address for as long as the caller keeps it.
        if (raw->peer.isValid())
            return;
        auto *socket = new QSslSocket;
        if (!admitUnproven(raw->address)) {
            delete socket;
            scheduleRedial(raw);
            return;
        }
        adopt(socket, true, raw, raw->address, raw->port);
        socket->connectToHostEncrypted(raw->address.toString(), raw->port, QString());
    });
    m_dialled.push_back(std::move(dialled));
    learnPeer(raw); // the peer behind it may have linked to us already
    if (raw->peer.isValid())
        adoptAsTarget(raw);
    raw->timer->start(0);
}

void LinkManager::adoptAsTarget(Dialled *dialled)
{
    // The user asked for this address: keep a link to whoever proved to listen there. If
    // the peer is already kept (at its latest address), that address wins.
    if (!m_targets.contains(dialled->peer.toString()))
        keepLinked(dialled->peer, dialled->address, dialled->port, 0);
}

void LinkManager::keepLinked(const protocol::PeerId &peer, const QHostAddress &address, quint16 port, int delayMs)
{
    if (!peer.isValid() || address.isNull() || port == 0 || peer == m_local.peer)
        return;
    const QString key = peer.toString();
    Target *target = m_targets.value(key);
    if (target && target->port == port && target->address.isEqual(address, QHostAddress::TolerantConversion))
        return;
    if (!target) {
        target = new Target;
        target->peer = peer;
        target->timer = new QTimer(this);
        target->timer->setSingleShot(true);
        connect(target->timer, &QTimer::timeout, this, [this, target] { dialTarget(target); });
        // The target lives as long as its timer: freed with us, or after release().
        connect(target->timer, &QObject::destroyed, [target] { delete target; });
        m_targets.insert(key, target);
    } else {
        qCInfo(lcNet).noquote() << "peer" << key << "moved to port" << port;
    }
    target->address = address;
    target->port = port;
    target->failures = 0;
    if (!isUp(peer))
        scheduleTarget(target, delayMs);
}

void LinkManager::release(const protocol::PeerId &peer)
{
    Target *target = m_targets.take(peer.toString());
    if (!target)
        return;
    // Freed later, not now: release may run while dialTarget is using this target (admitting
    // its dial may close another link, whose peer's down report makes the caller release
    // peers). A dial in progress goes on; m_linkTarget finds no target when it ends.
    target->timer->stop();
    target->timer->deleteLater(); // and the target with it
}

void LinkManager::scheduleTarget(Target *target, int delayMs)
{
    // A dial in progress is left to finish; its end schedules the next one.
    if (!target->dialling)
        target->timer->start(std::max(0, delayMs));
}

QList<protocol::PeerId> LinkManager::keptPeers() const
{
    QList<protocol::PeerId> out;
    for (const Target *target : m_targets)
        out.append(target->peer);
    return out;
}

void LinkManager::dialTarget(Target *target)
{
    if (isUp(target->peer) || target->dialling)
        return;
    if (!admitUnproven(target->address)) {
        scheduleTarget(target, RedialBackoff::delayMs(target->failures++));
        return;
    }
    auto *socket = new QSslSocket;
    Link *link = adopt(socket, true, nullptr, target->address, target->port);
    link->expectPeer(target->peer); // whoever else answers there learns nothing of us
    m_linkTarget.insert(link, target->peer.toString());
    target->dialling = link;
    socket->connectToHostEncrypted(target->address.toString(), target->port, QString());
}

bool LinkManager::listensAt(const Link *link, const Dialled *dialled)
{
    // The proven peer's Hello names the port it listens on; its address is the link's.
    return link->peerListenPort() == dialled->port && link->remoteAddress().isEqual(dialled->address, QHostAddress::TolerantConversion);
}

void LinkManager::learnPeer(Dialled *dialled)
{
    if (dialled->peer.isValid())
        return;
    for (Link *link : std::as_const(m_up))
        if (listensAt(link, dialled)) {
            dialled->peer = link->peer();
            return;
        }
}

void LinkManager::scheduleRedial(Dialled *dialled)
{
    dialled->timer->start(RedialBackoff::delayMs(dialled->failures++));
}

void LinkManager::onEstablished(Link *link)
{
    const QString address = link->property("unprovenAddress").toString();
    --m_unproven;
    if (--m_unprovenByAddress[address] <= 0)
        m_unprovenByAddress.remove(address);
    link->setProperty("unprovenAddress", QVariant());

    const QString key = link->peer().toString();
    // The peer has a proven link again (this one or, below, one it lost to): a close that
    // waited to see whether this was its replacement is not reported.
    m_downPending.remove(key);
    settleReplacement(link);
    // Proven: the dialled address belongs to this peer, whichever of two links survives.
    // Learnt before the duplicate check, and from accepted links too (the peer's Hello
    // names its listening port): when both sides dial at once, our own dial may lose, or
    // be closed by the peer before we proved it; its redial must then see the peer up and
    // stay quiet instead of dialling again behind the surviving link.
    if (Dialled *d = m_linkDial.value(link)) {
        d->peer = link->peer();
        d->failures = 0;
    }
    for (const auto &d : m_dialled) {
        if (!d->peer.isValid() && listensAt(link, d.get()))
            d->peer = link->peer();
        if (d->peer == link->peer())
            adoptAsTarget(d.get());
    }
    // A dial made for a kept peer is over once proven. Anyone else who answers there (the
    // peer moved and its old port is another's now) is refused by the link before our
    // Hello goes (Link::expectPeer); should one get this far, it is closed all the same:
    // a failed dial, not a new contact.
    const QString dialledFor = m_linkTarget.take(link);
    if (Target *target = m_targets.value(dialledFor)) {
        if (target->dialling == link)
            target->dialling = nullptr;
        if (dialledFor == key) {
            target->failures = 0;
        } else {
            scheduleTarget(target, RedialBackoff::delayMs(target->failures++));
            link->close(QStringLiteral("answered by another peer than the one dialled"));
            return;
        }
    }
    if (Target *target = m_targets.value(key)) {
        // A proven link names where the peer listens now (a restarted peer that dialled us
        // first listens on a new port): later redials go there.
        if (link->peerListenPort() != 0 && !link->remoteAddress().isNull()
            && (link->peerListenPort() != target->port
                || !link->remoteAddress().isEqual(target->address, QHostAddress::TolerantConversion))) {
            target->address = link->remoteAddress();
            target->port = link->peerListenPort();
            target->failures = 0;
        }
    }
    if (Link *existing = m_up.value(key)) {
        // Both sides dialled at once: keep the link opened by the smaller PeerId, so both
        // ends make the same choice without talking about it. But a process listens on one
        // port for its life: a link whose Hello names another listening port than the one
        // up comes from the peer restarted, and the old link (to a process that is gone,
        // maybe without a reset) gives way, or the peer would be kept out until its
        // keepalive ran out.
        const bool restarted = link->peerListenPort() != 0 && existing->peerListenPort() != 0
            && link->peerListenPort() != existing->peerListenPort();
        const bool weAreSmaller = m_local.peer.toString() < key;
        const bool keepNew = restarted || (link->isOutgoing() == weAreSmaller && existing->isOutgoing() != weAreSmaller);
        Link *loser = keepNew ? existing : link;
        if (loser == existing)
            m_up.remove(key); // so its close does not report the peer down
        loser->close(restarted ? QStringLiteral("replaced by a link to the restarted peer") : QStringLiteral("duplicate link"));
        if (loser == link)
            return;
    }
    m_up.insert(key, link);
    qCInfo(lcNet).noquote() << "link up with" << key << (link->isOutgoing() ? "(dialled)" : "(accepted)");
    Q_EMIT peerUp(link);
}

void LinkManager::settleReplacement(Link *link)
{
    for (auto it = m_downPending.begin(); it != m_downPending.end();) {
        it->removeAll(link);
        if (!it->isEmpty()) {
            ++it;
            continue;
        }
        const protocol::PeerId peer = protocol::PeerId::fromString(it.key());
        it = m_downPending.erase(it);
        if (!isUp(peer))
            Q_EMIT peerDown(peer);
    }
}

void LinkManager::onClosed(Link *link, const QString &)
{
    const QString address = link->property("unprovenAddress").toString();
    if (!address.isEmpty()) {
        --m_unproven;
        if (--m_unprovenByAddress[address] <= 0)
            m_unprovenByAddress.remove(address);
    }
    settleReplacement(link);
    const QString key = link->peer().toString();
    const bool wasUp = link->peer().isValid() && m_up.value(key) == link;
    bool downLater = false;
    if (wasUp) {
        m_up.remove(key);
        // Both sides dialled at once and the other end closed this one as the duplicate:
        // the survivor is already on its way (from or to the same address) but not proven
        // here yet. The peer is reported down only if none of those links comes up for it
        // (each is closed within Link::HandshakeTimeoutMs of its start at the latest).
        QList<Link *> candidates;
        for (Link *other : findChildren<Link *>(Qt::FindDirectChildrenOnly))
            if (other != link && other->state() != Link::State::Up && other->state() != Link::State::Closed
                && QHostAddress(other->property("unprovenAddress").toString()).isEqual(link->remoteAddress(), QHostAddress::TolerantConversion))
                candidates.append(other);
        if (!candidates.isEmpty()) {
            m_downPending.insert(key, candidates);
            downLater = true;
        }
    }
    if (Dialled *d = m_linkDial.take(link)) {
        // Closed before we proved it (the peer kept its own dial to us): the address still
        // belongs to a peer that is up, and the redial must then stay quiet.
        learnPeer(d);
        if (d->peer.isValid())
            adoptAsTarget(d);
        scheduleRedial(d);
    }
    // A dial for a kept peer that closed unproven failed; a link to it that was up and
    // dropped starts over (failures were reset when it was proven), so the first redial
    // comes within a second.
    const QString dialledFor = m_linkTarget.take(link);
    Target *target = m_targets.value(dialledFor.isEmpty() ? key : dialledFor);
    if (target && target->dialling == link)
        target->dialling = nullptr;
    if (target && !isUp(target->peer) && (wasUp || !dialledFor.isEmpty()))
        scheduleTarget(target, RedialBackoff::delayMs(target->failures++));
    link->deleteLater();
    if (wasUp && !downLater)
        Q_EMIT peerDown(link->peer());
}

bool LinkManager::send(const protocol::PeerId &peer, const wire::Frame &frame)
{
    Link *link = m_up.value(peer.toString());
    return link && link->send(frame);
}

void LinkManager::push(const protocol::PeerId &peer)
{
    if (Link *link = m_up.value(peer.toString()))
        link->push();
}

void LinkManager::disconnectPeer(const protocol::PeerId &peer, const QString &reason)
{
    if (Link *link = m_up.value(peer.toString()))
        link->close(reason);
}

} // namespace sotto::net
