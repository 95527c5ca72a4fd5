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
    Envelope envelope{self(), to, *sealed, 0, messageId};
    auto queued = m_profile.outbox().enqueue({0, to, messageId, int(sealed->kind), sealed->bytes, nowMs(), 0});
    if (!queued)
        return std::unexpected(Error::from(queued.error()));
    envelope.outboxId = *queued;
    return envelope;
}

QByteArray Messenger::textContent(const storage::MessageRecord &record)
{
    wire::Content content;
    wire::TextMessage *text = content.mutable_text();
    text->set_id(toStd(record.uuid));
    text->set_sent_at(record.sentAt);
    text->set_body(record.body.toStdString());
    return serialize(content);
}

std::expected<Envelope, Error> Messenger::sendText(const PeerId &to, const QString &body)
{
    const QByteArray utf8 = body.toUtf8();
    if (utf8.isEmpty() || utf8.size() > MaxBodyBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a message must have 1 to %1 bytes").arg(MaxBodyBytes)});
    std::optional<protocol::IdentityRecord> contact = m_profile.protocolStore().identity(to);
    if (!contact)
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown contact")});
    if (contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});

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

    record.id = *id;
    std::expected<Envelope, Error> envelope;
    // Sealed now when possible; otherwise it waits unsealed, in order: no session yet, older
    // messages still waiting, or the contact's key changed (sending is paused until the
    // user accepts the new key).
    if (contact->trust != protocol::TrustState::Changed && m_sessions.hasSession(to) && !m_profile.outbox().hasUnsealed(to)) {
        QByteArray plaintext = textContent(record);
        envelope = seal(to, plaintext, *id);
        crypto::wipe(plaintext);
    } else {
        auto queued = m_profile.outbox().enqueue({0, to, *id, 0, {}, record.sentAt, 0});
        if (!queued)
            return std::unexpected(Error::from(queued.error()));
        envelope = Envelope{self(), to, {}, *queued, *id};
    }
    if (!envelope)
        return envelope;
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the message"));
    return envelope;
}

std::expected<int, Error> Messenger::sealPending(const PeerId &to)
{
    std::vector<storage::OutboxEntry> waiting = m_profile.outbox().unsealed(to);
    if (waiting.empty())
        return 0;
    if (!m_sessions.hasSession(to))
        return std::unexpected(Error{Errc::NoSession, QStringLiteral("no session with this contact")});
    int sealedCount = 0;
    for (const storage::OutboxEntry &entry : waiting) {
        std::optional<storage::MessageRecord> record = m_profile.messages().message(entry.messageId);
        protocol::StoreTransaction tx(m_profile.protocolStore());
        if (!record) {
            m_profile.outbox().remove(to, entry.id); // the message was deleted meanwhile
            tx.commit();
            continue;
        }
        QByteArray plaintext = textContent(*record);
        auto sealed = m_sessions.encrypt(to, plaintext);
        crypto::wipe(plaintext);
        if (!sealed)
            return std::unexpected(Error::from(sealed.error()));
        if (auto r = m_profile.outbox().seal(entry.id, int(sealed->kind), sealed->bytes); !r)
            return std::unexpected(Error::from(r.error()));
        if (!tx.commit())
            return std::unexpected(storageFailed("cannot commit a sealed message"));
        ++sealedCount;
    }
    return sealedCount;
}

Inbound::Result Messenger::receiveInbound(const PeerId &from, const Inbound &in)
{
    Inbound::Result out{std::vector<StateChange>{}, {}};
    out.received.reserve(in.messages.size());
    const bool hasAcks = !in.acked.empty() || !in.rejected.empty();
    if (in.messages.size() + (hasAcks ? 1 : 0) > 1) {
        protocol::StoreTransaction tx(m_profile.protocolStore());
        bool allGood = tx.isOpen();
        if (allGood && hasAcks) {
            out.acknowledged = acknowledge(from, in.acked, in.rejected); // joins this transaction
            allGood = out.acknowledged.has_value();
        }
        std::vector<QByteArray> texts;
        for (const auto &m : in.messages) {
            if (!allGood)
                break;
            out.received.push_back(receiveOne(from, m));
            allGood = out.received.back().has_value();
            if (allGood && out.received.back()->message)
                texts.push_back(out.received.back()->message->uuid);
        }
        // One delivery receipt for the whole batch, committed with it.
        for (std::size_t i = 0; allGood && i < texts.size(); i += MaxReceiptIds) {
            const std::vector<QByteArray> chunk(texts.begin() + qsizetype(i),
                                                texts.begin() + qsizetype(std::min(texts.size(), i + MaxReceiptIds)));
            allGood = deliveryReceipt(from, chunk).has_value();
        }
        if (allGood && tx.commit())
            return out;
        qCDebug(lcMessenger) << "batch of" << in.messages.size() << "failed at" << out.received.size() << "; retrying one by one";
        tx.rollback();
        out.received.clear();
    }
    if (hasAcks)
        out.acknowledged = acknowledge(from, in.acked, in.rejected);
    for (const auto &m : in.messages)
        out.received.push_back(receive(from, m));
    return out;
}

std::vector<std::expected<Incoming, Error>> Messenger::receiveBatch(const PeerId &from, const std::vector<protocol::CipherMessage> &messages)
{
    return receiveInbound(from, Inbound{{}, {}, messages}).received;
}

std::expected<std::vector<StateChange>, Error> Messenger::acknowledge(const PeerId &peer, const std::vector<std::int64_t> &ids,
                                                                      const std::vector<std::int64_t> &rejected)
{
    std::vector<StateChange> changes;
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    storage::MessageStore &history = m_profile.messages();
    for (std::int64_t id : ids) {
        std::optional<std::int64_t> messageId = m_profile.outbox().remove(peer, id);
        if (!messageId || *messageId == 0)
            continue;
        std::optional<storage::MessageRecord> record = history.message(*messageId);
        if (!record)
            continue;
        auto moved = history.advanceState(record->uuid, MessageState::Sent);
        if (!moved)
            return std::unexpected(Error::from(moved.error()));
        if (*moved)
            changes.push_back({record->uuid, MessageState::Sent});
    }
    for (std::int64_t id : rejected) {
        std::optional<std::int64_t> messageId = m_profile.outbox().remove(peer, id);
        if (!messageId || *messageId == 0)
            continue;
        if (auto r = history.markFailed(*messageId, 1); !r)
            return std::unexpected(Error::from(r.error()));
        if (std::optional<storage::MessageRecord> record = history.message(*messageId))
            changes.push_back({record->uuid, MessageState::Failed});
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit acknowledgements"));
    return changes;
}

std::expected<PeerStatus, Error> Messenger::rememberPeer(const PeerId &peer, const QByteArray &identityKey,
                                                         const QString &displayName, const QString &address, quint16 port)
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    protocol::StoreTransaction tx(store);
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    PeerStatus status = PeerStatus::Known;
    std::optional<protocol::IdentityRecord> record = store.identity(peer);
    if (!record) {
        if (!store.saveIdentity({peer, identityKey, protocol::TrustState::Unverified, {}}))
            return std::unexpected(storageFailed("cannot store the contact"));
        status = PeerStatus::New;
    } else if (record->trust == protocol::TrustState::Blocked) {
        status = PeerStatus::Blocked;
    } else if (record->identityKey != identityKey) {
        if (record->trust != protocol::TrustState::Changed || record->pendingKey != identityKey) {
            record->trust = protocol::TrustState::Changed;
            record->pendingKey = identityKey;
            if (!store.saveIdentity(*record))
                return std::unexpected(storageFailed("cannot record the changed key"));
            qCWarning(lcMessenger) << "identity key of contact" << peer.toString() << "changed; refused until accepted";
        }
        status = PeerStatus::Changed;
    } else if (record->trust == protocol::TrustState::Changed) {
        status = PeerStatus::Changed;
    }
    if (status != PeerStatus::Changed && status != PeerStatus::Blocked) {
        if (!displayName.isEmpty() && store.contactName(peer).isEmpty())
            store.setContactName(peer, displayName.left(64));
        if (!address.isEmpty() && port)
            store.setContactAddress(peer, address, port);
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the contact"));
    return status;
}

std::expected<void, Error> Messenger::startSession(const PeerId &peer, const QByteArray &expectedIdentityKey, const QByteArray &bundle)
{
    auto parsed = protocol::PreKeyBundle::parse(bundle);
    if (!parsed)
        return std::unexpected(Error::from(parsed.error()));
    if (parsed->peer != peer || parsed->identityKey != expectedIdentityKey)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("the bundle is not the linked peer's")});
    if (auto started = m_sessions.startSession(*parsed); !started)
        return std::unexpected(Error::from(started.error()));
    return {};
}

std::expected<Incoming, Error> Messenger::receive(const PeerId &from, const protocol::CipherMessage &message)
{
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    auto incoming = receiveOne(from, message);
    if (!incoming)
        return incoming;
    if (incoming->message) {
        if (auto receipt = deliveryReceipt(from, {incoming->message->uuid}); !receipt)
            return std::unexpected(receipt.error());
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the received message"));
    return incoming;
}

std::expected<Incoming, Error> Messenger::receiveOne(const PeerId &from, const protocol::CipherMessage &message)
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
