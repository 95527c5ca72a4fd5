// SPDX-License-Identifier: GPL-3.0-or-later
// Each schema step, the version bookkeeping, and refusing a database from the future.
#include "core/storage/AttachmentStore.h"
#include "core/storage/GroupStore.h"
#include "core/storage/Migrations.h"
#include "core/storage/OutboxStore.h"

#include "tests/support/TestProfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using namespace sotto::storage;

class TestMigrations : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;

    // A copy of a checked-in profile (tests/fixtures/<fixture>) in the temporary folder.
    QString copyFixture(const QString &fixture, const QString &as)
    {
        const QString from = QFINDTESTDATA(QStringLiteral("../../fixtures/") + fixture);
        const QString dir = tmp.filePath(as);
        if (from.isEmpty() || !QDir().mkpath(dir))
            return {};
        for (const QString &f : QDir(from).entryList(QDir::Files))
            if (!QFile::copy(from + u'/' + f, dir + u'/' + f))
                return {};
        return dir;
    }

    // The v3 fixture at schema 4, as a version 1 Ann holding a second contact under the
    // PeerId Bob's key derives to (with `key`, or Bob's own key if empty) and one unread
    // message from it, newest of all. Returns that PeerId, or empty on failure.
    QString withContactUnderBobsDerivedId(const QString &dir, QByteArray key, const QString &body)
    {
        auto vaultKey = Vault::unlock(Profile::keyFilePath(dir), test::passphrase("correct horse"));
        auto db = vaultKey ? Database::open(Profile::databasePath(dir), *vaultKey) : std::unexpected(vaultKey.error());
        if (!db || !migrate(**db, 4))
            return {};
        Statement st = (*db)->prepare("SELECT identity_key FROM contacts");
        if (!st.next())
            return {};
        const QByteArray bobKey = st.blob(0);
        const QString derived = protocol::PeerId::fromIdentityKey(bobKey).toString();
        if (key.isEmpty())
            key = bobKey;
        if (!(*db)->prepare("INSERT INTO contacts (peer_id, display_name, identity_key, trust, first_seen, last_seen) "
                            "VALUES (?, 'Bob', ?, 0, 1, 2)").bind(1, derived).bind(2, key).run()
            || !(*db)->prepare("INSERT INTO conversations (peer_id, unread_count, last_activity) VALUES (?, 1, 9)").bind(1, derived).run())
            return {};
        const std::int64_t conversation = (*db)->lastInsertRowId();
        if (!(*db)->prepare("INSERT INTO messages (uuid, conversation_id, sender, outgoing, body, sent_at, state) "
                            "VALUES (randomblob(16), ?, ?, 0, ?, 4000000000000, 5)")
                 .bind(1, conversation).bind(2, derived).bind(3, body).run())
            return {};
        return derived;
    }

    bool hasTable(Database &db, const QString &name)
    {
        Statement st = db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
        st.bind(1, name);
        return st.next();
    }

private Q_SLOTS:
    void stepsAreOrderedAndNumbered()
    {
        int last = 0;
        for (const Migration &m : migrations()) {
            // One step per version, in order.
            QVERIFY2(m.version == last + 1, qPrintable(QString::number(m.version)));
            last = m.version;
        }
        QCOMPARE(latestSchemaVersion(), last);
    }

    void step1CreatesTheSchema()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v1.db")), crypto::SecretBytes::random(32));
        QCOMPARE((*db)->userVersion(), 0);
        QCOMPARE(migrate(**db, 1).value(), 1);
        QCOMPARE((*db)->userVersion(), 1);
        for (const char *t : {"local_identity", "contacts", "prekeys", "signed_prekeys", "sessions", "sender_keys",
                              "conversations", "messages", "outbox", "message_search", "messages_by_time"})
            QVERIFY2(hasTable(**db, QLatin1String(t)), t);
        // Running again is a no-op.
        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
    }

    // Schema 6 (issue 11) rebuilds the search index newest first, in shards by row id:
    // rows far apart in id land in their shards, searches still find every text (and
    // nothing else: an unsupported message or a tombstone), and edits after the upgrade
    // move a row's words within its shard.
    void step6ShardsTheSearchIndex()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v6.db")), crypto::SecretBytes::random(32));
        QVERIFY(db);
        QCOMPARE(migrate(**db, 5).value(), 5);
        QVERIFY((*db)->exec("INSERT INTO conversations (peer_id, unread_count, last_activity) VALUES ('p', 0, 0);"));
        const std::int64_t conversation = (*db)->lastInsertRowId();
        struct Row {
            std::int64_t id;
            const char *body;
            int kind;
        };
        for (const Row &r : {Row{3, "alpha low", 0}, Row{70000, "alpha middle", 0}, Row{200000, "alpha high", 0},
                             Row{200001, "alpha unsupported", 1}, Row{200002, "", 0}})
            QVERIFY((*db)->prepare("INSERT INTO messages (id, uuid, conversation_id, sender, outgoing, body, sent_at, state, kind) "
                                   "VALUES (?, randomblob(16), ?, 'p', 0, ?, ?, 5, ?)")
                        .bind(1, r.id).bind(2, conversation).bind(3, QString::fromUtf8(r.body)).bind(4, r.id).bind(5, r.kind).run());
        QVERIFY((*db)->exec("INSERT INTO message_search (docid, body) SELECT id, body FROM messages WHERE kind = 0;"));
        QCOMPARE(migrate(**db).value(), latestSchemaVersion());

        Statement shards = (*db)->prepare("SELECT group_concat(search_shard) FROM (SELECT search_shard FROM messages ORDER BY id)");
        QVERIFY(shards.next());
        QCOMPARE(shards.text(0), QStringLiteral("0,1,3,3,3"));
        MessageStore store(**db);
        const auto ids = [&](const QString &query) {
            std::vector<std::int64_t> out;
            for (const SearchHit &hit : store.search(query, 10))
                out.push_back(hit.messageId);
            return out;
        };
        QCOMPARE(ids(QStringLiteral("alpha")), (std::vector<std::int64_t>{200000, 70000, 3}));
        QVERIFY(ids(QStringLiteral("unsupported")).empty());
        QVERIFY((*db)->prepare("UPDATE messages SET body = 'beta middle' WHERE id = 70000").run());
        QCOMPARE(ids(QStringLiteral("alpha")), (std::vector<std::int64_t>{200000, 3}));
        QCOMPARE(ids(QStringLiteral("beta")), (std::vector<std::int64_t>{70000}));
        // (No FTS 'integrity-check' here: it expects every content row indexed, and an
        // unsupported message is deliberately not.)
    }

    // Every send asks whether older messages of the peer still wait unsealed; that answer
    // must come from the partial index, not from reading the peer's whole backlog. Since
    // schema 16 the primary key (peer_id, id) competes, so OutboxStore names the index.
    void unsealedLookupUsesItsIndex()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("plan.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        Statement st = (*db)->prepare("EXPLAIN QUERY PLAN SELECT 1 FROM outbox INDEXED BY outbox_unsealed WHERE peer_id = ? AND ciphertext IS NULL LIMIT 1");
        st.bind(1, QStringLiteral("x"));
        QString plan;
        while (st.next())
            plan += st.text(3);
        QVERIFY2(plan.contains(QLatin1String("outbox_unsealed")), qPrintable(plan));
    }

    // A read receipt "up to" walks only our messages not read yet, not the conversation.
    void readUpToUsesItsIndex()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("plan2.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        Statement st = (*db)->prepare("EXPLAIN QUERY PLAN UPDATE messages SET state = 3 WHERE conversation_id = ? AND outgoing = 1 "
                                      "AND state <> 3 AND id <= ? AND (state < 3 OR state = 4)");
        QString plan;
        while (st.next())
            plan += st.text(3);
        QVERIFY2(plan.contains(QLatin1String("messages_unread_by_peer")), qPrintable(plan));
    }

    // Schema 13: the bounds on kept group rows (a sender's kept keys, the age limit) look
    // up an index instead of walking the table.
    void step13IndexesKeptGroupRows()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v13.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db, 12).value(), 12);
        QVERIFY(!hasTable(**db, QStringLiteral("group_parked_by_sender")));
        QVERIFY((*db)->exec("INSERT INTO group_parked (group_id, sender, epoch, envelope, received_at) VALUES (x'01', 'p', 1, x'00', 5);"));
        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        const auto plan = [&](const char *sql) {
            Statement st = (*db)->prepare(sql);
            QString out;
            while (st.next())
                out += st.text(3);
            return out;
        };
        const QString bySender = plan("EXPLAIN QUERY PLAN SELECT count(*) FROM group_parked WHERE sender = ? AND substr(envelope, 1, 1) = ?");
        QVERIFY2(bySender.contains(QLatin1String("group_parked_by_sender")), qPrintable(bySender));
        const QString byTime = plan("EXPLAIN QUERY PLAN DELETE FROM group_parked WHERE received_at < ?");
        QVERIFY2(byTime.contains(QLatin1String("group_parked_by_time")), qPrintable(byTime));
        Statement kept = (*db)->prepare("SELECT count(*) FROM group_parked");
        QVERIFY(kept.next());
        QCOMPARE(kept.int64(0), 1); // kept rows stay
    }

    // Schema 14: checkpoints of our sender keys, gone with their group.
    void step14KeepsSenderKeyCheckpointsPerGroup()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v14.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db, 13).value(), 13);
        QVERIFY(!hasTable(**db, QStringLiteral("sender_key_checkpoints")));
        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        QVERIFY(hasTable(**db, QStringLiteral("sender_key_checkpoints")));
        QVERIFY((*db)->exec("INSERT INTO conversations (id, kind) VALUES (7, 1);"
                            "INSERT INTO group_chats (group_id, conversation_id) VALUES (x'01', 7);"
                            "INSERT INTO sender_key_checkpoints (group_id, epoch, iteration, distribution, created_at) VALUES (x'01', 0, 0, x'aa', 1);"));
        // Not for a group we do not have.
        QVERIFY(!(*db)->exec("INSERT INTO sender_key_checkpoints (group_id, epoch, iteration, distribution, created_at) VALUES (x'02', 0, 0, x'aa', 1);"));
        QVERIFY((*db)->exec("DELETE FROM conversations WHERE id = 7;"));
        Statement left = (*db)->prepare("SELECT count(*) FROM sender_key_checkpoints");
        QVERIFY(left.next());
        QCOMPARE(left.int64(0), 0);
    }

    // Schema 7: beacon keys (ours and each contact's), empty until first made or given;
    // contacts and our identity are kept as they were.
    void step7AddsBeaconKeys()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v7.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db, 6).value(), 6);
        QVERIFY((*db)->exec("INSERT INTO local_identity (id, peer_id, display_name, public_key, private_key, registration_id, created_at) "
                            "VALUES (1, 'me', 'Ann', x'05', x'01', 7, 1);"
                            "INSERT INTO contacts (peer_id, display_name, first_seen, last_seen) VALUES ('bob', 'Bob', 1, 2);"));
        QCOMPARE(migrate(**db, 7).value(), 7);
        Statement st = (*db)->prepare("SELECT l.beacon_key IS NULL, c.beacon_key IS NULL, c.display_name FROM local_identity AS l, contacts AS c");
        QVERIFY(st.next());
        QCOMPARE(st.int64(0), 1);
        QCOMPARE(st.int64(1), 1);
        QCOMPARE(st.text(2), QStringLiteral("Bob"));
    }

    // Schema 9 (groups): what waited in the outbox stays as it was (no shared ciphertext);
    // a group ciphertext is kept once, read through each member's row, and goes with the
    // last row that points at it.
    void step9AddsGroupsAndSharedCiphertexts()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v9.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db, 8).value(), 8);
        QVERIFY(!hasTable(**db, QStringLiteral("group_chats")));
        QVERIFY((*db)->exec("INSERT INTO outbox (peer_id, kind, ciphertext, created_at) VALUES ('bob', 2, x'0102', 1);"));
        QCOMPARE(migrate(**db, 9).value(), 9);
        for (const char *table : {"group_chats", "group_states", "group_ciphertexts"})
            QVERIFY2(hasTable(**db, QLatin1String(table)), table);
        OutboxStore outbox(**db);
        const protocol::PeerId bob = test::randomPeerId(), cat = test::randomPeerId();
        {
            Statement st = (*db)->prepare("SELECT shared_id IS NULL, ciphertext FROM outbox");
            QVERIFY(st.next());
            QCOMPARE(st.int64(0), 1);
            QCOMPARE(st.blob(1), QByteArray::fromHex("0102"));
        }
        GroupStore groups(**db);
        auto conversation = groups.create(QByteArray(16, 'g'));
        QVERIFY(conversation);
        QCOMPARE(groups.conversationOf(QByteArray(16, 'g')).value_or(0), *conversation);
        QVERIFY(!groups.create(QByteArray(16, 'g')));
        auto shared = groups.keepCiphertext(QByteArrayLiteral("one ciphertext"));
        QVERIFY(shared);
        auto toBob = outbox.enqueueShared(bob, 0, 4, *shared, 5);
        auto toCat = outbox.enqueueShared(cat, 0, 4, *shared, 5);
        QVERIFY(toBob && toCat);
        QVERIFY(!outbox.hasUnsealed(bob)); // sealed already: never sealed again per member
        const auto pending = outbox.pending(bob, 0, 10);
        QCOMPARE(pending.size(), std::size_t(1));
        QCOMPARE(pending.front().kind, 4);
        QCOMPARE(pending.front().ciphertext, QByteArrayLiteral("one ciphertext"));
        const auto count = [&] {
            Statement st = (*db)->prepare("SELECT count(*) FROM group_ciphertexts");
            return st.next() ? st.int64(0) : -1;
        };
        QVERIFY(outbox.remove(bob, *toBob));
        QCOMPARE(count(), 1); // Cat still waits for it
        QVERIFY(outbox.reseal(cat)); // a session reset keeps the group row, and its bytes
        QCOMPARE(outbox.pending(cat, 0, 10).front().ciphertext, QByteArrayLiteral("one ciphertext"));
        QCOMPARE(count(), 1);
        QVERIFY(outbox.removeAll(cat));
        QCOMPARE(count(), 0);
    }

    void failedStepLeavesVersionAlone()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("clash.db")), crypto::SecretBytes::random(32));
        QVERIFY((*db)->exec("CREATE TABLE messages (x);")); // collides with step 1
        auto r = migrate(**db);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Errc::Sql);
        QCOMPARE((*db)->userVersion(), 0);
        QVERIFY(!hasTable(**db, QStringLiteral("contacts"))); // the step rolled back whole
    }

    // A profile written by the version 3 code (tests/fixtures/profile-v3, see its README):
    // unlocking brings it to the latest schema with every message, state, unread count,
    // outbox entry and search hit as it was.
    void aVersion3ProfileMigratesWithoutLoss()
    {
        const QString fixture = QFINDTESTDATA("../../fixtures/profile-v3/ann");
        QVERIFY2(!fixture.isEmpty(), "fixture not found");
        const QString dir = tmp.filePath(QStringLiteral("v3-ann"));
        QVERIFY(QDir().mkpath(dir));
        for (const QString &f : QDir(fixture).entryList(QDir::Files))
            QVERIFY(QFile::copy(fixture + u'/' + f, dir + u'/' + f));
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().reason));
        Profile &profile = **opened;
        QCOMPARE(profile.database().userVersion(), latestSchemaVersion());
        // Schema 5: PeerIds are the hashes of the keys now; the random ones of version 3 are
        // renamed everywhere (the fixture's were 8af91373… for Ann and fc85205f… for Bob).
        QCOMPARE(profile.peerId(), protocol::PeerId::fromIdentityKey(profile.identityKey()));
        QVERIFY(profile.peerId().toString() != QStringLiteral("8af9137316a466a56269b33f0d9dee67"));
        const std::vector<storage::ContactRecord> contacts = profile.protocolStore().contacts();
        QCOMPARE(contacts.size(), std::size_t(1));
        const protocol::PeerId bob = contacts.front().peer;
        QCOMPARE(bob, protocol::PeerId::fromIdentityKey(contacts.front().identityKey));
        QVERIFY(!profile.protocolStore().contact(protocol::PeerId::fromString(QStringLiteral("fc85205fea96ec49b6218d296ebfc0aa"))));
        QVERIFY(profile.protocolStore().loadSession(bob, 1)); // the session went with the id
        QVERIFY(contacts.front().accepted); // schema 8: a chat before requests existed stays one
        MessageStore &messages = profile.messages();
        const std::int64_t conversation = messages.conversationFor(bob).value();
        const auto page = messages.page(conversation, std::nullopt, 100);
        QCOMPARE(page.size(), 4u);
        QStringList bodies;
        for (const MessageRecord &m : page) {
            bodies.prepend(m.body);
            QCOMPARE(m.kind, MessageKind::Text);
            QVERIFY(m.replyTo.isEmpty());
            QCOMPARE(m.editedAt, 0);
            QVERIFY(!m.deleted);
        }
        QCOMPARE(bodies, (QStringList{QStringLiteral("Hello Bob, this is the v3 fixture"), QStringLiteral("Second message, über naïve"),
                                      QStringLiteral("Third, never acknowledged"), QStringLiteral("Hi Ann! A reply from Bob")}));
        QCOMPARE(page[0].state, MessageState::Received);
        QCOMPARE(page[1].state, MessageState::Queued); // never acknowledged: still in the outbox
        QCOMPARE(page[2].state, MessageState::Sent);
        QCOMPARE(messages.conversation(conversation)->unreadCount, 1);
        QCOMPARE(profile.outbox().count(bob), 2); // the third text and the delivery receipt of Bob's reply
        QCOMPARE(messages.search(QStringLiteral("naive"), 10).size(), 1u);
        QCOMPARE(messages.draft(conversation), QString());
        // And the new parts work on it.
        QVERIFY(messages.setDraft(conversation, QStringLiteral("later")));
        auto edited = messages.applyEdit(page[2].uuid, profile.peerId(), QByteArray(16, 'x'), QStringLiteral("Second, edited"),
                                         page[2].sentAt + 1);
        QVERIFY(edited && *edited);
        QCOMPARE(messages.search(QStringLiteral("edited"), 10).size(), 1u);
    }

    // A profile written by the schema 9 code (tests/fixtures/profile-v9, see its README).
    // Schema 11 puts the search watermark at its newest row: what was indexed is found as
    // before (the edited text by its new words, the deleted one not at all). Texts after
    // the upgrade wait above the mark until a batch (or a search) indexes them, each once,
    // as it is then; changes below the mark keep the index in step through the triggers.
    void step11IndexesSearchInBatchesAboveAWatermark()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v9/ann"), QStringLiteral("v11-ann"));
        QVERIFY(!dir.isEmpty());
        {
            auto vaultKey = Vault::unlock(Profile::keyFilePath(dir), test::passphrase("correct horse"));
            QVERIFY(vaultKey);
            auto db = Database::open(Profile::databasePath(dir), *vaultKey);
            QVERIFY(db);
            QCOMPARE((*db)->userVersion(), 9);
        }
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().reason));
        Profile &profile = **opened;
        Database &db = profile.database();
        MessageStore &messages = profile.messages();
        QCOMPARE(db.userVersion(), latestSchemaVersion());
        const auto scalar = [&db](const char *sql) {
            Statement st = db.prepare(sql);
            return st.next() ? st.int64(0) : -1;
        };
        const std::int64_t newest = scalar("SELECT max(id) FROM messages");
        QCOMPARE(newest, 5);
        QCOMPARE(scalar("SELECT value FROM meta WHERE key = 'search_indexed_upto'"), newest);
        const auto hits = [&messages](const char *text) { return messages.search(QString::fromUtf8(text), 10).size(); };
        QCOMPARE(hits("naive"), 1u);
        QCOMPARE(hits("fixture"), 1u);
        QCOMPARE(hits("edited once"), 1u);
        QCOMPARE(hits("deleted"), 0u);
        QCOMPARE(hits("reply"), 1u);

        const std::vector<ContactRecord> contacts = profile.protocolStore().contacts();
        QCOMPARE(contacts.size(), std::size_t(1));
        const protocol::PeerId bob = contacts.front().peer;
        const std::int64_t conversation = messages.conversationFor(bob).value();
        const auto text = [&](const char *body, char tag) {
            MessageRecord m;
            m.uuid = QByteArray(16, tag);
            m.conversationId = conversation;
            m.sender = bob;
            m.body = QString::fromUtf8(body);
            m.sentAt = 1796122800000;
            m.receivedAt = m.sentAt + 1;
            m.state = MessageState::Received;
            return m;
        };
        const std::int64_t zebra = messages.insert(text("a zebra after the upgrade", 'z')).value();
        QCOMPARE(scalar("SELECT value FROM meta WHERE key = 'search_indexed_upto'"), newest); // left for the batch
        QCOMPARE(scalar("SELECT count(*) FROM message_search WHERE message_search MATCH 'zebra'"), 0);
        // Edited before its turn: the triggers leave the index alone, the batch takes the new text.
        QVERIFY(messages.applyEdit(QByteArray(16, 'z'), bob, QByteArray(16, 'e'), QStringLiteral("a zebra edited before indexing"),
                                   1796122800005).value());
        const std::int64_t quokka = messages.insert(text("a quokka deleted before indexing", 'q')).value();
        QVERIFY(messages.tombstone(quokka).value());
        QCOMPARE(hits("indexing"), 1u); // the search caught the index up first
        QCOMPARE(hits("upgrade"), 0u);
        QCOMPARE(hits("quokka"), 0u);
        QCOMPARE(scalar("SELECT value FROM meta WHERE key = 'search_indexed_upto'"), quokka);
        QCOMPARE(messages.indexPending().value(), 0); // each text once
        // Below the mark now: an edit goes through the triggers.
        QVERIFY(messages.applyEdit(QByteArray(16, 'z'), bob, QByteArray(16, 'f'), QStringLiteral("a yak now"), 1796122800009).value());
        QCOMPARE(hits("zebra"), 0u);
        QCOMPARE(hits("yak"), 1u);
        QVERIFY(messages.tombstone(zebra).value());
        QCOMPARE(hits("yak"), 0u);
        // (No FTS 'integrity-check': it expects every content row indexed, and tombstones are
        // not.) Each text is in the index once:
        QCOMPARE(scalar("SELECT count(*) FROM message_search WHERE message_search MATCH 'indexing OR naive OR reply'"), 2);
    }

    // Schema 8 (message requests): every contact there is, with a conversation or none,
    // is accepted, so no existing chat moves to the requests; a contact stored after the
    // upgrade (a stranger linking) starts not accepted.
    void step8AcceptsEveryExistingContact()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v3/ann"), QStringLiteral("v8-ann"));
        QVERIFY(!dir.isEmpty());
        const QString quiet = QStringLiteral("0123456789abcdef0123456789abcdef");
        {
            auto vaultKey = Vault::unlock(Profile::keyFilePath(dir), test::passphrase("correct horse"));
            QVERIFY(vaultKey);
            auto db = Database::open(Profile::databasePath(dir), *vaultKey);
            QVERIFY(db);
            QCOMPARE(migrate(**db, 7).value(), 7);
            // Someone who linked once and never wrote: no conversation at all.
            QVERIFY((*db)->prepare("INSERT INTO contacts (peer_id, display_name, identity_key, trust, first_seen, last_seen) "
                                   "VALUES (?, 'Quiet', randomblob(33), 0, 1, 2)").bind(1, quiet).run());
            QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        }
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY(opened);
        const std::vector<ContactRecord> contacts = (*opened)->protocolStore().contacts();
        QCOMPARE(contacts.size(), std::size_t(2));
        for (const ContactRecord &c : contacts)
            QVERIFY2(c.accepted, qPrintable(c.displayName));
        QVERIFY((*opened)->protocolStore().isAccepted(protocol::PeerId::fromString(quiet)));
        const protocol::PeerId stranger = protocol::PeerId::fromString(QStringLiteral("fedcba9876543210fedcba9876543210"));
        QVERIFY((*opened)->protocolStore().saveIdentity({stranger, QByteArray(33, 5), protocol::TrustState::Unverified}));
        QVERIFY(!(*opened)->protocolStore().isAccepted(stranger));
        QVERIFY((*opened)->protocolStore().setAccepted(stranger, true));
        QVERIFY((*opened)->protocolStore().isAccepted(stranger));
    }

    // Both sides of the version 3 fixture upgrade on their own (schema 5 renames every
    // PeerId to its key's hash) and still talk over the sessions they had: Ann's text that
    // was never acknowledged reaches Bob under the new ids, with no new X3DH.
    void twoUpgradedPeersMeetAgainUnderTheirNewIds()
    {
        crypto::SignalContext ctx;
        const QString annDir = copyFixture(QStringLiteral("profile-v3/ann"), QStringLiteral("meet-ann"));
        const QString bobDir = copyFixture(QStringLiteral("profile-v3/bob"), QStringLiteral("meet-bob"));
        QVERIFY(!annDir.isEmpty() && !bobDir.isEmpty());
        auto ann = Profile::unlock(annDir, test::passphrase("correct horse"));
        auto bob = Profile::unlock(bobDir, test::passphrase("correct horse"));
        QVERIFY(ann && bob);
        messenger::Messenger annMessenger(ctx, **ann), bobMessenger(ctx, **bob);
        const protocol::PeerId annId = (*ann)->peerId(), bobId = (*bob)->peerId();
        QCOMPARE(annId, protocol::PeerId::fromIdentityKey((*ann)->identityKey()));
        QCOMPARE(bobId, protocol::PeerId::fromIdentityKey((*bob)->identityKey()));
        // Each knows the other under the new id, and holds a session for it.
        QVERIFY((*ann)->protocolStore().contact(bobId));
        QVERIFY((*bob)->protocolStore().contact(annId));
        QVERIFY(annMessenger.sessions().hasSession(bobId));
        // Ann's outbox for Bob: the unacknowledged text and a delivery receipt, already
        // sealed by the version 3 code for the old ids' sessions.
        const std::vector<OutboxEntry> waiting = (*ann)->outbox().pending(bobId, 0, 10);
        QCOMPARE(waiting.size(), std::size_t(2));
        QStringList texts;
        for (const OutboxEntry &e : waiting) {
            auto got = bobMessenger.receive(annId, {protocol::MessageKind(e.kind), e.ciphertext});
            QVERIFY2(got, got ? "" : qPrintable(got.error().reason));
            if (got->kind == messenger::Incoming::Kind::Text)
                texts.append(got->message->body);
        }
        QCOMPARE(texts, QStringList{QStringLiteral("Third, never acknowledged")});
        const auto conversation = (*bob)->messages().conversationFor(annId);
        for (const MessageRecord &m : (*bob)->messages().page(*conversation, std::nullopt, 10))
            QCOMPARE(m.sender, m.outgoing ? bobId : annId); // history renamed too
        // And a new message both ways.
        auto reply = bobMessenger.sendText(annId, QStringLiteral("got it, after the upgrade"));
        QVERIFY(reply && reply->sealed());
        auto back = annMessenger.receive(bobId, reply->message);
        QVERIFY2(back, back ? "" : qPrintable(back.error().reason));
        QCOMPARE(back->message->body, QStringLiteral("got it, after the upgrade"));
    }

    // Upgraded Bob linked to a still-version-1 Ann for a while: Ann stored him again, as a
    // new contact under his new id with the same key, and a message came in there. When Ann
    // upgrades, that duplicate folds into the old contact: one Bob, one conversation.
    void aDuplicateMadeBeforeTheUpgradeFoldsIntoTheContact()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v3/ann"), QStringLiteral("fold-ann"));
        QVERIFY(!dir.isEmpty());
        QVERIFY(!withContactUnderBobsDerivedId(dir, {}, QStringLiteral("from the week in between")).isEmpty());
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().reason));
        Profile &profile = **opened;
        const std::vector<storage::ContactRecord> contacts = profile.protocolStore().contacts();
        QCOMPARE(contacts.size(), std::size_t(1));
        const protocol::PeerId bob = contacts.front().peer;
        QCOMPARE(bob, protocol::PeerId::fromIdentityKey(contacts.front().identityKey));
        QCOMPARE(profile.messages().conversations().size(), std::size_t(1));
        const std::int64_t conversation = *profile.messages().conversationFor(bob);
        const auto page = profile.messages().page(conversation, std::nullopt, 100);
        QCOMPARE(page.size(), 5u);
        QCOMPARE(page.front().body, QStringLiteral("from the week in between"));
        QCOMPARE(page.front().sender, bob);
        QCOMPARE(profile.messages().conversation(conversation)->unreadCount, 2);
        QVERIFY(profile.protocolStore().loadSession(bob, 1)); // the old contact's session
    }

    // In version 1 anyone could claim any PeerId: Mallory, with her own key, may sit under
    // the very id Bob's key derives to. She is not folded into Bob: both end up under their
    // own keys' ids, each with their own conversation.
    void aStrangerUnderAContactsFutureIdIsNotFoldedIntoIt()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v3/ann"), QStringLiteral("stranger-ann"));
        QVERIFY(!dir.isEmpty());
        QByteArray malloryKey(33, '\x07');
        malloryKey[0] = 0x05;
        const QString bobsFutureId = withContactUnderBobsDerivedId(dir, malloryKey, QStringLiteral("forged by mallory"));
        QVERIFY(!bobsFutureId.isEmpty());
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().reason));
        Profile &profile = **opened;
        const protocol::PeerId bob = protocol::PeerId::fromString(bobsFutureId);
        const protocol::PeerId mallory = protocol::PeerId::fromIdentityKey(malloryKey);
        QVERIFY(bob.isIdOf(profile.protocolStore().contact(bob)->identityKey)); // Bob's own key under his id
        QCOMPARE(profile.protocolStore().contact(mallory)->identityKey, malloryKey);
        QCOMPARE(profile.protocolStore().contacts().size(), std::size_t(2));
        for (const MessageRecord &m : profile.messages().page(*profile.messages().conversationFor(bob), std::nullopt, 100))
            QVERIFY(m.body != QStringLiteral("forged by mallory"));
        const auto hers = profile.messages().page(*profile.messages().conversationFor(mallory), std::nullopt, 100);
        QCOMPARE(hers.size(), 1u);
        QCOMPARE(hers.front().sender, mallory);
    }

    // Schema 10: attachments. The key is kept only in the (encrypted) database and comes
    // back as it went in; a file whose message is deleted or tombstoned is an orphan.
    void step10AddsAttachments()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v10.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db, 9).value(), 9);
        QVERIFY(!hasTable(**db, QStringLiteral("attachments")));
        QCOMPARE(migrate(**db, 10).value(), 10);
        QVERIFY(hasTable(**db, QStringLiteral("attachments")));
        MessageStore messages(**db);
        const protocol::PeerId bob = test::randomPeerId();
        const std::int64_t conversation = messages.conversationFor(bob).value();
        std::vector<std::int64_t> rows;
        for (int i = 0; i < 2; ++i) {
            MessageRecord m;
            m.uuid = QByteArray(16, char('a' + i));
            m.conversationId = conversation;
            m.sender = bob;
            m.body = QStringLiteral("caption");
            m.sentAt = 1000 + i;
            m.state = MessageState::Received;
            m.kind = MessageKind::Attachment;
            rows.push_back(messages.insert(m).value());
        }
        AttachmentStore store(**db);
        const crypto::SecretBytes key = crypto::SecretBytes::random(32);
        for (int i = 0; i < 2; ++i) {
            AttachmentRecord a;
            a.fileId = QByteArray(16, char('0' + i));
            a.messageId = rows[std::size_t(i)];
            a.conversationId = conversation;
            a.peer = bob;
            a.name = QStringLiteral("photo.png");
            a.mime = QStringLiteral("image/png");
            a.size = 1234;
            a.sha256 = QByteArray(32, 'h');
            a.localFile = QStringLiteral("x.sealed");
            a.state = AttachmentState::Paused;
            QVERIFY(store.insert(a, key));
            QCOMPARE(store.insert(a, key).error().code, Errc::Duplicate);
        }
        QVERIFY(store.key(QByteArray(16, '0')).equals(key));
        QCOMPARE(store.byMessage(rows[0])->name, QStringLiteral("photo.png"));
        QVERIFY(store.setProgress(QByteArray(16, '0'), AttachmentState::Downloading, 3));
        QCOMPARE(store.unfinished(bob).size(), std::size_t(1));
        QCOMPARE(store.byFileId(QByteArray(16, '0'))->chunksDone, std::uint64_t(3));
        QVERIFY(store.orphans().empty());
        QVERIFY(messages.tombstone(rows[1]).value());
        QCOMPARE(store.orphans().size(), std::size_t(1));
        QCOMPARE(store.orphans().front().fileId, QByteArray(16, '1'));
    }

    // Schema 17 (issue 9): a file we send may have its pointer out before its sealed copy
    // is whole; the row then names the source to seal it from again after a restart, and
    // names it no longer once the copy is whole. Rows from before keep no source.
    void step17NamesTheSourceOfACopyStillBeingSealed()
    {
        auto db = Database::open(tmp.filePath(QStringLiteral("v17.db")), crypto::SecretBytes::random(32));
        QCOMPARE(migrate(**db, 16).value(), 16);
        const auto hasSource = [&] {
            Statement st = (*db)->prepare("SELECT sql FROM sqlite_master WHERE name = 'attachments'");
            return st.next() && st.text(0).contains(QLatin1String("source TEXT"));
        };
        QVERIFY(!hasSource());
        AttachmentStore store(**db);
        const crypto::SecretBytes key = crypto::SecretBytes::random(32);
        const protocol::PeerId bob = test::randomPeerId();
        const std::int64_t conversation = MessageStore(**db).conversationFor(bob).value();
        for (char tag : {'a', 'b'}) {
            AttachmentRecord a;
            a.fileId = QByteArray(16, tag);
            a.conversationId = conversation;
            a.peer = bob;
            a.outgoing = true;
            a.name = QStringLiteral("film.mkv");
            a.mime = QStringLiteral("video/x-matroska");
            a.size = 5000;
            a.sha256 = QByteArray(32, 'h');
            a.localFile = QString::fromLatin1(a.fileId.toHex()) + QStringLiteral(".sealed");
            a.state = AttachmentState::Uploading;
            QVERIFY(store.insert(a, key));
            if (tag == 'a')
                QCOMPARE(migrate(**db, 17).value(), 17); // one row from before, one after
        }
        QVERIFY(hasSource());
        QVERIFY(store.unsealed().empty());
        QVERIFY(store.setUnsealed(QByteArray(16, 'b'), QStringLiteral("/home/ann/Videos/film.mkv")));
        const auto unsealed = store.unsealed();
        QCOMPARE(unsealed.size(), std::size_t(1));
        QCOMPARE(unsealed.front().record.fileId, QByteArray(16, 'b'));
        QCOMPARE(unsealed.front().record.name, QStringLiteral("film.mkv"));
        QCOMPARE(unsealed.front().source, QStringLiteral("/home/ann/Videos/film.mkv"));
        QVERIFY(store.setSealed(QByteArray(16, 'b')));
        QVERIFY(store.unsealed().empty());
        QCOMPARE(store.byFileId(QByteArray(16, 'a'))->name, QStringLiteral("film.mkv"));
    }

    // A profile written by the code of schema 9 (tests/fixtures/profile-v9-plain, see its README):
    // it opens at schema 10 with its history as it was, and with no attachments.
    void aVersion9ProfileMigratesWithoutLoss()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v9-plain/ann"), QStringLiteral("v9-ann"));
        QVERIFY2(!dir.isEmpty(), "fixture not found");
        auto opened = Profile::unlock(dir, test::passphrase("test passphrase for ann"));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().reason));
        Profile &profile = **opened;
        QCOMPARE(profile.database().userVersion(), latestSchemaVersion());
        const std::vector<storage::ContactRecord> contacts = profile.protocolStore().contacts();
        QCOMPARE(contacts.size(), std::size_t(1));
        MessageStore &messages = profile.messages();
        const auto page = messages.page(messages.conversationFor(contacts.front().peer).value(), std::nullopt, 100);
        QStringList bodies;
        for (const MessageRecord &m : page)
            bodies.prepend(m.body);
        QCOMPARE(bodies, (QStringList{QStringLiteral("Hello Bob, from the schema 9 fixture"), QStringLiteral("Hi Ann, a reply")}));
        Statement st = profile.database().prepare("SELECT count(*) FROM attachments");
        QVERIFY(st.next());
        QCOMPARE(st.int64(0), 0);
        QVERIFY(!AttachmentStore(profile.database()).byMessage(page.front().id));
    }

    // Schema 15 (issue 11): no trigger on outbox, so an acknowledgement's delete runs
    // without a statement journal (no sub-program in its plan). From a profile written by
    // the schema 9 code (tests/fixtures/profile-v9-plain), with a group ciphertext waiting
    // for two members at schema 13: the history stays, and the ciphertext still goes with
    // the last row that points at it, one by one or in bulk.
    void step15DropsTheOutboxTrigger()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v9-plain/ann"), QStringLiteral("v15-ann"));
        QVERIFY2(!dir.isEmpty(), "fixture not found");
        auto key = Vault::unlock(Profile::keyFilePath(dir), test::passphrase("test passphrase for ann"));
        QVERIFY(key);
        auto db = Database::open(Profile::databasePath(dir), *key);
        QVERIFY(db);
        QCOMPARE(migrate(**db, 13).value(), 13);
        QVERIFY(hasTable(**db, QStringLiteral("outbox_shared_ad")));
        GroupStore groups(**db);
        OutboxStore outbox(**db);
        const protocol::PeerId bob = test::randomPeerId(), cat = test::randomPeerId();
        auto shared = groups.keepCiphertext(QByteArrayLiteral("one ciphertext"));
        QVERIFY(shared);
        auto toBob = outbox.enqueueShared(bob, 0, 4, *shared, 5);
        auto toCat = outbox.enqueueShared(cat, 0, 4, *shared, 5);
        QVERIFY(toBob && toCat);

        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        QVERIFY(!hasTable(**db, QStringLiteral("outbox_shared_ad")));
        const auto opcodes = [&](const char *sql) {
            Statement st = (*db)->prepare(sql);
            QStringList out;
            while (st.next())
                out << st.text(1);
            return out;
        };
        QVERIFY(!opcodes("EXPLAIN DELETE FROM outbox WHERE id = ?").contains(QStringLiteral("Program")));
        const auto count = [&](const char *sql) {
            Statement st = (*db)->prepare(sql);
            return st.next() ? st.int64(0) : -1;
        };
        QCOMPARE(count("SELECT count(*) FROM messages"), 2); // the fixture's history
        QVERIFY(outbox.remove(bob, *toBob));
        QCOMPARE(count("SELECT count(*) FROM group_ciphertexts"), 1); // Cat still waits for it
        QVERIFY(outbox.remove(cat, *toCat));
        QCOMPARE(count("SELECT count(*) FROM group_ciphertexts"), 0);
        auto another = groups.keepCiphertext(QByteArrayLiteral("another"));
        QVERIFY(another && outbox.enqueueShared(cat, 0, 4, *another, 6));
        QVERIFY(outbox.removeAll(cat));
        QCOMPARE(count("SELECT count(*) FROM group_ciphertexts"), 0);
    }

    // Schema 16 (issue 11): the outbox keyed by (peer, id) without AUTOINCREMENT. What
    // waited keeps its ids and order; no id the old table ever gave (sqlite_sequence
    // remembered the deleted ones too) is given again: not after the outbox ran empty,
    // not after a restart, not after a rollback.
    void step16KeysTheOutboxByPeerWithoutSqliteSequence()
    {
        const QString dir = copyFixture(QStringLiteral("profile-v9-plain/ann"), QStringLiteral("v16-ann"));
        QVERIFY2(!dir.isEmpty(), "fixture not found");
        auto key = Vault::unlock(Profile::keyFilePath(dir), test::passphrase("test passphrase for ann"));
        QVERIFY(key);
        auto db = Database::open(Profile::databasePath(dir), *key);
        QVERIFY(db);
        QCOMPARE(migrate(**db, 15).value(), 15);
        const protocol::PeerId bob = test::randomPeerId(), cat = test::randomPeerId();
        const auto count = [&](const char *sql) {
            Statement st = (*db)->prepare(sql);
            return st.next() ? st.int64(0) : -1;
        };
        // The old table: AUTOINCREMENT gave 101, 102, 103; 103 was acknowledged.
        const auto oldInsert = [&](const protocol::PeerId &peer, const QByteArray &ciphertext) {
            return (*db)->prepare("INSERT INTO outbox (peer_id, kind, ciphertext, created_at, content) VALUES (?, 2, ?, 1, x'aa')")
                .bind(1, peer.toString()).bind(2, ciphertext).run();
        };
        QVERIFY((*db)->exec("INSERT INTO outbox (id, peer_id, kind, ciphertext, created_at) VALUES (100, 'x', 2, x'01', 1);"
                            "DELETE FROM outbox WHERE id = 100;"));
        QVERIFY(oldInsert(bob, QByteArray::fromHex("0101")) && oldInsert(cat, QByteArray::fromHex("0102")) && oldInsert(bob, QByteArray::fromHex("0103")));
        QVERIFY((*db)->exec("DELETE FROM outbox WHERE id = 103;"));
        QCOMPARE(count("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"), 103);

        QCOMPARE(migrate(**db).value(), latestSchemaVersion());
        QCOMPARE(count("SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'"), 0);
        QVERIFY(count("SELECT value FROM meta WHERE key = 'outbox_id_floor'") > 103);
        // Queuing writes no sqlite_sequence, and the table is its one B-tree.
        QStringList opcodes;
        { // scoped: an EXPLAIN left stepped would keep SQLite's autocommit open
            Statement plan = (*db)->prepare("EXPLAIN INSERT INTO outbox (id, peer_id, kind, created_at) VALUES (1, 'x', 0, 0)");
            while (plan.next())
                opcodes << plan.text(1);
        }
        QVERIFY(!opcodes.contains(QStringLiteral("NewRowid")));
        QCOMPARE(count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL"), 2);

        std::int64_t last = 0;
        {
            OutboxStore outbox(**db);
            const auto waiting = outbox.pending(bob, 0, 10);
            QCOMPARE(waiting.size(), std::size_t(1));
            QCOMPARE(waiting.front().id, std::int64_t(101));
            QCOMPARE(waiting.front().ciphertext, QByteArray::fromHex("0101"));
            QCOMPARE(outbox.pending(cat, 0, 10).front().id, std::int64_t(102));
            auto next = outbox.enqueue({0, bob, 0, 2, QByteArrayLiteral("new"), 2, 0, QByteArrayLiteral("c")});
            QVERIFY(next);
            QVERIFY(*next > 103);
            QCOMPARE(outbox.pending(bob, 0, 10).size(), std::size_t(2)); // in order, after 101
            QCOMPARE(outbox.pending(bob, 0, 10).back().id, *next);
            // Acknowledged by id and peer: Cat's id names nothing of Bob's.
            QVERIFY(!outbox.remove(bob, 102));
            QVERIFY(outbox.remove(bob, 101));
            QVERIFY(outbox.remove(bob, *next));
            QVERIFY(outbox.remove(cat, 102));
            QCOMPARE(outbox.count(bob) + outbox.count(cat), 0);
            // Rolled back: the next id is still above every id given before.
            QVERIFY((*db)->begin());
            auto undone = outbox.enqueue({0, cat, 0, 2, QByteArrayLiteral("undone"), 3, 0, QByteArrayLiteral("c")});
            QVERIFY(undone && *undone > *next);
            (*db)->rollback();
            auto after = outbox.enqueue({0, cat, 0, 2, QByteArrayLiteral("after"), 3, 0, QByteArrayLiteral("c")});
            QVERIFY(after && *after > *next);
            // A reset requeues with new ids, in the old order.
            auto second = outbox.enqueue({0, cat, 0, 0, {}, 4, 0, QByteArrayLiteral("d")});
            QVERIFY(second);
            QCOMPARE(outbox.reseal(cat).value_or(-1), 2);
            const auto requeued = outbox.pending(cat, 0, 10);
            QCOMPARE(requeued.size(), std::size_t(2));
            QVERIFY(requeued.front().id > *second && requeued.back().id > requeued.front().id);
            QCOMPARE(outbox.unsealed(cat).front().content, QByteArrayLiteral("c"));
            last = requeued.back().id;
            QVERIFY(outbox.removeAll(cat));
        }
        // Empty, and opened again (a restart): no id is given twice.
        OutboxStore reopened(**db);
        auto fresh = reopened.enqueue({0, bob, 0, 2, QByteArrayLiteral("fresh"), 5, 0, {}});
        QVERIFY(fresh && *fresh > last);
        QCOMPARE(count("SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'"), 0);
    }

    void newerDatabaseIsRefusedAndUntouched()
    {
        crypto::SignalContext ctx;
        QString dir;
        {
            test::TestPeer peer(ctx);
            dir = peer.dir();
            QVERIFY(peer.profile().database().setUserVersion(latestSchemaVersion() + 1));
            peer.profile().database().exec("PRAGMA wal_checkpoint(TRUNCATE);");
            peer.close();
            const QByteArray before = test::readFile(Profile::databasePath(dir));
            auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, Errc::NewerSchema);
            QVERIFY(opened.error().reason.contains(QLatin1String("newer Sotto")));
            QCOMPARE(test::readFile(Profile::databasePath(dir)), before);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
