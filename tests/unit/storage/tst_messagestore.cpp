// SPDX-License-Identifier: GPL-3.0-or-later
// History: paging through the index with no gap or repeat, FTS4 search that ignores case
// and diacritics, unread counts kept in step, states that only move forward.
#include "tests/support/TestProfiles.h"

#include <QDateTime>
#include <QDir>
#include <sqlite3.h>
#include <QTest>

using namespace sotto;
using namespace sotto::storage;
using protocol::PeerId;

namespace {

MessageRecord incoming(std::int64_t conversation, const PeerId &from, const QString &body, std::int64_t sentAt)
{
    MessageRecord m;
    static quint32 counter = 0;
    ++counter;
    m.uuid = QByteArray(12, 'u') + QByteArray(reinterpret_cast<const char *>(&counter), 4);
    m.conversationId = conversation;
    m.sender = from;
    m.body = body;
    m.sentAt = sentAt;
    m.receivedAt = sentAt + 1;
    m.state = MessageState::Received;
    return m;
}

// Counts the statements run on a connection whose SQL contains `needle`.
struct StatementCounter {
    QByteArray needle;
    int count = 0;
    static int trace(unsigned, void *self, void *stmt, void *)
    {
        auto *counter = static_cast<StatementCounter *>(self);
        if (QByteArray(sqlite3_sql(static_cast<sqlite3_stmt *>(stmt))).contains(counter->needle))
            ++counter->count;
        return 0;
    }
};

} // namespace

class TestMessageStore : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    // Issue 8: a deleted text leaves the search index. FTS4 deletes by adding a marker in
    // a new segment; the words stay in the old one (readable by anyone with the key) until
    // segments merge. The database is exported in plain text (sqlcipher_export) to look at
    // every byte of every live row, as someone with the passphrase could.
    // The catch-up can go in batches (the node's, so a far-behind index does not hold the
    // core thread): each batch takes what it was given, the mark follows, search sees all.
    void theSearchIndexCatchesUpInBatches()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        Database &db = me.profile().database();
        const PeerId other = test::randomPeerId();
        const std::int64_t conv = *store.conversationFor(other);
        QVERIFY(db.begin());
        for (int i = 0; i < 250; ++i)
            QVERIFY(store.insert(incoming(conv, other, QStringLiteral("batched word%1").arg(i), 1000 + i)));
        QVERIFY(db.commit());
        QVERIFY(store.searchBehind());
        QCOMPARE(store.indexPending(100).value(), 100);
        QVERIFY(store.searchBehind());
        QCOMPARE(store.indexPending(100).value(), 100);
        QCOMPARE(store.indexPending(100).value(), 50);
        QVERIFY(!store.searchBehind());
        QCOMPARE(store.indexPending(100).value(), 0);
        QCOMPARE(int(store.search(QStringLiteral("batched"), 1000).size()), 250);
        QCOMPARE(int(store.search(QStringLiteral("word249"), 10).size()), 1);
        QCOMPARE(int(store.search(QStringLiteral("word0"), 10).size()), 1);
    }

    void deletedWordsLeaveTheSearchIndexWhenPurged()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        Database &db = me.profile().database();
        const PeerId other = test::randomPeerId();
        const std::int64_t conv = *store.conversationFor(other);
        QVERIFY(db.begin());
        for (int i = 0; i < 200; ++i)
            QVERIFY(store.insert(incoming(conv, other, QStringLiteral("ordinary words number %1").arg(i), 1000 + i)));
        const MessageRecord secret = incoming(conv, other, QStringLiteral("the password is qqzzvanishingword"), 5000);
        QVERIFY(store.insert(secret));
        QVERIFY(db.commit());
        QCOMPARE(store.indexPending().value(), 201); // as the node's catch-up does (schema 11)
        const std::int64_t secretId = store.messageByUuid(secret.uuid)->id;
        const auto plaintext = [&](const QString &name) {
            const QString path = QDir(me.dir()).filePath(name);
            const QByteArray attach = "ATTACH DATABASE '" + path.toUtf8() + "' AS plaintext KEY '';";
            if (!db.exec(attach.constData()))
                return QByteArray();
            Statement st = db.prepare("SELECT sqlcipher_export('plaintext');");
            st.next();
            db.exec("DETACH DATABASE plaintext;");
            return test::readFile(path);
        };
        const QByteArray marker = "zzvanishingword"; // a leaf may share a prefix with the term before it
        QVERIFY(plaintext(QStringLiteral("before.db")).contains(marker));

        QVERIFY(store.tombstone(secretId, std::nullopt));
        QVERIFY(store.searchResidueSince() > 0);
        QVERIFY(store.search(QStringLiteral("qqzzvanishingword"), 10).empty()); // not found...
        QVERIFY(plaintext(QStringLiteral("deleted.db")).contains(marker));       // ...but still there
        QVERIFY(store.purgeSearchResidue());
        QCOMPARE(store.searchResidueSince(), 0);
        QVERIFY(!plaintext(QStringLiteral("purged.db")).contains(marker));
        QCOMPARE(store.search(QStringLiteral("ordinary"), 500).size(), 200u); // the rest is still found
    }

    // A quit (or a crash) between a delete and its purge must not leave the words for good:
    // the residue is recorded with the delete and purged by the next run.
    void searchResidueOutlivesARestartUntilPurged()
    {
        test::TestPeer me(ctx);
        const PeerId other = test::randomPeerId();
        const std::int64_t conv = *me.profile().messages().conversationFor(other);
        const MessageRecord text = incoming(conv, other, QStringLiteral("words to forget"), 1000);
        QVERIFY(me.profile().messages().insert(text));
        const std::int64_t id = me.profile().messages().messageByUuid(text.uuid)->id;
        me.reopen();
        QCOMPARE(me.profile().messages().searchResidueSince(), 0); // nothing deleted yet

        QVERIFY(me.profile().messages().tombstone(id, std::nullopt));
        me.reopen();
        QVERIFY(me.profile().messages().searchResidueSince() > 0);
        QVERIFY(me.profile().messages().purgeSearchResidue());
        me.reopen();
        QCOMPARE(me.profile().messages().searchResidueSince(), 0);
    }

    // Issue 8 leftover: every send read the conversation's timer with a SELECT of its own.
    // It is cached with the conversation: read once, kept in step by setTimer, dropped
    // with a rollback.
    void timerIsReadOnceAndKeptInStep()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        Database &db = me.profile().database();
        const std::int64_t conv = *store.conversationFor(test::randomPeerId());
        StatementCounter reads{"expire_timer FROM conversations"};
        sqlite3_trace_v2(db.handle(), SQLITE_TRACE_STMT, &StatementCounter::trace, &reads);
        QCOMPARE(store.timer(conv), 0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(store.timer(conv), 0);
        QVERIFY(store.setTimer(conv, 30, 1000).value());
        QCOMPARE(store.timer(conv), 30);
        QVERIFY(!store.setTimer(conv, 60, 500).value()); // older than the one in force: ignored
        QCOMPARE(store.timer(conv), 30);
        QVERIFY(reads.count <= 1);
        // A rolled-back change is not shown.
        QVERIFY(db.begin());
        QVERIFY(store.setTimer(conv, 3600, 2000).value());
        QCOMPARE(store.timer(conv), 3600);
        db.rollback();
        QCOMPARE(store.timer(conv), 30);
        sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
        QCOMPARE(store.timerSetAt(conv), std::int64_t(1000));
        QCOMPARE(store.timer(conv + 1000), 0); // no such conversation
    }

    // The reactions of many messages in one go, for pages of every size, one after the
    // other (the statement cache once handed a call the statement of another count of ids).
    void reactionsOfPagesOfAnySize()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        Database &db = me.profile().database();
        const PeerId other = test::randomPeerId();
        const std::int64_t conv = *store.conversationFor(other);
        std::vector<std::int64_t> ids;
        QVERIFY(db.begin());
        for (int i = 0; i < 300; ++i) {
            auto id = store.insert(incoming(conv, other, QStringLiteral("m%1").arg(i), 1000 + i));
            QVERIFY(id);
            ids.push_back(*id);
            QVERIFY(store.setReaction(*id, other, QStringLiteral("👍"), 5000 + i));
        }
        QVERIFY(db.commit());
        for (int round = 0; round < 3; ++round) {
            for (std::size_t n : {3u, 1u, 7u, 250u, 50u, 2u, 120u, 300u, 49u}) {
                const std::vector<std::int64_t> asked(ids.begin(), ids.begin() + n);
                const auto got = store.reactions(asked);
                QCOMPARE(std::size_t(got.size()), n);
                for (std::int64_t id : asked)
                    QCOMPARE(got.value(id).size(), 1u);
            }
        }
    }

    // A group row sent again once (the member rejected it) is marked so it is never sent
    // a third time; a session reset or a contact merge moves it with its mark.
    void aResentGroupRowKeepsItsMarkWhenRequeued()
    {
        test::TestPeer me(ctx);
        const PeerId cat = test::randomPeerId(), newCat = test::randomPeerId();
        storage::OutboxStore &outbox = me.profile().outbox();
        auto shared = me.profile().groups().keepCiphertext(QByteArrayLiteral("one ciphertext"));
        QVERIFY(shared);
        QVERIFY(outbox.enqueueShared(cat, 0, 4, *shared, 5, true));
        QVERIFY(outbox.enqueueShared(cat, 0, 4, *shared, 6, false));
        QCOMPARE(outbox.reseal(cat).value_or(-1), 2);
        QCOMPARE(outbox.retarget(cat, newCat).value_or(-1), 2);
        const auto moved = outbox.pending(newCat, 0, 10);
        QCOMPARE(moved.size(), std::size_t(2));
        QVERIFY(outbox.sharedRow(newCat, moved.front().id).value_or(storage::OutboxStore::SharedRow{}).resent);
        QVERIFY(outbox.sharedRow(newCat, moved.back().id).has_value());
        QVERIFY(!outbox.sharedRow(newCat, moved.back().id)->resent);
    }

    // The window keeps drafts, search hits and sidebar rows by conversation id: a new
    // conversation must never get the id of one deleted or merged away (SQLite hands out
    // the newest row's id again once it is gone), not even after a restart.
    void conversationIdsAreNeverReused()
    {
        test::TestPeer me(ctx);
        const PeerId a = test::randomPeerId(), b = test::randomPeerId(), c = test::randomPeerId(), d = test::randomPeerId();
        const std::int64_t first = *me.profile().messages().conversationFor(a);
        const std::int64_t deleted = *me.profile().messages().conversationFor(b);
        QVERIFY(me.profile().messages().deleteConversation(deleted));
        me.reopen();
        const std::int64_t merged = *me.profile().messages().conversationFor(c);
        QVERIFY(merged > deleted);
        QVERIFY(me.profile().messages().mergeConversation(merged, first, c, a));
        const std::int64_t next = *me.profile().messages().conversationFor(d);
        QVERIFY2(next > merged, qPrintable(QStringLiteral("%1 after %2").arg(next).arg(merged)));
    }

    // A group message's kept ciphertext goes with the last outbox row pointing at it, also
    // when those rows go with their message (its conversation deleted, or it expired): since
    // schema 15 no trigger does it (SharedCiphertexts.h).
    void sharedCiphertextsGoWithTheirMessages()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        const auto kept = [&] {
            Statement st = me.profile().database().prepare("SELECT count(*) FROM group_ciphertexts");
            return st.next() ? st.int64(0) : -1;
        };
        const PeerId bob = test::randomPeerId(), cat = test::randomPeerId();
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        const auto queueFor = [&](std::int64_t conversation, std::int64_t expiresAt) {
            MessageRecord m = incoming(conversation, me.id(), QStringLiteral("to the group"), now - 10);
            m.outgoing = true;
            m.state = MessageState::Queued;
            m.expiresIn = expiresAt ? 1 : 0;
            m.expiresAt = expiresAt;
            auto id = store.insert(m);
            auto shared = me.profile().groups().keepCiphertext(QByteArrayLiteral("sealed once"));
            return id && shared && me.profile().outbox().enqueueShared(bob, *id, 4, *shared, now)
                && me.profile().outbox().enqueueShared(cat, *id, 4, *shared, now);
        };
        QVERIFY(queueFor(*store.conversationFor(bob), 0));
        QCOMPARE(kept(), 1);
        QVERIFY(store.deleteConversation(*store.conversationFor(bob)));
        QCOMPARE(kept(), 0);
        QVERIFY(queueFor(*store.conversationFor(cat), now - 5));
        QCOMPARE(kept(), 1);
        QCOMPARE(store.expire(now, nullptr).value().size(), std::size_t(1));
        QCOMPARE(kept(), 0);
    }

    void pagesHaveNoGapNoRepeatEvenWithEqualTimes()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        const PeerId other = test::randomPeerId();
        const std::int64_t conv = *store.conversationFor(other);
        QVERIFY(me.profile().database().begin());
        for (int i = 0; i < 1000; ++i) // ten messages share each millisecond
            QVERIFY(store.insert(incoming(conv, other, QString::number(i), 1000 + i / 10)));
        QVERIFY(me.profile().database().commit());

        QStringList seen;
        std::optional<HistoryCursor> cursor;
        for (;;) {
            auto page = store.page(conv, cursor, 64);
            if (page.empty())
                break;
            for (const auto &m : page)
                seen.prepend(m.body);
            cursor = HistoryCursor{page.back().sentAt, page.back().id};
        }
        QCOMPARE(seen.size(), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(seen[i], QString::number(i));

        // Forward from the middle (a search hit): the same order, again with no gap.
        auto around = store.page(conv, std::nullopt, 1000);
        const MessageRecord &start = around[around.size() - 1 - 499]; // body "499"
        QCOMPARE(start.body, QStringLiteral("499"));
        QStringList forward;
        HistoryCursor after{start.sentAt, start.id};
        for (;;) {
            auto page = store.pageAfter(conv, after, 64);
            if (page.empty())
                break;
            for (const auto &m : page)
                forward.append(m.body);
            after = HistoryCursor{page.back().sentAt, page.back().id};
        }
        QCOMPARE(forward, seen.mid(500));
    }

    void pageQueryUsesTheIndex()
    {
        test::TestPeer me(ctx);
        Statement st = me.profile().database().prepare(
            "EXPLAIN QUERY PLAN SELECT id FROM messages WHERE conversation_id = 1 AND sent_at <= 5 AND (sent_at < 5 OR id < 9) "
            "ORDER BY sent_at DESC, id DESC LIMIT 50");
        QString plan;
        while (st.next())
            plan += st.text(3) + QLatin1Char('\n');
        QVERIFY2(plan.contains(QLatin1String("messages_by_time")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan)); // no sort of the whole conversation
    }

    void searchIgnoresCaseAndDiacriticsAcrossConversations()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        const PeerId a = test::randomPeerId(), b = test::randomPeerId();
        const auto ca = *store.conversationFor(a), cb = *store.conversationFor(b);
        QVERIFY(store.insert(incoming(ca, a, QStringLiteral("Meet at the Café at noon"), 1)));
        QVERIFY(store.insert(incoming(cb, b, QStringLiteral("CAFE closed, try the crème brûlée place"), 2)));
        QVERIFY(store.insert(incoming(cb, b, QStringLiteral("nothing to see"), 3)));
        auto hits = store.search(QStringLiteral("cafe"), 10);
        QCOMPARE(hits.size(), std::size_t(2));
        QCOMPARE(hits[0].conversationId, cb); // newest first
        QCOMPARE(hits[1].conversationId, ca);
        QVERIFY2(hits[1].snippet.contains(SnippetMatchStart + QStringLiteral("Café") + SnippetMatchEnd), qPrintable(hits[1].snippet));
        QCOMPARE(store.search(QStringLiteral("CREME brulee"), 10).size(), std::size_t(1));
        QCOMPARE(store.search(QStringLiteral("bru"), 10).size(), std::size_t(1)); // prefix
        // FTS syntax typed by a user is just text.
        QCOMPARE(store.search(QStringLiteral("\"cafe* OR NOT ("), 10).size(), std::size_t(2));
        QVERIFY(store.search(QStringLiteral("   "), 10).empty());
    }

    // Issue 11: the index is split by row id into shards of 2^16 (schema 6); a search
    // walks them newest first and pages with `beforeId`. Row ids jump over shards here the
    // way they do after deletions (the id floor in meta), so no test inserts 65,536 rows.
    // Edits, tombstones and deleted rows must leave the shard their row is in.
    void searchPagesNewestFirstAcrossShards()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        Database &db = me.profile().database();
        const PeerId other = test::randomPeerId();
        const std::int64_t conv = *store.conversationFor(other);
        const auto jumpTo = [&](std::int64_t shard) {
            QVERIFY(db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('message_id_floor', ?)")
                        .bind(1, (shard << MessageStore::SearchShardBits) + 5).run());
            QVERIFY(db.begin());
            db.rollback(); // the store reads its next id again after a rollback
        };
        std::vector<std::int64_t> ids;
        const auto add = [&](const QString &body) {
            const MessageRecord m = incoming(conv, other, body, 1000 + std::int64_t(ids.size()));
            QVERIFY(store.insert(m));
            ids.push_back(store.messageByUuid(m.uuid)->id);
        };
        add(QStringLiteral("alpha one"));
        add(QStringLiteral("alpha two"));
        jumpTo(2);
        add(QStringLiteral("alpha three"));
        jumpTo(5);
        add(QStringLiteral("alpha four"));
        add(QStringLiteral("nothing here"));
        QCOMPARE(MessageStore::searchShard(ids[0]), 0);
        QCOMPARE(MessageStore::searchShard(ids[2]), 2);
        QCOMPARE(MessageStore::searchShard(ids[3]), 5);

        const auto found = [&](const QString &query, int limit, std::optional<std::int64_t> before = std::nullopt) {
            std::vector<std::int64_t> out;
            for (const SearchHit &hit : store.search(query, limit, before))
                out.push_back(hit.messageId);
            return out;
        };
        QCOMPARE(found(QStringLiteral("alp"), 10), (std::vector<std::int64_t>{ids[3], ids[2], ids[1], ids[0]}));
        const auto first = found(QStringLiteral("alpha"), 3);
        QCOMPARE(first, (std::vector<std::int64_t>{ids[3], ids[2], ids[1]}));
        QCOMPARE(found(QStringLiteral("alpha"), 3, first.back()), (std::vector<std::int64_t>{ids[0]}));
        QVERIFY(found(QStringLiteral("alpha"), 3, ids[0]).empty());

        auto edited = store.applyEdit(store.message(ids[2])->uuid, other, QByteArray(16, 'e'), QStringLiteral("gamma three"), 5000);
        QVERIFY(edited && *edited);
        QCOMPARE(found(QStringLiteral("gamma"), 10), (std::vector<std::int64_t>{ids[2]}));
        QCOMPARE(found(QStringLiteral("alpha"), 10), (std::vector<std::int64_t>{ids[3], ids[1], ids[0]}));
        auto gone = store.tombstone(ids[3]);
        QVERIFY(gone && *gone);
        QVERIFY(db.prepare("DELETE FROM messages WHERE id = ?").bind(1, ids[0]).run());
        QCOMPARE(found(QStringLiteral("alpha"), 10), (std::vector<std::int64_t>{ids[1]}));
        QVERIFY(store.purgeSearchResidue());
        QCOMPARE(found(QStringLiteral("alpha"), 10), (std::vector<std::int64_t>{ids[1]}));
        QCOMPARE(found(QStringLiteral("gamma"), 10), (std::vector<std::int64_t>{ids[2]}));
        // The index agrees with its content table, shard by shard (every row here is a text,
        // so every row is indexed).
        QVERIFY(db.exec("INSERT INTO message_search (message_search) VALUES ('integrity-check');"));
    }

    // A received reply is moved to just after what it quotes, so its author's edits, stamped
    // by the author's clock, may be earlier than its stored sent_at: they still show, and
    // among edits the latest still wins, whatever the arrival order.
    void editsOfAReplyMovedForwardStillShow()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        const PeerId author = test::randomPeerId(), someoneElse = test::randomPeerId();
        const auto conv = *store.conversationFor(author);
        MessageRecord reply = incoming(conv, author, QStringLiteral("yes"), 10000); // moved from 1000
        const auto id = *store.insert(reply);

        QVERIFY(!store.applyEdit(reply.uuid, someoneElse, QByteArray(16, 'x'), QStringLiteral("forged"), 20000).value());
        auto first = store.applyEdit(reply.uuid, author, QByteArray(16, 'a'), QStringLiteral("yes, at 7"), 3000);
        QVERIFY(first && *first);
        QCOMPARE(store.message(id)->body, QStringLiteral("yes, at 7"));
        QCOMPARE(store.message(id)->editedAt, std::int64_t(3000));
        auto older = store.applyEdit(reply.uuid, author, QByteArray(16, 'b'), QStringLiteral("yes, at 6"), 2000);
        QVERIFY(older && !*older); // an older edit arriving late: kept in the history only
        auto later = store.applyEdit(reply.uuid, author, QByteArray(16, 'c'), QStringLiteral("yes, at 8"), 4000);
        QVERIFY(later && *later);
        QCOMPARE(store.message(id)->body, QStringLiteral("yes, at 8"));
        QVERIFY(!store.applyEdit(reply.uuid, author, QByteArray(16, 'c'), QStringLiteral("yes, at 8"), 4000).value()); // a repeat
        // The history: everything but the text shown, by time; the original no later than
        // the edit that replaced it (its moved sent_at would list it after its edits).
        const auto edits = store.edits(id);
        QCOMPARE(edits.size(), 3u);
        QCOMPARE(edits[0].body, QStringLiteral("yes, at 6"));
        QCOMPARE(edits[1].body, QStringLiteral("yes"));
        QCOMPARE(edits[2].body, QStringLiteral("yes, at 7"));
    }

    void unreadCountsAndLastMessageStayInStep()
    {
        test::TestPeer me(ctx);
        MessageStore &store = me.profile().messages();
        const PeerId a = test::randomPeerId();
        const auto conv = *store.conversationFor(a);
        for (int i = 0; i < 5; ++i)
            QVERIFY(store.insert(incoming(conv, a, QStringLiteral("m%1").arg(i), 100 + i)));
        MessageRecord mine = incoming(conv, me.id(), QStringLiteral("mine"), 200);
        mine.outgoing = true;
        mine.state = MessageState::Queued;
        const auto mineId = *store.insert(mine);
        auto c = store.conversation(conv);
        QCOMPARE(c->unreadCount, 5);
        QCOMPARE(c->lastMessageId, mineId);
        QCOMPARE(c->lastActivity, std::int64_t(200));
        QCOMPARE(store.conversations().front().id, conv);

        auto read = store.markRead(conv);
        QVERIFY(read && *read);
        QCOMPARE(store.messageByUuid(**read)->body, QStringLiteral("m4")); // the newest of theirs
        QCOMPARE(store.conversation(conv)->unreadCount, 0);
        for (const MessageRecord &m : store.page(conv, std::nullopt, 100))
            QVERIFY(m.outgoing || m.state == MessageState::Read); // read, by the watermark
        QVERIFY(!*store.markRead(conv)); // nothing left unread
        // One arriving later is unread again, below the others' read state.
        QVERIFY(store.insert(incoming(conv, a, QStringLiteral("late"), 300)));
        QCOMPARE(store.conversation(conv)->unreadCount, 1);
        QCOMPARE(store.page(conv, std::nullopt, 1).front().state, MessageState::Received);

        QCOMPARE(store.advanceState(mine.uuid, MessageState::Delivered).value(), true);
        QCOMPARE(store.advanceState(mine.uuid, MessageState::Sent).value(), false); // never back
        QCOMPARE(store.messageByUuid(mine.uuid)->state, MessageState::Delivered);
        // Duplicates by uuid are refused.
        QCOMPARE(store.insert(mine).error().code, Errc::Duplicate);
    }
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
