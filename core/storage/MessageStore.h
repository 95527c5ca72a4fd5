// SPDX-License-Identifier: GPL-3.0-or-later
// History: conversations and their messages, read back in pages through the
// (conversation, sent time) index, and searched with FTS4 (case and diacritics ignored).
// Unread counts and last messages are kept in step on every write, never
// recounted. It owns no transaction: callers group writes with the protocol step.
#pragma once

#include "core/protocol/PeerId.h"
#include "core/storage/Database.h"

#include <QHash>

#include <functional>
#include <optional>
#include <vector>

namespace sotto::storage {

enum class MessageState : int {
    Queued = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 4,
    Received = 5, // incoming, not yet read
};

// The name the headless mode and the window use: "queued", "sent", ... "received".
inline QString messageStateName(MessageState state)
{
    switch (state) {
    case MessageState::Queued: return QStringLiteral("queued");
    case MessageState::Sent: return QStringLiteral("sent");
    case MessageState::Delivered: return QStringLiteral("delivered");
    case MessageState::Read: return QStringLiteral("read");
    case MessageState::Failed: return QStringLiteral("failed");
    case MessageState::Received: return QStringLiteral("received");
    }
    return QStringLiteral("unknown");
}

// What a history row holds (messages.kind).
enum class MessageKind : int {
    Text = 0,
    Unsupported = 1, // a content kind this version does not know: shown as "update Sotto", never searchable
    TimerChanged = 2, // a notice: the disappearing-message timer was set (body: the seconds)
    Attachment = 3, // a file (its row in attachments, AttachmentStore); body: the caption
};

struct MessageRecord {
    std::int64_t id = 0;
    QByteArray uuid; // 16 bytes, chosen by the sender
    std::int64_t conversationId = 0;
    protocol::PeerId sender;
    bool outgoing = false;
    QString body;
    std::int64_t sentAt = 0;     // ms since epoch, sender's clock
    std::int64_t receivedAt = 0; // ms since epoch, ours; 0 for our own
    MessageState state = MessageState::Queued;
    int failure = 0;
    MessageKind kind = MessageKind::Text;
    QByteArray replyTo;          // uuid of the message this one quotes, or empty
    std::int64_t editedAt = 0;   // sender's clock of the edit now shown; 0: never edited
    bool deleted = false;        // a tombstone: the text is gone
    int expiresIn = 0;           // seconds this message lives once its clock starts; 0: forever
    std::int64_t expiresAt = 0;  // ms since epoch when it disappears; 0: clock not started
};

struct ReactionRecord {
    protocol::PeerId reactor;
    QString emoji;
};

// An earlier text of an edited message, and when it was written.
struct EditRecord {
    QString body;
    std::int64_t at = 0;
};

struct ConversationRecord {
    std::int64_t id = 0;
    protocol::PeerId peer;
    std::int64_t lastMessageId = 0;
    std::int64_t lastActivity = 0;
    int unreadCount = 0;
};

// Where a page ends; the next older page starts strictly before it.
struct HistoryCursor {
    std::int64_t sentAt = 0;
    std::int64_t id = 0;
};

// Around each match in a search snippet: private-use characters, so brackets or markup
// in a message stay what they are.
inline constexpr QChar SnippetMatchStart{0xE000};
inline constexpr QChar SnippetMatchEnd{0xE001};

struct SearchHit {
    std::int64_t messageId = 0;
    std::int64_t conversationId = 0;
    std::int64_t sentAt = 0;
    QString snippet; // matches between SnippetMatchStart and SnippetMatchEnd
};

class MessageStore {
public:
    explicit MessageStore(Database &db);

    [[nodiscard]] std::expected<std::int64_t, Error> conversationFor(const protocol::PeerId &peer);
    std::optional<ConversationRecord> conversation(std::int64_t id);
    // A new conversation row (kind 0: direct, with its peer; 1: a group, no peer), its id
    // above every id ever handed out: ids are never reused (conversation_id_floor).
    [[nodiscard]] static std::expected<std::int64_t, Error> insertConversation(Database &db, int kind, const QString &peer);
    std::vector<ConversationRecord> conversations(); // most recent activity first
    // Contacts merged (the same person under a new key): the history of `from`, with
    // `oldPeer` as sender and reactor, becomes part of `into` under `newPeer`; unread
    // counts add up; `from` goes. Message ids and uuids stay, so quotes still resolve.
    [[nodiscard]] std::expected<void, Error> mergeConversation(std::int64_t from, std::int64_t into, const protocol::PeerId &oldPeer,
                                                               const protocol::PeerId &newPeer);
    // The conversation with `peer`, if there is one (conversationFor makes one).
    std::optional<std::int64_t> findConversation(const protocol::PeerId &peer);
    // Whether anything was ever said with `peer` (a stranger who wrote is a message request).
    bool hasMessages(const protocol::PeerId &peer);
    // The conversation and every message of it go, overwritten where they lay
    // (secure_delete), as expired messages go; their words leave the search index's old
    // segments with the next purge.
    [[nodiscard]] std::expected<void, Error> deleteConversation(std::int64_t conversationId);
    // The uuids of the messages received in the conversation (texts and kinds this version
    // does not know; not notices), oldest first, after row `afterId`: what a delivery
    // receipt names once a message request is accepted.
    std::vector<std::pair<std::int64_t, QByteArray>> receivedIds(std::int64_t conversationId, std::int64_t afterId, int limit);
    // The newest received message the user has read (under the watermark), if any.
    std::optional<QByteArray> newestRead(std::int64_t conversationId);

    // Inserts and returns the row id; Errc::Duplicate when the uuid is already stored.
    [[nodiscard]] std::expected<std::int64_t, Error> insert(const MessageRecord &message);
    std::optional<MessageRecord> message(std::int64_t id);
    std::optional<MessageRecord> messageByUuid(const QByteArray &uuid);

    // Moves an outgoing message forward (queued -> sent -> delivered -> read); a receipt
    // never moves it back. Returns whether it changed.
    [[nodiscard]] std::expected<bool, Error> advanceState(const QByteArray &uuid, MessageState state);
    // The same, only for a message of the given conversation (a 1:1 receipt moves only what
    // we sent to that peer): one statement, without reading the row first.
    [[nodiscard]] std::expected<bool, Error> advanceStateIn(std::int64_t conversationId, const QByteArray &uuid, MessageState state);
    // The same by row id (an acknowledgement names its outbox row, which names the message):
    // returns the uuid when it moved, nullopt when it did not. Reads only the uuid, and
    // finds the row by its key instead of through the uuid index.
    [[nodiscard]] std::expected<std::optional<QByteArray>, Error> advanceStateOf(std::int64_t id, MessageState state);
    [[nodiscard]] std::expected<void, Error> markFailed(std::int64_t id, int reason);

    // Marks everything received in the conversation read, in O(1): a watermark, not a write
    // per message. Returns the newest received message that was unread (what a read receipt
    // names: it and everything before it), or nullopt when nothing was unread.
    [[nodiscard]] std::expected<std::optional<QByteArray>, Error> markRead(std::int64_t conversationId);
    // Before markRead, in a group: each sender's newest message not read yet (PeerId text,
    // uuid), what the read receipt to each of them names.
    std::vector<std::pair<QString, QByteArray>> newestUnreadBySender(std::int64_t conversationId);
    // Our messages of the conversation up to row `uptoId` move forward to `state` (a read
    // receipt "up to"); returns the uuids that moved.
    [[nodiscard]] std::expected<std::vector<QByteArray>, Error> advanceStateUpTo(std::int64_t conversationId, std::int64_t uptoId,
                                                                               MessageState state);

    // Newest first, strictly older than `before` when given.
    std::vector<MessageRecord> page(std::int64_t conversationId, std::optional<HistoryCursor> before, int limit);
    // Oldest first, strictly newer than `after` (paging forward from a search hit).
    std::vector<MessageRecord> pageAfter(std::int64_t conversationId, HistoryCursor after, int limit);
    // Messages that have every word of `text` (each as a prefix), newest first (by row id,
    // the order they reached this profile); with `beforeId`, only rows older than it (the
    // next page starts below the last hit's id).
    std::vector<SearchHit> search(const QString &text, int limit, std::optional<std::int64_t> beforeId = std::nullopt);
    // The search index catches up in batches (schema 11): insert leaves texts out of it,
    // and this adds every text above the watermark ('search_indexed_upto') in one
    // transaction (joining an open one). search() calls it first; the node calls it when
    // the observer says enough are waiting, or after a quiet moment. Returns how many.
    // `batch` > 0: at most that many rows looked at (searchBehind() tells whether more wait).
    [[nodiscard]] std::expected<int, Error> indexPending(int batch = 0);
    [[nodiscard]] bool searchBehind();
    // Told after each text insert how many wait for the index (this run's count, a hint).
    void setUnindexedObserver(std::function<void(std::int64_t)> observer);
    // The search index is split by row id into shards of 2^16 messages (schema 6): a
    // prefix, which FTS4 reads whole, then costs one shard, not all of history.
    static constexpr int SearchShardBits = 16;
    static constexpr std::int64_t searchShard(std::int64_t messageId) { return messageId >> SearchShardBits; }

    // The sender's edit of its own text: the newest edit by the sender's clock is shown,
    // every other text is kept in the edit history; each edit counts once (by `editId`).
    // Returns the message as it is now, or nullopt when nothing changed (a repeat, not the
    // sender's, deleted, or not a text). Errc::NotFound when the target is unknown.
    [[nodiscard]] std::expected<std::optional<MessageRecord>, Error> applyEdit(const QByteArray &target, const protocol::PeerId &editor,
                                                                               const QByteArray &editId, const QString &body,
                                                                               std::int64_t editedAt);
    // Leaves a tombstone: text, edit history and reactions leave the database (with
    // secure_delete: their pages are overwritten) and the search index. `by`: only that
    // sender's message (delete for everyone); empty: any (delete for me). Returns the
    // tombstone, or nullopt when already deleted or not allowed.
    [[nodiscard]] std::expected<std::optional<MessageRecord>, Error> tombstone(std::int64_t messageId,
                                                                               std::optional<protocol::PeerId> by = std::nullopt);
    // One reaction per person per message; the latest by the reactor's clock wins; an empty
    // emoji removes it. Returns whether what is shown changed.
    [[nodiscard]] std::expected<bool, Error> setReaction(std::int64_t messageId, const protocol::PeerId &reactor, const QString &emoji,
                                                         std::int64_t sentAt);
    std::vector<ReactionRecord> reactions(std::int64_t messageId);
    // The reactions of many messages in one query (a page of history): by message id.
    QHash<std::int64_t, std::vector<ReactionRecord>> reactions(const std::vector<std::int64_t> &messageIds);
    // When the reactor last set (or removed) a reaction to the message, by its clock; 0: never.
    std::int64_t reactionTime(std::int64_t messageId, const protocol::PeerId &reactor);
    std::vector<EditRecord> edits(std::int64_t messageId); // oldest first

    // The conversation's disappearing-message timer (seconds, 0 off). setTimer applies a
    // change only if it is newer (by the setter's clock) than the one in force.
    int timer(std::int64_t conversationId);
    std::int64_t timerSetAt(std::int64_t conversationId); // the setter's clock of the change in force
    [[nodiscard]] std::expected<bool, Error> setTimer(std::int64_t conversationId, int seconds, std::int64_t setAt);
    // Starts the clocks of received messages read up to row `uptoId`.
    [[nodiscard]] std::expected<void, Error> startTimers(std::int64_t conversationId, std::int64_t uptoId, std::int64_t nowMs);
    bool anyDue(std::int64_t nowMs);  // through the index of expiring messages
    std::int64_t nextExpiry();        // 0: nothing is counting down
    // The messages whose time is up at `nowMs` (what expire() will delete).
    std::vector<MessageRecord> dueToExpire(std::int64_t nowMs);
    // Deletes every message whose time is up (rows, index, edits, reactions; secure_delete)
    // and returns them; `next` gets the next expiry (0: none).
    [[nodiscard]] std::expected<std::vector<MessageRecord>, Error> expire(std::int64_t nowMs, std::int64_t *next);

    QString draft(std::int64_t conversationId);
    [[nodiscard]] std::expected<void, Error> setDraft(std::int64_t conversationId, const QString &text);
    std::int64_t messageCount(std::int64_t conversationId);

    // When (ms) words of a text that was edited, deleted or expired were first left in the
    // search index's old segments, or 0. purgeSearchResidue rewrites the index into one
    // segment ('optimize') with secure_delete on, so they leave the file; the node runs it
    // once the conversation is quiet. Its cost grows with the index (docs/BENCHMARKS.md).
    std::int64_t searchResidueSince() const { return m_searchResidueSince; }
    // Residue an earlier run left (it quit or died before its purge) counts from now, so
    // it is purged once this run is quiet. Called once the schema is current.
    void resumeSearchResidue();
    [[nodiscard]] std::expected<void, Error> purgeSearchResidue();

    // Turns what a user typed into an FTS4 query: every word a quoted prefix term ("word*"), so
    // FTS syntax in the input has no effect.
    static QString ftsQuery(const QString &text);

private:
    std::vector<MessageRecord> readPage(const QByteArray &sql, std::int64_t conversationId, HistoryCursor cursor, int limit);

    // The next message row id. Row ids are never reused (read watermarks compare them):
    // SQLite would hand out the id of a deleted newest row again, so deletes record the
    // highest id they removed in meta ("message_id_floor") and inserts name their id.
    std::int64_t nextMessageId();
    // Conversation ids are never reused either: a deleted or merged-away conversation's id
    // is recorded in meta ("conversation_id_floor"), and new conversations are named above it.
    [[nodiscard]] bool retireConversationId(std::int64_t id);
    std::int64_t m_nextId = 0;
    // Since when (ms, 0: never) words of an edited, deleted or expired text may remain in
    // the search index: FTS4 removes a document by adding a deletion marker in a new
    // segment; the old segment keeps the words until segments merge.
    std::int64_t m_searchResidueSince = 0;
    // Sets it (if unset) and records it in meta ("search_residue"), kept across restarts.
    void noteSearchResidue();
    std::uint64_t m_nextIdGeneration = 0;
    std::int64_t m_unindexed = 0;
    std::function<void(std::int64_t)> m_unindexedObserver;

    Database &m_db;
    // peer -> conversation id; read on every message. Dropped when the database rolls back.
    QHash<QString, std::int64_t> m_conversationIds;
    // conversation id -> its disappearing-message timer; read on every send. Kept in step
    // by setTimer, dropped with the ids.
    QHash<std::int64_t, int> m_timers;
    void dropCachesAfterRollback();
    std::uint64_t m_cacheGeneration = 0;
};

} // namespace sotto::storage
