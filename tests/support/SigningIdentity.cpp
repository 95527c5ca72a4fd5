// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SigningIdentity.h"

#include "core/protocol/IdentitySignature.h"
#include "core/protocol/KeyMaintenance.h"

namespace sotto::test {

SigningIdentity::SigningIdentity(crypto::SignalContext &ctx, const QString &displayName, quint16 listenPort)
{
    protocol::KeyMaintenance keys(ctx, store);
    if (!keys.createLocalIdentity(0))
        qFatal("test identity: key generation failed");
    auto record = store.localIdentity();
    privateKey = std::move(record->privateKey);
    local.peer = record->peer;
    local.identityKey = record->publicKey;
    local.displayName = displayName;
    local.listenPort = listenPort;
    local.sign = [&ctx, this](const QByteArray &m) { return protocol::signWithIdentity(ctx, privateKey, m); };
}

} // namespace sotto::test
