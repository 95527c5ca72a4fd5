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
    void malformedPaddingIsRefused()
    {
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
