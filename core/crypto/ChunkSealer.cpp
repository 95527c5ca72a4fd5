// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ChunkSealer.h"

#include <sodium.h>

#include <QtEndian>

#include <cstring>

namespace sotto::crypto {

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

QByteArray ChunkSealer::associatedData(std::uint64_t index, bool last) const
{
    QByteArray ad("sotto-chunk-v1");
    ad.append(m_fileId);
    char be[8];
    qToBigEndian(index, be);
    ad.append(be, 8);
    ad.append(char(last ? 1 : 0));
    return ad;
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
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NonceSize, &written, reinterpret_cast<const unsigned char *>(plain), plainSize, ad,
                                               AdSize, nullptr, nonce, m_key.data());
    return true;
}

bool ChunkSealer::openInto(std::uint64_t index, bool last, const char *sealed, std::size_t sealedSize, char *out) const
{
    if (!m_valid || sealedSize < Overhead || sealedSize > SealedChunkSize)
        return false;
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed);
    unsigned char ad[AdSize];
    associatedData(index, last, ad);
    unsigned long long written = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(out), &written, nullptr, nonce + NonceSize,
                                                      sealedSize - NonceSize, ad, AdSize, nonce, m_key.data())
        == 0;
}

QByteArray ChunkSealer::seal(std::uint64_t index, bool last, const QByteArray &plaintext) const
{
    if (!m_valid)
        return {};
    QByteArray out(qsizetype(NonceSize) + plaintext.size() + qsizetype(TagSize), Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, NonceSize); // random 192-bit nonces never repeat in practice
    const QByteArray ad = associatedData(index, last);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NonceSize, &written, reinterpret_cast<const unsigned char *>(plaintext.constData()),
                                               std::size_t(plaintext.size()), reinterpret_cast<const unsigned char *>(ad.constData()),
                                               std::size_t(ad.size()), nullptr, nonce, m_key.data());
    return out;
}

std::optional<QByteArray> ChunkSealer::open(std::uint64_t index, bool last, const QByteArray &sealed) const
{
    if (!m_valid || sealed.size() < qsizetype(Overhead) || sealed.size() > qsizetype(SealedChunkSize))
        return std::nullopt;
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plain(sealed.size() - qsizetype(Overhead), Qt::Uninitialized);
    const QByteArray ad = associatedData(index, last);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()), &written, nullptr, nonce + NonceSize,
                                                   std::size_t(sealed.size()) - NonceSize,
                                                   reinterpret_cast<const unsigned char *>(ad.constData()), std::size_t(ad.size()),
                                                   nonce, m_key.data())
        != 0)
        return std::nullopt;
    return plain;
}

} // namespace sotto::crypto
