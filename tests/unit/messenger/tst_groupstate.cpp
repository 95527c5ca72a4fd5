// SPDX-License-Identifier: GPL-3.0-or-later
// The group-state chain (GroupState.h): who may change a group, replays and gaps refused,
// and two admins' concurrent changes ending in the same state whatever the arrival order.
#include "core/messenger/Content.pb.h"
#include "core/messenger/GroupState.h"
#include "tests/support/SigningIdentity.h"

#include <QRandomGenerator>
#include <QtTest>

#include <memory>

using namespace sotto;
using messenger::GroupChain;
using messenger::GroupErrc;
using messenger::GroupState;
using messenger::SignedGroupState;

class tst_GroupState : public QObject {
    Q_OBJECT

    crypto::SignalContext m_ctx;
    std::vector<std::unique_ptr<test::SigningIdentity>> m_people; // 0 alice (creator), 1 bob, 2 carol, 3 dave

    test::SigningIdentity &person(int i) { return *m_people[std::size_t(i)]; }
    messenger::GroupMember memberOf(int i, bool admin = false) { return {person(i).local.peer, person(i).local.identityKey, admin}; }

    SignedGroupState signedBy(int signer, GroupState next)
    {
        next.changedBy = person(signer).local.identityKey;
        auto s = messenger::signGroupState(std::move(next), person(signer).local.sign);
        if (!s)
            qFatal("cannot sign");
        // What a receiver sees: parsed from the wire.
        auto parsed = messenger::parseSignedGroupState(m_ctx, s->serialize());
        if (!parsed)
            qFatal("signed state does not parse: %s", qPrintable(parsed.error().reason));
        return *parsed;
    }

    // The next revision of `parent`, unsigned: the caller changes it.
    GroupState following(const SignedGroupState &parent)
    {
        GroupState next = parent.state;
        next.revision = parent.state.revision + 1;
        next.previous = parent.hash();
        return next;
    }

    SignedGroupState genesis()
    {
        GroupState g;
        g.groupId = QByteArray(16, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(g.groupId.data()), 4);
        g.name = QStringLiteral("Team");
        g.members = {memberOf(0, true), memberOf(1), memberOf(2)};
        g.revision = 1;
        return signedBy(0, g);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ctx.isValid());
        for (const char *name : {"alice", "bob", "carol", "dave"})
            m_people.push_back(std::make_unique<test::SigningIdentity>(m_ctx, QString::fromLatin1(name)));
    }

    void adminChangeAdvances()
    {
        const SignedGroupState g = genesis();
        GroupChain chain;
        QCOMPARE(*chain.offer(g), GroupChain::Outcome::Started);
        GroupState next = following(g);
        next.members.push_back(memberOf(3));
        next.name = QStringLiteral("Team+");
        const SignedGroupState added = signedBy(0, next);
        QCOMPARE(added.state.members.size(), std::size_t(4));
        QCOMPARE(*chain.offer(added), GroupChain::Outcome::Advanced);
        QCOMPARE(chain.current().state.name, QStringLiteral("Team+"));
        QCOMPARE(chain.current().state.epoch, 0u); // nobody left: the sender keys stay
        QCOMPARE(*chain.offer(added), GroupChain::Outcome::Duplicate);
    }

    void nonAdminRefused()
    {
        const SignedGroupState g = genesis();
        GroupChain chain;
        QVERIFY(chain.offer(g));
        GroupState next = following(g);
        next.members.push_back(memberOf(3));
        auto r = chain.offer(signedBy(1, next)); // bob is a member, not an admin
        QVERIFY(!r);
        QCOMPARE(r.error().code, GroupErrc::NotAuthorized);
        // Bob making himself admin is a change too.
        GroupState grab = following(g);
        for (auto &m : grab.members)
            m.admin = m.admin || m.peer == person(1).local.peer;
        r = chain.offer(signedBy(1, grab));
        QVERIFY(!r);
        QCOMPARE(r.error().code, GroupErrc::NotAuthorized);
        // An outsider likewise.
        r = chain.offer(signedBy(3, following(g)));
        QVERIFY(!r);
        QCOMPARE(chain.current().state.revision, quint64(1));
    }

    void memberMayLeave()
    {
        const SignedGroupState g = genesis();
        GroupChain chain;
        QVERIFY(chain.offer(g));
        GroupState leave = following(g);
        std::erase_if(leave.members, [&](const messenger::GroupMember &m) { return m.peer == person(2).local.peer; });
        leave.epoch = g.state.epoch + 1;
        QCOMPARE(*chain.offer(signedBy(2, leave)), GroupChain::Outcome::Advanced);
        QVERIFY(!chain.current().state.isMember(person(2).local.peer));
    }

    void removalMustRekey()
    {
        const SignedGroupState g = genesis();
        GroupChain chain;
        QVERIFY(chain.offer(g));
        GroupState removal = following(g);
        std::erase_if(removal.members, [&](const messenger::GroupMember &m) { return m.peer == person(1).local.peer; });
        auto r = chain.offer(signedBy(0, removal)); // same epoch: the removed member could still read
        QVERIFY(!r);
        removal.epoch = 1;
        QCOMPARE(*chain.offer(signedBy(0, removal)), GroupChain::Outcome::Advanced);
    }

    void forgedRefused()
    {
        const SignedGroupState g = genesis();
        // Bob signs a state and claims Alice changed it.
        GroupState next = following(g);
        next.members.push_back(memberOf(3));
        next.changedBy = person(0).local.identityKey;
        auto s = messenger::signGroupState(next, person(1).local.sign);
        QVERIFY(s);
        auto parsed = messenger::parseSignedGroupState(m_ctx, s->serialize());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, GroupErrc::BadSignature);
        // Alice's genuine revision with one byte of its state changed.
        SignedGroupState genuine = signedBy(0, following(g));
        wire::SignedGroupState w;
        QVERIFY(w.ParseFromString(genuine.serialize().toStdString()));
        std::string state = w.state();
        state[state.size() / 2] ^= 1;
        w.set_state(state);
        const std::string bytes = w.SerializeAsString();
        QVERIFY(!messenger::parseSignedGroupState(m_ctx, QByteArray(bytes.data(), qsizetype(bytes.size()))));
    }

    void replayAndGapRefused()
    {
        const SignedGroupState g = genesis();
        GroupChain chain;
        QVERIFY(chain.offer(g));
        GroupState r2 = following(g);
        r2.name = QStringLiteral("two");
        const SignedGroupState two = signedBy(0, r2);
        GroupState r3 = following(two);
        r3.name = QStringLiteral("three");
        const SignedGroupState three = signedBy(0, r3);
        auto gap = chain.offer(three);
        QVERIFY(!gap);
        QCOMPARE(gap.error().code, GroupErrc::Gap);
        QVERIFY(chain.offer(two));
        QVERIFY(chain.offer(three));
        // A replayed revision changes nothing: the current one stays.
        QCOMPARE(*chain.offer(two), GroupChain::Outcome::Duplicate);
        QCOMPARE(chain.current().hash(), three.hash());
        // An old revision made again (same revision number, on an older parent) is refused.
        GroupState old = following(g);
        old.name = QStringLiteral("again");
        auto replay = chain.offer(signedBy(0, old));
        if (replay) // only the winner of a fork may replace; it must then have the lower hash
            QCOMPARE(*replay, GroupChain::Outcome::Replaced);
        // A revision not built on ours (wrong previous) is refused.
        GroupState off = following(chain.current());
        off.previous = QByteArray(32, 'x');
        auto offChain = chain.offer(signedBy(0, off));
        QVERIFY(!offChain);
        QCOMPARE(offChain.error().code, GroupErrc::NotOnChain);
        // The genesis replayed is a duplicate, never a reset.
        QCOMPARE(*chain.offer(g), GroupChain::Outcome::Duplicate);
        // A member that joined at a later revision holds nothing older: an older revision
        // is stale, not a crash or a reset.
        GroupChain joiner;
        QCOMPARE(*joiner.offer(three), GroupChain::Outcome::Started);
        auto older = joiner.offer(two);
        QVERIFY(!older);
        QCOMPARE(older.error().code, GroupErrc::Stale);
        QCOMPARE(joiner.current().hash(), three.hash());
    }

    void concurrentChangesConverge()
    {
        for (int round = 0; round < 8; ++round) {
            // Alice makes Bob admin first, so two admins can change the group at once.
            const SignedGroupState g = genesis();
            GroupState promote = following(g);
            for (auto &m : promote.members)
                m.admin = true;
            const SignedGroupState two = signedBy(0, promote);
            // Concurrently: Alice adds Dave, Bob renames; Bob's rename then gets a follow-up.
            GroupState add = following(two);
            add.members.push_back(memberOf(3));
            const SignedGroupState byAlice = signedBy(0, add);
            GroupState rename = following(two);
            rename.name = QStringLiteral("Bob's name");
            const SignedGroupState byBob = signedBy(1, rename);
            GroupState rename2 = following(byBob);
            rename2.name = QStringLiteral("Bob's second name");
            const SignedGroupState byBob2 = signedBy(1, rename2);

            const std::vector<std::vector<const SignedGroupState *>> orders = {{&byAlice, &byBob, &byBob2},
                                                                               {&byBob, &byBob2, &byAlice},
                                                                               {&byBob, &byAlice, &byBob2},
                                                                               {&byBob2, &byBob, &byAlice, &byBob2}};
            std::vector<QByteArray> ends;
            for (const auto &order : orders) {
                GroupChain chain;
                QVERIFY(chain.offer(g));
                QVERIFY(chain.offer(two));
                for (const SignedGroupState *s : order) {
                    auto r = chain.offer(*s); // refusals (lost, gap) are part of the rule
                    Q_UNUSED(r);
                }
                ends.push_back(chain.current().hash());
            }
            for (const QByteArray &end : ends)
                QCOMPARE(end, ends.front());
            // The winner is the lower hash of the two concurrent revisions.
            const bool aliceWins = byAlice.hash() < byBob.hash();
            QCOMPARE(ends.front(), aliceWins ? byAlice.hash() : byBob2.hash());
        }
    }
};

QTEST_GUILESS_MAIN(tst_GroupState)
#include "tst_groupstate.moc"
