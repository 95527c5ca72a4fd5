// SPDX-License-Identifier: GPL-3.0-or-later
// LinkManager accepts and opens links, keeps at most one proven link per peer (when both
// sides connect at once, the link opened by the peer with the smaller PeerId survives),
// keeps the links it is asked to keep (a peer at its latest address, or an address given
// by the user) by redialling with jittered backoff (RedialBackoff), and bounds what
// strangers can make it hold: unproven connections per remote address and in total, each for at most
// Link::HandshakeTimeoutMs. When the total is reached a newcomer takes the slot of the
// oldest unproven connection of the address holding the most, so one source (or a few)
// cannot keep a peer that proves itself out. It hands proven frames up and takes frames
// down; it does not interpret them. Which peers deserve a link is the caller's choice.
#pragma once

#include "core/net/Link.h"
#include "core/net/TlsIdentity.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>

namespace sotto::net {

class LinkManager : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxUnproven = 128;
    static constexpr int MaxUnprovenPerAddress = 8;

    LinkManager(LocalIdentity &local, const TlsIdentity &tls, crypto::SignalContext &context, QObject *parent = nullptr);
    ~LinkManager() override;

    // Binds the listener; port 0 picks one. Returns the bound port or 0.
    quint16 listen(const QHostAddress &address, quint16 port);
    quint16 listenPort() const;

    // Dials now and keeps redialling this address (RedialBackoff) while no proven link to
    // the peer behind it is up. Once a proven link shows who listens there, the address
    // becomes that peer's (keepLinked) and follows the peer when it moves.
    void addAddress(const QHostAddress &address, quint16 port);
    // Keeps a link to `peer`: dials address:port after `delayMs` unless a link is up, and
    // redials with backoff while none is. Called again with another address or port (a
    // beacon from a restarted peer, or a proven link naming a new listening port), the
    // address is replaced, the backoff starts over and the dial comes after `delayMs`; with
    // the same one, nothing changes (a beacon a second must not reset the backoff). The
    // address only says where to dial: a link is the peer's only once its Hello proves it.
    void keepLinked(const protocol::PeerId &peer, const QHostAddress &address, quint16 port, int delayMs);
    // Stops redialling `peer`; a link that is up stays up.
    void release(const protocol::PeerId &peer);
    bool keepsLinked(const protocol::PeerId &peer) const { return m_targets.contains(peer.toString()); }
    QList<protocol::PeerId> keptPeers() const;

    bool isUp(const protocol::PeerId &peer) const { return m_up.contains(peer.toString()); }
    Link *link(const protocol::PeerId &peer) const { return m_up.value(peer.toString()); }
    bool send(const protocol::PeerId &peer, const wire::Frame &frame);
    void push(const protocol::PeerId &peer); // Link::push
    void disconnectPeer(const protocol::PeerId &peer, const QString &reason);

Q_SIGNALS:
    void peerUp(sotto::net::Link *link);
    // The peer's link closed and no other link to it is up or about to be: a link that
    // lost the tie-break to a duplicate is not reported (on either side; see onClosed).
    void peerDown(const sotto::protocol::PeerId &peer);
    void framesReceived(const sotto::protocol::PeerId &peer, const std::vector<sotto::wire::Frame> &frames);
    // An attachment slice read in place (Link::sliceReceived: its views hold only during the call).
    void sliceReceived(const sotto::protocol::PeerId &peer, const sotto::net::ChunkSlice &slice);

private:
    struct Dialled {
        QHostAddress address;
        quint16 port = 0;
        int failures = 0;
        protocol::PeerId peer; // learnt from the first proven link
        QTimer *timer = nullptr;
    };
    // A peer we keep a link to, at its latest known address.
    struct Target {
        protocol::PeerId peer;
        QHostAddress address;
        quint16 port = 0;
        int failures = 0; // dials since the last proven one
        Link *dialling = nullptr;
        QTimer *timer = nullptr;
    };
    class Server;

    Link *adopt(QSslSocket *socket, bool outgoing, Dialled *dialled, const QHostAddress &address, quint16 port);
    void onEstablished(Link *link);
    void onClosed(Link *link, const QString &reason);
    void scheduleRedial(Dialled *dialled);
    void dialTarget(Target *target);
    void scheduleTarget(Target *target, int delayMs);
    // The address a dialled address entry learnt its peer at becomes that peer's target.
    void adoptAsTarget(Dialled *dialled);
    // An unproven link settled (up for some peer, or closed): peers whose link closed while
    // it might have been their replacement are reported down once none is left.
    void settleReplacement(Link *link);
    // The peer behind a dialled address, learnt from a proven link that listens there.
    void learnPeer(Dialled *dialled);
    static bool listensAt(const Link *link, const Dialled *dialled);
    QSslConfiguration tlsConfiguration() const;
    bool admitUnproven(const QHostAddress &address);
    bool evictUnproven(int newcomerCount);

    LocalIdentity &m_local;
    const TlsIdentity &m_tls;
    crypto::SignalContext &m_context;
    std::unique_ptr<Server> m_server;
    QHash<QString, Link *> m_up;                  // peer id -> proven link
    QHash<Link *, Dialled *> m_linkDial;          // outgoing links made for a dialled address
    QHash<QString, Target *> m_targets;           // peer id -> where we keep dialling it (freed with its timer)
    QHash<Link *, QString> m_linkTarget;          // outgoing links made for a target
    // peer id -> unproven links from or to its address that were in progress when its link
    // closed: one of them may be the duplicate that replaced it at the other end.
    QHash<QString, QList<Link *>> m_downPending;
    QHash<QString, int> m_unprovenByAddress;
    int m_unproven = 0;
    std::vector<std::unique_ptr<Dialled>> m_dialled;
};

} // namespace sotto::net
