// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment chunks: a chunk opens only at its own index, in its own file, under its key,
// with its own "last" mark, and not at all once one bit of it changed.
#include "core/crypto/ChunkSealer.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <sodium.h>

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

    // The format is libsodium's crypto_aead_xchacha20poly1305_ietf (sealed through OpenSSL's
    // ChaCha20-Poly1305 under an HChaCha20 subkey): what one seals the other opens, both
    // ways, at the sizes around Poly1305's 16-byte blocks and ChaCha20's 64-byte ones, and a
    // whole chunk. A chunk sealed by an older Sotto (libsodium alone) still opens.
    void sameFormatAsLibsodium()
    {
        const SecretBytes key = SecretBytes::random(32);
        const QByteArray fileId = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        const ChunkSealer sealer(key, fileId);
        for (const std::uint32_t size : {0u, 1u, 15u, 16u, 17u, 63u, 64u, 65u, 1000u, ChunkSealer::ChunkSize - 1, ChunkSealer::ChunkSize}) {
            QByteArray plain(qsizetype(size), Qt::Uninitialized);
            randombytes_buf(plain.data(), size);
            const std::uint64_t index = QRandomGenerator::global()->generate64() >> 20;
            const bool last = size % 2;
            QByteArray ad("sotto-chunk-v1");
            ad.append(fileId);
            char be[8];
            qToBigEndian(index, be);
            ad.append(be, 8);
            ad.append(char(last));
            const auto *adBytes = reinterpret_cast<const unsigned char *>(ad.constData());

            const QByteArray ours = sealer.seal(index, last, plain);
            QCOMPARE(ours.size(), qsizetype(size + ChunkSealer::Overhead));
            QByteArray opened(qsizetype(size), Qt::Uninitialized);
            unsigned long long n = 0;
            const auto *o = reinterpret_cast<const unsigned char *>(ours.constData());
            QCOMPARE(crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(opened.data()), &n, nullptr, o + 24, size + 16,
                                                                adBytes, std::size_t(ad.size()), o, key.data()),
                     0);
            QCOMPARE(opened, plain);

            QByteArray theirs(qsizetype(size + ChunkSealer::Overhead), Qt::Uninitialized);
            auto *t = reinterpret_cast<unsigned char *>(theirs.data());
            randombytes_buf(t, 24);
            crypto_aead_xchacha20poly1305_ietf_encrypt(t + 24, &n, reinterpret_cast<const unsigned char *>(plain.constData()), size, adBytes,
                                                       std::size_t(ad.size()), nullptr, t, key.data());
            QCOMPARE(sealer.open(index, last, theirs).value_or(QByteArray("none")), plain);
            QVERIFY(!sealer.open(index, !last, theirs));
        }
    }

    // A refused chunk leaves nothing of its plaintext in the caller's buffer (the bytes are
    // decrypted before the tag is checked).
    void aRefusedChunkLeavesNoPlaintext()
    {
        const SecretBytes key = SecretBytes::random(32);
        const ChunkSealer sealer(key, QByteArray(16, '\x05'));
        const QByteArray plain(4096, 'p');
        QByteArray sealed = sealer.seal(1, false, plain);
        sealed[sealed.size() - 1] = char(sealed[sealed.size() - 1] ^ 0x01); // the tag
        QByteArray out(plain.size(), 'x');
        QVERIFY(!sealer.openInto(1, false, sealed.constData(), std::size_t(sealed.size()), out.data()));
        QCOMPARE(out, QByteArray(plain.size(), '\0'));
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
