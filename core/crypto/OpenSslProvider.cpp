// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/OpenSslProvider.h"

#include "core/crypto/CryptoLog.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <climits>

namespace sotto::crypto {
namespace {

OpenSslProvider *self(void *userData) { return static_cast<OpenSslProvider *>(userData); }

int randomBytes(uint8_t *data, size_t len, void *)
{
    if (len > size_t(INT_MAX))
        return SG_ERR_INVAL;
    return RAND_bytes(data, int(len)) == 1 ? SG_SUCCESS : SG_ERR_UNKNOWN;
}

int hmacInit(void **context, const uint8_t *key, size_t keyLen, void *userData)
{
    EVP_MAC_CTX *ctx = self(userData)->takeHmac();
    if (!ctx)
        return SG_ERR_NOMEM;
    if (EVP_MAC_init(ctx, key, keyLen, nullptr) != 1) {
        EVP_MAC_CTX_free(ctx); // not given back: its state is unknown
        return SG_ERR_UNKNOWN;
    }
    *context = ctx;
    return SG_SUCCESS;
}

int hmacUpdate(void *context, const uint8_t *data, size_t len, void *)
{
    return EVP_MAC_update(static_cast<EVP_MAC_CTX *>(context), data, len) == 1 ? SG_SUCCESS
                                                                                : SG_ERR_UNKNOWN;
}

int hmacFinal(void *context, signal_buffer **output, void *)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    size_t len = 0;
    if (EVP_MAC_final(static_cast<EVP_MAC_CTX *>(context), mac, &len, sizeof mac) != 1)
        return SG_ERR_UNKNOWN;
    signal_buffer *out = signal_buffer_create(mac, len);
    OPENSSL_cleanse(mac, sizeof mac);
    if (!out)
        return SG_ERR_NOMEM;
    *output = out;
    return SG_SUCCESS;
}

void hmacCleanup(void *context, void *userData) { self(userData)->giveBackHmac(static_cast<EVP_MAC_CTX *>(context)); }

int sha512Init(void **context, void *userData)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx)
        return SG_ERR_NOMEM;
    if (EVP_DigestInit_ex(ctx, self(userData)->sha512, nullptr) != 1) {
        EVP_MD_CTX_free(ctx);
        return SG_ERR_UNKNOWN;
    }
    *context = ctx;
    return SG_SUCCESS;
}

int sha512Update(void *context, const uint8_t *data, size_t len, void *)
{
    return EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(context), data, len) == 1 ? SG_SUCCESS
                                                                               : SG_ERR_UNKNOWN;
}

// libsignal reuses a digest context after final (XEdDSA hashes twice): final must reset.
int sha512Final(void *context, signal_buffer **output, void *userData)
{
    auto *ctx = static_cast<EVP_MD_CTX *>(context);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx, md, &len) != 1)
        return SG_ERR_UNKNOWN;
    if (EVP_DigestInit_ex(ctx, self(userData)->sha512, nullptr) != 1)
        return SG_ERR_UNKNOWN;
    signal_buffer *out = signal_buffer_create(md, len);
    OPENSSL_cleanse(md, sizeof md);
    if (!out)
        return SG_ERR_NOMEM;
    *output = out;
    return SG_SUCCESS;
}

void sha512Cleanup(void *context, void *) { EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(context)); }

const EVP_CIPHER *pickCipher(const OpenSslProvider *p, int cipher, size_t keyLen)
{
    int index = keyLen == 16 ? 0 : keyLen == 24 ? 1 : keyLen == 32 ? 2 : -1;
    if (index < 0)
        return nullptr;
    if (cipher == SG_CIPHER_AES_CBC_PKCS5)
        return p->aesCbc[index];
    if (cipher == SG_CIPHER_AES_CTR_NOPADDING)
        return p->aesCtr[index];
    return nullptr;
}

int runCipher(bool encrypt, signal_buffer **output, int cipher, const uint8_t *key, size_t keyLen,
              const uint8_t *iv, size_t ivLen, const uint8_t *input, size_t inputLen,
              void *userData)
{
    const EVP_CIPHER *evp = pickCipher(self(userData), cipher, keyLen);
    if (!evp || ivLen != 16 || inputLen > size_t(INT_MAX) - 32) {
        qCWarning(lcCrypto) << "cipher request refused: kind" << cipher << "key length" << keyLen;
        return SG_ERR_INVAL;
    }
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (!ctx)
        return SG_ERR_NOMEM;
    int result = SG_ERR_UNKNOWN;
    signal_buffer *out = signal_buffer_alloc(inputLen + 16);
    int len1 = 0;
    int len2 = 0;
    if (!out) {
        result = SG_ERR_NOMEM;
    } else if (EVP_CipherInit_ex2(ctx, evp, key, iv, encrypt ? 1 : 0, nullptr) == 1
               && EVP_CipherUpdate(ctx, signal_buffer_data(out), &len1, input, int(inputLen)) == 1
               && EVP_CipherFinal_ex(ctx, signal_buffer_data(out) + len1, &len2) == 1) {
        // signal_buffer has no shrink: copy to an exact-size buffer and wipe the big one.
        signal_buffer *exact = signal_buffer_create(signal_buffer_data(out), size_t(len1 + len2));
        if (exact) {
            *output = exact;
            result = SG_SUCCESS;
        } else {
            result = SG_ERR_NOMEM;
        }
    }
    if (out)
        signal_buffer_bzero_free(out);
    EVP_CIPHER_CTX_free(ctx);
    return result;
}

int encryptFn(signal_buffer **output, int cipher, const uint8_t *key, size_t keyLen,
              const uint8_t *iv, size_t ivLen, const uint8_t *plaintext, size_t len, void *userData)
{
    return runCipher(true, output, cipher, key, keyLen, iv, ivLen, plaintext, len, userData);
}

int decryptFn(signal_buffer **output, int cipher, const uint8_t *key, size_t keyLen,
              const uint8_t *iv, size_t ivLen, const uint8_t *ciphertext, size_t len,
              void *userData)
{
    return runCipher(false, output, cipher, key, keyLen, iv, ivLen, ciphertext, len, userData);
}

} // namespace

OpenSslProvider::OpenSslProvider()
{
    sha512 = EVP_MD_fetch(nullptr, "SHA512", nullptr);
    hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (hmac) {
        hmacTemplate = EVP_MAC_CTX_new(hmac);
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_end(),
        };
        if (hmacTemplate && EVP_MAC_CTX_set_params(hmacTemplate, params) != 1) {
            EVP_MAC_CTX_free(hmacTemplate);
            hmacTemplate = nullptr;
        }
    }
    const char *cbc[] = {"AES-128-CBC", "AES-192-CBC", "AES-256-CBC"};
    const char *ctr[] = {"AES-128-CTR", "AES-192-CTR", "AES-256-CTR"};
    for (int i = 0; i < 3; ++i) {
        aesCbc[i] = EVP_CIPHER_fetch(nullptr, cbc[i], nullptr);
        aesCtr[i] = EVP_CIPHER_fetch(nullptr, ctr[i], nullptr);
    }
    if (!isValid())
        qCCritical(lcCrypto) << "OpenSSL could not provide the algorithms libsignal needs";
}

EVP_MAC_CTX *OpenSslProvider::takeHmac()
{
    {
        std::lock_guard lock(m_spareLock);
        if (!m_spareHmacs.empty()) {
            EVP_MAC_CTX *ctx = m_spareHmacs.back();
            m_spareHmacs.pop_back();
            return ctx;
        }
    }
    return EVP_MAC_CTX_dup(hmacTemplate);
}

void OpenSslProvider::giveBackHmac(EVP_MAC_CTX *ctx)
{
    if (!ctx)
        return;
    // Keying it again overwrites the inner and outer digest states the last key left (what
    // EVP_MAC_CTX_free would have cleansed). If that fails, it is freed, as before.
    static constexpr unsigned char Zeros[32] = {};
    if (EVP_MAC_init(ctx, Zeros, sizeof Zeros, nullptr) == 1) {
        std::lock_guard lock(m_spareLock);
        if (m_spareHmacs.size() < MaxSpareHmacs) {
            m_spareHmacs.push_back(ctx);
            return;
        }
    }
    EVP_MAC_CTX_free(ctx);
}

OpenSslProvider::~OpenSslProvider()
{
    for (EVP_MAC_CTX *ctx : m_spareHmacs)
        EVP_MAC_CTX_free(ctx);
    EVP_MD_free(sha512);
    EVP_MAC_CTX_free(hmacTemplate);
    EVP_MAC_free(hmac);
    for (int i = 0; i < 3; ++i) {
        EVP_CIPHER_free(aesCbc[i]);
        EVP_CIPHER_free(aesCtr[i]);
    }
}

bool OpenSslProvider::isValid() const
{
    for (int i = 0; i < 3; ++i)
        if (!aesCbc[i] || !aesCtr[i])
            return false;
    return sha512 && hmac && hmacTemplate;
}

signal_crypto_provider OpenSslProvider::table() const
{
    signal_crypto_provider p{};
    p.random_func = randomBytes;
    p.hmac_sha256_init_func = hmacInit;
    p.hmac_sha256_update_func = hmacUpdate;
    p.hmac_sha256_final_func = hmacFinal;
    p.hmac_sha256_cleanup_func = hmacCleanup;
    p.sha512_digest_init_func = sha512Init;
    p.sha512_digest_update_func = sha512Update;
    p.sha512_digest_final_func = sha512Final;
    p.sha512_digest_cleanup_func = sha512Cleanup;
    p.encrypt_func = encryptFn;
    p.decrypt_func = decryptFn;
    p.user_data = const_cast<OpenSslProvider *>(this);
    return p;
}

} // namespace sotto::crypto
