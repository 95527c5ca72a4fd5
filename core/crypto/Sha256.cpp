// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Sha256.h"

#include <openssl/evp.h>

namespace sotto::crypto {

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr) != 1)
        qFatal("SHA-256 is not available from OpenSSL");
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx); }

void Sha256::addData(const char *data, std::size_t size) { EVP_DigestUpdate(m_ctx, data, size); }

QByteArray Sha256::result()
{
    QByteArray out(32, '\0');
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char *>(out.data()), &length);
    return out;
}

} // namespace sotto::crypto
