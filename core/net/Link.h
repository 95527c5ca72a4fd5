// SPDX-License-Identifier: GPL-3.0-or-later
// A Link is one TLS 1.3 connection to a peer, proven in its first frames: each side signs
// both certificates' hashes with its identity key (Hello), so the TLS channel is bound to
// the identity safety numbers show. Until the proof checks out only a Hello is accepted;
// anything else, a frame over the cap or one that does not parse closes the link with a
// logged reason. It owns its socket; it knows nothing of messages or the database.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/net/FrameCodec.h"
#include "core/net/HelloCheck.h"
#include "core/net/LocalIdentity.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSslSocket>
#include <QTimer>

#include <vector>

namespace sotto::net {

class Link : public QObject {
    Q_OBJECT
public:
    enum class State { Connecting, Proving, Up, Closed };

    Link(QSslSocket *socket, bool outgoing, const LocalIdentity &local, crypto::SignalContext &context, QObject *parent = nullptr);
    ~Link() override;

    State state() const { return m_state; }
    bool isOutgoing() const { return m_outgoing; }
    // Known once the proof checked out.
    const protocol::PeerId &peer() const { return m_peer; }
    const QByteArray &peerIdentityKey() const { return m_peerKey; }
    const QString &peerName() const { return m_peerName; }
    quint16 peerListenPort() const { return m_peerListenPort; }
    // The Content version both ends speak on this link: the lower of the two.
    quint32 peerContentVersion() const { return m_peerContentVersion; }
    static constexpr quint32 ContentVersion = 5; // 3: groups, 4: attachments, 5: typing and attachments in groups, larger slices (docs/PROTOCOL.md)
    // The link version both ends speak: the lower of the two Hellos' (2 or 3).
    quint32 peerLinkVersion() const { return m_peerLinkVersion; }
    // The other end's address; still known after the connection closed.
    QHostAddress remoteAddress() const;
    // The port the connection is to (for a link we dialled: the one we dialled, not a
    // claim of the peer's); 0 before TLS is done.
    quint16 remotePort() const { return m_remotePort; }
    // "address:port" of the other end, named in log lines while the link is unproven.
    void setEndpoint(const QString &endpoint) { m_endpoint = endpoint; }
    // A dial for a known peer (set before TLS is done): our Hello, which names us, waits
    // for the other end's, and goes only if that proves this PeerId; anyone else who
    // answers at the address (it was reused, or a replayed beacon pointed there) gets the
    // link closed and learns nothing of us.
    void expectPeer(const protocol::PeerId &peer) { m_expectedPeer = peer; }

    bool send(const wire::Frame &frame);
    // What send() left in the socket's buffer is encrypted and written now (as far as the
    // socket takes it without blocking), not when the event loop next turns: that turn may
    // first run a long batch of other work (a read of 700 commands), while the peer waits
    // with nothing to do for the frames (acknowledgements, the next window) it needs.
    void push();
    // A ChunkData frame written as a small header, then `slice.data` straight from the
    // caller's buffer into the socket's (not first into a protobuf string and a frame).
    bool sendSlice(const ChunkSlice &slice);
    // Back-pressure for bulk data (attachments): bytes handed to the socket and not yet
    // written to the network. Chat frames are sent at once; bulk frames only while this is
    // below a small bound, so a message never waits behind a file. `drained` says when
    // some of it went out.
    qint64 bytesToWrite() const { return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite(); }
    void close(const QString &reason);

    // TLS and the link proof must be done this long after the connection began.
    static constexpr int HandshakeTimeoutMs = 10000;
    qint64 age() const { return m_started.elapsed(); }
    static constexpr int KeepaliveMs = 10000;
    static constexpr int IdleTimeoutMs = 35000;

Q_SIGNALS:
    void established(sotto::net::Link *link);
    // All frames that arrived in one read, in order (lets the reader commit them together).
    void framesReceived(sotto::net::Link *link, const std::vector<sotto::wire::Frame> &frames);
    // A ChunkData frame read in place: its views hold only during the call (receivers copy
    // what they keep). Frames before it in the same read were emitted first, so the order
    // of frames on the link is the order receivers see.
    void sliceReceived(sotto::net::Link *link, const sotto::net::ChunkSlice &slice);
    void closed(sotto::net::Link *link, const QString &reason);
    void drained(sotto::net::Link *link);

private:
    void onEncrypted();
    void onReadyRead();
    void takeFrames();
    bool acceptHello(const wire::Hello &hello);
    void sendHello();

    QSslSocket *m_socket;
    bool m_outgoing;
    const LocalIdentity &m_local;
    crypto::SignalContext &m_context;
    State m_state = State::Connecting;
    FrameReader m_reader;
    QTimer m_timer;
    QElapsedTimer m_lastReceived;
    QElapsedTimer m_started;
    protocol::PeerId m_peer;
    QByteArray m_peerKey;
    QString m_peerName;
    quint16 m_peerListenPort = 0;
    quint32 m_peerContentVersion = 1;
    quint32 m_peerLinkVersion = MinHelloVersion;
    bool m_helloSent = false;
    protocol::PeerId m_expectedPeer; // see expectPeer
    QString m_endpoint; // "address:port" for log lines
    QHostAddress m_remoteAddress; // kept once connected: the socket forgets it when it closes
    quint16 m_remotePort = 0;
    QString m_refusal;  // why a Hello was refused, when it is more than a bad proof
    bool m_takeQueued = false; // takeFrames is queued (onReadyRead)
    bool m_pushing = false; // inside push(): a socket error closes on the next turn
};

} // namespace sotto::net
