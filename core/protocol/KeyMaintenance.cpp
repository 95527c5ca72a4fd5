// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/KeyMaintenance.h"

#include "core/crypto/SignalHandles.h"
#include "core/protocol/ProtocolLog.h"

#include <signal/curve.h>
#include <signal/key_helper.h>
#include <signal/ratchet.h>
#include <signal/session_pre_key.h>

namespace sotto::protocol {

using crypto::Adopt;
using crypto::SignalBuffer;

KeyMaintenance::KeyMaintenance(crypto::SignalContext &context, ProtocolStore &store, KeyPolicy policy)
    : m_context(context)
    , m_store(store)
    , m_policy(policy)
{
}

std::expected<PeerId, Error> KeyMaintenance::createLocalIdentity(std::int64_t nowMs)
{
    Adopt<ratchet_identity_key_pair> pair;
    int rc = signal_protocol_key_helper_generate_identity_key_pair(pair.out(), m_context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "generate identity"));
    auto owned = pair.take();

    signal_buffer *pub = nullptr;
    signal_buffer *priv = nullptr;
    if (ec_public_key_serialize(&pub, ratchet_identity_key_pair_get_public(owned.get())) != SG_SUCCESS
        || ec_private_key_serialize(&priv, ratchet_identity_key_pair_get_private(owned.get())) != SG_SUCCESS) {
        signal_buffer_bzero_free(pub);
        signal_buffer_bzero_free(priv);
        return std::unexpected(Error{Errc::Internal, QStringLiteral("serialize identity failed")});
    }
    SignalBuffer pubOwned(pub), privOwned(priv);

    LocalIdentityRecord local;
    local.publicKey = crypto::toByteArray(pub);
    local.peer = PeerId::fromIdentityKey(local.publicKey); // self-certifying: named by its key
    if (!local.peer.isValid())
        return std::unexpected(Error{Errc::Internal, QStringLiteral("identity key of an unexpected form")});
    local.privateKey = crypto::SecretBytes(signal_buffer_data(priv), signal_buffer_len(priv));
    rc = signal_protocol_key_helper_generate_registration_id(&local.registrationId, 0, m_context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "registration id"));
    if (!m_store.saveLocalIdentity(local))
        return std::unexpected(Error{Errc::StoreFailed, QStringLiteral("saving the identity failed")});

    if (auto r = generatePreKeys(m_policy.preKeyPoolSize); !r)
        return std::unexpected(r.error());
    if (auto r = generateSignedPreKey(nowMs); !r)
        return std::unexpected(r.error());
    return local.peer;
}

std::expected<void, Error> KeyMaintenance::generatePreKeys(int count)
{
    const std::uint32_t first = m_store.nextId("prekey", std::uint32_t(count));
    // libsignal wraps ids at 0xFFFFFE; our counter is monotonic, so map it into that range.
    const unsigned start = ((first - 1) % 0xFFFFFE) + 1;
    signal_protocol_key_helper_pre_key_list_node *head = nullptr;
    int rc = signal_protocol_key_helper_generate_pre_keys(&head, start, unsigned(count), m_context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "generate prekeys"));
    std::expected<void, Error> result;
    for (auto *node = head; node; node = signal_protocol_key_helper_key_list_next(node)) {
        session_pre_key *key = signal_protocol_key_helper_key_list_element(node);
        signal_buffer *serialized = nullptr;
        if (session_pre_key_serialize(&serialized, key) != SG_SUCCESS) {
            result = std::unexpected(Error{Errc::Internal, QStringLiteral("serialize prekey failed")});
            break;
        }
        QByteArray record = crypto::toByteArray(serialized);
        signal_buffer_bzero_free(serialized);
        const bool stored = m_store.storePreKey(session_pre_key_get_id(key), record);
        crypto::wipe(record);
        if (!stored) {
            result = std::unexpected(Error{Errc::StoreFailed, QStringLiteral("storing a prekey failed")});
            break;
        }
    }
    signal_protocol_key_helper_key_list_free(head);
    return result;
}

std::expected<void, Error> KeyMaintenance::generateSignedPreKey(std::int64_t nowMs)
{
    std::optional<LocalIdentityRecord> local = m_store.localIdentity();
    if (!local)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("no local identity")});
    Adopt<ec_public_key> pub;
    Adopt<ec_private_key> priv;
    int rc = curve_decode_point(pub.out(), reinterpret_cast<const uint8_t *>(local->publicKey.constData()),
                                size_t(local->publicKey.size()), m_context.get());
    if (rc == SG_SUCCESS)
        rc = curve_decode_private_point(priv.out(), local->privateKey.data(), local->privateKey.size(), m_context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "decode identity"));
    auto pubOwned = pub.take();
    auto privOwned = priv.take();
    Adopt<ratchet_identity_key_pair> pair;
    rc = ratchet_identity_key_pair_create(pair.out(), pubOwned.get(), privOwned.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "identity pair"));
    auto pairOwned = pair.take();

    const std::uint32_t id = ((m_store.nextId("signed_prekey", 1) - 1) % 0xFFFFFE) + 1;
    Adopt<session_signed_pre_key> signedKey;
    rc = signal_protocol_key_helper_generate_signed_pre_key(signedKey.out(), pairOwned.get(), id,
                                                            std::uint64_t(nowMs), m_context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "generate signed prekey"));
    auto signedOwned = signedKey.take();
    signal_buffer *serialized = nullptr;
    if (session_signed_pre_key_serialize(&serialized, signedOwned.get()) != SG_SUCCESS)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("serialize signed prekey failed")});
    QByteArray record = crypto::toByteArray(serialized);
    signal_buffer_bzero_free(serialized);
    const bool stored = m_store.storeSignedPreKey(id, record, nowMs);
    crypto::wipe(record);
    if (!stored)
        return std::unexpected(Error{Errc::StoreFailed, QStringLiteral("storing the signed prekey failed")});
    qCInfo(lcProtocol) << "new signed prekey" << id;
    return {};
}

std::expected<int, Error> KeyMaintenance::replenishPreKeys()
{
    const int fresh = m_store.freshPreKeyCount();
    if (fresh >= m_policy.preKeyLowWater)
        return 0;
    const int count = m_policy.preKeyPoolSize - fresh;
    if (auto r = generatePreKeys(count); !r)
        return std::unexpected(r.error());
    qCInfo(lcProtocol) << "replenished" << count << "one-time prekeys";
    return count;
}

std::expected<void, Error> KeyMaintenance::rotateSignedPreKey(std::int64_t nowMs)
{
    std::vector<SignedPreKeyInfo> keys = m_store.signedPreKeys();
    if (keys.empty() || nowMs - keys.front().createdAtMs >= m_policy.signedPreKeyRotation.count()) {
        if (auto r = generateSignedPreKey(nowMs); !r)
            return r;
        keys = m_store.signedPreKeys();
    }
    // Keep the newest always; drop the others once past retention, since a peer may still
    // send a PreKey message built on a bundle it fetched before the rotation.
    for (std::size_t i = 1; i < keys.size(); ++i) {
        if (nowMs - keys[i].createdAtMs >= m_policy.signedPreKeyRetention.count()) {
            if (!m_store.removeSignedPreKey(keys[i].id))
                return std::unexpected(Error{Errc::StoreFailed, QStringLiteral("removing a signed prekey failed")});
        }
    }
    return {};
}

} // namespace sotto::protocol
