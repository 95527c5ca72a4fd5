// SPDX-License-Identifier: GPL-3.0-or-later
// Two real profiles (SQLCipher files in temporary folders) talking through the real
// libsignal-protocol-c: X3DH, the Double Ratchet, history, trust and safety numbers.
#include "tests/support/TestProfiles.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <random>

using namespace sotto;
using messenger::Envelope;
using protocol::MessageKind;
using storage::MessageRecord;

namespace {

// Delivers an envelope to its recipient and returns the stored message.
MessageRecord deliver(test::TestPeer &to, const Envelope &e)
{
    auto got = to.messenger().receive(e.sender, e.message);
    if (!got || !got->message)
        qFatal("deliver failed: %s", got ? "no message" : qPrintable(got.error().reason));
    return *got->message;
}

Envelope send(test::TestPeer &from, const test::TestPeer &to, const QString &text)
{
    auto e = from.messenger().sendText(const_cast<test::TestPeer &>(to).id(), text);
    if (!e)
        qFatal("send failed: %s", qPrintable(e.error().reason));
    return *e;
}

QStringList bodies(test::TestPeer &peer, const protocol::PeerId &other)
{
    auto conversation = peer.profile().messages().conversationFor(other);
    QStringList out;
    for (const auto &m : peer.profile().messages().page(*conversation, std::nullopt, 100000))
        out.prepend(m.body);
    return out;
}

} // namespace

class TestConversation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstMessageIsPreKeyRepliesAreNormal()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx, QStringLiteral("alice")), bob(ctx, QStringLiteral("bob"));
        test::introduce(alice, bob);

        Envelope first = send(alice, bob, QStringLiteral("hello bob"));
        QCOMPARE(first.message.kind, MessageKind::PreKey);
        Envelope second = send(alice, bob, QStringLiteral("still there?"));
        QCOMPARE(second.message.kind, MessageKind::PreKey); // unacknowledged session: still PreKey
        QCOMPARE(deliver(bob, first).body, QStringLiteral("hello bob"));
        QCOMPARE(deliver(bob, second).body, QStringLiteral("still there?"));

        Envelope reply = send(bob, alice, QStringLiteral("hi alice"));
        QCOMPARE(reply.message.kind, MessageKind::Whisper);
        QCOMPARE(deliver(alice, reply).body, QStringLiteral("hi alice"));
        Envelope again = send(alice, bob, QStringLiteral("great"));
        QCOMPARE(again.message.kind, MessageKind::Whisper);
        deliver(bob, again);

        const QStringList expected = {QStringLiteral("hello bob"), QStringLiteral("still there?"), QStringLiteral("hi alice"),
                                      QStringLiteral("great")};
        QCOMPARE(bodies(alice, bob.id()), expected);
        QCOMPARE(bodies(bob, alice.id()), expected);

        // Unread counts: bob has read nothing, alice got one reply.
        auto bobConv = bob.profile().messages().conversation(*bob.profile().messages().conversationFor(alice.id()));
        QCOMPARE(bobConv->unreadCount, 3);
        auto aliceConv = alice.profile().messages().conversation(*alice.profile().messages().conversationFor(bob.id()));
        QCOMPARE(aliceConv->unreadCount, 1);
        QCOMPARE(alice.profile().messages().message(aliceConv->lastMessageId)->body, QStringLiteral("great"));
    }

    void thousandShuffledMessagesAndADuplicate()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        deliver(bob, send(alice, bob, QStringLiteral("start")));
        deliver(alice, send(bob, alice, QStringLiteral("ok")));

        std::vector<Envelope> envelopes;
        for (int i = 0; i < 1000; ++i)
            envelopes.push_back(send(alice, bob, QStringLiteral("message %1").arg(i)));
        std::mt19937 rng(20261123);
        std::shuffle(envelopes.begin(), envelopes.end(), rng);
        for (const Envelope &e : envelopes)
            deliver(bob, e);

        // The same ciphertext again: refused as a duplicate, stored once.
        auto dup = bob.messenger().receive(envelopes[17].sender, envelopes[17].message);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, messenger::Errc::Duplicate);
        auto conversation = *bob.profile().messages().conversationFor(alice.id());
        QCOMPARE(bob.profile().messages().messageCount(conversation), 1002);
        QStringList got = bodies(bob, alice.id());
        QSet<QString> unique(got.begin(), got.end());
        QCOMPARE(unique.size(), 1002);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(unique.contains(QStringLiteral("message %1").arg(i)));
    }

    void flippedBitIsRejectedAndChangesNothing()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        Envelope first = send(alice, bob, QStringLiteral("first"));
        // Every bit position of a PreKey message and of a normal message.
        for (int round = 0; round < 2; ++round) {
            Envelope e = round == 0 ? first : send(alice, bob, QStringLiteral("normal"));
            if (round == 1)
                QCOMPARE(e.message.kind, MessageKind::Whisper);
            auto conv = bob.profile().messages().conversationFor(alice.id());
            const qint64 before = bob.profile().messages().messageCount(*conv);
            // Every bit, not a sample: X25519 ignores one bit of a key, and only an
            // exhaustive pass reliably finds such a position.
            for (qsizetype byte = 0; byte < e.message.bytes.size(); ++byte) {
                for (int bit = 0; bit < 8; ++bit) {
                    // The low nibble of a PreKey message's first byte (the sender's highest
                    // version) is outside every MAC and read by nobody, so a flip there is
                    // another encoding of the same message: checked after this loop.
                    if (e.message.kind == MessageKind::PreKey && byte == 0 && bit < 4)
                        continue;
                    protocol::CipherMessage forged = e.message;
                    forged.bytes[byte] = char(forged.bytes[byte] ^ (1 << bit));
                    auto r = bob.messenger().receive(alice.id(), forged);
                    QVERIFY2(!r, qPrintable(QStringLiteral("byte %1 bit %2 accepted").arg(byte).arg(bit)));
                }
            }
            QCOMPARE(bob.profile().messages().messageCount(*conv), before);
            if (e.message.kind == MessageKind::PreKey) {
                // Such a flip yields the very message, once: the genuine bytes are then a
                // repeat of it.
                Envelope other = e;
                other.message.bytes[0] = char(other.message.bytes[0] ^ 0x07);
                QCOMPARE(deliver(bob, other).body, QStringLiteral("first"));
                auto again = bob.messenger().receive(e.sender, e.message);
                QVERIFY(!again);
                QCOMPARE(again.error().code, messenger::Errc::Duplicate);
                QCOMPARE(bob.profile().messages().messageCount(*conv), before + 1);
            } else {
                // The genuine message still decrypts.
                deliver(bob, e);
            }
            if (round == 0)
                deliver(alice, send(bob, alice, QStringLiteral("ack")));
        }
    }

    void forwardSecrecyOldCiphertextCannotBeDecryptedAgain()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        deliver(bob, send(alice, bob, QStringLiteral("x3dh")));
        deliver(alice, send(bob, alice, QStringLiteral("reply")));
        Envelope secret = send(alice, bob, QStringLiteral("secret"));
        deliver(bob, secret);
        // From stored state alone (fresh objects over the same files): the key is gone.
        bob.reopen();
        auto again = bob.messenger().receive(alice.id(), secret.message);
        QVERIFY(!again);
        QCOMPARE(again.error().code, messenger::Errc::Duplicate);
        // A later message in the same chain still works.
        deliver(bob, send(alice, bob, QStringLiteral("after")));
    }

    void reopenMidConversation()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        deliver(bob, send(alice, bob, QStringLiteral("one")));
        Envelope inFlight = send(bob, alice, QStringLiteral("two"));
        alice.reopen();
        bob.reopen();
        deliver(alice, inFlight);
        deliver(bob, send(alice, bob, QStringLiteral("three")));
        deliver(alice, send(bob, alice, QStringLiteral("four")));
        const QStringList expected = {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"), QStringLiteral("four")};
        QCOMPARE(bodies(alice, bob.id()), expected);
        QCOMPARE(bodies(bob, alice.id()), expected);
    }

    // A reinstalled contact has a new key, so a new PeerId (self-certifying ids): it cannot
    // speak for the old one, it becomes a new contact, offered as maybe the same person,
    // and once the user merges them the old history and what still waited go with it.
    void aReinstalledContactIsANewContactAndCanBeMerged()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx);
        auto bob = std::make_unique<test::TestPeer>(ctx, QStringLiteral("bob"));
        const protocol::PeerId oldBob = bob->id();
        test::introduce(alice, *bob, QStringLiteral("Bob"));
        const Envelope hi = send(alice, *bob, QStringLiteral("hi"));
        deliver(*bob, hi);
        QVERIFY(alice.messenger().acknowledge(oldBob, {hi.outboxId}, {}));
        QVERIFY(alice.messenger().sendText(oldBob, QStringLiteral("anyone?"))); // sealed for the old key, never delivered
        // A reaction sealed for the old key too: no history row to rebuild it from, so the
        // outbox keeps its content until acknowledged (a merge or a session reset needs it).
        QVERIFY(alice.messenger().react(hi.messageId, QStringLiteral("\U0001F44D")));
        const QByteArray oldKey = alice.profile().protocolStore().identity(oldBob)->identityKey;

        // Bob reinstalls: a new key, hence a new PeerId.
        bob = std::make_unique<test::TestPeer>(ctx, QStringLiteral("bob"));
        const protocol::PeerId newBob = bob->id();
        QVERIFY(newBob != oldBob);
        QCOMPARE(newBob, protocol::PeerId::fromIdentityKey(bob->profile().identityKey()));

        // New Bob writing as old Bob (the attack of version 1): refused, nothing changes.
        test::introduce(*bob, alice);
        Envelope asOldBob = send(*bob, alice, QStringLiteral("it's me"));
        auto refused = alice.messenger().receive(oldBob, asOldBob.message);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, messenger::Errc::UntrustedKey);
        QCOMPARE(alice.profile().protocolStore().identity(oldBob)->identityKey, oldKey);
        QCOMPARE(alice.profile().protocolStore().identity(oldBob)->trust, protocol::TrustState::Unverified);
        // Nor can his key be stored under the old id by a contact record.
        QVERIFY(!alice.messenger().rememberPeer(oldBob, bob->profile().identityKey(), QStringLiteral("bob"), QString(), 0));

        // Under his own id he is a new contact, named like the old one.
        auto added = alice.messenger().addContact(*bob->messenger().bundle(), QStringLiteral("bob"));
        QVERIFY2(added, added ? "" : qPrintable(added.error().reason));
        QCOMPARE(*added, newBob);
        QCOMPARE(alice.messenger().namesake(newBob), std::optional<protocol::PeerId>(oldBob));
        QVERIFY(!alice.messenger().namesake(oldBob)); // asked of the new contact only
        QVERIFY(!alice.messenger().mergeContact(newBob, oldBob)); // never into the old key
        deliver(alice, send(*bob, alice, QStringLiteral("new phone who dis")));

        // The user compared safety numbers and merges: one conversation, in order.
        auto merged = alice.messenger().mergeContact(oldBob, newBob);
        QVERIFY2(merged, merged ? "" : qPrintable(merged.error().reason));
        QCOMPARE(*merged, *alice.profile().messages().conversationFor(newBob));
        QVERIFY(!alice.profile().protocolStore().identity(oldBob));
        QCOMPARE(bodies(alice, newBob), (QStringList{QStringLiteral("hi"), QStringLiteral("anyone?"), QStringLiteral("new phone who dis")}));
        QCOMPARE(alice.profile().messages().conversation(*merged)->unreadCount, 1);
        QCOMPARE(alice.profile().outbox().count(oldBob), 0);
        // What waited for the old key is sealed for the new one and reaches new Bob.
        QVERIFY(alice.messenger().sealPending(newBob).value() >= 1);
        QStringList texts;
        int updates = 0;
        for (const storage::OutboxEntry &e : alice.profile().outbox().pending(newBob, 0, 10)) {
            auto got = bob->messenger().receive(alice.id(), {MessageKind(e.kind), e.ciphertext});
            QVERIFY2(got, got ? "" : qPrintable(got.error().reason));
            if (got->kind == messenger::Incoming::Kind::Text)
                texts.append(got->message->body);
            updates += got->kind == messenger::Incoming::Kind::Update || got->kind == messenger::Incoming::Kind::Ignored;
        }
        QCOMPARE(texts, QStringList{QStringLiteral("anyone?")});
        QCOMPARE(updates, 1); // the reaction went too (new Bob has no "hi": nothing to show it on)
        // The old contact is gone: nothing left to offer.
        QVERIFY(!alice.messenger().namesake(newBob));
    }

    void blockedContactIsEnforced()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        Envelope e = send(alice, bob, QStringLiteral("hello"));
        deliver(bob, e);
        QVERIFY(bob.messenger().setBlocked(alice.id(), true));
        auto in = bob.messenger().receive(alice.id(), send(alice, bob, QStringLiteral("let me in")).message);
        QVERIFY(!in);
        QCOMPARE(in.error().code, messenger::Errc::Blocked);
        auto out = bob.messenger().sendText(alice.id(), QStringLiteral("no"));
        QVERIFY(!out);
        QCOMPARE(out.error().code, messenger::Errc::Blocked);
        QVERIFY(bob.messenger().setVerified(alice.id(), true)); // unblocking by verifying
        QVERIFY(bob.messenger().sendText(alice.id(), QStringLiteral("ok")));
    }

    void safetyNumbersMatchAndChange()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx), carol(ctx);
        test::introduce(alice, bob);
        deliver(bob, send(alice, bob, QStringLiteral("hi")));
        auto a = alice.messenger().safetyNumber(bob.id());
        auto b = bob.messenger().safetyNumber(alice.id());
        QVERIFY(a && b);
        QCOMPARE(a->digits.size(), 60);
        QVERIFY(std::all_of(a->digits.begin(), a->digits.end(), [](QChar c) { return c.isDigit(); }));
        QCOMPARE(a->digits, b->digits);
        QCOMPARE(a->grouped().split(u' ').size(), 12);
        QVERIFY(protocol::SafetyNumber::scannedMatches(ctx, a->scannable, b->scannable));
        // Another pair has another number.
        test::introduce(alice, carol);
        auto c = alice.messenger().safetyNumber(carol.id());
        QVERIFY(c->digits != a->digits);
        QVERIFY(!protocol::SafetyNumber::scannedMatches(ctx, c->scannable, b->scannable));
        // Either key changing changes it: recompute with a different local key.
        auto changed = protocol::SafetyNumber::compute(ctx, alice.id(), carol.profile().identityKey(), bob.id(),
                                                       bob.profile().identityKey());
        QVERIFY(changed->digits != a->digits);
        auto changedRemote = protocol::SafetyNumber::compute(ctx, alice.id(), alice.profile().identityKey(), bob.id(),
                                                             carol.profile().identityKey());
        QVERIFY(changedRemote->digits != a->digits);
    }

    void oneTimePreKeyIsUsedOnceAndReplenished()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx), carol(ctx);
        storage::SqlProtocolStore &bobStore = bob.profile().protocolStore();
        QCOMPARE(bobStore.preKeyCount(), 100);
        auto bundle = bob.messenger().bundle();
        auto parsed = protocol::PreKeyBundle::parse(*bundle);
        QVERIFY(parsed->preKeyId != 0);
        QVERIFY(bobStore.containsPreKey(parsed->preKeyId));

        // Alice and Carol both build on the very same bundle (same one-time prekey).
        QVERIFY(alice.messenger().addContact(*bundle, QStringLiteral("bob")));
        QVERIFY(carol.messenger().addContact(*bundle, QStringLiteral("bob")));
        deliver(bob, send(alice, bob, QStringLiteral("first use")));
        QVERIFY(!bobStore.containsPreKey(parsed->preKeyId));
        auto second = bob.messenger().receive(carol.id(), send(carol, bob, QStringLiteral("second use")).message);
        QVERIFY(!second);
        QCOMPARE(second.error().code, messenger::Errc::InvalidMessage); // unknown prekey id

        // Handing out bundles drains the fresh pool; at 19 it is refilled to 100 (the 81st
        // bundle), so after 86 bundles 95 are fresh. 99 were left after Alice's use.
        for (int i = 0; i < 85; ++i)
            QVERIFY(bob.messenger().bundle());
        QCOMPARE(bobStore.freshPreKeyCount(), 95);
        QCOMPARE(bobStore.preKeyCount(), 99 + 81);
    }

    void receiptsMoveStateForward()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        Envelope e = send(alice, bob, QStringLiteral("did you get this?"));
        MessageRecord got = deliver(bob, e);
        QVERIFY(bob.messenger().acceptRequest(alice.id())); // Bob never added Alice: a request until then
        auto delivered = bob.messenger().deliveryReceipt(alice.id(), {got.uuid});
        auto r = alice.messenger().receive(bob.id(), delivered->message);
        QVERIFY(r);
        QCOMPARE(r->kind, messenger::Incoming::Kind::Receipt);
        QCOMPARE(r->acknowledged.size(), std::size_t(1));
        QCOMPARE(alice.profile().messages().messageByUuid(got.uuid)->state, storage::MessageState::Delivered);
        auto read = bob.messenger().markRead(got.conversationId);
        QVERIFY(read && *read);
        QCOMPARE(bob.profile().messages().conversation(got.conversationId)->unreadCount, 0);
        QVERIFY(alice.messenger().receive(bob.id(), (*read)->message));
        QCOMPARE(alice.profile().messages().messageByUuid(got.uuid)->state, storage::MessageState::Read);
        // A late delivery receipt never moves it back.
        auto late = bob.messenger().deliveryReceipt(alice.id(), {got.uuid});
        QVERIFY(alice.messenger().receive(bob.id(), late->message));
        QCOMPARE(alice.profile().messages().messageByUuid(got.uuid)->state, storage::MessageState::Read);
    }

    // Bob never added Alice: her texts are a message request. They are stored, but nothing
    // tells her a person saw them (no delivery or read receipt, no typing, no reaction)
    // until Bob accepts; then the receipts withheld go, read "up to" what he read.
    void aRequestGetsNoReceiptsUntilAccepted()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        QVERIFY(alice.messenger().isAccepted(bob.id())); // she added him
        const MessageRecord first = deliver(bob, send(alice, bob, QStringLiteral("hello stranger")));
        const MessageRecord second = deliver(bob, send(alice, bob, QStringLiteral("still there?")));
        QVERIFY(!bob.messenger().isAccepted(alice.id()));
        QVERIFY(!bob.messenger().mayRecogniseUs(alice.id())); // no beacon key for a stranger
        QCOMPARE(bob.profile().outbox().count(alice.id()), 0); // no delivery receipt queued
        auto read = bob.messenger().markRead(first.conversationId);
        QVERIFY(read && !*read);                                // read here, not told
        QCOMPARE(bob.profile().messages().conversation(first.conversationId)->unreadCount, 0);
        QCOMPARE(bob.messenger().typing(alice.id(), true).error().code, messenger::Errc::NotAllowed);
        QCOMPARE(bob.messenger().react(second.id, QStringLiteral("x")).error().code, messenger::Errc::NotAllowed);
        QCOMPARE(bob.profile().outbox().count(alice.id()), 0);

        auto accepted = bob.messenger().acceptRequest(alice.id());
        QVERIFY(accepted);
        QCOMPARE(*accepted, 2); // one delivery receipt for both, one read receipt up to the newest
        QVERIFY(bob.messenger().isAccepted(alice.id()));
        QVERIFY(bob.messenger().mayRecogniseUs(alice.id()));
        for (const storage::OutboxEntry &entry : bob.profile().outbox().pending(alice.id(), 0, 10))
            QVERIFY(alice.messenger().receive(bob.id(), {protocol::MessageKind(entry.kind), entry.ciphertext}));
        QCOMPARE(alice.profile().messages().messageByUuid(first.uuid)->state, storage::MessageState::Read);
        QCOMPARE(alice.profile().messages().messageByUuid(second.uuid)->state, storage::MessageState::Read);
        QCOMPARE(*bob.messenger().acceptRequest(alice.id()), 0); // once
        QCOMPARE(bob.messenger().deleteRequest(alice.id()).error().code, messenger::Errc::NotAllowed);
    }

    // A contact reinstalls and writes first under the new key: a request, receipts held
    // back. Merging it into the accepted old contact accepts it, and the held-back
    // receipts go (they were lost before: its first messages stayed "sent" for good).
    void mergingARequestIntoAnAcceptedContactSendsItsReceipts()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx, QStringLiteral("alice"));
        auto bob = std::make_unique<test::TestPeer>(ctx, QStringLiteral("bob"));
        const protocol::PeerId oldBob = bob->id();
        test::introduce(alice, *bob, QStringLiteral("Bob"));
        QVERIFY(alice.messenger().isAccepted(oldBob));
        bob = std::make_unique<test::TestPeer>(ctx, QStringLiteral("bob")); // reinstalled
        const protocol::PeerId newBob = bob->id();
        test::introduce(*bob, alice);
        const MessageRecord first = deliver(alice, send(*bob, alice, QStringLiteral("it's me, new install")));
        QVERIFY(!alice.messenger().isAccepted(newBob));
        QCOMPARE(alice.profile().outbox().count(newBob), 0);

        QVERIFY(alice.messenger().mergeContact(oldBob, newBob));
        QVERIFY(alice.messenger().isAccepted(newBob));
        QVERIFY(alice.profile().outbox().count(newBob) >= 1);
        for (const storage::OutboxEntry &entry : alice.profile().outbox().pending(newBob, 0, 10))
            QVERIFY(bob->messenger().receive(alice.id(), {protocol::MessageKind(entry.kind), entry.ciphertext}));
        QCOMPARE(bob->profile().messages().messageByUuid(first.uuid)->state, storage::MessageState::Delivered);
    }

    // Writing back to a stranger accepts its request: what it sent is delivered then.
    void replyingAcceptsTheRequest()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        const MessageRecord first = deliver(bob, send(alice, bob, QStringLiteral("anyone there?")));
        QCOMPARE(bob.profile().outbox().count(alice.id()), 0);
        send(bob, alice, QStringLiteral("yes, me"));
        QVERIFY(bob.messenger().isAccepted(alice.id()));
        QCOMPARE(bob.profile().outbox().count(alice.id()), 2); // the withheld delivery receipt, then the text
        for (const storage::OutboxEntry &entry : bob.profile().outbox().pending(alice.id(), 0, 10))
            QVERIFY(alice.messenger().receive(bob.id(), {protocol::MessageKind(entry.kind), entry.ciphertext}));
        QCOMPARE(alice.profile().messages().messageByUuid(first.uuid)->state, storage::MessageState::Delivered);
    }

    // Deleting a request takes its history (and search hits) away, keeps the key and session,
    // so what the stranger sends next is read, as a new request.
    void aDeletedRequestCanWriteAgain()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        deliver(bob, send(alice, bob, QStringLiteral("zanzibar offer")));
        QCOMPARE(bob.profile().messages().search(QStringLiteral("zanzibar"), 10).size(), std::size_t(1));
        QVERIFY(bob.messenger().deleteRequest(alice.id()));
        QVERIFY(!bob.profile().messages().hasMessages(alice.id()));
        QCOMPARE(bob.profile().messages().search(QStringLiteral("zanzibar"), 10).size(), std::size_t(0));
        QVERIFY(!bob.messenger().isAccepted(alice.id()));
        const MessageRecord again = deliver(bob, send(alice, bob, QStringLiteral("second try")));
        QVERIFY(bob.profile().messages().hasMessages(alice.id()));
        QCOMPARE(bodies(bob, alice.id()), QStringList{QStringLiteral("second try")});
        Q_UNUSED(again);
    }

    // One read receipt names only the newest message read, "up to": every earlier one of
    // ours moves to read with it, however many (the receiver wrote one watermark).
    void oneReadReceiptCoversEverythingBefore()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx), bob(ctx);
        test::introduce(alice, bob);
        std::vector<QByteArray> uuids;
        std::int64_t conversation = 0;
        for (int i = 0; i < 700; ++i) { // more than one old-style receipt (512 ids) could name
            MessageRecord got = deliver(bob, send(alice, bob, QStringLiteral("m%1").arg(i)));
            uuids.push_back(got.uuid);
            conversation = got.conversationId;
        }
        QVERIFY(bob.messenger().acceptRequest(alice.id())); // Bob never added Alice: a request until then
        auto read = bob.messenger().markRead(conversation);
        QVERIFY(read && *read);
        auto applied = alice.messenger().receive(bob.id(), (*read)->message);
        QVERIFY(applied);
        QCOMPARE(applied->acknowledged.size(), uuids.size());
        for (const QByteArray &uuid : uuids)
            QCOMPARE(alice.profile().messages().messageByUuid(uuid)->state, storage::MessageState::Read);
        // Nothing new since: no second receipt.
        QVERIFY(!*bob.messenger().markRead(conversation));
    }

    // Another contact (proven, with a session of its own) knows or guesses the ids of what
    // Alice sent Bob: its acknowledgements and receipts touch none of it.
    void anotherContactCannotAcknowledgeOrReceiptBobsMessages()
    {
        crypto::SignalContext ctx;
        test::TestPeer alice(ctx, QStringLiteral("alice")), bob(ctx, QStringLiteral("bob")), mallory(ctx, QStringLiteral("mallory"));
        test::introduce(alice, bob);
        test::introduce(alice, mallory);
        deliver(mallory, send(alice, mallory, QStringLiteral("hi mallory")));
        deliver(alice, send(mallory, alice, QStringLiteral("hi, it's mallory")));
        Envelope e = send(alice, bob, QStringLiteral("for bob only"));
        QVERIFY(e.outboxId > 0);
        const QByteArray uuid = alice.profile().messages().message(e.messageId)->uuid;

        // Outbox ids are small integers: Mallory acknowledges a range around Bob's entry.
        std::vector<std::int64_t> guesses;
        for (std::int64_t id = 1; id < e.outboxId + 10; ++id)
            guesses.push_back(id);
        auto acked = alice.messenger().acknowledge(mallory.id(), guesses, guesses);
        QVERIFY(acked);
        for (const auto &change : *acked)
            QVERIFY(change.uuid != uuid);
        QCOMPARE(alice.profile().outbox().count(bob.id()), 1);
        QCOMPARE(alice.profile().messages().messageByUuid(uuid)->state, storage::MessageState::Queued);

        // A read receipt from Mallory naming Bob's message: accepted as a message, ignored.
        auto receipt = mallory.messenger().deliveryReceipt(alice.id(), {uuid});
        QVERIFY(receipt);
        auto r = alice.messenger().receive(mallory.id(), receipt->message);
        QVERIFY(r);
        QVERIFY(r->acknowledged.empty());
        QCOMPARE(alice.profile().messages().messageByUuid(uuid)->state, storage::MessageState::Queued);

        // Bob's own acknowledgement and receipt still work.
        deliver(bob, e);
        auto own = alice.messenger().acknowledge(bob.id(), {e.outboxId}, {});
        QVERIFY(own && own->size() == 1);
        QCOMPARE(alice.profile().outbox().count(bob.id()), 0);
        QCOMPARE(alice.profile().messages().messageByUuid(uuid)->state, storage::MessageState::Sent);
    }
};

QTEST_GUILESS_MAIN(TestConversation)
#include "tst_conversation.moc"
