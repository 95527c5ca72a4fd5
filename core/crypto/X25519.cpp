// SPDX-License-Identifier: GPL-3.0-or-later
// libsignal-protocol-c does each X25519 of the ratchet in its bundled 32-bit
// curve25519-donna: three per ratchet step (the receiving chain, a new key pair, the sending
// chain), and a step comes whenever the direction of a conversation turns, which a delivery
// receipt does after every message at rest. Here donna takes 208 µs and libsodium's X25519
// 51 µs (2 vCPU EPYC, 2026-12-03): the three were most of a lone message's time at the
// receiver. libsignal offers no hook for its curve, but it calls curve25519_donna through
// its PLT, so a definition in the executable binds those calls here (the executable exports
// it: core/crypto/CMakeLists.txt). If a libsignal build ever binds the call internally, its own
// donna runs: slower, the same bytes; selfTest() checks either.
//
// The same output for every input (tst_x25519 compares both on random ones). One difference,
// on purpose: a point of small order gives an all-zero secret, which donna returns as
// success; here it is refused, libsignal then fails the agreement, and a hostile peer's
// low-order ratchet or prekey ends in an error instead of a chain keyed with zeros.
#include "core/crypto/X25519.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <sodium.h>

namespace {

std::atomic<bool> g_reached{false};

using Donna = int (*)(std::uint8_t *, const std::uint8_t *, const std::uint8_t *);

// libsignal's own function, next after the executable in the lookup order.
Donna libsignalsDonna()
{
    static const Donna next = reinterpret_cast<Donna>(dlsym(RTLD_NEXT, "curve25519_donna"));
    return next;
}

bool allZero(const std::uint8_t *bytes)
{
    std::uint8_t any = 0;
    for (int i = 0; i < 32; ++i)
        any |= bytes[i];
    return any == 0;
}

} // namespace

extern "C" __attribute__((visibility("default"))) int curve25519_donna(std::uint8_t *mypublic, const std::uint8_t *secret,
                                                                      const std::uint8_t *basepoint)
{
    g_reached.store(true, std::memory_order_relaxed);
    // libsignal's donna does not clamp the scalar (its keys are clamped when made), libsodium
    // does: a clamped scalar (every key libsignal makes) goes to libsodium, any other to
    // libsignal's own code, so the bytes out never differ. The branch reads only the five bits
    // that clamping fixes: for a libsignal key it always goes the same way.
    const bool clamped = (secret[0] & 7) == 0 && (secret[31] & 0xc0) == 0x40;
    if (clamped) {
        if (crypto_scalarmult_curve25519(mypublic, secret, basepoint) == 0)
            return 0;
    } else if (Donna own = libsignalsDonna(); own && own != &curve25519_donna) {
        if (own(mypublic, secret, basepoint) == 0 && !allZero(mypublic))
            return 0;
    }
    sodium_memzero(mypublic, crypto_scalarmult_curve25519_BYTES); // never left unwritten
    return -1;
}

namespace sotto::crypto::x25519 {

bool onLibsodium() { return g_reached.load(std::memory_order_relaxed); }

bool selfTest(signal_context *context)
{
    // RFC 7748, section 5.2, the first vector: scalar, u-coordinate, result. The scalar is
    // given clamped (0xa5 -> 0xa0, 0xc4 -> 0x44), as libsignal makes its keys: its donna
    // does not clamp, and X25519 clamps before it multiplies.
    static const std::uint8_t scalar[32] = {0xa0, 0x46, 0xe3, 0x6b, 0xf0, 0x52, 0x7c, 0x9d, 0x3b, 0x16, 0x15, 0x4b, 0x82, 0x46, 0x5e, 0xdd,
                                            0x62, 0x14, 0x4c, 0x0a, 0xc1, 0xfc, 0x5a, 0x18, 0x50, 0x6a, 0x22, 0x44, 0xba, 0x44, 0x9a, 0x44};
    static const std::uint8_t point[33] = {0x05, // libsignal's type byte for a Curve25519 key
                                           0xe6, 0xdb, 0x68, 0x67, 0x58, 0x30, 0x30, 0xdb, 0x35, 0x94, 0xc1, 0xa4, 0x24, 0xb1, 0x5f, 0x7c,
                                           0x72, 0x66, 0x24, 0xec, 0x26, 0xb3, 0x35, 0x3b, 0x10, 0xa9, 0x03, 0xa6, 0xd0, 0xab, 0x1c, 0x4c};
    static const std::uint8_t expected[32] = {0xc3, 0xda, 0x55, 0x37, 0x9d, 0xe9, 0xc6, 0x90, 0x8e, 0x94, 0xea, 0x4d, 0xf2, 0x8d, 0x08, 0x4f,
                                              0x32, 0xec, 0xcf, 0x03, 0x49, 0x1c, 0x71, 0xf7, 0x54, 0xb4, 0x07, 0x55, 0x77, 0xa2, 0x85, 0x52};
    ec_public_key *pub = nullptr;
    ec_private_key *priv = nullptr;
    bool ok = false;
    if (curve_decode_point(&pub, point, sizeof point, context) == 0 && curve_decode_private_point(&priv, scalar, sizeof scalar, context) == 0) {
        std::uint8_t *shared = nullptr;
        const int length = curve_calculate_agreement(&shared, pub, priv);
        ok = length == 32 && std::memcmp(shared, expected, 32) == 0;
        if (shared) {
            sodium_memzero(shared, 32);
            free(shared); // libsignal's malloc
        }
    }
    if (pub)
        SIGNAL_UNREF(pub);
    if (priv)
        SIGNAL_UNREF(priv);
    return ok;
}

} // namespace sotto::crypto::x25519
