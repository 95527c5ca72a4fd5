// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ContactBeacon.h"

#include <QtEndian>

#include <cstring>
#include <utility>

namespace sotto::net {
namespace {

constexpr char SignatureContext[] = "sotto-beacon-contacts-v1";
constexpr char EncryptLabel[] = "sotto-beacon-encrypt";
constexpr char TagLabel[] = "sotto-beacon-tag";

crypto::SecretBytes hmac(const crypto::SecretBytes &key, const char *label)
{
    crypto::SecretBytes out(crypto_auth_hmacsha256_BYTES);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(label), std::strlen(label));
    crypto_auth_hmacsha256_final(&state, out.data());
    sodium_memzero(&state, sizeof state);
    return out;
}

} // namespace

QByteArray contactBeaconSignedMessage(const QByteArray &nonce, quint16 port, qint64 timestampMs)
{
    QByteArray message(SignatureContext);
    message += nonce;
    char number[8];
    qToBigEndian(port, number);
    message.append(number, 2);
    qToBigEndian(timestampMs, number);
    message.append(number, 8);
    return message;
}

std::optional<BeaconKey> BeaconKey::fromSecret(const crypto::SecretBytes &secret)
{
    if (secret.size() != BeaconKeySize)
        return std::nullopt;
    if (sodium_init() < 0)
        qFatal("libsodium could not initialise");
    BeaconKey key;
    key.m_secret = crypto::SecretBytes(secret.data(), secret.size());
    key.m_encryptKey = hmac(secret, EncryptLabel);
    const crypto::SecretBytes tagKey = hmac(secret, TagLabel);
    crypto_auth_hmacsha256_init(&key.m_mac, tagKey.data(), tagKey.size());
    return key;
}

BeaconKey BeaconKey::generate() { return *fromSecret(crypto::SecretBytes::random(BeaconKeySize)); }

BeaconKey::BeaconKey(BeaconKey &&other) noexcept
    : m_secret(std::move(other.m_secret))
    , m_encryptKey(std::move(other.m_encryptKey))
    , m_mac(other.m_mac)
{
    sodium_memzero(&other.m_mac, sizeof other.m_mac);
}

BeaconKey &BeaconKey::operator=(BeaconKey &&other) noexcept
{
    if (this != &other) {
        m_secret = std::move(other.m_secret);
        m_encryptKey = std::move(other.m_encryptKey);
        m_mac = other.m_mac;
        sodium_memzero(&other.m_mac, sizeof other.m_mac);
    }
    return *this;
}

BeaconKey::~BeaconKey() { sodium_memzero(&m_mac, sizeof m_mac); }

QByteArray BeaconKey::tag(const unsigned char *data, std::size_t size) const
{
    crypto_auth_hmacsha256_state state = m_mac; // keyed once; a copy per message
    unsigned char full[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_update(&state, data, size);
    crypto_auth_hmacsha256_final(&state, full);
    sodium_memzero(&state, sizeof state);
    return QByteArray(reinterpret_cast<const char *>(full), ContactBeaconTagSize);
}

QByteArray BeaconKey::seal(quint16 port, qint64 nowMs, const std::function<QByteArray(const QByteArray &)> &sign) const
{
    QByteArray nonce(ContactBeaconNonceSize, Qt::Uninitialized);
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    const QByteArray signature = sign(contactBeaconSignedMessage(nonce, port, nowMs));
    if (signature.size() != ContactBeaconSignatureSize)
        return {};
    QByteArray plaintext(ContactBeaconPlaintextSize, Qt::Uninitialized);
    qToBigEndian(port, plaintext.data());
    qToBigEndian(nowMs, plaintext.data() + 2);
    std::memcpy(plaintext.data() + 10, signature.constData(), ContactBeaconSignatureSize);

    QByteArray out;
    out.reserve(ContactBeaconSize);
    out.append(char(ContactBeaconKind));
    out.append(nonce);
    QByteArray ciphertext(ContactBeaconPlaintextSize, Qt::Uninitialized);
    crypto_stream_xchacha20_xor(reinterpret_cast<unsigned char *>(ciphertext.data()),
                                reinterpret_cast<const unsigned char *>(plaintext.constData()), std::size_t(plaintext.size()),
                                reinterpret_cast<const unsigned char *>(nonce.constData()), m_encryptKey.data());
    out.append(ciphertext);
    out.append(tag(reinterpret_cast<const unsigned char *>(out.constData()), std::size_t(out.size())));
    return out;
}

std::optional<ContactBeaconBody> BeaconKey::open(const QByteArray &datagram) const
{
    if (datagram.size() != ContactBeaconSize || std::uint8_t(datagram[0]) != ContactBeaconKind)
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const unsigned char *>(datagram.constData());
    constexpr int tagAt = ContactBeaconSize - ContactBeaconTagSize;
    const QByteArray expected = tag(bytes, tagAt);
    // Constant time: the tag is what a stranger would try to forge byte by byte.
    if (crypto_verify_16(reinterpret_cast<const unsigned char *>(expected.constData()), bytes + tagAt) != 0)
        return std::nullopt;
    const QByteArray nonce = datagram.mid(1, ContactBeaconNonceSize);
    unsigned char plaintext[ContactBeaconPlaintextSize];
    crypto_stream_xchacha20_xor(plaintext, bytes + 1 + ContactBeaconNonceSize, ContactBeaconPlaintextSize, bytes + 1,
                                m_encryptKey.data());
    ContactBeaconBody body;
    body.port = qFromBigEndian<quint16>(plaintext);
    body.timestampMs = qFromBigEndian<qint64>(plaintext + 2);
    body.signature = QByteArray(reinterpret_cast<const char *>(plaintext + 10), ContactBeaconSignatureSize);
    body.signedMessage = contactBeaconSignedMessage(nonce, body.port, body.timestampMs);
    return body;
}

} // namespace sotto::net
