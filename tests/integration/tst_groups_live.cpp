// SPDX-License-Identifier: GPL-3.0-or-later
// Groups between real headless processes on loopback: a group of four made by one of them
// reaches every member with the same signed state; group messages from two senders reach
// every other member exactly once and in order per sender; a member killed during a burst
// gets all of it, once, when it comes back; two admins removing a member each at the same
// moment end with the same state everywhere, and the removed member hears nothing after.
#include "tests/support/HeadlessNode.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace sotto::test;

namespace {

bool isEvent(const QJsonObject &e, const char *name) { return e.value(QStringLiteral("event")) == QLatin1String(name); }

bool linked(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        if (side->waitFor([&](const QJsonObject &e) { return isEvent(e, "peer_online") && e.value(QStringLiteral("peer")) == peer; })
                .isEmpty())
            return false;
    }
    // The other side accepts too: a group reaches us only from a contact we accepted (a
    // stranger who linked cannot put groups into a profile).
    const QJsonObject accepted = to.call({{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), from.peer()}});
    return accepted.value(QStringLiteral("event")) == QLatin1String("ok");
}

// Every pair linked: each knows every other as an accepted contact.
bool meshed(const std::vector<HeadlessNode *> &nodes)
{
    for (std::size_t i = 0; i < nodes.size(); ++i)
        for (std::size_t j = i + 1; j < nodes.size(); ++j)
            if (!linked(*nodes[i], *nodes[j]))
                return false;
    return true;
}

// The group's conversation at `node`, from its group_updated event (0 if none came).
std::int64_t groupAt(HeadlessNode &node, const QString &name)
{
    const QJsonObject e
        = node.waitFor([&](const QJsonObject &e) { return isEvent(e, "group_updated") && e.value(QStringLiteral("name")) == name; });
    return qint64(e.value(QStringLiteral("conversation")).toDouble());
}

QJsonObject groupInfo(HeadlessNode &node, std::int64_t conversation)
{
    return cmd(node, {{QStringLiteral("cmd"), QStringLiteral("group_info")}, {QStringLiteral("conversation"), double(conversation)}});
}

QString sendIn(HeadlessNode &node, std::int64_t conversation, const QString &body)
{
    return cmd(node,
               {{QStringLiteral("cmd"), QStringLiteral("send")},
                {QStringLiteral("conversation"), double(conversation)},
                {QStringLiteral("body"), body}})
        .value(QStringLiteral("message"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

// The bodies received in `conversation` from `sender`, in the order they were received.
QStringList receivedFrom(HeadlessNode &node, std::int64_t conversation, const QString &sender)
{
    QStringList out;
    for (const QJsonObject &e : node.events()) {
        const QJsonObject m = e.value(QStringLiteral("message")).toObject();
        if (isEvent(e, "message_received") && qint64(m.value(QStringLiteral("conversation")).toDouble()) == conversation
            && m.value(QStringLiteral("from")) == sender)
            out << m.value(QStringLiteral("body")).toString();
    }
    return out;
}

QJsonArray history(HeadlessNode &node, std::int64_t conversation)
{
    return cmd(node,
               {{QStringLiteral("cmd"), QStringLiteral("history")},
                {QStringLiteral("conversation"), double(conversation)},
                {QStringLiteral("limit"), 1000}})
        .value(QStringLiteral("messages"))
        .toArray();
}

QStringList numbered(const QString &prefix, int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("%1 %2").arg(prefix).arg(i, 3, 10, QLatin1Char('0'));
    return out;
}

} // namespace

class TestGroupsLive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fourMembersEachMessageOnceInOrder()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery()),
            cat(QStringLiteral("Cat"), {}, noDiscovery()), dan(QStringLiteral("Dan"), {}, noDiscovery());
        const std::vector<HeadlessNode *> nodes{&ann, &bob, &cat, &dan};
        for (HeadlessNode *n : nodes)
            QVERIFY(n->start());
        QVERIFY(meshed(nodes));

        const QJsonObject created = cmd(ann,
                                        {{QStringLiteral("cmd"), QStringLiteral("create_group")},
                                         {QStringLiteral("name"), QStringLiteral("Choir")},
                                         {QStringLiteral("members"), QJsonArray{bob.peer(), cat.peer(), dan.peer()}}});
        const std::int64_t atAnn = qint64(created.value(QStringLiteral("conversation")).toDouble());
        QVERIFY(atAnn > 0);
        const QJsonObject info = groupInfo(ann, atAnn);
        QCOMPARE(info.value(QStringLiteral("members")).toArray().size(), 4);
        QCOMPARE(info.value(QStringLiteral("admins")).toArray(), QJsonArray{ann.peer()});
        QCOMPARE(info.value(QStringLiteral("epoch")).toInt(), 0);

        std::map<HeadlessNode *, std::int64_t> conversation{{&ann, atAnn}};
        for (HeadlessNode *n : {&bob, &cat, &dan}) {
            conversation[n] = groupAt(*n, QStringLiteral("Choir"));
            QVERIFY2(conversation[n] > 0, qPrintable(n->peer()));
            const QJsonObject theirs = groupInfo(*n, conversation[n]);
            for (const char *field : {"name", "admins", "members", "epoch", "revision"})
                QCOMPARE(theirs.value(QLatin1String(field)), info.value(QLatin1String(field)));
        }

        // Two senders at once: Ann 40, Bob 20, interleaved on the wire.
        const QStringList fromAnn = numbered(QStringLiteral("ann"), 40), fromBob = numbered(QStringLiteral("bob"), 20);
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 40; ++i) {
            QVERIFY(!sendIn(ann, atAnn, fromAnn[i]).isEmpty());
            if (i % 2 == 0)
                QVERIFY(!sendIn(bob, conversation[&bob], fromBob[i / 2]).isEmpty());
        }
        for (HeadlessNode *n : nodes) {
            const std::int64_t c = conversation[n];
            if (n != &ann)
                QVERIFY2(waitUntil([&] { return receivedFrom(*n, c, ann.peer()).size() >= 40; }, *n, 30000), qPrintable(n->peer()));
            if (n != &bob)
                QVERIFY2(waitUntil([&] { return receivedFrom(*n, c, bob.peer()).size() >= 20; }, *n, 30000), qPrintable(n->peer()));
        }
        // A figure, not a check: 60 group messages, each to three members, until the last arrived.
        qInfo("60 group messages from two senders reached all 3 other members in %lld ms", qint64(clock.elapsed()));
        // Nothing more comes (no duplicate arrives late): one more message from Ann is next.
        const QString lastId = sendIn(ann, atAnn, QStringLiteral("last"));
        QVERIFY(!lastId.isEmpty());
        for (HeadlessNode *n : {&bob, &cat, &dan}) {
            QVERIFY(waitUntil([&] { return receivedFrom(*n, conversation[n], ann.peer()).size() >= 41; }, *n, 30000));
            QCOMPARE(receivedFrom(*n, conversation[n], ann.peer()), fromAnn + QStringList{QStringLiteral("last")});
            if (n != &bob)
                QCOMPARE(receivedFrom(*n, conversation[n], bob.peer()), fromBob);
            QCOMPARE(history(*n, conversation[n]).size(), 61);
        }
        QCOMPARE(receivedFrom(ann, atAnn, bob.peer()), fromBob);

        // An edit of a group message reaches every member, as in a 1:1 chat.
        cmd(ann,
            {{QStringLiteral("cmd"), QStringLiteral("edit")},
             {QStringLiteral("message"), lastId},
             {QStringLiteral("body"), QStringLiteral("last, edited")}});
        for (HeadlessNode *n : {&bob, &cat, &dan})
            QVERIFY(!n->waitFor([&](const QJsonObject &e) {
                          const QJsonObject m = e.value(QStringLiteral("message")).toObject();
                          return isEvent(e, "message_updated") && m.value(QStringLiteral("id")) == lastId
                              && m.value(QStringLiteral("body")) == QLatin1String("last, edited");
                      }).isEmpty());
    }

    // Typing in a group reaches its members online and no one else, with the group's
    // conversation; a burst of group sends written at once (committed as one batch) reaches
    // every member once, in order.
    void typingAndBatchedSendsInAGroup()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery()),
            cat(QStringLiteral("Cat"), {}, noDiscovery()), dan(QStringLiteral("Dan"), {}, noDiscovery());
        const std::vector<HeadlessNode *> nodes{&ann, &bob, &cat, &dan};
        for (HeadlessNode *n : nodes)
            QVERIFY(n->start());
        QVERIFY(meshed(nodes));
        const QJsonObject created = cmd(ann,
                                        {{QStringLiteral("cmd"), QStringLiteral("create_group")},
                                         {QStringLiteral("name"), QStringLiteral("Quartet")},
                                         {QStringLiteral("members"), QJsonArray{bob.peer(), cat.peer()}}});
        const std::int64_t atAnn = qint64(created.value(QStringLiteral("conversation")).toDouble());
        QVERIFY(atAnn > 0);
        std::map<HeadlessNode *, std::int64_t> conversation{{&ann, atAnn}};
        for (HeadlessNode *n : {&bob, &cat})
            QVERIFY((conversation[n] = groupAt(*n, QStringLiteral("Quartet"))) > 0);

        const QJsonObject typed = cmd(ann,
                                      {{QStringLiteral("cmd"), QStringLiteral("typing")},
                                       {QStringLiteral("conversation"), double(atAnn)},
                                       {QStringLiteral("typing"), true}});
        QCOMPARE(typed.value(QStringLiteral("members")).toInt(), 2); // Bob and Cat, not Dan
        for (HeadlessNode *n : {&bob, &cat})
            QVERIFY2(!n->waitFor([&](const QJsonObject &e) {
                           return isEvent(e, "typing") && e.value(QStringLiteral("peer")) == ann.peer()
                               && qint64(e.value(QStringLiteral("conversation")).toDouble()) == conversation[n]
                               && e.value(QStringLiteral("typing")).toBool();
                       }).isEmpty(),
                     qPrintable(n->peer()));
        // Not a 1:1 typing state: Bob's 1:1 conversation with Ann shows nothing.
        for (const QJsonObject &e : bob.events())
            if (isEvent(e, "typing"))
                QCOMPARE(qint64(e.value(QStringLiteral("conversation")).toDouble()), conversation[&bob]);

        // 30 sends in one write: the headless mode commits them as one batch.
        const QStringList burst = numbered(QStringLiteral("burst"), 30);
        QByteArray lines;
        for (const QString &body : burst)
            lines += QJsonDocument(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("send")},
                                               {QStringLiteral("conversation"), double(atAnn)},
                                               {QStringLiteral("body"), body}})
                         .toJson(QJsonDocument::Compact)
                + '\n';
        ann.postRaw(lines);
        ann.flushCommands();
        for (HeadlessNode *n : {&bob, &cat}) {
            QVERIFY2(waitUntil([&] { return receivedFrom(*n, conversation[n], ann.peer()).size() >= 30; }, *n, 30000), qPrintable(n->peer()));
            QCOMPARE(receivedFrom(*n, conversation[n], ann.peer()), burst);
        }
        QCOMPARE(history(ann, atAnn).size(), 30);
        // Dan, no member, got no typing state and nothing of the group.
        for (const QJsonObject &e : dan.events())
            QVERIFY(!isEvent(e, "typing") && !isEvent(e, "message_received"));
    }

    void memberKilledDuringBurstGetsEverythingOnce()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery()),
            cat(QStringLiteral("Cat"), {}, noDiscovery());
        for (HeadlessNode *n : {&ann, &bob, &cat})
            QVERIFY(n->start());
        QVERIFY(meshed({&ann, &bob, &cat}));
        const std::int64_t atAnn = qint64(cmd(ann,
                                              {{QStringLiteral("cmd"), QStringLiteral("create_group")},
                                               {QStringLiteral("name"), QStringLiteral("Band")},
                                               {QStringLiteral("members"), QJsonArray{bob.peer(), cat.peer()}}})
                                              .value(QStringLiteral("conversation"))
                                              .toDouble());
        QVERIFY(atAnn > 0);
        const std::int64_t atBob = groupAt(bob, QStringLiteral("Band")), atCat = groupAt(cat, QStringLiteral("Band"));
        QVERIFY(atBob > 0 && atCat > 0);

        const QStringList burst = numbered(QStringLiteral("take"), 60);
        for (int i = 0; i < 20; ++i)
            QVERIFY(!sendIn(ann, atAnn, burst[i]).isEmpty());
        // Cat dies with part of the burst in hand; the rest is sent while she is gone.
        QVERIFY(waitUntil([&] { return receivedFrom(cat, atCat, ann.peer()).size() >= 5; }, cat, 30000));
        cat.kill();
        for (int i = 20; i < 60; ++i)
            QVERIFY(!sendIn(ann, atAnn, burst[i]).isEmpty());
        QVERIFY(waitUntil([&] { return receivedFrom(bob, atBob, ann.peer()).size() >= 60; }, bob, 30000));
        QCOMPARE(receivedFrom(bob, atBob, ann.peer()), burst);

        QVERIFY(cat.start());
        // Her history after the restart: every take, once, in order.
        QVERIFY(waitUntil([&] { return history(cat, atCat).size() >= 60; }, cat, 30000));
        QStringList bodies;
        for (const auto &m : history(cat, atCat))
            bodies << m.toObject().value(QStringLiteral("body")).toString();
        QCOMPARE(bodies, burst);
        // And nothing doubled later: one more message is the 61st.
        QVERIFY(!sendIn(ann, atAnn, QStringLiteral("encore")).isEmpty());
        QVERIFY(waitUntil([&] { return receivedFrom(cat, atCat, ann.peer()).contains(QStringLiteral("encore")); }, cat, 30000));
        QCOMPARE(history(cat, atCat).size(), 61);
    }

    // Two admins remove a member each at the same moment, over real links: every node ends
    // with the same state, and a member it removed, still running and linked, gets nothing
    // of what is sent after.
    void concurrentRemovalsConvergeAndTheRemovedHearNothing()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery()),
            cat(QStringLiteral("Cat"), {}, noDiscovery()), dan(QStringLiteral("Dan"), {}, noDiscovery());
        const std::vector<HeadlessNode *> nodes{&ann, &bob, &cat, &dan};
        for (HeadlessNode *n : nodes)
            QVERIFY(n->start());
        QVERIFY(meshed(nodes));
        const std::int64_t atAnn = qint64(cmd(ann,
                                              {{QStringLiteral("cmd"), QStringLiteral("create_group")},
                                               {QStringLiteral("name"), QStringLiteral("Crew")},
                                               {QStringLiteral("members"), QJsonArray{bob.peer(), cat.peer(), dan.peer()}}})
                                              .value(QStringLiteral("conversation"))
                                              .toDouble());
        std::map<HeadlessNode *, std::int64_t> conversation{{&ann, atAnn}};
        for (HeadlessNode *n : {&bob, &cat, &dan}) {
            conversation[n] = groupAt(*n, QStringLiteral("Crew"));
            QVERIFY(conversation[n] > 0);
        }
        cmd(ann,
            {{QStringLiteral("cmd"), QStringLiteral("set_admin")},
             {QStringLiteral("conversation"), double(atAnn)},
             {QStringLiteral("peer"), bob.peer()}});
        const auto revisionAt = [&](HeadlessNode &n) { return groupInfo(n, conversation[&n]).value(QStringLiteral("revision")).toInt(); };
        QVERIFY(waitUntil([&] { return revisionAt(bob) == 2; }, bob, 20000));

        // At the same moment: Ann removes Dan, Bob removes Cat.
        ann.post({{QStringLiteral("cmd"), QStringLiteral("remove_members")},
                  {QStringLiteral("conversation"), double(atAnn)},
                  {QStringLiteral("members"), QJsonArray{dan.peer()}}});
        bob.post({{QStringLiteral("cmd"), QStringLiteral("remove_members")},
                  {QStringLiteral("conversation"), double(conversation[&bob])},
                  {QStringLiteral("members"), QJsonArray{cat.peer()}}});
        ann.flushCommands();
        bob.flushCommands();
        // Either the two changes crossed (both revision 3 on the same parent: Ann, the senior
        // admin, wins everywhere; only Dan is removed) or one reached the other admin first (it
        // then built on it: revision 4, both removed). Either way every member ends with the
        // same state, and a removed node knows it was removed (it is not told what follows).
        const auto sameEverywhere = [&] {
            const QJsonObject first = groupInfo(ann, atAnn);
            if (first.value(QStringLiteral("revision")).toInt() < 3)
                return false;
            const QJsonArray finalMembers = first.value(QStringLiteral("members")).toArray();
            for (HeadlessNode *n : nodes) {
                const QJsonObject info = groupInfo(*n, conversation[n]);
                if (!finalMembers.contains(n->peer())) {
                    if (info.value(QStringLiteral("members")).toArray().contains(n->peer()))
                        return false; // not told yet
                    continue;
                }
                for (const char *field : {"revision", "members", "admins", "epoch", "name"})
                    if (info.value(QLatin1String(field)) != first.value(QLatin1String(field)))
                        return false;
            }
            return true;
        };
        if (!waitUntil(sameEverywhere, ann, 30000)) {
            for (HeadlessNode *n : nodes)
                qWarning() << n->peer().left(6) << groupInfo(*n, conversation[n]);
            QFAIL("the group's state differs between nodes");
        }
        const QJsonObject final = groupInfo(ann, atAnn);
        const int revision = final.value(QStringLiteral("revision")).toInt();
        const QJsonArray members = final.value(QStringLiteral("members")).toArray();
        qInfo("%s",
              revision == 3 ? "the two removals crossed: the senior admin's won on every node"
                            : "one removal reached the other admin first: both applied");
        QCOMPARE(members.size(), revision == 3 ? 3 : 2);
        QCOMPARE(final.value(QStringLiteral("epoch")).toInt(), revision - 2); // each removal: a new epoch
        std::vector<HeadlessNode *> removed, kept;
        for (HeadlessNode *n : {&cat, &dan})
            (members.contains(n->peer()) ? kept : removed).push_back(n);
        QVERIFY(!removed.empty());
        if (revision == 3) // crossed: the creator's change stands, however the hashes fell
            QVERIFY(members.contains(cat.peer()) && !members.contains(dan.peer()));

        // After: Ann and Bob write; a remaining member gets both, a removed one neither —
        // checked once a 1:1 message each sent it after them has arrived (an outbox is in order).
        QVERIFY(!sendIn(ann, atAnn, QStringLiteral("after the removal (ann)")).isEmpty());
        QVERIFY(!sendIn(bob, conversation[&bob], QStringLiteral("after the removal (bob)")).isEmpty());
        for (HeadlessNode *k : kept)
            QVERIFY(waitUntil(
                [&] {
                    return receivedFrom(*k, conversation[k], ann.peer()).size() == 1
                        && receivedFrom(*k, conversation[k], bob.peer()).size() == 1;
                },
                *k, 30000));
        for (HeadlessNode *r : removed) {
            for (HeadlessNode *from : {&ann, &bob})
                cmd(*from,
                    {{QStringLiteral("cmd"), QStringLiteral("send")},
                     {QStringLiteral("peer"), r->peer()},
                     {QStringLiteral("body"), QStringLiteral("barrier")}});
            QVERIFY(waitUntil(
                [&] {
                    return r->count([](const QJsonObject &e) {
                        return isEvent(e, "message_received")
                            && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")) == QLatin1String("barrier");
                    }) == 2;
                },
                *r, 30000));
            QCOMPARE(receivedFrom(*r, conversation[r], ann.peer()).size(), 0);
            QCOMPARE(receivedFrom(*r, conversation[r], bob.peer()).size(), 0);
            QCOMPARE(history(*r, conversation[r]).size(), 0);
        }
        HeadlessNode *gone = removed.front();
        // It was told, and may not write to the group any more.
        QCOMPARE(gone->call({{QStringLiteral("cmd"), QStringLiteral("send")},
                             {QStringLiteral("conversation"), double(conversation[gone])},
                             {QStringLiteral("body"), QStringLiteral("hello?")}})
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("not_allowed"));
    }
};

QTEST_GUILESS_MAIN(TestGroupsLive)
#include "tst_groups_live.moc"
