// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery beacons (core/net/BeaconFilter): a UDP datagram from anyone on the LAN,
// SignedBeacon parsing and XEdDSA verification, at a fixed clock. Checks: an accepted
// beacon names a valid peer, a 33-byte key and a port; the same datagram again is not
// accepted twice (replay).
#include "core/net/BeaconFilter.h"
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
    const QByteArray datagram(reinterpret_cast<const char *>(data), qsizetype(size));
    // A fresh filter each time: its rate limit and replay memory would otherwise make the
    // outcome depend on earlier inputs.
    net::BeaconFilter filter(fuzz::selfPeer(), *context);
    net::SeenPeer seen;
    const QHostAddress from(QHostAddress::LocalHost);
    if (filter.check(datagram, from, fuzz::NowMs, seen) != net::BeaconFilter::Verdict::Accepted)
        return 0;
    if (!seen.peer.isValid() || seen.identityKey.size() != 33 || seen.port == 0 || seen.displayName.size() > 64)
        std::abort();
    net::SeenPeer again;
    if (filter.check(datagram, from, fuzz::NowMs, again) == net::BeaconFilter::Verdict::Accepted)
        std::abort();
    return 0;
}
