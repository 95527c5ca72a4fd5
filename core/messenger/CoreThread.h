// SPDX-License-Identifier: GPL-3.0-or-later
// CoreThread is the one named thread that owns libsignal's context, the open profile (and
// with it the SQLCipher writer) and the node's sockets. Callers on other threads (the GUI)
// hand it work with run(); `.then(context, f)` on what it returns brings the result back on
// context's thread (through WhenReady.h, not QFuture::then: see there). Node events are re-emitted as
// this object's signals, so GUI-thread receivers get them queued. It does not know about
// QML or models (ui/ does).
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/crypto/SignalContext.h"
#include "core/messenger/Node.h"
#include "core/messenger/WhenReady.h"

#include <QFuture>
#include <QPromise>
#include <QThread>

#include <memory>
#include <type_traits>

namespace sotto::messenger {

// Everything the core thread owns. Only ever touched on that thread.
struct CoreState {
    crypto::SignalContext context;
    std::unique_ptr<storage::Profile> profile;
    std::unique_ptr<Node> node;

    bool isOpen() const { return node != nullptr; }
};

// What CoreThread::run gives back: the work's future, and then(), which is whenReady().
template <typename R> class CoreCall {
public:
    explicit CoreCall(QFuture<R> future)
        : m_future(std::move(future))
    {
    }
    // f(result) on context's thread once the core thread has run the work; not at all if
    // it never ran it (a lock closed the core) or context is gone.
    template <typename F> void then(QObject *context, F &&f) const { whenReady(m_future, context, std::forward<F>(f)); }
    // For callers that block on it (tests): the future finishes on the core thread.
    QFuture<R> future() const { return m_future; }

private:
    QFuture<R> m_future;
};

struct OpenRequest {
    QString directory;
    QString displayName;            // non-empty: create a new profile with this name
    crypto::SecretBytes passphrase; // wiped once the profile is open (or failed to open)
    bool fastKdfForTests = false;
    NodeOptions node;
};

struct OpenedProfile {
    protocol::PeerId peer;
    QString displayName;
    quint16 port = 0;
    bool visibleToContactsOnly = false; // "Visible to: only my contacts"
};

class CoreThread : public QObject {
    Q_OBJECT
public:
    explicit CoreThread(QObject *parent = nullptr);
    ~CoreThread() override; // closes the profile on the core thread, then joins it

    // Runs `f(CoreState &)` on the core thread; what it returns carries its result.
    template <typename F> auto run(F &&f) -> CoreCall<std::invoke_result_t<F, CoreState &>>
    {
        using R = std::invoke_result_t<F, CoreState &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        auto task = std::make_shared<std::decay_t<F>>(std::forward<F>(f));
        QMetaObject::invokeMethod(m_worker, [this, promise, task] {
            Q_ASSERT(QThread::currentThread() == m_thread);
            if constexpr (std::is_void_v<R>) {
                (*task)(*m_state);
            } else {
                promise->addResult((*task)(*m_state));
            }
            promise->finish();
        }, Qt::QueuedConnection);
        return CoreCall<R>(std::move(future));
    }

    // Creates or unlocks the profile and starts its node (Argon2id runs here, not on the
    // caller's thread).
    // Storage errors keep their code (WrongPassphrase, NewerSchema...); a node that cannot
    // listen is reported as Errc::Io.
    CoreCall<std::expected<OpenedProfile, storage::Error>> open(OpenRequest request);
    // Stops the node and closes the profile: the database key leaves memory.
    CoreCall<void> close();

    QThread *thread() const { return m_thread; }

Q_SIGNALS:
    void peerOnline(const sotto::protocol::PeerId &peer, const QString &displayName);
    void peerOffline(const sotto::protocol::PeerId &peer);
    void peerDiscovered(const sotto::messenger::NearbyPeer &peer);
    void messageReceived(const sotto::storage::MessageRecord &message);
    void messageStateChanged(const QByteArray &uuid, sotto::storage::MessageState state);
    void messageUpdated(const sotto::storage::MessageRecord &message);
    void typingChanged(const sotto::protocol::PeerId &peer, bool typing);
    void groupTypingChanged(qint64 conversationId, const sotto::protocol::PeerId &member, const QString &name, bool typing);
    void messageRemoved(const sotto::storage::MessageRecord &message);
    void conversationUpdated(qint64 conversationId);
    void groupUpdated(qint64 conversationId);
    void namesakeFound(const sotto::protocol::PeerId &peer, const sotto::protocol::PeerId &previous);
    void sessionReset(const sotto::protocol::PeerId &peer);
    void contactMerged(const sotto::protocol::PeerId &previous, const sotto::protocol::PeerId &into, qint64 conversationId,
                       qint64 previousConversation);
    void messageRequest(const sotto::protocol::PeerId &peer, qint64 conversationId);
    void contactChanged(const sotto::protocol::PeerId &peer);
    void errorOccurred(const QString &code, const QString &reason);
    void transferProgress(const sotto::storage::AttachmentRecord &attachment, quint64 bytesDone);

private:
    void forward(Node *node);

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives on m_thread: the target of queued work
    std::unique_ptr<CoreState> m_state;
};

} // namespace sotto::messenger
