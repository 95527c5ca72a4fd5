// SPDX-License-Identifier: GPL-3.0-or-later
// The table from Content kind to handler, the helpers the handlers share, and the
// forward-compatibility rule for kinds this version does not know.
#include "core/messenger/ContentHandlers.h"

#include "core/messenger/MessengerLog.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>
#include <array>

namespace sotto::messenger {

std::expected<std::int64_t, storage::Error> Receiving::conversation()
{
    if (groupConversation)
        return groupConversation;
    return history().conversationFor(from);
}

namespace handlers {

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
QByteArray fromStd(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

HandlerResult invalid(const char *why)
{
    return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QString::fromLatin1(why)});
}

HandlerResult storeFailed(const QString &why) { return std::unexpected(protocol::Error{protocol::Errc::StoreFailed, why}); }

storage::MessageRecord incoming(const Receiving &r, std::int64_t conversationId, const QByteArray &uuid, const std::string &body,
                                std::int64_t sentAt, quint32 expiresIn)
{
    storage::MessageRecord record;
    record.uuid = uuid;
    record.conversationId = conversationId;
    record.sender = r.from;
    record.outgoing = false;
    record.body = QString::fromStdString(body);
    record.sentAt = clamped(sentAt); // a peer's clock, or a forgery: never beyond a few minutes ahead
    record.receivedAt = nowMs();
    record.state = storage::MessageState::Received;
    record.expiresIn = int(std::min<quint32>(expiresIn, Messenger::MaxTimerSeconds));
    return record;
}

HandlerResult insertIncoming(Receiving &r, storage::MessageRecord &record)
{
    auto id = r.history().insert(record);
    if (!id && id.error().code == storage::Errc::Duplicate) {
        r.out.duplicate = true; // resent after a lost acknowledgement: keep one copy
        return {};
    }
    if (!id)
        return storeFailed(id.error().reason);
    record.id = *id;
    return {};
}

std::int64_t clamped(std::int64_t at) { return std::clamp<std::int64_t>(at, 0, nowMs() + FutureMarginMs); }

std::int64_t afterQuoted(std::int64_t sentAt, const std::optional<storage::MessageRecord> &quoted)
{
    if (!quoted || quoted->sentAt < sentAt)
        return sentAt;
    // The bound is checked before the + 1: a stored time came from the wire and may be
    // INT64_MAX, and a signed overflow is undefined (and would sort the reply first).
    if (quoted->sentAt >= nowMs() + FutureMarginMs)
        return sentAt;
    return quoted->sentAt + 1;
}

std::optional<storage::MessageRecord> targetOf(Receiving &r, const std::string &uuid)
{
    if (uuid.size() != 16)
        return std::nullopt;
    std::optional<storage::MessageRecord> m = r.history().messageByUuid(fromStd(uuid));
    auto conversation = r.conversation();
    if (!m || !conversation || m->conversationId != *conversation)
        return std::nullopt;
    return m;
}

} // namespace handlers

ContentHandler handlerFor(wire::Content::BodyCase kind)
{
    using C = wire::Content;
    switch (kind) {
    case C::kText: return handlers::text;
    case C::kReceipt: return handlers::receipt;
    case C::kEdit: return handlers::edit;
    case C::kDelete: return handlers::deletion;
    case C::kReaction: return handlers::reaction;
    case C::kTimer: return handlers::timer;
    case C::kTyping: return handlers::typing;
    case C::kGroupUpdate: return handlers::groupUpdate;
    case C::kSenderKey: return handlers::senderKey;
    case C::kAttachment: return handlers::attachment;
    case C::BODY_NOT_SET: return nullptr;
    }
    return nullptr;
}

// Forward compatibility (docs/PROTOCOL.md): a Content whose only body is a field this
// version does not know. Numbers 64 and up are ephemeral: ignored. Below, durable: kept as
// an "unsupported" message, once, by the id in the unknown kind's field 1 (a 16-byte id and
// field 2 the send time, the rule every durable kind follows), or by a hash of its bytes.
HandlerResult receiveUnknown(Receiving &r)
{
    using handlers::fromStd;
    wire::Content content;
    content.ParseFromArray(r.plaintext.constData(), int(r.plaintext.size()));
    const google::protobuf::UnknownFieldSet &unknown = content.GetReflection()->GetUnknownFields(content);
    const google::protobuf::UnknownField *durable = nullptr;
    bool ephemeral = false;
    for (int i = 0; i < unknown.field_count(); ++i) {
        const google::protobuf::UnknownField &f = unknown.field(i);
        if (f.number() >= 64)
            ephemeral = true;
        else if (f.number() >= 3 && f.type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED && !durable)
            durable = &f;
    }
    if (!durable) {
        if (!ephemeral)
            return handlers::invalid("empty content");
        r.out.kind = Incoming::Kind::Ignored;
        return {};
    }
    QByteArray uuid;
    std::int64_t sentAt = handlers::nowMs();
    google::protobuf::UnknownFieldSet inner;
    if (inner.ParseFromString(durable->length_delimited())) {
        for (int i = 0; i < inner.field_count(); ++i) {
            const google::protobuf::UnknownField &f = inner.field(i);
            if (f.number() == 1 && f.type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED && f.length_delimited().size() == 16)
                uuid = fromStd(f.length_delimited());
            else if (f.number() == 2 && f.type() == google::protobuf::UnknownField::TYPE_VARINT)
                sentAt = std::int64_t(f.varint());
        }
    }
    if (uuid.isEmpty())
        uuid = QCryptographicHash::hash(QByteArray::fromStdString(durable->length_delimited()), QCryptographicHash::Sha256).left(16);
    auto conversation = r.conversation();
    if (!conversation)
        return handlers::storeFailed(conversation.error().reason);
    storage::MessageRecord record;
    record.uuid = uuid;
    record.conversationId = *conversation;
    record.sender = r.from;
    record.sentAt = handlers::clamped(sentAt);
    record.receivedAt = handlers::nowMs();
    record.state = storage::MessageState::Received;
    record.kind = storage::MessageKind::Unsupported;
    auto id = r.history().insert(record);
    if (!id && id.error().code == storage::Errc::Duplicate) {
        r.out.duplicate = true;
        return {};
    }
    if (!id)
        return handlers::storeFailed(id.error().reason);
    record.id = *id;
    qCInfo(lcMessenger) << "kept a message of a kind this version does not know (field" << durable->number() << ")";
    r.out.message = std::move(record);
    return {};
}

} // namespace sotto::messenger
