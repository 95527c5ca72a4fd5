// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery announces us on the LAN with signed UDP multicast beacons (identity key,
// display name, link port, timestamp) once a second, and reports peers whose beacons
// verify: a peer appears with its first good beacon and is lost after three missed ones.
// Unsigned, badly signed, stale (more than 30 s off), replayed (not newer than the last
// one from that peer), oversized or malformed beacons are dropped, and so is a source
// sending more than a few per second. It never opens links; the caller decides.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/net/LocalIdentity.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

namespace sotto::net {

struct SeenPeer {
    protocol::PeerId peer;
    QByteArray identityKey;
    QString displayName;
    QHostAddress address;
    quint16 port = 0;
};

class Discovery : public QObject {
    Q_OBJECT
public:
    static constexpr int BeaconIntervalMs = 1000;
    static constexpr int MissedBeaconsForLost = 3;
    static constexpr qint64 MaxClockSkewMs = 30000;
    static constexpr int MaxDatagram = 1024;
    static constexpr int MaxPerSourcePerSecond = 10;

    Discovery(const LocalIdentity &local, crypto::SignalContext &context, QObject *parent = nullptr);

    // Joins the group and starts announcing. Returns false (with a log line) when the
    // group cannot be joined on any interface.
    bool start(const QHostAddress &group, quint16 port);
    void stop();
    quint64 dropped() const { return m_dropped; }

Q_SIGNALS:
    void peerSeen(const sotto::net::SeenPeer &peer);
    void peerLost(const sotto::protocol::PeerId &peer);

private:
    void announce();
    void onDatagrams();
    bool accept(const QByteArray &datagram, const QHostAddress &from, SeenPeer &out);
    void expire();

    const LocalIdentity &m_local;
    crypto::SignalContext &m_context;
    QUdpSocket m_socket;
    QHostAddress m_group;
    quint16 m_port = 0;
    QTimer m_announce;
    struct Known {
        qint64 lastTimestamp = 0;
        QElapsedTimer lastSeen;
        QByteArray identityKey;
    };
    QHash<QString, Known> m_known;
    struct Rate {
        QElapsedTimer window;
        int count = 0;
    };
    QHash<QString, Rate> m_rates;
    quint64 m_dropped = 0;
};

} // namespace sotto::net
