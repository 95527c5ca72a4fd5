// SPDX-License-Identifier: GPL-3.0-or-later
// An attachment's sealed copy saved as plaintext under the user's name: the name gets the
// file only once its hash matched; a wrong or damaged copy leaves nothing new under that name
// and does not replace what was there. And a sealed copy can be synced to disk.
#include "core/crypto/Sha256.h"
#include "core/storage/AttachmentFile.h"
#include "core/storage/SourceFile.h"
#include "core/crypto/ChunkSealer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

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
        // Flip one byte's bits: writing a fixed value would leave the copy whole whenever the
        // random ciphertext already held it there (1 run in 256; CI met it once).
        QVERIFY(f.seek(600 * 1000));
        char byte = 0;
        QVERIFY(f.getChar(&byte));
        QVERIFY(f.seek(600 * 1000));
        QVERIFY(f.putChar(char(~byte)));
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

    // Every size around the chunk, block and 4 MiB boundaries gives the same format (the sealed length, each chunk
    // opening in its place) and the plaintext's hash.
    void sealedInBatchesKeepsTheFormat_data()
    {
        QTest::addColumn<qint64>("size");
        const qint64 chunk = crypto::ChunkSealer::ChunkSize;
        const qint64 batch = 16 * chunk;
        for (const qint64 size : {qint64(0), qint64(1), qint64(4095), chunk - 1, chunk, chunk + 1, batch - 1, batch, batch + 1, 2 * batch + 12345})
            QTest::addRow("%lld", size) << size;
    }
    void sealedInBatchesKeepsTheFormat()
    {
        QFETCH(qint64, size);
        const QString copy = tmp.filePath(QStringLiteral("batch-%1.sealed").arg(size));
        QByteArray plain(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(plain.data()), plain.size() / 4);
        const QString source = tmp.filePath(QStringLiteral("batch-source.bin"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(plain), size);
        }
        storage::AttachmentFile file(copy, key, fileId, quint64(size));
        const auto hash = file.sealFrom(source);
        QVERIFY2(hash, hash ? "" : qPrintable(hash.error())); // (the message is evaluated either way)
        crypto::Sha256 expected;
        expected.addData(plain);
        QCOMPARE(*hash, expected.result());
        const quint64 chunks = file.chunkCount();
        QCOMPARE(quint64(QFileInfo(copy).size()), quint64(size) + chunks * crypto::ChunkSealer::Overhead);
        QCOMPARE(QFileInfo(copy).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        const crypto::ChunkSealer sealer(key, fileId);
        QByteArray opened;
        for (quint64 i = 0; i < chunks; ++i) {
            const std::optional<QByteArray> chunk = sealer.open(i, i + 1 == chunks, file.readChunk(i));
            QVERIFY(chunk);
            opened += *chunk;
        }
        QCOMPARE(opened, plain);
        QCOMPARE(file.digest().value_or(QByteArray()), *hash);
    }

    // A file that is not as long as it was said to be is refused and leaves no copy.
    void aChangedSourceIsRefused()
    {
        const QString source = tmp.filePath(QStringLiteral("changed.bin"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QByteArray(3 * crypto::ChunkSealer::ChunkSize, 'x'));
        }
        for (const quint64 said : {quint64(2 * crypto::ChunkSealer::ChunkSize), quint64(40 * crypto::ChunkSealer::ChunkSize)}) {
            const QString copy = tmp.filePath(QStringLiteral("changed-%1.sealed").arg(said));
            storage::AttachmentFile file(copy, key, fileId, said);
            QVERIFY(!file.sealFrom(source));
            QVERIFY(!QFile::exists(copy));
        }
    }

    // Received chunks written direct, the copy dropped half way (a restart) and resumed at a
    // chunk boundary that is no block boundary: the copy is the sender's, byte for byte.
    void aResumedCopyIsWhole()
    {
        const qint64 size = 9 * crypto::ChunkSealer::ChunkSize + 777;
        const QString copy = tmp.filePath(QStringLiteral("e.sealed"));
        const QString received = tmp.filePath(QStringLiteral("e-received.sealed"));
        const QByteArray hash = sealed(copy, size);
        QVERIFY(!hash.isEmpty());
        const storage::AttachmentFile from(copy, key, fileId, quint64(size));
        {
            storage::AttachmentFile to(received, key, fileId, quint64(size));
            for (quint64 i = 0; i < 4; ++i)
                QVERIFY(to.writeChunk(i, from.readChunk(i)).has_value());
        }
        storage::AttachmentFile to(received, key, fileId, quint64(size));
        QCOMPARE(to.chunksOnDisk(), quint64(4));
        crypto::Sha256 ignored;
        for (quint64 i = 4; i < to.chunkCount(); ++i)
            QVERIFY(to.writeChunk(i, from.readChunk(i), &ignored).has_value());
        QVERIFY(!to.writeChunk(0, QByteArray(int(to.sealedLength(0)), 'x')).has_value()); // fails to open: not written
        QVERIFY(to.sync());
        QCOMPARE(to.chunksOnDisk(), to.chunkCount());
        QFile a(copy), b(received);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
        QCOMPARE(to.digest().value_or(QByteArray()), hash);
    }

    // The sender's way (issue 9): the file hashed first (SourceFile, for the pointer), then
    // sealed from the same open file without a second hash, telling as it goes how many
    // chunks are in the copy. Every chunk it names can be read and opened at that moment
    // (an upload serves them while the rest is sealed), the last chunk is never named (the
    // caller checks the source first), and the finished copy is whole.
    void aCopyBeingSealedServesTheChunksItNames()
    {
        const qint64 size = 3 * 16 * crypto::ChunkSealer::ChunkSize + 5000; // four batches
        QByteArray plain(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(plain.data()), plain.size() / 4);
        const QString source = tmp.filePath(QStringLiteral("growing-source.bin"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(plain), size);
        }
        auto in = storage::SourceFile::open(source);
        QVERIFY2(in, in ? "" : qPrintable(in.error())); // (the message is evaluated either way)
        QCOMPARE(in->size(), quint64(size));
        crypto::Sha256 hashing;
        hashing.addData(plain);
        const QByteArray expected = hashing.result();
        QCOMPARE(in->sha256().value_or(QByteArray()), expected);

        const QString copy = tmp.filePath(QStringLiteral("growing.sealed"));
        storage::AttachmentFile file(copy, key, fileId, quint64(size));
        const storage::AttachmentFile reader(copy, key, fileId, quint64(size));
        const crypto::ChunkSealer sealer(key, fileId);
        std::vector<quint64> counts;
        bool allOpened = true;
        const auto result = file.sealFrom(*in, false, [&](std::uint64_t chunks) {
            counts.push_back(chunks);
            if (chunks && !sealer.open(chunks - 1, false, reader.readChunk(chunks - 1)))
                allOpened = false;
            return true;
        });
        QVERIFY2(result, result ? "" : qPrintable(result.error())); // (the message is evaluated either way)
        QVERIFY(result->isEmpty()); // no hash asked for
        QVERIFY(allOpened);
        QVERIFY(counts.size() >= 4);
        QVERIFY(std::is_sorted(counts.begin(), counts.end()));
        QVERIFY(counts.back() > 0); // some before the end
        QVERIFY(counts.back() < file.chunkCount()); // never the last: its caller opens it up
        const auto digest = file.digest();
        QVERIFY2(digest, digest ? "" : qPrintable(digest.error())); // (the message is evaluated either way)
        QCOMPARE(*digest, expected);
        QVERIFY(in->unchanged());
    }

    // Cancelled from its progress callback, a sealing stops and leaves no copy; a source
    // written to after it was opened is seen as changed.
    void aCancelledSealingLeavesNoCopyAndAWriteIsSeen()
    {
        const qint64 size = 40 * crypto::ChunkSealer::ChunkSize;
        const QString source = tmp.filePath(QStringLiteral("cancel-source.bin"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(QByteArray(size, 'c')), size);
        }
        auto in = storage::SourceFile::open(source);
        QVERIFY(in);
        const QString copy = tmp.filePath(QStringLiteral("cancelled.sealed"));
        storage::AttachmentFile file(copy, key, fileId, quint64(size));
        int calls = 0;
        const auto result = file.sealFrom(*in, false, [&](std::uint64_t) { return ++calls < 2; });
        QVERIFY(!result);
        QCOMPARE(result.error(), QStringLiteral("cancelled"));
        QCOMPARE(calls, 2);
        QVERIFY(!QFile::exists(copy));
        QVERIFY(in->unchanged());
        QTest::qWait(20); // a later modification time than the open's
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(1000);
            QCOMPARE(f.write("d", 1), 1);
        }
        QVERIFY(!in->unchanged());
        // The size is still the same, so only the stamp tells; a shorter file is refused outright.
        QVERIFY(QFile::resize(source, size - 1));
        QVERIFY(!in->sha256());
    }

    // A pasted image's temporary is removed once its pointer is out, while its copy is still
    // being sealed from the open file: that is no change. A FIFO (or anything not a regular
    // file) at a stored path is refused at once, not waited on.
    void anUnlinkedSourceIsUnchangedAndAFifoIsRefused()
    {
        const QString source = tmp.filePath(QStringLiteral("pasted.png"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(QByteArray(5000, 'i')), 5000);
        }
        auto in = storage::SourceFile::open(source);
        QVERIFY(in);
        QTest::qWait(20);
        QVERIFY(QFile::remove(source));
        QVERIFY(in->unchanged());
        QVERIFY(in->sha256());
        const QString fifo = tmp.filePath(QStringLiteral("a.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto refused = storage::SourceFile::open(fifo);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), QStringLiteral("not a regular file"));
    }

    // A write that fails for want of space is told from any other failure: the download
    // waits for space in the first case only (Transfer::pauseUnwritten).
    void aFullDiskIsToldFromOtherWriteFailures()
    {
        const qint64 size = 6 * crypto::ChunkSealer::ChunkSize;
        const QString copy = tmp.filePath(QStringLiteral("f.sealed"));
        QVERIFY(!sealed(copy, size).isEmpty());
        const storage::AttachmentFile from(copy, key, fileId, quint64(size));

        // Another failure: the folder is not there.
        storage::AttachmentFile nowhere(tmp.filePath(QStringLiteral("no-such-folder/f.sealed")), key, fileId, quint64(size));
        QVERIFY(!nowhere.writeChunk(0, from.readChunk(0)).has_value());
        QVERIFY(!nowhere.outOfSpace());

        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        const QString small = tmp.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(small));
        if (QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                         QStringLiteral("size=1m"), QStringLiteral("tmpfs"), small})
            != 0)
            QSKIP("no tmpfs can be mounted here (a container without CAP_SYS_ADMIN?)");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), small}); });
        // 1.5 MB of chunks into 1 MB: a write fails, or at the latest the sync.
        storage::AttachmentFile full(small + QStringLiteral("/f.sealed"), key, fileId, quint64(size));
        bool failed = false;
        for (quint64 i = 0; i < full.chunkCount() && !failed; ++i)
            failed = !full.writeChunk(i, from.readChunk(i)).has_value();
        if (!failed)
            failed = !full.sync();
        QVERIFY(failed);
        QVERIFY(full.outOfSpace());
    }
};

QTEST_GUILESS_MAIN(TestAttachmentFile)
#include "tst_attachmentfile.moc"
