// SPDX-License-Identifier: GPL-3.0-or-later
// What the network needs to know about us, and the one secret operation it may ask for:
// a signature with the identity key. net never sees the identity private key itself.
#pragma once

#include "core/net/TlsIdentity.h"
#include "core/protocol/PeerId.h"

#include <QString>

#include <functional>

namespace sotto::net {

struct LocalIdentity {
    protocol::PeerId peer;
    QByteArray identityKey; // 33 bytes, public
    QString displayName;
    quint16 listenPort = 0; // set once the link listener is bound
    std::function<QByteArray(const QByteArray &message)> sign;
};

} // namespace sotto::net
