// SPDX-License-Identifier: GPL-3.0-or-later
// The session records of SqlProtocolStore: inside a transaction a record is written once,
// at COMMIT, and is what a later load sees before that; a rollback takes it away for good
// (a later commit must not write it); outside a transaction it is written at once; deletes
// and the sub-device list see records stored earlier in the same transaction.
#include "core/storage/Migrations.h"
#include "core/storage/SqlProtocolStore.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using namespace sotto::storage;

class TestSessionStore : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    const crypto::SecretBytes key = crypto::SecretBytes::random(32);
    const protocol::PeerId bob = protocol::PeerId::fromIdentityKey(QByteArray(33, '\x05'));

    std::unique_ptr<Database> open(const QString &name)
    {
        auto db = Database::open(tmp.filePath(name), key);
        if (!db || !migrate(**db))
            return nullptr;
        return std::move(*db);
    }
    // What the sessions table holds for bob, read past the store's caches.
    static QByteArray inTable(Database &db, std::int32_t device = 1)
    {
        Statement st = db.prepare("SELECT record FROM sessions WHERE peer_id = ? AND device_id = ?");
        st.bind(1, protocol::PeerId::fromIdentityKey(QByteArray(33, '\x05')).toString()).bind(2, device);
        return st.next() ? st.blob(0) : QByteArray();
    }

private Q_SLOTS:
    void aBatchWritesTheRecordOnceAtCommit()
    {
        auto db = open(QStringLiteral("batch.db"));
        QVERIFY(db);
        SqlProtocolStore store(*db);
        QVERIFY(store.storeSession(bob, 1, "record 0")); // no transaction: written at once
        QCOMPARE(inTable(*db), QByteArray("record 0"));
        QVERIFY(store.begin());
        const int before = sqlite3_total_changes(db->handle());
        for (int i = 1; i <= 64; ++i)
            QVERIFY(store.storeSession(bob, 1, "record " + QByteArray::number(i)));
        QCOMPARE(store.loadSession(bob, 1).value_or(QByteArray()), QByteArray("record 64"));
        QCOMPARE(inTable(*db), QByteArray("record 0")); // not written yet
        QVERIFY(store.commit());
        QCOMPARE(sqlite3_total_changes(db->handle()) - before, 1); // one UPDATE for 64 steps
        QCOMPARE(inTable(*db), QByteArray("record 64"));
        SqlProtocolStore fresh(*db); // no cache: what the database holds
        QCOMPARE(fresh.loadSession(bob, 1).value_or(QByteArray()), QByteArray("record 64"));
    }

    void aRolledBackRecordIsNeverWritten()
    {
        auto db = open(QStringLiteral("rollback.db"));
        QVERIFY(db);
        SqlProtocolStore store(*db);
        QVERIFY(store.storeSession(bob, 1, "committed"));
        QVERIFY(store.begin());
        QVERIFY(store.storeSession(bob, 1, "rolled back"));
        QVERIFY(store.storeSession(bob, 2, "new, rolled back"));
        store.rollback();
        QCOMPARE(store.loadSession(bob, 1).value_or(QByteArray()), QByteArray("committed"));
        QVERIFY(!store.containsSession(bob, 2));
        // The next transaction commits something else: the rolled-back records stay out.
        QVERIFY(store.begin());
        QVERIFY(db->exec("CREATE TABLE unrelated (x)"));
        QVERIFY(store.commit());
        QCOMPARE(inTable(*db), QByteArray("committed"));
        QCOMPARE(inTable(*db, 2), QByteArray());
    }

    // A transaction doomed by an inner rollback is rolled back at its commit, before the
    // hook: the next transaction's commit must not write its records.
    void aRollbackBeforeTheHookDropsTheRecords()
    {
        auto db = open(QStringLiteral("inner.db"));
        QVERIFY(db);
        SqlProtocolStore store(*db);
        QVERIFY(store.begin());
        QVERIFY(store.storeSession(bob, 1, "doomed"));
        QVERIFY(db->begin()); // an inner part fails: the whole transaction is doomed
        db->rollback();
        QVERIFY(!store.commit());
        QVERIFY(store.begin());
        QVERIFY(store.commit());
        QCOMPARE(inTable(*db), QByteArray());
    }

    // SQLite rolls the transaction back by itself (here RAISE(ROLLBACK); SQLITE_FULL or
    // IOERR do the same): what was stored in it is gone, a record stored after it is refused
    // rather than written in autocommit mode, and the commit fails without writing anything.
    void aRollbackSqliteMakesLosesTheRecordsForGood()
    {
        auto db = open(QStringLiteral("sqlite-rollback.db"));
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE t (x); CREATE TRIGGER refuse BEFORE INSERT ON t BEGIN SELECT RAISE(ROLLBACK, 'no'); END;"));
        SqlProtocolStore store(*db);
        QVERIFY(store.storeSession(bob, 1, "committed"));
        QVERIFY(store.begin());
        QVERIFY(store.storeSession(bob, 1, "rolled back by SQLite"));
        QVERIFY(!db->prepare("INSERT INTO t VALUES (1)").run());
        QVERIFY(!store.storeSession(bob, 1, "stored after it"));
        QCOMPARE(store.loadSession(bob, 1).value_or(QByteArray()), QByteArray("committed"));
        QVERIFY(!store.commit());
        store.rollback();
        QCOMPARE(inTable(*db), QByteArray("committed"));
        QVERIFY(store.begin());
        QVERIFY(store.commit());
        QCOMPARE(inTable(*db), QByteArray("committed"));
        QVERIFY(store.storeSession(bob, 1, "later")); // the store works on as before
        QCOMPARE(inTable(*db), QByteArray("later"));
    }

    void deletesAndSubDevicesSeeThisTransactionsRecords()
    {
        auto db = open(QStringLiteral("delete.db"));
        QVERIFY(db);
        SqlProtocolStore store(*db);
        QVERIFY(store.begin());
        QVERIFY(store.storeSession(bob, 1, "one"));
        QVERIFY(store.storeSession(bob, 2, "two"));
        QVERIFY(store.storeSession(bob, 3, "three"));
        QCOMPARE(store.subDeviceSessions(bob), (std::vector<std::int32_t>{2, 3}));
        QVERIFY(store.deleteSession(bob, 3));
        QVERIFY(store.storeSession(bob, 2, "two, later"));
        QVERIFY(store.commit());
        QCOMPARE(inTable(*db, 2), QByteArray("two, later"));
        QCOMPARE(inTable(*db, 3), QByteArray());
        QVERIFY(store.begin());
        QVERIFY(store.storeSession(bob, 4, "four"));
        QCOMPARE(store.deleteAllSessions(bob), 3); // 1, 2 and this transaction's 4
        QVERIFY(store.commit());
        QVERIFY(!store.containsSession(bob, 1));
        QCOMPARE(inTable(*db, 4), QByteArray());
        SqlProtocolStore fresh(*db);
        QVERIFY(fresh.subDeviceSessions(bob).empty());
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
