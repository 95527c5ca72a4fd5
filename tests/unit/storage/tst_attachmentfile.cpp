// SPDX-License-Identifier: GPL-3.0-or-later
// An attachment's sealed copy saved as plaintext under the user's name: the name gets the
// file only once its hash matched; a wrong or damaged copy leaves nothing new under that name
// and does not replace what was there. And a sealed copy can be synced to disk.
#include "core/crypto/Sha256.h"
#include "core/storage/AttachmentFile.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;

class TestAttachmentFile : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    const crypto::SecretBytes key = crypto::SecretBytes::random(32);
    const QByteArray fileId = QByteArray(16, '\x07');

    // A 700 KB plaintext sealed into a copy; returns its SHA-256.
    QByteArray sealed(const QString &copy, qint64 size = 700 * 1000)
    {
        QByteArray plain(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(plain.data()), plain.size() / 4);
        const QString source = tmp.filePath(QStringLiteral("source.bin"));
        QFile f(source);
        if (!f.open(QIODevice::WriteOnly) || f.write(plain) != plain.size())
            return {};
        f.close();
        storage::AttachmentFile file(copy, key, fileId, quint64(size));
        return file.sealFrom(source).value_or(QByteArray());
    }

private Q_SLOTS:
    void savedWhenTheHashMatches()
    {
        const QString copy = tmp.filePath(QStringLiteral("a.sealed"));
        const QByteArray hash = sealed(copy);
        QVERIFY(!hash.isEmpty());
        const storage::AttachmentFile file(copy, key, fileId, 700 * 1000);
        const QString out = tmp.filePath(QStringLiteral("saved.bin"));
        QCOMPARE(file.digest(out, hash).value_or(QByteArray()), hash);
        QCOMPARE(QFileInfo(out).size(), 700 * 1000);
    }

    // The hash in the message does not match the stored bytes: the save fails, the user's
    // name holds what it held before, and no temporary is left beside it.
    void aMismatchLeavesTheNameAlone()
    {
        QDir().mkpath(tmp.filePath(QStringLiteral("mismatch")));
        const QString copy = tmp.filePath(QStringLiteral("b.sealed"));
        QVERIFY(!sealed(copy).isEmpty());
        const QString out = tmp.filePath(QStringLiteral("mismatch/photo.jpg"));
        QFile before(out);
        QVERIFY(before.open(QIODevice::WriteOnly));
        before.write("the user's own file");
        before.close();
        const storage::AttachmentFile file(copy, key, fileId, 700 * 1000);
        QVERIFY(!file.digest(out, QByteArray(32, 'x')).has_value());
        QFile after(out);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), QByteArray("the user's own file"));
        QCOMPARE(QDir(tmp.filePath(QStringLiteral("mismatch"))).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("photo.jpg")});
    }

    // A damaged copy (a chunk that does not open) leaves no partial file under the name.
    void aDamagedCopyLeavesNoPartialFile()
    {
        QDir().mkpath(tmp.filePath(QStringLiteral("damaged")));
        const QString copy = tmp.filePath(QStringLiteral("c.sealed"));
        const QByteArray hash = sealed(copy);
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(600 * 1000));
        f.write("\xff");
        f.close();
        const QString out = tmp.filePath(QStringLiteral("damaged/report.pdf"));
        const storage::AttachmentFile file(copy, key, fileId, 700 * 1000);
        QVERIFY(!file.digest(out, hash).has_value());
        QVERIFY(QDir(tmp.filePath(QStringLiteral("damaged"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void writtenChunksSync()
    {
        const QString copy = tmp.filePath(QStringLiteral("d.sealed"));
        const QString received = tmp.filePath(QStringLiteral("d-received.sealed"));
        QVERIFY(!sealed(copy).isEmpty());
        const storage::AttachmentFile from(copy, key, fileId, 700 * 1000);
        storage::AttachmentFile to(received, key, fileId, 700 * 1000);
        QVERIFY(to.writeChunk(0, from.readChunk(0)).has_value());
        QVERIFY(to.sync());
        QCOMPARE(to.chunksOnDisk(), quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestAttachmentFile)
#include "tst_attachmentfile.moc"
