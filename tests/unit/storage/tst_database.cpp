// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLCipher connection: raw key, pragmas, the not-encrypting guard, wrong keys and
// nested transactions.
#include "core/storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using namespace sotto::storage;

class TestDatabase : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    QString path(const char *name) { return tmp.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void opensEncryptedWithTheRightSettings()
    {
        const auto key = crypto::SecretBytes::random(32);
        auto db = Database::open(path("a.db"), key);
        QVERIFY2(db, db ? "" : qPrintable(db.error().reason));
        Database &d = **db;
        auto scalar = [&](const char *sql) {
            Statement st = d.prepare(sql);
            return st.next() ? st.text(0) : QString();
        };
        QVERIFY(!scalar("PRAGMA cipher_version;").isEmpty());
        QCOMPARE(scalar("PRAGMA cipher_page_size;"), QStringLiteral("4096"));
        QCOMPARE(scalar("PRAGMA journal_mode;"), QStringLiteral("wal"));
        QCOMPARE(scalar("PRAGMA synchronous;"), QStringLiteral("1")); // NORMAL
        QCOMPARE(scalar("PRAGMA foreign_keys;"), QStringLiteral("1"));
        QVERIFY(d.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('hello');"));
        QVERIFY(d.exec("PRAGMA wal_checkpoint(TRUNCATE);"));
        QFile f(path("a.db"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.read(16).startsWith("SQLite format 3"));
    }

    void wrongKeyIsAClearError()
    {
        {
            auto db = Database::open(path("b.db"), crypto::SecretBytes::random(32));
            QVERIFY((*db)->exec("CREATE TABLE t (x);"));
        }
        auto wrong = Database::open(path("b.db"), crypto::SecretBytes::random(32));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Errc::WrongKey);
        QVERIFY(!Database::open(path("b.db"), crypto::SecretBytes::random(16)));
    }

    void plaintextFileIsRefused()
    {
        QFile f(path("plain.db"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("SQLite format 3") + QByteArray(4096 - 15, '\0'));
        f.close();
        auto db = Database::open(path("plain.db"), crypto::SecretBytes::random(32));
        QVERIFY(!db);
        QCOMPARE(db.error().code, Errc::NotEncrypted);
    }

    void noPlainSqliteInTheProcess()
    {
        // Two libraries exporting sqlite3_* would let PRAGMA key be silently ignored.
        QFile maps(QStringLiteral("/proc/self/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray all = maps.readAll();
        QVERIFY(all.contains("libsqlcipher"));
        QVERIFY(!all.contains("libsqlite3"));
    }

    // A rollback SQLite makes by itself (here a trigger's RAISE(ROLLBACK); in life a full
    // disk) counts like ours: the stores that cache what a transaction wrote read again.
    void aRollbackSqliteMakesItselfIsCounted()
    {
        auto db = Database::open(path("d.db"), crypto::SecretBytes::random(32));
        Database &d = **db;
        QVERIFY(d.exec("CREATE TABLE t (x); CREATE TRIGGER refuse BEFORE INSERT ON t WHEN new.x = 2 BEGIN SELECT RAISE(ROLLBACK, 'no'); END;"));
        const auto rollbacks = d.rollbackCount();
        QVERIFY(d.begin());
        QVERIFY(d.prepare("INSERT INTO t VALUES (1)").run());
        QVERIFY(!d.prepare("INSERT INTO t VALUES (2)").run());
        QCOMPARE(d.rollbackCount(), rollbacks + 1);
        d.rollback(); // ours finds nothing left to undo, and is not counted twice
        QCOMPARE(d.rollbackCount(), rollbacks + 1);
    }

    void innerRollbackDoomsTheWholeTransaction()
    {
        auto db = Database::open(path("c.db"), crypto::SecretBytes::random(32));
        Database &d = **db;
        QVERIFY(d.exec("CREATE TABLE t (x);"));
        QVERIFY(d.begin());
        QVERIFY(d.prepare("INSERT INTO t VALUES (1)").run());
        QVERIFY(d.begin());
        QVERIFY(d.prepare("INSERT INTO t VALUES (2)").run());
        d.rollback();
        QCOMPARE(d.transactionDepth(), 1);
        const auto rollbacks = d.rollbackCount();
        QVERIFY(!d.commit()); // all or nothing
        QCOMPARE(d.transactionDepth(), 0);
        QCOMPARE(d.rollbackCount(), rollbacks + 1);
        {
            Statement st = d.prepare("SELECT count(*) FROM t");
            QVERIFY(st.next());
            QCOMPARE(st.int64(0), 0);
        }
        // Inner commits join the outer one.
        QVERIFY(d.begin());
        QVERIFY(d.begin());
        QVERIFY(d.prepare("INSERT INTO t VALUES (3)").run());
        QVERIFY(d.commit());
        QVERIFY(d.commit());
        Statement st = d.prepare("SELECT group_concat(x) FROM t");
        QVERIFY(st.next());
        QCOMPARE(st.text(0), QStringLiteral("3"));
    }

    // SQLite's automatic checkpoint is replaced: past 1000 pages the owner is told (and
    // checkpoints when idle); past 4000 the committing connection checkpoints itself.
    void walIsCheckpointedWhenIdleOrFull()
    {
        auto db = Database::open(path("wal.db"), crypto::SecretBytes::random(32));
        QVERIFY(db);
        Database &d = **db;
        int told = 0;
        d.setCheckpointObserver([&] { ++told; });
        QVERIFY(d.exec("CREATE TABLE t (x BLOB);"));
        const QByteArray page(4000, 'p'); // one row per page
        auto commitRows = [&](int rows) {
            QVERIFY(d.begin());
            for (int i = 0; i < rows; ++i)
                QVERIFY(d.prepare("INSERT INTO t VALUES (?)").bind(1, page).run());
            QVERIFY(d.commit());
        };
        commitRows(600);
        QCOMPARE(told, 0);
        QVERIFY(d.walPages() >= 600 && d.walPages() < Database::IdleCheckpointPages);
        commitRows(600);
        QCOMPARE(told, 1);
        // Well past SQLite's own 1000 pages, and nothing was checkpointed on a commit.
        QVERIFY(d.walPages() >= 1200);
        const qint64 walBytes = QFileInfo(path("wal.db-wal")).size();
        QVERIFY2(walBytes >= 1200 * 4096, qPrintable(QString::number(walBytes)));
        commitRows(10);
        QCOMPARE(told, 2); // after every commit while over the mark

        // The owner's idle checkpoint: the log is copied, and the next commit starts it over.
        QVERIFY(d.checkpoint());
        QCOMPARE(d.walPages(), 0);
        commitRows(10);
        QVERIFY(d.walPages() > 0 && d.walPages() < 100);

        // Nobody checkpointing: the commit that crosses the hard mark does it.
        d.setCheckpointObserver({});
        int before = d.walPages();
        while (d.walPages() >= before) {
            QVERIFY(before < Database::HardCheckpointPages + 600);
            before = d.walPages();
            commitRows(500);
        }
        QCOMPARE(d.walPages(), 0);
        // Inside a transaction the idle checkpoint declines.
        QVERIFY(d.begin());
        QVERIFY(!d.checkpoint());
        d.rollback();
        Statement st = d.prepare("SELECT count(*) FROM t");
        QVERIFY(st.next());
        QVERIFY(st.int64(0) > 4000);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
