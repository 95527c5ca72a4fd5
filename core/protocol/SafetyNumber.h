// SPDX-License-Identifier: GPL-3.0-or-later
// Safety numbers for a pair of identities, as Signal computes them: 5200 iterations of
// SHA-512 over each side's PeerId and identity key, 60 digits for reading aloud and a
// scannable form for QR codes. Equal on both sides; changes when either key changes.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/protocol/PeerId.h"
#include "core/protocol/ProtocolError.h"

#include <expected>

namespace sotto::protocol {

struct SafetyNumber {
    QString digits;     // 60 digits, no separators
    QByteArray scannable; // serialized scannable fingerprint (QR payload)

    // "12345 67890 ..." in 12 groups of five.
    QString grouped() const;
    // True when a scanned code from the peer matches ours.
    static bool scannedMatches(crypto::SignalContext &context, const QByteArray &ours, const QByteArray &theirs);

    [[nodiscard]] static std::expected<SafetyNumber, Error> compute(crypto::SignalContext &context, const PeerId &local,
                                                      const QByteArray &localKey, const PeerId &remote,
                                                      const QByteArray &remoteKey);
};

} // namespace sotto::protocol
