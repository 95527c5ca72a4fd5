// SPDX-License-Identifier: GPL-3.0-or-later
// FreshChunks: the chunks just sealed, held for the uploads that follow the sealing. Only
// chunks on disk may leave it (a reader that missed one must find it there); the sealing
// waits for a reader that still needs the oldest, but not for one that stalls or left.
#include "core/messenger/FreshChunks.h"

#include <QElapsedTimer>
#include <QTest>

#include <future>

using sotto::messenger::FreshChunks;
using namespace std::chrono_literals;

namespace {

QByteArray chunk(std::uint64_t i) { return QByteArray(1000, char('a' + i)); }

void addUpTo(FreshChunks &fresh, std::uint64_t n)
{
    for (std::uint64_t i = 0; i < n; ++i)
        fresh.add(i, chunk(i));
}

} // namespace

// A floor rate the schedule never falls behind in a test: readers are always waited for.
constexpr double NoFloor = 1.0;

class TestFreshChunks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void takesWhatWasAdded()
    {
        FreshChunks fresh(8, 0ms, NoFloor);
        addUpTo(fresh, 4);
        QCOMPARE(fresh.sealed(), 4u);
        QCOMPARE(fresh.take(2), chunk(2));
        QCOMPARE(fresh.take(0), chunk(0));
        QVERIFY(fresh.take(4).isEmpty());
    }

    void onlyChunksOnDiskLeave()
    {
        FreshChunks fresh(2, 0ms, NoFloor); // nobody is coming: only what is not on disk stays
        const std::atomic<bool> cancelled{false};
        addUpTo(fresh, 6);
        fresh.makeRoom(0, cancelled);
        QCOMPARE(fresh.held(), 6u); // none is on disk: a reader could find it nowhere else
        fresh.makeRoom(3, cancelled);
        QCOMPARE(fresh.held(), 3u);
        QVERIFY(fresh.take(2).isEmpty());
        QCOMPARE(fresh.take(3), chunk(3));
        // A reader past chunks not on disk yet does not drop them either.
        fresh.at(this, 5);
        QCOMPARE(fresh.held(), 3u);
        fresh.makeRoom(5, cancelled);
        QCOMPARE(fresh.held(), 1u);
        QCOMPARE(fresh.take(5), chunk(5));
    }

    void theSealingWaitsForAReaderThatMoves()
    {
        FreshChunks fresh(2, 10s, NoFloor);
        const std::atomic<bool> cancelled{false};
        addUpTo(fresh, 4);
        fresh.at(this, 0);
        auto room = std::async(std::launch::async, [&] { fresh.makeRoom(4, cancelled); });
        QCOMPARE(room.wait_for(200ms), std::future_status::timeout); // the reader needs chunk 0
        QCOMPARE(fresh.take(0), chunk(0));
        fresh.at(this, 1);
        QCOMPARE(room.wait_for(200ms), std::future_status::timeout); // and then chunk 1
        QCOMPARE(fresh.held(), 3u);
        fresh.at(this, 2);
        QCOMPARE(room.wait_for(5s), std::future_status::ready);
        QCOMPARE(fresh.held(), 2u);
        QCOMPARE(fresh.take(2), chunk(2));
    }

    void theFirstReaderIsWaitedForALittle()
    {
        // The sealing starts before the peer asks: the first reader starts from chunk 0.
        FreshChunks fresh(2, 300ms, NoFloor);
        const std::atomic<bool> cancelled{false};
        addUpTo(fresh, 4);
        QElapsedTimer t;
        t.start();
        fresh.makeRoom(4, cancelled);
        QVERIFY2(t.elapsed() >= 250, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(fresh.held(), 0u); // nobody came: what is on disk is not held
        fresh.add(4, chunk(4));
        t.restart();
        fresh.makeRoom(5, cancelled); // and not waited for again
        QVERIFY2(t.elapsed() < 250, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(fresh.held(), 0u);
    }

    void aStalledReaderHoldsTheSealingNoLongerThanTheFloorRateAllows()
    {
        FreshChunks fresh(2, 10s, 4000.0); // 4 chunks of 1,000 bytes: one second
        const std::atomic<bool> cancelled{false};
        addUpTo(fresh, 4);
        fresh.at(this, 0);
        QElapsedTimer t;
        t.start();
        fresh.makeRoom(4, cancelled);
        QVERIFY2(t.elapsed() >= 700 && t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(fresh.held(), 2u);
        QVERIFY(fresh.take(0).isEmpty()); // the reader reads it from the copy
    }

    void aLongStallIsWaitedForTwoSecondsAtMost()
    {
        // Far ahead of the floor's schedule (a reader kept up): a stall still costs at most
        // MaxCredit, not all the time saved.
        FreshChunks fresh(2, 10s, NoFloor);
        const std::atomic<bool> cancelled{false};
        addUpTo(fresh, 4);
        fresh.at(this, 0);
        QElapsedTimer t;
        t.start();
        fresh.makeRoom(4, cancelled);
        QVERIFY2(t.elapsed() >= 1500 && t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(fresh.held(), 2u);
    }

    void aWholeCopyHoldsOnlyWhatReadersStillNeed()
    {
        FreshChunks fresh(8, 10s, NoFloor);
        addUpTo(fresh, 4); // the last batch is never reported on disk by the sealing
        fresh.at(this, 2);
        QCOMPARE(fresh.held(), 4u);
        fresh.allOnDisk();
        QCOMPARE(fresh.held(), 2u);
        QCOMPARE(fresh.take(3), chunk(3));
        fresh.forget(this);
        fresh.allOnDisk();
        QCOMPARE(fresh.held(), 0u);
    }

    void aReaderFarBehindIsNotWaitedFor()
    {
        FreshChunks fresh(2, 10s, NoFloor);
        const std::atomic<bool> cancelled{false};
        addUpTo(fresh, 10);
        fresh.at(this, 8);
        fresh.makeRoom(10, cancelled);
        QCOMPARE(fresh.held(), 2u); // those it is past, on disk, went
        fresh.at(this, 0); // it started over: it reads from disk
        for (std::uint64_t i = 10; i < 14; ++i)
            fresh.add(i, chunk(i));
        QElapsedTimer t;
        t.start();
        fresh.makeRoom(14, cancelled);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(fresh.held(), 2u);
        QCOMPARE(fresh.take(13), chunk(13));
    }

    void aCancelledSealingOrAReaderThatLeftIsNotWaitedFor()
    {
        FreshChunks fresh(2, 10s, NoFloor);
        std::atomic<bool> cancelled{false};
        addUpTo(fresh, 4);
        int reader = 0;
        fresh.at(&reader, 0);
        auto room = std::async(std::launch::async, [&] { fresh.makeRoom(4, cancelled); });
        QCOMPARE(room.wait_for(100ms), std::future_status::timeout);
        fresh.forget(&reader);
        QCOMPARE(room.wait_for(5s), std::future_status::ready);
        QCOMPARE(fresh.held(), 0u);

        FreshChunks other(2, 10s, NoFloor);
        addUpTo(other, 4);
        cancelled = true;
        QElapsedTimer t;
        t.start();
        other.makeRoom(4, cancelled);
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(other.held(), 2u);
    }
};

QTEST_GUILESS_MAIN(TestFreshChunks)
#include "tst_freshchunks.moc"
