// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts-only beacons (docs/PROTOCOL.md, "LAN: contacts-only beacons"): a node's beacon
// key, given to its contacts over proven links, and the 115-byte datagram sealed under it.
// To anyone without the key the datagram is one fixed byte and 114 fresh random-looking
// bytes: no PeerId, key, name or port, nothing shared by two beacons. A holder of the key
// reads the port and time and checks the identity signature inside. Which contact's key
// opens a datagram, and whether it is fresh, is BeaconFilter's business; no sockets here.
#pragma once

#include "core/crypto/SecretBytes.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <optional>

#include <sodium.h>

namespace sotto::net {

// The first byte. Protobuf reads it as field 0 with wire type 7, both invalid, so a node
// that parses only SignedBeacon (link version 2 and older) drops it as malformed.
inline constexpr std::uint8_t ContactBeaconKind = 0x07;
inline constexpr int BeaconKeySize = 32;
inline constexpr int ContactBeaconNonceSize = 24;
inline constexpr int ContactBeaconSignatureSize = 64;
// Inside the encryption: port (2) || timestamp (8) || signature (64).
inline constexpr int ContactBeaconPlaintextSize = 2 + 8 + ContactBeaconSignatureSize;
inline constexpr int ContactBeaconTagSize = 16;
inline constexpr int ContactBeaconSize = 1 + ContactBeaconNonceSize + ContactBeaconPlaintextSize + ContactBeaconTagSize;

// What a contacts-only beacon says once opened; the signature is not checked yet.
struct ContactBeaconBody {
    quint16 port = 0;
    qint64 timestampMs = 0;
    QByteArray signedMessage; // what the signature must cover (context, nonce, port, time)
    QByteArray signature;     // 64 bytes, by the sender's identity key
};

// One node's beacon key with its two subkeys, derived once (a receiver tries every
// contact's key on every contacts-only beacon, so the HMAC state is kept keyed).
class BeaconKey {
public:
    // Exactly BeaconKeySize bytes, else nothing.
    static std::optional<BeaconKey> fromSecret(const crypto::SecretBytes &secret);
    static BeaconKey generate();

    BeaconKey(BeaconKey &&) noexcept;
    BeaconKey &operator=(BeaconKey &&) noexcept;
    BeaconKey(const BeaconKey &) = delete;
    BeaconKey &operator=(const BeaconKey &) = delete;
    ~BeaconKey();

    const crypto::SecretBytes &secret() const { return m_secret; }
    bool sameAs(const BeaconKey &other) const { return m_secret.equals(other.m_secret); }

    // A fresh beacon: new random nonce, so no two share a byte pattern past the kind.
    // `sign` signs with the identity key (empty on failure: no beacon).
    QByteArray seal(quint16 port, qint64 nowMs, const std::function<QByteArray(const QByteArray &)> &sign) const;
    // The body, if the datagram is a contacts-only beacon whose tag this key made.
    std::optional<ContactBeaconBody> open(const QByteArray &datagram) const;

private:
    BeaconKey() = default;
    QByteArray tag(const unsigned char *data, std::size_t size) const;

    crypto::SecretBytes m_secret;
    crypto::SecretBytes m_encryptKey;           // XChaCha20
    crypto_auth_hmacsha256_state m_mac{};       // HMAC-SHA256, keyed; copied per use
};

// What the identity signature of a contacts-only beacon covers.
QByteArray contactBeaconSignedMessage(const QByteArray &nonce, quint16 port, qint64 timestampMs);

} // namespace sotto::net
