// SPDX-License-Identifier: GPL-3.0-or-later
// A Profile is one folder: the wrapped key file (vault.key) and the SQLCipher database
// (sotto.db with its WAL). It creates and unlocks them (the folder 0700, its files 0600)
// and owns the open database and the stores on it. It does not run the protocol; it only
// creates the keys at birth.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/protocol/KeyMaintenance.h"
#include "core/storage/Database.h"
#include "core/storage/GroupStore.h"
#include "core/storage/MessageStore.h"
#include "core/storage/OutboxStore.h"
#include "core/storage/ProfileLock.h"
#include "core/storage/SqlProtocolStore.h"
#include "core/storage/Vault.h"

#include <memory>

namespace sotto::storage {

struct ProfileOptions {
    Vault::Strength kdf = Vault::Strength::Moderate;
    protocol::KeyPolicy keyPolicy;
};

class Profile {
public:
    static QString keyFilePath(const QString &dir);
    static QString databasePath(const QString &dir);
    static bool exists(const QString &dir);

    [[nodiscard]] static std::expected<std::unique_ptr<Profile>, Error> create(const QString &dir, const QString &displayName,
                                                                 const crypto::SecretBytes &passphrase,
                                                                 crypto::SignalContext &context, const ProfileOptions &options = {});
    // A wrong passphrase returns WrongPassphrase and writes nothing. A missing or 0-byte
    // database is NoProfile: never filled with a fresh schema.
    [[nodiscard]] static std::expected<std::unique_ptr<Profile>, Error> unlock(const QString &dir, const crypto::SecretBytes &passphrase);
    [[nodiscard]] static std::expected<void, Error> changePassphrase(const QString &dir, const crypto::SecretBytes &oldPassphrase,
                                                       const crypto::SecretBytes &newPassphrase);

    ~Profile();

    const QString &directory() const { return m_dir; }
    Database &database() { return *m_db; }
    SqlProtocolStore &protocolStore() { return m_protocolStore; }
    MessageStore &messages() { return m_messages; }
    OutboxStore &outbox() { return m_outbox; }
    GroupStore &groups() { return m_groups; }

    protocol::PeerId peerId() const { return m_peerId; }
    QByteArray identityKey() const { return m_identityKey; }
    QString displayName() const { return m_displayName; }
    // How long unlocking spent in the passphrase KDF (0 for a profile just created).
    double unlockKdfMilliseconds() const { return m_unlockKdfMs; }
    [[nodiscard]] std::expected<void, Error> setDisplayName(const QString &name);

private:
    Profile(QString dir, ProfileLock lock, std::unique_ptr<Database> db);
    [[nodiscard]] std::expected<void, Error> loadIdentity();

    QString m_dir;
    ProfileLock m_lock; // declared before the database: released only after it closed
    std::unique_ptr<Database> m_db;
    SqlProtocolStore m_protocolStore;
    MessageStore m_messages;
    OutboxStore m_outbox;
    GroupStore m_groups;
    protocol::PeerId m_peerId;
    QByteArray m_identityKey;
    QString m_displayName;
    double m_unlockKdfMs = 0;
};

} // namespace sotto::storage
