// SPDX-License-Identifier: GPL-3.0-or-later
// KeyMaintenance keeps our key material in shape: it creates the local identity, keeps
// the one-time prekey pool full and rotates the signed prekey. It runs inside the caller's
// transaction; it does not decide when to run (the profile and session code do).
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/protocol/ProtocolError.h"
#include "core/protocol/ProtocolStore.h"

#include <chrono>
#include <expected>

namespace sotto::protocol {

struct KeyPolicy {
    int preKeyPoolSize = 100;       // generated at creation and when replenishing
    int preKeyLowWater = 20;        // replenish when fewer fresh prekeys remain
    std::chrono::milliseconds signedPreKeyRotation = std::chrono::hours(24 * 7);
    std::chrono::milliseconds signedPreKeyRetention = std::chrono::hours(24 * 30);
};

class KeyMaintenance {
public:
    KeyMaintenance(crypto::SignalContext &context, ProtocolStore &store, KeyPolicy policy = {});

    // Identity key pair, registration id, the prekey pool and a signed prekey. Returns the
    // PeerId, which the key names (PeerId::fromIdentityKey).
    [[nodiscard]] std::expected<PeerId, Error> createLocalIdentity(std::int64_t nowMs);

    // Tops the one-time prekey pool up to its size when it has fallen below the low-water mark.
    [[nodiscard]] std::expected<int, Error> replenishPreKeys();
    // Makes a new signed prekey when the newest is older than the rotation period, and
    // removes those older than the retention period (never the newest).
    [[nodiscard]] std::expected<void, Error> rotateSignedPreKey(std::int64_t nowMs);

    const KeyPolicy &policy() const { return m_policy; }

private:
    [[nodiscard]] std::expected<void, Error> generatePreKeys(int count);
    [[nodiscard]] std::expected<void, Error> generateSignedPreKey(std::int64_t nowMs);

    crypto::SignalContext &m_context;
    ProtocolStore &m_store;
    KeyPolicy m_policy;
};

} // namespace sotto::protocol
