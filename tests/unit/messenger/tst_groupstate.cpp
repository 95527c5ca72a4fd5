// SPDX-License-Identifier: GPL-3.0-or-later
// The group-state chain (GroupState.h): who may change a group, replays and gaps refused,
// two admins' concurrent changes ending in the same state whatever the arrival order, and
// the attacks on that rule: grinding hashes, a removed admin or member taking the group
// back, a deep rollback.
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
    // A member; an admin when `adminSince` (its seniority: the revision it became one) is set.
    messenger::GroupMember memberOf(int i, quint64 adminSince = 0)
    {
        return {person(i).local.peer, person(i).local.identityKey, adminSince > 0, adminSince};
    }
    static void makeAdmin(GroupState &next, const test::SigningIdentity &who)
    {
        for (auto &m : next.members)
            if (m.peer == who.local.peer && !m.admin) {
                m.admin = true;
                m.adminSince = next.revision;
            }
    }
    void remove(GroupState &next, int i)
    {
        std::erase_if(next.members, [&](const messenger::GroupMember &m) { return m.peer == person(i).local.peer; });
        ++next.epoch;
    }

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
        g.members = {memberOf(0, 1), memberOf(1), memberOf(2)};
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
        makeAdmin(grab, person(1));
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
            for (int i : {1, 2})
                makeAdmin(promote, person(i));
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
            // Neither takes anything from the other's signer: the senior admin's change
            // wins, whatever the hashes (it was a coin toss on them before).
            QCOMPARE(ends.front(), byAlice.hash());
        }
    }

    // Only one encoding of a state is taken: a signer who could vary the bytes of one change
    // (an unknown field, a name that reads back the same) could try hash after hash.
    void onlyTheCanonicalEncodingIsTaken()
    {
        const SignedGroupState g = genesis();
        GroupState next = following(g);
        next.name = QStringLiteral("Renamed");
        next.changedBy = person(0).local.identityKey;
        auto genuine = messenger::signGroupState(next, person(0).local.sign);
        QVERIFY(genuine);
        // The same state with an unknown field appended (field 15, varint 1), signed anew.
        QByteArray padded = genuine->bytes + QByteArray("\x78\x01", 2);
        wire::SignedGroupState w;
        w.set_state(padded.toStdString());
        w.set_signature(person(0).local.sign(QByteArrayLiteral("sotto-group-v1") + padded).toStdString());
        const std::string bytes = w.SerializeAsString();
        auto parsed = messenger::parseSignedGroupState(m_ctx, QByteArray(bytes.data(), qsizetype(bytes.size())));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, GroupErrc::Malformed);
        // Names that would read as another: bidi overrides, controls, padding spaces.
        for (const QString &name : {QStringLiteral("Team\u202Egnp.exe"), QStringLiteral("Te\nam"), QStringLiteral(" Team"),
                                    QStringLiteral("Tea\u200Bm")}) {
            QVERIFY2(!messenger::isValidGroupName(name), qPrintable(name));
            GroupState bad = following(g);
            bad.name = name;
            bad.changedBy = person(0).local.identityKey;
            auto s = messenger::signGroupState(bad, person(0).local.sign);
            QVERIFY(s);
            QVERIFY(!messenger::parseSignedGroupState(m_ctx, s->serialize()));
        }
        QVERIFY(messenger::isValidGroupName(QStringLiteral("Family \U0001F468\u200D\U0001F469\u200D\U0001F467")));
        // Seniority is carried, never claimed: Bob made admin cannot date it back to 1.
        GroupState claim = following(g);
        makeAdmin(claim, person(1));
        for (auto &m : claim.members)
            if (m.peer == person(1).local.peer)
                m.adminSince = 1;
        GroupChain chain;
        QVERIFY(chain.offer(g));
        auto r = chain.offer(signedBy(0, claim));
        QVERIFY(!r);
        QCOMPARE(r.error().code, GroupErrc::Malformed);
    }

    // Bob, a junior admin, is removed by Alice. Whatever rival he signs on the revision
    // before — removing Alice, any name, a thousand tries — Alice's removal stands on every
    // member, whichever arrives first.
    void aRemovedAdminCannotWinTheGroupBack()
    {
        const SignedGroupState g = genesis();
        GroupState p = following(g);
        makeAdmin(p, person(1));
        const SignedGroupState parent = signedBy(0, p);
        GroupState removal = following(parent);
        remove(removal, 1);
        const SignedGroupState byAlice = signedBy(0, removal);
        for (int attempt = 0; attempt < 40; ++attempt) {
            GroupState rival = following(parent);
            remove(rival, 0); // Bob removes Alice
            makeAdmin(rival, person(2));
            rival.name = QStringLiteral("Bob's %1").arg(attempt);
            const SignedGroupState byBob = signedBy(1, rival);
            for (bool aliceFirst : {true, false}) {
                GroupChain chain;
                QVERIFY(chain.offer(g));
                QVERIFY(chain.offer(parent));
                auto first = chain.offer(aliceFirst ? byAlice : byBob);
                QVERIFY(first);
                auto second = chain.offer(aliceFirst ? byBob : byAlice);
                Q_UNUSED(second);
                QCOMPARE(chain.current().hash(), byAlice.hash());
            }
        }
    }

    // Carol (junior admin) renames, then Alice removes Bob. Bob, senior to Carol, signs a
    // rival on the revision before Carol's: it does not undo his removal, neither on a member
    // holding both revisions nor on one that took his rival before it saw the removal (it
    // comes back when Alice's update carries the whole branch).
    void aRemovedAdminCannotRollBackPastHisRemoval()
    {
        const SignedGroupState g = genesis();
        GroupState p2 = following(g);
        makeAdmin(p2, person(1));
        const SignedGroupState two = signedBy(0, p2);
        GroupState p3 = following(two);
        makeAdmin(p3, person(2));
        const SignedGroupState parent = signedBy(0, p3);
        GroupState rename = following(parent);
        rename.name = QStringLiteral("Carol's");
        const SignedGroupState byCarol = signedBy(2, rename);
        GroupState removal = following(byCarol);
        remove(removal, 1);
        const SignedGroupState byAlice = signedBy(0, removal);
        GroupState rival = following(parent);
        rival.name = QStringLiteral("Bob's");
        const SignedGroupState byBob = signedBy(1, rival);

        // Holding Carol's and Alice's: Bob's rival is refused.
        GroupChain full;
        for (const SignedGroupState *s : {&g, &two, &parent, &byCarol, &byAlice})
            QVERIFY(full.offer(*s));
        auto refused = full.offer(byBob);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, GroupErrc::Lost);
        QCOMPARE(full.current().hash(), byAlice.hash());

        // Holding only Carol's: Bob, senior to Carol, wins there for now...
        GroupChain behind;
        for (const SignedGroupState *s : {&g, &two, &parent, &byCarol})
            QVERIFY(behind.offer(*s));
        QCOMPARE(*behind.offer(byBob), GroupChain::Outcome::Replaced);
        // ...Alice's removal alone cannot follow (its parent is gone), but her update's tail
        // carries the branch, and the branch that removed Bob wins.
        QVERIFY(!behind.offer(byAlice));
        QCOMPARE(*behind.offer(std::vector{g, two, parent, byCarol, byAlice}), GroupChain::Outcome::Replaced);
        QCOMPARE(behind.current().hash(), byAlice.hash());
    }

    // Dave, a member, is removed after a run of changes. His leave signed on an older revision
    // never wins (a member ranks below every admin, and the branch removed him); deeper than
    // an update carries, it is not even weighed.
    void aRemovedMemberCannotRollBack()
    {
        const SignedGroupState g = genesis();
        GroupState add = following(g);
        add.members.push_back(memberOf(3));
        std::vector<SignedGroupState> chainStates{g, signedBy(0, add)};
        for (int i = 0; i < 10; ++i) {
            GroupState next = following(chainStates.back());
            next.name = QStringLiteral("name %1").arg(i);
            if (i == 9)
                remove(next, 3);
            chainStates.push_back(signedBy(0, next));
        }
        GroupChain chain;
        for (const SignedGroupState &s : chainStates)
            QVERIFY(chain.offer(s));
        for (std::size_t forkAt : {std::size_t(1), std::size_t(6), std::size_t(10)}) { // deep, within reach, just before
            GroupState leave = following(chainStates[forkAt]);
            remove(leave, 3);
            auto r = chain.offer(signedBy(3, leave));
            QVERIFY(!r);
            QCOMPARE(r.error().code, GroupErrc::Lost);
            QCOMPARE(chain.current().hash(), chainStates.back().hash());
        }
    }

    // Bob, removed by Alice, builds a long branch of his own (removing Alice, then nine more
    // changes) and gets it to a member before Alice's removal does. When her update comes
    // the member still switches to it: the length of what a member holds decides nothing
    // (it did: a held branch over 8 revisions was kept, and members parted for good).
    void aLongBranchDoesNotWinByArrivingFirst()
    {
        const SignedGroupState g = genesis();
        GroupState p2 = following(g);
        makeAdmin(p2, person(1));
        const SignedGroupState parent = signedBy(0, p2);
        GroupState removal = following(parent);
        remove(removal, 1);
        const SignedGroupState byAlice = signedBy(0, removal);
        std::vector<SignedGroupState> bobs;
        GroupState x = following(parent);
        remove(x, 0);
        bobs.push_back(signedBy(1, x));
        for (int i = 0; i < 9; ++i) {
            GroupState next = following(bobs.back());
            next.name = QStringLiteral("Bob's %1").arg(i);
            bobs.push_back(signedBy(1, next));
        }
        GroupChain member;
        QVERIFY(member.offer(g));
        QVERIFY(member.offer(parent));
        for (const SignedGroupState &s : bobs)
            QVERIFY(member.offer(s));
        QCOMPARE(member.current().hash(), bobs.back().hash());
        QCOMPARE(*member.offer(std::vector{parent, byAlice}), GroupChain::Outcome::Replaced);
        QCOMPARE(member.current().hash(), byAlice.hash());
        // A member that had Alice's first keeps it, whatever of Bob's comes.
        GroupChain other;
        for (const SignedGroupState *s : {&g, &parent, &byAlice})
            QVERIFY(other.offer(*s));
        QVERIFY(!other.offer(std::vector(bobs.end() - 8, bobs.end())));
        QVERIFY(!other.offer(std::vector(bobs.begin(), bobs.begin() + 8)));
        QCOMPARE(other.current().hash(), byAlice.hash());
    }

    // Alice (senior) removes Dave, then Carol (a member) leaves. Bob, a junior admin, signs on
    // the revision before a change that removes Carol — ousting someone on Alice's side who
    // left there anyway — and nothing of Alice's: Alice's removal of Dave stands. Likewise
    // when Bob signs on Alice's side too and demotes himself in his rival.
    void ousterOfSomeoneMinorDoesNotWin()
    {
        const SignedGroupState g = genesis();
        GroupState p2 = following(g);
        p2.members.push_back(memberOf(3));
        makeAdmin(p2, person(1));
        const SignedGroupState parent = signedBy(0, p2);
        GroupState y1 = following(parent);
        remove(y1, 3);
        const SignedGroupState removeDave = signedBy(0, y1);
        GroupState y2 = following(removeDave);
        remove(y2, 2);
        const SignedGroupState carolLeaves = signedBy(2, y2);
        GroupState x1 = following(parent);
        remove(x1, 2);
        const SignedGroupState bobRemovesCarol = signedBy(1, x1);
        for (bool bobFirst : {true, false}) {
            GroupChain chain;
            QVERIFY(chain.offer(g));
            QVERIFY(chain.offer(parent));
            if (bobFirst) {
                QVERIFY(chain.offer(bobRemovesCarol));
                QCOMPARE(*chain.offer(std::vector{removeDave, carolLeaves}), GroupChain::Outcome::Replaced);
            } else {
                QVERIFY(chain.offer(std::vector{removeDave, carolLeaves}));
                QVERIFY(!chain.offer(bobRemovesCarol));
            }
            QCOMPARE(chain.current().hash(), carolLeaves.hash());
            QVERIFY(!chain.current().state.isMember(person(3).local.peer));
        }
    }

    // A new member's first update may start with someone's leaving (not signed by an admin):
    // it joins from the next admin's revision instead of refusing the group.
    void aJoinerStartsFromAnAdminsRevision()
    {
        const SignedGroupState g = genesis();
        GroupState leave = following(g);
        remove(leave, 2);
        const SignedGroupState byCarol = signedBy(2, leave);
        GroupState add = following(byCarol);
        add.members.push_back(memberOf(3));
        const SignedGroupState byAlice = signedBy(0, add);
        GroupChain joiner;
        QCOMPARE(*joiner.offer(std::vector{byCarol, byAlice}), GroupChain::Outcome::Started);
        QCOMPARE(joiner.current().hash(), byAlice.hash());
    }
};

QTEST_GUILESS_MAIN(tst_GroupState)
#include "tst_groupstate.moc"
