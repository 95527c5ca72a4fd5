// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ChunkSealer.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <QScopeGuard>
#include <QtEndian>

#include <cstring>

namespace sotto::crypto {
namespace {

// XChaCha20-Poly1305 (IETF) exactly as libsodium's crypto_aead_xchacha20poly1305_ietf_*
// defines it: HChaCha20 (libsodium) turns the key and the nonce's first 16 bytes into a
// subkey; ChaCha20-Poly1305 of RFC 8439 runs under that subkey with 4 zero bytes and the
// nonce's last 8 as its nonce. The same bytes either way (tst_chunksealer checks both
// directions against libsodium); the bulk goes through OpenSSL's EVP because its ChaCha20
// and Poly1305 use the CPU's AVX-512 here: 3.9 GB/s against libsodium's 1.24 on 256 KiB
// (docs/BENCHMARKS.md), and every byte of a file is sealed once and opened once.
// Sealing writes the tag to `tag`; opening checks it there, and on a failure wipes `out`
// (which EVP fills before the tag is checked), so nothing unauthenticated is left. Where
// OpenSSL offers no ChaCha20-Poly1305 (a FIPS-only configuration), libsodium does it all.
bool sodiumXchacha(bool seal, const unsigned char *key, const unsigned char *nonce, const unsigned char *ad, std::size_t adSize,
                   const unsigned char *in, std::size_t size, unsigned char *out, unsigned char *tag)
{
    if (seal)
        return crypto_aead_xchacha20poly1305_ietf_encrypt_detached(out, tag, nullptr, in, size, ad, adSize, nullptr, nonce, key) == 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt_detached(out, nullptr, in, size, tag, ad, adSize, nonce, key) == 0;
}

bool xchacha(bool seal, const unsigned char *key, const unsigned char *nonce, const unsigned char *ad, std::size_t adSize,
             const unsigned char *in, std::size_t size, unsigned char *out, unsigned char *tag)
{
    unsigned char subkey[32];
    crypto_core_hchacha20(subkey, nonce, key, nullptr);
    unsigned char iv[12] = {0, 0, 0, 0};
    std::memcpy(iv + 4, nonce + 16, 8);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    const auto cleanup = qScopeGuard([&] {
        EVP_CIPHER_CTX_free(ctx); // (frees the context's copy of the subkey cleansed)
        sodium_memzero(subkey, sizeof subkey);
    });
    if (!ctx || EVP_CipherInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, subkey, iv, seal ? 1 : 0) != 1)
        return sodiumXchacha(seal, key, nonce, ad, adSize, in, size, out, tag);
    int n = 0;
    const bool ok = EVP_CipherUpdate(ctx, nullptr, &n, ad, int(adSize)) == 1
        && (seal || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag) == 1)
        && (size == 0 || EVP_CipherUpdate(ctx, out, &n, in, int(size)) == 1) && EVP_CipherFinal_ex(ctx, out + (size ? n : 0), &n) == 1
        && (!seal || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag) == 1);
    if (!ok && !seal && size)
        sodium_memzero(out, size);
    return ok;
}

} // namespace

ChunkSealer::ChunkSealer(const SecretBytes &key, const QByteArray &fileId)
    : m_key(key)
    , m_fileId(fileId)
    , m_valid(key.size() == KeySize && fileId.size() == qsizetype(FileIdSize))
{
    static_assert(KeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    static_assert(NonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    static_assert(TagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);
}

std::uint64_t ChunkSealer::chunkCount(std::uint64_t size)
{
    return size == 0 ? 1 : (size + ChunkSize - 1) / ChunkSize;
}

std::uint32_t ChunkSealer::plainLength(std::uint64_t size, std::uint64_t index)
{
    const std::uint64_t start = index * ChunkSize;
    return start >= size ? 0 : std::uint32_t(std::min<std::uint64_t>(ChunkSize, size - start));
}

void ChunkSealer::associatedData(std::uint64_t index, bool last, unsigned char (&ad)[AdSize]) const
{
    static_assert(AdSize == sizeof("sotto-chunk-v1") - 1 + FileIdSize + 8 + 1);
    std::memcpy(ad, "sotto-chunk-v1", 14);
    std::memcpy(ad + 14, m_fileId.constData(), FileIdSize);
    qToBigEndian(index, ad + 14 + FileIdSize);
    ad[AdSize - 1] = last ? 1 : 0;
}

bool ChunkSealer::sealInto(std::uint64_t index, bool last, const char *plain, std::size_t plainSize, char *out) const
{
    if (!m_valid || plainSize > ChunkSize)
        return false;
    auto *nonce = reinterpret_cast<unsigned char *>(out);
    randombytes_buf(nonce, NonceSize); // random 192-bit nonces never repeat in practice
    unsigned char ad[AdSize];
    associatedData(index, last, ad);
    auto *cipher = nonce + NonceSize;
    return xchacha(true, m_key.data(), nonce, ad, AdSize, reinterpret_cast<const unsigned char *>(plain), plainSize, cipher, cipher + plainSize);
}

bool ChunkSealer::openInto(std::uint64_t index, bool last, const char *sealed, std::size_t sealedSize, char *out) const
{
    if (!m_valid || sealedSize < Overhead || sealedSize > SealedChunkSize)
        return false;
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed);
    unsigned char ad[AdSize];
    associatedData(index, last, ad);
    const std::size_t plainSize = sealedSize - Overhead;
    // (The tag is only read; EVP's API takes it as writable.)
    auto *tag = const_cast<unsigned char *>(nonce + NonceSize + plainSize);
    return xchacha(false, m_key.data(), nonce, ad, AdSize, nonce + NonceSize, plainSize, reinterpret_cast<unsigned char *>(out), tag);
}

QByteArray ChunkSealer::seal(std::uint64_t index, bool last, const QByteArray &plaintext) const
{
    QByteArray out(qsizetype(NonceSize) + plaintext.size() + qsizetype(TagSize), Qt::Uninitialized);
    if (!sealInto(index, last, plaintext.constData(), std::size_t(plaintext.size()), out.data()))
        return {};
    return out;
}

std::optional<QByteArray> ChunkSealer::open(std::uint64_t index, bool last, const QByteArray &sealed) const
{
    if (!m_valid || sealed.size() < qsizetype(Overhead) || sealed.size() > qsizetype(SealedChunkSize))
        return std::nullopt;
    QByteArray plain(sealed.size() - qsizetype(Overhead), Qt::Uninitialized);
    if (!openInto(index, last, sealed.constData(), std::size_t(sealed.size()), plain.data()))
        return std::nullopt;
    return plain;
}

} // namespace sotto::crypto
