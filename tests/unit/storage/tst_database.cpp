// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLCipher connection: raw key, pragmas, the not-encrypting guard, wrong keys and
// nested transactions.
#include "core/storage/Database.h"

#include <QFile>
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
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
