// SPDX-License-Identifier: GPL-3.0-or-later
// whenReady(future, context, f): f(result) on context's thread once a future that another
// thread finishes is ready; never if it was canceled or context is gone by then.
//
// Why not QFuture::then(context, f): in Qt 6.4 (Debian 12), then() attached while another
// thread finishes the future can run its continuation twice. setContinuation() runs it at
// once when it sees the future finished and then stores it back; the finishing thread's
// runContinuation(), a moment later, finds it stored and runs it again, now with its
// promise moved out. The second run crashed tst_history once
// (QFutureInterfaceBase::reportStarted on a null d, SIGSEGV at 0xbc). A QFutureWatcher
// checks the state and connects under the future's own mutex, so it reports finished
// exactly once, through context's event loop.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThread>

#include <type_traits>
#include <utility>

namespace sotto::messenger {

template <typename T, typename F> void whenReady(const QFuture<T> &future, QObject *context, F &&f)
{
    // Called on context's thread (the watcher is its child and reports there).
    Q_ASSERT(context->thread() == QThread::currentThread());
    // A child of context, so context's end takes the call with it (as then(context) did).
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, f = std::forward<F>(f)]() mutable {
        watcher->deleteLater();
        if (watcher->isCanceled())
            return; // the core thread stopped before it ran the work: nothing to report
        if constexpr (std::is_void_v<T>) {
            f();
        } else {
            if (watcher->future().resultCount() == 0)
                return;
            f(watcher->result());
        }
    });
    watcher->setFuture(future);
}

} // namespace sotto::messenger
