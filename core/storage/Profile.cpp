// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Profile.h"

#include "core/storage/Migrations.h"
#include "core/storage/StorageLog.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace sotto::storage {
namespace {

// After the first checkpoint the main file holds pages: none may be plaintext.
bool databaseFileEncrypted(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return !f.read(16).startsWith("SQLite format 3");
}

// Every file a profile keeps: the key file, the database and SQLite's write-ahead log and
// its shared-memory index (both hold database pages). Sotto opens the database for its
// process alone and keeps the index in memory, so -shm is only what an older Sotto left;
// it is still made private and removed with the rest. The TLS key and everything else
// live inside the database.
QStringList profileFiles(const QString &dir)
{
    const QString db = Profile::databasePath(dir);
    return {Profile::keyFilePath(dir), db, db + QLatin1String("-wal"), db + QLatin1String("-shm")};
}

void removeProfileFiles(const QString &dir)
{
    for (const QString &name : profileFiles(dir))
        QFile::remove(name);
}

// The folder 0700 and its files 0600, whatever made them: an older Sotto left the
// database 0644 (SQLite's default under umask 022), and a copied profile takes the
// copier's umask. Done before the database is opened, because SQLite gives a new -wal or
// -shm the database file's mode.
void restrictToOwner(const QString &dir)
{
    if (!QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        qCWarning(lcStorage) << "cannot make the profile folder private";
    for (const QString &name : profileFiles(dir))
        if (QFile::exists(name) && !QFile::setPermissions(name, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            qCWarning(lcStorage) << "cannot make a profile file private";
}

} // namespace

QString Profile::keyFilePath(const QString &dir) { return QDir(dir).filePath(QStringLiteral("vault.key")); }
QString Profile::databasePath(const QString &dir) { return QDir(dir).filePath(QStringLiteral("sotto.db")); }
bool Profile::exists(const QString &dir) { return QFile::exists(keyFilePath(dir)); }

Profile::Profile(QString dir, ProfileLock lock, std::unique_ptr<Database> db)
    : m_dir(std::move(dir))
    , m_lock(std::move(lock))
    , m_db(std::move(db))
    , m_protocolStore(*m_db)
    , m_messages(*m_db)
    , m_outbox(*m_db)
    , m_groups(*m_db)
{
}

Profile::~Profile() = default;

std::expected<std::unique_ptr<Profile>, Error> Profile::create(const QString &dir, const QString &displayName,
                                                               const crypto::SecretBytes &passphrase,
                                                               crypto::SignalContext &context, const ProfileOptions &options)
{
    if (exists(dir) || QFile::exists(databasePath(dir)))
        return std::unexpected(Error{Errc::ProfileExists, QStringLiteral("a profile already exists in %1").arg(dir)});
    if (!QDir().mkpath(dir))
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot create the folder %1").arg(dir)});
    restrictToOwner(dir);
    std::expected<ProfileLock, Error> lock = ProfileLock::acquire(dir);
    if (!lock)
        return std::unexpected(lock.error());
    // Another process may have made it between the check above and the lock.
    if (exists(dir) || QFile::exists(databasePath(dir)))
        return std::unexpected(Error{Errc::ProfileExists, QStringLiteral("a profile already exists in %1").arg(dir)});

    auto fail = [&dir](Error e) -> std::expected<std::unique_ptr<Profile>, Error> {
        // Leave no half-made profile behind: the next attempt must start clean.
        removeProfileFiles(dir);
        return std::unexpected(std::move(e));
    };

    std::expected<crypto::SecretBytes, Error> key = Vault::create(keyFilePath(dir), passphrase, options.kdf);
    if (!key)
        return std::unexpected(key.error());
    std::unique_ptr<Profile> profile;
    {
        std::expected<std::unique_ptr<Database>, Error> db = Database::open(databasePath(dir), *key);
        if (!db)
            return fail(db.error());
        profile.reset(new Profile(dir, std::move(*lock), std::move(*db)));
    }
    if (auto migrated = migrate(profile->database()); !migrated)
        return fail(migrated.error());

    protocol::StoreTransaction tx(profile->m_protocolStore);
    protocol::KeyMaintenance keys(context, profile->m_protocolStore, options.keyPolicy);
    const auto peer = keys.createLocalIdentity(QDateTime::currentMSecsSinceEpoch());
    if (!peer)
        return fail(Error{Errc::Protocol, peer.error().reason});
    if (!profile->m_protocolStore.setDisplayName(displayName) || !tx.commit())
        return fail(Error{Errc::Sql, QStringLiteral("cannot store the new identity")});

    // Push the pages into the main file now and check it is not plaintext.
    profile->database().exec("PRAGMA wal_checkpoint(TRUNCATE);");
    if (!databaseFileEncrypted(databasePath(dir)))
        return fail(Error{Errc::NotEncrypted, QStringLiteral("the database was written unencrypted; refusing to run")});
    if (auto loaded = profile->loadIdentity(); !loaded)
        return fail(loaded.error());
    qCInfo(lcStorage) << "created profile" << peer->toString();
    return profile;
}

std::expected<std::unique_ptr<Profile>, Error> Profile::unlock(const QString &dir, const crypto::SecretBytes &passphrase)
{
    // Before the KDF: a second Sotto on this profile is told so at once, not after a second
    // of Argon2id. No folder, no lock: the key file's absence is the error to report.
    std::optional<ProfileLock> lock;
    if (QFileInfo(dir).isDir()) {
        std::expected<ProfileLock, Error> acquired = ProfileLock::acquire(dir);
        if (!acquired)
            return std::unexpected(acquired.error());
        lock.emplace(std::move(*acquired));
    }
    QElapsedTimer kdf;
    kdf.start();
    std::expected<crypto::SecretBytes, Error> key = Vault::unlock(keyFilePath(dir), passphrase);
    const double kdfMs = double(kdf.nsecsElapsed()) / 1e6;
    if (!key)
        return std::unexpected(key.error());
    const QFileInfo database(databasePath(dir));
    if (!database.exists())
        return std::unexpected(Error{Errc::NoProfile, QStringLiteral("the database of this profile is missing")});
    // SQLite takes a 0-byte file for an empty database and the migrations would write a
    // fresh schema into it: refused like a missing one, and left as it is.
    if (database.size() == 0)
        return std::unexpected(Error{Errc::NoProfile, QStringLiteral("the database of this profile is empty (0 bytes)")});
    if (!lock) // the key file opened, so the folder exists; made between the checks
        return std::unexpected(Error{Errc::NoProfile, QStringLiteral("the profile folder appeared while it was opened")});
    restrictToOwner(dir);
    std::expected<std::unique_ptr<Database>, Error> db = Database::open(databasePath(dir), *key);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<Profile> profile(new Profile(dir, std::move(*lock), std::move(*db)));
    profile->m_unlockKdfMs = kdfMs;
    if (auto migrated = migrate(profile->database()); !migrated)
        return std::unexpected(migrated.error());
    if (auto loaded = profile->loadIdentity(); !loaded)
        return std::unexpected(loaded.error());
    profile->m_messages.resumeSearchResidue();
    return profile;
}

std::expected<void, Error> Profile::changePassphrase(const QString &dir, const crypto::SecretBytes &oldPassphrase,
                                                     const crypto::SecretBytes &newPassphrase)
{
    return Vault::changePassphrase(keyFilePath(dir), oldPassphrase, newPassphrase);
}

std::expected<void, Error> Profile::loadIdentity()
{
    Statement st = m_db->prepare("SELECT peer_id, public_key, display_name FROM local_identity WHERE id = 1");
    if (!st.next())
        return std::unexpected(Error{Errc::NoProfile, QStringLiteral("the profile holds no identity")});
    m_peerId = protocol::PeerId::fromString(st.text(0));
    m_identityKey = st.blob(1);
    m_displayName = st.text(2);
    return {};
}

std::expected<void, Error> Profile::setDisplayName(const QString &name)
{
    if (!m_protocolStore.setDisplayName(name))
        return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot change the display name")});
    m_displayName = name;
    return {};
}

} // namespace sotto::storage
