// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/StoreBinding.h"

#include "core/protocol/ProtocolLog.h"

#include <QDateTime>

#include <sodium.h>

namespace sotto::protocol {
namespace {

StoreBinding &binding(void *userData) { return *static_cast<StoreBinding *>(userData); }
ProtocolStore &store(void *userData) { return binding(userData).store(); }

PeerId peerOf(const char *name, size_t len)
{
    return PeerId::fromString(QString::fromLatin1(name, qsizetype(len)));
}
PeerId peerOf(const signal_protocol_address *address) { return peerOf(address->name, address->name_len); }

QByteArray bytes(const uint8_t *data, size_t len)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(len));
}

// Copies a record into a fresh signal_buffer and wipes our copy: records hold private keys
// and chain keys.
int hand(signal_buffer **out, std::optional<QByteArray> record)
{
    if (!record)
        return 0;
    *out = signal_buffer_create(reinterpret_cast<const uint8_t *>(record->constData()), size_t(record->size()));
    sodium_memzero(record->data(), size_t(record->size()));
    return *out ? 1 : SG_ERR_NOMEM;
}

int ok(bool success) { return success ? SG_SUCCESS : SG_ERR_UNKNOWN; }

// --- sessions ---
int loadSession(signal_buffer **record, signal_buffer **userRecord, const signal_protocol_address *address, void *ud)
{
    *userRecord = nullptr;
    const PeerId peer = peerOf(address);
    if (!peer.isValid())
        return 0;
    return hand(record, store(ud).loadSession(peer, address->device_id));
}
int subDeviceSessions(signal_int_list **sessions, const char *name, size_t len, void *ud)
{
    signal_int_list *list = signal_int_list_alloc();
    if (!list)
        return SG_ERR_NOMEM;
    const PeerId peer = peerOf(name, len);
    if (peer.isValid())
        for (std::int32_t device : store(ud).subDeviceSessions(peer))
            signal_int_list_push_back(list, device);
    *sessions = list;
    return int(signal_int_list_size(list));
}
int storeSession(const signal_protocol_address *address, uint8_t *record, size_t len, uint8_t *, size_t, void *ud)
{
    const PeerId peer = peerOf(address);
    return peer.isValid() ? ok(store(ud).storeSession(peer, address->device_id, bytes(record, len))) : SG_ERR_INVAL;
}
int containsSession(const signal_protocol_address *address, void *ud)
{
    const PeerId peer = peerOf(address);
    return peer.isValid() && store(ud).containsSession(peer, address->device_id) ? 1 : 0;
}
int deleteSession(const signal_protocol_address *address, void *ud)
{
    const PeerId peer = peerOf(address);
    return peer.isValid() && store(ud).deleteSession(peer, address->device_id) ? 1 : 0;
}
int deleteAllSessions(const char *name, size_t len, void *ud)
{
    const PeerId peer = peerOf(name, len);
    return peer.isValid() ? store(ud).deleteAllSessions(peer) : 0;
}

// --- prekeys ---
int loadPreKey(signal_buffer **record, uint32_t id, void *ud)
{
    const int r = hand(record, store(ud).loadPreKey(id));
    return r == 0 ? SG_ERR_INVALID_KEY_ID : r < 0 ? r : SG_SUCCESS;
}
int storePreKey(uint32_t id, uint8_t *record, size_t len, void *ud) { return ok(store(ud).storePreKey(id, bytes(record, len))); }
int containsPreKey(uint32_t id, void *ud) { return store(ud).containsPreKey(id) ? 1 : 0; }
int removePreKey(uint32_t id, void *ud) { return ok(store(ud).removePreKey(id)); }

// --- signed prekeys ---
int loadSignedPreKey(signal_buffer **record, uint32_t id, void *ud)
{
    const int r = hand(record, store(ud).loadSignedPreKey(id));
    return r == 0 ? SG_ERR_INVALID_KEY_ID : r < 0 ? r : SG_SUCCESS;
}
int storeSignedPreKey(uint32_t id, uint8_t *record, size_t len, void *ud)
{
    return ok(store(ud).storeSignedPreKey(id, bytes(record, len), QDateTime::currentMSecsSinceEpoch()));
}
int containsSignedPreKey(uint32_t id, void *ud) { return store(ud).containsSignedPreKey(id) ? 1 : 0; }
int removeSignedPreKey(uint32_t id, void *ud) { return ok(store(ud).removeSignedPreKey(id)); }

// --- identity ---
int identityKeyPair(signal_buffer **publicData, signal_buffer **privateData, void *ud)
{
    const LocalIdentityRecord *local = binding(ud).localIdentity();
    if (!local)
        return SG_ERR_UNKNOWN;
    *publicData = signal_buffer_create(reinterpret_cast<const uint8_t *>(local->publicKey.constData()), size_t(local->publicKey.size()));
    *privateData = signal_buffer_create(local->privateKey.data(), local->privateKey.size());
    return *publicData && *privateData ? SG_SUCCESS : SG_ERR_NOMEM;
}
int localRegistrationId(void *ud, uint32_t *id)
{
    const LocalIdentityRecord *local = binding(ud).localIdentity();
    if (!local)
        return SG_ERR_UNKNOWN;
    *id = local->registrationId;
    return SG_SUCCESS;
}
int saveIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t len, void *ud)
{
    const PeerId peer = peerOf(address);
    if (!peer.isValid())
        return SG_ERR_INVAL;
    if (!keyData) // libsignal's way of saying "forget this identity"; we keep contacts.
        return SG_SUCCESS;
    const QByteArray key = bytes(keyData, len);
    std::optional<IdentityRecord> record = store(ud).identity(peer);
    if (record && record->identityKey == key)
        return SG_SUCCESS;
    if (record && !record->identityKey.isEmpty()) {
        // Only reachable if trust said yes to a different key, which our rule never does.
        qCWarning(lcProtocol) << "refusing to overwrite a known identity key silently";
        return SG_ERR_UNTRUSTED_IDENTITY;
    }
    IdentityRecord fresh = record.value_or(IdentityRecord{});
    fresh.peer = peer;
    fresh.identityKey = key;
    return ok(store(ud).saveIdentity(fresh));
}
// A key is trusted for a PeerId only if the PeerId is that key's (self-certifying ids:
// a PreKey message or bundle naming someone else's key is refused here, inside libsignal,
// before anything is stored) and the contact is not blocked. A known contact's key can
// therefore never change: a reinstalled peer is a new PeerId, a new contact.
int isTrustedIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t len, void *ud)
{
    const PeerId peer = peerOf(address);
    const QByteArray key = bytes(keyData, len);
    if (!peer.isIdOf(key)) {
        qCWarning(lcProtocol) << "refusing an identity key that is not the one of PeerId" << peer.toString();
        return 0;
    }
    std::optional<IdentityRecord> record = store(ud).identity(peer);
    if (!record || record->identityKey.isEmpty())
        return 1;
    if (record->trust == TrustState::Blocked)
        return 0;
    return record->identityKey == key ? 1 : 0; // equal unless SHA-256 collides
}

// --- sender keys ---
int storeSenderKey(const signal_protocol_sender_key_name *name, uint8_t *record, size_t len, uint8_t *, size_t, void *ud)
{
    const PeerId peer = peerOf(&name->sender);
    if (!peer.isValid())
        return SG_ERR_INVAL;
    return ok(store(ud).storeSenderKey(QByteArray(name->group_id, qsizetype(name->group_id_len)), peer,
                                       name->sender.device_id, bytes(record, len)));
}
int loadSenderKey(signal_buffer **record, signal_buffer **userRecord, const signal_protocol_sender_key_name *name, void *ud)
{
    *userRecord = nullptr;
    const PeerId peer = peerOf(&name->sender);
    if (!peer.isValid())
        return 0;
    return hand(record, store(ud).loadSenderKey(QByteArray(name->group_id, qsizetype(name->group_id_len)), peer,
                                                name->sender.device_id));
}

} // namespace

StoreBinding::StoreBinding(signal_context *context, ProtocolStore &store)
    : m_store(store)
{
    signal_protocol_store_context *sc = nullptr;
    if (signal_protocol_store_context_create(&sc, context) != SG_SUCCESS)
        return;

    signal_protocol_session_store sessions{};
    sessions.load_session_func = loadSession;
    sessions.get_sub_device_sessions_func = subDeviceSessions;
    sessions.store_session_func = storeSession;
    sessions.contains_session_func = containsSession;
    sessions.delete_session_func = deleteSession;
    sessions.delete_all_sessions_func = deleteAllSessions;
    sessions.user_data = this;

    signal_protocol_pre_key_store preKeys{};
    preKeys.load_pre_key = loadPreKey;
    preKeys.store_pre_key = storePreKey;
    preKeys.contains_pre_key = containsPreKey;
    preKeys.remove_pre_key = removePreKey;
    preKeys.user_data = this;

    signal_protocol_signed_pre_key_store signedPreKeys{};
    signedPreKeys.load_signed_pre_key = loadSignedPreKey;
    signedPreKeys.store_signed_pre_key = storeSignedPreKey;
    signedPreKeys.contains_signed_pre_key = containsSignedPreKey;
    signedPreKeys.remove_signed_pre_key = removeSignedPreKey;
    signedPreKeys.user_data = this;

    signal_protocol_identity_key_store identities{};
    identities.get_identity_key_pair = identityKeyPair;
    identities.get_local_registration_id = localRegistrationId;
    identities.save_identity = saveIdentity;
    identities.is_trusted_identity = isTrustedIdentity;
    identities.user_data = this;

    signal_protocol_sender_key_store senderKeys{};
    senderKeys.store_sender_key = storeSenderKey;
    senderKeys.load_sender_key = loadSenderKey;
    senderKeys.user_data = this;

    if (signal_protocol_store_context_set_session_store(sc, &sessions) != SG_SUCCESS
        || signal_protocol_store_context_set_pre_key_store(sc, &preKeys) != SG_SUCCESS
        || signal_protocol_store_context_set_signed_pre_key_store(sc, &signedPreKeys) != SG_SUCCESS
        || signal_protocol_store_context_set_identity_key_store(sc, &identities) != SG_SUCCESS
        || signal_protocol_store_context_set_sender_key_store(sc, &senderKeys) != SG_SUCCESS) {
        signal_protocol_store_context_destroy(sc);
        return;
    }
    m_storeContext = sc;
}

StoreBinding::~StoreBinding()
{
    if (m_storeContext)
        signal_protocol_store_context_destroy(m_storeContext);
}

const LocalIdentityRecord *StoreBinding::localIdentity()
{
    if (!m_local)
        m_local = m_store.localIdentity();
    return m_local ? &*m_local : nullptr;
}

} // namespace sotto::protocol
