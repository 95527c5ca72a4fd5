// SPDX-License-Identifier: GPL-3.0-or-later
// Redial timing (issue 14.12): waits double from 0.5 s to a 30 s cap, every wait is drawn
// ±50 % so nodes that lost the same peer do not redial in step, and first dials are spread.
#include "core/net/RedialBackoff.h"

#include <QTest>

#include <climits>
#include <set>

using namespace sotto::net;

class TestRedialBackoff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nominalWaitsDoubleToTheCap()
    {
        const int expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int failures = 0; failures < 8; ++failures)
            QCOMPARE(RedialBackoff::nominalMs(failures), expected[failures]);
        QCOMPARE(RedialBackoff::nominalMs(INT_MAX), RedialBackoff::CapMs); // no overflow
        QCOMPARE(RedialBackoff::nominalMs(-3), RedialBackoff::FirstMs);
    }

    void eachWaitIsDrawnWithinHalfOfItsNominalValue()
    {
        for (int failures = 0; failures < 10; ++failures) {
            const int nominal = RedialBackoff::nominalMs(failures);
            QCOMPARE(RedialBackoff::delayMs(failures, 0.0), nominal / 2);
            QVERIFY(RedialBackoff::delayMs(failures, 0.999999) < nominal * 3 / 2);
            QVERIFY(RedialBackoff::delayMs(failures, 0.999999) > nominal * 3 / 2 - 2);
            QCOMPARE(RedialBackoff::delayMs(failures, 0.5), nominal);
        }
    }

    // Forty nodes losing one peer: their first redials must not share a moment. Drawn from
    // the real generator, the waits cover most of [250, 750) ms.
    void drawnWaitsAreSpreadOut()
    {
        std::set<int> seen;
        int lowest = INT_MAX, highest = 0;
        for (int i = 0; i < 1000; ++i) {
            const int d = RedialBackoff::delayMs(0);
            QVERIFY(d >= 250 && d < 750);
            seen.insert(d / 10);
            lowest = std::min(lowest, d);
            highest = std::max(highest, d);
        }
        QVERIFY(lowest < 300);
        QVERIFY(highest > 700);
        QVERIFY(seen.size() > 40); // of 50 buckets of 10 ms
        for (int i = 0; i < 1000; ++i) {
            const int s = RedialBackoff::spreadMs(RedialBackoff::StartSpreadMs);
            QVERIFY(s >= 0 && s < RedialBackoff::StartSpreadMs);
        }
        QCOMPARE(RedialBackoff::spreadMs(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedialBackoff)
#include "tst_redialbackoff.moc"
