// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/OutboxStore.h"

namespace sotto::storage {

OutboxStore::OutboxStore(Database &db)
    : m_db(db)
{
}

std::expected<std::int64_t, Error> OutboxStore::enqueue(const OutboxEntry &e)
{
    Statement st = m_db.prepare("INSERT OR FAIL INTO outbox (peer_id, message_id, kind, ciphertext, created_at) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, e.peer.toString()).bind(3, e.kind).bind(4, e.ciphertext).bind(5, e.createdAt);
    if (e.messageId)
        st.bind(2, e.messageId);
    else
        st.bindNull(2);
    if (!st.run())
        return std::unexpected(Error{Errc::Sql, QStringLiteral("enqueue: %1").arg(m_db.lastError())});
    return m_db.lastInsertRowId();
}

std::vector<OutboxEntry> OutboxStore::pending(const protocol::PeerId &peer, int limit)
{
    std::vector<OutboxEntry> out;
    Statement st = m_db.prepare("SELECT id, coalesce(message_id, 0), kind, ciphertext, created_at, attempts FROM outbox "
                                "WHERE peer_id = ? ORDER BY id LIMIT ?");
    st.bind(1, peer.toString()).bind(2, limit);
    while (st.next())
        out.push_back({st.int64(0), peer, st.int64(1), int(st.int64(2)), st.blob(3), st.int64(4), int(st.int64(5))});
    return out;
}

std::expected<void, Error> OutboxStore::remove(std::int64_t id)
{
    if (!m_db.prepare("DELETE FROM outbox WHERE id = ?").bind(1, id).run())
        return std::unexpected(Error{Errc::Sql, QStringLiteral("outbox remove: %1").arg(m_db.lastError())});
    return {};
}

std::int64_t OutboxStore::count(const protocol::PeerId &peer)
{
    Statement st = m_db.prepare("SELECT count(*) FROM outbox WHERE peer_id = ?");
    st.bind(1, peer.toString());
    return st.next() ? st.int64(0) : 0;
}

} // namespace sotto::storage
