// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/SessionManager.h"

#include "core/crypto/SignalHandles.h"
#include "core/protocol/Padding.h"
#include "core/protocol/ProtocolLog.h"

#include <signal/curve.h>
#include <signal/protocol.h>
#include <signal/session_builder.h>
#include <signal/session_cipher.h>
#include <signal/session_pre_key.h>

namespace sotto::protocol {
namespace {

Error storeFailed() { return {Errc::StoreFailed, QStringLiteral("could not open a store transaction")}; }

// A libsignal message starts with one byte: the message version in the high nibble and
// the sender's highest supported version in the low nibble. libsignal-protocol-c writes
// 0x33; Signal's current library (libsignal-client) writes 0x34 for the same version-3
// messages, because it also speaks version 4 (PQXDH). We accept exactly what the C library
// as a whole accepts: high nibble 3, any low nibble (0x30-0x3F).
// - pre_key_signal_message_deserialize requires version 3 and never reads the low nibble.
// - signal_message_deserialize also lets version 2 through, but the cipher then refuses
//   it (message version must equal the session's, and this library makes only version-3
//   sessions), so 0x2X is refused here, before any parsing, as before.
// Why the low nibble is safe to ignore: in a Whisper message (and in the one inside a
// PreKey message) the byte is covered by the message MAC, so it is what the sender wrote.
// The outer byte of a PreKey message is outside every MAC, but nothing reads its low
// nibble (the parsed message does not even keep it) and its high nibble must equal the
// MACed inner message's version. Changing it only yields another encoding of the same
// message, which decrypts the same way once and is then refused as a duplicate.
constexpr bool acceptedVersionByte(char first) { return (static_cast<unsigned char>(first) >> 4) == CIPHERTEXT_CURRENT_VERSION; }

// X25519 ignores the top bit of a public key's last byte (RFC 7748), so a PreKey message
// whose base or identity key had that bit flipped (both outside every MAC) would still
// decrypt, and a first contact would store a key that differs from the sender's. Keys
// libsignal makes are fully reduced, top bit clear: anything else is refused.
bool canonicalKey(ec_public_key *key)
{
    signal_buffer *raw = nullptr;
    if (!key || ec_public_key_serialize(&raw, key) != SG_SUCCESS)
        return false;
    crypto::SignalBuffer owned(raw);
    const size_t len = signal_buffer_len(raw);
    return len == 33 && (signal_buffer_data(raw)[32] & 0x80) == 0;
}

struct DecryptContext {
    const SessionManager::PlaintextSink *sink = nullptr;
    std::optional<std::uint32_t> outerRegistrationId; // PreKey messages only
    std::optional<Error> sinkError;
};

// Our plaintext frame inside the ratchet: the sender's registration id (4 bytes, big
// endian), then the caller's content, then the padding. The PreKey message carries the
// registration id again outside the MAC; comparing the two makes a tampered outer copy
// fail instead of being stored in the session.
QByteArray frame(std::uint32_t registrationId, const QByteArray &content)
{
    QByteArray framed;
    framed.reserve(content.size() + 4);
    for (int shift = 24; shift >= 0; shift -= 8)
        framed.append(char((registrationId >> shift) & 0xff));
    framed.append(content);
    return framed;
}

// Runs inside libsignal's decrypt, after the MAC check and before the session is saved.
int onPlaintext(session_cipher *, signal_buffer *plaintext, void *decryptContext)
{
    auto *ctx = static_cast<DecryptContext *>(decryptContext);
    QByteArray padded = crypto::toByteArray(plaintext);
    std::optional<QByteArray> unpadded = unpad(padded);
    crypto::wipe(padded);
    if (!unpadded || unpadded->size() < 4) {
        ctx->sinkError = Error{Errc::InvalidMessage, QStringLiteral("bad padding")};
        return SG_ERR_INVALID_MESSAGE;
    }
    const auto *head = reinterpret_cast<const uchar *>(unpadded->constData());
    const std::uint32_t innerRegistrationId = (std::uint32_t(head[0]) << 24) | (std::uint32_t(head[1]) << 16)
        | (std::uint32_t(head[2]) << 8) | std::uint32_t(head[3]);
    if (ctx->outerRegistrationId && *ctx->outerRegistrationId != innerRegistrationId) {
        ctx->sinkError = Error{Errc::InvalidMessage, QStringLiteral("registration id was tampered with")};
        return SG_ERR_INVALID_MESSAGE;
    }
    QByteArray content = unpadded->mid(4);
    crypto::wipe(*unpadded);
    std::expected<void, Error> r = (*ctx->sink)(content);
    crypto::wipe(content);
    if (!r) {
        ctx->sinkError = r.error();
        return SG_ERR_UNKNOWN;
    }
    return SG_SUCCESS;
}

crypto::SignalPtr<ec_public_key> decodeKey(const QByteArray &bytes, signal_context *ctx)
{
    crypto::Adopt<ec_public_key> key;
    if (bytes.isEmpty()
        || curve_decode_point(key.out(), reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()), ctx) != SG_SUCCESS)
        return {};
    return key.take();
}

} // namespace

struct SessionManager::Cipher {
    explicit Cipher(const PeerId &peer)
        : address(peer)
    {
    }
    ~Cipher()
    {
        if (cipher)
            session_cipher_free(cipher);
    }
    SignalAddress address; // libsignal keeps a pointer to it: it lives as long as the cipher
    session_cipher *cipher = nullptr;
};

SessionManager::SessionManager(crypto::SignalContext &context, ProtocolStore &store, KeyPolicy policy)
    : m_context(context)
    , m_store(store)
    , m_binding(context.get(), store)
    , m_keys(context, store, policy)
{
}

SessionManager::~SessionManager() = default;

SessionManager::Cipher *SessionManager::cipherFor(const PeerId &peer)
{
    auto it = m_ciphers.find(peer.toString());
    if (it != m_ciphers.end())
        return it->second.get();
    auto entry = std::make_unique<Cipher>(peer);
    if (session_cipher_create(&entry->cipher, m_binding.get(), entry->address.get(), m_context.get()) != SG_SUCCESS)
        return nullptr;
    session_cipher_set_decryption_callback(entry->cipher, onPlaintext);
    Cipher *raw = entry.get();
    m_ciphers.emplace(peer.toString(), std::move(entry));
    return raw;
}

std::expected<void, Error> SessionManager::checkTrust(const PeerId &peer)
{
    std::optional<IdentityRecord> record = m_store.identity(peer);
    if (!record)
        return {};
    if (record->trust == TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});
    return {};
}

std::expected<PreKeyBundle, Error> SessionManager::ownBundle()
{
    StoreTransaction tx(m_store);
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    std::expected<PreKeyBundle, Error> bundle = buildOwnBundle(m_context, m_store);
    if (!bundle)
        return bundle;
    if (auto r = m_keys.replenishPreKeys(); !r)
        return std::unexpected(r.error());
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return bundle;
}

std::expected<void, Error> SessionManager::startSession(const PreKeyBundle &b)
{
    if (std::optional<IdentityRecord> record = m_store.identity(b.peer); record && record->trust == TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});

    signal_context *ctx = m_context.get();
    auto identityKey = decodeKey(b.identityKey, ctx);
    auto signedPreKey = decodeKey(b.signedPreKey, ctx);
    auto preKey = decodeKey(b.preKey, ctx);
    if (!identityKey || !signedPreKey || (!b.preKey.isEmpty() && !preKey))
        return std::unexpected(Error{Errc::InvalidKey, QStringLiteral("bundle holds an invalid key")});

    crypto::Adopt<session_pre_key_bundle> bundle;
    int rc = session_pre_key_bundle_create(bundle.out(), b.registrationId, b.deviceId, b.preKeyId, preKey.get(),
                                           b.signedPreKeyId, signedPreKey.get(),
                                           reinterpret_cast<const uint8_t *>(b.signedPreKeySignature.constData()),
                                           size_t(b.signedPreKeySignature.size()), identityKey.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "bundle"));
    auto bundleOwned = bundle.take();

    SignalAddress address(b.peer);
    session_builder *builder = nullptr;
    if (session_builder_create(&builder, m_binding.get(), address.get(), ctx) != SG_SUCCESS)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("session builder")});
    std::unique_ptr<session_builder, void (*)(session_builder *)> builderOwned(builder, session_builder_free);

    {
        StoreTransaction tx(m_store);
        if (!tx.isOpen())
            return std::unexpected(storeFailed());
        rc = session_builder_process_pre_key_bundle(builder, bundleOwned.get());
        if (rc == SG_SUCCESS) {
            if (!tx.commit())
                return std::unexpected(storeFailed());
            m_ciphers.erase(b.peer.toString());
            return {};
        }
    }
    return std::unexpected(Error::fromSignal(rc, "start session"));
}

bool SessionManager::hasSession(const PeerId &peer)
{
    SignalAddress address(peer);
    return signal_protocol_session_contains_session(m_binding.get(), address.get()) == 1;
}

std::expected<CipherMessage, Error> SessionManager::encrypt(const PeerId &peer, const QByteArray &plaintext)
{
    if (plaintext.size() > MaxPlaintextSize)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("message too large")});
    if (auto trusted = checkTrust(peer); !trusted)
        return std::unexpected(trusted.error());
    // Without a session libsignal answers SG_ERR_UNKNOWN; say what is really missing.
    if (!hasSession(peer))
        return std::unexpected(Error{Errc::NoSession, QStringLiteral("no session with this contact")});
    Cipher *cipher = cipherFor(peer);
    if (!cipher)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("session cipher")});

    const LocalIdentityRecord *local = m_binding.localIdentity();
    if (!local)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("no local identity")});
    QByteArray framed = frame(local->registrationId, plaintext);
    QByteArray padded = pad(framed);
    crypto::wipe(framed);
    StoreTransaction tx(m_store);
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    crypto::Adopt<ciphertext_message> message;
    const int rc = session_cipher_encrypt(cipher->cipher, reinterpret_cast<const uint8_t *>(padded.constData()),
                                          size_t(padded.size()), message.out());
    crypto::wipe(padded);
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "encrypt"));
    auto owned = message.take();
    CipherMessage out;
    out.kind = ciphertext_message_get_type(owned.get()) == CIPHERTEXT_PREKEY_TYPE ? MessageKind::PreKey : MessageKind::Whisper;
    out.bytes = crypto::toByteArray(ciphertext_message_get_serialized(owned.get()));
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return out;
}

std::expected<void, Error> SessionManager::decrypt(const PeerId &peer, const CipherMessage &message, const PlaintextSink &sink)
{
    if (message.bytes.isEmpty() || message.bytes.size() > MaxCiphertextSize)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("ciphertext size out of range")});
    if (message.kind != MessageKind::PreKey && message.kind != MessageKind::Whisper)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("unknown message kind")});
    // Shorter than a version byte and a MAC (Whisper) or than a version byte and anything
    // (PreKey): libsignal answers SG_ERR_INVAL, which would read as our own failure and
    // leave the envelope neither acknowledged nor rejected, resent forever.
    if (message.bytes.size() < (message.kind == MessageKind::Whisper ? 10 : 2))
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("ciphertext too short")});
    if (!acceptedVersionByte(message.bytes.at(0)))
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("unsupported message version")});
    if (auto trusted = checkTrust(peer); !trusted)
        return std::unexpected(trusted.error());
    Cipher *cipher = cipherFor(peer);
    if (!cipher)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("session cipher")});

    signal_context *ctx = m_context.get();
    const auto *data = reinterpret_cast<const uint8_t *>(message.bytes.constData());
    const size_t len = size_t(message.bytes.size());
    DecryptContext decryptContext{&sink, std::nullopt, std::nullopt};
    int rc = SG_SUCCESS;
    {
        StoreTransaction tx(m_store);
        if (!tx.isOpen())
            return std::unexpected(storeFailed());
        signal_buffer *plaintext = nullptr;
        if (message.kind == MessageKind::PreKey) {
            crypto::Adopt<pre_key_signal_message> parsed;
            rc = pre_key_signal_message_deserialize(parsed.out(), data, len, ctx);
            if (rc == SG_SUCCESS) {
                auto owned = parsed.take();
                if (!canonicalKey(pre_key_signal_message_get_base_key(owned.get()))
                    || !canonicalKey(pre_key_signal_message_get_identity_key(owned.get())))
                    rc = SG_ERR_INVALID_KEY;
                decryptContext.outerRegistrationId = pre_key_signal_message_get_registration_id(owned.get());
                if (rc == SG_SUCCESS)
                    rc = session_cipher_decrypt_pre_key_signal_message(cipher->cipher, owned.get(), &decryptContext, &plaintext);
            }
        } else {
            crypto::Adopt<signal_message> parsed;
            rc = signal_message_deserialize(parsed.out(), data, len, ctx);
            if (rc == SG_SUCCESS) {
                auto owned = parsed.take();
                rc = session_cipher_decrypt_signal_message(cipher->cipher, owned.get(), &decryptContext, &plaintext);
            }
        }
        crypto::SignalBuffer plaintextOwned(plaintext);
        if (rc == SG_SUCCESS && message.kind == MessageKind::PreKey) {
            // The PreKey message consumed a one-time prekey: top the pool up in the same
            // transaction.
            if (auto r = m_keys.replenishPreKeys(); !r)
                return std::unexpected(r.error());
        }
        if (rc == SG_SUCCESS) {
            if (!tx.commit())
                return std::unexpected(storeFailed());
            return {};
        }
    }
    if (decryptContext.sinkError)
        return std::unexpected(*decryptContext.sinkError);
    return std::unexpected(Error::fromSignal(rc, "decrypt"));
}

std::expected<void, Error> SessionManager::setTrust(const PeerId &peer, TrustState trust)
{
    StoreTransaction tx(m_store);
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    std::optional<IdentityRecord> record = m_store.identity(peer);
    if (!record)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("unknown contact")});
    record->trust = trust;
    if (!m_store.saveIdentity(*record) || !tx.commit())
        return std::unexpected(storeFailed());
    return {};
}

std::expected<void, Error> SessionManager::resetSession(const PeerId &peer)
{
    StoreTransaction tx(m_store);
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    m_store.deleteAllSessions(peer);
    if (!tx.commit())
        return std::unexpected(storeFailed());
    m_ciphers.erase(peer.toString());
    return {};
}

std::expected<void, Error> SessionManager::maintainKeys(std::int64_t nowMs)
{
    StoreTransaction tx(m_store);
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    if (auto r = m_keys.replenishPreKeys(); !r)
        return std::unexpected(r.error());
    if (auto r = m_keys.rotateSignedPreKey(nowMs); !r)
        return r;
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return {};
}

} // namespace sotto::protocol
