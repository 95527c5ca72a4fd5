// SPDX-License-Identifier: GPL-3.0-or-later
// PeerId names a profile on the LAN: the first 128 bits of SHA-256 over its identity key
// (the 33-byte serialized public key), in lower-case hex. It is self-certifying: no one
// can speak for a PeerId without the private key of the identity key it names, so every
// beacon, Hello, bundle and PreKey message is checked against it (docs/PROTOCOL.md,
// "PeerIds"). It is the libsignal address name (device 1) and the stable identifier of
// safety numbers. Whether the person behind the key is who they say is still up to the
// user comparing safety numbers.
#pragma once

#include <QHash>
#include <QString>

#include <string>

#include <signal/signal_protocol_types.h>

namespace sotto::protocol {

class PeerId {
public:
    PeerId() = default;
    // The id of a serialized identity public key (0x05 followed by 32 bytes); invalid for
    // anything else.
    static PeerId fromIdentityKey(const QByteArray &serializedKey);
    // Accepts exactly 32 lower-case hex digits; anything else gives an invalid id.
    static PeerId fromString(const QString &text);

    // True if this id is the one of `serializedKey`: the check every received claim passes.
    bool isIdOf(const QByteArray &serializedKey) const { return isValid() && *this == fromIdentityKey(serializedKey); }

    bool isValid() const { return !m_text.isEmpty(); }
    const QString &toString() const { return m_text; }
    std::string toStdString() const { return m_text.toStdString(); }

    friend bool operator==(const PeerId &, const PeerId &) = default;
    friend size_t qHash(const PeerId &id, size_t seed = 0) { return qHash(id.m_text, seed); }

private:
    QString m_text;
};

// A libsignal address that owns its name: libsignal keeps the pointer, so the address
// must outlive every builder and cipher made with it (hence not copyable or movable).
class SignalAddress {
public:
    explicit SignalAddress(const PeerId &peer, int32_t deviceId = 1);
    SignalAddress(const SignalAddress &) = delete;
    SignalAddress &operator=(const SignalAddress &) = delete;

    const signal_protocol_address *get() const { return &m_address; }

private:
    std::string m_name;
    signal_protocol_address m_address;
};

} // namespace sotto::protocol
