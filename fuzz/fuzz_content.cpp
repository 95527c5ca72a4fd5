// SPDX-License-Identifier: GPL-3.0-or-later
// Content from a peer (core/messenger, Content.proto): the input is the plaintext, sealed
// by a real session from Alice and received by Bob's Messenger, so it goes through
// decryption, unpadding, Content parsing and every check and store write behind it. Both
// profiles' transactions are rolled back after each input: every input meets the same
// state, a session both sides have used (the X3DH of a first PreKey message would cost
// more than everything else; the prekey bundle target covers that path).
#include "core/messenger/Content.pb.h"
#include "core/messenger/Messenger.h"
#include "core/protocol/Padding.h"
#include "core/protocol/SessionManager.h"
#include "fuzz/FuzzFixtures.h"
#include "tests/support/TestProfiles.h"

#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

using namespace sotto;

namespace {

struct World {
    World()
    {
        test::introduce(alice, bob);
        // Alice's first message, Bob's answer, Alice's second: from then on her messages
        // are plain Whisper messages of an established chain. The seeds are in
        // fuzz/corpus/content (make_corpus).
        const auto noop = [](const QByteArray &) -> std::expected<void, protocol::Error> { return {}; };
        auto first = aliceSessions.encrypt(bob.id(), QByteArray("\x82\x04\x02\x08\x01", 5)); // Content{typing{true}}
        if (!first || !bob.messenger().receive(alice.id(), *first))
            qFatal("fuzz_content: Alice's first message did not arrive");
        protocol::SessionManager bobSessions(context, bob.profile().protocolStore());
        auto answer = bobSessions.encrypt(alice.id(), QByteArray("\x82\x04\x02\x08\x01", 5));
        if (!answer || !aliceSessions.decrypt(bob.id(), *answer, noop))
            qFatal("fuzz_content: Bob's answer did not arrive");
        // Her second is the text the seeds' edit, delete, reaction and receipt name.
        wire::Content text;
        text.mutable_text()->set_id(std::string(16, '\x01'));
        text.mutable_text()->set_sent_at(fuzz::NowMs);
        text.mutable_text()->set_body("hello Bob");
        auto second = aliceSessions.encrypt(bob.id(), QByteArray::fromStdString(text.SerializeAsString()));
        if (!second || second->kind != protocol::MessageKind::Whisper || !bob.messenger().receive(alice.id(), *second))
            qFatal("fuzz_content: Alice's second message did not arrive");
    }
    crypto::SignalContext context;
    test::TestPeer alice{context, QStringLiteral("alice")};
    test::TestPeer bob{context, QStringLiteral("bob")};
    // Alice's sealing goes through her own SessionManager: her Messenger would add outbox
    // and history rows for every input.
    protocol::SessionManager aliceSessions{context, alice.profile().protocolStore()};
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static World *world = [] {
        static int argc = 1;
        static char name[] = "fuzz_content";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv);
        fuzz::quietLogs();
        return new World;
    }();
    if (qsizetype(size) > protocol::SessionManager::MaxPlaintextSize - protocol::PaddingBlock)
        return 0;
    const QByteArray plaintext(reinterpret_cast<const char *>(data), qsizetype(size));
    protocol::StoreTransaction aliceTx(world->alice.profile().protocolStore());
    protocol::StoreTransaction bobTx(world->bob.profile().protocolStore());
    auto sealed = world->aliceSessions.encrypt(world->bob.id(), plaintext);
    if (!sealed)
        std::abort(); // any plaintext under the cap must seal
    (void)world->bob.messenger().receive(world->alice.id(), *sealed);
    return 0;
}
