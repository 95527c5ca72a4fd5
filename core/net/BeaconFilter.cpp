// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/BeaconFilter.h"

#include "core/net/HelloCheck.h"

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

QByteArray encodeContactBeacon(const LocalIdentity &local, qint64 nowMs)
{
    return local.beaconKey ? local.beaconKey->seal(local.listenPort, nowMs, local.sign) : QByteArray();
}

QByteArray encodeOwnBeacon(const LocalIdentity &local, qint64 nowMs)
{
    return local.visibility == Visibility::ContactsOnly ? encodeContactBeacon(local, nowMs) : encodeBeacon(local, nowMs);
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
    // Also bounds the work a flood of contacts-only beacons costs: one HMAC per contact each.
    if (++rate.count > MaxPerSourcePerSecond)
        return Verdict::RateLimited;
    if (datagram.size() > MaxDatagram)
        return Verdict::TooLarge;
    // The kind byte is not a valid first byte of a SignedBeacon, so the two cannot be confused.
    const Verdict verdict = !datagram.isEmpty() && std::uint8_t(datagram[0]) == ContactBeaconKind
        ? checkContactBeacon(datagram, nowMs, out)
        : checkSigned(datagram, nowMs, out);
    if (verdict != Verdict::Accepted)
        return verdict;
    m_last.insert(out.peer.toString(), {out.timestampMs, out.identityKey});
    out.address = from;
    return Verdict::Accepted;
}

bool BeaconFilter::fresh(qint64 timestampMs, qint64 nowMs) const
{
    // The timestamp is any int64 a sender likes: nowMs - timestamp could overflow (UBSan,
    // fuzz_beacon), so it is compared with a window around our clock instead.
    return timestampMs >= nowMs - MaxClockSkewMs && timestampMs <= nowMs + MaxClockSkewMs;
}

bool BeaconFilter::replayed(const protocol::PeerId &peer, const QByteArray &identityKey, qint64 timestampMs) const
{
    auto last = m_last.constFind(peer.toString());
    return last != m_last.constEnd() && timestampMs <= last->timestamp && last->identityKey == identityKey;
}

BeaconFilter::Verdict BeaconFilter::checkSigned(const QByteArray &datagram, qint64 nowMs, SeenPeer &out)
{
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
    if (!fresh(beacon.timestamp_ms(), nowMs))
        return Verdict::Stale;
    if (replayed(out.peer, out.identityKey, beacon.timestamp_ms()))
        return Verdict::Replayed;
    const QByteArray body = QByteArray::fromStdString(signedBeacon.beacon());
    if (!protocol::verifyIdentitySignature(m_context, out.identityKey, QByteArray(BeaconContext) + body,
                                           QByteArray::fromStdString(signedBeacon.signature())))
        return Verdict::BadSignature;
    out.displayName = displayNameFromWire(beacon.display_name(), 64);
    out.port = quint16(beacon.port());
    out.timestampMs = beacon.timestamp_ms();
    out.kind = Visibility::Everyone;
    return Verdict::Accepted;
}

BeaconFilter::Verdict BeaconFilter::checkContactBeacon(const QByteArray &datagram, qint64 nowMs, SeenPeer &out)
{
    if (datagram.size() != ContactBeaconSize)
        return Verdict::Malformed;
    if (m_ownKey && m_ownKey->open(datagram))
        return Verdict::Own;
    // Every contact's key is tried, and a key that opens the datagram is believed only with
    // its own contact's signature inside: a contact who knows another's beacon key (or
    // handed us that key as its own) cannot pass its beacons off as the other's, nor hide
    // the other's beacons from us.
    Verdict verdict = Verdict::Unrecognised;
    for (const BeaconContact &contact : m_contacts) {
        std::optional<ContactBeaconBody> body = contact.key.open(datagram);
        if (!body)
            continue;
        if (body->port == 0) {
            verdict = Verdict::Malformed;
            continue;
        }
        if (!fresh(body->timestampMs, nowMs)) {
            verdict = Verdict::Stale;
            continue;
        }
        if (replayed(contact.peer, contact.identityKey, body->timestampMs)) {
            verdict = Verdict::Replayed;
            continue;
        }
        if (!protocol::verifyIdentitySignature(m_context, contact.identityKey, body->signedMessage, body->signature)) {
            verdict = Verdict::BadSignature;
            continue;
        }
        out.peer = contact.peer;
        out.identityKey = contact.identityKey;
        out.displayName.clear();
        out.port = body->port;
        out.timestampMs = body->timestampMs;
        out.kind = Visibility::ContactsOnly;
        return Verdict::Accepted;
    }
    return verdict;
}

void BeaconFilter::prune(qint64 nowMs)
{
    for (auto it = m_rates.begin(); it != m_rates.end();)
        it = nowMs - it->windowStart > 2000 ? m_rates.erase(it) : std::next(it);
}

} // namespace sotto::net
