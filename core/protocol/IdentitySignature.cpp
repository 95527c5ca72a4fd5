// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/IdentitySignature.h"

#include "core/crypto/SignalHandles.h"

#include <signal/curve.h>

namespace sotto::protocol {

QByteArray signWithIdentity(crypto::SignalContext &context, const crypto::SecretBytes &privateKey, const QByteArray &message)
{
    crypto::Adopt<ec_private_key> key;
    if (curve_decode_private_point(key.out(), privateKey.data(), privateKey.size(), context.get()) != SG_SUCCESS)
        return {};
    auto owned = key.take();
    signal_buffer *signature = nullptr;
    if (curve_calculate_signature(context.get(), &signature, owned.get(), reinterpret_cast<const uint8_t *>(message.constData()),
                                  size_t(message.size()))
        != SG_SUCCESS)
        return {};
    return crypto::takeBuffer(signature);
}

bool verifyIdentitySignature(crypto::SignalContext &context, const QByteArray &publicKey, const QByteArray &message,
                             const QByteArray &signature)
{
    if (publicKey.size() != 33 || signature.size() != 64)
        return false;
    crypto::Adopt<ec_public_key> key;
    if (curve_decode_point(key.out(), reinterpret_cast<const uint8_t *>(publicKey.constData()), size_t(publicKey.size()),
                           context.get())
        != SG_SUCCESS)
        return false;
    auto owned = key.take();
    return curve_verify_signature(owned.get(), reinterpret_cast<const uint8_t *>(message.constData()), size_t(message.size()),
                                  reinterpret_cast<const uint8_t *>(signature.constData()), size_t(signature.size()))
        == 1;
}

} // namespace sotto::protocol
