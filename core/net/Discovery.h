// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery announces us on the LAN with a UDP multicast beacon once a second — signed and
// readable by anyone (identity key, display name, link port, timestamp), or contacts-only
// (only holders of our beacon key can tell it is us), as `local.visibility` says at each
// beacon — and reports peers whose beacons are believed (BeaconFilter's rules): a peer
// appears with its first good beacon and is lost after three missed ones. It never opens
// links; the caller decides.
#pragma once

#include "core/net/BeaconFilter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

namespace sotto::net {

class Discovery : public QObject {
    Q_OBJECT
public:
    static constexpr int BeaconIntervalMs = 1000;
    static constexpr int MissedBeaconsForLost = 3;

    Discovery(const LocalIdentity &local, crypto::SignalContext &context, QObject *parent = nullptr);

    // Joins the group and starts announcing. Returns false (with a log line) when the
    // group cannot be joined on any interface.
    bool start(const QHostAddress &group, quint16 port);
    void stop();
    // Sends a beacon now (after the visibility or the beacon key changed).
    void announceNow() { announce(); }
    // The contacts whose contacts-only beacons we recognise (replaces the previous set).
    void setContacts(std::vector<BeaconContact> contacts) { m_filter.setContacts(std::move(contacts)); }
    quint64 dropped() const { return m_dropped; }

Q_SIGNALS:
    void peerSeen(const sotto::net::SeenPeer &peer);
    void peerLost(const sotto::protocol::PeerId &peer);

private:
    void announce();
    void onDatagrams();
    void expire();

    const LocalIdentity &m_local;
    BeaconFilter m_filter;
    QUdpSocket m_socket;
    QHostAddress m_group;
    quint16 m_port = 0;
    QTimer m_announce;
    QHash<QString, QElapsedTimer> m_lastSeen; // verified peers only
    quint64 m_dropped = 0;
};

} // namespace sotto::net
