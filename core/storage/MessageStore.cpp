// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/MessageStore.h"

#include "core/storage/SharedCiphertexts.h"
#include "core/storage/StorageLog.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace sotto::storage {
namespace {

Error sqlError(Database &db, const char *what)
{
    return {Errc::Sql, QStringLiteral("%1: %2").arg(QLatin1String(what), db.lastError())};
}

// A received message (state 5) at or below its conversation's read watermark reads as read (3).
constexpr const char *MessageColumns =
    "id, uuid, conversation_id, sender, outgoing, body, sent_at, coalesce(received_at, 0), "
    "CASE WHEN state = 5 AND id <= (SELECT read_upto FROM conversations c WHERE c.id = messages.conversation_id) THEN 3 ELSE state END, "
    "failure, kind, reply_to, edited_at, deleted, expires_in, expires_at";

MessageRecord readMessage(const Statement &st)
{
    MessageRecord m;
    m.id = st.int64(0);
    m.uuid = st.blob(1);
    m.conversationId = st.int64(2);
    m.sender = protocol::PeerId::fromString(st.text(3));
    m.outgoing = st.int64(4) != 0;
    m.body = st.text(5);
    m.sentAt = st.int64(6);
    m.receivedAt = st.int64(7);
    m.state = MessageState(st.int64(8));
    m.failure = int(st.int64(9));
    m.kind = MessageKind(st.int64(10));
    m.replyTo = st.blob(11);
    m.editedAt = st.int64(12);
    m.deleted = st.int64(13) != 0;
    m.expiresIn = int(st.int64(14));
    m.expiresAt = st.int64(15);
    return m;
}

} // namespace

MessageStore::MessageStore(Database &db)
    : m_db(db)
{
}

void MessageStore::resumeSearchResidue()
{
    Statement st = m_db.prepare("SELECT 1 FROM meta WHERE key = 'search_residue'");
    if (st.next())
        m_searchResidueSince = QDateTime::currentMSecsSinceEpoch();
}

void MessageStore::noteSearchResidue()
{
    if (m_searchResidueSince)
        return;
    m_searchResidueSince = QDateTime::currentMSecsSinceEpoch();
    // Kept with the change that left the words (same transaction), so the purge still
    // happens if Sotto quits or dies before it; a rolled-back change takes it back.
    if (!m_db.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_residue', 1);"))
        qCWarning(lcStorage) << "cannot note the search index's residue";
}

void MessageStore::dropCachesAfterRollback()
{
    if (m_cacheGeneration == m_db.rollbackCount())
        return;
    m_conversationIds.clear();
    m_timers.clear();
    m_cacheGeneration = m_db.rollbackCount();
}

std::expected<std::int64_t, Error> MessageStore::conversationFor(const protocol::PeerId &peer)
{
    dropCachesAfterRollback();
    if (auto it = m_conversationIds.constFind(peer.toString()); it != m_conversationIds.constEnd())
        return *it;
    {
        Statement st = m_db.prepare("SELECT id FROM conversations WHERE peer_id = ?");
        st.bind(1, peer.toString());
        if (st.next()) {
            m_conversationIds.insert(peer.toString(), st.int64(0));
            return st.int64(0);
        }
        if (!st.ok())
            return std::unexpected(sqlError(m_db, "find conversation"));
    }
    auto made = insertConversation(m_db, 0, peer.toString());
    if (!made)
        return std::unexpected(made.error());
    m_conversationIds.insert(peer.toString(), *made);
    return *made;
}

std::expected<void, Error> MessageStore::mergeConversation(std::int64_t from, std::int64_t into, const protocol::PeerId &oldPeer,
                                                           const protocol::PeerId &newPeer)
{
    if (from == into)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("a conversation cannot merge into itself")});
    const QString oldId = oldPeer.toString(), newId = newPeer.toString();
    // The watermark: the later of the two (what was read in either stays read); the draft
    // of `into` unless it has none.
    const bool ok =
        m_db.prepare("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?").bind(1, into).bind(2, from).run()
        && m_db.prepare("UPDATE messages SET sender = ? WHERE conversation_id = ? AND sender = ?").bind(1, newId).bind(2, into).bind(3, oldId).run()
        && m_db.prepare("UPDATE OR IGNORE reactions SET reactor = ? WHERE reactor = ?").bind(1, newId).bind(2, oldId).run()
        && m_db.prepare("DELETE FROM reactions WHERE reactor = ?").bind(1, oldId).run()
        && m_db.prepare("UPDATE conversations SET "
                        "last_message_id = (SELECT max(id) FROM messages WHERE conversation_id = ?1), "
                        "last_activity = max(last_activity, (SELECT last_activity FROM conversations WHERE id = ?2)), "
                        "read_upto = max(read_upto, (SELECT read_upto FROM conversations WHERE id = ?2)), "
                        "draft = CASE WHEN draft = '' THEN (SELECT draft FROM conversations WHERE id = ?2) ELSE draft END "
                        "WHERE id = ?1")
               .bind(1, into).bind(2, from).run()
        // Unread: what the watermark does not cover, counted again (a sum of the two counts
        // could disagree with the one watermark left).
        && m_db.prepare("UPDATE conversations SET unread_count = (SELECT count(*) FROM messages WHERE conversation_id = ?1 "
                        "AND outgoing = 0 AND state = 5 AND id > conversations.read_upto) WHERE id = ?1")
               .bind(1, into).run()
        && m_db.prepare("DELETE FROM conversations WHERE id = ?").bind(1, from).run()
        && retireConversationId(from);
    if (!ok)
        return std::unexpected(sqlError(m_db, "merge conversations"));
    m_conversationIds.remove(oldId);
    m_timers.remove(from);
    return {};
}

std::expected<std::int64_t, Error> MessageStore::insertConversation(Database &db, int kind, const QString &peer)
{
    // Named above every id ever handed out (see conversation_id_floor): SQLite would give
    // a deleted newest conversation's id to the next one, and the window, holding state
    // by conversation id (a draft, a search hit, a sidebar row), would show one person's
    // text in another's chat.
    Statement st = db.prepare("INSERT INTO conversations (id, kind, peer_id) VALUES ("
                              "max(coalesce((SELECT max(id) FROM conversations), 0), "
                              "coalesce((SELECT value FROM meta WHERE key = 'conversation_id_floor'), 0)) + 1, ?, ?)");
    st.bind(1, kind);
    if (peer.isEmpty())
        st.bindNull(2);
    else
        st.bind(2, peer);
    if (!st.run())
        return std::unexpected(sqlError(db, "create conversation"));
    return db.lastInsertRowId();
}

bool MessageStore::retireConversationId(std::int64_t id)
{
    return m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('conversation_id_floor', "
                        "max(?, coalesce((SELECT value FROM meta WHERE key = 'conversation_id_floor'), 0)))")
        .bind(1, id).run();
}

std::optional<std::int64_t> MessageStore::findConversation(const protocol::PeerId &peer)
{
    Statement st = m_db.prepare("SELECT id FROM conversations WHERE peer_id = ?");
    st.bind(1, peer.toString());
    if (!st.next())
        return std::nullopt;
    return st.int64(0);
}

bool MessageStore::hasMessages(const protocol::PeerId &peer)
{
    Statement st = m_db.prepare("SELECT coalesce(last_message_id, 0) FROM conversations WHERE peer_id = ?");
    st.bind(1, peer.toString());
    return st.next() && st.int64(0) != 0;
}

std::expected<void, Error> MessageStore::deleteConversation(std::int64_t conversationId)
{
    std::int64_t highest = 0;
    {
        Statement st = m_db.prepare("SELECT coalesce(max(id), 0) FROM messages WHERE conversation_id = ?");
        st.bind(1, conversationId);
        if (st.next())
            highest = st.int64(0);
    }
    if (!m_db.exec("PRAGMA secure_delete = ON;"))
        return std::unexpected(sqlError(m_db, "secure delete"));
    // The delete trigger takes each message out of the index; edits and reactions cascade.
    // Row ids are never handed out again (the floor), as after expiry.
    const bool ok = m_db.prepare("DELETE FROM messages WHERE conversation_id = ?").bind(1, conversationId).run()
        && m_db.prepare("DELETE FROM conversations WHERE id = ?").bind(1, conversationId).run()
        && dropUnusedSharedCiphertexts(m_db) // the outbox rows of its messages went with them
        && retireConversationId(conversationId)
        && m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('message_id_floor', "
                        "max(?, coalesce((SELECT value FROM meta WHERE key = 'message_id_floor'), 0)))")
               .bind(1, highest).run();
    m_db.exec("PRAGMA secure_delete = OFF;");
    if (!ok)
        return std::unexpected(sqlError(m_db, "delete conversation"));
    m_conversationIds.clear();
    m_timers.remove(conversationId);
    if (highest)
        noteSearchResidue();
    return {};
}

std::vector<std::pair<std::int64_t, QByteArray>> MessageStore::receivedIds(std::int64_t conversationId, std::int64_t afterId, int limit)
{
    std::vector<std::pair<std::int64_t, QByteArray>> out;
    // Walks rows by id from the cursor (NOT INDEXED: else SQLite takes the conversation's
    // time index and sorts the whole conversation for every page: quadratic for a big
    // request). A request's rows are recent, so the walk covers little but them.
    Statement st = m_db.prepare("SELECT id, uuid FROM messages NOT INDEXED WHERE conversation_id = ? AND outgoing = 0 AND kind <> ? "
                                "AND id > ? ORDER BY id LIMIT ?");
    st.bind(1, conversationId).bind(2, int(MessageKind::TimerChanged)).bind(3, afterId).bind(4, limit);
    while (st.next())
        out.emplace_back(st.int64(0), st.blob(1));
    return out;
}

std::optional<QByteArray> MessageStore::newestRead(std::int64_t conversationId)
{
    Statement st = m_db.prepare("SELECT uuid FROM messages WHERE conversation_id = ?1 AND outgoing = 0 "
                                "AND id <= (SELECT read_upto FROM conversations WHERE id = ?1) ORDER BY sent_at DESC, id DESC LIMIT 1");
    st.bind(1, conversationId);
    if (!st.next())
        return std::nullopt;
    return st.blob(0);
}

std::optional<ConversationRecord> MessageStore::conversation(std::int64_t id)
{
    Statement st = m_db.prepare(
        "SELECT id, peer_id, coalesce(last_message_id, 0), last_activity, unread_count FROM conversations WHERE id = ?");
    st.bind(1, id);
    if (!st.next())
        return std::nullopt;
    return ConversationRecord{st.int64(0), protocol::PeerId::fromString(st.text(1)), st.int64(2), st.int64(3), int(st.int64(4))};
}

std::vector<ConversationRecord> MessageStore::conversations()
{
    std::vector<ConversationRecord> out;
    Statement st = m_db.prepare("SELECT id, peer_id, coalesce(last_message_id, 0), last_activity, unread_count "
                                "FROM conversations ORDER BY last_activity DESC, id DESC");
    while (st.next())
        out.push_back({st.int64(0), protocol::PeerId::fromString(st.text(1)), st.int64(2), st.int64(3), int(st.int64(4))});
    return out;
}

std::expected<std::int64_t, Error> MessageStore::insert(const MessageRecord &m)
{
    const std::int64_t newId = nextMessageId();
    Statement st = m_db.prepare("INSERT OR IGNORE INTO messages (uuid, conversation_id, sender, outgoing, body, sent_at, "
                                "received_at, state, failure, kind, reply_to, expires_in, expires_at, id, search_shard) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(14, newId).bind(15, searchShard(newId));
    st.bind(1, m.uuid).bind(2, m.conversationId).bind(3, m.sender.toString()).bind(4, m.outgoing ? 1 : 0).bind(5, m.body)
        .bind(6, m.sentAt).bind(7, m.receivedAt).bind(8, int(m.state)).bind(9, m.failure).bind(10, int(m.kind))
        .bind(12, m.expiresIn).bind(13, m.expiresAt);
    if (m.replyTo.isEmpty())
        st.bindNull(11);
    else
        st.bind(11, m.replyTo);
    if (!st.run())
        return std::unexpected(sqlError(m_db, "insert message"));
    if (m_db.changes() == 0)
        return std::unexpected(Error{Errc::Duplicate, QStringLiteral("message already stored")});
    const std::int64_t id = newId;
    ++m_nextId;
    // OR FAIL: a one-row statement that cannot leave half a change needs no statement
    // journal (which SQLCipher would encrypt page by page).
    if (!m_db.prepare("UPDATE OR FAIL conversations SET last_message_id = ?, last_activity = max(last_activity, ?), "
                      "unread_count = unread_count + ? WHERE id = ?")
             .bind(1, id).bind(2, m.sentAt).bind(3, m.state == MessageState::Received ? 1 : 0).bind(4, m.conversationId).run())
        return std::unexpected(sqlError(m_db, "index message"));
    // The search index takes it later, with others (indexPending): not in this commit.
    if (m.kind == MessageKind::Text && m_unindexedObserver)
        m_unindexedObserver(++m_unindexed);
    return id;
}

std::expected<int, Error> MessageStore::indexPending(int batch)
{
    m_unindexed = 0;
    if (!m_db.begin())
        return std::unexpected(sqlError(m_db, "begin indexing"));
    std::int64_t upto = 0;
    if (Statement mark = m_db.prepare("SELECT value FROM meta WHERE key = 'search_indexed_upto'"); mark.next())
        upto = mark.int64(0);
    std::int64_t highest = upto;
    if (Statement max = m_db.prepare("SELECT coalesce(max(id), 0) FROM messages"); max.next())
        highest = std::max(highest, max.int64(0));
    if (highest == upto) {
        if (!m_db.commit()) {
            m_db.rollback();
            return std::unexpected(sqlError(m_db, "commit indexing"));
        }
        return 0;
    }
    // Only texts are searchable (an unsupported message is "searchable by nothing"), and a
    // text deleted before its turn has nothing left to index. Row by row with OR FAIL: no
    // statement journal (see insert).
    // In batches when asked (the catch-up at start after an upgrade, or of a profile that
    // took many messages unindexed, must not hold the core thread for seconds): the mark
    // then moves to the last row looked at.
    if (batch > 0) {
        Statement last = m_db.prepare("SELECT id FROM messages WHERE id > ? AND id <= ? ORDER BY id LIMIT 1 OFFSET ?");
        last.bind(1, upto).bind(2, highest).bind(3, batch - 1);
        if (last.next())
            highest = last.int64(0);
    }
    int indexed = 0;
    bool ok = true;
    Statement rows = m_db.prepare("SELECT id, body FROM messages WHERE id > ? AND id <= ? AND kind = 0 AND body <> '' ORDER BY id");
    rows.bind(1, upto).bind(2, highest);
    while (ok && rows.next()) {
        const std::int64_t id = rows.int64(0);
        ok = m_db.prepare("INSERT OR FAIL INTO message_search (docid, body, search_shard) VALUES (?, ?, ?)")
                 .bind(1, id).bind(2, rows.text(1)).bind(3, searchShard(id)).run();
        ++indexed;
    }
    ok = ok && m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_indexed_upto', ?)").bind(1, highest).run();
    if (!ok || !m_db.commit()) {
        m_db.rollback();
        return std::unexpected(sqlError(m_db, "index messages"));
    }
    return indexed;
}

bool MessageStore::searchBehind()
{
    Statement st = m_db.prepare("SELECT coalesce((SELECT value FROM meta WHERE key = 'search_indexed_upto'), 0) < coalesce(max(id), 0) FROM messages");
    return st.next() && st.int64(0) != 0;
}

void MessageStore::setUnindexedObserver(std::function<void(std::int64_t)> observer) { m_unindexedObserver = std::move(observer); }

std::expected<void, Error> MessageStore::purgeSearchResidue()
{
    if (!m_db.exec("PRAGMA secure_delete = ON;"))
        return std::unexpected(sqlError(m_db, "secure delete"));
    const bool ok = m_db.exec("INSERT INTO message_search (message_search) VALUES ('optimize');");
    m_db.exec("PRAGMA secure_delete = OFF;");
    if (!ok || !m_db.exec("DELETE FROM meta WHERE key = 'search_residue';"))
        return std::unexpected(sqlError(m_db, "purge the search index"));
    m_searchResidueSince = 0;
    return {};
}

std::int64_t MessageStore::nextMessageId()
{
    // Read again after a rollback: ids handed out inside it were never stored.
    if (m_nextId == 0 || m_nextIdGeneration != m_db.rollbackCount()) {
        m_nextIdGeneration = m_db.rollbackCount();
        std::int64_t highest = 0;
        Statement max = m_db.prepare("SELECT coalesce(max(id), 0) FROM messages"); // the rowid tree's right edge
        if (max.next())
            highest = max.int64(0);
        Statement floor = m_db.prepare("SELECT value FROM meta WHERE key = 'message_id_floor'");
        if (floor.next())
            highest = std::max(highest, floor.int64(0));
        m_nextId = highest + 1;
    }
    return m_nextId;
}

std::optional<MessageRecord> MessageStore::message(std::int64_t id)
{
    static const QByteArray sql = QByteArray("SELECT ") + MessageColumns + " FROM messages WHERE id = ?";
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, id);
    if (!st.next())
        return std::nullopt;
    return readMessage(st);
}

std::optional<MessageRecord> MessageStore::messageByUuid(const QByteArray &uuid)
{
    static const QByteArray sql = QByteArray("SELECT ") + MessageColumns + " FROM messages WHERE uuid = ?";
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, uuid);
    if (!st.next())
        return std::nullopt;
    return readMessage(st);
}

std::expected<bool, Error> MessageStore::advanceState(const QByteArray &uuid, MessageState state)
{
    // Only forward along queued(0) < sent(1) < delivered(2) < read(3); failed stays failed
    // unless the message is later sent after all. OR FAIL, as for inserts: no statement
    // journal (the caller's transaction rolls back as a whole on any error). Every
    // acknowledgement and receipt runs this: 8,400 -> 10,900 delivery cycles/s in bench_core.
    Statement st = m_db.prepare("UPDATE OR FAIL messages SET state = ? WHERE uuid = ? AND outgoing = 1 AND (state < ? OR state = 4)");
    st.bind(1, int(state)).bind(2, uuid).bind(3, int(state));
    if (!st.run())
        return std::unexpected(sqlError(m_db, "advance state"));
    return m_db.changes() > 0;
}

std::expected<bool, Error> MessageStore::advanceStateIn(std::int64_t conversationId, const QByteArray &uuid, MessageState state)
{
    // OR FAIL: no statement journal (see advanceState). Found through the uuid index.
    Statement st = m_db.prepare(
        "UPDATE OR FAIL messages SET state = ? WHERE uuid = ? AND conversation_id = ? AND outgoing = 1 AND (state < ? OR state = 4)");
    st.bind(1, int(state)).bind(2, uuid).bind(3, conversationId).bind(4, int(state));
    if (!st.run())
        return std::unexpected(sqlError(m_db, "advance state"));
    return m_db.changes() > 0;
}

std::expected<std::optional<QByteArray>, Error> MessageStore::advanceStateOf(std::int64_t id, MessageState state)
{
    QByteArray uuid;
    {
        Statement st = m_db.prepare("SELECT uuid FROM messages WHERE id = ? AND outgoing = 1 AND (state < ? OR state = 4)");
        st.bind(1, id).bind(2, int(state));
        if (!st.next()) {
            if (!st.ok())
                return std::unexpected(sqlError(m_db, "advance state"));
            return std::nullopt; // not ours, or already that far
        }
        uuid = st.blob(0);
    }
    // OR FAIL: no statement journal (see advanceState).
    if (!m_db.prepare("UPDATE OR FAIL messages SET state = ? WHERE id = ?").bind(1, int(state)).bind(2, id).run())
        return std::unexpected(sqlError(m_db, "advance state"));
    return uuid;
}

std::expected<void, Error> MessageStore::markFailed(std::int64_t id, int reason)
{
    if (!m_db.prepare("UPDATE messages SET state = 4, failure = ? WHERE id = ?").bind(1, reason).bind(2, id).run())
        return std::unexpected(sqlError(m_db, "mark failed"));
    return {};
}

std::expected<std::optional<QByteArray>, Error> MessageStore::markRead(std::int64_t conversationId)
{
    std::int64_t readUpto = 0, last = 0;
    {
        Statement st = m_db.prepare("SELECT unread_count, read_upto, coalesce(last_message_id, 0) FROM conversations WHERE id = ?");
        st.bind(1, conversationId);
        if (!st.next())
            return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such conversation")});
        if (st.int64(0) == 0)
            return std::nullopt; // nothing unread: nothing to write
        readUpto = st.int64(1);
        last = st.int64(2);
    }
    // The newest received message not read yet: walked newest first through the
    // (conversation, time) index, so it stops at the first one of theirs.
    std::optional<QByteArray> newest;
    {
        Statement st = m_db.prepare("SELECT uuid FROM messages WHERE conversation_id = ? AND outgoing = 0 AND id > ? "
                                    "ORDER BY sent_at DESC, id DESC LIMIT 1");
        st.bind(1, conversationId).bind(2, readUpto);
        if (st.next())
            newest = st.blob(0);
        else if (!st.ok())
            return std::unexpected(sqlError(m_db, "find unread"));
    }
    // last_message_id is the conversation's highest row id: every insert sets it to its own
    // (an index on time cannot give max(id) without walking the whole conversation).
    if (!m_db.prepare("UPDATE OR FAIL conversations SET unread_count = 0, read_upto = max(read_upto, ?) WHERE id = ?")
             .bind(1, last).bind(2, conversationId).run())
        return std::unexpected(sqlError(m_db, "mark read"));
    return newest;
}

std::vector<std::pair<QString, QByteArray>> MessageStore::newestUnreadBySender(std::int64_t conversationId)
{
    std::vector<std::pair<QString, QByteArray>> out;
    Statement st = m_db.prepare("SELECT sender, uuid FROM messages WHERE id IN (SELECT max(id) FROM messages WHERE conversation_id = ? "
                                "AND outgoing = 0 AND id > (SELECT read_upto FROM conversations WHERE id = ?) GROUP BY sender)");
    st.bind(1, conversationId).bind(2, conversationId);
    while (st.next())
        out.emplace_back(st.text(0), st.blob(1));
    return out;
}

std::expected<std::vector<QByteArray>, Error> MessageStore::advanceStateUpTo(std::int64_t conversationId, std::int64_t uptoId, MessageState state)
{
    // "state <> 3" lets both statements walk the partial index of our messages not read
    // yet (messages_unread_by_peer), not the whole conversation.
    Q_ASSERT(state == MessageState::Read);
    std::vector<QByteArray> uuids;
    {
        Statement st = m_db.prepare("SELECT uuid FROM messages WHERE conversation_id = ? AND outgoing = 1 AND state <> 3 AND id <= ? "
                                    "AND (state < ? OR state = 4)");
        st.bind(1, conversationId).bind(2, uptoId).bind(3, int(state));
        while (st.next())
            uuids.push_back(st.blob(0));
        if (!st.ok())
            return std::unexpected(sqlError(m_db, "find unreceipted"));
    }
    if (!uuids.empty()
        && !m_db.prepare("UPDATE messages SET state = ? WHERE conversation_id = ? AND outgoing = 1 AND state <> 3 AND id <= ? "
                                 "AND (state < ? OR state = 4)")
                .bind(1, int(state)).bind(2, conversationId).bind(3, uptoId).bind(4, int(state)).run())
        return std::unexpected(sqlError(m_db, "advance states"));
    return uuids;
}

std::vector<MessageRecord> MessageStore::page(std::int64_t conversationId, std::optional<HistoryCursor> before, int limit)
{
    static const QByteArray sql = QByteArray("SELECT ") + MessageColumns
        + " FROM messages WHERE conversation_id = ?1 AND sent_at <= ?2 AND (sent_at < ?2 OR id < ?3)"
          " ORDER BY sent_at DESC, id DESC LIMIT ?4";
    const HistoryCursor cursor = before.value_or(HistoryCursor{std::numeric_limits<std::int64_t>::max(),
                                                               std::numeric_limits<std::int64_t>::max()});
    return readPage(sql, conversationId, cursor, limit);
}

std::vector<MessageRecord> MessageStore::pageAfter(std::int64_t conversationId, HistoryCursor after, int limit)
{
    static const QByteArray sql = QByteArray("SELECT ") + MessageColumns
        + " FROM messages WHERE conversation_id = ?1 AND sent_at >= ?2 AND (sent_at > ?2 OR id > ?3)"
          " ORDER BY sent_at ASC, id ASC LIMIT ?4";
    return readPage(sql, conversationId, after, limit);
}

// Runs a page query: ?1 conversation, ?2/?3 the cursor's time and id, ?4 the limit.
std::vector<MessageRecord> MessageStore::readPage(const QByteArray &sql, std::int64_t conversationId, HistoryCursor cursor, int limit)
{
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, conversationId).bind(2, cursor.sentAt).bind(3, cursor.id).bind(4, limit);
    std::vector<MessageRecord> out;
    out.reserve(std::size_t(std::max(0, limit)));
    while (st.next())
        out.push_back(readMessage(st));
    return out;
}

QString MessageStore::ftsQuery(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"*^():]+"));
    QStringList terms;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
        if (word.compare(QLatin1String("AND")) == 0 || word.compare(QLatin1String("OR")) == 0
            || word.compare(QLatin1String("NOT")) == 0 || word.compare(QLatin1String("NEAR")) == 0)
            continue;
        terms << QLatin1Char('"') + word + QLatin1String("*\"");
    }
    return terms.join(QLatin1Char(' '));
}

std::vector<SearchHit> MessageStore::search(const QString &text, int limit, std::optional<std::int64_t> beforeId)
{
    std::vector<SearchHit> out;
    const QString query = ftsQuery(text);
    if (query.isEmpty() || limit <= 0)
        return out;
    // What arrived since the last batch is found too.
    if (auto caughtUp = indexPending(); !caughtUp)
        qCWarning(lcStorage) << "search index not caught up:" << caughtUp.error().reason;
    // No row is at or above the next id: a larger `before` (typed by anyone, up to 2^53)
    // must not walk shards that cannot exist.
    const std::int64_t below = std::min(beforeId.value_or(std::numeric_limits<std::int64_t>::max()), nextMessageId());
    if (below <= 1)
        return out;
    // Shard by shard, newest first, until the page is full. Within a shard the index keeps
    // documents newest first (order=DESC): ORDER BY docid DESC is its own order, so FTS
    // stops at the limit (an exact word reads only those entries) and snippet() runs for
    // the returned rows only. Row ids grow as messages arrive: "newest" is by arrival.
    static const char *const sql =
        "SELECT m.id, m.conversation_id, m.sent_at, snippet(message_search, '\xEE\x80\x80', '\xEE\x80\x81', '…', -1, 12) "
        "FROM message_search JOIN messages m ON m.id = message_search.docid "
        "WHERE message_search MATCH ? AND message_search.search_shard = ? AND message_search.docid < ? "
        "ORDER BY message_search.docid DESC LIMIT ?";
    out.reserve(std::size_t(limit));
    for (std::int64_t shard = searchShard(below - 1); shard >= 0 && int(out.size()) < limit; --shard) {
        Statement st = m_db.prepare(sql);
        st.bind(1, query).bind(2, shard).bind(3, below).bind(4, limit - int(out.size()));
        while (st.next())
            out.push_back({st.int64(0), st.int64(1), st.int64(2), st.text(3)});
    }
    return out;
}

std::expected<std::optional<MessageRecord>, Error> MessageStore::applyEdit(const QByteArray &target, const protocol::PeerId &editor,
                                                                          const QByteArray &editId, const QString &body,
                                                                          std::int64_t editedAt)
{
    std::optional<MessageRecord> m = messageByUuid(target);
    if (!m)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such message")});
    if (m->sender != editor || m->deleted || m->kind != MessageKind::Text)
        return std::nullopt;
    // Edits race only each other: the first edit always replaces the original, a later one
    // only a less recent edit. The original's sent_at is no clock to compare with: a received
    // reply is moved to just after what it quotes (docs/PROTOCOL.md, "Order of a
    // conversation"), and its author's edits, stamped by the author's clock, may be before it.
    const bool newer = m->editedAt == 0 || editedAt > m->editedAt;
    // Stored as at least 1: edited_at 0 means "never edited" (a time from the wire is
    // clamped to 0 at the least).
    editedAt = std::max<std::int64_t>(editedAt, 1);
    // The history keeps every text but the one shown, each with the time it was written (the
    // original at most at the time of the edit that replaced it, so it lists first).
    Statement history = m_db.prepare("INSERT OR IGNORE INTO message_edits (message_id, uuid, body, edited_at) VALUES (?, ?, ?, ?)");
    history.bind(1, m->id).bind(2, editId);
    if (newer)
        history.bind(3, m->body).bind(4, m->editedAt ? m->editedAt : std::min(m->sentAt, editedAt));
    else
        history.bind(3, body).bind(4, editedAt);
    if (!history.run())
        return std::unexpected(sqlError(m_db, "store edit"));
    if (m_db.changes() == 0 || !newer)
        return std::nullopt; // a repeat, or an older edit arriving late: nothing shown changes
    if (!m_db.prepare("UPDATE messages SET body = ?, edited_at = ? WHERE id = ?").bind(1, body).bind(2, editedAt).bind(3, m->id).run())
        return std::unexpected(sqlError(m_db, "apply edit"));
    m->body = body;
    m->editedAt = editedAt;
    noteSearchResidue(); // the old words
    return m;
}

std::expected<std::optional<MessageRecord>, Error> MessageStore::tombstone(std::int64_t messageId, std::optional<protocol::PeerId> by)
{
    std::optional<MessageRecord> m = message(messageId);
    if (!m)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such message")});
    if (m->deleted || (by && m->sender != *by))
        return std::nullopt;
    // secure_delete while the text leaves: the freed cells and pages are overwritten with
    // zeros instead of keeping the old text inside the (encrypted) file. Off again after:
    // every acknowledgement deletes an outbox row, and those hold only ciphertext.
    if (!m_db.exec("PRAGMA secure_delete = ON;"))
        return std::unexpected(sqlError(m_db, "secure delete"));
    const bool ok = m_db.prepare("DELETE FROM message_edits WHERE message_id = ?").bind(1, messageId).run()
        && m_db.prepare("DELETE FROM reactions WHERE message_id = ?").bind(1, messageId).run()
        && m_db.prepare("UPDATE messages SET body = '', reply_to = NULL, edited_at = 0, deleted = 1 WHERE id = ?").bind(1, messageId).run()
        // The update trigger put the empty body back into the index: nothing to find.
        // (Only texts were ever indexed.)
        // (Only texts were ever indexed; above the watermark nothing is yet.)
        && (m->kind != MessageKind::Text
            || m_db.prepare("DELETE FROM message_search WHERE docid = ?1 "
                            "AND ?1 <= (SELECT value FROM meta WHERE key = 'search_indexed_upto')")
                   .bind(1, messageId).run());
    m_db.exec("PRAGMA secure_delete = OFF;");
    if (!ok)
        return std::unexpected(sqlError(m_db, "delete message"));
    if (m->kind == MessageKind::Text)
        noteSearchResidue();
    m->body.clear();
    m->replyTo.clear();
    m->editedAt = 0;
    m->deleted = true;
    return m;
}

std::expected<bool, Error> MessageStore::setReaction(std::int64_t messageId, const protocol::PeerId &reactor, const QString &emoji,
                                                     std::int64_t sentAt)
{
    // No UPSERT in SQLite 3.15: insert if new, else replace only with something newer.
    Statement insert = m_db.prepare("INSERT OR IGNORE INTO reactions (message_id, reactor, emoji, sent_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, messageId).bind(2, reactor.toString()).bind(3, emoji).bind(4, sentAt);
    if (!insert.run())
        return std::unexpected(sqlError(m_db, "store reaction"));
    if (m_db.changes() > 0)
        return !emoji.isEmpty();
    Statement current = m_db.prepare("SELECT emoji FROM reactions WHERE message_id = ? AND reactor = ? AND sent_at < ?");
    current.bind(1, messageId).bind(2, reactor.toString()).bind(3, sentAt);
    if (!current.next())
        return false; // what is stored is as new or newer
    const QString before = current.text(0);
    if (!m_db.prepare("UPDATE reactions SET emoji = ?, sent_at = ? WHERE message_id = ? AND reactor = ?")
             .bind(1, emoji).bind(2, sentAt).bind(3, messageId).bind(4, reactor.toString()).run())
        return std::unexpected(sqlError(m_db, "update reaction"));
    return before != emoji;
}

std::vector<ReactionRecord> MessageStore::reactions(std::int64_t messageId)
{
    std::vector<ReactionRecord> out;
    Statement st = m_db.prepare("SELECT reactor, emoji FROM reactions WHERE message_id = ? AND emoji <> '' ORDER BY sent_at");
    st.bind(1, messageId);
    while (st.next())
        out.push_back({protocol::PeerId::fromString(st.text(0)), st.text(1)});
    return out;
}

QHash<std::int64_t, std::vector<ReactionRecord>> MessageStore::reactions(const std::vector<std::int64_t> &messageIds)
{
    QHash<std::int64_t, std::vector<ReactionRecord>> out;
    // One statement of Chunk ids, the ones not needed left NULL (they match nothing). The
    // text is made once: Database caches statements by the address of their text, and a
    // text built per call (per count) could come back at an address the cache already
    // holds with another count of parameters (ids went missing: a headless history of many
    // messages showed no reactions).
    constexpr std::size_t Chunk = 100;
    // A few rows (an event's one message): one indexed lookup each. The chunk's statement
    // builds a table of its 100 parameters and sorts on every run: per received message it
    // was a sixth of the receiver's time in bench_lan (docs/BENCHMARKS.md, issue 11,
    // eleventh session).
    if (messageIds.size() <= 4) {
        for (std::int64_t id : messageIds)
            if (std::vector<ReactionRecord> some = reactions(id); !some.empty())
                out.insert(id, std::move(some));
        return out;
    }
    static const QByteArray sql = [] {
        QByteArray text = "SELECT message_id, reactor, emoji FROM reactions WHERE emoji <> '' AND message_id IN (?";
        for (std::size_t i = 1; i < Chunk; ++i)
            text += ",?";
        return text + ") ORDER BY sent_at";
    }();
    for (std::size_t from = 0; from < messageIds.size(); from += Chunk) {
        const std::size_t n = std::min<std::size_t>(Chunk, messageIds.size() - from);
        Statement st = m_db.prepare(sql.constData());
        for (std::size_t i = 0; i < n; ++i)
            st.bind(int(i) + 1, messageIds[from + i]);
        while (st.next())
            out[st.int64(0)].push_back({protocol::PeerId::fromString(st.text(1)), st.text(2)});
    }
    return out;
}

std::int64_t MessageStore::reactionTime(std::int64_t messageId, const protocol::PeerId &reactor)
{
    Statement st = m_db.prepare("SELECT sent_at FROM reactions WHERE message_id = ? AND reactor = ?");
    st.bind(1, messageId).bind(2, reactor.toString());
    return st.next() ? st.int64(0) : 0;
}

std::vector<EditRecord> MessageStore::edits(std::int64_t messageId)
{
    std::vector<EditRecord> out;
    Statement st = m_db.prepare("SELECT body, edited_at FROM message_edits WHERE message_id = ? ORDER BY edited_at, id");
    st.bind(1, messageId);
    while (st.next())
        out.push_back({st.text(0), st.int64(1)});
    return out;
}

int MessageStore::timer(std::int64_t conversationId)
{
    // Read on every send: cached with the conversation ids (dropped on a rollback).
    dropCachesAfterRollback();
    if (auto it = m_timers.constFind(conversationId); it != m_timers.constEnd())
        return *it;
    Statement st = m_db.prepare("SELECT expire_timer FROM conversations WHERE id = ?");
    st.bind(1, conversationId);
    if (!st.next())
        return 0;
    const int seconds = int(st.int64(0));
    m_timers.insert(conversationId, seconds);
    return seconds;
}

std::int64_t MessageStore::timerSetAt(std::int64_t conversationId)
{
    Statement st = m_db.prepare("SELECT expire_timer_at FROM conversations WHERE id = ?");
    st.bind(1, conversationId);
    return st.next() ? st.int64(0) : 0;
}

bool MessageStore::anyDue(std::int64_t nowMs)
{
    Statement st = m_db.prepare("SELECT 1 FROM messages WHERE expires_at > 0 AND expires_at <= ? LIMIT 1");
    st.bind(1, nowMs);
    return st.next();
}

std::int64_t MessageStore::nextExpiry()
{
    Statement st = m_db.prepare("SELECT coalesce(min(expires_at), 0) FROM messages WHERE expires_at > 0");
    return st.next() ? st.int64(0) : 0;
}

std::expected<bool, Error> MessageStore::setTimer(std::int64_t conversationId, int seconds, std::int64_t setAt)
{
    if (!m_db.prepare("UPDATE conversations SET expire_timer = ?, expire_timer_at = ? WHERE id = ? AND expire_timer_at < ?")
             .bind(1, seconds).bind(2, setAt).bind(3, conversationId).bind(4, setAt).run())
        return std::unexpected(sqlError(m_db, "set timer"));
    const bool changed = m_db.changes() > 0;
    dropCachesAfterRollback();
    if (changed)
        m_timers.insert(conversationId, seconds);
    return changed;
}

std::expected<void, Error> MessageStore::startTimers(std::int64_t conversationId, std::int64_t uptoId, std::int64_t nowMs)
{
    // Through the partial index of messages whose clock has not started: only those.
    if (!m_db.prepare("UPDATE messages SET expires_at = ? + expires_in * 1000 "
                      "WHERE conversation_id = ? AND id <= ? AND expires_in > 0 AND expires_at = 0")
             .bind(1, nowMs).bind(2, conversationId).bind(3, uptoId).run())
        return std::unexpected(sqlError(m_db, "start timers"));
    return {};
}

std::vector<MessageRecord> MessageStore::dueToExpire(std::int64_t nowMs)
{
    static const QByteArray sql = QByteArray("SELECT ") + MessageColumns + " FROM messages WHERE expires_at > 0 AND expires_at <= ?";
    std::vector<MessageRecord> due;
    Statement st = m_db.prepare(sql.constData());
    st.bind(1, nowMs);
    while (st.next())
        due.push_back(readMessage(st));
    return due;
}

std::expected<std::vector<MessageRecord>, Error> MessageStore::expire(std::int64_t nowMs, std::int64_t *next)
{
    std::vector<MessageRecord> gone = dueToExpire(nowMs);
    if (!gone.empty()) {
        // secure_delete: the freed cells are overwritten, not left inside the file.
        if (!m_db.exec("PRAGMA secure_delete = ON;"))
            return std::unexpected(sqlError(m_db, "secure delete"));
        std::int64_t highest = 0;
        for (const MessageRecord &m : gone)
            highest = std::max(highest, m.id);
        // The delete trigger takes each out of the index; edits and reactions cascade.
        const bool ok = m_db.prepare("DELETE FROM messages WHERE expires_at > 0 AND expires_at <= ?").bind(1, nowMs).run()
            && dropUnusedSharedCiphertexts(m_db) // the outbox rows of those messages went with them
            && m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('message_id_floor', "
                            "max(?, coalesce((SELECT value FROM meta WHERE key = 'message_id_floor'), 0)))")
                   .bind(1, highest).run();
        m_db.exec("PRAGMA secure_delete = OFF;");
        if (!ok)
            return std::unexpected(sqlError(m_db, "expire messages"));
        noteSearchResidue();
    }
    if (next)
        *next = nextExpiry();
    return gone;
}

QString MessageStore::draft(std::int64_t conversationId)
{
    Statement st = m_db.prepare("SELECT draft FROM conversations WHERE id = ?");
    st.bind(1, conversationId);
    return st.next() ? st.text(0) : QString();
}

std::expected<void, Error> MessageStore::setDraft(std::int64_t conversationId, const QString &text)
{
    if (!m_db.prepare("UPDATE conversations SET draft = ? WHERE id = ?").bind(1, text).bind(2, conversationId).run())
        return std::unexpected(sqlError(m_db, "save draft"));
    return {};
}

std::int64_t MessageStore::messageCount(std::int64_t conversationId)
{
    Statement st = m_db.prepare("SELECT count(*) FROM messages WHERE conversation_id = ?");
    st.bind(1, conversationId);
    return st.next() ? st.int64(0) : 0;
}

} // namespace sotto::storage
