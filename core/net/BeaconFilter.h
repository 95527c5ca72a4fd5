// SPDX-License-Identifier: GPL-3.0-or-later
// Beacons on their own: how ours are made and signed, and which received ones are
// believed. A beacon is believed only if it is well formed, small, signed by the identity
// key it carries, within 30 s of our clock, newer than the last one from that peer, not
// ours, and its source is a unicast address (we dial it) that is not flooding. No sockets here, so every rule is testable.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/net/LocalIdentity.h"

#include <QHash>
#include <QHostAddress>

namespace sotto::net {

struct SeenPeer {
    protocol::PeerId peer;
    QByteArray identityKey;
    QString displayName;
    QHostAddress address;
    quint16 port = 0;
};

QByteArray encodeBeacon(const LocalIdentity &local, qint64 nowMs);

class BeaconFilter {
public:
    enum class Verdict { Accepted, TooLarge, RateLimited, Malformed, Own, Stale, Replayed, BadSignature, ForeignId, BadSource };

    static constexpr qint64 MaxClockSkewMs = 30000;
    static constexpr int MaxDatagram = 1024;
    static constexpr int MaxPerSourcePerSecond = 10;

    BeaconFilter(const protocol::PeerId &self, crypto::SignalContext &context);

    Verdict check(const QByteArray &datagram, const QHostAddress &from, qint64 nowMs, SeenPeer &out);
    // Forgets rate windows older than two seconds (bounded memory under a flood of sources).
    void prune(qint64 nowMs);

private:
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
    QHash<QString, Last> m_last; // only peers whose beacon verified
};

} // namespace sotto::net
