// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/CoreThread.h"

#include "core/messenger/MessengerLog.h"
#include "core/messenger/Queries.h"

namespace sotto::messenger {

CoreThread::CoreThread(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    qRegisterMetaType<protocol::PeerId>();
    qRegisterMetaType<storage::MessageRecord>();
    qRegisterMetaType<storage::MessageState>();
    qRegisterMetaType<NearbyPeer>();
    qRegisterMetaType<storage::AttachmentRecord>();
    m_thread->setObjectName(QStringLiteral("sotto-core"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    // The signal context checks that it is used only on the thread that made it.
    QMetaObject::invokeMethod(m_worker, [this] { m_state = std::make_unique<CoreState>(); }, Qt::BlockingQueuedConnection);
}

CoreThread::~CoreThread()
{
    QMetaObject::invokeMethod(m_worker, [this] {
        m_state.reset(); // node (sockets), profile (database, key) and context, on their thread
        delete m_worker;
        m_worker = nullptr;
    }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

CoreCall<std::expected<OpenedProfile, storage::Error>> CoreThread::open(OpenRequest request)
{
    auto shared = std::make_shared<OpenRequest>(std::move(request));
    return run([this, shared](CoreState &state) -> std::expected<OpenedProfile, storage::Error> {
        OpenRequest &r = *shared;
        if (state.isOpen()) {
            r.passphrase.clear();
            return OpenedProfile{state.profile->peerId(), state.profile->displayName(), state.node->listenPort(), state.node->visibleToContactsOnly()};
        }
        std::expected<std::unique_ptr<storage::Profile>, storage::Error> profile;
        if (!r.displayName.isEmpty()) {
            storage::ProfileOptions options;
            options.kdf = r.fastKdfForTests ? storage::Vault::Strength::FastForTests : storage::Vault::Strength::Moderate;
            profile = storage::Profile::create(r.directory, r.displayName, r.passphrase, state.context, options);
        } else {
            profile = storage::Profile::unlock(r.directory, r.passphrase);
        }
        r.passphrase.clear();
        if (!profile)
            return std::unexpected(profile.error());
        state.profile = std::move(*profile);
        state.node = std::make_unique<Node>(state.context, *state.profile, r.node);
        forward(state.node.get());
        auto port = state.node->start();
        if (!port) {
            state.node.reset();
            state.profile.reset();
            return std::unexpected(storage::Error{storage::Errc::Io, port.error().reason});
        }
        qCInfo(lcMessenger) << "profile open; listening on port" << *port;
        return OpenedProfile{state.profile->peerId(), state.profile->displayName(), *port, state.node->visibleToContactsOnly()};
    });
}

CoreCall<void> CoreThread::close()
{
    return run([](CoreState &state) {
        state.node.reset();
        state.profile.reset();
    });
}

void CoreThread::forward(Node *node)
{
    // Emitted on the core thread; receivers on other threads get them queued.
    connect(node, &Node::peerOnline, this, &CoreThread::peerOnline, Qt::DirectConnection);
    connect(node, &Node::peerOffline, this, &CoreThread::peerOffline, Qt::DirectConnection);
    connect(node, &Node::peerDiscovered, this, &CoreThread::peerDiscovered, Qt::DirectConnection);
    connect(node, &Node::messageReceived, this, &CoreThread::messageReceived, Qt::DirectConnection);
    connect(node, &Node::messageStateChanged, this, &CoreThread::messageStateChanged, Qt::DirectConnection);
    connect(node, &Node::messageUpdated, this, &CoreThread::messageUpdated, Qt::DirectConnection);
    connect(node, &Node::typingChanged, this, &CoreThread::typingChanged, Qt::DirectConnection);
    // The member's name is read here, on the core thread, for the header ("Ann is typing…").
    connect(
        node, &Node::groupTypingChanged, this,
        [this, node](std::int64_t conversation, const protocol::PeerId &member, bool typing) {
            Q_EMIT groupTypingChanged(conversation, member, Queries(*node).nameOf(member), typing);
        },
        Qt::DirectConnection);
    connect(node, &Node::messageRemoved, this, &CoreThread::messageRemoved, Qt::DirectConnection);
    connect(node, &Node::conversationUpdated, this, &CoreThread::conversationUpdated, Qt::DirectConnection);
    connect(node, &Node::groupUpdated, this, &CoreThread::groupUpdated, Qt::DirectConnection);
    connect(node, &Node::namesakeFound, this, &CoreThread::namesakeFound, Qt::DirectConnection);
    connect(node, &Node::contactMerged, this, &CoreThread::contactMerged, Qt::DirectConnection);
    connect(node, &Node::sessionReset, this, &CoreThread::sessionReset, Qt::DirectConnection);
    connect(node, &Node::messageRequest, this, &CoreThread::messageRequest, Qt::DirectConnection);
    connect(node, &Node::contactChanged, this, &CoreThread::contactChanged, Qt::DirectConnection);
    connect(node, &Node::errorOccurred, this, &CoreThread::errorOccurred, Qt::DirectConnection);
    connect(node, &Node::transferProgress, this, &CoreThread::transferProgress, Qt::DirectConnection);
}

} // namespace sotto::messenger
