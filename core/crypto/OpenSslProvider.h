// SPDX-License-Identifier: GPL-3.0-or-later
// The crypto provider libsignal-protocol-c calls for every primitive it needs:
// CSPRNG, HMAC-SHA256, SHA-512 (whose final resets for reuse), AES-CBC/PKCS#7 and AES-CTR.
// OpenSSL 3 EVP only; algorithms are fetched once here rather than on every message.
#pragma once

#include <signal/signal_protocol.h>

#include <openssl/types.h>

#include <mutex>
#include <vector>

namespace sotto::crypto {

class OpenSslProvider {
public:
    OpenSslProvider();
    ~OpenSslProvider();
    OpenSslProvider(const OpenSslProvider &) = delete;
    OpenSslProvider &operator=(const OpenSslProvider &) = delete;

    bool isValid() const;
    // A provider table whose user_data points at this object; valid while it lives.
    signal_crypto_provider table() const;

    // HMAC contexts are reused: a fresh one per HMAC (EVP_MAC_CTX_dup, then free) was 5-9 %
    // of a node's CPU under load, and libsignal makes about ten HMACs per message. A
    // context given back is first keyed with zeros, so no key's state outlives its use.
    EVP_MAC_CTX *takeHmac();
    void giveBackHmac(EVP_MAC_CTX *ctx);

    // Fetched algorithm handles (owned).
    EVP_MD *sha512 = nullptr;
    EVP_MAC_CTX *hmacTemplate = nullptr; // HMAC with SHA-256 set; duplicated per use
    EVP_MAC *hmac = nullptr;
    EVP_CIPHER *aesCbc[3] = {}; // 128, 192, 256
    EVP_CIPHER *aesCtr[3] = {};

private:
    static constexpr std::size_t MaxSpareHmacs = 8;
    std::mutex m_spareLock; // libsignal calls in from whichever thread uses its context
    std::vector<EVP_MAC_CTX *> m_spareHmacs;
};

} // namespace sotto::crypto
