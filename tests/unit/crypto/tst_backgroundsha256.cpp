// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundSha256: ranges hashed on its thread, in the order added, give the digest of
// their concatenation; waitFor returns only once a range is hashed (its bytes may then be
// reused); an empty stream has the empty digest.
#include "core/crypto/BackgroundSha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace sotto;

class TestBackgroundSha256 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rangesAreHashedInOrder()
    {
        QByteArray all(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(all.data()), all.size() / 4);
        crypto::BackgroundSha256 hash;
        std::uint64_t last = 0;
        for (qsizetype at = 0, step = 1; at < all.size(); at += step, step = step * 3 + 1)
            last = hash.add(all.constData() + at, std::size_t(std::min(step, all.size() - at)));
        QVERIFY(last > 10);
        QCOMPARE(hash.result(), QCryptographicHash::hash(all, QCryptographicHash::Sha256));
    }

    // One buffer reused: each range is overwritten only after waitFor said it was hashed.
    void aWaitedRangeCanBeReused()
    {
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        QCryptographicHash expected(QCryptographicHash::Sha256);
        crypto::BackgroundSha256 hash;
        for (int i = 0; i < 40; ++i) {
            buffer.fill(char(i));
            expected.addData(buffer);
            hash.waitFor(hash.add(buffer.constData(), std::size_t(buffer.size())));
        }
        QCOMPARE(hash.result(), expected.result());
    }

    void nothingAddedIsTheEmptyDigest()
    {
        crypto::BackgroundSha256 hash;
        hash.waitFor(0);
        QCOMPARE(hash.result(), QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSha256)
#include "tst_backgroundsha256.moc"
