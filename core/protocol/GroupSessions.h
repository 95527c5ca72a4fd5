// SPDX-License-Identifier: GPL-3.0-or-later
// GroupSessions is the one door to libsignal's sender keys (group_session_builder,
// group_cipher): our sender key per group epoch and its distribution message, the members'
// keys we were given, and sealing one ciphertext for all members. A sender-key name is the
// group id followed by the epoch (4 bytes, big-endian), so every epoch has fresh keys.
// Like SessionManager, every call runs in one store transaction, and the plaintext reaches
// the caller's sink inside it.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/protocol/PeerId.h"
#include "core/protocol/ProtocolError.h"
#include "core/protocol/ProtocolStore.h"
#include "core/protocol/StoreBinding.h"

#include <expected>
#include <functional>

namespace sotto::protocol {

class GroupSessions {
public:
    static constexpr qsizetype MaxPlaintextSize = 64 * 1024;
    static constexpr qsizetype MaxCiphertextSize = 96 * 1024;

    GroupSessions(crypto::SignalContext &context, StoreBinding &binding);

    static QByteArray senderKeyName(const QByteArray &groupId, quint32 epoch);

    // Our sender key for the epoch (made on first use) as a distribution message.
    [[nodiscard]] std::expected<QByteArray, Error> ownDistribution(const QByteArray &groupId, quint32 epoch, const PeerId &self);
    // Our sender key for the epoch replaced by a fresh one (a new key id): whoever held the
    // old one cannot read what is sealed next. Returns the new distribution message.
    [[nodiscard]] std::expected<QByteArray, Error> replaceOwnKey(const QByteArray &groupId, quint32 epoch, const PeerId &self);
    // A member's sender key for the epoch, as it sent it over its pairwise session.
    [[nodiscard]] std::expected<void, Error> processDistribution(const QByteArray &groupId, quint32 epoch, const PeerId &sender,
                                                                 const QByteArray &distribution);
    bool hasSenderKey(const QByteArray &groupId, quint32 epoch, const PeerId &sender);
    // Where our copy of a member's key `keyId` for the epoch is (the next iteration it reads).
    std::optional<quint32> heldIteration(const QByteArray &groupId, quint32 epoch, const PeerId &sender, quint32 keyId);
    // Our own key for the epoch forgotten (a fork went back below that epoch: the key may
    // have gone to members the winning branch does not have, and must never be used again).
    [[nodiscard]] bool forgetOwnKey(const QByteArray &groupId, quint32 epoch, const PeerId &self);
    // Pads and seals once for every member; `iteration`, if given, is the one it used.
    [[nodiscard]] std::expected<QByteArray, Error> encrypt(const QByteArray &groupId, quint32 epoch, const PeerId &self,
                                                           const QByteArray &plaintext, quint32 *iteration = nullptr);
    // Which key (its id) and iteration a group ciphertext, or a distribution message, is at.
    struct KeyPosition {
        quint32 keyId = 0;
        quint32 iteration = 0;
    };
    [[nodiscard]] std::expected<KeyPosition, Error> positionOfCiphertext(const QByteArray &ciphertext);
    [[nodiscard]] std::expected<KeyPosition, Error> positionOfDistribution(const QByteArray &distribution);
    using PlaintextSink = std::function<std::expected<void, Error>(const QByteArray &plaintext)>;
    // Errc::Duplicate for an iteration already received (a resend after a lost Ack).
    [[nodiscard]] std::expected<void, Error> decrypt(const QByteArray &groupId, quint32 epoch, const PeerId &sender,
                                                     const QByteArray &ciphertext, const PlaintextSink &sink);

private:
    crypto::SignalContext &m_context;
    StoreBinding &m_binding;
};

} // namespace sotto::protocol
