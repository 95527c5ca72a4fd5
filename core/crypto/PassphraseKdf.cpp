// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/PassphraseKdf.h"

#include <sodium.h>

namespace sotto::crypto {
namespace {

KdfParams withFreshSalt(std::uint64_t ops, std::uint64_t mem)
{
    KdfParams p;
    if (sodium_init() < 0)
        qFatal("libsodium could not initialise");
    p.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(p.salt.data(), size_t(p.salt.size()));
    p.opsLimit = ops;
    p.memLimit = mem;
    p.algorithm = crypto_pwhash_ALG_ARGON2ID13;
    return p;
}

} // namespace

KdfParams KdfParams::moderateWithFreshSalt()
{
    return withFreshSalt(crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE);
}

KdfParams KdfParams::interactiveWithFreshSalt()
{
    return withFreshSalt(crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

bool KdfParams::plausible() const
{
    // Bounds keep a tampered key file from asking for absurd work or memory.
    return salt.size() == crypto_pwhash_SALTBYTES && algorithm == crypto_pwhash_ALG_ARGON2ID13
        && opsLimit >= crypto_pwhash_OPSLIMIT_MIN && opsLimit <= 64
        && memLimit >= 8192 && memLimit <= (std::uint64_t(4) << 30);
}

std::optional<SecretBytes> deriveKey(const SecretBytes &passphrase, const KdfParams &params)
{
    if (sodium_init() < 0 || !params.plausible())
        return std::nullopt;
    SecretBytes key(32);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(passphrase.data()),
                      passphrase.size(), reinterpret_cast<const unsigned char *>(params.salt.constData()),
                      params.opsLimit, size_t(params.memLimit), params.algorithm)
        != 0)
        return std::nullopt;
    return key;
}

} // namespace sotto::crypto
