// SPDX-License-Identifier: GPL-3.0-or-later
// History: conversations and their messages, read back in pages through the
// (conversation, sent time) index, and searched with FTS4 (case and diacritics ignored).
// Unread counts and last messages are kept in step on every write, never
// recounted. It owns no transaction: callers group writes with the protocol step.
#pragma once

#include "core/protocol/PeerId.h"
#include "core/storage/Database.h"

#include <QHash>

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

    std::expected<std::int64_t, Error> conversationFor(const protocol::PeerId &peer);
    std::optional<ConversationRecord> conversation(std::int64_t id);
    std::vector<ConversationRecord> conversations(); // most recent activity first

    // Inserts and returns the row id; Errc::Duplicate when the uuid is already stored.
    std::expected<std::int64_t, Error> insert(const MessageRecord &message);
    std::optional<MessageRecord> message(std::int64_t id);
    std::optional<MessageRecord> messageByUuid(const QByteArray &uuid);

    // Moves an outgoing message forward (queued -> sent -> delivered -> read); a receipt
    // never moves it back. Returns whether it changed.
    std::expected<bool, Error> advanceState(const QByteArray &uuid, MessageState state);
    std::expected<void, Error> markFailed(std::int64_t id, int reason);

    // Marks the conversation's received messages read; returns their uuids (for receipts).
    std::expected<std::vector<QByteArray>, Error> markRead(std::int64_t conversationId);

    // Newest first, strictly older than `before` when given.
    std::vector<MessageRecord> page(std::int64_t conversationId, std::optional<HistoryCursor> before, int limit);
    // Oldest first, strictly newer than `after` (paging forward from a search hit).
    std::vector<MessageRecord> pageAfter(std::int64_t conversationId, HistoryCursor after, int limit);
    std::vector<SearchHit> search(const QString &text, int limit);
    std::int64_t messageCount(std::int64_t conversationId);

    // Turns what a user typed into an FTS4 query: every word a quoted prefix term ("word*"), so
    // FTS syntax in the input has no effect.
    static QString ftsQuery(const QString &text);

private:
    std::vector<MessageRecord> readPage(const QByteArray &sql, std::int64_t conversationId, HistoryCursor cursor, int limit);

    Database &m_db;
    // peer -> conversation id; read on every message. Dropped when the database rolls back.
    QHash<QString, std::int64_t> m_conversationIds;
    std::uint64_t m_cacheGeneration = 0;
};

} // namespace sotto::storage
