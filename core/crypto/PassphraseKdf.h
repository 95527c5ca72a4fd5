// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id (libsodium crypto_pwhash) turning a passphrase into a 32-byte wrapping key.
// The parameters travel with the salt in the key file, so they can be raised later.
#pragma once

#include "core/crypto/SecretBytes.h"

#include <cstdint>
#include <optional>

#include <QByteArray>

namespace sotto::crypto {

struct KdfParams {
    QByteArray salt;           // crypto_pwhash_SALTBYTES
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0; // bytes
    int algorithm = 0;          // crypto_pwhash_ALG_ARGON2ID13

    // About half a second on a desktop: libsodium's "moderate" limits.
    static KdfParams moderateWithFreshSalt();
    // Cheap parameters for tests that create many profiles (never used by the program).
    static KdfParams interactiveWithFreshSalt();
    bool plausible() const;
};

// Empty result when the KDF fails (e.g. out of memory).
std::optional<SecretBytes> deriveKey(const SecretBytes &passphrase, const KdfParams &params);

} // namespace sotto::crypto
