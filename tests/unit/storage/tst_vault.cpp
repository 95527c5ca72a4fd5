// SPDX-License-Identifier: GPL-3.0-or-later
// The key file: wrong passphrases change nothing, passphrase changes are atomic, and a
// damaged or edited key file is refused.
#include "tests/support/TestProfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sotto;
using namespace sotto::storage;

namespace {

// Every file of a profile folder with its bytes and modification time.
QMap<QString, QPair<QByteArray, qint64>> snapshot(const QString &dir)
{
    QMap<QString, QPair<QByteArray, qint64>> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(path, {test::readFile(path), QFileInfo(path).lastModified().toMSecsSinceEpoch()});
    }
    return files;
}

} // namespace

class TestVault : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void wrongPassphraseIsAnErrorAndChangesNoFile()
    {
        test::TestPeer peer(ctx);
        const QString dir = peer.dir();
        QVERIFY(peer.messenger().bundle()); // some writes first
        peer.close();
        const auto before = snapshot(dir);
        QVERIFY(before.size() >= 2);
        auto opened = Profile::unlock(dir, test::passphrase("wrong horse"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Errc::WrongPassphrase);
        QCOMPARE(opened.error().reason, QStringLiteral("wrong passphrase"));
        QCOMPARE(snapshot(dir), before);
        QVERIFY(Profile::unlock(dir, test::passphrase("correct horse")));
    }

    void changedPassphraseUnlocksAndTheOldOneFails()
    {
        test::TestPeer peer(ctx);
        const QString dir = peer.dir();
        const QByteArray identity = peer.profile().identityKey();
        peer.close();
        const QByteArray dbBefore = test::readFile(Profile::databasePath(dir));
        QVERIFY(!Profile::changePassphrase(dir, test::passphrase("not it"), test::passphrase("new one")));
        QVERIFY(Profile::changePassphrase(dir, test::passphrase("correct horse"), test::passphrase("new one")));
        QCOMPARE(test::readFile(Profile::databasePath(dir)), dbBefore); // the database is not rewritten
        auto oldOne = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY(!oldOne);
        QCOMPARE(oldOne.error().code, Errc::WrongPassphrase);
        auto newOne = Profile::unlock(dir, test::passphrase("new one"));
        QVERIFY(newOne);
        QCOMPARE((*newOne)->identityKey(), identity);
        // No temporary file is left beside the key file.
        QCOMPARE(QDir(dir).entryList(QDir::Files).filter(QStringLiteral("vault")), QStringList{QStringLiteral("vault.key")});
    }

    void keyFileIsNotReadableByOthers()
    {
        test::TestPeer peer(ctx);
        const auto perms = QFileInfo(Profile::keyFilePath(peer.dir())).permissions();
        QVERIFY(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
    }

    void damagedOrEditedKeyFileIsRefused()
    {
        test::TestPeer peer(ctx);
        const QString dir = peer.dir();
        peer.close();
        const QString keyFile = Profile::keyFilePath(dir);
        const QByteArray original = test::readFile(keyFile);

        auto write = [&](const QByteArray &bytes) {
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        write("not json at all");
        QCOMPARE(Profile::unlock(dir, test::passphrase("correct horse")).error().code, Errc::CorruptKeyFile);

        // Lowering the KDF cost in the file breaks the binding and fails to open.
        QJsonObject o = QJsonDocument::fromJson(original).object();
        o.insert(QStringLiteral("ops"), o.value(QStringLiteral("ops")).toDouble() + 1);
        write(QJsonDocument(o).toJson());
        QCOMPARE(Profile::unlock(dir, test::passphrase("correct horse")).error().code, Errc::WrongPassphrase);

        write(original);
        QVERIFY(Profile::unlock(dir, test::passphrase("correct horse")));
    }

    void creatingOverAnExistingProfileIsRefused()
    {
        test::TestPeer peer(ctx);
        auto again = Profile::create(peer.dir(), QStringLiteral("x"), test::passphrase("p"), ctx,
                                     {Vault::Strength::FastForTests, {}});
        QVERIFY(!again);
        QCOMPARE(again.error().code, Errc::ProfileExists);
    }

    void missingProfileSaysSo()
    {
        QTemporaryDir tmp;
        auto opened = Profile::unlock(tmp.path(), test::passphrase("p"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Errc::NoProfile);
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
