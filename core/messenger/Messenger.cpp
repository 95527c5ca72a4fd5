// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/Messenger.h"

#include "core/messenger/Content.pb.h"
#include "core/messenger/MessengerLog.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace sotto::messenger {
namespace {

using protocol::PeerId;
using storage::MessageState;

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// 16 bytes laid out like a UUIDv7: 48 bits of milliseconds, then random bits. Ids made
// later sort later, so the unique index on message ids grows at its right edge instead of
// touching a random page for every message.
QByteArray newMessageId()
{
    QByteArray id(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(id.data()), 4);
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        id[i] = char((ms >> (40 - 8 * i)) & 0xff);
    id[6] = char(0x70 | (id[6] & 0x0f)); // version 7
    id[8] = char(0x80 | (id[8] & 0x3f)); // RFC 4122 variant
    return id;
}

QByteArray serialize(const wire::Content &content)
{
    const std::string s = content.SerializeAsString();
    return QByteArray(s.data(), qsizetype(s.size()));
}

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }
QByteArray fromStd(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

Error storageFailed(const char *what) { return {Errc::Storage, QString::fromLatin1(what)}; }

} // namespace

Messenger::Messenger(crypto::SignalContext &context, storage::Profile &profile)
    : m_context(context)
    , m_profile(profile)
    , m_sessions(context, profile.protocolStore())
{
}

std::expected<QByteArray, Error> Messenger::bundle()
{
    auto b = m_sessions.ownBundle();
    if (!b)
        return std::unexpected(Error::from(b.error()));
    return b->serialize();
}

std::expected<PeerId, Error> Messenger::addContact(const QByteArray &bytes, const QString &displayName)
{
    auto parsed = protocol::PreKeyBundle::parse(bytes);
    if (!parsed)
        return std::unexpected(Error::from(parsed.error()));
    if (parsed->peer == self())
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("that is our own bundle")});
    if (auto started = m_sessions.startSession(*parsed); !started)
        return std::unexpected(Error::from(started.error()));
    if (!displayName.isEmpty() && !m_profile.protocolStore().setContactName(parsed->peer, displayName.left(64)))
        return std::unexpected(storageFailed("cannot name the contact"));
    return parsed->peer;
}

std::expected<Envelope, Error> Messenger::seal(const PeerId &to, const QByteArray &content, std::int64_t messageId)
{
    auto sealed = m_sessions.encrypt(to, content);
    if (!sealed)
        return std::unexpected(Error::from(sealed.error()));
    Envelope envelope{self(), to, *sealed, 0};
    auto queued = m_profile.outbox().enqueue({0, to, messageId, int(sealed->kind), sealed->bytes, nowMs(), 0});
    if (!queued)
        return std::unexpected(Error::from(queued.error()));
    envelope.outboxId = *queued;
    return envelope;
}

std::expected<Envelope, Error> Messenger::sendText(const PeerId &to, const QString &body)
{
    const QByteArray utf8 = body.toUtf8();
    if (utf8.isEmpty() || utf8.size() > MaxBodyBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a message must have 1 to %1 bytes").arg(MaxBodyBytes)});
    if (!m_profile.protocolStore().identity(to))
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown contact")});

    storage::MessageStore &history = m_profile.messages();
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    auto conversation = history.conversationFor(to);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));

    storage::MessageRecord record;
    record.uuid = newMessageId();
    record.conversationId = *conversation;
    record.sender = self();
    record.outgoing = true;
    record.body = body;
    record.sentAt = nowMs();
    record.state = MessageState::Queued;
    auto id = history.insert(record);
    if (!id)
        return std::unexpected(Error::from(id.error()));

    wire::Content content;
    wire::TextMessage *text = content.mutable_text();
    text->set_id(toStd(record.uuid));
    text->set_sent_at(record.sentAt);
    text->set_body(toStd(utf8));
    QByteArray plaintext = serialize(content);
    auto envelope = seal(to, plaintext, *id);
    crypto::wipe(plaintext);
    if (!envelope)
        return envelope;
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the message"));
    return envelope;
}

std::expected<Incoming, Error> Messenger::receive(const PeerId &from, const protocol::CipherMessage &message)
{
    Incoming out;
    storage::MessageStore &history = m_profile.messages();
    // Runs inside the decrypt's transaction: the message is stored with the ratchet step
    // that revealed it, or neither is.
    auto sink = [&](const QByteArray &plaintext) -> std::expected<void, protocol::Error> {
        wire::Content content;
        if (!content.ParseFromArray(plaintext.constData(), int(plaintext.size())))
            return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("content does not parse")});
        if (content.has_text()) {
            const wire::TextMessage &text = content.text();
            const QByteArray uuid = fromStd(text.id());
            if (uuid.size() != 16 || text.body().empty() || qsizetype(text.body().size()) > MaxBodyBytes)
                return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("text out of bounds")});
            auto conversation = history.conversationFor(from);
            if (!conversation)
                return std::unexpected(protocol::Error{protocol::Errc::StoreFailed, conversation.error().reason});
            storage::MessageRecord record;
            record.uuid = uuid;
            record.conversationId = *conversation;
            record.sender = from;
            record.outgoing = false;
            record.body = QString::fromStdString(text.body());
            record.sentAt = text.sent_at();
            record.receivedAt = nowMs();
            record.state = MessageState::Received;
            auto id = history.insert(record);
            if (!id && id.error().code == storage::Errc::Duplicate) {
                out.duplicate = true; // resent after a lost acknowledgement: keep one copy
                return {};
            }
            if (!id)
                return std::unexpected(protocol::Error{protocol::Errc::StoreFailed, id.error().reason});
            record.id = *id;
            out.message = std::move(record);
            return {};
        }
        if (content.has_receipt()) {
            out.kind = Incoming::Kind::Receipt;
            const wire::Receipt &receipt = content.receipt();
            if (receipt.ids_size() > MaxReceiptIds)
                return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("receipt too long")});
            std::vector<QByteArray> ids;
            for (const std::string &id : receipt.ids())
                ids.push_back(fromStd(id));
            if (auto r = applyReceipt(from, receipt.kind(), ids, out); !r)
                return std::unexpected(protocol::Error{protocol::Errc::StoreFailed, r.error().reason});
            return {};
        }
        return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("empty content")});
    };
    auto decrypted = m_sessions.decrypt(from, message, sink);
    if (!decrypted) {
        qCInfo(lcMessenger) << "dropped a message from" << from.toString() << ":" << decrypted.error().reason;
        return std::unexpected(Error::from(decrypted.error()));
    }
    return out;
}

std::expected<void, Error> Messenger::applyReceipt(const PeerId &from, int kind, const std::vector<QByteArray> &ids, Incoming &out)
{
    const MessageState state = kind == wire::Receipt::READ ? MessageState::Read : MessageState::Delivered;
    out.receiptState = state;
    auto conversation = m_profile.messages().conversationFor(from);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));
    for (const QByteArray &id : ids) {
        // A peer may only acknowledge messages we sent to it.
        std::optional<storage::MessageRecord> record = m_profile.messages().messageByUuid(id);
        if (!record || !record->outgoing || record->conversationId != *conversation)
            continue;
        auto moved = m_profile.messages().advanceState(id, state);
        if (!moved)
            return std::unexpected(Error::from(moved.error()));
        if (*moved)
            out.acknowledged.push_back(id);
    }
    return {};
}

std::expected<std::optional<Envelope>, Error> Messenger::markRead(std::int64_t conversationId)
{
    std::optional<storage::ConversationRecord> conversation = m_profile.messages().conversation(conversationId);
    if (!conversation)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("no such conversation")});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    auto ids = m_profile.messages().markRead(conversationId);
    if (!ids)
        return std::unexpected(Error::from(ids.error()));
    std::optional<Envelope> receipt;
    if (!ids->empty() && m_sessions.hasSession(conversation->peer)) {
        wire::Content content;
        wire::Receipt *r = content.mutable_receipt();
        r->set_kind(wire::Receipt::READ);
        for (std::size_t i = 0; i < ids->size() && i < std::size_t(MaxReceiptIds); ++i)
            r->add_ids(toStd((*ids)[i]));
        auto sealed = seal(conversation->peer, serialize(content), 0);
        if (!sealed)
            return std::unexpected(sealed.error());
        receipt = *sealed;
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit read state"));
    return receipt;
}

std::expected<Envelope, Error> Messenger::deliveryReceipt(const PeerId &to, const std::vector<QByteArray> &ids)
{
    wire::Content content;
    wire::Receipt *r = content.mutable_receipt();
    r->set_kind(wire::Receipt::DELIVERED);
    for (std::size_t i = 0; i < ids.size() && i < std::size_t(MaxReceiptIds); ++i)
        r->add_ids(toStd(ids[i]));
    protocol::StoreTransaction tx(m_profile.protocolStore());
    auto sealed = seal(to, serialize(content), 0);
    if (!sealed)
        return sealed;
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the receipt"));
    return sealed;
}

std::expected<protocol::SafetyNumber, Error> Messenger::safetyNumber(const PeerId &peer)
{
    std::optional<protocol::IdentityRecord> record = m_profile.protocolStore().identity(peer);
    if (!record)
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown contact")});
    auto number = protocol::SafetyNumber::compute(m_context, self(), m_profile.identityKey(), peer, record->identityKey);
    if (!number)
        return std::unexpected(Error::from(number.error()));
    return *number;
}

std::expected<void, Error> Messenger::acceptIdentityChange(const PeerId &peer)
{
    if (auto r = m_sessions.acceptIdentityChange(peer); !r)
        return std::unexpected(Error::from(r.error()));
    return {};
}

std::expected<void, Error> Messenger::setVerified(const PeerId &peer, bool verified)
{
    if (auto r = m_sessions.setTrust(peer, verified ? protocol::TrustState::Verified : protocol::TrustState::Unverified); !r)
        return std::unexpected(Error::from(r.error()));
    return {};
}

std::expected<void, Error> Messenger::setBlocked(const PeerId &peer, bool blocked)
{
    if (auto r = m_sessions.setTrust(peer, blocked ? protocol::TrustState::Blocked : protocol::TrustState::Unverified); !r)
        return std::unexpected(Error::from(r.error()));
    return {};
}

} // namespace sotto::messenger
