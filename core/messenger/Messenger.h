// SPDX-License-Identifier: GPL-3.0-or-later
// Messenger is the facade the UI and headless mode talk to: contacts, sending and
// receiving texts and receipts, trust decisions and safety numbers, over one unlocked
// Profile. Sending seals the message and queues it in the outbox in one transaction;
// receiving decrypts and stores it in one transaction. Moving envelopes over the network
// is not its job (core/net is).
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/messenger/MessengerError.h"
#include "core/protocol/SafetyNumber.h"
#include "core/protocol/SessionManager.h"
#include "core/storage/Profile.h"

#include <expected>
#include <vector>

namespace sotto::messenger {

// A sealed message on its way to one peer; the same bytes are resent until acknowledged.
struct Envelope {
    protocol::PeerId sender;
    protocol::PeerId recipient;
    protocol::CipherMessage message;
    std::int64_t outboxId = 0;
};

struct Incoming {
    enum class Kind { Text, Receipt };
    Kind kind = Kind::Text;
    std::optional<storage::MessageRecord> message; // the stored text (Kind::Text)
    bool duplicate = false;                         // same message id seen before; nothing stored
    storage::MessageState receiptState = storage::MessageState::Delivered;
    std::vector<QByteArray> acknowledged;           // our message ids moved forward (Kind::Receipt)
};

class Messenger {
public:
    static constexpr qsizetype MaxBodyBytes = 64 * 1024 - 256;
    static constexpr int MaxReceiptIds = 512;

    Messenger(crypto::SignalContext &context, storage::Profile &profile);

    protocol::PeerId self() const { return m_profile.peerId(); }
    storage::Profile &profile() { return m_profile; }
    storage::MessageStore &history() { return m_profile.messages(); }
    protocol::SessionManager &sessions() { return m_sessions; }

    // Our serialized prekey bundle (hands out a one-time prekey).
    std::expected<QByteArray, Error> bundle();
    // Starts a session from a peer's serialized bundle (X3DH) and names the contact.
    std::expected<protocol::PeerId, Error> addContact(const QByteArray &bundle, const QString &displayName);

    std::expected<Envelope, Error> sendText(const protocol::PeerId &to, const QString &body);
    std::expected<Incoming, Error> receive(const protocol::PeerId &from, const protocol::CipherMessage &message);
    // Marks a conversation read and seals one read receipt for its peer (if anything was unread).
    std::expected<std::optional<Envelope>, Error> markRead(std::int64_t conversationId);
    // Seals a delivery receipt for messages just received.
    std::expected<Envelope, Error> deliveryReceipt(const protocol::PeerId &to, const std::vector<QByteArray> &ids);

    std::expected<protocol::SafetyNumber, Error> safetyNumber(const protocol::PeerId &peer);
    std::expected<void, Error> acceptIdentityChange(const protocol::PeerId &peer);
    std::expected<void, Error> setVerified(const protocol::PeerId &peer, bool verified);
    std::expected<void, Error> setBlocked(const protocol::PeerId &peer, bool blocked);

private:
    std::expected<Envelope, Error> seal(const protocol::PeerId &to, const QByteArray &content, std::int64_t messageId);
    std::expected<void, Error> applyReceipt(const protocol::PeerId &from, int kind, const std::vector<QByteArray> &ids,
                                            Incoming &out);

    crypto::SignalContext &m_context;
    storage::Profile &m_profile;
    protocol::SessionManager m_sessions;
};

} // namespace sotto::messenger
