// SPDX-License-Identifier: GPL-3.0-or-later
// The key file: wrong passphrases change nothing, passphrase changes are atomic, and a
// damaged or edited key file is refused. The profile's files are the owner's only, and a
// database emptied to 0 bytes is refused, not refilled.
#include "tests/support/TestProfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>

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

// The permission bits of a file or folder, or -1 if it does not exist.
int modeOf(const QString &path)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// The files a profile has while it is open: the WAL and the lock exist only then. The WAL's
// index stays in the process's memory (the database is opened for this process alone), so
// no -shm file holds database pages beside them.
QStringList openProfileFiles(const QString &dir)
{
    const QString db = Profile::databasePath(dir);
    return {Profile::keyFilePath(dir), db, db + QLatin1String("-wal"), ProfileLock::path(dir)};
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

    // The usual umask (022) would leave the database and its WAL readable by
    // every user of the machine. Set here so the test fails on code that relies on the
    // umask of whoever runs it.
    void profileFilesAreOwnerOnly()
    {
        const mode_t oldMask = ::umask(022);
        test::TestPeer peer(ctx);
        ::umask(oldMask);
        QVERIFY(peer.messenger().bundle()); // a write: the WAL exists
        QCOMPARE(modeOf(peer.dir()), 0700);
        const QStringList files = openProfileFiles(peer.dir());
        for (const QString &file : files)
            QVERIFY2(modeOf(file) == 0600, qPrintable(QStringLiteral("%1 has mode %2").arg(file).arg(modeOf(file), 0, 8)));
        QVERIFY(!QFile::exists(Profile::databasePath(peer.dir()) + QLatin1String("-shm")));
        QCOMPARE(QDir(peer.dir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), files.size());
    }

    // A profile made by an older Sotto (or copied with cp) may be readable by others:
    // unlocking makes it owner-only again, WAL included.
    void unlockMakesAnOlderProfileOwnerOnly()
    {
        const mode_t oldMask = ::umask(022);
        test::TestPeer peer(ctx);
        const QString dir = peer.dir();
        peer.close();
        QVERIFY(QFile::setPermissions(dir,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
        for (const QString &file : {Profile::keyFilePath(dir), Profile::databasePath(dir)})
            QVERIFY(QFile::setPermissions(
                file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        ::umask(oldMask);
        QVERIFY(opened);
        QVERIFY((*opened)->setDisplayName(QStringLiteral("renamed"))); // a write: the WAL exists
        QCOMPARE(modeOf(dir), 0700);
        for (const QString &file : openProfileFiles(dir))
            QVERIFY2(modeOf(file) == 0600, qPrintable(QStringLiteral("%1 has mode %2").arg(file).arg(modeOf(file), 0, 8)));
    }

    // SQLite takes a 0-byte file for an empty database: unlocking would write a fresh
    // schema (and a new identity would follow). It must be refused like a missing one.
    void emptyDatabaseIsRefusedAndStaysEmpty()
    {
        test::TestPeer peer(ctx);
        const QString dir = peer.dir();
        peer.close();
        const QString db = Profile::databasePath(dir);
        QVERIFY(QFile::resize(db, 0));
        auto opened = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Errc::NoProfile);
        QVERIFY2(opened.error().reason.contains(QLatin1String("empty")), qPrintable(opened.error().reason));
        QCOMPARE(QFileInfo(db).size(), 0);
        QVERIFY(!QFile::exists(db + QLatin1String("-wal")));
        QVERIFY(!QFile::exists(db + QLatin1String("-shm")));
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

    // Two openers of one profile would seal with the same chain keys and send one outbox
    // twice. The second is refused before the KDF runs and changes no file; once the first
    // closed, it opens.
    void aProfileOpenHereCannotBeOpenedTwice()
    {
        test::TestPeer peer(ctx);
        const QString dir = peer.dir();
        QVERIFY(QFile::exists(ProfileLock::path(dir)));
        const auto before = snapshot(dir);
        auto second = Profile::unlock(dir, test::passphrase("correct horse"));
        QVERIFY(!second);
        QCOMPARE(second.error().code, Errc::InUse);
        QVERIFY2(second.error().reason.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(second.error().reason));
        QCOMPARE(snapshot(dir), before);
        peer.close();
        QVERIFY(!QFile::exists(ProfileLock::path(dir))); // released with the profile
        QVERIFY(Profile::unlock(dir, test::passphrase("correct horse")));
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
