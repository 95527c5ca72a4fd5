// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SqlProtocolStore.h"

#include <QDateTime>

namespace sotto::storage {

using protocol::IdentityRecord;
using protocol::LocalIdentityRecord;
using protocol::PeerId;

SqlProtocolStore::SqlProtocolStore(Database &db)
    : m_db(db)
{
    m_db.addBeforeCommit(this, [this] { return writeUnwritten(); });
}

SqlProtocolStore::~SqlProtocolStore() { m_db.removeBeforeCommit(this); }

void SqlProtocolStore::dropStaleCaches()
{
    if (m_cacheGeneration != m_db.rollbackCount()) {
        m_sessions.clear();
        m_unwritten.clear(); // rolled back with the transaction that stored them
        m_identities.clear();
        m_cacheGeneration = m_db.rollbackCount();
    }
}

std::optional<LocalIdentityRecord> SqlProtocolStore::localIdentity()
{
    Statement st = m_db.prepare("SELECT peer_id, public_key, private_key, registration_id FROM local_identity WHERE id = 1");
    if (!st.next())
        return std::nullopt;
    LocalIdentityRecord r;
    r.peer = PeerId::fromString(st.text(0));
    r.publicKey = st.blob(1);
    QByteArray priv = st.blob(2);
    r.privateKey = crypto::SecretBytes::takeFrom(priv);
    r.registrationId = std::uint32_t(st.int64(3));
    return r;
}

bool SqlProtocolStore::saveLocalIdentity(const LocalIdentityRecord &r)
{
    Statement st = m_db.prepare(
        "INSERT OR REPLACE INTO local_identity (id, peer_id, display_name, public_key, private_key, registration_id, created_at) "
        "VALUES (1, ?, coalesce((SELECT display_name FROM local_identity WHERE id = 1), ''), ?, ?, ?, ?)");
    QByteArray priv(reinterpret_cast<const char *>(r.privateKey.data()), qsizetype(r.privateKey.size()));
    st.bind(1, r.peer.toString()).bind(2, r.publicKey).bind(3, priv).bind(4, r.registrationId)
        .bind(5, QDateTime::currentMSecsSinceEpoch());
    crypto::wipe(priv);
    return st.run();
}

bool SqlProtocolStore::setDisplayName(const QString &name)
{
    return m_db.prepare("UPDATE local_identity SET display_name = ? WHERE id = 1").bind(1, name).run();
}

bool SqlProtocolStore::setContactName(const PeerId &peer, const QString &name)
{
    return m_db.prepare("UPDATE contacts SET display_name = ? WHERE peer_id = ?").bind(1, name).bind(2, peer.toString()).run()
        && m_db.changes() == 1;
}

std::optional<PeerId> SqlProtocolStore::namesake(const PeerId &peer)
{
    Statement st = m_db.prepare("SELECT other.peer_id FROM contacts AS me JOIN contacts AS other "
                                "ON other.peer_id <> me.peer_id AND lower(other.display_name) = lower(me.display_name) "
                                "WHERE me.peer_id = ? AND me.namesake_dismissed = 0 AND me.display_name <> '' AND other.trust <> 3 "
                                // only an older contact: the new key is the one to keep
                                "AND other.first_seen < me.first_seen "
                                "ORDER BY other.last_seen DESC LIMIT 1");
    st.bind(1, peer.toString());
    if (!st.next())
        return std::nullopt;
    return PeerId::fromString(st.text(0));
}

std::optional<std::int64_t> SqlProtocolStore::firstSeen(const PeerId &peer)
{
    Statement st = m_db.prepare("SELECT first_seen FROM contacts WHERE peer_id = ?");
    st.bind(1, peer.toString());
    if (!st.next())
        return std::nullopt;
    return st.int64(0);
}

bool SqlProtocolStore::dismissNamesake(const PeerId &peer)
{
    return m_db.prepare("UPDATE contacts SET namesake_dismissed = 1 WHERE peer_id = ?").bind(1, peer.toString()).run();
}

bool SqlProtocolStore::removeContact(const PeerId &peer)
{
    dropStaleCaches();
    if (!writeUnwritten())
        return false;
    const bool ok = m_db.prepare("DELETE FROM sessions WHERE peer_id = ?").bind(1, peer.toString()).run()
        && m_db.prepare("DELETE FROM sender_keys WHERE peer_id = ?").bind(1, peer.toString()).run()
        && m_db.prepare("DELETE FROM contacts WHERE peer_id = ?").bind(1, peer.toString()).run();
    m_identities.erase(peer.toString());
    m_sessions.clear();
    return ok;
}

QString SqlProtocolStore::contactName(const PeerId &peer)
{
    Statement st = m_db.prepare("SELECT display_name FROM contacts WHERE peer_id = ?");
    st.bind(1, peer.toString());
    return st.next() ? st.text(0) : QString();
}

bool SqlProtocolStore::setContactAddress(const PeerId &peer, const QString &address, quint16 port)
{
    return m_db.prepare("UPDATE OR FAIL contacts SET address = ?, port = ?, last_seen = ? WHERE peer_id = ?")
        .bind(1, address).bind(2, int(port)).bind(3, QDateTime::currentMSecsSinceEpoch()).bind(4, peer.toString()).run();
}

namespace {
constexpr const char *ContactColumns = "peer_id, display_name, identity_key, trust, coalesce(address, ''), port, accepted";
ContactRecord readContact(const Statement &st)
{
    return {PeerId::fromString(st.text(0)), st.text(1), st.blob(2), protocol::TrustState(st.int64(3)), st.text(4), quint16(st.int64(5)),
            st.int64(6) != 0};
}
} // namespace

bool SqlProtocolStore::isAccepted(const PeerId &peer)
{
    Statement st = m_db.prepare("SELECT accepted FROM contacts WHERE peer_id = ?");
    st.bind(1, peer.toString());
    return st.next() && st.int64(0) != 0;
}

bool SqlProtocolStore::setAccepted(const PeerId &peer, bool accepted)
{
    return m_db.prepare("UPDATE contacts SET accepted = ? WHERE peer_id = ?").bind(1, accepted ? 1 : 0).bind(2, peer.toString()).run()
        && m_db.changes() == 1;
}

std::vector<ContactRecord> SqlProtocolStore::contacts()
{
    static const QByteArray sql = QByteArray("SELECT ") + ContactColumns + " FROM contacts ORDER BY display_name, peer_id";
    std::vector<ContactRecord> out;
    Statement st = m_db.prepare(sql.constData());
    while (st.next())
        out.push_back(readContact(st));
    return out;
}

std::optional<ContactRecord> SqlProtocolStore::contact(const PeerId &peer)
{
    static const QByteArray sql = QByteArray("SELECT ") + ContactColumns + " FROM contacts WHERE peer_id = ?";
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, peer.toString());
    if (!st.next())
        return std::nullopt;
    return readContact(st);
}

std::optional<std::pair<QByteArray, crypto::SecretBytes>> SqlProtocolStore::tlsCredentials()
{
    Statement st = m_db.prepare("SELECT certificate, private_key FROM local_tls WHERE id = 1");
    if (!st.next())
        return std::nullopt;
    QByteArray key = st.blob(1);
    return std::make_pair(st.blob(0), crypto::SecretBytes::takeFrom(key));
}

bool SqlProtocolStore::saveTlsCredentials(const QByteArray &certificateDer, const crypto::SecretBytes &privateKeyPem)
{
    QByteArray key(reinterpret_cast<const char *>(privateKeyPem.data()), qsizetype(privateKeyPem.size()));
    const bool ok = m_db.prepare("INSERT OR REPLACE INTO local_tls (id, certificate, private_key) VALUES (1, ?, ?)")
                        .bind(1, certificateDer).bind(2, key).run();
    crypto::wipe(key);
    return ok;
}

std::optional<crypto::SecretBytes> SqlProtocolStore::ownBeaconKey()
{
    Statement st = m_db.prepare("SELECT beacon_key FROM local_identity WHERE id = 1 AND beacon_key IS NOT NULL");
    if (!st.next())
        return std::nullopt;
    QByteArray key = st.blob(0);
    return crypto::SecretBytes::takeFrom(key);
}

bool SqlProtocolStore::setOwnBeaconKey(const crypto::SecretBytes &key)
{
    QByteArray bytes(reinterpret_cast<const char *>(key.data()), qsizetype(key.size()));
    const bool ok = m_db.prepare("UPDATE OR FAIL local_identity SET beacon_key = ? WHERE id = 1").bind(1, bytes).run()
        && m_db.changes() == 1;
    crypto::wipe(bytes);
    return ok;
}

bool SqlProtocolStore::setContactBeaconKey(const PeerId &peer, const crypto::SecretBytes &key)
{
    QByteArray bytes(reinterpret_cast<const char *>(key.data()), qsizetype(key.size()));
    const bool ok = m_db.prepare("UPDATE OR FAIL contacts SET beacon_key = ? WHERE peer_id = ?").bind(1, bytes).bind(2, peer.toString()).run()
        && m_db.changes() == 1;
    crypto::wipe(bytes);
    return ok;
}

std::vector<ContactBeaconKeyRecord> SqlProtocolStore::contactBeaconKeys()
{
    std::vector<ContactBeaconKeyRecord> out;
    Statement st = m_db.prepare("SELECT peer_id, identity_key, beacon_key FROM contacts "
                                "WHERE beacon_key IS NOT NULL AND identity_key IS NOT NULL AND trust <> 3 ORDER BY peer_id");
    while (st.next()) {
        QByteArray key = st.blob(2);
        out.push_back({PeerId::fromString(st.text(0)), st.blob(1), crypto::SecretBytes::takeFrom(key)});
    }
    return out;
}

bool SqlProtocolStore::contactsOnlyBeacons()
{
    Statement st = m_db.prepare("SELECT value FROM meta WHERE key = 'contacts_only_beacons'");
    return st.next() && st.int64(0) == 1;
}

bool SqlProtocolStore::setContactsOnlyBeacons(bool contactsOnly)
{
    return m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('contacts_only_beacons', ?)").bind(1, contactsOnly ? 1 : 0).run();
}

std::optional<IdentityRecord> SqlProtocolStore::identity(const PeerId &peer)
{
    dropStaleCaches();
    auto cached = m_identities.find(peer.toString());
    if (cached != m_identities.end())
        return cached->second;
    Statement st = m_db.prepare("SELECT identity_key, trust FROM contacts WHERE peer_id = ?");
    st.bind(1, peer.toString());
    std::optional<IdentityRecord> out;
    if (st.next() && !st.isNull(0)) {
        IdentityRecord r;
        r.peer = peer;
        r.identityKey = st.blob(0);
        r.trust = protocol::TrustState(st.int64(1));
        out = r;
    }
    if (st.ok())
        m_identities[peer.toString()] = out;
    return out;
}

bool SqlProtocolStore::saveIdentity(const IdentityRecord &r)
{
    dropStaleCaches();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // No UPSERT in SQLite 3.15: update, then insert if nothing was there.
    Statement up = m_db.prepare("UPDATE contacts SET identity_key = ?, trust = ? WHERE peer_id = ?");
    up.bind(1, r.identityKey).bind(2, int(r.trust)).bind(3, r.peer.toString());
    if (!up.run())
        return false;
    if (m_db.changes() == 0) {
        Statement ins = m_db.prepare("INSERT INTO contacts (peer_id, identity_key, trust, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)");
        ins.bind(1, r.peer.toString()).bind(2, r.identityKey).bind(3, int(r.trust)).bind(4, now).bind(5, now);
        if (!ins.run())
            return false;
    }
    m_identities[r.peer.toString()] = r;
    return true;
}

std::optional<QByteArray> SqlProtocolStore::loadPreKey(std::uint32_t id)
{
    Statement st = m_db.prepare("SELECT record FROM prekeys WHERE id = ?");
    st.bind(1, id);
    if (!st.next())
        return std::nullopt;
    return st.blob(0);
}

bool SqlProtocolStore::storePreKey(std::uint32_t id, const QByteArray &record)
{
    return m_db.prepare("INSERT OR REPLACE INTO prekeys (id, record, handed_out) VALUES (?, ?, 0)").bind(1, id).bind(2, record).run();
}

bool SqlProtocolStore::containsPreKey(std::uint32_t id)
{
    Statement st = m_db.prepare("SELECT 1 FROM prekeys WHERE id = ?");
    st.bind(1, id);
    return st.next();
}

bool SqlProtocolStore::removePreKey(std::uint32_t id)
{
    return m_db.prepare("DELETE FROM prekeys WHERE id = ?").bind(1, id).run();
}

std::optional<std::uint32_t> SqlProtocolStore::takeFreshPreKeyId()
{
    std::optional<std::uint32_t> id;
    {
        Statement st = m_db.prepare("SELECT id FROM prekeys WHERE handed_out = 0 ORDER BY id LIMIT 1");
        if (st.next())
            id = std::uint32_t(st.int64(0));
    }
    if (id && !m_db.prepare("UPDATE prekeys SET handed_out = 1 WHERE id = ?").bind(1, *id).run())
        return std::nullopt;
    return id;
}

int SqlProtocolStore::freshPreKeyCount()
{
    Statement st = m_db.prepare("SELECT count(*) FROM prekeys WHERE handed_out = 0");
    return st.next() ? int(st.int64(0)) : 0;
}

int SqlProtocolStore::preKeyCount()
{
    Statement st = m_db.prepare("SELECT count(*) FROM prekeys");
    return st.next() ? int(st.int64(0)) : 0;
}

std::optional<QByteArray> SqlProtocolStore::loadSignedPreKey(std::uint32_t id)
{
    Statement st = m_db.prepare("SELECT record FROM signed_prekeys WHERE id = ?");
    st.bind(1, id);
    if (!st.next())
        return std::nullopt;
    return st.blob(0);
}

bool SqlProtocolStore::storeSignedPreKey(std::uint32_t id, const QByteArray &record, std::int64_t createdAtMs)
{
    return m_db.prepare("INSERT OR REPLACE INTO signed_prekeys (id, record, created_at) VALUES (?, ?, ?)")
        .bind(1, id).bind(2, record).bind(3, createdAtMs).run();
}

bool SqlProtocolStore::containsSignedPreKey(std::uint32_t id)
{
    Statement st = m_db.prepare("SELECT 1 FROM signed_prekeys WHERE id = ?");
    st.bind(1, id);
    return st.next();
}

bool SqlProtocolStore::removeSignedPreKey(std::uint32_t id)
{
    return m_db.prepare("DELETE FROM signed_prekeys WHERE id = ?").bind(1, id).run();
}

std::vector<protocol::SignedPreKeyInfo> SqlProtocolStore::signedPreKeys()
{
    std::vector<protocol::SignedPreKeyInfo> out;
    Statement st = m_db.prepare("SELECT id, created_at FROM signed_prekeys ORDER BY created_at DESC, id DESC");
    while (st.next())
        out.push_back({std::uint32_t(st.int64(0)), st.int64(1)});
    return out;
}

std::optional<QByteArray> SqlProtocolStore::loadSession(const PeerId &peer, std::int32_t device)
{
    dropStaleCaches();
    const auto key = std::make_pair(peer.toString(), device);
    auto cached = m_sessions.find(key);
    if (cached != m_sessions.end())
        return cached->second;
    Statement st = m_db.prepare("SELECT record FROM sessions WHERE peer_id = ? AND device_id = ?");
    st.bind(1, peer.toString()).bind(2, device);
    std::optional<QByteArray> out;
    if (st.next())
        out = st.blob(0);
    if (st.ok())
        m_sessions[key] = out;
    return out;
}

bool SqlProtocolStore::storeSession(const PeerId &peer, std::int32_t device, const QByteArray &record)
{
    dropStaleCaches();
    auto key = std::make_pair(peer.toString(), device);
    if (m_db.transactionDepth() > 0) {
        // SQLite rolled the transaction back by itself: nothing can join it any more (and
        // writing now would be in autocommit mode, outside what the caller rolls back).
        if (!m_db.inTransaction())
            return false;
        m_unwritten[key] = record; // written by writeUnwritten before the COMMIT
        m_sessions[key] = record;
        return true;
    }
    if (!writeSession(key.first, device, record))
        return false;
    m_sessions[std::move(key)] = record;
    return true;
}

bool SqlProtocolStore::writeSession(const QString &peer, std::int32_t device, const QByteArray &record)
{
    // Update-then-insert with OR FAIL rather than INSERT OR REPLACE: this must not need a
    // (SQLCipher-encrypted) statement journal.
    if (!m_db.prepare("UPDATE OR FAIL sessions SET record = ? WHERE peer_id = ? AND device_id = ?")
             .bind(1, record).bind(2, peer).bind(3, device).run())
        return false;
    return m_db.changes() > 0
        || m_db.prepare("INSERT OR FAIL INTO sessions (peer_id, device_id, record) VALUES (?, ?, ?)")
               .bind(1, peer).bind(2, device).bind(3, record).run();
}

bool SqlProtocolStore::writeUnwritten()
{
    dropStaleCaches(); // a rollback since they were stored took them away
    for (auto it = m_unwritten.begin(); it != m_unwritten.end(); it = m_unwritten.erase(it))
        if (!writeSession(it->first.first, it->first.second, it->second))
            return false; // the transaction fails; its rollback drops the rest
    return true;
}

bool SqlProtocolStore::containsSession(const PeerId &peer, std::int32_t device)
{
    return loadSession(peer, device).has_value();
}

bool SqlProtocolStore::deleteSession(const PeerId &peer, std::int32_t device)
{
    dropStaleCaches();
    const auto key = std::make_pair(peer.toString(), device);
    m_sessions.erase(key);
    m_unwritten.erase(key);
    return m_db.prepare("DELETE FROM sessions WHERE peer_id = ? AND device_id = ?").bind(1, peer.toString()).bind(2, device).run();
}

int SqlProtocolStore::deleteAllSessions(const PeerId &peer)
{
    dropStaleCaches();
    if (!writeUnwritten()) // so the count includes a session stored in this transaction
        return 0;
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->first.first == peer.toString() ? m_sessions.erase(it) : std::next(it);
    if (!m_db.prepare("DELETE FROM sessions WHERE peer_id = ?").bind(1, peer.toString()).run())
        return 0;
    return m_db.changes();
}

std::vector<std::int32_t> SqlProtocolStore::subDeviceSessions(const PeerId &peer)
{
    std::vector<std::int32_t> out;
    dropStaleCaches();
    if (!writeUnwritten())
        return out;
    Statement st = m_db.prepare("SELECT device_id FROM sessions WHERE peer_id = ? AND device_id != 1");
    st.bind(1, peer.toString());
    while (st.next())
        out.push_back(std::int32_t(st.int64(0)));
    return out;
}

std::optional<QByteArray> SqlProtocolStore::loadSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device)
{
    Statement st = m_db.prepare("SELECT record FROM sender_keys WHERE group_id = ? AND peer_id = ? AND device_id = ?");
    st.bind(1, groupId).bind(2, sender.toString()).bind(3, device);
    if (!st.next())
        return std::nullopt;
    return st.blob(0);
}

bool SqlProtocolStore::removeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device)
{
    return m_db.prepare("DELETE FROM sender_keys WHERE group_id = ? AND peer_id = ? AND device_id = ?")
        .bind(1, groupId)
        .bind(2, sender.toString())
        .bind(3, device)
        .run();
}

bool SqlProtocolStore::storeSenderKey(const QByteArray &groupId, const PeerId &sender, std::int32_t device, const QByteArray &record)
{
    return m_db.prepare("INSERT OR REPLACE INTO sender_keys (group_id, peer_id, device_id, record) VALUES (?, ?, ?, ?)")
        .bind(1, groupId).bind(2, sender.toString()).bind(3, device).bind(4, record).run();
}

std::uint32_t SqlProtocolStore::nextId(const char *counter, std::uint32_t count)
{
    std::int64_t next = 1;
    {
        Statement st = m_db.prepare("SELECT value FROM meta WHERE key = ?");
        st.bind(1, QString::fromLatin1(counter));
        if (st.next())
            next = st.int64(0);
    }
    m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
        .bind(1, QString::fromLatin1(counter)).bind(2, next + count).run();
    return std::uint32_t(next);
}

} // namespace sotto::storage
