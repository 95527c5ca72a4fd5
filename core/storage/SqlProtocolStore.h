// SPDX-License-Identifier: GPL-3.0-or-later
// The five libsignal stores on the profile's SQLCipher database. Sessions and identities
// are read on every message, so they are cached; any rollback of the database drops the
// caches, so they never show a state the database does not hold. Inside a transaction a
// session record is written once, just before COMMIT, however many messages stepped its
// ratchet (a batch of 64 rewrote the same 1-2 KB record 64 times): the state is still
// committed with the messages it sealed, before any of them leaves.
// It does not own the database, and holds no policy (that is protocol's).
#pragma once

#include "core/protocol/ProtocolStore.h"
#include "core/storage/Database.h"

#include <map>

namespace sotto::storage {

struct ContactRecord {
    protocol::PeerId peer;
    QString displayName;
    QByteArray identityKey;
    protocol::TrustState trust = protocol::TrustState::Unverified;
    QString address; // last address a link came from or went to
    quint16 port = 0;
    // The user showed consent (added it, wrote to it, accepted its request). A contact that
    // is not accepted is a stranger who linked to us: a message request once it writes.
    bool accepted = false;
};

// A contact whose contacts-only beacons we can recognise: the beacon key it gave us over
// a proven link, and the identity key its beacons are signed with.
struct ContactBeaconKeyRecord {
    protocol::PeerId peer;
    QByteArray identityKey;
    crypto::SecretBytes beaconKey;
};

class SqlProtocolStore final : public protocol::ProtocolStore {
public:
    explicit SqlProtocolStore(Database &db);
    ~SqlProtocolStore() override;
    SqlProtocolStore(const SqlProtocolStore &) = delete;
    SqlProtocolStore &operator=(const SqlProtocolStore &) = delete;

    std::optional<protocol::LocalIdentityRecord> localIdentity() override;
    bool saveLocalIdentity(const protocol::LocalIdentityRecord &record) override;
    std::optional<protocol::IdentityRecord> identity(const protocol::PeerId &peer) override;
    bool saveIdentity(const protocol::IdentityRecord &record) override;

    std::optional<QByteArray> loadPreKey(std::uint32_t id) override;
    bool storePreKey(std::uint32_t id, const QByteArray &record) override;
    bool containsPreKey(std::uint32_t id) override;
    bool removePreKey(std::uint32_t id) override;
    std::optional<std::uint32_t> takeFreshPreKeyId() override;
    int freshPreKeyCount() override;
    int preKeyCount() override;

    std::optional<QByteArray> loadSignedPreKey(std::uint32_t id) override;
    bool storeSignedPreKey(std::uint32_t id, const QByteArray &record, std::int64_t createdAtMs) override;
    bool containsSignedPreKey(std::uint32_t id) override;
    bool removeSignedPreKey(std::uint32_t id) override;
    std::vector<protocol::SignedPreKeyInfo> signedPreKeys() override;

    std::optional<QByteArray> loadSession(const protocol::PeerId &peer, std::int32_t device) override;
    bool storeSession(const protocol::PeerId &peer, std::int32_t device, const QByteArray &record) override;
    bool containsSession(const protocol::PeerId &peer, std::int32_t device) override;
    bool deleteSession(const protocol::PeerId &peer, std::int32_t device) override;
    int deleteAllSessions(const protocol::PeerId &peer) override;
    std::vector<std::int32_t> subDeviceSessions(const protocol::PeerId &peer) override;

    std::optional<QByteArray> loadSenderKey(const QByteArray &groupId, const protocol::PeerId &sender, std::int32_t device) override;
    bool removeSenderKey(const QByteArray &groupId, const protocol::PeerId &sender, std::int32_t device) override;
    bool storeSenderKey(const QByteArray &groupId, const protocol::PeerId &sender, std::int32_t device, const QByteArray &record) override;

    bool begin() override { return m_db.begin(); }
    bool commit() override { return m_db.commit(); }
    void rollback() override { m_db.rollback(); }
    std::uint32_t nextId(const char *counter, std::uint32_t count) override;

    // The local display name lives with the identity (set at creation, changed in settings).
    bool setDisplayName(const QString &name);
    // Contacts are identity records with a name the user (or the peer's beacon) gave.
    bool setContactName(const protocol::PeerId &peer, const QString &name);
    QString contactName(const protocol::PeerId &peer);
    // Another contact, offered as maybe the same person: older than `peer`, not blocked,
    // with the same display name (case ignored), not dismissed for `peer`; the most
    // recently seen. Asked of the new contact only (the merge goes into the new key).
    std::optional<protocol::PeerId> namesake(const protocol::PeerId &peer);
    // "Not the same person": `peer` stops offering its namesake.
    bool dismissNamesake(const protocol::PeerId &peer);
    // The contact, its sessions and sender keys go (merged into another contact).
    bool removeContact(const protocol::PeerId &peer);
    std::optional<std::int64_t> firstSeen(const protocol::PeerId &peer);
    // Message requests: a new contact starts not accepted (saveIdentity), see ContactRecord.
    bool isAccepted(const protocol::PeerId &peer);
    bool setAccepted(const protocol::PeerId &peer, bool accepted);
    bool setContactAddress(const protocol::PeerId &peer, const QString &address, quint16 port);
    std::vector<ContactRecord> contacts();
    std::optional<ContactRecord> contact(const protocol::PeerId &peer);

    // Our beacon key (docs/PROTOCOL.md, contacts-only beacons): none until first made;
    // replaced when a contact is blocked or merged away, so it stops recognising us.
    std::optional<crypto::SecretBytes> ownBeaconKey();
    bool setOwnBeaconKey(const crypto::SecretBytes &key);
    // The beacon key a contact gave us (the contact must exist).
    bool setContactBeaconKey(const protocol::PeerId &peer, const crypto::SecretBytes &key);
    // Every contact that is not blocked and gave us a beacon key.
    std::vector<ContactBeaconKeyRecord> contactBeaconKeys();
    // "Visible to: only my contacts" (contacts-only beacons) or everyone (signed beacons).
    bool contactsOnlyBeacons();
    bool setContactsOnlyBeacons(bool contactsOnly);

    // Our TLS certificate (DER) and private key (PEM), made once per profile.
    std::optional<std::pair<QByteArray, crypto::SecretBytes>> tlsCredentials();
    bool saveTlsCredentials(const QByteArray &certificateDer, const crypto::SecretBytes &privateKeyPem);

private:
    void dropStaleCaches();
    bool writeSession(const QString &peer, std::int32_t device, const QByteArray &record);
    // The records stored in this transaction, into the database (before COMMIT, and before
    // any statement that reads or deletes the sessions table itself).
    bool writeUnwritten();

    Database &m_db;
    std::uint64_t m_cacheGeneration = 0;
    std::map<std::pair<QString, std::int32_t>, std::optional<QByteArray>> m_sessions;
    std::map<std::pair<QString, std::int32_t>, QByteArray> m_unwritten; // this transaction's, not in SQL yet
    std::map<QString, std::optional<protocol::IdentityRecord>> m_identities;
};

} // namespace sotto::storage
