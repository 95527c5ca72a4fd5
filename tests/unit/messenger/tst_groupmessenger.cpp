// SPDX-License-Identifier: GPL-3.0-or-later
// Groups between three real profiles through the real libsignal-protocol-c, envelopes
// moved by hand: a group message is sealed once and reaches every member once; a resent
// envelope is a duplicate; a membership change not signed by an admin, or forged in an
// admin's name, is refused by the receiver and changes nothing.
#include "core/messenger/Content.pb.h"
#include "core/protocol/IdentitySignature.h"
#include "core/storage/AttachmentStore.h"
#include "tests/support/TestProfiles.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryFile>
#include <QTest>

#include <algorithm>
#include <map>

using namespace sotto;
using messenger::Incoming;

namespace {

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }

} // namespace

class TestGroupMessenger : public QObject {
    Q_OBJECT

    crypto::SignalContext ctx;
    std::unique_ptr<test::TestPeer> alice, bob, carol;
    std::map<std::pair<QString, QString>, std::int64_t> sentUpTo; // (from, to) -> outbox id delivered

    std::vector<test::TestPeer *> all() { return {alice.get(), bob.get(), carol.get()}; }

    // Delivers what `from` has waiting for `to`; every result, in order.
    std::vector<std::expected<Incoming, messenger::Error>> deliver(test::TestPeer &from, test::TestPeer &to)
    {
        std::vector<std::expected<Incoming, messenger::Error>> out;
        std::int64_t &upTo = sentUpTo[{from.id().toString(), to.id().toString()}];
        for (const storage::OutboxEntry &e : from.profile().outbox().pending(to.id(), upTo, 1000)) {
            if (e.ciphertext.isEmpty())
                break; // unsealed: waits for a session
            out.push_back(to.messenger().receive(from.id(), {protocol::MessageKind(e.kind), e.ciphertext}));
            upTo = e.id;
        }
        return out;
    }

    // Everyone's waiting envelopes to everyone, until nothing moves; false on any failure.
    bool pump()
    {
        for (bool moved = true; moved;) {
            moved = false;
            for (test::TestPeer *from : all())
                for (test::TestPeer *to : all()) {
                    if (from == to)
                        continue;
                    for (const auto &r : deliver(*from, *to)) {
                        moved = true;
                        if (!r) {
                            qWarning() << "delivery failed:" << r.error().reason;
                            return false;
                        }
                    }
                }
        }
        return true;
    }

    std::int64_t groupIn(test::TestPeer &p, const QByteArray &groupId) { return p.profile().groups().conversationOf(groupId).value_or(0); }

    std::int64_t count(test::TestPeer &p, const char *sql)
    {
        storage::Statement st = p.profile().database().prepare(sql);
        return st.next() ? st.int64(0) : -1;
    }

    // A GroupUpdate carrying `state`, sealed pairwise by `from` for `to`.
    protocol::CipherMessage groupUpdate(test::TestPeer &from, test::TestPeer &to, const messenger::SignedGroupState &state)
    {
        wire::Content content;
        wire::GroupUpdate *u = content.mutable_group_update();
        u->set_id(std::string(16, 'f'));
        u->set_sent_at(1);
        wire::SignedGroupState *s = u->add_states();
        s->set_state(toStd(state.bytes));
        s->set_signature(toStd(state.signature));
        const std::string bytes = content.SerializeAsString();
        auto sealed = from.messenger().sessions().encrypt(to.id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
        if (!sealed)
            qFatal("cannot seal");
        return *sealed;
    }

    messenger::IdentitySigner signerOf(test::TestPeer &p)
    {
        auto key = std::make_shared<crypto::SecretBytes>(std::move(p.profile().protocolStore().localIdentity()->privateKey));
        return [this, key](const QByteArray &m) { return protocol::signWithIdentity(ctx, *key, m); };
    }

private Q_SLOTS:
    void init()
    {
        alice = std::make_unique<test::TestPeer>(ctx, QStringLiteral("alice"));
        bob = std::make_unique<test::TestPeer>(ctx, QStringLiteral("bob"));
        carol = std::make_unique<test::TestPeer>(ctx, QStringLiteral("carol"));
        sentUpTo.clear();
        // Sessions both ways for every pair: the first one writes, the other accepts.
        for (auto [a, b] : {std::pair{alice.get(), bob.get()}, std::pair{alice.get(), carol.get()}, std::pair{bob.get(), carol.get()}}) {
            test::introduce(*a, *b);
            QVERIFY(a->messenger().sendText(b->id(), QStringLiteral("hi")));
            QVERIFY(pump());
            // Each other's contacts, as members of a group are: b accepts a's request.
            QVERIFY(b->messenger().acceptRequest(a->id()));
            QVERIFY(pump());
        }
    }

    void cleanup() { alice.reset(), bob.reset(), carol.reset(); }

    void groupMessageSealedOnceReachesEveryMemberOnce()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY2(created, created ? "" : qPrintable(created.error().reason));
        auto state = alice->messenger().groupState(*created);
        QVERIFY(state);
        QCOMPARE(state->members.size(), std::size_t(3));
        QVERIFY(state->isAdmin(alice->id()) && !state->isAdmin(bob->id()));
        QVERIFY(pump());
        for (test::TestPeer *p : {bob.get(), carol.get()}) {
            const std::int64_t conversation = groupIn(*p, state->groupId);
            QVERIFY(conversation);
            auto theirs = p->messenger().groupState(conversation);
            QVERIFY(theirs);
            QCOMPARE(theirs->name, QStringLiteral("Climbing"));
            QCOMPARE(theirs->revision, state->revision);
            QCOMPARE(theirs->peers(), state->peers());
        }

        auto sent = alice->messenger().sendGroupText(*created, QStringLiteral("rope at 6"));
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().reason));
        QCOMPARE(sent->recipients.size(), std::size_t(2));
        // One ciphertext for both members; each has a row pointing at it.
        QCOMPARE(count(*alice, "SELECT count(*) FROM group_ciphertexts"), 1);
        QCOMPARE(count(*alice, "SELECT count(*) FROM outbox WHERE shared_id IS NOT NULL"), 2);
        const auto toBob = alice->profile().outbox().pending(bob->id(), sentUpTo[{alice->id().toString(), bob->id().toString()}], 10);
        QCOMPARE(toBob.size(), std::size_t(1));
        QCOMPARE(toBob.front().kind, int(protocol::MessageKind::SenderKey));
        const QByteArray captured = toBob.front().ciphertext;
        QVERIFY(pump());
        for (test::TestPeer *p : {bob.get(), carol.get()}) {
            const std::int64_t conversation = groupIn(*p, state->groupId);
            const auto page = p->profile().messages().page(conversation, std::nullopt, 10);
            QCOMPARE(page.size(), std::size_t(1));
            QCOMPARE(page.front().body, QStringLiteral("rope at 6"));
            QCOMPARE(page.front().sender, alice->id());
            QCOMPARE(page.front().uuid, sent->message.uuid);
        }
        // Resent after a lost acknowledgement: a duplicate, stored once.
        auto again = bob->messenger().receive(alice->id(), {protocol::MessageKind::SenderKey, captured});
        QVERIFY(!again);
        QCOMPARE(again.error().code, messenger::Errc::Duplicate);
        QCOMPARE(bob->profile().messages().messageCount(groupIn(*bob, state->groupId)), 1);
        // Acknowledged by both: the shared ciphertext goes with the last row.
        for (test::TestPeer *p : {bob.get(), carol.get()}) {
            const auto rows = alice->profile().outbox().pending(p->id(), 0, 1000);
            std::vector<std::int64_t> ids;
            for (const auto &row : rows)
                ids.push_back(row.id);
            QVERIFY(alice->messenger().acknowledge(p->id(), ids, {}));
        }
        QCOMPARE(count(*alice, "SELECT count(*) FROM group_ciphertexts"), 0);

        // A member answers: the others get it in the same conversation.
        auto answer = bob->messenger().sendGroupText(groupIn(*bob, state->groupId), QStringLiteral("I bring the quickdraws"));
        QVERIFY2(answer, answer ? "" : qPrintable(answer.error().reason));
        QVERIFY(pump());
        const auto atCarol = carol->profile().messages().page(groupIn(*carol, state->groupId), std::nullopt, 10);
        QCOMPARE(atCarol.size(), std::size_t(2));
        QCOMPARE(atCarol.front().sender, bob->id());
        QCOMPARE(alice->profile().messages().messageCount(*created), 2);

        // Carol blocks Bob: his group messages are dropped unread at her end, not at Alice's.
        QVERIFY(carol->messenger().setBlocked(bob->id(), true));
        QVERIFY(bob->messenger().sendGroupText(groupIn(*bob, state->groupId), QStringLiteral("blocked words")));
        const QByteArray toCarol
            = bob->profile().outbox().pending(carol->id(), sentUpTo[{bob->id().toString(), carol->id().toString()}], 10).back().ciphertext;
        auto blocked = carol->messenger().receive(bob->id(), {protocol::MessageKind::SenderKey, toCarol});
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().code, messenger::Errc::Blocked);
        QCOMPARE(carol->profile().messages().messageCount(groupIn(*carol, state->groupId)), 2);
        for (const auto &r : deliver(*bob, *alice))
            QVERIFY(r);
        QCOMPARE(alice->profile().messages().messageCount(*created), 3);
    }

    // Carol writes in the group before Alice's state has reached Bob (Alice went quiet): Bob
    // keeps it, acknowledged, and Carol's 1:1 messages to him are not held up behind it;
    // when the state comes, the kept message is received, once.
    void aGroupMessageBeforeItsStateWaitsWithoutBlocking()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        for (const auto &r : deliver(*alice, *carol))
            QVERIFY(r);
        const std::int64_t atCarol = groupIn(*carol, groupId);
        QVERIFY(atCarol);
        QVERIFY(carol->messenger().sendGroupText(atCarol, QStringLiteral("early words")));
        for (const auto &r : deliver(*carol, *bob))
            QVERIFY2(r, r ? "" : qPrintable(r.error().reason)); // acknowledged, not deferred
        QVERIFY(!groupIn(*bob, groupId));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 1);
        // Nothing waits behind it: Carol's next 1:1 message arrives at once.
        QVERIFY(carol->messenger().sendText(bob->id(), QStringLiteral("did you get it?")));
        const auto direct = deliver(*carol, *bob);
        QCOMPARE(direct.size(), std::size_t(1));
        QVERIFY(direct.front() && direct.front()->message);
        QCOMPARE(direct.front()->message->body, QStringLiteral("did you get it?"));
        // Alice's state comes: the kept message is received, once.
        for (const auto &r : deliver(*alice, *bob))
            QVERIFY(r);
        const std::int64_t atBob = groupIn(*bob, groupId);
        QVERIFY(atBob);
        const auto parked = bob->messenger().receiveParked(atBob);
        QCOMPARE(parked.size(), std::size_t(1));
        QVERIFY(parked.front().second && parked.front().second->message);
        QCOMPARE(parked.front().first, carol->id());
        QCOMPARE(bob->profile().messages().page(atBob, std::nullopt, 10).front().body, QStringLiteral("early words"));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 0);
        QVERIFY(bob->messenger().receiveParked(atBob).empty());
        QCOMPARE(bob->profile().messages().messageCount(atBob), 1);
    }

    // Receipts per member: each member's delivery and read receipts move its own row; the
    // message is delivered (read) once every member it was sealed for has it (read it). A
    // receipt from someone it was not sealed for moves nothing.
    void receiptsArePerMember()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        auto sent = alice->messenger().sendGroupText(*created, QStringLiteral("rope at 6"));
        QVERIFY(sent);
        const auto stateAtAlice = [&] { return alice->profile().messages().messageByUuid(sent->message.uuid)->state; };
        const auto receiptOf = [&](test::TestPeer &member) {
            for (const auto &[peer, state] : alice->profile().groups().receipts(sent->message.id))
                if (peer == member.id().toString())
                    return state;
            return -1;
        };
        QCOMPARE(receiptOf(*bob), int(storage::MessageState::Sent));
        QCOMPARE(receiptOf(*carol), int(storage::MessageState::Sent));
        // Bob's copy arrives; his delivery receipt comes back: delivered to 1 of 2.
        for (const auto &r : deliver(*alice, *bob))
            QVERIFY(r);
        for (const auto &r : deliver(*bob, *alice))
            QVERIFY(r);
        QCOMPARE(receiptOf(*bob), int(storage::MessageState::Delivered));
        QCOMPARE(receiptOf(*carol), int(storage::MessageState::Sent));
        QVERIFY(stateAtAlice() < storage::MessageState::Delivered);
        QVERIFY(pump()); // Carol's too: delivered to all
        QCOMPARE(receiptOf(*carol), int(storage::MessageState::Delivered));
        QCOMPARE(stateAtAlice(), storage::MessageState::Delivered);
        // Bob reads the group: read by 1 of 2; then Carol: read.
        QVERIFY(bob->messenger().markRead(groupIn(*bob, alice->messenger().groupState(*created)->groupId)));
        QVERIFY(pump());
        QCOMPARE(receiptOf(*bob), int(storage::MessageState::Read));
        QCOMPARE(stateAtAlice(), storage::MessageState::Delivered);
        // Dave, no member, sends a receipt for it over his own session: nothing moves.
        test::TestPeer dave(ctx, QStringLiteral("dave"));
        test::introduce(dave, *alice);
        QVERIFY(dave.messenger().sendText(alice->id(), QStringLiteral("hello")));
        for (const storage::OutboxEntry &e : dave.profile().outbox().pending(alice->id(), 0, 10))
            QVERIFY(alice->messenger().receive(dave.id(), {protocol::MessageKind(e.kind), e.ciphertext}));
        wire::Content content;
        content.mutable_receipt()->set_kind(wire::Receipt::READ);
        content.mutable_receipt()->add_ids(toStd(sent->message.uuid));
        const std::string bytes = content.SerializeAsString();
        auto sealed = dave.messenger().sessions().encrypt(alice->id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
        QVERIFY(sealed);
        QVERIFY(alice->messenger().receive(dave.id(), *sealed));
        QCOMPARE(alice->profile().groups().receipts(sent->message.id).size(), std::size_t(2));
        QCOMPARE(receiptOf(*carol), int(storage::MessageState::Delivered));
        QCOMPARE(stateAtAlice(), storage::MessageState::Delivered);
        QVERIFY(carol->messenger().markRead(groupIn(*carol, alice->messenger().groupState(*created)->groupId)));
        QVERIFY(pump());
        QCOMPARE(receiptOf(*carol), int(storage::MessageState::Read));
        QCOMPARE(stateAtAlice(), storage::MessageState::Read);
    }

    // Any member sets the group's disappearing timer for everyone; a later message of the
    // group then disappears on every member's side (its clock started).
    void aMemberSetsTheGroupsTimer()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        auto notice = bob->messenger().setGroupTimer(groupIn(*bob, groupId), 60);
        QVERIFY2(notice, notice ? "" : qPrintable(notice.error().reason));
        QVERIFY(pump());
        for (test::TestPeer *p : all()) {
            const std::int64_t conversation = groupIn(*p, groupId);
            QCOMPARE(p->profile().messages().timer(conversation), 60);
            const auto page = p->profile().messages().page(conversation, std::nullopt, 5);
            QVERIFY(!page.empty());
            QCOMPARE(page.front().kind, storage::MessageKind::TimerChanged);
        }
        // No such group: refused, nothing set.
        auto refused = carol->messenger().setGroupTimer(groupIn(*carol, groupId) + 1000, 30);
        QVERIFY(!refused);
        QCOMPARE(carol->profile().messages().timer(groupIn(*carol, groupId)), 60);
    }

    // A stranger who wrote (a message request, not accepted) cannot put a group, nor
    // sender keys for groups we do not know, into the profile: both are acknowledged and
    // dropped. (Before: any peer with a session could store groups and keys without end.)
    void aStrangersGroupIsNotTaken()
    {
        test::TestPeer mallory(ctx, QStringLiteral("mallory"));
        auto bundle = bob->messenger().bundle();
        QVERIFY(bundle);
        QVERIFY(mallory.messenger().addContact(*bundle, QStringLiteral("bob")));
        QVERIFY(mallory.messenger().sendText(bob->id(), QStringLiteral("hello")));
        for (const auto &r : deliver(mallory, *bob))
            QVERIFY(r);
        QVERIFY(!bob->messenger().isAccepted(mallory.id()));
        const std::int64_t groupsBefore = count(*bob, "SELECT count(*) FROM group_chats");
        const std::int64_t keysBefore = count(*bob, "SELECT count(*) FROM sender_keys");
        auto created = mallory.messenger().createGroup(QStringLiteral("Prizes"), {bob->id()});
        QVERIFY2(created, created ? "" : qPrintable(created.error().reason));
        auto sent = mallory.messenger().sendGroupText(*created, QStringLiteral("click here"));
        QVERIFY(sent);
        const auto results = deliver(mallory, *bob);
        QVERIFY(!results.empty());
        for (const auto &r : results)
            QVERIFY2(r, r ? "" : qPrintable(r.error().reason)); // acknowledged, so not sent again
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_chats"), groupsBefore);
        QCOMPARE(count(*bob, "SELECT count(*) FROM sender_keys"), keysBefore);
        // Nor kept for a state that may come: a stranger would fill the disk group by group.
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 0);
    }

    // Review finding #7: Dave, a member Bob never talked to, sends Bob his sender key before
    // Alice's state naming them both reaches Bob. Bob keeps it (not in the sender-key store:
    // Dave is no contact of his) and takes it when the state comes, so Dave's messages can
    // be read. (Before: dropped, and every message of Dave's failed with no sender key.)
    void aNonContactsKeyBeforeTheStateIsKept()
    {
        test::TestPeer dave(ctx, QStringLiteral("dave"));
        test::introduce(*alice, dave);
        QVERIFY(alice->messenger().sendText(dave.id(), QStringLiteral("hi")));
        for (const auto &r : deliver(*alice, dave))
            QVERIFY(r);
        QVERIFY(dave.messenger().acceptRequest(alice->id()));
        for (const auto &r : deliver(dave, *alice))
            QVERIFY(r);
        test::introduce(dave, *bob); // Dave can write to Bob; Bob has never heard of Dave
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), dave.id()});
        QVERIFY(created);
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        for (const auto &r : deliver(*alice, dave))
            QVERIFY(r);
        QVERIFY(groupIn(dave, groupId));
        // Dave's key reaches Bob first (Alice went quiet): acknowledged, and kept.
        const std::int64_t keysBefore = count(*bob, "SELECT count(*) FROM sender_keys");
        for (const auto &r : deliver(dave, *bob))
            QVERIFY2(r, r ? "" : qPrintable(r.error().reason));
        QVERIFY(!bob->messenger().isAccepted(dave.id()));
        QCOMPARE(count(*bob, "SELECT count(*) FROM sender_keys"), keysBefore);
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 1);
        // Dave writes before the state reaches Bob: kept too, as his key was (review finding
        // 3: it was acknowledged and dropped, the key kept for nothing).
        QVERIFY(dave.messenger().sendGroupText(groupIn(dave, groupId), QStringLiteral("early words")));
        for (const auto &r : deliver(dave, *bob))
            QVERIFY2(r, r ? "" : qPrintable(r.error().reason));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 2);
        // Alice's state comes; what was kept is taken (Node does this on every new state):
        // the key first (no result: a key is no message), then the message it opens.
        for (const auto &r : deliver(*alice, *bob))
            QVERIFY(r);
        const std::int64_t atBob = groupIn(*bob, groupId);
        QVERIFY(atBob);
        // Review finding 6: a storage failure while taking the key keeps it (and the message
        // behind it) for the next try; it was deleted as if it did not parse.
        QVERIFY(bob->profile().database().exec(
            "CREATE TRIGGER full_disk BEFORE INSERT ON sender_keys BEGIN SELECT RAISE(FAIL, 'full'); END;"));
        QVERIFY(bob->messenger().receiveParked(atBob).empty());
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 2);
        QVERIFY(bob->profile().database().exec("DROP TRIGGER full_disk;"));
        const auto kept = bob->messenger().receiveParked(atBob);
        QCOMPARE(kept.size(), std::size_t(1));
        QCOMPARE(kept.front().first, dave.id());
        QVERIFY2(kept.front().second, kept.front().second ? "" : qPrintable(kept.front().second.error().reason));
        const auto page = bob->profile().messages().page(atBob, std::nullopt, 10);
        QVERIFY(std::any_of(page.begin(), page.end(), [](const storage::MessageRecord &m) { return m.body == QStringLiteral("early words"); }));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 0);
        // Dave writes in the group: Bob reads it.
        QVERIFY(dave.messenger().sendGroupText(groupIn(dave, groupId), QStringLiteral("new here")));
        const auto results = deliver(dave, *bob);
        QCOMPARE(results.size(), std::size_t(1));
        QVERIFY2(results.front(), results.front() ? "" : qPrintable(results.front().error().reason));
        QCOMPARE(bob->profile().messages().page(atBob, std::nullopt, 10).front().body, QStringLiteral("new here"));

        // Bounded: a stranger's keys for groups that never come stop being kept.
        test::TestPeer mallory(ctx, QStringLiteral("mallory"));
        test::introduce(mallory, *bob);
        for (int i = 0; i < messenger::Messenger::MaxParkedKeysPerStranger + 4; ++i) {
            wire::Content content;
            wire::SenderKeyDistribution *k = content.mutable_sender_key();
            k->set_id(toStd(QByteArray(16, char('a' + i))));
            k->set_sent_at(1);
            k->set_group_id(toStd(QByteArray(messenger::GroupState::GroupIdBytes, char(i + 1))));
            k->set_epoch(1);
            k->set_distribution(std::string(100, 'k'));
            const std::string bytes = content.SerializeAsString();
            auto sealed = mallory.messenger().sessions().encrypt(bob->id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
            QVERIFY(sealed);
            QVERIFY(bob->messenger().receive(mallory.id(), *sealed)); // acknowledged either way
        }
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), messenger::Messenger::MaxParkedKeysPerStranger);
    }

    // Review finding 8: a sender key for a group we know is stored only from a member of our
    // state, for an epoch near ours; anyone could store keys without end. A member added in
    // a revision we have not got yet is kept aside and still read once that revision comes.
    void senderKeysOnlyFromMembersNearOurEpoch()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        const std::int64_t atBob = groupIn(*bob, groupId);
        QVERIFY(atBob);
        int sent = 0;
        const auto sendKey = [&](test::TestPeer &from, quint32 epoch) {
            wire::Content content;
            wire::SenderKeyDistribution *k = content.mutable_sender_key();
            k->set_id(toStd(QByteArray(15, 'k') + char(++sent)));
            k->set_sent_at(1);
            k->set_group_id(toStd(groupId));
            k->set_epoch(epoch);
            // A well-formed distribution: the sender's real one for that epoch.
            auto made = from.messenger().groupSessions().ownDistribution(groupId, epoch, from.id());
            if (!made)
                return false;
            k->set_distribution(toStd(*made));
            const std::string bytes = content.SerializeAsString();
            auto sealed = from.messenger().sessions().encrypt(bob->id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
            return sealed && bob->messenger().receive(from.id(), *sealed).has_value(); // acknowledged
        };
        const std::int64_t keys = count(*bob, "SELECT count(*) FROM sender_keys");
        QVERIFY(sendKey(*carol, 0)); // Carol is no member: kept aside, not stored
        QCOMPARE(count(*bob, "SELECT count(*) FROM sender_keys"), keys);
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 1);
        QVERIFY(sendKey(*alice, 40)); // a member, but 40 epochs ahead: dropped
        QCOMPARE(count(*bob, "SELECT count(*) FROM sender_keys"), keys);
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 1);

        // Alice adds Carol; Carol's key, then her first message, reach Bob before the revision.
        auto added = alice->messenger().addMembers(*created, {carol->id()});
        QVERIFY(added);
        for (const auto &r : deliver(*alice, *carol))
            QVERIFY(r);
        const std::int64_t atCarol = groupIn(*carol, groupId);
        QVERIFY(atCarol);
        QVERIFY(carol->messenger().sendGroupText(atCarol, QStringLiteral("thanks for adding me")));
        for (const auto &r : deliver(*carol, *bob))
            QVERIFY2(r, r ? "" : qPrintable(r.error().reason));
        QCOMPARE(count(*bob, "SELECT count(*) FROM sender_keys"), keys);
        for (const auto &r : deliver(*alice, *bob))
            QVERIFY(r);
        QCOMPARE(bob->messenger().groupState(atBob)->members.size(), std::size_t(3));
        const auto kept = bob->messenger().receiveParked(atBob);
        QCOMPARE(kept.size(), std::size_t(1));
        QVERIFY2(kept.front().second, kept.front().second ? "" : qPrintable(kept.front().second.error().reason));
        QVERIFY(bob->messenger().groupSessions().hasSenderKey(groupId, 0, carol->id()));
        const auto page = bob->profile().messages().page(atBob, std::nullopt, 10);
        QVERIFY(std::any_of(page.begin(), page.end(),
                            [](const storage::MessageRecord &m) { return m.body == QStringLiteral("thanks for adding me"); }));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 0);
    }

    // Review finding 7: blocking a peer, or deleting its message request, drops what it had
    // kept for groups we do not have yet (it was taken, or kept 14 days, all the same).
    void aBlockedOrDeletedRequestsKeptRowsGo()
    {
        test::TestPeer mallory(ctx, QStringLiteral("mallory"));
        test::introduce(mallory, *bob);
        int sent = 0;
        const auto sendKey = [&] {
            wire::Content content;
            wire::SenderKeyDistribution *k = content.mutable_sender_key();
            k->set_id(toStd(QByteArray(15, 'k') + char(++sent)));
            k->set_sent_at(1);
            k->set_group_id(toStd(QByteArray(messenger::GroupState::GroupIdBytes, char(sent))));
            k->set_epoch(1);
            k->set_distribution(std::string(100, 'k'));
            const std::string bytes = content.SerializeAsString();
            auto sealed = mallory.messenger().sessions().encrypt(bob->id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
            return sealed && bob->messenger().receive(mallory.id(), *sealed).has_value();
        };
        QVERIFY(sendKey());
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 1);
        auto deleted = bob->messenger().deleteRequest(mallory.id());
        QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.error().reason));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 0);
        QVERIFY(sendKey());
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 1);
        QVERIFY(bob->messenger().setBlocked(mallory.id(), true));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), 0);
    }

    // Review finding 5: only kept keys count toward a stranger's key bound (a member with
    // many kept messages still gets its key for another group kept), and all strangers
    // together are bounded: 256 kept keys, 5,000 kept rows.
    void keptRowsFromStrangersAreBounded()
    {
        test::TestPeer mallory(ctx, QStringLiteral("mallory"));
        test::introduce(mallory, *bob);
        int sent = 0;
        const auto sendKey = [&](char group) {
            wire::Content content;
            wire::SenderKeyDistribution *k = content.mutable_sender_key();
            k->set_id(toStd(QByteArray(15, 'k') + char(++sent)));
            k->set_sent_at(1);
            k->set_group_id(toStd(QByteArray(messenger::GroupState::GroupIdBytes, group)));
            k->set_epoch(1);
            k->set_distribution(std::string(100, 'k'));
            const std::string bytes = content.SerializeAsString();
            auto sealed = mallory.messenger().sessions().encrypt(bob->id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
            return sealed && bob->messenger().receive(mallory.id(), *sealed).has_value(); // acknowledged either way
        };
        const auto sendMessage = [&](char group) {
            wire::GroupCiphertext envelope;
            envelope.set_group_id(toStd(QByteArray(messenger::GroupState::GroupIdBytes, group)));
            envelope.set_epoch(1);
            envelope.set_ciphertext(std::string(80, char(++sent)));
            const std::string bytes = envelope.SerializeAsString();
            return bob->messenger().receive(mallory.id(), {protocol::MessageKind::SenderKey, QByteArray::fromStdString(bytes)}).has_value();
        };
        QVERIFY(sendKey('\x01'));
        for (int i = 0; i < messenger::Messenger::MaxParkedKeysPerStranger + 4; ++i)
            QVERIFY(sendMessage('\x01'));
        const std::int64_t kept = count(*bob, "SELECT count(*) FROM group_parked");
        QCOMPARE(kept, std::int64_t(messenger::Messenger::MaxParkedKeysPerStranger + 5));
        QVERIFY(sendKey('\x02')); // its messages for group 1 do not push out its key for group 2
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), kept + 1);

        // Other strangers' keys fill the shared bound: no more keys, from anyone not accepted.
        for (int i = 0; i < messenger::Messenger::MaxParkedKeysFromStrangers - 2; ++i) {
            const QByteArray group(messenger::GroupState::GroupIdBytes, char(0x40 + i % 64));
            storage::Statement filler = bob->profile().database().prepare(
                "INSERT INTO group_parked (group_id, sender, epoch, envelope, received_at) VALUES (?, ?, 1, x'006b6b', ?)");
            QVERIFY(filler.bind(1, group).bind(2, QStringLiteral("stranger%1").arg(i)).bind(3, QDateTime::currentMSecsSinceEpoch()).run());
        }
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked WHERE substr(envelope, 1, 1) = x'00'"),
                 std::int64_t(messenger::Messenger::MaxParkedKeysFromStrangers));
        const std::int64_t full = count(*bob, "SELECT count(*) FROM group_parked");
        QVERIFY(sendKey('\x03'));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), full);
        // And rows of any kind: a kept key's sender's messages stop being kept at the total.
        QVERIFY(bob->profile().database().exec("DELETE FROM group_parked WHERE sender LIKE 'stranger%';"));
        QVERIFY(bob->profile().database().exec(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
            "INSERT INTO group_parked (group_id, sender, epoch, envelope, received_at) "
            "SELECT x'0f', 'someone', 1, x'0a', strftime('%s', 'now') * 1000 FROM n;"));
        const std::int64_t many = count(*bob, "SELECT count(*) FROM group_parked");
        QVERIFY(many >= messenger::Messenger::MaxParkedFromStrangers);
        QVERIFY(sendMessage('\x01'));
        QVERIFY(sendKey('\x04'));
        QCOMPARE(count(*bob, "SELECT count(*) FROM group_parked"), many);
    }

    // Clocks disagree: Alice's is two minutes ahead of Bob's. Bob's reply to her message is
    // stamped just after it, so every member's view (ordered by sent_at) shows it below what
    // it answers. A quoted time beyond the few minutes a clock may lead does not move ours.
    // And a reply stamped before its target by a peer that does not do this (Content v4) is
    // sorted after the target by its receiver.
    void aReplyNeverShowsBeforeWhatItAnswers()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        auto asked = alice->messenger().sendGroupText(*created, QStringLiteral("who brings the rope?"));
        QVERIFY(asked);
        QVERIFY(pump());
        // As if Alice's clock had been two minutes ahead: her stamp, in every copy.
        const qint64 ahead = 2 * 60 * 1000;
        for (test::TestPeer *p : all()) {
            storage::Statement st = p->profile().database().prepare("UPDATE messages SET sent_at = sent_at + ? WHERE uuid = ?");
            QVERIFY(st.bind(1, ahead).bind(2, asked->message.uuid).run());
        }
        const qint64 askedAt = bob->profile().messages().messageByUuid(asked->message.uuid)->sentAt;
        auto answer = bob->messenger().sendGroupText(groupIn(*bob, groupId), QStringLiteral("I do"), asked->message.uuid);
        QVERIFY(answer);
        QCOMPARE(answer->message.sentAt, askedAt + 1);
        QVERIFY(pump());
        for (test::TestPeer *p : all()) {
            const auto page = p->profile().messages().page(groupIn(*p, groupId), std::nullopt, 10);
            QCOMPARE(page.size(), std::size_t(2));
            QCOMPARE(page.front().body, QStringLiteral("I do")); // newest first: the answer below the question
            QCOMPARE(page.front().sentAt, askedAt + 1);
        }
        // A clock an hour ahead is not followed: the reply keeps our time.
        auto far = alice->messenger().sendGroupText(*created, QStringLiteral("and the tent?"));
        QVERIFY(far);
        QVERIFY(pump());
        storage::Statement st = bob->profile().database().prepare("UPDATE messages SET sent_at = sent_at + ? WHERE uuid = ?");
        QVERIFY(st.bind(1, qint64(3600 * 1000)).bind(2, far->message.uuid).run());
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        auto tent = bob->messenger().sendGroupText(groupIn(*bob, groupId), QStringLiteral("no tent"), far->message.uuid);
        QVERIFY(tent);
        QVERIFY(tent->message.sentAt >= before && tent->message.sentAt < before + 60 * 1000);

        // 1:1, from a peer that stamps its reply with its own clock, a minute before.
        QVERIFY(alice->messenger().sendText(bob->id(), QStringLiteral("lunch?")));
        QVERIFY(pump());
        const auto lunch = bob->profile().messages().page(*bob->profile().messages().conversationFor(alice->id()), std::nullopt, 1).front();
        wire::Content content;
        wire::TextMessage *text = content.mutable_text();
        text->set_id(toStd(QByteArray(16, 'r')));
        text->set_sent_at(lunch.sentAt - 60 * 1000);
        text->set_body("yes");
        text->set_reply_to(toStd(lunch.uuid));
        const std::string bytes = content.SerializeAsString();
        auto sealed = bob->messenger().sessions().encrypt(alice->id(), QByteArray(bytes.data(), qsizetype(bytes.size())));
        QVERIFY(sealed);
        auto got = alice->messenger().receive(bob->id(), *sealed);
        QVERIFY2(got && got->message, got ? "" : qPrintable(got.error().reason));
        const qint64 lunchAtAlice = alice->profile().messages().messageByUuid(lunch.uuid)->sentAt;
        QCOMPARE(got->message->sentAt, lunchAtAlice + 1);
        QCOMPARE(alice->profile().messages().page(got->message->conversationId, std::nullopt, 1).front().body, QStringLiteral("yes"));
    }

    // Carol leaves while Alice renames the group: Alice's change wins the fork (an admin
    // ranks above a member), which would have kept Carol in. Carol's node leaves again on
    // top of it: every member ends with Carol out, and her key went to nobody.
    void aLeaveThatLostAForkIsMadeAgain()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        QVERIFY(alice->messenger().renameGroup(*created, QStringLiteral("Crag crew")));
        QVERIFY(carol->messenger().leaveGroup(groupIn(*carol, groupId)));
        QVERIFY(!carol->messenger().groupState(groupIn(*carol, groupId))->isMember(carol->id()));
        QVERIFY(pump());
        for (test::TestPeer *p : all()) {
            auto state = p->messenger().groupState(groupIn(*p, groupId));
            QVERIFY(state);
            QCOMPARE(state->name, QStringLiteral("Crag crew")); // the rename stands...
            QVERIFY2(!state->isMember(carol->id()), qPrintable(p->id().toString())); // ...and Carol is out
        }
    }

    void forgedChangesAreRefused()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const messenger::GroupState before = *alice->messenger().groupState(*created);
        const std::int64_t atCarol = groupIn(*carol, before.groupId);
        QVERIFY(atCarol);

        // Bob, a member but no admin, makes himself admin and signs it as himself.
        auto chainState = [&](test::TestPeer &p) { return p.profile().groups().states(before.groupId).back().second; };
        auto parent = messenger::parseSignedGroupState(ctx, chainState(*carol));
        QVERIFY(parent);
        messenger::GroupState grab = parent->state;
        grab.revision += 1;
        grab.previous = parent->hash();
        for (auto &m : grab.members)
            if (!m.admin) {
                m.admin = true;
                m.adminSince = grab.revision; // well formed: refused for who signed it
            }
        grab.changedBy = bob->profile().identityKey();
        auto byBob = messenger::signGroupState(grab, signerOf(*bob));
        QVERIFY(byBob);
        auto refused = carol->messenger().receive(bob->id(), groupUpdate(*bob, *carol, *byBob));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, messenger::Errc::InvalidMessage);

        // The same change claiming to be Alice's, signed with Bob's key.
        grab.changedBy = alice->profile().identityKey();
        auto inAlicesName = messenger::signGroupState(grab, signerOf(*bob));
        QVERIFY(inAlicesName);
        refused = carol->messenger().receive(bob->id(), groupUpdate(*bob, *carol, *inAlicesName));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, messenger::Errc::InvalidMessage);

        auto after = carol->messenger().groupState(atCarol);
        QVERIFY(after);
        QCOMPARE(after->revision, before.revision);
        QVERIFY(!after->isAdmin(bob->id()));

        // Alice's genuine change, relayed by Bob, is taken: signatures, not messengers, count.
        messenger::GroupState rename = parent->state;
        rename.revision += 1;
        rename.previous = parent->hash();
        rename.name = QStringLiteral("Bouldering");
        rename.changedBy = alice->profile().identityKey();
        auto byAlice = messenger::signGroupState(rename, signerOf(*alice));
        QVERIFY(byAlice);
        auto taken = carol->messenger().receive(bob->id(), groupUpdate(*bob, *carol, *byAlice));
        QVERIFY2(taken, taken ? "" : qPrintable(taken.error().reason));
        QCOMPARE(taken->groupUpdated, atCarol);
        QCOMPARE(carol->messenger().groupState(atCarol)->name, QStringLiteral("Bouldering"));
    }

    // The envelope of kind 4 `from` has waiting for `to` (the newest), as the wire carries it.
    QByteArray lastGroupEnvelope(test::TestPeer &from, test::TestPeer &to)
    {
        QByteArray out;
        for (const storage::OutboxEntry &e : from.profile().outbox().pending(to.id(), 0, 1000))
            if (e.kind == int(protocol::MessageKind::SenderKey))
                out = e.ciphertext;
        return out;
    }

    // A removal starts a new epoch: the removed member is told, gets no new sender key and
    // nothing sent after; handed the ciphertext anyway, it cannot read it.
    void removedMemberCannotReadWhatFollows()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("before")));
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        const std::int64_t atBob = groupIn(*bob, groupId), atCarol = groupIn(*carol, groupId);
        QCOMPARE(carol->profile().messages().messageCount(atCarol), 1);

        // Bob is no admin: he cannot remove anyone.
        auto refused = bob->messenger().removeMembers(atBob, {carol->id()});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, messenger::Errc::NotAllowed);

        auto removed = alice->messenger().removeMembers(*created, {carol->id()});
        QVERIFY2(removed, removed ? "" : qPrintable(removed.error().reason));
        QCOMPARE(removed->epoch, 1u);
        QVERIFY(pump());
        QCOMPARE(bob->messenger().groupState(atBob)->epoch, 1u);
        QVERIFY(!carol->messenger().groupState(atCarol)->isMember(carol->id())); // she was told
        // Bob's fresh key went to Alice, not to Carol.
        QVERIFY(alice->messenger().groupSessions().hasSenderKey(groupId, 1, bob->id()));
        QVERIFY(!carol->messenger().groupSessions().hasSenderKey(groupId, 1, bob->id()));
        QVERIFY(!carol->messenger().groupSessions().hasSenderKey(groupId, 1, alice->id()));

        auto after = alice->messenger().sendGroupText(*created, QStringLiteral("after"));
        QVERIFY(after);
        QCOMPARE(after->recipients, std::vector<protocol::PeerId>{bob->id()});
        const QByteArray captured = lastGroupEnvelope(*alice, *bob);
        QVERIFY(!captured.isEmpty());
        QVERIFY(pump());
        QCOMPARE(bob->profile().messages().messageCount(atBob), 2);
        // Carol, still linked to Alice, is handed what Bob got: refused, nothing stored.
        auto got = carol->messenger().receive(alice->id(), {protocol::MessageKind::SenderKey, captured});
        QVERIFY(!got);
        wire::GroupCiphertext inner;
        QVERIFY(inner.ParseFromArray(captured.constData(), int(captured.size())));
        QCOMPARE(inner.epoch(), 1u);
        // And her keys cannot open it, whatever the membership check says.
        auto opened
            = carol->messenger().groupSessions().decrypt(groupId, 1, alice->id(), QByteArray::fromStdString(inner.ciphertext()),
                                                         [](const QByteArray &) -> std::expected<void, protocol::Error> { return {}; });
        QVERIFY(!opened);
        auto oldKey
            = carol->messenger().groupSessions().decrypt(groupId, 0, alice->id(), QByteArray::fromStdString(inner.ciphertext()),
                                                         [](const QByteArray &) -> std::expected<void, protocol::Error> { return {}; });
        QVERIFY(!oldKey);
        QCOMPARE(carol->profile().messages().messageCount(atCarol), 1);
        // A removed member's own group messages are refused by the others.
        auto fromCarol = carol->messenger().sendGroupText(atCarol, QStringLiteral("still here?"));
        QVERIFY(!fromCarol);
    }

    // A member who lost more than 2,000 of our group messages after storing them (kept rows
    // dropped when full, a profile restored from a copy) cannot step our sender key that far:
    // it rejects what follows. It gets our key again, from the checkpoint at or before the
    // first it rejected, then the messages, and reads each once. A message it rejects again
    // with the key in hand is not sent a third time.
    void aMemberFarBehindGetsTheSenderKeyAgain()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        const std::int64_t atBob = groupIn(*bob, groupId);
        const int lost = int(messenger::Messenger::SenderKeyMaxStep) + 150;
        {
            protocol::StoreTransaction tx(alice->profile().protocolStore());
            for (int i = 0; i < lost; ++i)
                QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("lost %1").arg(i)));
            QVERIFY(tx.commit());
        }
        // Our key at its start was kept, and one every 1,000 iterations.
        QCOMPARE(count(*alice, "SELECT count(*) FROM sender_key_checkpoints"), 1 + lost / 1000);
        {
            // Taken and acknowledged, then lost: nothing of them reaches Bob's history.
            std::int64_t &upTo = sentUpTo[{alice->id().toString(), bob->id().toString()}];
            std::vector<std::int64_t> ids;
            for (const storage::OutboxEntry &row : alice->profile().outbox().pending(bob->id(), upTo, lost + 10))
                ids.push_back(row.id);
            QCOMPARE(int(ids.size()), lost);
            upTo = ids.back();
            QVERIFY(alice->messenger().acknowledge(bob->id(), ids, {}));
        }
        for (const QString &text : {QStringLiteral("after 1"), QStringLiteral("after 2"), QStringLiteral("after 3")})
            QVERIFY(alice->messenger().sendGroupText(*created, text));

        std::int64_t &upTo = sentUpTo[{alice->id().toString(), bob->id().toString()}];
        std::vector<std::int64_t> rejected;
        for (const storage::OutboxEntry &row : alice->profile().outbox().pending(bob->id(), upTo, 10)) {
            QCOMPARE(row.kind, int(protocol::MessageKind::SenderKey));
            auto r = bob->messenger().receive(alice->id(), {protocol::MessageKind::SenderKey, row.ciphertext});
            QVERIFY(!r); // more than 2,000 ahead of his copy of Alice's key
            QCOMPARE(r.error().code, messenger::Errc::InvalidMessage);
            rejected.push_back(row.id);
            upTo = row.id;
        }
        QCOMPARE(rejected.size(), std::size_t(3));
        QVERIFY(alice->messenger().acknowledge(bob->id(), {}, rejected));
        // Our key (pairwise), then the same three ciphertexts.
        auto again = alice->profile().outbox().pending(bob->id(), upTo, 10);
        QCOMPARE(again.size(), std::size_t(4));
        QVERIFY(again[0].kind != int(protocol::MessageKind::SenderKey));
        for (std::size_t i = 1; i < again.size(); ++i)
            QCOMPARE(again[i].kind, int(protocol::MessageKind::SenderKey));
        // The third is rejected again before it is even sent: dropped, not queued a third time.
        QVERIFY(alice->messenger().acknowledge(bob->id(), {}, {again[3].id}));
        QCOMPARE(alice->profile().outbox().pending(bob->id(), upTo, 10).size(), std::size_t(3));

        const std::int64_t before = bob->profile().messages().messageCount(atBob);
        QVERIFY(pump());
        QCOMPARE(bob->profile().messages().messageCount(atBob), before + 2);
        const auto page = bob->profile().messages().page(atBob, std::nullopt, 2);
        QStringList bodies;
        for (const storage::MessageRecord &m : page)
            bodies << m.body;
        bodies.sort();
        QCOMPARE(bodies, (QStringList{QStringLiteral("after 1"), QStringLiteral("after 2")}));
    }

    // A member that rejects a message it is not behind on (for whatever reason) and gets our
    // key again ignores it: its copy of our key never steps back, so what it read stays a
    // duplicate. Checkpoints no queued message needs are dropped.
    void aMemberAheadIgnoresTheKeyGivenAgain()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("first")));
        const QByteArray first = lastGroupEnvelope(*alice, *bob);
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("second")));
        QVERIFY(pump());
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("third")));
        std::int64_t &upTo = sentUpTo[{alice->id().toString(), bob->id().toString()}];
        const auto rows = alice->profile().outbox().pending(bob->id(), upTo, 10);
        QCOMPARE(rows.size(), std::size_t(1));
        upTo = rows[0].id;
        QVERIFY(alice->messenger().acknowledge(bob->id(), {}, {rows[0].id}));
        QCOMPARE(alice->profile().outbox().pending(bob->id(), upTo, 10).size(), std::size_t(2)); // key (from 0), message
        QVERIFY(pump());
        const std::int64_t atBob = groupIn(*bob, groupId);
        QCOMPARE(bob->profile().messages().messageCount(atBob), 3);
        auto replay = bob->messenger().receive(alice->id(), {protocol::MessageKind::SenderKey, first});
        QVERIFY(!replay);
        QCOMPARE(replay.error().code, messenger::Errc::Duplicate);

        // Everything acknowledged; a thousand more, all queued: only the checkpoint the
        // oldest of them needs (and newer) stays.
        std::vector<std::int64_t> ids;
        for (const storage::OutboxEntry &row : alice->profile().outbox().pending(bob->id(), 0, 100))
            ids.push_back(row.id);
        QVERIFY(alice->messenger().acknowledge(bob->id(), ids, {}));
        QTest::qWait(5); // the next messages are queued a few ms after the checkpoint at 0
        {
            protocol::StoreTransaction tx(alice->profile().protocolStore());
            for (int i = 0; i < int(messenger::Messenger::SenderKeyCheckpointEvery); ++i)
                QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("more %1").arg(i)));
            QVERIFY(tx.commit());
        }
        QCOMPARE(count(*alice, "SELECT count(*) FROM sender_key_checkpoints"), 2);
        QCOMPARE(count(*alice, "SELECT min(iteration) FROM sender_key_checkpoints"), 0);
        ids.clear();
        for (const storage::OutboxEntry &row : alice->profile().outbox().pending(bob->id(), 0, 2000))
            ids.push_back(row.id);
        QVERIFY(alice->messenger().acknowledge(bob->id(), ids, {}));
        QTest::qWait(5);
        {
            protocol::StoreTransaction tx(alice->profile().protocolStore());
            for (int i = 0; i < int(messenger::Messenger::SenderKeyCheckpointEvery); ++i)
                QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("yet more %1").arg(i)));
            QVERIFY(tx.commit());
        }
        // The one at 0 is of no use now: the oldest queued message is past the one at 1,000.
        QCOMPARE(count(*alice, "SELECT min(iteration) FROM sender_key_checkpoints"), 1000);
    }

    // A member removed before its rejection of our message reached us gets no key again:
    // the message was of the epoch before, and it is no longer one of us.
    void aRemovedMemberIsNotGivenTheKeyAgain()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("for all three")));
        const std::int64_t upTo = sentUpTo[{alice->id().toString(), carol->id().toString()}];
        const auto rows = alice->profile().outbox().pending(carol->id(), upTo, 10);
        QCOMPARE(rows.size(), std::size_t(1));
        QVERIFY(alice->messenger().removeMembers(*created, {carol->id()}));
        const auto queued = alice->profile().outbox().pending(carol->id(), upTo, 10);
        QVERIFY(alice->messenger().acknowledge(carol->id(), {}, {rows[0].id}));
        const auto after = alice->profile().outbox().pending(carol->id(), upTo, 10);
        QCOMPARE(after.size(), queued.size() - 1);
        QCOMPARE(after.back().id, queued.back().id); // nothing new for her
    }

    // A member added later gets the senders' keys as they are now: what was sealed before
    // it joined stays unreadable to it.
    void newMemberCannotReadWhatCameBefore()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id()});
        QVERIFY(created);
        QVERIFY(pump());
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("before carol")));
        const QByteArray captured = lastGroupEnvelope(*alice, *bob);
        QVERIFY(pump());
        auto added = alice->messenger().addMembers(*created, {carol->id()});
        QVERIFY2(added, added ? "" : qPrintable(added.error().reason));
        QCOMPARE(added->epoch, 0u); // nobody left: the keys stay, the newcomer gets them as they are
        QVERIFY(pump());
        const QByteArray groupId = added->groupId;
        const std::int64_t atCarol = groupIn(*carol, groupId);
        QVERIFY(atCarol);
        QCOMPARE(carol->messenger().groupState(atCarol)->members.size(), std::size_t(3));
        QVERIFY(carol->messenger().groupSessions().hasSenderKey(groupId, 0, alice->id()));
        QVERIFY(carol->messenger().groupSessions().hasSenderKey(groupId, 0, bob->id()));
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("welcome carol")));
        QVERIFY(bob->messenger().sendGroupText(groupIn(*bob, groupId), QStringLiteral("hi carol")));
        QVERIFY(pump());
        QCOMPARE(carol->profile().messages().messageCount(atCarol), 2);
        auto old = carol->messenger().receive(alice->id(), {protocol::MessageKind::SenderKey, captured});
        QVERIFY(!old);
        QCOMPARE(carol->profile().messages().messageCount(atCarol), 2);
        const auto page = carol->profile().messages().page(atCarol, std::nullopt, 10);
        for (const auto &m : page)
            QVERIFY(m.body != QStringLiteral("before carol"));
        // She rejects a later one (as if she lost what came between): the key she gets again
        // is from her joining on, and still does not open what came before it.
        QVERIFY(alice->messenger().sendGroupText(*created, QStringLiteral("once more")));
        std::int64_t &upTo = sentUpTo[{alice->id().toString(), carol->id().toString()}];
        const auto rows = alice->profile().outbox().pending(carol->id(), upTo, 10);
        QCOMPARE(rows.size(), std::size_t(1));
        upTo = rows[0].id;
        QVERIFY(alice->messenger().acknowledge(carol->id(), {}, {rows[0].id}));
        QCOMPARE(alice->profile().outbox().pending(carol->id(), upTo, 10).size(), std::size_t(2)); // key, message
        QVERIFY(pump());
        QCOMPARE(carol->profile().messages().messageCount(atCarol), 3);
        auto stillOld = carol->messenger().receive(alice->id(), {protocol::MessageKind::SenderKey, captured});
        QVERIFY(!stillOld);
        QCOMPARE(carol->profile().messages().messageCount(atCarol), 3);
    }

    // A file sent to a group is pulled only by the members it was sealed for who are members
    // still (issue 9): not one who joined after it, nor one removed since, nor ourselves.
    void aGroupFileIsServedOnlyToItsRecipients()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id()});
        QVERIFY(created);
        QVERIFY(pump());
        QTemporaryFile source;
        QVERIFY(source.open());
        source.write(QByteArray(300 * 1024, 'x'));
        source.flush();
        const QString folder = storage::AttachmentStore::folder(alice->profile().directory());
        QVERIFY(QDir().mkpath(folder));
        auto sealed = messenger::Messenger::sealFile(source.fileName(), folder);
        QVERIFY2(sealed, sealed ? "" : qPrintable(sealed.error().reason));
        auto sent = alice->messenger().sendGroupAttachment(*created, std::move(*sealed), QString());
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().reason));
        const std::int64_t message = sent->message.id;
        QVERIFY(pump());
        QVERIFY(alice->messenger().mayPullGroupFile(*created, message, bob->id()));
        QVERIFY(!alice->messenger().mayPullGroupFile(*created, message, carol->id()));
        QVERIFY(!alice->messenger().mayPullGroupFile(*created, message, alice->id()));
        QVERIFY(alice->messenger().addMembers(*created, {carol->id()}));
        QVERIFY(pump());
        QVERIFY(alice->messenger().groupState(*created)->isMember(carol->id()));
        QVERIFY(!alice->messenger().mayPullGroupFile(*created, message, carol->id())); // joined after it
        QVERIFY(alice->messenger().removeMembers(*created, {bob->id()}));
        QVERIFY(!alice->messenger().mayPullGroupFile(*created, message, bob->id()));
    }

    // What a 1:1 chat does, in a group: a reply, an edit, a reaction and a delete for
    // everyone each reach every member, sealed once.
    void repliesEditsReactionsAndDeletesReachEveryMember()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        auto first = alice->messenger().sendGroupText(*created, QStringLiteral("rope at 6"));
        QVERIFY(first);
        QVERIFY(pump());
        auto reply = bob->messenger().sendGroupText(groupIn(*bob, groupId), QStringLiteral("make it 7"), first->message.uuid);
        QVERIFY2(reply, reply ? "" : qPrintable(reply.error().reason));
        QVERIFY(pump());
        const auto at = [&](test::TestPeer &p, const QByteArray &uuid) { return *p.profile().messages().messageByUuid(uuid); };
        QCOMPARE(at(*carol, reply->message.uuid).replyTo, first->message.uuid);
        QCOMPARE(at(*carol, reply->message.uuid).conversationId, groupIn(*carol, groupId));

        const std::int64_t ciphertextsBefore = count(*alice, "SELECT count(*) FROM group_ciphertexts");
        auto edited = alice->messenger().editText(first->message.id, QStringLiteral("rope at 7"));
        QVERIFY2(edited, edited ? "" : qPrintable(edited.error().reason));
        QCOMPARE(count(*alice, "SELECT count(*) FROM group_ciphertexts"), ciphertextsBefore + 1); // once for both
        QVERIFY(carol->messenger().react(at(*carol, first->message.uuid).id, QStringLiteral("👍")));
        QVERIFY(pump());
        for (test::TestPeer *p : {bob.get(), carol.get()}) {
            const storage::MessageRecord m = at(*p, first->message.uuid);
            QCOMPARE(m.body, QStringLiteral("rope at 7"));
            QVERIFY(m.editedAt != 0);
        }
        for (test::TestPeer *p : {alice.get(), bob.get()}) {
            const auto reactions = p->profile().messages().reactions(at(*p, first->message.uuid).id);
            QCOMPARE(reactions.size(), std::size_t(1));
            QCOMPARE(reactions.front().reactor, carol->id());
        }
        // Bob cannot edit Alice's message; Alice deletes hers for everyone.
        QVERIFY(!bob->messenger().editText(at(*bob, first->message.uuid).id, QStringLiteral("mine now")));
        QVERIFY(alice->messenger().deleteMessage(first->message.id, true));
        QVERIFY(pump());
        for (test::TestPeer *p : {bob.get(), carol.get()}) {
            QVERIFY(at(*p, first->message.uuid).deleted);
            QVERIFY(at(*p, first->message.uuid).body.isEmpty());
        }
    }

    // Renames by two admins at the same moment: every member ends with the same name.
    void concurrentAdminChangesConvergeOnEveryMember()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        QVERIFY(alice->messenger().setGroupAdmin(*created, bob->id(), true));
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        // Neither has seen the other's change when making its own.
        auto byAlice = alice->messenger().renameGroup(*created, QStringLiteral("Alice's name"));
        auto byBob = bob->messenger().renameGroup(groupIn(*bob, groupId), QStringLiteral("Bob's name"));
        QVERIFY(byAlice && byBob);
        QCOMPARE(byAlice->revision, byBob->revision);
        QVERIFY(pump());
        const QString name = alice->messenger().groupState(*created)->name;
        for (test::TestPeer *p : all()) {
            auto state = p->messenger().groupState(groupIn(*p, groupId));
            QVERIFY(state);
            QCOMPARE(state->name, name);
            QCOMPARE(state->revision, byAlice->revision);
        }
    }

    // A fork that goes back to a lower epoch: Bob removed Carol (epoch 1, a fresh key of
    // his for it) while Alice, senior, renamed (epoch 0); Alice's branch wins. Bob's key
    // for epoch 1 may have gone to someone the winning branch removes later: forgotten, so
    // a later epoch 1 gets a fresh one.
    void aForkBackToALowerEpochForgetsOurKeysAbove()
    {
        auto created = alice->messenger().createGroup(QStringLiteral("Climbing"), {bob->id(), carol->id()});
        QVERIFY(created);
        QVERIFY(pump());
        QVERIFY(alice->messenger().setGroupAdmin(*created, bob->id(), true));
        QVERIFY(pump());
        const QByteArray groupId = alice->messenger().groupState(*created)->groupId;
        auto byAlice = alice->messenger().renameGroup(*created, QStringLiteral("Alice's name"));
        auto byBob = bob->messenger().removeMembers(groupIn(*bob, groupId), {carol->id()});
        QVERIFY(byAlice && byBob);
        QCOMPARE(byBob->epoch, 1u);
        QVERIFY(bob->messenger().groupSessions().hasSenderKey(groupId, 1, bob->id()));
        QVERIFY(pump());
        for (test::TestPeer *p : all()) {
            auto state = p->messenger().groupState(groupIn(*p, groupId));
            QVERIFY(state);
            QCOMPARE(state->epoch, 0u);
            QCOMPARE(state->name, QStringLiteral("Alice's name"));
        }
        QVERIFY(!bob->messenger().groupSessions().hasSenderKey(groupId, 1, bob->id()));
    }
};

QTEST_GUILESS_MAIN(TestGroupMessenger)
#include "tst_groupmessenger.moc"
