// SPDX-License-Identifier: GPL-3.0-or-later
// CoreThread::run(...).then(context, f) and whenReady: f runs once, on context's thread,
// after the call that attached it returns; never for work that did not run or a context
// that is gone. (QFuture::then(context) in Qt 6.4 could run twice when attached while the
// core thread finished: WhenReady.h.)
#include "core/messenger/CoreThread.h"
#include "core/messenger/WhenReady.h"

#include <QPromise>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace sotto::messenger;

class TestCoreCall : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Many calls whose work finishes on the core thread while then() is being attached on
    // this one: every result arrives exactly once, in order, on this thread.
    void everyResultArrivesOnceOnTheCallersThread()
    {
        CoreThread core;
        QObject context;
        constexpr int Calls = 5000;
        std::vector<int> got;
        bool elsewhere = false;
        for (int i = 0; i < Calls; ++i)
            core.run([i](CoreState &) { return i; }).then(&context, [&, i](int value) {
                elsewhere = elsewhere || QThread::currentThread() != context.thread();
                got.push_back(value == i ? value : -1);
            });
        QTRY_COMPARE_WITH_TIMEOUT(int(got.size()), Calls, 30000);
        QTest::qWait(50); // nothing more comes
        QCOMPARE(int(got.size()), Calls);
        QVERIFY(!elsewhere);
        for (int i = 0; i < Calls; ++i)
            QCOMPARE(got[std::size_t(i)], i);
    }

    void voidWorkReportsItsEnd()
    {
        CoreThread core;
        QObject context;
        bool ran = false, told = false;
        core.run([&ran](CoreState &) { ran = true; }).then(&context, [&] { told = ran; });
        QTRY_VERIFY(told);
    }

    // Already finished when attached: still through the event loop, not inside the call
    // (code after it, like a "fetching" flag, is set before the answer is handled).
    void aReadyFutureAnswersAfterTheCallReturns()
    {
        QPromise<int> promise;
        promise.start();
        promise.addResult(7);
        promise.finish();
        QObject context;
        int got = 0;
        whenReady(promise.future(), &context, [&got](int v) { got = v; });
        QCOMPARE(got, 0);
        QTRY_COMPARE(got, 7);
    }

    void aGoneContextIsNotCalled()
    {
        CoreThread core;
        std::atomic<bool> release = false;
        bool called = false;
        auto context = std::make_unique<QObject>();
        core.run([&release](CoreState &) {
                while (!release)
                    QThread::msleep(1);
                return 1;
            })
            .then(context.get(), [&called](int) { called = true; });
        context.reset();
        release = true;
        // The core thread has finished it once a later call is answered.
        QObject other;
        bool later = false;
        core.run([](CoreState &) {}).then(&other, [&later] { later = true; });
        QTRY_VERIFY(later);
        QTest::qWait(20);
        QVERIFY(!called);
    }

    // Work dropped unrun (its promise destroyed unfinished, as when the core thread ends
    // first) is canceled: no call, with or without a result type.
    void canceledWorkIsNotReported()
    {
        QObject context;
        bool called = false;
        {
            QPromise<int> dropped;
            dropped.start();
            whenReady(dropped.future(), &context, [&called](int) { called = true; });
            QPromise<void> droppedVoid;
            droppedVoid.start();
            whenReady(droppedVoid.future(), &context, [&called] { called = true; });
        }
        bool later = false;
        whenReady(QtConcurrent::run([] { return 1; }), &context, [&later](int) { later = true; });
        QTRY_VERIFY(later);
        QTest::qWait(20);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCoreCall)
#include "tst_corecall.moc"
