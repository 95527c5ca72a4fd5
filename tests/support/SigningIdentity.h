// SPDX-License-Identifier: GPL-3.0-or-later
// A LAN identity for tests that speak the protocol by hand (beacons, link proofs): a fresh
// identity key held in memory, and a LocalIdentity whose signer uses it.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/net/LocalIdentity.h"
#include "core/protocol/InMemoryProtocolStore.h"

namespace sotto::test {

struct SigningIdentity {
    SigningIdentity(crypto::SignalContext &ctx, const QString &displayName, quint16 listenPort = 0);
    SigningIdentity(const SigningIdentity &) = delete; // the signer captures `this`
    SigningIdentity &operator=(const SigningIdentity &) = delete;

    protocol::InMemoryProtocolStore store;
    crypto::SecretBytes privateKey;
    net::LocalIdentity local;
};

} // namespace sotto::test
