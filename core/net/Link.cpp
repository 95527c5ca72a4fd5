// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/Link.h"

#include "core/net/HelloCheck.h"
#include "core/net/NetLog.h"
#include "core/net/TlsIdentity.h"

#include <QRandomGenerator>

namespace sotto::net {
Link::Link(QSslSocket *socket, bool outgoing, const LocalIdentity &local, crypto::SignalContext &context, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_outgoing(outgoing)
    , m_local(local)
    , m_context(context)
{
    m_socket->setParent(this);
    m_lastReceived.start();
    m_started.start();
    connect(m_socket, &QSslSocket::encrypted, this, &Link::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &Link::onReadyRead);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] { Q_EMIT drained(this); });
    // Inside push() the socket may fail and say so at once: the link then closes on the next
    // turn of the loop, not in the middle of the node code that pushed (it may be walking its
    // links, or about to say the peer is online).
    const auto closeFor = [this](const QString &reason) {
        if (!m_pushing)
            close(reason);
        else
            QMetaObject::invokeMethod(
                this, [this, reason] { close(reason); }, Qt::QueuedConnection);
    };
    connect(m_socket, &QAbstractSocket::disconnected, this, [closeFor] { closeFor(QStringLiteral("peer closed the connection")); });
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this, closeFor](QAbstractSocket::SocketError) {
        if (m_state != State::Closed)
            closeFor(QStringLiteral("socket error: %1").arg(m_socket->errorString()));
    });
    // Self-signed certificates are expected: trust comes from the proof, not from a CA.
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &) { m_socket->ignoreSslErrors(); });
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 quiet = m_lastReceived.elapsed();
        // One deadline from the start for TLS and the proof together: a byte now and then
        // must not keep an unproven connection (and its slot) alive.
        if (m_state != State::Up && m_started.elapsed() > HandshakeTimeoutMs) {
            close(QStringLiteral("handshake timed out"));
        } else if (m_state == State::Up && quiet > IdleTimeoutMs) {
            close(QStringLiteral("keepalive timed out"));
        } else if (m_state == State::Up && quiet > KeepaliveMs) {
            wire::Frame ping;
            ping.mutable_ping()->set_nonce(QRandomGenerator::global()->generate64());
            send(ping);
        }
    });
    m_timer.start();
}

Link::~Link() = default;

QHostAddress Link::remoteAddress() const
{
    const QHostAddress now = m_socket->peerAddress();
    return now.isNull() ? m_remoteAddress : now;
}

void Link::onEncrypted()
{
    m_remoteAddress = m_socket->peerAddress();
    m_remotePort = m_socket->peerPort();
    if (m_socket->sessionProtocol() != QSsl::TlsV1_3) {
        close(QStringLiteral("peer did not negotiate TLS 1.3"));
        return;
    }
    const QSslCertificate peerCert = m_socket->peerCertificate();
    if (peerCert.isNull()) {
        close(QStringLiteral("peer presented no certificate"));
        return;
    }
    // Frames are small and latency matters more than packet count: no Nagle (else a lone
    // message waits for the peer's delayed ACK, ~40 ms). Writes made in one event-loop
    // turn are still coalesced by QSslSocket's buffer.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_state = State::Proving;
    // The accepting end always sends its Hello at once (every version does), so a dialler
    // that waits for it to know who answered cannot deadlock.
    if (!(m_outgoing && m_expectedPeer.isValid()))
        sendHello();
    takeFrames(); // what came with the handshake
}

void Link::sendHello()
{
    wire::Frame frame;
    wire::Hello *hello = frame.mutable_hello();
    hello->set_version(HelloVersion);
    hello->set_content_version(ContentVersion);
    hello->set_peer_id(m_local.peer.toStdString());
    hello->set_identity_key(m_local.identityKey.toStdString());
    hello->set_display_name(m_local.displayName.left(MaxHelloNameLength).toStdString());
    hello->set_listen_port(m_local.listenPort);
    const QByteArray proof = m_local.sign(helloProofMessage(TlsIdentity::fingerprint(m_socket->localCertificate()),
                                                       TlsIdentity::fingerprint(m_socket->peerCertificate())));
    hello->set_proof(proof.toStdString());
    m_socket->write(encodeFrame(frame));
    m_helloSent = true;
}

bool Link::acceptHello(const wire::Hello &hello)
{
    std::optional<PeerHello> checked = checkHello(m_context, hello, m_local.peer, TlsIdentity::fingerprint(m_socket->peerCertificate()),
                                                  TlsIdentity::fingerprint(m_socket->localCertificate()), ContentVersion, &m_refusal);
    if (!checked)
        return false;
    m_peer = checked->peer;
    m_peerKey = checked->identityKey;
    m_peerName = checked->displayName;
    m_peerListenPort = checked->listenPort;
    m_peerContentVersion = checked->contentVersion;
    m_peerLinkVersion = checked->linkVersion;
    return true;
}

void Link::onReadyRead()
{
    if (m_state == State::Closed)
        return;
    m_lastReceived.restart();
    // QSslSocket says readyRead for every 4 KiB it decrypts, all inside one pass over what
    // the network gave it. The bytes are read and the frames taken once that pass is over
    // (the next queued call, before the event loop waits again): 500 envelopes that arrived
    // together are one batch (one commit, one delivery receipt), not thirty batches of
    // seventeen. Nothing is read into the reader meanwhile, so the slices a take hands on
    // (views into its buffer) stay put even if a handler lets the socket decrypt more.
    if (!m_takeQueued) {
        m_takeQueued = true;
        QMetaObject::invokeMethod(this, &Link::takeFrames, Qt::QueuedConnection);
    }
}

void Link::takeFrames()
{
    m_takeQueued = false;
    if (m_state == State::Closed || m_state == State::Connecting)
        return; // before encrypted(), Qt keeps what came; onEncrypted takes it
    m_reader.readFrom(*m_socket);
    std::vector<wire::Frame> frames;
    for (;;) {
        wire::Frame frame;
        ChunkSlice slice;
        // Slices only once the link is up (before, anything but a Hello closes it below).
        const FrameReader::Status status = m_reader.next(frame, m_state == State::Up ? &slice : nullptr);
        if (status == FrameReader::Status::NeedMore)
            break;
        if (status == FrameReader::Status::Slice) {
            // In order: the frames read before it go first. Its views point into the
            // reader's buffer, which nothing appends to until this loop is over.
            if (!frames.empty()) {
                Q_EMIT framesReceived(this, frames);
                frames.clear();
                if (m_state != State::Up)
                    return;
            }
            Q_EMIT sliceReceived(this, slice);
            if (m_state != State::Up)
                return;
            continue;
        }
        if (status == FrameReader::Status::TooLarge) {
            close(QStringLiteral("frame over the size cap"));
            return;
        }
        if (status == FrameReader::Status::Malformed) {
            close(QStringLiteral("frame does not parse"));
            return;
        }
        if (m_state == State::Proving) {
            if (frame.body_case() != wire::Frame::kHello) {
                close(QStringLiteral("frame before the link proof"));
                return;
            }
            if (!acceptHello(frame.hello())) {
                close(m_refusal.isEmpty() ? QStringLiteral("link proof failed") : QStringLiteral("link proof failed: ") + m_refusal);
                return;
            }
            if (!m_helloSent) {
                if (m_peer != m_expectedPeer) {
                    close(QStringLiteral("answered by %1, not the peer dialled").arg(m_peer.toString()));
                    return;
                }
                sendHello();
            }
            m_state = State::Up;
            Q_EMIT established(this);
            if (m_state != State::Up)
                return;
            continue;
        }
        switch (frame.body_case()) {
        case wire::Frame::kHello:
            close(QStringLiteral("second hello"));
            return;
        case wire::Frame::kPing: {
            wire::Frame pong;
            pong.mutable_pong()->set_nonce(frame.ping().nonce());
            send(pong);
            break;
        }
        case wire::Frame::kPong:
            break;
        default:
            frames.push_back(std::move(frame));
        }
    }
    if (!frames.empty())
        Q_EMIT framesReceived(this, frames);
}

bool Link::send(const wire::Frame &frame)
{
    if (m_state != State::Up)
        return false;
    return m_socket->write(encodeFrame(frame)) > 0;
}

void Link::push()
{
    if (m_state != State::Up)
        return;
    m_pushing = true;
    m_socket->flush();
    m_pushing = false;
}

bool Link::sendSlice(const ChunkSlice &slice)
{
    if (m_state != State::Up)
        return false;
    // Two writes in one turn of the event loop: QSslSocket copies both into its buffer and
    // encrypts them together.
    return m_socket->write(chunkSliceHeader(slice)) > 0
        && (slice.data.isEmpty() || m_socket->write(slice.data.data(), slice.data.size()) == slice.data.size());
}

void Link::close(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    const bool wasUp = m_state == State::Up;
    m_state = State::Closed;
    m_timer.stop();
    if (wasUp)
        qCInfo(lcNet).noquote() << "link to" << m_peer.toString() << "closed:" << reason;
    else
        qCInfo(lcNet).noquote() << (m_outgoing ? "unproven link to" : "unproven link from") << m_endpoint << "closed:" << reason;
    m_socket->abort();
    Q_EMIT closed(this, reason);
}

} // namespace sotto::net
