// SPDX-License-Identifier: GPL-3.0-or-later
// Node's attachments: sending a file (Messenger's rules, then the pointer leaves at once)
// and the Transfer joined to the links and to the change events (a received image starts
// downloading; a deleted or expired message takes its file along; a transfer that ended
// shows as an updated message).
#include "core/messenger/Node.h"
#include "core/messenger/Transfer.h"

namespace sotto::messenger {

void Node::startTransfers()
{
    m_transfer = std::make_unique<Transfer>(m_profile, *m_links, this);
    Transfer *t = m_transfer.get();
    connect(m_links.get(), &net::LinkManager::peerUp, t, [t](net::Link *link) { t->peerUp(link->peer()); });
    connect(m_links.get(), &net::LinkManager::peerDown, t, &Transfer::peerDown);
    connect(m_links.get(), &net::LinkManager::framesReceived, t, &Transfer::framesReceived);
    connect(m_links.get(), &net::LinkManager::sliceReceived, t, &Transfer::sliceReceived);
    connect(this, &Node::messageReceived, t, &Transfer::messageReceived);
    connect(this, &Node::messageUpdated, t, [t](const storage::MessageRecord &m) {
        if (m.deleted && m.kind == storage::MessageKind::Attachment)
            t->sweep();
    });
    connect(this, &Node::messageRemoved, t, [t](const storage::MessageRecord &m) {
        if (m.kind == storage::MessageKind::Attachment)
            t->sweep();
    });
    // A message request deleted takes its messages, and so their files, along.
    connect(this, &Node::contactChanged, t, [t] { t->sweep(); });
    // A file sent to a group is served to the members it was sent to who are members still.
    t->setMembership([this](std::int64_t conversationId, std::int64_t messageId, const protocol::PeerId &peer) {
        return m_messenger.mayPullGroupFile(conversationId, messageId, peer);
    });
    connect(t, &Transfer::progress, this, &Node::transferProgress);
    connect(t, &Transfer::ended, this, [this](std::int64_t messageId) {
        if (std::optional<storage::MessageRecord> m = m_profile.messages().message(messageId))
            Q_EMIT messageUpdated(*m);
    });
}

void Node::sendFile(const protocol::PeerId &to, const QString &path, const QString &caption, FileSent done,
                    const QByteArray &thumbnail)
{
    if (auto sendable = m_messenger.mayWriteTo(to); !sendable || !m_transfer) {
        done(std::unexpected(sendable ? Error{Errc::Internal, QStringLiteral("not started")} : sendable.error()));
        return;
    }
    m_transfer->seal(path, [this, to, caption, thumbnail, done = std::move(done)](std::expected<Messenger::SealedFile, Error> sealed) {
        if (!sealed) {
            done(std::unexpected(sealed.error()));
            return;
        }
        const bool wasAccepted = m_messenger.isAccepted(to);
        auto sent = m_messenger.sendAttachment(to, std::move(*sealed), caption, thumbnail);
        if (!sent) {
            done(std::unexpected(sent.error()));
            return;
        }
        if (!wasAccepted)
            giveBeaconKey(to);
        flush(to);
        done(sent->message);
    });
}

void Node::sendGroupFile(std::int64_t conversationId, const QString &path, const QString &caption, FileSent done,
                         const QByteArray &thumbnail)
{
    if (!m_transfer || !m_messenger.isGroup(conversationId)) {
        done(std::unexpected(Error{m_transfer ? Errc::NotFound : Errc::Internal, m_transfer ? QStringLiteral("no such group") : QStringLiteral("not started")}));
        return;
    }
    m_transfer->seal(path, [this, conversationId, caption, thumbnail, done = std::move(done)](std::expected<Messenger::SealedFile, Error> sealed) {
        if (!sealed) {
            done(std::unexpected(sealed.error()));
            return;
        }
        auto sent = m_messenger.sendGroupAttachment(conversationId, std::move(*sealed), caption, thumbnail);
        if (!sent) {
            done(std::unexpected(sent.error()));
            return;
        }
        for (const protocol::PeerId &member : sent->recipients)
            flush(member);
        done(sent->message);
    });
}

} // namespace sotto::messenger
