// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/OutboxStore.h"

#include "core/storage/SharedCiphertexts.h"

#include <algorithm>

namespace sotto::storage {

OutboxStore::OutboxStore(Database &db)
    : m_db(db)
{
}

std::expected<std::int64_t, Error> OutboxStore::nextId()
{
    // The floor is read again after a rollback (what it took away may have held the
    // floor's last raise); the ids in memory never go back, so no id handed out before the
    // rollback comes again (a gap is allowed) and the table is scanned only once: since
    // schema 16 no index starts with `id`, and rollbacks are routine (a duplicate envelope).
    if (m_nextId == 0 || m_nextIdGeneration != m_db.rollbackCount()) {
        m_nextIdGeneration = m_db.rollbackCount();
        std::int64_t floor = 0;
        if (Statement st = m_db.prepare("SELECT value FROM meta WHERE key = 'outbox_id_floor'"); st.next())
            floor = st.int64(0);
        if (m_nextId == 0) {
            std::int64_t highest = 0;
            if (Statement st = m_db.prepare("SELECT coalesce(max(id), 0) FROM outbox"); st.next())
                highest = st.int64(0);
            m_nextId = highest + 1;
        }
        m_nextId = std::max(m_nextId, floor);
        m_reservedUpTo = floor;
    }
    // A block at a time: one meta write per 4,096 rows (and per start), not one per row.
    constexpr std::int64_t Block = 4096;
    if (m_nextId >= m_reservedUpTo) {
        if (!m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('outbox_id_floor', ?)").bind(1, m_nextId + Block).run()) {
            m_nextId = 0;
            return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox id: %1").arg(m_db.lastError())});
        }
        m_reservedUpTo = m_nextId + Block;
    }
    return m_nextId++;
}

std::expected<std::int64_t, Error> OutboxStore::enqueue(const OutboxEntry &e)
{
    auto id = nextId();
    if (!id)
        return id;
    Statement st = m_db.prepare(
        "INSERT OR FAIL INTO outbox (peer_id, message_id, kind, ciphertext, created_at, content, id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, e.peer.toString()).bind(3, e.kind).bind(5, e.createdAt).bind(7, *id);
    if (e.content.isEmpty())
        st.bindNull(6);
    else
        st.bind(6, e.content);
    if (e.ciphertext.isEmpty())
        st.bindNull(4);
    else
        st.bind(4, e.ciphertext);
    if (e.messageId)
        st.bind(2, e.messageId);
    else
        st.bindNull(2);
    if (!st.run())
        return std::unexpected(Error{Errc::Sql, QStringLiteral("enqueue: %1").arg(m_db.lastError())});
    return *id;
}

std::vector<OutboxEntry> OutboxStore::pending(const protocol::PeerId &peer, std::int64_t afterId, int limit)
{
    std::vector<OutboxEntry> out;
    // A group message's row points at the one ciphertext all members get (schema 9).
    Statement st = m_db.prepare("SELECT o.id, coalesce(o.message_id, 0), o.kind, coalesce(g.ciphertext, o.ciphertext), o.created_at, "
                                "o.attempts FROM outbox o LEFT JOIN group_ciphertexts g ON g.id = o.shared_id "
                                "WHERE o.peer_id = ? AND o.id > ? ORDER BY o.id LIMIT ?");
    st.bind(1, peer.toString()).bind(2, afterId).bind(3, limit);
    while (st.next())
        out.push_back({st.int64(0), peer, st.int64(1), int(st.int64(2)), st.blob(3), st.int64(4), int(st.int64(5))});
    return out;
}

std::vector<OutboxEntry> OutboxStore::unsealed(const protocol::PeerId &peer)
{
    std::vector<OutboxEntry> out;
    Statement st = m_db.prepare("SELECT id, coalesce(message_id, 0), created_at, content FROM outbox INDEXED BY outbox_unsealed "
                                "WHERE peer_id = ? AND ciphertext IS NULL ORDER BY id");
    st.bind(1, peer.toString());
    while (st.next())
        out.push_back({st.int64(0), peer, st.int64(1), 0, {}, st.int64(2), 0, st.blob(3)});
    return out;
}

bool OutboxStore::hasUnsealed(const protocol::PeerId &peer)
{
    // INDEXED BY: since schema 16 the primary key starts with peer_id too, and SQLite's
    // planner (no ANALYZE) would take it and read the peer's whole backlog on every send.
    Statement st = m_db.prepare("SELECT 1 FROM outbox INDEXED BY outbox_unsealed WHERE peer_id = ? AND ciphertext IS NULL LIMIT 1");
    st.bind(1, peer.toString());
    return st.next();
}

std::expected<void, Error> OutboxStore::seal(const protocol::PeerId &peer, std::int64_t id, int kind, const QByteArray &ciphertext)
{
    // An entry without a row keeps its content until acknowledged: a session reset seals it
    // again (OutboxStore::reseal); a text is rebuilt from its row instead.
    if (!m_db.prepare("UPDATE OR FAIL outbox SET kind = ?, ciphertext = ?, "
                      "content = CASE WHEN message_id IS NULL THEN content ELSE NULL END WHERE peer_id = ? AND id = ?")
             .bind(1, kind).bind(2, ciphertext).bind(3, peer.toString()).bind(4, id).run())
        return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox seal: %1").arg(m_db.lastError())});
    return {};
}

std::optional<std::int64_t> OutboxStore::remove(const protocol::PeerId &peer, std::int64_t id)
{
    std::optional<std::int64_t> messageId;
    std::int64_t sharedId = 0;
    {
        Statement st = m_db.prepare("SELECT coalesce(message_id, 0), coalesce(shared_id, 0) FROM outbox WHERE peer_id = ? AND id = ?");
        st.bind(1, peer.toString()).bind(2, id);
        if (st.next()) {
            messageId = st.int64(0);
            sharedId = st.int64(1);
        }
    }
    // No trigger on outbox (schema 15): a group message's kept ciphertext goes here.
    if (messageId
        && (!m_db.prepare("DELETE FROM outbox WHERE peer_id = ? AND id = ?").bind(1, peer.toString()).bind(2, id).run() || (sharedId && !dropSharedCiphertextIfUnused(m_db, sharedId))))
        return std::nullopt;
    return messageId;
}

std::optional<int> OutboxStore::kindOf(const protocol::PeerId &peer, std::int64_t id)
{
    Statement st = m_db.prepare("SELECT kind FROM outbox WHERE id = ? AND peer_id = ?");
    st.bind(1, id).bind(2, peer.toString());
    if (!st.next())
        return std::nullopt;
    return int(st.int64(0));
}

std::optional<OutboxStore::SharedRow> OutboxStore::sharedRow(const protocol::PeerId &peer, std::int64_t id)
{
    Statement st = m_db.prepare("SELECT coalesce(o.message_id, 0), o.shared_id, g.ciphertext, o.resent FROM outbox o "
                                "JOIN group_ciphertexts g ON g.id = o.shared_id WHERE o.id = ? AND o.peer_id = ?");
    st.bind(1, id).bind(2, peer.toString());
    if (!st.next())
        return std::nullopt;
    return SharedRow{st.int64(0), st.int64(1), st.blob(2), st.int64(3) != 0};
}

std::optional<std::int64_t> OutboxStore::oldestSharedQueuedAt()
{
    Statement st = m_db.prepare("SELECT min(created_at) FROM outbox WHERE shared_id IS NOT NULL AND resent = 0");
    if (!st.next() || st.isNull(0))
        return std::nullopt;
    return st.int64(0);
}

std::expected<int, Error> OutboxStore::requeue(const protocol::PeerId &from, const protocol::PeerId &to)
{
    std::int64_t last = 0;
    {
        Statement st = m_db.prepare("SELECT coalesce(max(id), 0) FROM outbox WHERE peer_id = ?");
        st.bind(1, from.toString());
        if (st.next())
            last = st.int64(0);
    }
    if (last == 0)
        return 0;
    // New ids, in the old order: a link's "sent up to" mark for `to` must not skip them,
    // and an Ack for an old id must not find them. Read first, then written: `to` may be
    // `from` (a reset).
    // A group message's row is not sealed for the session: it moves as it is (a merged
    // contact's new key is no member, but the old one was: it still gets what it was sent).
    struct Moving {
        std::optional<std::int64_t> messageId, sharedId;
        int kind = 0;
        QByteArray ciphertext, content;
        std::int64_t createdAt = 0;
        bool resent = false; // a group row sent again once is never sent a third time
    };
    std::vector<Moving> moving;
    const bool hasResent = m_db.userVersion() >= 14;
    {
        // `resent` is schema 14's column; this also runs on older ones in the migration tests.
        Statement st = m_db.prepare(hasResent ? "SELECT message_id, shared_id, kind, ciphertext, content, created_at, resent FROM outbox "
                                                "WHERE peer_id = ? AND id <= ? AND (message_id IS NOT NULL OR content IS NOT NULL OR shared_id IS NOT NULL) "
                                                "ORDER BY id"
                                              : "SELECT message_id, shared_id, kind, ciphertext, content, created_at, 0 FROM outbox "
                                                "WHERE peer_id = ? AND id <= ? AND (message_id IS NOT NULL OR content IS NOT NULL OR shared_id IS NOT NULL) "
                                                "ORDER BY id");
        st.bind(1, from.toString()).bind(2, last);
        while (st.next()) {
            Moving m;
            if (!st.isNull(0))
                m.messageId = st.int64(0);
            if (!st.isNull(1))
                m.sharedId = st.int64(1);
            m.kind = m.sharedId ? int(st.int64(2)) : 0;
            if (m.sharedId)
                m.ciphertext = st.blob(3);
            if (!st.isNull(4))
                m.content = st.blob(4);
            m.createdAt = st.int64(5);
            m.resent = st.int64(6) != 0;
            moving.push_back(std::move(m));
        }
        if (!st.ok())
            return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox requeue: %1").arg(m_db.lastError())});
    }
    for (const Moving &m : moving) {
        auto id = nextId();
        if (!id)
            return std::unexpected(id.error());
        Statement st = m_db.prepare(hasResent ? "INSERT OR FAIL INTO outbox (id, peer_id, message_id, kind, ciphertext, created_at, attempts, content, shared_id, resent) "
                                                "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"
                                              : "INSERT OR FAIL INTO outbox (id, peer_id, message_id, kind, ciphertext, created_at, attempts, content, shared_id) "
                                                "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)");
        st.bind(1, *id).bind(2, to.toString()).bind(4, m.kind).bind(6, m.createdAt);
        if (hasResent)
            st.bind(9, m.resent ? 1 : 0);
        if (m.messageId)
            st.bind(3, *m.messageId);
        else
            st.bindNull(3);
        if (m.sharedId)
            st.bind(5, m.ciphertext).bind(8, *m.sharedId);
        else
            st.bindNull(5).bindNull(8);
        if (m.content.isNull())
            st.bindNull(7);
        else
            st.bind(7, m.content);
        if (!st.run())
            return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox requeue: %1").arg(m_db.lastError())});
    }
    const int moved = int(moving.size());
    if (!m_db.prepare("DELETE FROM outbox WHERE peer_id = ? AND id <= ?").bind(1, from.toString()).bind(2, last).run()
        || !dropUnusedSharedCiphertexts(m_db))
        return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox requeue: %1").arg(m_db.lastError())});
    return moved;
}

std::vector<protocol::PeerId> OutboxStore::peersWithPending()
{
    std::vector<protocol::PeerId> out;
    Statement st = m_db.prepare("SELECT DISTINCT peer_id FROM outbox");
    while (st.next())
        out.push_back(protocol::PeerId::fromString(st.text(0)));
    return out;
}

std::expected<void, Error> OutboxStore::detach(std::int64_t messageId, const QByteArray &content)
{
    if (!m_db.prepare("UPDATE outbox SET content = CASE WHEN ciphertext IS NULL THEN ? ELSE content END, message_id = NULL "
                      "WHERE message_id = ?")
             .bind(1, content).bind(2, messageId).run())
        return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox detach: %1").arg(m_db.lastError())});
    return {};
}

bool OutboxStore::hasPending(const protocol::PeerId &peer)
{
    // The primary key's first rows for the peer, not a count of its whole backlog (since
    // schema 16 the rows themselves, ciphertexts and all, are the index).
    Statement st = m_db.prepare("SELECT 1 FROM outbox WHERE peer_id = ? LIMIT 1");
    st.bind(1, peer.toString());
    return st.next();
}

std::int64_t OutboxStore::count(const protocol::PeerId &peer)
{
    Statement st = m_db.prepare("SELECT count(*) FROM outbox WHERE peer_id = ?");
    st.bind(1, peer.toString());
    return st.next() ? st.int64(0) : 0;
}

std::expected<void, Error> OutboxStore::removeAll(const protocol::PeerId &peer)
{
    if (!m_db.prepare("DELETE FROM outbox WHERE peer_id = ?").bind(1, peer.toString()).run() || !dropUnusedSharedCiphertexts(m_db))
        return std::unexpected(Error{Errc::Sql, QStringLiteral("remove outbox entries: %1").arg(m_db.lastError())});
    return {};
}

std::expected<std::int64_t, Error> OutboxStore::enqueueShared(const protocol::PeerId &peer, std::int64_t messageId, int kind,
                                                              std::int64_t sharedId, std::int64_t createdAt, bool resent)
{
    // `resent` named only when set: the column is schema 14's, and this runs on older ones
    // in the migration tests.
    auto id = nextId();
    if (!id)
        return id;
    Statement st = m_db.prepare(resent ? "INSERT OR FAIL INTO outbox (peer_id, message_id, kind, ciphertext, created_at, shared_id, id, resent) "
                                         "VALUES (?, ?, ?, X'', ?, ?, ?, 1)"
                                       : "INSERT OR FAIL INTO outbox (peer_id, message_id, kind, ciphertext, created_at, shared_id, id) "
                                         "VALUES (?, ?, ?, X'', ?, ?, ?)");
    st.bind(1, peer.toString()).bind(6, *id);
    if (messageId)
        st.bind(2, messageId);
    else
        st.bindNull(2);
    st.bind(3, kind).bind(4, createdAt).bind(5, sharedId);
    if (!st.run())
        return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox enqueue shared: %1").arg(m_db.lastError())});
    return *id;
}

} // namespace sotto::storage
