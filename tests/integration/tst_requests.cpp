// SPDX-License-Identifier: GPL-3.0-or-later
// Message requests between real headless processes on loopback: a stranger who links to
// Ann and writes lands in her requests (event message_request), its message is kept and
// acknowledged but no delivery receipt goes back (it stays "sent" at the stranger) until
// Ann accepts; then it becomes delivered. A blocked stranger's further messages are not
// taken; a deleted request leaves no history and no contact. Adding someone by address
// is consent: their messages are delivered at once.
#include "tests/support/HeadlessNode.h"

#include <QJsonArray>
#include <QTest>

using namespace sotto::test;

namespace {

bool isOk(const QJsonObject &reply) { return reply.value(QStringLiteral("event")) == QLatin1String("ok"); }

// `from` adds `to` by address; both see the link.
bool linked(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        if (side->waitFor([&](const QJsonObject &e) {
                    return e.value(QStringLiteral("event")) == QLatin1String("peer_online") && e.value(QStringLiteral("peer")) == peer;
                }).isEmpty())
            return false;
    }
    return true;
}

QString sent(HeadlessNode &from, const QString &to, const QString &body)
{
    return cmd(from, {{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), to}, {QStringLiteral("body"), body}})
        .value(QStringLiteral("message"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

QJsonArray history(HeadlessNode &node, const QString &peer)
{
    return cmd(node, {{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), peer}, {QStringLiteral("limit"), 1000}})
        .value(QStringLiteral("messages"))
        .toArray();
}

QString stateOf(HeadlessNode &node, const QString &peer, const QString &id)
{
    for (const auto &m : history(node, peer))
        if (m.toObject().value(QStringLiteral("id")) == id)
            return m.toObject().value(QStringLiteral("state")).toString();
    return {};
}

QStringList requestPeers(HeadlessNode &node)
{
    QStringList out;
    for (const auto &r : cmd(node, {{QStringLiteral("cmd"), QStringLiteral("requests")}}).value(QStringLiteral("requests")).toArray())
        out << r.toObject().value(QStringLiteral("peer")).toString();
    return out;
}

QJsonObject peerEntry(HeadlessNode &node, const QString &peer)
{
    for (const auto &p : cmd(node, {{QStringLiteral("cmd"), QStringLiteral("peers")}}).value(QStringLiteral("peers")).toArray())
        if (p.toObject().value(QStringLiteral("peer")) == peer)
            return p.toObject();
    return {};
}

std::function<bool(const QJsonObject &)> stateEvent(const QString &id, const char *state)
{
    return [id, state](const QJsonObject &e) {
        return e.value(QStringLiteral("event")) == QLatin1String("message_state") && e.value(QStringLiteral("message")) == id
            && e.value(QStringLiteral("state")) == QLatin1String(state);
    };
}

std::function<bool(const QJsonObject &)> receivedEvent(const QString &body)
{
    return [body](const QJsonObject &e) {
        return e.value(QStringLiteral("event")) == QLatin1String("message_received")
            && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")) == body;
    };
}

} // namespace

class TestRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The stranger's message is a request until accepted: acknowledged ("sent"), never
    // "delivered" before; delivered (and read, for what Ann read) once she accepts.
    void strangerIsARequestUntilAccepted()
    {
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), stranger(QStringLiteral("stranger"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(stranger.start());
        QVERIFY(linked(stranger, ann));

        const QString first = sent(stranger, ann.peer(), QStringLiteral("hello, do you know me?"));
        QVERIFY(!first.isEmpty());
        const QJsonObject request = ann.waitFor([&](const QJsonObject &e) {
            return e.value(QStringLiteral("event")) == QLatin1String("message_request") && e.value(QStringLiteral("peer")) == stranger.peer();
        });
        QVERIFY2(!request.isEmpty(), "no message_request event");
        QCOMPARE(request.value(QStringLiteral("name")).toString(), QStringLiteral("stranger"));
        const QJsonObject received = ann.waitFor(receivedEvent(QStringLiteral("hello, do you know me?")));
        QVERIFY(!received.isEmpty());
        QCOMPARE(received.value(QStringLiteral("request")).toBool(), true);
        // Acknowledged by the transport: the stranger stops resending ...
        QVERIFY(!stranger.waitFor(stateEvent(first, "sent")).isEmpty());
        // ... but hears nothing more: no delivery receipt, no read receipt, no typing.
        const QString second = sent(stranger, ann.peer(), QStringLiteral("second words"));
        QVERIFY(!ann.waitFor(receivedEvent(QStringLiteral("second words"))).isEmpty());
        QCOMPARE(ann.count([&](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_request"); }), 1);
        QVERIFY(isOk(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("mark_read")}, {QStringLiteral("peer"), stranger.peer()}})));
        QCOMPARE(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("typing")}, {QStringLiteral("peer"), stranger.peer()}})
                     .value(QStringLiteral("sent"))
                     .toBool(),
                 false);
        QTest::qWait(2500); // a receipt would have arrived within milliseconds
        QCOMPARE(stateOf(stranger, ann.peer(), first), QStringLiteral("sent"));
        QCOMPARE(stateOf(stranger, ann.peer(), second), QStringLiteral("sent"));
        QCOMPARE(stranger.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("typing"); }), 0);
        QCOMPARE(requestPeers(ann), QStringList{stranger.peer()});
        QJsonObject entry = peerEntry(ann, stranger.peer());
        QCOMPARE(entry.value(QStringLiteral("accepted")).toBool(), false);
        QCOMPARE(entry.value(QStringLiteral("request")).toBool(), true);
        // The stranger wrote first, so it accepted Ann: her messages are not requests there.
        QCOMPARE(peerEntry(stranger, ann.peer()).value(QStringLiteral("accepted")).toBool(), true);

        QVERIFY(isOk(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), stranger.peer()}})));
        // Both were read before the accept: the read receipt "up to" the newest goes too.
        QVERIFY(!stranger.waitFor(stateEvent(second, "read")).isEmpty());
        QVERIFY(!stranger.waitFor(stateEvent(first, "delivered")).isEmpty());
        QCOMPARE(stateOf(stranger, ann.peer(), first), QStringLiteral("read"));
        QVERIFY(requestPeers(ann).isEmpty());
        entry = peerEntry(ann, stranger.peer());
        QCOMPARE(entry.value(QStringLiteral("accepted")).toBool(), true);
        QCOMPARE(entry.value(QStringLiteral("request")).toBool(), false);
        // A normal chat now: the next message is delivered as usual.
        const QString third = sent(stranger, ann.peer(), QStringLiteral("thanks"));
        QVERIFY(!stranger.waitFor(stateEvent(third, "delivered")).isEmpty());
        QVERIFY(!ann.waitFor(receivedEvent(QStringLiteral("thanks"))).value(QStringLiteral("request")).toBool());
        // Accepting again, or a peer nobody knows, is answered as such.
        QVERIFY(isOk(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), stranger.peer()}})));
        QCOMPARE(ann.call({{QStringLiteral("cmd"), QStringLiteral("accept_request")}, {QStringLiteral("peer"), QString(32, u'a')}})
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("unknown_contact"));
        QCOMPARE(ann.call({{QStringLiteral("cmd"), QStringLiteral("delete_request")}, {QStringLiteral("peer"), stranger.peer()}})
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("not_allowed"));
    }

    // Ann blocks a request: nothing more from the stranger is taken, and it leaves the
    // requests; unblocked, it is a request again (not a chat).
    void blockedRequestTakesNothing()
    {
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), stranger(QStringLiteral("stranger"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(stranger.start());
        QVERIFY(linked(stranger, ann));
        sent(stranger, ann.peer(), QStringLiteral("buy my stuff"));
        QVERIFY(!ann.waitFor(receivedEvent(QStringLiteral("buy my stuff"))).isEmpty());
        QCOMPARE(requestPeers(ann), QStringList{stranger.peer()});

        QVERIFY(isOk(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("block")}, {QStringLiteral("peer"), stranger.peer()}})));
        QVERIFY(requestPeers(ann).isEmpty());
        QCOMPARE(peerEntry(ann, stranger.peer()).value(QStringLiteral("trust")).toString(), QStringLiteral("blocked"));
        const QString more = sent(stranger, ann.peer(), QStringLiteral("really, buy it"));
        QVERIFY(!more.isEmpty());
        QTest::qWait(2500);
        QCOMPARE(history(ann, stranger.peer()).size(), 1);
        QCOMPARE(ann.count(receivedEvent(QStringLiteral("really, buy it"))), 0);
        QVERIFY(stateOf(stranger, ann.peer(), more) != QLatin1String("delivered"));

        QVERIFY(isOk(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("block")}, {QStringLiteral("peer"), stranger.peer()},
                               {QStringLiteral("blocked"), false}})));
        QCOMPARE(requestPeers(ann), QStringList{stranger.peer()});
        QCOMPARE(peerEntry(ann, stranger.peer()).value(QStringLiteral("accepted")).toBool(), false);
    }

    // Ann deletes a request: its messages are gone, it is listed as a request no more,
    // and the stranger is not told; if it writes again, that is a new request (its key and
    // session were kept, so what it sends next can be read).
    void deletedRequestLeavesNothing()
    {
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), stranger(QStringLiteral("stranger"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(stranger.start());
        QVERIFY(linked(stranger, ann));
        const QString id = sent(stranger, ann.peer(), QStringLiteral("unwanted words"));
        QVERIFY(!ann.waitFor(receivedEvent(QStringLiteral("unwanted words"))).isEmpty());
        QVERIFY(!stranger.waitFor(stateEvent(id, "sent")).isEmpty());

        QVERIFY(isOk(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("delete_request")}, {QStringLiteral("peer"), stranger.peer()}})));
        QVERIFY(requestPeers(ann).isEmpty());
        const QJsonObject entry = peerEntry(ann, stranger.peer());
        QCOMPARE(entry.value(QStringLiteral("request")).toBool(), false);
        QCOMPARE(entry.value(QStringLiteral("accepted")).toBool(), false);
        QCOMPARE(history(ann, stranger.peer()).size(), 0);
        QCOMPARE(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("search")}, {QStringLiteral("query"), QStringLiteral("unwanted")}})
                     .value(QStringLiteral("hits"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(stateOf(stranger, ann.peer(), id), QStringLiteral("sent"));

        const QString again = sent(stranger, ann.peer(), QStringLiteral("me again"));
        QVERIFY(!ann.waitFor(receivedEvent(QStringLiteral("me again"))).isEmpty());
        QVERIFY(!stranger.waitFor(stateEvent(again, "sent")).isEmpty());
        QCOMPARE(requestPeers(ann), QStringList{stranger.peer()});
        QCOMPARE(ann.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_request"); }), 2);
        QCOMPARE(history(ann, stranger.peer()).size(), 1);
    }

    // Adding someone by address is consent: when they write first, it is a chat at once.
    void addedByAddressIsAccepted()
    {
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob)); // Ann dialled Bob; Bob has not added Ann
        const QString id = sent(bob, ann.peer(), QStringLiteral("hi ann"));
        QVERIFY(!bob.waitFor(stateEvent(id, "delivered")).isEmpty());
        QVERIFY(requestPeers(ann).isEmpty());
        QCOMPARE(ann.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_request"); }), 0);
        // Bob's side: Ann dialled him, but he wrote to her first: accepted by that.
        QCOMPARE(peerEntry(bob, ann.peer()).value(QStringLiteral("accepted")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
