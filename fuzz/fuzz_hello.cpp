// SPDX-License-Identifier: GPL-3.0-or-later
// The link Hello (core/net/HelloCheck): the first frame body an unproven TLS peer sends,
// checked against fixed certificate hashes. Checks: an accepted Hello has a valid peer
// that is not us, a 33-byte key, a name of at most 64 characters and a content version
// in 1..ours.
#include "core/net/HelloCheck.h"
#include "fuzz/FuzzFixtures.h"

#include <cstdint>
#include <cstdlib>

using namespace sotto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static crypto::SignalContext *context = [] {
        fuzz::quietLogs();
        return new crypto::SignalContext;
    }();
    wire::Hello hello;
    if (!hello.ParseFromArray(data, int(size)))
        return 0;
    constexpr quint32 Ours = 2;
    const std::optional<net::PeerHello> checked =
        net::checkHello(*context, hello, fuzz::selfPeer(), fuzz::peerCertHash(), fuzz::localCertHash(), Ours);
    if (!checked)
        return 0;
    if (!checked->peer.isValid() || checked->peer == fuzz::selfPeer() || checked->identityKey.size() != 33
        || checked->displayName.size() > net::MaxHelloNameLength || checked->contentVersion < 1 || checked->contentVersion > Ours)
        std::abort();
    return 0;
}
