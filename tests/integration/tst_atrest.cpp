// SPDX-License-Identifier: GPL-3.0-or-later
// No plaintext at rest: a marker sent in a message is in neither the database file nor
// its WAL, neither starts like a plain SQLite file, and the real sqlcipher command-line
// tool opens the database with the raw key and fails without it.
#include "tests/support/TestProfiles.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace sotto;
using namespace sotto::storage;

namespace {

QString runSqlcipher(const QString &db, const QString &script, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral("sqlcipher"), {QStringLiteral("-batch"), db});
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(30000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class TestAtRest : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void markerIsNowhereOnDisk()
    {
        const QByteArray marker = "ZEBRA-MARKER-8c1f5e";
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        auto sent = alice.messenger().sendText(bob.id(), QString::fromLatin1(marker));
        QVERIFY(sent);
        QVERIFY(bob.messenger().receive(alice.id(), sent->message));

        // While open: the WAL holds the new pages.
        for (test::TestPeer *peer : {&alice, &bob}) {
            const QString db = Profile::databasePath(peer->dir());
            const QByteArray wal = test::readFile(db + QLatin1String("-wal"));
            QVERIFY(!wal.isEmpty());
            QVERIFY(!wal.contains(marker));
            QVERIFY(!wal.startsWith("SQLite format 3"));
            QVERIFY(!test::readFile(db).contains(marker));
            QVERIFY(!test::readFile(db).startsWith("SQLite format 3"));
        }
        // After closing (checkpoint into the main file): every file of both profiles.
        alice.close();
        bob.close();
        for (const QString &dir : {alice.dir(), bob.dir()}) {
            QDirIterator it(dir, QDir::Files | QDir::Hidden);
            int files = 0;
            while (it.hasNext()) {
                const QString path = it.next();
                const QByteArray bytes = test::readFile(path);
                QVERIFY2(!bytes.contains(marker), qPrintable(path));
                QVERIFY2(!bytes.startsWith("SQLite format 3"), qPrintable(path));
                ++files;
            }
            QVERIFY(files >= 2);
        }
    }

    void sqlcipherToolOpensWithRawKeyOnly()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("sqlcipher")).isEmpty())
            QFAIL("the sqlcipher command-line tool is missing (scripts/install-deps.sh installs it)");
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        QVERIFY(alice.messenger().sendText(bob.id(), QStringLiteral("hello")));
        const QString dir = alice.dir();
        alice.close();

        auto key = Vault::unlock(Profile::keyFilePath(dir), test::passphrase("correct horse"));
        QVERIFY(key);
        crypto::SecretBytes hex = key->toHex();
        const QString keyHex = QString::fromLatin1(reinterpret_cast<const char *>(hex.data()), qsizetype(hex.size()));
        const QString db = Profile::databasePath(dir);

        int code = 0;
        QString out = runSqlcipher(db, QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 4096;\n"
                                                      "SELECT 'count=' || count(*) FROM messages;\n")
                                           .arg(keyHex),
                                   &code);
        QVERIFY2(out.contains(QLatin1String("count=1")), qPrintable(out));

        out = runSqlcipher(db, QStringLiteral("SELECT count(*) FROM messages;\n"), &code);
        QVERIFY2(out.contains(QLatin1String("file is encrypted or is not a database")), qPrintable(out));

        QString wrong = keyHex;
        wrong[0] = wrong[0] == u'0' ? u'1' : u'0';
        out = runSqlcipher(db, QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 4096;\n"
                                              "SELECT count(*) FROM messages;\n").arg(wrong),
                           &code);
        QVERIFY2(out.contains(QLatin1String("file is encrypted or is not a database")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestAtRest)
#include "tst_atrest.moc"
