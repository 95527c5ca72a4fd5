// SPDX-License-Identifier: GPL-3.0-or-later
// The one contact the beacon target knows, shared with the seed generator (make_corpus):
// a fixed identity key pair and beacon key, so that committed contacts-only seeds open
// and verify at the target's clock. Test values, never a real profile's.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/crypto/SignalHandles.h"
#include "core/net/LocalIdentity.h"
#include "core/protocol/IdentitySignature.h"

#include <memory>

#include <signal/curve.h>

namespace sotto::fuzz {

// `local` signs with the fixed identity key and seals with the fixed beacon key.
struct FixedContact {
    crypto::SecretBytes privateKey;
    net::LocalIdentity local;
};

inline std::unique_ptr<FixedContact> fixedContact(crypto::SignalContext &context, quint16 port = 47003)
{
    auto contact = std::make_unique<FixedContact>();
    std::uint8_t seed[32];
    for (int i = 0; i < 32; ++i)
        seed[i] = std::uint8_t(0x40 + i);
    seed[0] &= 248; // a Curve25519 private key as libsignal makes them (clamped)
    seed[31] = std::uint8_t((seed[31] & 127) | 64);
    contact->privateKey = crypto::SecretBytes(seed, sizeof seed);
    crypto::Adopt<ec_private_key> priv;
    crypto::Adopt<ec_public_key> pub;
    if (curve_decode_private_point(priv.out(), seed, sizeof seed, context.get()) != SG_SUCCESS)
        qFatal("fixed contact: bad private key");
    auto ownedPriv = priv.take();
    if (curve_generate_public_key(pub.out(), ownedPriv.get()) != SG_SUCCESS)
        qFatal("fixed contact: no public key");
    auto ownedPub = pub.take();
    signal_buffer *serialized = nullptr;
    if (ec_public_key_serialize(&serialized, ownedPub.get()) != SG_SUCCESS)
        qFatal("fixed contact: cannot serialize");
    net::LocalIdentity &local = contact->local;
    local.identityKey = crypto::takeBuffer(serialized);
    local.peer = protocol::PeerId::fromIdentityKey(local.identityKey);
    local.displayName = QStringLiteral("Fixed");
    local.listenPort = port;
    local.visibility = net::Visibility::ContactsOnly;
    local.beaconKey = std::make_shared<const net::BeaconKey>(*net::BeaconKey::fromSecret(crypto::SecretBytes(QByteArray(32, '\x5a').constData(), 32)));
    FixedContact *self = contact.get();
    local.sign = [&context, self](const QByteArray &m) { return protocol::signWithIdentity(context, self->privateKey, m); };
    return contact;
}

} // namespace sotto::fuzz
