// SPDX-License-Identifier: GPL-3.0-or-later
// Sha256 hashes a stream with OpenSSL's EVP (which uses the CPU's SHA extensions where there
// are any: several times Qt's own implementation, which bounded attachment throughput). It
// owns one EVP_MD_CTX; nothing else.
#pragma once

#include <QByteArray>

struct evp_md_ctx_st;

namespace sotto::crypto {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, std::size_t size);
    void addData(const QByteArray &bytes) { addData(bytes.constData(), std::size_t(bytes.size())); }
    // The 32-byte digest of everything added; the hash cannot be fed after this.
    QByteArray result();

private:
    evp_md_ctx_st *m_ctx;
};

} // namespace sotto::crypto
