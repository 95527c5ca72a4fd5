// SPDX-License-Identifier: GPL-3.0-or-later
// XEdDSA signatures with a profile's identity key (libsignal's curve_calculate_signature):
// they bind discovery beacons and TLS links to the identity that safety numbers show.
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/crypto/SignalContext.h"

#include <QByteArray>

namespace sotto::protocol {

// Empty result on failure.
QByteArray signWithIdentity(crypto::SignalContext &context, const crypto::SecretBytes &privateKey, const QByteArray &message);
bool verifyIdentitySignature(crypto::SignalContext &context, const QByteArray &publicKey, const QByteArray &message,
                             const QByteArray &signature);

} // namespace sotto::protocol
