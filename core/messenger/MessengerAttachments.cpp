// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment pointers: sending one (the file sealed at rest first, then the pointer stored
// and queued like a text, in one transaction) and receiving one (bounds checked, the
// message and the file's row stored inside the decrypt's transaction). Moving the chunks is
// Transfer's job.
#include "core/messenger/ContentHandlers.h"
#include "core/messenger/MessengerLog.h"
#include "core/storage/AttachmentFile.h"
#include "core/storage/AttachmentStore.h"

#include <sodium.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QScopeGuard>

namespace sotto::messenger {
namespace {

constexpr qsizetype MaxMimeBytes = 255;

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

// The pointer holds the file's key: the intermediate string is wiped, not just freed.
QByteArray serialize(const wire::Content &content)
{
    std::string s = content.SerializeAsString();
    QByteArray out(s.data(), qsizetype(s.size()));
    sodium_memzero(s.data(), s.size());
    return out;
}

} // namespace

QString localFileFor(const QByteArray &fileId) { return QString::fromLatin1(fileId.toHex()) + QStringLiteral(".sealed"); }

std::expected<Messenger::SealedFile, Error> Messenger::describeFile(const QString &path, const QString &folder)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("not a readable file: %1").arg(path)});
    if (std::uint64_t(info.size()) > MaxAttachmentBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a file has at most %1 bytes").arg(MaxAttachmentBytes)});
    SealedFile f;
    {
        const crypto::SecretBytes id = crypto::SecretBytes::random(16);
        f.fileId = QByteArray(reinterpret_cast<const char *>(id.data()), 16);
    }
    f.key = crypto::SecretBytes::random(crypto::ChunkSealer::KeySize);
    f.size = std::uint64_t(info.size());
    f.name = safeFileName(info.fileName());
    f.mime = QMimeDatabase().mimeTypeForFile(info).name().left(int(MaxMimeBytes));
    f.localFile = localFileFor(f.fileId);
    f.sealedPath = QDir(folder).filePath(f.localFile);
    return f;
}

std::expected<Messenger::SealedFile, Error> Messenger::sealFile(const QString &path, const QString &folder)
{
    auto f = describeFile(path, folder);
    if (!f)
        return f;
    storage::AttachmentFile file(f->sealedPath, f->key, f->fileId, f->size);
    auto hash = file.sealFrom(path);
    if (!hash)
        return std::unexpected(Error{Errc::InvalidInput, hash.error()});
    f->sha256 = *hash;
    return f;
}

std::expected<Messenger::AttachmentSend, Error> Messenger::sendAttachment(const protocol::PeerId &to, SealedFile sealed,
                                                                          const QString &caption, const QByteArray &thumbnail)
{
    storage::AttachmentFile file(sealed.sealedPath, sealed.key, sealed.fileId, sealed.size);
    if (auto sendable = mayMessage(to); !sendable) {
        file.remove();
        return std::unexpected(sendable.error());
    }
    if (caption.toUtf8().size() > MaxBodyBytes) {
        file.remove();
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a caption has at most %1 bytes").arg(MaxBodyBytes)});
    }
    storage::AttachmentRecord a;
    a.fileId = sealed.fileId;
    a.size = sealed.size;
    a.name = sealed.name;
    a.mime = sealed.mime;
    a.sha256 = sealed.sha256;
    a.localFile = sealed.localFile;
    if (thumbnail.size() <= MaxThumbnailBytes) // a receiver refuses a pointer with a bigger one
        a.thumbnail = thumbnail;
    a.outgoing = true;
    a.peer = to;
    a.state = storage::AttachmentState::Uploading;
    const crypto::SecretBytes &key = sealed.key;

    storage::MessageStore &history = m_profile.messages();
    protocol::StoreTransaction tx(m_profile.protocolStore());
    const auto fail = [&](Error e) -> std::expected<AttachmentSend, Error> {
        file.remove();
        return std::unexpected(std::move(e));
    };
    if (!tx.isOpen())
        return fail(Error{Errc::Storage, QStringLiteral("cannot open a transaction")});
    auto conversation = history.conversationFor(to);
    if (!conversation)
        return fail(Error::from(conversation.error()));
    if (auto accepted = consent(to); !accepted)
        return fail(accepted.error());
    storage::MessageRecord record;
    record.uuid = newMessageId();
    record.conversationId = *conversation;
    record.sender = self();
    record.outgoing = true;
    record.body = caption;
    record.sentAt = QDateTime::currentMSecsSinceEpoch();
    record.state = storage::MessageState::Queued;
    record.kind = storage::MessageKind::Attachment;
    record.expiresIn = history.timer(*conversation);
    record.expiresAt = record.expiresIn ? record.sentAt + record.expiresIn * 1000LL : 0;
    auto id = history.insert(record);
    if (!id)
        return fail(Error::from(id.error()));
    record.id = *id;
    a.messageId = *id;
    a.conversationId = *conversation;
    storage::AttachmentStore attachments(m_profile.database());
    if (auto stored = attachments.insert(a, key); !stored)
        return fail(Error::from(stored.error()));
    if (!sealed.source.isEmpty())
        if (auto marked = attachments.setUnsealed(a.fileId, sealed.source); !marked)
            return fail(Error::from(marked.error()));
    QByteArray plaintext = attachmentContent(record);
    std::expected<Envelope, Error> envelope = queue(to, plaintext, *id);
    crypto::wipe(plaintext);
    if (!envelope)
        return fail(envelope.error());
    if (!tx.commit())
        return fail(Error{Errc::Storage, QStringLiteral("cannot commit the message")});
    return AttachmentSend{*envelope, record};
}

QByteArray Messenger::attachmentContent(const storage::MessageRecord &record)
{
    storage::AttachmentStore attachments(m_profile.database());
    std::optional<storage::AttachmentRecord> a = attachments.byMessage(record.id);
    if (!a)
        return {};
    const crypto::SecretBytes key = attachments.key(a->fileId);
    wire::Content content;
    wire::Attachment *p = content.mutable_attachment();
    p->set_id(toStd(record.uuid));
    p->set_sent_at(record.sentAt);
    p->set_file_id(toStd(a->fileId));
    p->mutable_key()->assign(reinterpret_cast<const char *>(key.data()), key.size());
    p->set_size(a->size);
    p->set_sha256(toStd(a->sha256));
    p->set_mime(a->mime.toStdString());
    p->set_name(a->name.toStdString());
    if (!a->thumbnail.isEmpty())
        p->set_thumbnail(toStd(a->thumbnail));
    p->set_caption(record.body.toStdString());
    p->set_chunk_size(crypto::ChunkSealer::ChunkSize);
    p->set_expires_in(quint32(record.expiresIn));
    QByteArray bytes = serialize(content);
    p->mutable_key()->assign(key.size(), '\0'); // no copy of the key lingers
    return bytes;
}

namespace handlers {

HandlerResult attachment(Receiving &r, const wire::Content &content)
{
    const wire::Attachment &p = content.attachment();
    // The parsed pointer's own copy of the key is wiped on every way out: its caller frees
    // the Content later without wiping. (The Content is a mutable object of the caller's,
    // const only in this signature.)
    const auto wipeKey = qScopeGuard([&p] {
        std::string &parsedKey = const_cast<std::string &>(p.key());
        sodium_memzero(parsedKey.data(), parsedKey.size());
    });
    const QByteArray uuid = fromStd(p.id());
    if (uuid.size() != 16 || p.file_id().size() != 16 || p.key().size() != crypto::ChunkSealer::KeySize || p.sha256().size() != 32
        || p.size() > Messenger::MaxAttachmentBytes || p.chunk_size() != crypto::ChunkSealer::ChunkSize
        || qsizetype(p.mime().size()) > MaxMimeBytes || p.name().empty() || qsizetype(p.name().size()) > MaxFileNameBytes
        || qsizetype(p.thumbnail().size()) > Messenger::MaxThumbnailBytes || qsizetype(p.caption().size()) > Messenger::MaxBodyBytes)
        return invalid("attachment pointer out of bounds");
    // In a group, r.conversation() is the group's: the row goes there, with the sender as the
    // peer to pull from (it serves the group's members).
    auto conversation = r.conversation();
    if (!conversation)
        return storeFailed(conversation.error().reason);
    storage::MessageRecord record = incoming(r, *conversation, uuid, p.caption(), p.sent_at(), p.expires_in());
    record.kind = storage::MessageKind::Attachment;
    if (auto stored = insertIncoming(r, record); !stored || r.out.duplicate)
        return stored;

    storage::AttachmentRecord a;
    a.fileId = fromStd(p.file_id());
    a.messageId = record.id;
    a.conversationId = *conversation;
    a.peer = r.from;
    a.outgoing = false;
    a.name = safeFileName(QString::fromStdString(p.name()));
    a.mime = safeMimeType(QString::fromStdString(p.mime()));
    a.size = p.size();
    a.sha256 = fromStd(p.sha256());
    a.thumbnail = fromStd(p.thumbnail());
    // Not asked for yet: Transfer starts it (images under 25 MB at once, others on download).
    a.state = storage::AttachmentState::Paused;
    a.localFile = localFileFor(a.fileId);
    QByteArray keyBytes = fromStd(p.key());
    const crypto::SecretBytes key = crypto::SecretBytes::takeFrom(keyBytes);

    storage::AttachmentStore attachments(r.profile.database());
    if (auto stored = attachments.insert(a, key); !stored) {
        if (stored.error().code == storage::Errc::Duplicate)
            return invalid("a file id already in use"); // another message cannot take over a file
        return storeFailed(stored.error().reason);
    }
    r.out.message = std::move(record);
    return {};
}

} // namespace handlers

} // namespace sotto::messenger
