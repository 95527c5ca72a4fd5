// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/Messenger.h"

#include "core/messenger/Content.pb.h"
#include "core/messenger/ContentHandlers.h"
#include "core/messenger/MessengerLog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace sotto::messenger {
namespace {

using protocol::PeerId;
using storage::MessageState;

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QByteArray serialize(const wire::Content &content)
{
    const std::string s = content.SerializeAsString();
    return QByteArray(s.data(), qsizetype(s.size()));
}

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

Error storageFailed(const char *what) { return {Errc::Storage, QString::fromLatin1(what)}; }

} // namespace

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


Messenger::Messenger(crypto::SignalContext &context, storage::Profile &profile)
    : m_context(context)
    , m_profile(profile)
    , m_sessions(context, profile.protocolStore())
    , m_groupSessions(context, m_sessions.binding())
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
    if (!m_profile.protocolStore().setAccepted(parsed->peer, true)) // the user added it
        return std::unexpected(storageFailed("cannot accept the contact"));
    return parsed->peer;
}

std::expected<Envelope, Error> Messenger::seal(const PeerId &to, const QByteArray &content, std::int64_t messageId)
{
    auto sealed = m_sessions.encrypt(to, content);
    if (!sealed)
        return std::unexpected(Error::from(sealed.error()));
    Envelope envelope{self(), to, *sealed, 0, messageId};
    // Anything but a text keeps its content until acknowledged: if the session breaks it is
    // sealed again (a text is rebuilt from its row).
    auto queued = m_profile.outbox().enqueue({0, to, messageId, int(sealed->kind), sealed->bytes, nowMs(), 0, messageId ? QByteArray() : content});
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
    if (!record.replyTo.isEmpty())
        text->set_reply_to(toStd(record.replyTo));
    text->set_expires_in(quint32(record.expiresIn));
    return serialize(content);
}

QByteArray Messenger::firstWrittenContent(storage::MessageRecord record)
{
    if (record.kind == storage::MessageKind::Attachment)
        return attachmentContent(record);
    // Edited before it could leave: it goes as first written, and each edit after it
    // (queued in order), so the peer keeps the same edit history as we do.
    if (record.editedAt) {
        const std::vector<storage::EditRecord> earlier = m_profile.messages().edits(record.id);
        if (!earlier.empty())
            record.body = earlier.front().body;
    }
    return textContent(record);
}

std::expected<Envelope, Error> Messenger::queue(const PeerId &to, const QByteArray &content, std::int64_t messageId)
{
    std::optional<protocol::IdentityRecord> contact = m_profile.protocolStore().identity(to);
    // Sealed now when possible; otherwise it waits unsealed, in order: no session yet, or
    // older messages still waiting.
    if (contact && m_sessions.hasSession(to) && !m_profile.outbox().hasUnsealed(to))
        return seal(to, content, messageId);
    // A text is rebuilt from its row when sealed (an edit meanwhile goes out as its own
    // message after it); anything else waits with its content.
    auto queued = m_profile.outbox().enqueue({0, to, messageId, 0, {}, nowMs(), 0, messageId ? QByteArray() : content});
    if (!queued)
        return std::unexpected(Error::from(queued.error()));
    return Envelope{self(), to, {}, *queued, messageId};
}

std::expected<void, Error> Messenger::mayMessage(const PeerId &peer)
{
    std::optional<protocol::IdentityRecord> contact = m_profile.protocolStore().identity(peer);
    if (!contact)
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown contact")});
    if (contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});
    return {};
}

std::expected<void, Error> Messenger::consent(const PeerId &peer)
{
    if (m_profile.protocolStore().isAccepted(peer))
        return {};
    if (!m_profile.protocolStore().setAccepted(peer, true))
        return std::unexpected(storageFailed("cannot accept the contact"));
    // Writing to a stranger who wrote first accepts its request: what it sent is delivered.
    if (auto sealed = sealWithheldReceipts(peer); !sealed)
        return std::unexpected(sealed.error());
    return {};
}

std::expected<Envelope, Error> Messenger::sendText(const PeerId &to, const QString &body, const QByteArray &replyTo)
{
    const QByteArray utf8 = body.toUtf8();
    if (utf8.isEmpty() || utf8.size() > MaxBodyBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a message must have 1 to %1 bytes").arg(MaxBodyBytes)});
    if (auto sendable = mayMessage(to); !sendable)
        return std::unexpected(sendable.error());

    storage::MessageStore &history = m_profile.messages();
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    auto conversation = history.conversationFor(to);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));
    if (auto accepted = consent(to); !accepted)
        return std::unexpected(accepted.error());
    std::optional<storage::MessageRecord> quoted;
    if (!replyTo.isEmpty()) {
        quoted = history.messageByUuid(replyTo);
        if (!quoted || quoted->conversationId != *conversation)
            return std::unexpected(Error{Errc::NotFound, QStringLiteral("the message replied to is not in this conversation")});
    }

    storage::MessageRecord record;
    record.uuid = newMessageId();
    record.conversationId = *conversation;
    record.sender = self();
    record.outgoing = true;
    record.body = body;
    record.sentAt = handlers::afterQuoted(nowMs(), quoted); // after what it answers, whatever the clocks say
    record.state = MessageState::Queued;
    record.replyTo = replyTo;
    // Ours disappear counting from now; theirs from when they read it.
    record.expiresIn = history.timer(*conversation);
    record.expiresAt = record.expiresIn ? record.sentAt + record.expiresIn * 1000LL : 0;
    auto id = history.insert(record);
    if (!id)
        return std::unexpected(Error::from(id.error()));
    record.id = *id;
    QByteArray plaintext = textContent(record);
    std::expected<Envelope, Error> envelope = queue(to, plaintext, *id);
    crypto::wipe(plaintext);
    if (!envelope)
        return envelope;
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the message"));
    return envelope;
}

// One of our own messages, changeable for everyone: ours, still shown, within the window.
std::expected<storage::MessageRecord, Error> Messenger::ownChange(std::int64_t messageId, PeerId &peer)
{
    std::optional<storage::MessageRecord> m = m_profile.messages().message(messageId);
    if (!m)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such message")});
    if (!m->outgoing || (m->kind != storage::MessageKind::Text && m->kind != storage::MessageKind::Attachment) || m->deleted)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("only your own messages can be changed for everyone")});
    if (nowMs() - m->sentAt > ChangeWindowMs)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("a message can be changed for everyone within 24 hours")});
    std::optional<storage::ConversationRecord> c = m_profile.messages().conversation(m->conversationId);
    if (!c)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such conversation")});
    peer = c->peer; // invalid for a group: the change goes sealed once to its members
    if (!c->peer.isValid())
        return *m;
    if (auto contact = m_profile.protocolStore().identity(c->peer); contact && contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});
    return *m;
}

std::expected<storage::MessageRecord, Error> Messenger::editText(std::int64_t messageId, const QString &body)
{
    const QByteArray utf8 = body.toUtf8();
    if (utf8.isEmpty() || utf8.size() > MaxBodyBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a message must have 1 to %1 bytes").arg(MaxBodyBytes)});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    PeerId peer;
    auto own = ownChange(messageId, peer);
    if (!own)
        return own;
    if (own->kind != storage::MessageKind::Text)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("only a text can be edited")});
    const QByteArray editId = newMessageId();
    // Strictly after the text it replaces, even within one millisecond.
    const std::int64_t at = std::max(nowMs(), std::max(own->sentAt, own->editedAt) + 1);
    auto edited = m_profile.messages().applyEdit(own->uuid, self(), editId, body, at);
    if (!edited)
        return std::unexpected(Error::from(edited.error()));
    if (!*edited)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("edit not applied")});
    wire::Content content;
    wire::Edit *e = content.mutable_edit();
    e->set_id(toStd(editId));
    e->set_sent_at(at);
    e->set_target(toStd(own->uuid));
    e->set_body(body.toStdString());
    QByteArray plaintext = serialize(content);
    auto queued = sendToConversation(own->conversationId, peer, plaintext);
    crypto::wipe(plaintext);
    if (!queued)
        return std::unexpected(queued.error());
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the edit"));
    return **edited;
}

std::expected<storage::MessageRecord, Error> Messenger::deleteMessage(std::int64_t messageId, bool forEveryone)
{
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    PeerId peer;
    std::optional<storage::MessageRecord> target;
    if (forEveryone) {
        auto own = ownChange(messageId, peer);
        if (!own)
            return own;
        target = *own;
    } else {
        target = m_profile.messages().message(messageId);
        if (!target)
            return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such message")});
    }
    auto gone = m_profile.messages().tombstone(messageId);
    if (!gone)
        return std::unexpected(Error::from(gone.error()));
    if (!*gone)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("the message is already deleted")});
    if (forEveryone) {
        wire::Content content;
        wire::Delete *d = content.mutable_delete_();
        d->set_id(toStd(newMessageId()));
        d->set_sent_at(nowMs());
        d->set_target(toStd(target->uuid));
        if (auto queued = sendToConversation(target->conversationId, peer, serialize(content)); !queued)
            return std::unexpected(queued.error());
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the delete"));
    return **gone;
}

std::expected<storage::MessageRecord, Error> Messenger::react(std::int64_t messageId, const QString &emoji)
{
    if (emoji.toUtf8().size() > MaxEmojiBytes)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a reaction is one emoji")});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    std::optional<storage::MessageRecord> m = m_profile.messages().message(messageId);
    if (!m)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such message")});
    if (m->deleted)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("the message is deleted")});
    std::optional<storage::ConversationRecord> c = m_profile.messages().conversation(m->conversationId);
    if (!c)
        return std::unexpected(Error{Errc::NotFound, QStringLiteral("no such conversation")});
    const bool group = !c->peer.isValid();
    if (auto contact = m_profile.protocolStore().identity(c->peer); contact && contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked")});
    if (!group && !isAccepted(c->peer)) // a reaction would tell a stranger we read it
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("accept the message request first")});
    // Strictly after our previous reaction to it, even within one millisecond: the latest wins.
    const std::int64_t at = std::max(nowMs(), m_profile.messages().reactionTime(messageId, self()) + 1);
    auto changed = m_profile.messages().setReaction(messageId, self(), emoji, at);
    if (!changed)
        return std::unexpected(Error::from(changed.error()));
    wire::Content content;
    wire::Reaction *r = content.mutable_reaction();
    r->set_id(toStd(newMessageId()));
    r->set_sent_at(at);
    r->set_target(toStd(m->uuid));
    r->set_emoji(emoji.toStdString());
    if (auto queued = sendToConversation(c->id, c->peer, serialize(content)); !queued)
        return std::unexpected(queued.error());
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the reaction"));
    return *m;
}

std::expected<storage::MessageRecord, Error> Messenger::setTimer(const PeerId &peer, int seconds)
{
    if (seconds < 0 || seconds > MaxTimerSeconds)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a timer is 0 (off) to %1 seconds").arg(MaxTimerSeconds)});
    if (auto sendable = mayMessage(peer); !sendable)
        return std::unexpected(sendable.error());
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    auto conversation = m_profile.messages().conversationFor(peer);
    if (!conversation)
        return std::unexpected(Error::from(conversation.error()));
    if (auto accepted = consent(peer); !accepted)
        return std::unexpected(accepted.error());
    auto notice = applyTimer(*conversation, peer, seconds);
    if (notice && !tx.commit())
        return std::unexpected(storageFailed("cannot commit the timer"));
    return notice;
}

std::expected<storage::MessageRecord, Error> Messenger::setGroupTimer(std::int64_t conversationId, int seconds)
{
    if (seconds < 0 || seconds > MaxTimerSeconds)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("a timer is 0 (off) to %1 seconds").arg(MaxTimerSeconds)});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    // Any member may set it, as in Signal; sealForGroup refuses a non-member.
    auto notice = applyTimer(conversationId, PeerId(), seconds);
    if (notice && !tx.commit())
        return std::unexpected(storageFailed("cannot commit the timer"));
    return notice;
}

std::expected<storage::MessageRecord, Error> Messenger::applyTimer(std::int64_t conversationId, const PeerId &peer, int seconds)
{
    storage::MessageStore &history = m_profile.messages();
    // Strictly after the change in force (whoever made it, whatever their clock said).
    const std::int64_t at = std::max(nowMs(), history.timerSetAt(conversationId) + 1);
    auto set = history.setTimer(conversationId, seconds, at);
    if (!set)
        return std::unexpected(Error::from(set.error()));
    if (!*set)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("the timer was not set")});
    storage::MessageRecord notice;
    notice.uuid = newMessageId();
    notice.conversationId = conversationId;
    notice.sender = self();
    notice.outgoing = true;
    notice.body = QString::number(seconds);
    notice.sentAt = at;
    notice.state = MessageState::Read;
    notice.kind = storage::MessageKind::TimerChanged;
    auto id = history.insert(notice);
    if (!id)
        return std::unexpected(Error::from(id.error()));
    notice.id = *id;
    wire::Content content;
    wire::TimerChange *t = content.mutable_timer();
    t->set_id(toStd(notice.uuid));
    t->set_sent_at(at);
    t->set_seconds(quint32(seconds));
    if (auto sent = sendToConversation(conversationId, peer, serialize(content)); !sent)
        return std::unexpected(sent.error());
    return notice;
}

std::expected<std::vector<storage::MessageRecord>, Error> Messenger::expire(std::int64_t *next)
{
    // Asked every second: nothing due means no transaction (a rollback would empty the
    // stores' caches each time).
    if (!m_profile.messages().anyDue(nowMs())) {
        if (next)
            *next = m_profile.messages().nextExpiry();
        return std::vector<storage::MessageRecord>{};
    }
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    const std::int64_t now = nowMs();
    // Our own copy disappears on our clock, but what it queued for the peer still goes
    // (the peer's copy counts from when they read it).
    for (const storage::MessageRecord &m : m_profile.messages().dueToExpire(now)) {
        if (!m.outgoing || m.kind != storage::MessageKind::Text)
            continue;
        QByteArray plaintext = firstWrittenContent(m);
        auto detached = m_profile.outbox().detach(m.id, plaintext);
        crypto::wipe(plaintext);
        if (!detached)
            return std::unexpected(Error::from(detached.error()));
    }
    auto gone = m_profile.messages().expire(now, next);
    if (!gone)
        return std::unexpected(Error::from(gone.error()));
    if (!gone->empty() && !tx.commit())
        return std::unexpected(storageFailed("cannot commit expiry"));
    return std::move(*gone);
}

std::expected<protocol::CipherMessage, Error> Messenger::typing(const PeerId &to, bool typing)
{
    std::optional<protocol::IdentityRecord> contact = m_profile.protocolStore().identity(to);
    if (!contact || contact->trust == protocol::TrustState::Blocked || !isAccepted(to)) // no typing state to a request
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("not sending to this contact")});
    if (!m_sessions.hasSession(to))
        return std::unexpected(Error{Errc::NoSession, QStringLiteral("no session with this contact")});
    wire::Content content;
    content.mutable_typing()->set_typing(typing);
    // The ratchet step is committed even though nothing is kept: a lost frame is only a
    // skipped message key at the peer.
    protocol::StoreTransaction tx(m_profile.protocolStore());
    auto sealed = m_sessions.encrypt(to, serialize(content));
    if (!sealed)
        return std::unexpected(Error::from(sealed.error()));
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the typing state"));
    return *sealed;
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
        std::optional<storage::MessageRecord> record =
            entry.content.isEmpty() ? m_profile.messages().message(entry.messageId) : std::nullopt;
        protocol::StoreTransaction tx(m_profile.protocolStore());
        if (entry.content.isEmpty() && (!record || record->deleted)) {
            m_profile.outbox().remove(to, entry.id); // the message was deleted meanwhile
            tx.commit();
            continue;
        }
        QByteArray plaintext = entry.content.isEmpty() ? firstWrittenContent(*record) : entry.content;
        auto sealed = m_sessions.encrypt(to, plaintext);
        crypto::wipe(plaintext);
        if (!sealed)
            return std::unexpected(Error::from(sealed.error()));
        if (auto r = m_profile.outbox().seal(to, entry.id, int(sealed->kind), sealed->bytes); !r)
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
        // A message request gets no delivery receipt until accepted (acceptRequest sends
        // them); the transport's Ack still goes, so the sender stops resending.
        // A group message gets one from every member, contact or not: the sender counts
        // them per member ("delivered to 3 of 5").
        const bool receipts = isAccepted(from);
        for (const auto &m : in.messages) {
            if (!allGood)
                break;
            out.received.push_back(receiveOne(from, m));
            allGood = out.received.back().has_value();
            if (allGood && (receipts || out.received.back()->group) && out.received.back()->kind == Incoming::Kind::Text
                && out.received.back()->message && out.received.back()->message->kind != storage::MessageKind::TimerChanged)
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
    // One by one, in order. After a failure the peer will resend (e.g. a full disk), the
    // rest are not tried: committed, a later one would overtake it.
    bool stopped = false;
    for (const auto &m : in.messages) {
        if (stopped) {
            out.received.push_back(std::unexpected(Error{Errc::Deferred, QStringLiteral("not tried: an earlier message failed")}));
            continue;
        }
        out.received.push_back(receive(from, m));
        stopped = !out.received.back() && willBeResent(out.received.back().error().code);
    }
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
        auto moved = history.advanceStateOf(*messageId, MessageState::Sent);
        if (!moved)
            return std::unexpected(Error::from(moved.error()));
        if (*moved)
            changes.push_back({**moved, MessageState::Sent});
    }
    bool reset = false;
    QSet<QByteArray> keysQueued; // our sender key given again, per (group, checkpoint)
    for (std::int64_t id : rejected) {
        // A text we sealed in a session the peer cannot read: our ratchet and theirs went
        // apart (one side restored an older copy). Not failed: sealed again after a reset.
        if (!reset && m_profile.outbox().kindOf(peer, id) == int(protocol::MessageKind::Whisper) && m_sessions.hasSession(peer)
            && mayResetSession(peer)) {
            reset = true;
            continue;
        }
        if (reset && m_profile.outbox().kindOf(peer, id))
            continue; // goes again with the others
        // A group message one member cannot read fails for that member only (it lacks our
        // sender key): the others may have it.
        // It goes again after our key (from a checkpoint at or before it), once.
        if (m_profile.outbox().kindOf(peer, id) == int(protocol::MessageKind::SenderKey)) {
            auto resent = resendSenderKey(peer, id, keysQueued);
            if (!resent)
                return std::unexpected(resent.error());
            m_profile.outbox().remove(peer, id);
            if (!*resent)
                qCInfo(lcMessenger) << "a member could not read a group message:" << peer.toString();
            continue;
        }
        std::optional<std::int64_t> messageId = m_profile.outbox().remove(peer, id);
        if (!messageId || *messageId == 0)
            continue;
        if (auto r = history.markFailed(*messageId, 1); !r)
            return std::unexpected(Error::from(r.error()));
        if (std::optional<storage::MessageRecord> record = history.message(*messageId))
            changes.push_back({record->uuid, MessageState::Failed});
    }
    if (reset) {
        if (auto r = resetSession(peer); !r)
            return std::unexpected(r.error());
    }
    if (!tx.commit()) {
        if (reset)
            m_lastReset.remove(peer.toString()); // it did not happen
        return std::unexpected(storageFailed("cannot commit acknowledgements"));
    }
    if (reset)
        m_sessionResets.push_back(peer);
    return changes;
}

std::expected<PeerStatus, Error> Messenger::rememberPeer(const PeerId &peer, const QByteArray &identityKey,
                                                         const QString &displayName, const QString &address, quint16 port)
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    protocol::StoreTransaction tx(store);
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    // Self-certifying ids: the network layer checked this already (beacon, Hello); checked
    // again where the key is stored, so nothing can store a key under another's PeerId.
    if (!peer.isIdOf(identityKey))
        return std::unexpected(Error{Errc::UntrustedKey, QStringLiteral("the identity key is not the one of the PeerId")});
    PeerStatus status = PeerStatus::Known;
    std::optional<protocol::IdentityRecord> record = store.identity(peer);
    if (!record) {
        if (!store.saveIdentity({peer, identityKey, protocol::TrustState::Unverified}))
            return std::unexpected(storageFailed("cannot store the contact"));
        status = PeerStatus::New;
    } else if (record->trust == protocol::TrustState::Blocked) {
        status = PeerStatus::Blocked;
    }
    if (status != PeerStatus::Blocked) {
        // The name the peer gives itself, signed by its key (Hello, beacon): a contact who
        // renamed shows with the new name from its next link on.
        if (!displayName.trimmed().isEmpty() && store.contactName(peer) != displayName.left(64))
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
    if (incoming->kind == Incoming::Kind::Text && incoming->message && incoming->message->kind != storage::MessageKind::TimerChanged
        && (incoming->group || isAccepted(from))) { // a message request: withheld until accepted (acceptRequest)
        if (auto receipt = deliveryReceipt(from, {incoming->message->uuid}); !receipt)
            return std::unexpected(receipt.error());
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the received message"));
    return incoming;
}

std::expected<Incoming, Error> Messenger::receiveOne(const PeerId &from, const protocol::CipherMessage &message)
{
    if (message.kind == protocol::MessageKind::SenderKey)
        return receiveGroupMessage(from, message);
    Incoming out;
    // Runs inside the decrypt's transaction: the message is stored with the ratchet step
    // that revealed it, or neither is.
    bool sinkReached = false;
    auto sink = [&](const QByteArray &plaintext) -> std::expected<void, protocol::Error> {
        sinkReached = true;
        wire::Content content;
        if (!content.ParseFromArray(plaintext.constData(), int(plaintext.size())))
            return std::unexpected(protocol::Error{protocol::Errc::InvalidMessage, QStringLiteral("content does not parse")});
        Receiving receiving{*this, m_profile, from, plaintext, out};
        if (ContentHandler handler = handlerFor(content.body_case()))
            return handler(receiving, content);
        // A kind this version does not know (a newer Sotto's): kept, never failed.
        return receiveUnknown(receiving);
    };
    auto decrypted = m_sessions.decrypt(from, message, sink);
    std::vector<std::function<std::expected<void, Error>(Incoming &)>> after = std::exchange(m_afterDecrypt, {});
    if (decrypted) {
        for (const auto &work : after)
            if (auto done = work(out); !done)
                return std::unexpected(done.error());
    }
    if (!decrypted) {
        qCInfo(lcMessenger) << "dropped a message from" << from.toString() << ":" << decrypted.error().reason;
        // The ratchet itself refused a Whisper message (the plaintext never reached us)
        // although we hold a session: our state and the peer's went apart.
        if (message.kind == protocol::MessageKind::Whisper && decrypted.error().code == protocol::Errc::InvalidMessage
            && !sinkReached && m_sessions.hasSession(from))
            m_brokenSessions.push_back(from);
        return std::unexpected(Error::from(decrypted.error()));
    }
    return out;
}

std::expected<std::optional<Envelope>, Error> Messenger::markRead(std::int64_t conversationId)
{
    std::optional<storage::ConversationRecord> conversation = m_profile.messages().conversation(conversationId);
    if (!conversation)
        return std::unexpected(Error{Errc::InvalidInput, QStringLiteral("no such conversation")});
    protocol::StoreTransaction tx(m_profile.protocolStore());
    // A group: each member whose messages were unread gets a read receipt of its own.
    const bool group = !conversation->peer.isValid();
    const auto bySender = group ? m_profile.messages().newestUnreadBySender(conversationId)
                                : std::vector<std::pair<QString, QByteArray>>{};
    auto newest = m_profile.messages().markRead(conversationId);
    if (!newest)
        return std::unexpected(Error::from(newest.error()));
    // Their disappearing messages start counting now that they are read.
    if (*newest) {
        if (auto started = m_profile.messages().startTimers(conversationId, conversation->lastMessageId, nowMs()); !started)
            return std::unexpected(Error::from(started.error()));
    }
    std::optional<Envelope> receipt;
    for (const auto &[sender, uuid] : bySender) {
        const PeerId member = PeerId::fromString(sender);
        if (*newest && member.isValid() && m_sessions.hasSession(member))
            if (auto sealed = readReceipt(member, uuid); !sealed)
                return std::unexpected(sealed.error());
    }
    // A message request is read here but not told (acceptRequest tells it later).
    if (*newest && m_sessions.hasSession(conversation->peer) && isAccepted(conversation->peer)) {
        auto sealed = readReceipt(conversation->peer, **newest);
        if (!sealed)
            return std::unexpected(sealed.error());
        receipt = *sealed;
    }
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit read state"));
    return receipt;
}

std::expected<Envelope, Error> Messenger::readReceipt(const PeerId &to, const QByteArray &newest)
{
    // One id whatever was read: the newest, and "up to" it.
    wire::Content content;
    wire::Receipt *r = content.mutable_receipt();
    r->set_kind(wire::Receipt::READ);
    r->add_ids(toStd(newest));
    r->set_up_to(true);
    return seal(to, serialize(content), 0);
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

std::expected<void, Error> Messenger::setVerified(const PeerId &peer, bool verified)
{
    if (auto r = m_sessions.setTrust(peer, verified ? protocol::TrustState::Verified : protocol::TrustState::Unverified); !r)
        return std::unexpected(Error::from(r.error()));
    return {};
}

bool Messenger::mayResetSession(const PeerId &peer)
{
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    auto last = m_lastReset.constFind(peer.toString());
    return last == m_lastReset.constEnd() || now - *last >= SessionResetIntervalMs;
}

std::expected<void, Error> Messenger::resetSession(const PeerId &peer)
{
    // Inside the caller's transaction: what waits is sealed again for the new session.
    if (auto r = m_sessions.resetSession(peer); !r)
        return std::unexpected(Error::from(r.error()));
    if (auto r = m_profile.outbox().reseal(peer); !r)
        return std::unexpected(Error::from(r.error()));
    m_lastReset.insert(peer.toString(), QDateTime::currentMSecsSinceEpoch());
    qCWarning(lcMessenger) << "session with" << peer.toString() << "broken (a restored backup?); starting a new one";
    return {};
}

void Messenger::resetBrokenSessions()
{
    for (const PeerId &peer : std::exchange(m_brokenSessions, {})) {
        if (!m_sessions.hasSession(peer) || !mayResetSession(peer))
            continue;
        protocol::StoreTransaction tx(m_profile.protocolStore());
        if (!tx.isOpen() || !resetSession(peer) || !tx.commit()) {
            m_lastReset.remove(peer.toString());
            continue;
        }
        m_sessionResets.push_back(peer);
    }
}

std::optional<PeerId> Messenger::namesake(const PeerId &peer) { return m_profile.protocolStore().namesake(peer); }

std::expected<void, Error> Messenger::dismissNamesake(const PeerId &peer)
{
    if (!m_profile.protocolStore().dismissNamesake(peer))
        return std::unexpected(storageFailed("cannot store the answer"));
    return {};
}

std::expected<std::int64_t, Error> Messenger::mergeContact(const PeerId &previous, const PeerId &into)
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    if (previous == into || !store.identity(previous) || !store.identity(into))
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("two different known contacts are needed")});
    // The old key goes into the new one, never the other way (the new one is whom the
    // person uses now; merging into the old would send to a key they no longer hold).
    if (store.firstSeen(into) < store.firstSeen(previous))
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("the older contact cannot take in the newer one")});
    protocol::StoreTransaction tx(store);
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    storage::MessageStore &messages = m_profile.messages();
    auto from = messages.conversationFor(previous);
    auto to = messages.conversationFor(into);
    if (!from || !to)
        return std::unexpected(storageFailed("cannot find the conversations"));
    // The user had accepted the person under the old key: not a stranger under the new one.
    // Accepted before the histories join, so the receipts held back name only what the new
    // key sent while it was a request.
    if (store.isAccepted(previous))
        if (auto accepted = consent(into); !accepted)
            return std::unexpected(accepted.error());
    if (auto r = messages.mergeConversation(*from, *to, previous, into); !r)
        return std::unexpected(Error::from(r.error()));
    if (auto r = m_profile.outbox().retarget(previous, into); !r)
        return std::unexpected(Error::from(r.error()));
    // The display name the old contact had stays with the person (the new one may have none).
    if (store.contactName(into).isEmpty())
        store.setContactName(into, store.contactName(previous));
    if (!store.removeContact(previous))
        return std::unexpected(storageFailed("cannot remove the old contact"));
    // The old key's holder is forgotten: it must stop recognising our contacts-only beacons.
    if (!rotateBeaconKey())
        return std::unexpected(storageFailed("cannot replace the beacon key"));
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the merge"));
    beaconKeysChanged();
    qCInfo(lcMessenger) << "merged contact" << previous.toString() << "into" << into.toString();
    return *to;
}

std::expected<void, Error> Messenger::setBlocked(const PeerId &peer, bool blocked)
{
    protocol::StoreTransaction tx(m_profile.protocolStore());
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    if (auto r = m_sessions.setTrust(peer, blocked ? protocol::TrustState::Blocked : protocol::TrustState::Unverified); !r)
        return std::unexpected(Error::from(r.error()));
    // A blocked contact must stop recognising our contacts-only beacons: it holds the old key.
    if (blocked && !rotateBeaconKey())
        return std::unexpected(storageFailed("cannot replace the beacon key"));
    // What it sent before a group's state came (keys, messages) is dropped unread, as its
    // messages are from now on: it must not be taken when the state arrives.
    if (blocked)
        if (auto r = m_profile.groups().unparkFrom(peer.toString()); !r)
            return std::unexpected(Error::from(r.error()));
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the block"));
    // Unblocked, its stored key counts again (blocked ones are left out of recognition).
    beaconKeysChanged();
    return {};
}

std::expected<int, Error> Messenger::acceptRequest(const PeerId &peer)
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    std::optional<storage::ContactRecord> contact = store.contact(peer);
    if (!contact)
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown contact")});
    if (contact->trust == protocol::TrustState::Blocked)
        return std::unexpected(Error{Errc::Blocked, QStringLiteral("contact is blocked; unblock it first")});
    if (contact->accepted)
        return 0;
    protocol::StoreTransaction tx(store);
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    if (!store.setAccepted(peer, true))
        return std::unexpected(storageFailed("cannot accept the contact"));
    auto receipts = sealWithheldReceipts(peer);
    if (!receipts)
        return receipts;
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the acceptance"));
    qCInfo(lcMessenger) << "accepted the message request of" << peer.toString();
    return receipts;
}

std::expected<int, Error> Messenger::sealWithheldReceipts(const PeerId &peer)
{
    int receipts = 0;
    storage::MessageStore &history = m_profile.messages();
    // What the stranger wrote came in over a session, so there is one; without it there is
    // nothing to tell.
    if (std::optional<std::int64_t> conversation = history.findConversation(peer); conversation && m_sessions.hasSession(peer)) {
        for (std::int64_t after = 0;;) {
            const auto received = history.receivedIds(*conversation, after, MaxReceiptIds);
            if (received.empty())
                break;
            std::vector<QByteArray> ids;
            ids.reserve(received.size());
            for (const auto &[row, uuid] : received)
                ids.push_back(uuid);
            if (auto sealed = deliveryReceipt(peer, ids); !sealed) // joins this transaction
                return std::unexpected(sealed.error());
            ++receipts;
            after = received.back().first;
        }
        if (std::optional<QByteArray> read = history.newestRead(*conversation)) {
            if (auto sealed = readReceipt(peer, *read); !sealed)
                return std::unexpected(sealed.error());
            ++receipts;
        }
    }
    return receipts;
}

std::expected<void, Error> Messenger::deleteRequest(const PeerId &peer)
{
    storage::SqlProtocolStore &store = m_profile.protocolStore();
    std::optional<storage::ContactRecord> contact = store.contact(peer);
    if (!contact)
        return std::unexpected(Error{Errc::UnknownContact, QStringLiteral("unknown contact")});
    if (contact->accepted)
        return std::unexpected(Error{Errc::NotAllowed, QStringLiteral("not a message request")});
    protocol::StoreTransaction tx(store);
    if (!tx.isOpen())
        return std::unexpected(storageFailed("cannot open a transaction"));
    storage::MessageStore &history = m_profile.messages();
    if (std::optional<std::int64_t> conversation = history.findConversation(peer)) {
        if (auto r = history.deleteConversation(*conversation); !r)
            return std::unexpected(Error::from(r.error()));
    }
    if (auto r = m_profile.outbox().removeAll(peer); !r)
        return std::unexpected(Error::from(r.error()));
    // And what it sent for groups we do not have yet: the request is gone, with all of it.
    if (auto r = m_profile.groups().unparkFrom(peer.toString()); !r)
        return std::unexpected(Error::from(r.error()));
    if (!tx.commit())
        return std::unexpected(storageFailed("cannot commit the deletion"));
    qCInfo(lcMessenger) << "deleted the message request of" << peer.toString();
    return {};
}

} // namespace sotto::messenger
