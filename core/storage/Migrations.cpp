// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Migrations.h"

#include "core/protocol/PeerId.h"
#include "core/storage/StorageLog.h"

#include <QHash>
#include <QSet>

namespace sotto::storage {
namespace {

// Version 1: the five libsignal stores, contacts, conversations, messages, the outbox and
// the FTS4 index over message bodies. SQLCipher 3.4.1 embeds SQLite 3.15.2: no UPSERT,
// no FTS5, no window functions.
bool schemaV1(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE local_identity (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    peer_id         TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    public_key      BLOB NOT NULL,
    private_key     BLOB NOT NULL,
    registration_id INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);

-- A contact is a peer whose identity key we hold; trust: 0 unverified, 1 verified,
-- 2 changed (pending_key waits for the user), 3 blocked.
CREATE TABLE contacts (
    peer_id      TEXT PRIMARY KEY,
    display_name TEXT NOT NULL DEFAULT '',
    identity_key BLOB,
    trust        INTEGER NOT NULL DEFAULT 0,
    pending_key  BLOB,
    first_seen   INTEGER NOT NULL,
    last_seen    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE prekeys (
    id         INTEGER PRIMARY KEY,
    record     BLOB NOT NULL,
    handed_out INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX prekeys_fresh ON prekeys (handed_out, id);

CREATE TABLE signed_prekeys (
    id         INTEGER PRIMARY KEY,
    record     BLOB NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    peer_id   TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    record    BLOB NOT NULL,
    PRIMARY KEY (peer_id, device_id)
) WITHOUT ROWID;

CREATE TABLE sender_keys (
    group_id  BLOB NOT NULL,
    peer_id   TEXT NOT NULL,
    device_id INTEGER NOT NULL,
    record    BLOB NOT NULL,
    PRIMARY KEY (group_id, peer_id, device_id)
) WITHOUT ROWID;

-- kind: 0 direct (peer_id set). unread_count and last_message_id are kept in step by
-- MessageStore on every write, never recounted at start.
CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY,
    kind            INTEGER NOT NULL DEFAULT 0,
    peer_id         TEXT UNIQUE,
    last_message_id INTEGER,
    last_activity   INTEGER NOT NULL DEFAULT 0,
    unread_count    INTEGER NOT NULL DEFAULT 0
);

-- state: 0 queued, 1 sent, 2 delivered, 3 read, 4 failed, 5 received (incoming, unread).
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    uuid            BLOB NOT NULL UNIQUE,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender          TEXT NOT NULL,
    outgoing        INTEGER NOT NULL,
    body            TEXT NOT NULL,
    sent_at         INTEGER NOT NULL,
    received_at     INTEGER,
    state           INTEGER NOT NULL,
    failure         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_by_time ON messages (conversation_id, sent_at, id);

-- Messages waiting for the peer's acknowledgement, in order per peer. kind 0 and no
-- ciphertext: not sealed yet (no session); sealed in order once one exists. AUTOINCREMENT:
-- ids go on the wire and are acknowledged; one must never be reused after the outbox ran
-- empty (a late acknowledgement would delete a newer message, and a link's "sent up to"
-- mark would skip it).
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    peer_id    TEXT NOT NULL,
    message_id INTEGER REFERENCES messages (id) ON DELETE CASCADE,
    kind       INTEGER NOT NULL,
    ciphertext BLOB,
    created_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_by_peer ON outbox (peer_id, id);

CREATE VIRTUAL TABLE message_search USING fts4 (
    content="messages", body, tokenize=unicode61 "remove_diacritics=1"
);
-- Inserts index themselves in MessageStore::insert, not in an AFTER INSERT trigger: a
-- statement that fires a trigger needs a statement journal, and SQLCipher 3.4.1 encrypts
-- its pages: 85 us per message instead of 7 (docs/BENCHMARKS.md). Edits and deletes are
-- rare and keep their triggers.
CREATE TRIGGER messages_bu BEFORE UPDATE OF body ON messages BEGIN
    DELETE FROM message_search WHERE docid = old.id;
END;
CREATE TRIGGER messages_au AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO message_search (docid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_bd BEFORE DELETE ON messages BEGIN
    DELETE FROM message_search WHERE docid = old.id;
END;
)sql");
}

// Version 2: the LAN. Where a contact was last reached, and our TLS credentials (a
// self-signed certificate bound to the identity key by the link proof).
bool schemaV2(Database &db)
{
    return db.exec(R"sql(
ALTER TABLE contacts ADD COLUMN address TEXT;
ALTER TABLE contacts ADD COLUMN port INTEGER NOT NULL DEFAULT 0;

CREATE TABLE local_tls (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    certificate BLOB NOT NULL,
    private_key BLOB NOT NULL
);
)sql");
}

// Version 3: "is anything of this peer still unsealed?" is asked on every send. Without an
// index that question read every waiting row of the peer: sending behind a long backlog
// (an offline contact, a burst) grew quadratic. The partial index holds only unsealed rows.
bool schemaV3(Database &db)
{
    return db.exec("CREATE INDEX outbox_unsealed ON outbox (peer_id, id) WHERE ciphertext IS NULL;");
}

// Version 4: Conversations v2. A message has a kind (0 text, 1 unsupported: a content
// kind this version does not know, kept so a newer Sotto's message is not lost), may quote
// another (reply_to, the quoted message's uuid), may have been edited (edited_at; earlier
// bodies in message_edits, each edit stored once by its uuid) or deleted (a tombstone:
// body emptied, row kept). Reactions: one per person per message, the latest by the
// sender's clock; an empty emoji is a removal, kept so an older reaction arriving late
// cannot bring it back. Drafts and the read watermark live with their conversation.
// Unsealed outbox entries may carry their content.
bool schemaV4(Database &db)
{
    return db.exec(R"sql(
ALTER TABLE messages ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN reply_to BLOB;
ALTER TABLE messages ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

CREATE TABLE message_edits (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    uuid       BLOB NOT NULL UNIQUE,
    body       TEXT NOT NULL,
    edited_at  INTEGER NOT NULL
);
CREATE INDEX message_edits_by_message ON message_edits (message_id, edited_at);

CREATE TABLE reactions (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    reactor    TEXT NOT NULL,
    emoji      TEXT NOT NULL,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (message_id, reactor)
) WITHOUT ROWID;

ALTER TABLE conversations ADD COLUMN draft TEXT NOT NULL DEFAULT '';
-- Everything received up to this row id is read: marking a conversation read writes this
-- one value, not every unread row (2.85 s at 1M unread before). Rows keep state 5.
ALTER TABLE conversations ADD COLUMN read_upto INTEGER NOT NULL DEFAULT 0;

-- Disappearing messages: the conversation's timer (seconds, 0 off) and when it was last
-- set (the sender's clock: the latest change wins). A message carries the timer it was
-- sent with; its clock starts when sent (ours) or read (theirs): expires_at, 0 until then.
ALTER TABLE conversations ADD COLUMN expire_timer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN expire_timer_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN expires_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_expiring ON messages (expires_at) WHERE expires_at > 0;
CREATE INDEX messages_timer_waiting ON messages (conversation_id, id) WHERE expires_in > 0 AND expires_at = 0;
-- Our messages the peer has not read yet: a read receipt "up to" walks only these.
CREATE INDEX messages_unread_by_peer ON messages (conversation_id, id) WHERE outgoing = 1 AND state <> 3;

-- An edit, delete or reaction that cannot be sealed yet (no session, or sending paused)
-- waits with its content; a text is rebuilt from its history row instead.
ALTER TABLE outbox ADD COLUMN content BLOB;
)sql");
}

// Version 5: self-certifying PeerIds. A PeerId was 128 random bits; now it is the hash of
// the identity key (protocol::PeerId::fromIdentityKey), so no one can claim a contact's
// PeerId. Our own id and every contact whose key we hold are renamed everywhere a PeerId
// is stored; sessions, history and the outbox carry over, so two upgraded peers meet again
// under their new ids as if nothing happened. A contact whose key we never saw keeps its
// old id (nothing was ever sealed for it). The "changed" trust state cannot happen any
// more: such a contact goes back to unverified under its old key's id, and the refused new
// key, if it comes back, is a new contact ("maybe the same person?").
//
// While one side had upgraded and the other not, the old side accepted the new side's
// version 2 Hello and beacons and stored it as a new contact under its new id, beside the
// old one with the same key: that duplicate folds into the old contact here (its messages,
// unread count and queued texts), then the old contact takes the new id.
bool foldDuplicateContact(Database &db, const QString &old, const QString &duplicate)
{
    const auto conversationOf = [&](const QString &peer) -> std::int64_t {
        Statement st = db.prepare("SELECT id FROM conversations WHERE peer_id = ?");
        st.bind(1, peer);
        return st.next() ? st.int64(0) : 0;
    };
    const std::int64_t kept = conversationOf(old), folded = conversationOf(duplicate);
    bool ok = true;
    if (folded && kept) {
        ok = db.prepare("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?").bind(1, kept).bind(2, folded).run()
            && db.prepare("UPDATE conversations SET "
                          "last_message_id = (SELECT max(id) FROM messages WHERE conversation_id = ?1), "
                          "last_activity = max(last_activity, (SELECT last_activity FROM conversations WHERE id = ?2)), "
                          "unread_count = unread_count + (SELECT unread_count FROM conversations WHERE id = ?2) WHERE id = ?1")
                   .bind(1, kept).bind(2, folded).run()
            && db.prepare("DELETE FROM conversations WHERE id = ?").bind(1, folded).run();
    } else if (folded) {
        ok = db.prepare("UPDATE conversations SET peer_id = ? WHERE id = ?").bind(1, old).bind(2, folded).run();
    }
    // No session can exist with the duplicate (a version 2 peer refuses version 1 links):
    // what was queued for it waits unsealed; texts move, anything else had no content.
    return ok && db.prepare("UPDATE messages SET sender = ? WHERE sender = ?").bind(1, old).bind(2, duplicate).run()
        && db.prepare("UPDATE OR IGNORE reactions SET reactor = ? WHERE reactor = ?").bind(1, old).bind(2, duplicate).run()
        && db.prepare("UPDATE outbox SET peer_id = ?, kind = 0, ciphertext = NULL WHERE peer_id = ? AND message_id IS NOT NULL")
               .bind(1, old).bind(2, duplicate).run()
        && db.prepare("DELETE FROM reactions WHERE reactor = ?").bind(1, duplicate).run()
        && db.prepare("DELETE FROM outbox WHERE peer_id = ?").bind(1, duplicate).run()
        && db.prepare("DELETE FROM sessions WHERE peer_id = ?").bind(1, duplicate).run()
        && db.prepare("DELETE FROM sender_keys WHERE peer_id = ?").bind(1, duplicate).run()
        && db.prepare("DELETE FROM contacts WHERE peer_id = ?").bind(1, duplicate).run();
}

bool schemaV5(Database &db)
{
    QHash<QString, QString> renames; // old -> new
    QSet<QString> taken;
    const auto collect = [&](const char *sql) {
        Statement st = db.prepare(sql);
        while (st.next()) {
            const QString old = st.text(0);
            const protocol::PeerId derived = protocol::PeerId::fromIdentityKey(st.blob(1));
            if (!derived.isValid() || derived.toString() == old)
                continue;
            if (taken.contains(derived.toString())) {
                qCWarning(lcStorage) << "schema 5: two PeerIds with one key; keeping" << old;
                continue;
            }
            taken.insert(derived.toString());
            renames.insert(old, derived.toString());
        }
        return st.ok();
    };
    if (!collect("SELECT peer_id, public_key FROM local_identity")
        || !collect("SELECT peer_id, identity_key FROM contacts WHERE identity_key IS NOT NULL"))
        return false;
    for (auto it = renames.cbegin(); it != renames.cend(); ++it) {
        // Only the same key (or none) is the same person: in version 1 anyone could claim
        // any PeerId, so a stranger may sit under the id a contact's key derives to. That
        // stranger is not folded; it is renamed to its own key's id with everyone else.
        Statement st = db.prepare("SELECT other.identity_key IS NULL OR other.identity_key = me.identity_key "
                                  "FROM contacts AS other, contacts AS me WHERE other.peer_id = ? AND me.peer_id = ?");
        st.bind(1, it.value()).bind(2, it.key());
        if (st.next() && st.int64(0) && !foldDuplicateContact(db, it.key(), it.value()))
            return false;
    }
    if (!db.exec(R"sql(
ALTER TABLE contacts ADD COLUMN namesake_dismissed INTEGER NOT NULL DEFAULT 0;
UPDATE contacts SET trust = 0, pending_key = NULL WHERE trust = 2;
CREATE TEMP TABLE peer_renames (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;
)sql"))
        return false;
    for (auto it = renames.cbegin(); it != renames.cend(); ++it)
        if (!db.prepare("INSERT INTO peer_renames (old, new) VALUES (?, ?)").bind(1, it.key()).bind(2, it.value()).run())
            return false;
    // One pass over each table (messages may hold millions of rows; no index on sender).
    static const char *const columns[][2] = {
        {"local_identity", "peer_id"}, {"contacts", "peer_id"}, {"sessions", "peer_id"}, {"sender_keys", "peer_id"},
        {"conversations", "peer_id"},  {"messages", "sender"},  {"outbox", "peer_id"},   {"reactions", "reactor"},
    };
    // In two steps, through a name no PeerId has ("~" is not hex): one id's new name may be
    // another's old one (a stranger who had claimed the id a contact's key derives to).
    for (const auto &[table, column] : columns) {
        const QString sql = QStringLiteral("UPDATE %1 SET %2 = '~' || (SELECT new FROM peer_renames WHERE old = %2) "
                                           "WHERE %2 IN (SELECT old FROM peer_renames);"
                                           "UPDATE %1 SET %2 = substr(%2, 2) WHERE %2 LIKE '~%';")
                                .arg(QLatin1String(table), QLatin1String(column));
        if (!db.exec(sql.toUtf8().constData()))
            return false;
    }
    qCInfo(lcStorage) << "schema 5: renamed" << renames.size() << "PeerIds to the hashes of their keys";
    return db.exec("DROP TABLE temp.peer_renames;");
}

// Version 6: search in milliseconds at a million messages (issue 11; 1.7 s for a common
// word before). The index keeps each word's documents newest first (order=DESC), so "the
// newest 50 with this word" stops after 50 entries, and it is split by row id into shards
// of 65,536 messages (FTS4's languageid: each shard has its own segments): a prefix, which
// FTS4 must read whole, costs one shard, not the whole history. A row's shard is
// id >> 16 (MessageStore::SearchShardBits), kept on the row because the index reads it
// back when a row is edited or deleted. The index is rebuilt from the searchable rows
// (texts; a deleted text's body is empty).
bool schemaV6(Database &db)
{
    return db.exec(R"sql(
DROP TRIGGER messages_bu;
DROP TRIGGER messages_au;
DROP TRIGGER messages_bd;
DROP TABLE message_search;
ALTER TABLE messages ADD COLUMN search_shard INTEGER NOT NULL DEFAULT 0;
UPDATE messages SET search_shard = id >> 16 WHERE id >= 65536;
CREATE VIRTUAL TABLE message_search USING fts4 (
    content="messages", body, languageid="search_shard", order=DESC, tokenize=unicode61 "remove_diacritics=1"
);
INSERT INTO message_search (docid, body, search_shard)
    SELECT id, body, search_shard FROM messages WHERE kind = 0 AND body <> '' ORDER BY id;
CREATE TRIGGER messages_bu BEFORE UPDATE OF body ON messages BEGIN
    DELETE FROM message_search WHERE docid = old.id;
END;
CREATE TRIGGER messages_au AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO message_search (docid, body, search_shard) VALUES (new.id, new.body, new.search_shard);
END;
CREATE TRIGGER messages_bd BEFORE DELETE ON messages BEGIN
    DELETE FROM message_search WHERE docid = old.id;
END;
)sql");
}

// Version 7: contacts-only beacons. Our beacon key and each contact's, 32 bytes, made or
// received when first needed (docs/PROTOCOL.md, "LAN: contacts-only beacons"); the
// setting lives in meta ('contacts_only_beacons', absent: everyone).
bool schemaV7(Database &db)
{
    return db.exec(R"sql(
ALTER TABLE local_identity ADD COLUMN beacon_key BLOB;
ALTER TABLE contacts ADD COLUMN beacon_key BLOB;
)sql");
}

// Version 8: message requests. A contact is accepted once the user showed consent (added
// it, wrote to it, accepted its request); until then a stranger who linked to us and wrote
// is a request: its messages are kept but no receipt or typing state goes back to it.
// Every contact that exists now was a chat before requests existed: all are accepted, so
// nobody's conversations move.
bool schemaV8(Database &db)
{
    return db.exec(R"sql(
ALTER TABLE contacts ADD COLUMN accepted INTEGER NOT NULL DEFAULT 0;
UPDATE contacts SET accepted = 1;
)sql");
}

// Version 9: groups (docs/PROTOCOL.md, "Groups"). A group is a conversation of kind 1
// (no peer); its state is the chain of signed revisions a member holds. A group message is
// sealed once: its ciphertext is kept once in group_ciphertexts, and each member's outbox
// row points at it (shared_id; its own ciphertext is the empty blob, so it never counts as
// unsealed). The ciphertext goes with the last row that points at it.
bool schemaV9(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE group_chats (
    group_id        BLOB PRIMARY KEY,
    conversation_id INTEGER NOT NULL UNIQUE REFERENCES conversations (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE group_states (
    group_id BLOB NOT NULL REFERENCES group_chats (group_id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    state    BLOB NOT NULL,
    PRIMARY KEY (group_id, revision)
) WITHOUT ROWID;
CREATE TABLE group_ciphertexts (
    id         INTEGER PRIMARY KEY,
    ciphertext BLOB NOT NULL
);
ALTER TABLE outbox ADD COLUMN shared_id INTEGER REFERENCES group_ciphertexts (id);
CREATE INDEX outbox_by_shared ON outbox (shared_id) WHERE shared_id IS NOT NULL;
CREATE TRIGGER outbox_shared_ad AFTER DELETE ON outbox
WHEN old.shared_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox WHERE shared_id = old.shared_id) BEGIN
    DELETE FROM group_ciphertexts WHERE id = old.shared_id;
END;
)sql");
}

// Version 10: attachments (docs/PROTOCOL.md, "Attachments"; AttachmentStore). One row per
// file, sent or received: its pointer (the per-file key lives only here, inside SQLCipher),
// how far the transfer got, and the name of its sealed copy under <profile>/attachments/.
// The message row may go (deleted, expired): message_id turns NULL and the file is swept.
bool schemaV10(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,
    file_id         BLOB NOT NULL UNIQUE,
    message_id      INTEGER REFERENCES messages (id) ON DELETE SET NULL,
    conversation_id INTEGER NOT NULL,
    peer_id         TEXT NOT NULL,
    outgoing        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    mime            TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          BLOB NOT NULL,
    file_key        BLOB NOT NULL,
    thumbnail       BLOB,
    state           INTEGER NOT NULL,
    chunks_done     INTEGER NOT NULL DEFAULT 0,
    error           TEXT NOT NULL DEFAULT '',
    local_file      TEXT NOT NULL
);
CREATE INDEX attachments_by_message ON attachments (message_id);
)sql");
}

// Version 11: the search index catches up in
// batches instead of within each message's transaction. A single-message commit wrote
// three or four pages of FTS4 (a level-0 segment, docsize, stat) and merged segments
// every 16 messages; coalesced, many messages share them (docs/BENCHMARKS.md).
// meta 'search_indexed_upto': every text at or below that row id is in the index;
// above it nothing is, and MessageStore::indexPending adds them. The triggers touch the
// index only below the mark: a text above it is indexed as it is when its turn comes.
bool schemaV11(Database &db)
{
    return db.exec(R"sql(
INSERT OR REPLACE INTO meta (key, value) SELECT 'search_indexed_upto', coalesce(max(id), 0) FROM messages;
DROP TRIGGER messages_bu;
DROP TRIGGER messages_au;
DROP TRIGGER messages_bd;
CREATE TRIGGER messages_bu BEFORE UPDATE OF body ON messages
WHEN old.id <= (SELECT value FROM meta WHERE key = 'search_indexed_upto') BEGIN
    DELETE FROM message_search WHERE docid = old.id;
END;
CREATE TRIGGER messages_au AFTER UPDATE OF body ON messages
WHEN new.id <= (SELECT value FROM meta WHERE key = 'search_indexed_upto') BEGIN
    INSERT INTO message_search (docid, body, search_shard) VALUES (new.id, new.body, new.search_shard);
END;
CREATE TRIGGER messages_bd BEFORE DELETE ON messages
WHEN old.id <= (SELECT value FROM meta WHERE key = 'search_indexed_upto') BEGIN
    DELETE FROM message_search WHERE docid = old.id;
END;
)sql");
}

// Version 12: groups, continued. A group message that arrives before the state it was
// sealed for waits in group_parked (acknowledged, so the sender's 1:1 messages are not held
// up behind it) until that state comes. group_receipts: how far each member a group
// message was sealed for has got with it (delivered, read); the partial index holds only
// what is not read yet, which is what a read receipt walks. (IF NOT EXISTS: development
// builds of one day had these tables in step 9; no release did.)
bool schemaV12(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE IF NOT EXISTS group_parked (
    id          INTEGER PRIMARY KEY,
    group_id    BLOB NOT NULL,
    sender      TEXT NOT NULL,
    epoch       INTEGER NOT NULL,
    envelope    BLOB NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS group_parked_by_group ON group_parked (group_id, epoch);
CREATE TABLE IF NOT EXISTS group_receipts (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    peer       TEXT NOT NULL,
    state      INTEGER NOT NULL,
    PRIMARY KEY (message_id, peer)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS group_receipts_unread ON group_receipts (peer, message_id) WHERE state < 3;
)sql");
}

// Version 13: the bounds on what peers we have not accepted may keep in group_parked are
// counted per sender (a peer's kept sender keys) and the age limit deletes by time at every
// kept row: both walked the whole table.
bool schemaV13(Database &db)
{
    return db.exec(R"sql(
CREATE INDEX group_parked_by_sender ON group_parked (sender);
CREATE INDEX group_parked_by_time ON group_parked (received_at);
)sql");
}

// Version 14: our own sender key's distribution message every 1,000 iterations (and each
// one we sent). libsignal cannot step a member's copy of our key more than 2,000 messages
// ahead, nor back: a member who lost messages in between, or our key, rejects what follows,
// and gets the checkpoint at or before the rejected message's iteration again, then the
// message (Messenger::resendSenderKey). Chain keys: secrets, kept only inside SQLCipher,
// only for the current epoch and only as far back as a message still queued needs, and
// gone with the group. An outbox row sent again so is marked (`resent`): never a third time.
bool schemaV14(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE sender_key_checkpoints (
    group_id     BLOB NOT NULL REFERENCES group_chats (group_id) ON DELETE CASCADE,
    epoch        INTEGER NOT NULL,
    iteration    INTEGER NOT NULL,
    distribution BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (group_id, epoch, iteration)
) WITHOUT ROWID;
ALTER TABLE outbox ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;
)sql");
}

// Version 15: no trigger on outbox. Every
// acknowledgement deletes an outbox row, and a statement that fires a trigger needs a
// statement journal that SQLCipher encrypts page by page: ~110 us per delete instead of a
// few (docs/BENCHMARKS.md, issue 11). A group message's kept ciphertext now goes where
// outbox rows are deleted (SharedCiphertexts.h); none is left behind by this step, as the
// trigger dropped each with its last row.
bool schemaV15(Database &db)
{
    return db.exec("DROP TRIGGER IF EXISTS outbox_shared_ad;");
}

// Version 16: the outbox keyed by (peer, id), without AUTOINCREMENT. Every commit that
// queued something also rewrote sqlite_sequence, and every row had its rowid B-tree and
// outbox_by_peer: three encrypted pages where one does (docs/BENCHMARKS.md, issue 11,
// eleventh session). Ids still go on the wire and are never reused: OutboxStore names them
// above meta 'outbox_id_floor', which starts here above every id sqlite_sequence knew.
bool schemaV16(Database &db)
{
    return db.exec(R"sql(
CREATE TABLE outbox_v16 (
    peer_id    TEXT NOT NULL,
    id         INTEGER NOT NULL,
    message_id INTEGER REFERENCES messages (id) ON DELETE CASCADE,
    kind       INTEGER NOT NULL,
    ciphertext BLOB,
    created_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    content    BLOB,
    shared_id  INTEGER REFERENCES group_ciphertexts (id),
    resent     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (peer_id, id)
) WITHOUT ROWID;
INSERT OR REPLACE INTO meta (key, value) SELECT 'outbox_id_floor', max(
    coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
    coalesce((SELECT max(id) FROM outbox), 0),
    coalesce((SELECT value - 1 FROM meta WHERE key = 'outbox_id_floor'), 0)) + 1;
INSERT INTO outbox_v16 (peer_id, id, message_id, kind, ciphertext, created_at, attempts, content, shared_id, resent)
    SELECT peer_id, id, message_id, kind, ciphertext, created_at, attempts, content, shared_id, resent FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v16 RENAME TO outbox;
CREATE INDEX outbox_unsealed ON outbox (peer_id, id) WHERE ciphertext IS NULL;
CREATE INDEX outbox_by_shared ON outbox (shared_id) WHERE shared_id IS NOT NULL;
)sql");
}

// Version 17 (issue 9): a file we send has its pointer sent while its sealed copy is still
// being made, so the upload starts after one hash pass rather than after hashing and
// sealing. `source` is where to seal it from again if Sotto stops first; NULL once the
// copy is whole (the user's path is kept no longer than that).
bool schemaV17(Database &db)
{
    return db.exec("ALTER TABLE attachments ADD COLUMN source TEXT;");
}

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps = {
        {1, "initial schema", schemaV1},
        {2, "LAN addresses and TLS credentials", schemaV2},
        {3, "index of unsealed outbox entries", schemaV3},
        {4, "conversations v2: kinds, replies, edits, deletes, reactions, drafts", schemaV4},
        {5, "self-certifying PeerIds: each the hash of its identity key", schemaV5},
        {6, "search index newest first, in shards of 65,536 messages", schemaV6},
        {7, "contacts-only beacons: beacon keys", schemaV7},
        {8, "message requests: contacts accepted by the user", schemaV8},
        {9, "groups: signed states, one ciphertext for all members", schemaV9},
        {10, "attachments: pointers, keys and transfer progress", schemaV10},
        {11, "search index written in batches above a watermark", schemaV11},
        {12, "groups: messages before their state, receipts per member", schemaV12},
        {13, "groups: kept rows indexed by sender and by age", schemaV13},
        {14, "groups: checkpoints of our sender keys, to give again to members behind", schemaV14},
        {15, "no trigger on outbox: acknowledgements delete without a statement journal", schemaV15},
        {16, "outbox keyed by peer and id, ids from a floor in meta: no sqlite_sequence, one B-tree", schemaV16},
        {17, "attachments: the source of a sealed copy still being made", schemaV17},
    };
    return steps;
}

int latestSchemaVersion() { return migrations().back().version; }

std::expected<int, Error> migrate(Database &db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();
    const int current = db.userVersion();
    if (current < 0)
        return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot read the schema version")});
    if (current > latestSchemaVersion())
        return std::unexpected(Error{Errc::NewerSchema,
                                     QStringLiteral("this profile was written by a newer Sotto (schema %1, this program knows %2); "
                                                    "update Sotto to open it")
                                         .arg(current)
                                         .arg(latestSchemaVersion())});
    int version = current;
    for (const Migration &step : migrations()) {
        if (step.version <= version || step.version > target)
            continue;
        if (!db.begin())
            return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot start migration %1").arg(step.version)});
        if (!step.apply(db) || !db.setUserVersion(step.version) || !db.commit()) {
            db.rollback();
            return std::unexpected(Error{Errc::Sql, QStringLiteral("migration %1 (%2) failed: %3")
                                                        .arg(step.version)
                                                        .arg(QLatin1String(step.name), db.lastError())});
        }
        qCInfo(lcStorage) << "schema migrated to version" << step.version << step.name;
        version = step.version;
    }
    return version;
}

} // namespace sotto::storage
