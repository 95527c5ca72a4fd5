// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted outbox: sealed messages per peer, in the order they were encrypted, kept
// until the peer acknowledges them. Ciphertext is stored (not plaintext) because the
// ratchet already moved when it was made: a resend must send the very same bytes.
// Ids go on the wire: this store names them (nextId), never twice, not SQLite; so there
// must be one OutboxStore per database (the Profile's).
#pragma once

#include "core/protocol/PeerId.h"
#include "core/storage/Database.h"

#include <optional>
#include <vector>

namespace sotto::storage {

struct OutboxEntry {
    std::int64_t id = 0;
    protocol::PeerId peer;
    std::int64_t messageId = 0; // 0 for receipts
    int kind = 0;               // protocol::MessageKind
    QByteArray ciphertext;
    std::int64_t createdAt = 0;
    int attempts = 0;
    QByteArray content;         // unsealed only: the Content to seal (empty: rebuilt from the message row)
};

class OutboxStore {
public:
    explicit OutboxStore(Database &db);

    // An entry with empty ciphertext is unsealed (kind 0): sealed later with seal().
    [[nodiscard]] std::expected<std::int64_t, Error> enqueue(const OutboxEntry &entry);
    // A group message for one member: the row points at the ciphertext kept once
    // (GroupStore::keepCiphertext); it is sealed already and sent in this peer's order.
    // `resent`: sent again after the member rejected it (never a third time).
    [[nodiscard]] std::expected<std::int64_t, Error> enqueueShared(const protocol::PeerId &peer, std::int64_t messageId, int kind,
                                                                   std::int64_t sharedId, std::int64_t createdAt, bool resent = false);
    // Entries with id > afterId, oldest first.
    std::vector<OutboxEntry> pending(const protocol::PeerId &peer, std::int64_t afterId, int limit);
    std::vector<OutboxEntry> unsealed(const protocol::PeerId &peer);
    bool hasUnsealed(const protocol::PeerId &peer); // through the partial index: O(log n)
    [[nodiscard]] std::expected<void, Error> seal(const protocol::PeerId &peer, std::int64_t id, int kind, const QByteArray &ciphertext);
    // Removes the entry if it belongs to `peer`; returns its message id (0 for receipts),
    // or nullopt if there was no such entry (e.g. a repeated acknowledgement).
    std::optional<std::int64_t> remove(const protocol::PeerId &peer, std::int64_t id);
    std::int64_t count(const protocol::PeerId &peer);
    bool hasPending(const protocol::PeerId &peer); // without counting: O(log n)
    // Everything that waits for `peer` goes (its message request was deleted).
    [[nodiscard]] std::expected<void, Error> removeAll(const protocol::PeerId &peer);
    // The message row is about to go (it disappeared) but what it queued must still be
    // delivered: its entries no longer point at it; an unsealed one keeps `content`.
    [[nodiscard]] std::expected<void, Error> detach(std::int64_t messageId, const QByteArray &content);
    std::vector<protocol::PeerId> peersWithPending();
    // Contacts merged (the same person under a new key): what still waited for `from` goes
    // to `to` instead, in its order, after what `to` already has queued. Texts are sealed
    // again from their rows for the new sessions; what was sealed for the old key and has
    // no row (receipts, edits, reactions) cannot be and is dropped.
    [[nodiscard]] std::expected<int, Error> retarget(const protocol::PeerId &from, const protocol::PeerId &to) { return requeue(from, to); }
    // A session reset: the same for one peer, whose sealed entries were sealed for the
    // session that broke. New ids, so a late Ack or rejection of the old ones finds nothing.
    [[nodiscard]] std::expected<int, Error> reseal(const protocol::PeerId &peer) { return requeue(peer, peer); }
    std::optional<int> kindOf(const protocol::PeerId &peer, std::int64_t id);
    // A group message's row for `peer`: its message (0: none), the ciphertext kept once
    // for every member, and that ciphertext's id (for enqueueShared).
    struct SharedRow {
        std::int64_t messageId = 0;
        std::int64_t sharedId = 0;
        QByteArray ciphertext;
        bool resent = false;
    };
    std::optional<SharedRow> sharedRow(const protocol::PeerId &peer, std::int64_t id);
    // When the oldest group message still queued for anyone (not sent again) was queued.
    std::optional<std::int64_t> oldestSharedQueuedAt();

private:
    [[nodiscard]] std::expected<int, Error> requeue(const protocol::PeerId &from, const protocol::PeerId &to);
    // The id for the next row, above every id ever handed out. Ids are reserved in blocks:
    // meta 'outbox_id_floor' is raised past the block in the caller's transaction, before
    // any id of the block is used (schema 16; it replaced AUTOINCREMENT, whose
    // sqlite_sequence row was one more page in every commit that queued something).
    [[nodiscard]] std::expected<std::int64_t, Error> nextId();

    Database &m_db;
    std::int64_t m_nextId = 0;     // 0: read again from the database
    std::int64_t m_reservedUpTo = 0; // ids below this are covered by the floor in meta
    std::uint64_t m_nextIdGeneration = 0; // Database::rollbackCount() when read
};

} // namespace sotto::storage
