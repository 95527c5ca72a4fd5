// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment chunks: a chunk opens only at its own index, in its own file, under its key,
// with its own "last" mark, and not at all once one bit of it changed.
#include "core/crypto/ChunkSealer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sotto::crypto;

class TestChunkSealer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const SecretBytes key = SecretBytes::random(32);
        const QByteArray fileId = QByteArray(16, '\x01');
        ChunkSealer sealer(key, fileId);
        QVERIFY(sealer.isValid());
        const QByteArray plain = QByteArray("marker-in-a-chunk").repeated(1000);
        const QByteArray sealed = sealer.seal(3, false, plain);
        QCOMPARE(sealed.size(), plain.size() + qsizetype(ChunkSealer::Overhead));
        QVERIFY(!sealed.contains("marker-in-a-chunk"));
        QCOMPARE(sealer.open(3, false, sealed).value_or(QByteArray()), plain);
        QCOMPARE(sealer.open(3, false, sealer.seal(3, false, {})).value_or(QByteArray("x")), QByteArray());
    }

    void flippedBitIsRefused()
    {
        const SecretBytes key = SecretBytes::random(32);
        ChunkSealer sealer(key, QByteArray(16, '\x02'));
        const QByteArray sealed = sealer.seal(0, true, QByteArray(ChunkSealer::ChunkSize, 'a'));
        for (int trial = 0; trial < 64; ++trial) {
            QByteArray bad = sealed;
            const int byte = int(QRandomGenerator::global()->bounded(bad.size()));
            bad[byte] = char(bad[byte] ^ (1 << QRandomGenerator::global()->bounded(8)));
            QVERIFY2(!sealer.open(0, true, bad), qPrintable(QStringLiteral("byte %1").arg(byte)));
        }
    }

    void placeIsBound()
    {
        const SecretBytes key = SecretBytes::random(32), other = SecretBytes::random(32);
        ChunkSealer sealer(key, QByteArray(16, '\x03'));
        const QByteArray sealed = sealer.seal(5, false, "bytes");
        QVERIFY(!sealer.open(6, false, sealed));                               // reordered
        QVERIFY(!sealer.open(5, true, sealed));                                // truncation: a middle chunk as the last
        QVERIFY(!ChunkSealer(key, QByteArray(16, '\x04')).open(5, false, sealed)); // swapped between files
        QVERIFY(!ChunkSealer(other, QByteArray(16, '\x03')).open(5, false, sealed));
        QVERIFY(!sealer.open(5, false, sealed.left(20)));                      // shorter than the overhead
        QVERIFY(!ChunkSealer(SecretBytes::random(16), QByteArray(16, 0)).isValid());
    }

    void chunkArithmetic()
    {
        QCOMPARE(ChunkSealer::chunkCount(0), std::uint64_t(1));
        QCOMPARE(ChunkSealer::chunkCount(1), std::uint64_t(1));
        QCOMPARE(ChunkSealer::chunkCount(ChunkSealer::ChunkSize), std::uint64_t(1));
        QCOMPARE(ChunkSealer::chunkCount(ChunkSealer::ChunkSize + 1), std::uint64_t(2));
        QCOMPARE(ChunkSealer::plainLength(ChunkSealer::ChunkSize + 1, 1), std::uint32_t(1));
        QCOMPARE(ChunkSealer::plainLength(10, 0), std::uint32_t(10));
        QCOMPARE(ChunkSealer::plainLength(10, 1), std::uint32_t(0));
    }
};

QTEST_APPLESS_MAIN(TestChunkSealer)
#include "tst_chunksealer.moc"
