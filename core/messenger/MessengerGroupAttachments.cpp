// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments in groups (issue 9: "groups send one encrypted copy for all"): the sealed copy
// is made once, the pointer (with the file's key) is stored and sealed once with our sender
// key like a group text, and every member pulls the chunks from us; Transfer serves a
// member of the group the file was sent to and no one else. Receiving needs nothing of its
// own: the group path hands the pointer to the attachment handler, which stores the row
// under the group's conversation with the sender as the peer to pull from.
#include "core/messenger/ContentHandlers.h"
#include "core/messenger/Messenger.h"
#include "core/storage/AttachmentFile.h"
#include "core/storage/AttachmentStore.h"

namespace sotto::messenger {

std::expected<Messenger::GroupSend, Error> Messenger::sendGroupAttachment(std::int64_t conversationId, SealedFile sealed,
                                                                          const QString &caption, const QByteArray &thumbnail)
{
    storage::AttachmentFile file(sealed.sealedPath, sealed.key, sealed.fileId, sealed.size);
    const auto fail = [&](Error e) -> std::expected<GroupSend, Error> {
        file.remove();
        return std::unexpected(std::move(e));
    };
    if (!isGroup(conversationId))
        return fail(Error{Errc::NotFound, QStringLiteral("no such group")});
    if (caption.toUtf8().size() > MaxBodyBytes)
        return fail(Error{Errc::InvalidInput, QStringLiteral("a caption has at most %1 bytes").arg(MaxBodyBytes)});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return fail(Error{Errc::Storage, QStringLiteral("cannot open a transaction")});
    storage::MessageStore &history = m_profile.messages();
    GroupSend out;
    storage::MessageRecord &record = out.message;
    record.uuid = newMessageId();
    record.conversationId = conversationId;
    record.sender = self();
    record.outgoing = true;
    record.body = caption;
    record.sentAt = handlers::nowMs();
    record.state = storage::MessageState::Queued;
    record.kind = storage::MessageKind::Attachment;
    record.expiresIn = history.timer(conversationId);
    record.expiresAt = record.expiresIn ? record.sentAt + record.expiresIn * 1000LL : 0;
    auto id = history.insert(record);
    if (!id)
        return fail(Error::from(id.error()));
    record.id = *id;

    storage::AttachmentRecord a;
    a.fileId = sealed.fileId;
    a.messageId = *id;
    a.conversationId = conversationId;
    a.peer = self(); // served to many: the group's members at the time they ask (Transfer::mayPull)
    a.outgoing = true;
    a.size = sealed.size;
    a.name = sealed.name;
    a.mime = sealed.mime;
    a.sha256 = sealed.sha256;
    a.localFile = sealed.localFile;
    a.state = storage::AttachmentState::Uploading;
    if (thumbnail.size() <= MaxThumbnailBytes) // else it goes without one
        a.thumbnail = thumbnail;
    storage::AttachmentStore attachments(m_profile.database());
    if (auto stored = attachments.insert(a, sealed.key); !stored)
        return fail(Error::from(stored.error()));
    if (!sealed.source.isEmpty())
        if (auto marked = attachments.setUnsealed(a.fileId, sealed.source); !marked)
            return fail(Error::from(marked.error()));
    QByteArray plaintext = attachmentContent(record);
    auto recipients = sealForGroup(conversationId, plaintext, *id); // checks that we are a member
    crypto::wipe(plaintext);
    if (!recipients)
        return fail(recipients.error());
    out.recipients = std::move(*recipients);
    if (!tx.commit())
        return fail(Error{Errc::Storage, QStringLiteral("cannot commit the message")});
    return out;
}

bool Messenger::mayPullGroupFile(std::int64_t conversationId, std::int64_t messageId, const protocol::PeerId &peer)
{
    auto state = groupState(conversationId);
    return state && state->isMember(peer) && peer != self() && m_profile.groups().wasSentTo(messageId, peer.toString());
}

} // namespace sotto::messenger
