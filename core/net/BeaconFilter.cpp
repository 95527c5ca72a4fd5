// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/BeaconFilter.h"

#include "core/net/Wire.pb.h"
#include "core/protocol/IdentitySignature.h"

namespace sotto::net {
namespace {
constexpr char BeaconContext[] = "sotto-beacon-v1";
}

QByteArray encodeBeacon(const LocalIdentity &local, qint64 nowMs)
{
    wire::Beacon beacon;
    beacon.set_peer_id(local.peer.toStdString());
    beacon.set_identity_key(local.identityKey.toStdString());
    beacon.set_display_name(local.displayName.left(64).toStdString());
    beacon.set_port(local.listenPort);
    beacon.set_timestamp_ms(nowMs);
    const QByteArray body = QByteArray::fromStdString(beacon.SerializeAsString());
    wire::SignedBeacon signedBeacon;
    signedBeacon.set_beacon(body.toStdString());
    signedBeacon.set_signature(local.sign(QByteArray(BeaconContext) + body).toStdString());
    return QByteArray::fromStdString(signedBeacon.SerializeAsString());
}

BeaconFilter::BeaconFilter(const protocol::PeerId &self, crypto::SignalContext &context)
    : m_self(self)
    , m_context(context)
{
}

BeaconFilter::Verdict BeaconFilter::check(const QByteArray &datagram, const QHostAddress &from, qint64 nowMs, SeenPeer &out)
{
    // We dial where a beacon came from: from 0.0.0.0 (which Linux dials as this host), a
    // multicast or the broadcast address, a stranger would choose a local port for us.
    if (from.isNull() || from == QHostAddress(QHostAddress::AnyIPv4) || from == QHostAddress(QHostAddress::AnyIPv6)
        || from.isMulticast() || from.isBroadcast())
        return Verdict::BadSource;
    Rate &rate = m_rates[from.toString()];
    if (nowMs - rate.windowStart >= 1000) {
        rate.windowStart = nowMs;
        rate.count = 0;
    }
    if (++rate.count > MaxPerSourcePerSecond)
        return Verdict::RateLimited;
    if (datagram.size() > MaxDatagram)
        return Verdict::TooLarge;
    wire::SignedBeacon signedBeacon;
    wire::Beacon beacon;
    if (!signedBeacon.ParseFromArray(datagram.constData(), int(datagram.size())) || !beacon.ParseFromString(signedBeacon.beacon()))
        return Verdict::Malformed;
    out.peer = protocol::PeerId::fromString(QString::fromStdString(beacon.peer_id()));
    out.identityKey = QByteArray::fromStdString(beacon.identity_key());
    if (!out.peer.isValid() || out.identityKey.size() != 33 || beacon.port() == 0 || beacon.port() > 65535
        || signedBeacon.signature().size() != 64)
        return Verdict::Malformed;
    if (out.peer == m_self)
        return Verdict::Own;
    // Checked before the signature (cheap): a PeerId is the hash of its key, so no one can
    // announce a contact's PeerId with a key of their own.
    if (!out.peer.isIdOf(out.identityKey))
        return Verdict::ForeignId;
    // The timestamp is any int64 a sender likes: nowMs - timestamp could overflow (UBSan,
    // fuzz_beacon), so it is compared with a window around our clock instead.
    if (beacon.timestamp_ms() < nowMs - MaxClockSkewMs || beacon.timestamp_ms() > nowMs + MaxClockSkewMs)
        return Verdict::Stale;
    auto last = m_last.constFind(out.peer.toString());
    if (last != m_last.constEnd() && beacon.timestamp_ms() <= last->timestamp && last->identityKey == out.identityKey)
        return Verdict::Replayed;
    const QByteArray body = QByteArray::fromStdString(signedBeacon.beacon());
    if (!protocol::verifyIdentitySignature(m_context, out.identityKey, QByteArray(BeaconContext) + body,
                                           QByteArray::fromStdString(signedBeacon.signature())))
        return Verdict::BadSignature;
    m_last.insert(out.peer.toString(), {beacon.timestamp_ms(), out.identityKey});
    out.displayName = QString::fromStdString(beacon.display_name()).left(64);
    out.address = from;
    out.port = quint16(beacon.port());
    return Verdict::Accepted;
}

void BeaconFilter::prune(qint64 nowMs)
{
    for (auto it = m_rates.begin(); it != m_rates.end();)
        it = nowMs - it->windowStart > 2000 ? m_rates.erase(it) : std::next(it);
}

} // namespace sotto::net
