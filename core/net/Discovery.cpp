// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/Discovery.h"

#include "core/net/NetLog.h"
#include "core/net/Wire.pb.h"
#include "core/protocol/IdentitySignature.h"

#include <QDateTime>
#include <QNetworkInterface>

namespace sotto::net {
namespace {
constexpr char BeaconContext[] = "sotto-beacon-v1";
}

Discovery::Discovery(const LocalIdentity &local, crypto::SignalContext &context, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_context(context)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &Discovery::onDatagrams);
    m_announce.setInterval(BeaconIntervalMs);
    connect(&m_announce, &QTimer::timeout, this, [this] {
        announce();
        expire();
    });
}

bool Discovery::start(const QHostAddress &group, quint16 port)
{
    m_group = group;
    m_port = port;
    if (!m_socket.bind(QHostAddress::AnyIPv4, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        qCWarning(lcNet).noquote() << "discovery cannot bind port" << port << ":" << m_socket.errorString();
        return false;
    }
    if (!m_socket.joinMulticastGroup(group)) {
        qCWarning(lcNet).noquote() << "discovery cannot join" << group.toString() << ":" << m_socket.errorString();
        return false;
    }
    m_socket.setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    m_socket.setSocketOption(QAbstractSocket::MulticastTtlOption, 1); // this LAN only
    m_announce.start();
    announce();
    qCInfo(lcNet).noquote() << "discovery on" << group.toString() << port;
    return true;
}

void Discovery::stop()
{
    m_announce.stop();
    m_socket.close();
}

void Discovery::announce()
{
    wire::Beacon beacon;
    beacon.set_peer_id(m_local.peer.toStdString());
    beacon.set_identity_key(m_local.identityKey.toStdString());
    beacon.set_display_name(m_local.displayName.left(64).toStdString());
    beacon.set_port(m_local.listenPort);
    beacon.set_timestamp_ms(QDateTime::currentMSecsSinceEpoch());
    const QByteArray body = QByteArray::fromStdString(beacon.SerializeAsString());
    wire::SignedBeacon signedBeacon;
    signedBeacon.set_beacon(body.toStdString());
    signedBeacon.set_signature(m_local.sign(QByteArray(BeaconContext) + body).toStdString());
    const QByteArray datagram = QByteArray::fromStdString(signedBeacon.SerializeAsString());
    m_socket.writeDatagram(datagram, m_group, m_port);
}

bool Discovery::accept(const QByteArray &datagram, const QHostAddress &from, SeenPeer &out)
{
    Rate &rate = m_rates[from.toString()];
    if (!rate.window.isValid() || rate.window.elapsed() > 1000) {
        rate.window.start();
        rate.count = 0;
    }
    if (++rate.count > MaxPerSourcePerSecond)
        return false;
    if (datagram.size() > MaxDatagram)
        return false;
    wire::SignedBeacon signedBeacon;
    wire::Beacon beacon;
    if (!signedBeacon.ParseFromArray(datagram.constData(), int(datagram.size()))
        || !beacon.ParseFromString(signedBeacon.beacon()))
        return false;
    out.peer = protocol::PeerId::fromString(QString::fromStdString(beacon.peer_id()));
    out.identityKey = QByteArray::fromStdString(beacon.identity_key());
    if (!out.peer.isValid() || out.peer == m_local.peer || out.identityKey.size() != 33 || beacon.port() == 0
        || beacon.port() > 65535)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (std::abs(now - beacon.timestamp_ms()) > MaxClockSkewMs)
        return false;
    auto previous = m_known.constFind(out.peer.toString());
    if (previous != m_known.constEnd() && beacon.timestamp_ms() <= previous->lastTimestamp
        && previous->identityKey == out.identityKey)
        return false; // replayed
    const QByteArray body = QByteArray::fromStdString(signedBeacon.beacon());
    if (!protocol::verifyIdentitySignature(m_context, out.identityKey, QByteArray(BeaconContext) + body,
                                           QByteArray::fromStdString(signedBeacon.signature())))
        return false;
    // Only verified beacons make an entry: a flood of forged ones cannot grow this table.
    Known &known = m_known[out.peer.toString()];
    known.lastTimestamp = beacon.timestamp_ms();
    known.identityKey = out.identityKey;
    out.displayName = QString::fromStdString(beacon.display_name()).left(64);
    out.address = from;
    out.port = quint16(beacon.port());
    return true;
}

void Discovery::onDatagrams()
{
    while (m_socket.hasPendingDatagrams()) {
        const qint64 size = m_socket.pendingDatagramSize();
        QHostAddress from;
        QByteArray datagram(qsizetype(std::clamp<qint64>(size, 0, MaxDatagram + 1)), Qt::Uninitialized);
        if (size > MaxDatagram) {
            m_socket.readDatagram(nullptr, 0); // discard
            ++m_dropped;
            continue;
        }
        m_socket.readDatagram(datagram.data(), datagram.size(), &from);
        SeenPeer seen;
        if (!accept(datagram, from, seen)) {
            if (++m_dropped % 100 == 1)
                qCInfo(lcNet).noquote() << "dropped a beacon from" << from.toString() << "(" << m_dropped << "so far)";
            continue;
        }
        m_known[seen.peer.toString()].lastSeen.start();
        Q_EMIT peerSeen(seen);
    }
}

void Discovery::expire()
{
    for (auto it = m_rates.begin(); it != m_rates.end();)
        it = it->window.elapsed() > 2000 ? m_rates.erase(it) : std::next(it);
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (it->lastSeen.isValid() && it->lastSeen.elapsed() > qint64(BeaconIntervalMs) * MissedBeaconsForLost + 500) {
            const protocol::PeerId peer = protocol::PeerId::fromString(it.key());
            it->lastSeen.invalidate();
            Q_EMIT peerLost(peer);
        }
        ++it;
    }
}

} // namespace sotto::net
