// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/Discovery.h"

#include "core/net/NetLog.h"

#include <QDateTime>

namespace sotto::net {
Discovery::Discovery(const LocalIdentity &local, crypto::SignalContext &context, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_filter(local.peer, context)
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
    if (m_socket.state() != QAbstractSocket::BoundState)
        return;
    const QByteArray beacon = encodeOwnBeacon(m_local, QDateTime::currentMSecsSinceEpoch());
    if (!beacon.isEmpty())
        m_socket.writeDatagram(beacon, m_group, m_port);
}

void Discovery::onDatagrams()
{
    m_filter.setOwnKey(m_local.beaconKey); // rotated keys are replaced, not changed in place
    while (m_socket.hasPendingDatagrams()) {
        const qint64 size = m_socket.pendingDatagramSize();
        QHostAddress from;
        QByteArray datagram(qsizetype(std::clamp<qint64>(size, 0, BeaconFilter::MaxDatagram + 1)), Qt::Uninitialized);
        if (size > BeaconFilter::MaxDatagram) {
            m_socket.readDatagram(nullptr, 0); // discard
            ++m_dropped;
            continue;
        }
        m_socket.readDatagram(datagram.data(), datagram.size(), &from);
        SeenPeer seen;
        const BeaconFilter::Verdict verdict = m_filter.check(datagram, from, QDateTime::currentMSecsSinceEpoch(), seen);
        if (verdict != BeaconFilter::Verdict::Accepted) {
            if (verdict != BeaconFilter::Verdict::Own && ++m_dropped % 100 == 1)
                qCInfo(lcNet).noquote() << "dropped a beacon from" << from.toString() << "verdict" << int(verdict) << "("
                                        << m_dropped << "so far)";
            continue;
        }
        m_lastSeen[seen.peer.toString()].start();
        Q_EMIT peerSeen(seen);
    }
}

void Discovery::expire()
{
    m_filter.prune(QDateTime::currentMSecsSinceEpoch());
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end(); ++it) {
        if (it->isValid() && it->elapsed() > qint64(BeaconIntervalMs) * MissedBeaconsForLost + 500) {
            it->invalidate();
            Q_EMIT peerLost(protocol::PeerId::fromString(it.key()));
        }
    }
}

} // namespace sotto::net
