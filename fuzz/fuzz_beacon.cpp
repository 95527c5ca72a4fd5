// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery beacons (core/net/BeaconFilter): a UDP datagram from anyone on the LAN, of
// either kind: SignedBeacon parsing and XEdDSA verification, or a contacts-only beacon
// opened with one known contact's beacon key (fuzz::fixedContact) and its signature
// checked, at a fixed clock. Checks: an accepted beacon names a valid peer, a 33-byte key
// and a port, and a contacts-only one is the known contact's and carries no name; the
// same datagram again is not accepted twice (replay).
#include "core/net/BeaconFilter.h"
#include "fuzz/FixedContact.h"
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
    static const std::unique_ptr<fuzz::FixedContact> contact = fuzz::fixedContact(*context);
    const QByteArray datagram(reinterpret_cast<const char *>(data), qsizetype(size));
    // A fresh filter each time: its rate limit and replay memory would otherwise make the
    // outcome depend on earlier inputs.
    net::BeaconFilter filter(fuzz::selfPeer(), *context);
    std::vector<net::BeaconContact> contacts;
    contacts.push_back({contact->local.peer, contact->local.identityKey, *net::BeaconKey::fromSecret(contact->local.beaconKey->secret())});
    filter.setContacts(std::move(contacts));
    net::SeenPeer seen;
    const QHostAddress from(QHostAddress::LocalHost);
    if (filter.check(datagram, from, fuzz::NowMs, seen) != net::BeaconFilter::Verdict::Accepted)
        return 0;
    if (!seen.peer.isValid() || seen.identityKey.size() != 33 || seen.port == 0 || seen.displayName.size() > 64)
        std::abort();
    if (seen.kind == net::Visibility::ContactsOnly && (seen.peer != contact->local.peer || !seen.displayName.isEmpty()))
        std::abort();
    net::SeenPeer again;
    if (filter.check(datagram, from, fuzz::NowMs, again) == net::BeaconFilter::Verdict::Accepted)
        std::abort();
    return 0;
}
