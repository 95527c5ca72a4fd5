// SPDX-License-Identifier: GPL-3.0-or-later
// A peer's prekey bundle (core/protocol/PreKeyBundle), as it arrives in a BundleResponse,
// parsed and then handed to libsignal (X3DH, signature check) by SessionManager. The
// session is started inside a transaction that is rolled back, so every input meets the
// same profile. Check: what parses serializes back to the same fields.
#include "core/protocol/PreKeyBundle.h"
#include "core/protocol/SessionManager.h"
#include "fuzz/FuzzFixtures.h"
#include "tests/support/TestProfiles.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

using namespace sotto;

namespace {

struct World {
    crypto::SignalContext context;
    test::TestPeer bob{context, QStringLiteral("bob")};
    protocol::SessionManager sessions{context, bob.profile().protocolStore()};
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static World *world = [] {
        static int argc = 1;
        static char name[] = "fuzz_prekeybundle";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv);
        fuzz::quietLogs();
        return new World;
    }();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto bundle = protocol::PreKeyBundle::parse(bytes);
    if (!bundle)
        return 0;
    auto again = protocol::PreKeyBundle::parse(bundle->serialize());
    if (!again || again->peer != bundle->peer || again->registrationId != bundle->registrationId || again->preKeyId != bundle->preKeyId
        || again->preKey != bundle->preKey || again->signedPreKeyId != bundle->signedPreKeyId || again->signedPreKey != bundle->signedPreKey
        || again->signedPreKeySignature != bundle->signedPreKeySignature || again->identityKey != bundle->identityKey)
        std::abort();
    protocol::StoreTransaction tx(world->bob.profile().protocolStore()); // rolled back when it goes
    (void)world->sessions.startSession(*bundle);
    return 0;
}
