// SPDX-License-Identifier: GPL-3.0-or-later
// Safety numbers byte for byte as docs/PROTOCOL.md gives them, so a second client can
// compute the same 60 digits and QR payload: recomputed here from the written rule, and
// pinned to a known answer made outside this code base.
#include "core/protocol/SafetyNumber.h"

#include <QCryptographicHash>
#include <QTest>

using namespace sotto;
using namespace sotto::protocol;

namespace {

const PeerId Ann = PeerId::fromString(QStringLiteral("00112233445566778899aabbccddeeff"));
const PeerId Bob = PeerId::fromString(QStringLiteral("ffeeddccbbaa99887766554433221100"));

// 0x05 (libsignal's key type) then 32 bytes: any 32 bytes decode as a Curve25519 key.
QByteArray key(char fill) { return QByteArrayLiteral("\x05") + QByteArray(32, fill); }

// The rule of the document: h = 0x00 0x00 || key || PeerId (32 ASCII bytes, no
// terminating zero); 5200 times h = SHA-512(h || key).
QByteArray ruleFingerprint(const QByteArray &peerIdBytes, const QByteArray &identityKey)
{
    QByteArray h = QByteArray(2, '\0') + identityKey + peerIdBytes;
    for (int i = 0; i < 5200; ++i)
        h = QCryptographicHash::hash(h + identityKey, QCryptographicHash::Sha512);
    return h;
}

// Six 5-byte big-endian chunks of the first 30 bytes, each mod 100000 as five digits.
QString thirtyDigits(const QByteArray &h)
{
    QString out;
    for (int i = 0; i < 30; i += 5) {
        quint64 chunk = 0;
        for (int j = 0; j < 5; ++j)
            chunk = (chunk << 8) | quint8(h.at(i + j));
        out += QStringLiteral("%1").arg(chunk % 100000, 5, 10, QLatin1Char('0'));
    }
    return out;
}

} // namespace

class TestSafetyNumber : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;

private Q_SLOTS:
    void digitsFollowTheWrittenRule()
    {
        auto mine = SafetyNumber::compute(ctx, Ann, key('\x01'), Bob, key('\x02'));
        auto theirs = SafetyNumber::compute(ctx, Bob, key('\x02'), Ann, key('\x01'));
        QVERIFY(mine && theirs);
        const QString a = thirtyDigits(ruleFingerprint(Ann.toString().toLatin1(), key('\x01')));
        const QString b = thirtyDigits(ruleFingerprint(Bob.toString().toLatin1(), key('\x02')));
        // The lower of the two 30-digit halves comes first, so both ends read the same.
        QCOMPARE(mine->digits, std::min(a, b) + std::max(a, b));
        QCOMPARE(theirs->digits, mine->digits);
        // Known answer, computed with Python's hashlib from the rule above.
        QCOMPARE(mine->digits, QStringLiteral("550491915999528732528597534572551483822842840853716270360502"));
    }

    // libsignal reads the identifiers as C strings: the terminating zero is not hashed.
    void terminatingZeroIsNotPartOfTheInput()
    {
        auto number = SafetyNumber::compute(ctx, Ann, key('\x01'), Bob, key('\x02'));
        QVERIFY(number);
        const QString withZero = thirtyDigits(ruleFingerprint(Ann.toString().toLatin1() + '\0', key('\x01')));
        QVERIFY(!number->digits.contains(withZero));
        QVERIFY(number->digits.contains(thirtyDigits(ruleFingerprint(Ann.toString().toLatin1(), key('\x01')))));
    }

    // CombinedFingerprints {version 1, local {content: 32 bytes}, remote {content: 32 bytes}}.
    void scannableFormIsTheCombinedFingerprints()
    {
        auto number = SafetyNumber::compute(ctx, Ann, key('\x01'), Bob, key('\x02'));
        QVERIFY(number);
        const QByteArray expected = QByteArray::fromHex("0801"
                                                        "1222"
                                                        "0a20")
            + ruleFingerprint(Ann.toString().toLatin1(), key('\x01')).left(32)
            + QByteArray::fromHex("1a22"
                                  "0a20")
            + ruleFingerprint(Bob.toString().toLatin1(), key('\x02')).left(32);
        QCOMPARE(number->scannable.toHex(), expected.toHex());
        auto theirs = SafetyNumber::compute(ctx, Bob, key('\x02'), Ann, key('\x01'));
        QVERIFY(SafetyNumber::scannedMatches(ctx, number->scannable, theirs->scannable));
        QVERIFY(!SafetyNumber::scannedMatches(ctx, number->scannable, number->scannable));
    }
};

QTEST_GUILESS_MAIN(TestSafetyNumber)
#include "tst_safetynumber.moc"
