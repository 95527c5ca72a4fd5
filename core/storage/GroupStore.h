// SPDX-License-Identifier: GPL-3.0-or-later
// Groups at rest: which conversation is which group, the chain of signed state revisions
// a member holds (as bytes: parsing and checking them is core/messenger's), and group
// ciphertexts kept once for every member's outbox row. Owns no transaction.
#pragma once

#include "core/storage/Database.h"

#include <optional>
#include <vector>

namespace sotto::storage {

class GroupStore {
public:
    explicit GroupStore(Database &db);

    // A new conversation of kind group for `groupId`; Errc::Duplicate if the group exists.
    [[nodiscard]] std::expected<std::int64_t, Error> create(const QByteArray &groupId);
    std::optional<std::int64_t> conversationOf(const QByteArray &groupId);
    std::optional<QByteArray> groupOf(std::int64_t conversationId);
    // The revisions held, oldest first, as (revision, signed state bytes).
    std::vector<std::pair<quint64, QByteArray>> states(const QByteArray &groupId);
    // The newest revision held (what sending and receiving a group message need), or nothing.
    std::optional<QByteArray> currentState(const QByteArray &groupId);
    // Replaces the revisions held by `chain` (a change may drop a losing fork).
    [[nodiscard]] std::expected<void, Error> saveStates(const QByteArray &groupId,
                                                        const std::vector<std::pair<quint64, QByteArray>> &chain);
    // Group messages that came before the state they were sealed for, in arrival order.
    struct Parked {
        std::int64_t id = 0;
        QString sender; // PeerId text
        QByteArray envelope;
        quint32 epoch = 0;
    };
    [[nodiscard]] std::expected<void, Error> park(const QByteArray &groupId, const QString &sender, quint32 epoch,
                                                  const QByteArray &envelope, qint64 receivedAtMs);
    int parkedCount(const QByteArray &groupId, const QString &sender);
    // Rows whose envelope starts with `mark` (the messenger marks the sender keys it keeps
    // so): kept from `sender` for any group (through group_parked_by_sender), and in all.
    int parkedMarkedFrom(const QString &sender, char mark);
    int parkedMarkedCount(char mark);
    // Every row kept, for every group and sender.
    int parkedTotal();
    // A row of `groupId` from `sender` whose envelope starts with `mark` is held.
    bool hasParkedMarked(const QByteArray &groupId, const QString &sender, char mark);
    // Kept longer than until `beforeMs`: dropped unread.
    void expireParked(qint64 beforeMs);
    std::vector<std::int64_t> conversationsWithParked();
    // Those of epochs up to `epoch`: what the state held now can open.
    std::vector<Parked> parked(const QByteArray &groupId, quint32 epoch);
    [[nodiscard]] std::expected<void, Error> unpark(std::int64_t id);
    // Every row kept from `sender`, of any group (blocked, or its request deleted).
    [[nodiscard]] std::expected<void, Error> unparkFrom(const QString &sender);

    // Receipts per member of our group messages: one row per member a message was sealed
    // for, moved forward (sent < delivered < read) by that member's receipts only.
    [[nodiscard]] std::expected<void, Error> addRecipient(std::int64_t messageId, const QString &peer);
    // Whether `peer`'s row moved forward (false: not a recipient, or already there).
    [[nodiscard]] std::expected<bool, Error> advanceReceipt(std::int64_t messageId, const QString &peer, int state);
    // "Read up to": every one of our messages of the conversation up to `messageId` that
    // `peer` had not read; the ids moved.
    [[nodiscard]] std::expected<std::vector<std::int64_t>, Error> readUpTo(std::int64_t conversationId, std::int64_t messageId,
                                                                           const QString &peer);
    // The least state any recipient of the message is at (-1: none).
    int leastReceipt(std::int64_t messageId);
    // `peer` left the group: its rows of messages it never read no longer hold them back.
    [[nodiscard]] std::expected<void, Error> forgetRecipient(std::int64_t conversationId, const QString &peer);
    // (peer, state) of every recipient.
    std::vector<std::pair<QString, int>> receipts(std::int64_t messageId);
    // Whether our group message `messageId` was sealed for `peer` (a recipient row).
    bool wasSentTo(std::int64_t messageId, const QString &peer);

    // One group ciphertext, pointed at by each member's outbox row (OutboxStore::enqueueShared).
    [[nodiscard]] std::expected<std::int64_t, Error> keepCiphertext(const QByteArray &ciphertext);

    // Our sender key for (group, epoch) as a distribution message at `iteration`: the newest
    // at or before an iteration is what a member behind needs to read from there on.
    [[nodiscard]] std::expected<void, Error> keepCheckpoint(const QByteArray &groupId, quint32 epoch, quint32 iteration,
                                                            const QByteArray &distribution, qint64 createdAtMs);
    struct Checkpoint {
        quint32 iteration = 0;
        QByteArray distribution;
    };
    std::optional<Checkpoint> checkpointAtOrBefore(const QByteArray &groupId, quint32 epoch, quint32 iteration);
    // Every checkpoint of the group but those of `epoch` (none are used but the current
    // epoch's: a new epoch, a fork that went back, our removal), or all of them.
    [[nodiscard]] std::expected<void, Error> dropCheckpointsExcept(const QByteArray &groupId, quint32 epoch);
    [[nodiscard]] std::expected<void, Error> dropCheckpoints(const QByteArray &groupId);
    // Those no queued group message can need: older than the newest one made at or before
    // `oldestQueuedMs` (when the oldest group message still queued was sealed).
    [[nodiscard]] std::expected<void, Error> pruneCheckpoints(const QByteArray &groupId, quint32 epoch, qint64 oldestQueuedMs);

private:
    Database &m_db;
};

} // namespace sotto::storage
