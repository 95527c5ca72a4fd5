// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/GroupSessions.h"

#include "core/crypto/SignalHandles.h"
#include "core/protocol/Padding.h"

#include <signal/group_cipher.h>
#include <signal/group_session_builder.h>
#include <signal/protocol.h>
#include <signal/sender_key.h>
#include <signal/sender_key_record.h>
#include <signal/sender_key_state.h>

#include <memory>

namespace sotto::protocol {
namespace {

Error storeFailed() { return {Errc::StoreFailed, QStringLiteral("could not open a store transaction")}; }

struct BuilderFree {
    void operator()(group_session_builder *b) const { group_session_builder_free(b); }
};
struct CipherFree {
    void operator()(group_cipher *c) const { group_cipher_free(c); }
};

// A sender-key name that owns its bytes (libsignal keeps the pointers).
struct KeyName {
    KeyName(const QByteArray &groupId, quint32 epoch, const PeerId &sender)
        : group(GroupSessions::senderKeyName(groupId, epoch))
        , address(sender)
    {
        name.group_id = group.constData();
        name.group_id_len = size_t(group.size());
        name.sender = *address.get();
    }
    KeyName(const KeyName &) = delete;
    KeyName &operator=(const KeyName &) = delete;

    QByteArray group;
    SignalAddress address;
    signal_protocol_sender_key_name name{};
};

using CipherPtr = std::unique_ptr<group_cipher, CipherFree>;

// A group ciphertext as libsignal's SenderKeyMessage (bounded in size first).
std::expected<crypto::SignalPtr<sender_key_message>, Error> parseSenderKeyMessage(crypto::SignalContext &context,
                                                                                  const QByteArray &ciphertext)
{
    if (ciphertext.size() < 2 || ciphertext.size() > GroupSessions::MaxCiphertextSize)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("ciphertext size out of range")});
    crypto::Adopt<sender_key_message> parsed;
    if (int rc = sender_key_message_deserialize(parsed.out(), reinterpret_cast<const uint8_t *>(ciphertext.constData()),
                                                size_t(ciphertext.size()), context.get());
        rc != SG_SUCCESS)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("group ciphertext does not parse")});
    return parsed.take();
}

// A sender key distribution message from the wire or a checkpoint, bounds checked first.
std::expected<crypto::SignalPtr<sender_key_distribution_message>, Error> parseDistribution(crypto::SignalContext &context,
                                                                                          const QByteArray &distribution)
{
    if (distribution.isEmpty() || distribution.size() > 4096)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("sender key out of bounds")});
    crypto::Adopt<sender_key_distribution_message> parsed;
    if (int rc = sender_key_distribution_message_deserialize(parsed.out(), reinterpret_cast<const uint8_t *>(distribution.constData()),
                                                             size_t(distribution.size()), context.get());
        rc != SG_SUCCESS)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("sender key does not parse")});
    return parsed.take();
}

// A group cipher for the key's name (which must outlive it: the library keeps the pointer),
// shared by encrypt and decrypt.
std::expected<CipherPtr, Error> cipherFor(StoreBinding &binding, crypto::SignalContext &context, const KeyName &key)
{
    group_cipher *raw = nullptr;
    if (int rc = group_cipher_create(&raw, binding.get(), &key.name, context.get()); rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "group cipher"));
    return CipherPtr(raw);
}

} // namespace

GroupSessions::GroupSessions(crypto::SignalContext &context, StoreBinding &binding)
    : m_context(context)
    , m_binding(binding)
{
}

QByteArray GroupSessions::senderKeyName(const QByteArray &groupId, quint32 epoch)
{
    QByteArray name = groupId;
    for (int shift = 24; shift >= 0; shift -= 8)
        name.append(char((epoch >> shift) & 0xff));
    return name;
}

std::expected<QByteArray, Error> GroupSessions::ownDistribution(const QByteArray &groupId, quint32 epoch, const PeerId &self)
{
    KeyName key(groupId, epoch, self);
    StoreTransaction tx(m_binding.store());
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    group_session_builder *raw = nullptr;
    if (int rc = group_session_builder_create(&raw, m_binding.get(), m_context.get()); rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "group session builder"));
    std::unique_ptr<group_session_builder, BuilderFree> builder(raw);
    crypto::Adopt<sender_key_distribution_message> message;
    if (int rc = group_session_builder_create_session(builder.get(), message.out(), &key.name); rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "create sender key"));
    auto owned = message.take();
    QByteArray out = crypto::toByteArray(ciphertext_message_get_serialized(reinterpret_cast<ciphertext_message *>(owned.get())));
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return out;
}

std::expected<QByteArray, Error> GroupSessions::replaceOwnKey(const QByteArray &groupId, quint32 epoch, const PeerId &self)
{
    StoreTransaction tx(m_binding.store());
    if (!tx.isOpen() || !m_binding.store().removeSenderKey(senderKeyName(groupId, epoch), self, 1))
        return std::unexpected(storeFailed());
    auto fresh = ownDistribution(groupId, epoch, self); // joins this transaction
    if (!fresh)
        return fresh;
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return fresh;
}

std::expected<void, Error> GroupSessions::processDistribution(const QByteArray &groupId, quint32 epoch, const PeerId &sender,
                                                              const QByteArray &distribution)
{
    auto parsed = parseDistribution(m_context, distribution);
    if (!parsed)
        return std::unexpected(parsed.error());
    crypto::SignalPtr<sender_key_distribution_message> message = std::move(*parsed);
    KeyName key(groupId, epoch, sender);
    StoreTransaction tx(m_binding.store());
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    // Forward only. libsignal puts a distribution's state first and finds states by key id:
    // one at or before where our copy of that key already is would step it back, and what
    // we already read (or its skipped message keys) would decrypt again, or no longer. A
    // sender gives its key again to members behind (docs/PROTOCOL.md): never to one ahead.
    if (std::optional<quint32> held = heldIteration(groupId, epoch, sender, sender_key_distribution_message_get_id(message.get()));
        held && *held >= sender_key_distribution_message_get_iteration(message.get())) {
        if (!tx.commit()) // nothing written, but a rolled-back nested transaction fails the caller's
            return std::unexpected(storeFailed());
        return {};
    }
    group_session_builder *raw = nullptr;
    if (int rc = group_session_builder_create(&raw, m_binding.get(), m_context.get()); rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "group session builder"));
    std::unique_ptr<group_session_builder, BuilderFree> builder(raw);
    if (int rc = group_session_builder_process_session(builder.get(), &key.name, message.get()); rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "process sender key"));
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return {};
}

std::optional<quint32> GroupSessions::heldIteration(const QByteArray &groupId, quint32 epoch, const PeerId &sender, quint32 keyId)
{
    std::optional<QByteArray> bytes = m_binding.store().loadSenderKey(senderKeyName(groupId, epoch), sender, 1);
    if (!bytes)
        return std::nullopt;
    crypto::Adopt<sender_key_record> parsed;
    const int rc = sender_key_record_deserialize(parsed.out(), reinterpret_cast<const uint8_t *>(bytes->constData()),
                                                 size_t(bytes->size()), m_context.get());
    crypto::wipe(*bytes);
    if (rc != SG_SUCCESS)
        return std::nullopt;
    auto record = parsed.take();
    sender_key_state *state = nullptr; // owned by the record
    if (sender_key_record_get_sender_key_state_by_id(record.get(), &state, keyId) != SG_SUCCESS || !state)
        return std::nullopt;
    return sender_chain_key_get_iteration(sender_key_state_get_chain_key(state));
}

bool GroupSessions::forgetOwnKey(const QByteArray &groupId, quint32 epoch, const PeerId &self)
{
    return m_binding.store().removeSenderKey(senderKeyName(groupId, epoch), self, 1);
}

bool GroupSessions::hasSenderKey(const QByteArray &groupId, quint32 epoch, const PeerId &sender)
{
    return m_binding.store().loadSenderKey(senderKeyName(groupId, epoch), sender, 1).has_value();
}

std::expected<QByteArray, Error> GroupSessions::encrypt(const QByteArray &groupId, quint32 epoch, const PeerId &self,
                                                        const QByteArray &plaintext, quint32 *iteration)
{
    if (plaintext.size() > MaxPlaintextSize)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("message too large")});
    KeyName key(groupId, epoch, self);
    StoreTransaction tx(m_binding.store());
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    auto cipher = cipherFor(m_binding, m_context, key);
    if (!cipher)
        return std::unexpected(cipher.error());
    QByteArray padded = pad(plaintext);
    crypto::Adopt<ciphertext_message> message;
    const int rc
        = group_cipher_encrypt(cipher->get(), reinterpret_cast<const uint8_t *>(padded.constData()), size_t(padded.size()), message.out());
    crypto::wipe(padded);
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "group encrypt"));
    auto owned = message.take();
    if (iteration)
        *iteration = sender_key_message_get_iteration(reinterpret_cast<sender_key_message *>(owned.get()));
    QByteArray out = crypto::toByteArray(ciphertext_message_get_serialized(owned.get()));
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return out;
}

std::expected<void, Error> GroupSessions::decrypt(const QByteArray &groupId, quint32 epoch, const PeerId &sender,
                                                  const QByteArray &ciphertext, const PlaintextSink &sink)
{
    if (ciphertext.size() < 2 || ciphertext.size() > MaxCiphertextSize)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("ciphertext size out of range")});
    if (!hasSenderKey(groupId, epoch, sender))
        return std::unexpected(Error{Errc::NoSession, QStringLiteral("no sender key from this member for this epoch")});
    auto parsed = parseSenderKeyMessage(m_context, ciphertext);
    if (!parsed)
        return std::unexpected(parsed.error());
    crypto::SignalPtr<sender_key_message> message = std::move(*parsed);
    KeyName key(groupId, epoch, sender);
    StoreTransaction tx(m_binding.store());
    if (!tx.isOpen())
        return std::unexpected(storeFailed());
    auto cipher = cipherFor(m_binding, m_context, key);
    if (!cipher)
        return std::unexpected(cipher.error());
    signal_buffer *plain = nullptr;
    const int rc = group_cipher_decrypt(cipher->get(), message.get(), nullptr, &plain);
    crypto::SignalBuffer plainOwned(plain);
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "group decrypt"));
    QByteArray padded = crypto::toByteArray(plainOwned.get());
    std::optional<QByteArray> content = unpad(padded);
    crypto::wipe(padded);
    if (!content)
        return std::unexpected(Error{Errc::InvalidMessage, QStringLiteral("bad padding")});
    auto stored = sink(*content);
    crypto::wipe(*content);
    if (!stored)
        return std::unexpected(stored.error());
    if (!tx.commit())
        return std::unexpected(storeFailed());
    return {};
}

std::expected<GroupSessions::KeyPosition, Error> GroupSessions::positionOfCiphertext(const QByteArray &ciphertext)
{
    auto message = parseSenderKeyMessage(m_context, ciphertext);
    if (!message)
        return std::unexpected(message.error());
    return KeyPosition{sender_key_message_get_key_id(message->get()), sender_key_message_get_iteration(message->get())};
}

std::expected<GroupSessions::KeyPosition, Error> GroupSessions::positionOfDistribution(const QByteArray &distribution)
{
    auto message = parseDistribution(m_context, distribution);
    if (!message)
        return std::unexpected(message.error());
    return KeyPosition{sender_key_distribution_message_get_id(message->get()),
                       sender_key_distribution_message_get_iteration(message->get())};
}

} // namespace sotto::protocol
