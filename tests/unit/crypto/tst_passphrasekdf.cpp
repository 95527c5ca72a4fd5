// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/PassphraseKdf.h"

#include <QTest>

using namespace sotto::crypto;

class TestPassphraseKdf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministicPerSaltAndPassphrase()
    {
        const KdfParams p = KdfParams::interactiveWithFreshSalt();
        const SecretBytes pass("passphrase", 10), other("passphrasf", 10);
        auto a = deriveKey(pass, p), b = deriveKey(pass, p), c = deriveKey(other, p);
        QVERIFY(a && b && c);
        QCOMPARE(a->size(), std::size_t(32));
        QVERIFY(a->equals(*b));
        QVERIFY(!a->equals(*c));
        KdfParams salted = KdfParams::interactiveWithFreshSalt();
        QVERIFY(salted.salt != p.salt);
        QVERIFY(!deriveKey(pass, salted)->equals(*a));
    }

    void implausibleParametersAreRefused()
    {
        KdfParams p = KdfParams::interactiveWithFreshSalt();
        p.memLimit = std::uint64_t(64) << 30; // a tampered key file asking for 64 GiB
        QVERIFY(!p.plausible());
        QVERIFY(!deriveKey(SecretBytes("x", 1), p));
        p = KdfParams::interactiveWithFreshSalt();
        p.salt.chop(1);
        QVERIFY(!deriveKey(SecretBytes("x", 1), p));
    }

    void moderateIsStrongerThanInteractive()
    {
        const KdfParams m = KdfParams::moderateWithFreshSalt(), i = KdfParams::interactiveWithFreshSalt();
        QVERIFY(m.plausible());
        QVERIFY(m.memLimit > i.memLimit);
    }

    void secretBytesZeroAndHex()
    {
        SecretBytes s("\x01\xab", 2);
        SecretBytes hex = s.toHex();
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(hex.data()), qsizetype(hex.size())), QByteArray("01ab"));
        QByteArray source("secret");
        SecretBytes taken = SecretBytes::takeFrom(source);
        QVERIFY(source.isEmpty());
        QCOMPARE(taken.size(), std::size_t(6));
        SecretBytes moved = std::move(taken);
        QVERIFY(taken.empty());
        QCOMPARE(moved.size(), std::size_t(6));
    }
};

QTEST_GUILESS_MAIN(TestPassphraseKdf)
#include "tst_passphrasekdf.moc"
