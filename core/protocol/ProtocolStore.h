// SPDX-License-Identifier: GPL-3.0-or-later
// The five libsignal stores as C++ interfaces (identity, prekey, signed prekey, session,
// sender key), plus the transaction every library call runs in. The protocol layer owns
// the policy (trust on first use, prekey pools); implementations only persist records:
// InMemoryProtocolStore for tests and benchmarks, storage's SqlProtocolStore for real.
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/protocol/PeerId.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <QByteArray>

namespace sotto::protocol {

// Trust in a contact's identity key, as the user sees it.
enum class TrustState : int {
    Unverified = 0, // first seen, trusted on first use
    Verified = 1,   // the user compared safety numbers
    // 2 was "changed" (a new key for a known PeerId) before PeerIds were the hash of the
    // key; it cannot happen now and schema 5 turned it back into 0.
    Blocked = 3,    // the user blocked the contact: nothing is sent or accepted
};

// The name the headless mode and the window use: "unverified", "verified", "blocked".
inline QString trustStateName(TrustState trust)
{
    switch (trust) {
    case TrustState::Unverified: return QStringLiteral("unverified");
    case TrustState::Verified: return QStringLiteral("verified");
    case TrustState::Blocked: return QStringLiteral("blocked");
    }
    return QStringLiteral("unverified");
}

struct IdentityRecord {
    PeerId peer;
    QByteArray identityKey; // serialized public key (33 bytes); its hash is the PeerId
    TrustState trust = TrustState::Unverified;
};

struct LocalIdentityRecord {
    PeerId peer;
    QByteArray publicKey;
    crypto::SecretBytes privateKey;
    std::uint32_t registrationId = 0;
};

struct SignedPreKeyInfo {
    std::uint32_t id = 0;
    std::int64_t createdAtMs = 0;
};

class IdentityKeyStore {
public:
    virtual ~IdentityKeyStore() = default;
    virtual std::optional<LocalIdentityRecord> localIdentity() = 0;
    virtual bool saveLocalIdentity(const LocalIdentityRecord &record) = 0;
    virtual std::optional<IdentityRecord> identity(const PeerId &peer) = 0;
    virtual bool saveIdentity(const IdentityRecord &record) = 0;
};

class PreKeyStore {
public:
    virtual ~PreKeyStore() = default;
    virtual std::optional<QByteArray> loadPreKey(std::uint32_t id) = 0;
    virtual bool storePreKey(std::uint32_t id, const QByteArray &record) = 0;
    virtual bool containsPreKey(std::uint32_t id) = 0;
    virtual bool removePreKey(std::uint32_t id) = 0;
    // A stored prekey never handed out in a bundle, lowest id first; marks it handed out.
    virtual std::optional<std::uint32_t> takeFreshPreKeyId() = 0;
    virtual int freshPreKeyCount() = 0;
    virtual int preKeyCount() = 0;
};

class SignedPreKeyStore {
public:
    virtual ~SignedPreKeyStore() = default;
    virtual std::optional<QByteArray> loadSignedPreKey(std::uint32_t id) = 0;
    virtual bool storeSignedPreKey(std::uint32_t id, const QByteArray &record, std::int64_t createdAtMs) = 0;
    virtual bool containsSignedPreKey(std::uint32_t id) = 0;
    virtual bool removeSignedPreKey(std::uint32_t id) = 0;
    virtual std::vector<SignedPreKeyInfo> signedPreKeys() = 0; // newest first
};

class SessionStore {
public:
    virtual ~SessionStore() = default;
    virtual std::optional<QByteArray> loadSession(const PeerId &peer, std::int32_t device) = 0;
    virtual bool storeSession(const PeerId &peer, std::int32_t device, const QByteArray &record) = 0;
    virtual bool containsSession(const PeerId &peer, std::int32_t device) = 0;
    virtual bool deleteSession(const PeerId &peer, std::int32_t device) = 0;
    virtual int deleteAllSessions(const PeerId &peer) = 0;
    virtual std::vector<std::int32_t> subDeviceSessions(const PeerId &peer) = 0;
};

class SenderKeyStore {
public:
    virtual ~SenderKeyStore() = default;
    virtual std::optional<QByteArray> loadSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device) = 0;
    virtual bool storeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device, const QByteArray &record) = 0;
    // Forgets a sender key (our own, replaced by a fresh one: see GroupSessions::replaceOwnKey).
    virtual bool removeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device) = 0;
};

// All stores over one transactional backend. Transactions nest: the outermost begin()
// opens the write transaction and inner ones join it; an inner rollback makes the
// outermost commit fail and roll everything back (all or nothing).
class ProtocolStore : public IdentityKeyStore,
                      public PreKeyStore,
                      public SignedPreKeyStore,
                      public SessionStore,
                      public SenderKeyStore {
public:
    virtual bool begin() = 0;
    virtual bool commit() = 0;
    virtual void rollback() = 0;
    // Monotonic id counters ("prekey", "signed_prekey"): ids are never reused, since a
    // peer may still hold a bundle naming an old one.
    virtual std::uint32_t nextId(const char *counter, std::uint32_t count) = 0;
};

// Scope guard: rolls back unless commit() succeeded.
class StoreTransaction {
public:
    explicit StoreTransaction(ProtocolStore &store)
        : m_store(store)
        , m_open(store.begin())
    {
    }
    ~StoreTransaction()
    {
        if (m_open)
            m_store.rollback();
    }
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit()
    {
        if (!m_open)
            return false;
        m_open = false;
        if (m_store.commit())
            return true;
        m_store.rollback();
        return false;
    }
    void rollback()
    {
        if (m_open)
            m_store.rollback();
        m_open = false;
    }

private:
    ProtocolStore &m_store;
    bool m_open;
};

} // namespace sotto::protocol
