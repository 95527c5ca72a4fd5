// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/GroupStore.h"

#include "core/storage/MessageStore.h"

namespace sotto::storage {
namespace {

Error sqlError(Database &db, const char *what) { return {Errc::Sql, QStringLiteral("%1: %2").arg(QLatin1String(what), db.lastError())}; }

} // namespace

GroupStore::GroupStore(Database &db)
    : m_db(db)
{
}

std::expected<std::int64_t, Error> GroupStore::create(const QByteArray &groupId)
{
    if (conversationOf(groupId))
        return std::unexpected(Error{Errc::Duplicate, QStringLiteral("the group exists")});
    const auto made = MessageStore::insertConversation(m_db, 1, QString());
    if (!made)
        return std::unexpected(made.error());
    const std::int64_t conversation = *made;
    if (!m_db.prepare("INSERT INTO group_chats (group_id, conversation_id) VALUES (?, ?)").bind(1, groupId).bind(2, conversation).run())
        return std::unexpected(sqlError(m_db, "create group"));
    return conversation;
}

std::optional<std::int64_t> GroupStore::conversationOf(const QByteArray &groupId)
{
    Statement st = m_db.prepare("SELECT conversation_id FROM group_chats WHERE group_id = ?");
    st.bind(1, groupId);
    if (!st.next())
        return std::nullopt;
    return st.int64(0);
}

std::optional<QByteArray> GroupStore::groupOf(std::int64_t conversationId)
{
    Statement st = m_db.prepare("SELECT group_id FROM group_chats WHERE conversation_id = ?");
    st.bind(1, conversationId);
    if (!st.next())
        return std::nullopt;
    return st.blob(0);
}

std::vector<std::pair<quint64, QByteArray>> GroupStore::states(const QByteArray &groupId)
{
    std::vector<std::pair<quint64, QByteArray>> out;
    Statement st = m_db.prepare("SELECT revision, state FROM group_states WHERE group_id = ? ORDER BY revision");
    st.bind(1, groupId);
    while (st.next())
        out.emplace_back(quint64(st.int64(0)), st.blob(1));
    return out;
}

std::optional<QByteArray> GroupStore::currentState(const QByteArray &groupId)
{
    Statement st = m_db.prepare("SELECT state FROM group_states WHERE group_id = ? ORDER BY revision DESC LIMIT 1");
    st.bind(1, groupId);
    if (!st.next())
        return std::nullopt;
    return st.blob(0);
}

std::expected<void, Error> GroupStore::saveStates(const QByteArray &groupId, const std::vector<std::pair<quint64, QByteArray>> &chain)
{
    if (!m_db.prepare("DELETE FROM group_states WHERE group_id = ?").bind(1, groupId).run())
        return std::unexpected(sqlError(m_db, "replace group states"));
    for (const auto &[revision, state] : chain) {
        if (!m_db.prepare("INSERT INTO group_states (group_id, revision, state) VALUES (?, ?, ?)")
                 .bind(1, groupId)
                 .bind(2, qint64(revision))
                 .bind(3, state)
                 .run())
            return std::unexpected(sqlError(m_db, "store group state"));
    }
    return {};
}

std::expected<void, Error> GroupStore::park(const QByteArray &groupId, const QString &sender, quint32 epoch, const QByteArray &envelope,
                                           qint64 receivedAtMs)
{
    if (!m_db.prepare("INSERT INTO group_parked (group_id, sender, epoch, envelope, received_at) VALUES (?, ?, ?, ?, ?)")
             .bind(1, groupId)
             .bind(2, sender)
             .bind(3, qint64(epoch))
             .bind(4, envelope)
             .bind(5, receivedAtMs)
             .run())
        return std::unexpected(sqlError(m_db, "park group message"));
    return {};
}

int GroupStore::parkedCount(const QByteArray &groupId, const QString &sender)
{
    Statement st = m_db.prepare("SELECT count(*) FROM group_parked WHERE group_id = ? AND sender = ?");
    st.bind(1, groupId).bind(2, sender);
    return st.next() ? int(st.int64(0)) : 0;
}

int GroupStore::parkedMarkedFrom(const QString &sender, char mark)
{
    Statement st = m_db.prepare("SELECT count(*) FROM group_parked WHERE sender = ? AND substr(envelope, 1, 1) = ?");
    const QByteArray prefix(1, mark); // bound without a copy: lives until the step
    st.bind(1, sender).bind(2, prefix);
    return st.next() ? int(st.int64(0)) : 0;
}

int GroupStore::parkedMarkedCount(char mark)
{
    Statement st = m_db.prepare("SELECT count(*) FROM group_parked WHERE substr(envelope, 1, 1) = ?");
    const QByteArray prefix(1, mark);
    st.bind(1, prefix);
    return st.next() ? int(st.int64(0)) : 0;
}

int GroupStore::parkedTotal()
{
    Statement st = m_db.prepare("SELECT count(*) FROM group_parked");
    return st.next() ? int(st.int64(0)) : 0;
}

bool GroupStore::hasParkedMarked(const QByteArray &groupId, const QString &sender, char mark)
{
    Statement st = m_db.prepare("SELECT 1 FROM group_parked WHERE group_id = ? AND sender = ? AND substr(envelope, 1, 1) = ? LIMIT 1");
    const QByteArray prefix(1, mark); // bound without a copy: lives until the step
    st.bind(1, groupId).bind(2, sender).bind(3, prefix);
    return st.next();
}

void GroupStore::expireParked(qint64 beforeMs)
{
    m_db.prepare("DELETE FROM group_parked WHERE received_at < ?").bind(1, beforeMs).run();
}

std::vector<std::int64_t> GroupStore::conversationsWithParked()
{
    std::vector<std::int64_t> out;
    Statement st = m_db.prepare("SELECT DISTINCT c.conversation_id FROM group_parked p JOIN group_chats c ON c.group_id = p.group_id");
    while (st.next())
        out.push_back(st.int64(0));
    return out;
}

std::vector<GroupStore::Parked> GroupStore::parked(const QByteArray &groupId, quint32 epoch)
{
    std::vector<Parked> out;
    Statement st = m_db.prepare("SELECT id, sender, envelope, epoch FROM group_parked WHERE group_id = ? AND epoch <= ? ORDER BY id");
    st.bind(1, groupId).bind(2, qint64(epoch));
    while (st.next())
        out.push_back({st.int64(0), st.text(1), st.blob(2), quint32(st.int64(3))});
    return out;
}

std::expected<void, Error> GroupStore::unparkFrom(const QString &sender)
{
    if (!m_db.prepare("DELETE FROM group_parked WHERE sender = ?").bind(1, sender).run())
        return std::unexpected(sqlError(m_db, "unpark a sender's group messages"));
    return {};
}

std::expected<void, Error> GroupStore::unpark(std::int64_t id)
{
    if (!m_db.prepare("DELETE FROM group_parked WHERE id = ?").bind(1, id).run())
        return std::unexpected(sqlError(m_db, "unpark group message"));
    return {};
}

std::expected<void, Error> GroupStore::addRecipient(std::int64_t messageId, const QString &peer)
{
    if (!m_db.prepare("INSERT OR IGNORE INTO group_receipts (message_id, peer, state) VALUES (?, ?, 1)").bind(1, messageId).bind(2, peer).run())
        return std::unexpected(sqlError(m_db, "add recipient"));
    return {};
}

std::expected<bool, Error> GroupStore::advanceReceipt(std::int64_t messageId, const QString &peer, int state)
{
    if (!m_db.prepare("UPDATE OR FAIL group_receipts SET state = ? WHERE message_id = ? AND peer = ? AND state < ?")
             .bind(1, state)
             .bind(2, messageId)
             .bind(3, peer)
             .bind(4, state)
             .run())
        return std::unexpected(sqlError(m_db, "advance receipt"));
    return m_db.changes() > 0;
}

std::expected<std::vector<std::int64_t>, Error> GroupStore::readUpTo(std::int64_t conversationId, std::int64_t messageId, const QString &peer)
{
    std::vector<std::int64_t> ids;
    {
        Statement st = m_db.prepare(
            // The partial index holds only what is not read yet: a read receipt walks that.
            "SELECT r.message_id FROM group_receipts r INDEXED BY group_receipts_unread JOIN messages m ON m.id = r.message_id"
            " WHERE r.peer = ? AND r.state < 3 AND r.message_id <= ? AND m.conversation_id = ? AND m.outgoing = 1");
        st.bind(1, peer).bind(2, messageId).bind(3, conversationId);
        while (st.next())
            ids.push_back(st.int64(0));
    }
    if (ids.empty())
        return ids;
    // One statement for all of them, with the same WHERE as the walk above (the caller's
    // transaction keeps the two in step), instead of one UPDATE per message. The conversation
    // is checked per unread row (one primary-key lookup), not by listing every message of
    // the conversation first: that cost grew with its whole history, at every read receipt.
    if (!m_db.prepare("UPDATE OR FAIL group_receipts INDEXED BY group_receipts_unread SET state = 3"
                      " WHERE peer = ? AND state < 3 AND message_id <= ? AND EXISTS (SELECT 1 FROM messages m"
                      " WHERE m.id = group_receipts.message_id AND m.conversation_id = ? AND m.outgoing = 1)")
             .bind(1, peer)
             .bind(2, messageId)
             .bind(3, conversationId)
             .run())
        return std::unexpected(sqlError(m_db, "read receipt"));
    return ids;
}

int GroupStore::leastReceipt(std::int64_t messageId)
{
    Statement st = m_db.prepare("SELECT coalesce(min(state), -1) FROM group_receipts WHERE message_id = ?");
    st.bind(1, messageId);
    return st.next() ? int(st.int64(0)) : -1;
}

std::expected<void, Error> GroupStore::forgetRecipient(std::int64_t conversationId, const QString &peer)
{
    // Per unread row of the peer, one primary-key lookup (as readUpTo), not the whole history.
    if (!m_db.prepare("DELETE FROM group_receipts INDEXED BY group_receipts_unread WHERE peer = ? AND state < 3 AND EXISTS "
                      "(SELECT 1 FROM messages m WHERE m.id = group_receipts.message_id AND m.conversation_id = ? AND m.outgoing = 1)")
             .bind(1, peer)
             .bind(2, conversationId)
             .run())
        return std::unexpected(sqlError(m_db, "forget recipient"));
    return {};
}

std::vector<std::pair<QString, int>> GroupStore::receipts(std::int64_t messageId)
{
    std::vector<std::pair<QString, int>> out;
    Statement st = m_db.prepare("SELECT peer, state FROM group_receipts WHERE message_id = ? ORDER BY peer");
    st.bind(1, messageId);
    while (st.next())
        out.emplace_back(st.text(0), int(st.int64(1)));
    return out;
}

bool GroupStore::wasSentTo(std::int64_t messageId, const QString &peer)
{
    Statement st = m_db.prepare("SELECT 1 FROM group_receipts WHERE message_id = ? AND peer = ?");
    st.bind(1, messageId).bind(2, peer);
    return st.next();
}

std::expected<std::int64_t, Error> GroupStore::keepCiphertext(const QByteArray &ciphertext)
{
    if (!m_db.prepare("INSERT INTO group_ciphertexts (ciphertext) VALUES (?)").bind(1, ciphertext).run())
        return std::unexpected(sqlError(m_db, "keep group ciphertext"));
    return m_db.lastInsertRowId();
}

std::expected<void, Error> GroupStore::keepCheckpoint(const QByteArray &groupId, quint32 epoch, quint32 iteration,
                                                      const QByteArray &distribution, qint64 createdAtMs)
{
    if (!m_db.prepare("INSERT OR REPLACE INTO sender_key_checkpoints (group_id, epoch, iteration, distribution, created_at) "
                      "VALUES (?, ?, ?, ?, ?)")
             .bind(1, groupId)
             .bind(2, qint64(epoch))
             .bind(3, qint64(iteration))
             .bind(4, distribution)
             .bind(5, createdAtMs)
             .run())
        return std::unexpected(sqlError(m_db, "keep sender key checkpoint"));
    return {};
}

std::optional<GroupStore::Checkpoint> GroupStore::checkpointAtOrBefore(const QByteArray &groupId, quint32 epoch, quint32 iteration)
{
    Statement st = m_db.prepare("SELECT iteration, distribution FROM sender_key_checkpoints WHERE group_id = ? AND epoch = ? "
                                "AND iteration <= ? ORDER BY iteration DESC LIMIT 1");
    st.bind(1, groupId).bind(2, qint64(epoch)).bind(3, qint64(iteration));
    if (!st.next())
        return std::nullopt;
    return Checkpoint{quint32(st.int64(0)), st.blob(1)};
}

namespace {

// Chain keys leave the file as they leave the table: the freed cells are overwritten.
std::expected<void, Error> secureDelete(Database &db, Statement &&st, const char *what)
{
    if (!db.exec("PRAGMA secure_delete = ON;"))
        return std::unexpected(sqlError(db, what));
    const bool ran = st.run();
    db.exec("PRAGMA secure_delete = OFF;");
    if (!ran)
        return std::unexpected(sqlError(db, what));
    return {};
}

} // namespace

std::expected<void, Error> GroupStore::dropCheckpointsExcept(const QByteArray &groupId, quint32 epoch)
{
    Statement st = m_db.prepare("DELETE FROM sender_key_checkpoints WHERE group_id = ? AND epoch <> ?");
    st.bind(1, groupId).bind(2, qint64(epoch));
    return secureDelete(m_db, std::move(st), "drop sender key checkpoints");
}

std::expected<void, Error> GroupStore::dropCheckpoints(const QByteArray &groupId)
{
    Statement st = m_db.prepare("DELETE FROM sender_key_checkpoints WHERE group_id = ?");
    st.bind(1, groupId);
    return secureDelete(m_db, std::move(st), "drop sender key checkpoints");
}

std::expected<void, Error> GroupStore::pruneCheckpoints(const QByteArray &groupId, quint32 epoch, qint64 oldestQueuedMs)
{
    Statement st = m_db.prepare("DELETE FROM sender_key_checkpoints WHERE group_id = ?1 AND epoch = ?2 AND iteration < "
                                "(SELECT max(iteration) FROM sender_key_checkpoints WHERE group_id = ?1 AND epoch = ?2 "
                                "AND created_at <= ?3)");
    st.bind(1, groupId).bind(2, qint64(epoch)).bind(3, oldestQueuedMs);
    return secureDelete(m_db, std::move(st), "prune sender key checkpoints");
}

} // namespace sotto::storage
