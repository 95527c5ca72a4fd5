// SPDX-License-Identifier: GPL-3.0-or-later
// Our prekey bundle, built from the stores and serialized with protobuf, and a peer's
// bundle parsed back. Parsing checks sizes and shapes only; the signature is checked by
// libsignal when the bundle is processed (SessionManager::startSession).
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/protocol/ProtocolError.h"
#include "core/protocol/ProtocolStore.h"

#include <expected>

namespace sotto::protocol {

struct PreKeyBundle {
    PeerId peer;
    std::uint32_t registrationId = 0;
    std::int32_t deviceId = 1;
    std::uint32_t preKeyId = 0;
    QByteArray preKey;
    std::uint32_t signedPreKeyId = 0;
    QByteArray signedPreKey;
    QByteArray signedPreKeySignature;
    QByteArray identityKey;

    QByteArray serialize() const;
    [[nodiscard]] static std::expected<PreKeyBundle, Error> parse(const QByteArray &bytes);

    static constexpr qsizetype MaxSerializedSize = 1024;
};

// Builds our bundle, handing out a fresh one-time prekey (marked as handed out).
[[nodiscard]] std::expected<PreKeyBundle, Error> buildOwnBundle(crypto::SignalContext &context, ProtocolStore &store);

} // namespace sotto::protocol
