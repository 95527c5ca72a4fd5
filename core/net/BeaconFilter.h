// SPDX-License-Identifier: GPL-3.0-or-later
// Beacons on their own: how ours are made, and which received ones are believed. Two kinds
// (docs/PROTOCOL.md, "LAN: discovery"): signed beacons anyone can read, and contacts-only
// beacons that only holders of the sender's beacon key recognise. A beacon is believed
// only if it is well formed, small, signed by the identity key behind it, within 30 s of
// our clock, newer than the last one from that peer, not ours, and its source is a
// unicast address (we dial it) that is not flooding. No sockets here, so every rule is testable.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/net/ContactBeacon.h"
#include "core/net/LocalIdentity.h"

#include <QHash>
#include <QHostAddress>

#include <memory>
#include <vector>

namespace sotto::net {

// A believed beacon: who sent it and where it listens, whichever kind it was. The redial
// logic needs only peer, address and port; a contacts-only beacon carries no name (the
// receiver knows its contact's) and its key is the contact's stored one.
struct SeenPeer {
    protocol::PeerId peer;
    QByteArray identityKey;
    QString displayName;
    QHostAddress address;
    quint16 port = 0;
    qint64 timestampMs = 0; // the sender's clock
    Visibility kind = Visibility::Everyone;
};

// A contact whose contacts-only beacons we can recognise: its key (learnt over a proven
// link) and the identity key its beacons must be signed with.
struct BeaconContact {
    protocol::PeerId peer;
    QByteArray identityKey;
    BeaconKey key;
};

// Our beacon as `local.visibility` says; empty when it cannot be made (contacts-only
// without a beacon key: nothing is sent rather than a beacon that names us).
QByteArray encodeOwnBeacon(const LocalIdentity &local, qint64 nowMs);
// The signed beacon anyone can read.
QByteArray encodeBeacon(const LocalIdentity &local, qint64 nowMs);
// The contacts-only beacon; `local.beaconKey` must be set.
QByteArray encodeContactBeacon(const LocalIdentity &local, qint64 nowMs);

class BeaconFilter {
public:
    enum class Verdict { Accepted, TooLarge, RateLimited, Malformed, Own, Stale, Replayed, BadSignature, ForeignId, BadSource, Unrecognised };

    static constexpr qint64 MaxClockSkewMs = 30000;
    static constexpr int MaxDatagram = 1024;
    static constexpr int MaxPerSourcePerSecond = 10;

    BeaconFilter(const protocol::PeerId &self, crypto::SignalContext &context);

    Verdict check(const QByteArray &datagram, const QHostAddress &from, qint64 nowMs, SeenPeer &out);
    // Forgets rate windows older than two seconds (bounded memory under a flood of sources).
    void prune(qint64 nowMs);

    // Our own beacon key (our contacts-only beacons, looped back, are ours, not a stranger's).
    void setOwnKey(std::shared_ptr<const BeaconKey> key) { m_ownKey = std::move(key); }
    // The contacts whose contacts-only beacons we recognise (not blocked, key known).
    void setContacts(std::vector<BeaconContact> contacts) { m_contacts = std::move(contacts); }

private:
    Verdict checkSigned(const QByteArray &datagram, qint64 nowMs, SeenPeer &out);
    Verdict checkContactBeacon(const QByteArray &datagram, qint64 nowMs, SeenPeer &out);
    bool fresh(qint64 timestampMs, qint64 nowMs) const;
    bool replayed(const protocol::PeerId &peer, const QByteArray &identityKey, qint64 timestampMs) const;

    protocol::PeerId m_self;
    crypto::SignalContext &m_context;
    struct Rate {
        qint64 windowStart = 0;
        int count = 0;
    };
    QHash<QString, Rate> m_rates;
    struct Last {
        qint64 timestamp = 0;
        QByteArray identityKey;
    };
    QHash<QString, Last> m_last; // only peers whose beacon verified, of either kind
    std::shared_ptr<const BeaconKey> m_ownKey;
    std::vector<BeaconContact> m_contacts;
};

} // namespace sotto::net
