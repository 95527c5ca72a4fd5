// SPDX-License-Identifier: GPL-3.0-or-later
// What the network needs to know about us, and the secret operations it may ask for: a
// signature with the identity key (net never sees the identity private key itself), and
// the beacon key our contacts recognise our contacts-only beacons by.
#pragma once

#include "core/net/ContactBeacon.h"
#include "core/net/TlsIdentity.h"
#include "core/protocol/PeerId.h"

#include <QString>

#include <functional>
#include <memory>

namespace sotto::net {

// Who may recognise our beacons: everyone on the LAN (signed beacons carrying PeerId, key
// and name), or only contacts holding our beacon key (docs/PROTOCOL.md).
enum class Visibility { Everyone, ContactsOnly };

struct LocalIdentity {
    protocol::PeerId peer;
    QByteArray identityKey; // 33 bytes, public
    QString displayName;
    quint16 listenPort = 0; // set once the link listener is bound
    std::function<QByteArray(const QByteArray &message)> sign;
    Visibility visibility = Visibility::Everyone;
    // Given to contacts over proven links; replaced (not changed in place) when rotated.
    std::shared_ptr<const BeaconKey> beaconKey;
};

} // namespace sotto::net
