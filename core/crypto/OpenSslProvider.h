// SPDX-License-Identifier: GPL-3.0-or-later
// The crypto provider libsignal-protocol-c calls for every primitive it needs:
// CSPRNG, HMAC-SHA256, SHA-512 (whose final resets for reuse), AES-CBC/PKCS#7 and AES-CTR.
// OpenSSL 3 EVP only; algorithms are fetched once here rather than on every message.
#pragma once

#include <signal/signal_protocol.h>

#include <openssl/types.h>

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

    // Fetched algorithm handles (owned).
    EVP_MD *sha512 = nullptr;
    EVP_MAC_CTX *hmacTemplate = nullptr; // HMAC with SHA-256 set; duplicated per use
    EVP_MAC *hmac = nullptr;
    EVP_CIPHER *aesCbc[3] = {}; // 128, 192, 256
    EVP_CIPHER *aesCtr[3] = {};
};

} // namespace sotto::crypto
