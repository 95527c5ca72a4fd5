// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Padding.h"

#include <QTest>

using namespace sotto::protocol;

class TestPadding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void padsToBlocksAndBack_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("padded");
        QTest::newRow("empty") << 0 << 160;
        QTest::newRow("one") << 1 << 160;
        QTest::newRow("159") << 159 << 160;
        QTest::newRow("160") << 160 << 320;
        QTest::newRow("319") << 319 << 320;
        QTest::newRow("1000") << 1000 << 1120;
    }
    void padsToBlocksAndBack()
    {
        QFETCH(int, length);
        QFETCH(int, padded);
        QByteArray text(length, 'a');
        if (length)
            text[length - 1] = '\0'; // trailing zeros in the message survive
        const QByteArray p = pad(text);
        QCOMPARE(p.size(), padded);
        QCOMPARE(unpad(p).value(), text);
    }
    // docs/PROTOCOL.md: when plaintext plus 0x80 already fills a block, nothing follows the
    // 0x80 (no extra block of zeros); otherwise zeros fill the last block.
    void markerAloneWhenItFillsTheBlock()
    {
        const QByteArray full(159, 'a');
        QCOMPARE(pad(full), full + '\x80');
        const QByteArray twoBlocks(319, 'b');
        QCOMPARE(pad(twoBlocks), twoBlocks + '\x80');
        const QByteArray one(160, 'c');
        QCOMPARE(pad(one), one + '\x80' + QByteArray(159, '\0'));
        QCOMPARE(pad(QByteArray()), QByteArray(1, '\x80') + QByteArray(159, '\0'));
    }
    // The receiver's bounds: at most one block of padding (0x80 and up to 159 zeros).
    void longestPaddingIsOneBlock()
    {
        QByteArray longest = QByteArray(160, 'a') + '\x80' + QByteArray(159, '\0');
        QCOMPARE(unpad(longest).value(), QByteArray(160, 'a'));
        QByteArray tooLong = QByteArray(159, 'a') + '\x80' + QByteArray(160, '\0');
        QVERIFY(!unpad(tooLong));
    }
    void malformedPaddingIsRefused()
    {
        QVERIFY(!unpad(QByteArray(159, 'a') + '\x81')); // the last non-zero byte is not 0x80
        QVERIFY(!unpad(QByteArray(100, 'a') + '\x01' + QByteArray(59, '\0')));
        QVERIFY(!unpad(QByteArray()));
        QVERIFY(!unpad(QByteArray(160, '\0')));      // no 0x80 marker
        QVERIFY(!unpad(QByteArray(159, 'a') + '\x80' + QByteArray(1, 'a')).has_value()); // not a block multiple
        QByteArray tooMuch(320, '\0');
        tooMuch[0] = char(0x80);                     // more than one block of padding
        QVERIFY(!unpad(tooMuch));
    }
};

QTEST_GUILESS_MAIN(TestPadding)
#include "tst_padding.moc"
