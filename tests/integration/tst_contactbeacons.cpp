// SPDX-License-Identifier: GPL-3.0-or-later
// "Visible to: only my contacts" with real headless nodes on a LAN of network namespaces
// (tests/support/NetnsLan; needs root). Ann and Bob are contacts; Ann switches to
// contacts-only beacons and restarts on another port; Bob still finds her there by her
// beacon and they talk; Cem, a stranger on the same LAN, never learns her PeerId — until
// she is visible to everyone again, which shows his discovery works.
#include "tests/support/HeadlessNode.h"
#include "tests/support/NetnsLan.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sotto::test;

namespace {

QStringList listenOn(int port) { return {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:%1").arg(port)}; }

std::function<bool(const QJsonObject &)> named(const char *name, const QString &peer)
{
    return [name, peer](const QJsonObject &e) {
        return e.value(QStringLiteral("event")) == QLatin1String(name) && e.value(QStringLiteral("peer")) == peer;
    };
}

// Whether any line the node printed names `peer` (events, replies, anything).
bool mentions(const HeadlessNode &node, const QString &peer)
{
    bool found = false;
    for (const QJsonObject &e : node.events())
        if (QJsonDocument(e).toJson().contains(peer.toLatin1())) {
            qWarning().noquote() << "names it:" << QJsonDocument(e).toJson(QJsonDocument::Compact);
            found = true;
        }
    return found;
}

} // namespace

class TestContactBeacons : public QObject {
    Q_OBJECT

    NetnsLan lan;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = NetnsLan::whyNot(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(lan.create(3));
    }

    void contactsStillFindAHiddenNodeAndStrangersDoNot()
    {
        HeadlessNode ann(QStringLiteral("Ann"), QString(), listenOn(47101), lan.wrapper(0));
        HeadlessNode bob(QStringLiteral("Bob"), QString(), listenOn(47201), lan.wrapper(1));
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        const QString annId = ann.peer();
        // Visible to everyone (the default): they find each other; Ann's first message
        // links them (links on demand) and makes them contacts; the link carries each
        // one's beacon key.
        QCOMPARE(ann.call({{QStringLiteral("cmd"), QStringLiteral("whoami")}}).value(QStringLiteral("visible_to")).toString(),
                 QStringLiteral("everyone"));
        QVERIFY(!bob.waitFor(named("peer_discovered", annId), 10000).isEmpty());
        QVERIFY(!ann.waitFor(named("peer_discovered", bob.peer()), 10000).isEmpty());
        QCOMPARE(ann.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()},
                           {QStringLiteral("body"), QStringLiteral("hello Bob")}})
                     .value(QStringLiteral("event")).toString(),
                 QStringLiteral("ok"));
        // Frames keep their order: once the text is in, so is Ann's beacon key before it.
        QVERIFY(!bob.waitFor([](const QJsonObject &e) {
                        return e.value(QStringLiteral("event")) == QLatin1String("message_received");
                    }, 15000).isEmpty());
        QVERIFY(!bob.waitFor(named("peer_online", annId), 10000).isEmpty());

        // Ann hides, and leaves. Bob forgets where she was: the link is gone, and with no
        // beacon for over 3.5 s discovery loses her too.
        const QJsonObject set = ann.call({{QStringLiteral("cmd"), QStringLiteral("set_visibility")}, {QStringLiteral("visible_to"), QStringLiteral("contacts")}});
        QCOMPARE(set.value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QCOMPARE(set.value(QStringLiteral("visible_to")).toString(), QStringLiteral("contacts"));
        const int offlineBefore = bob.count(named("peer_offline", annId));
        ann.quit();
        // (One offline report: while her beacons were fresh the closed link was not one.)
        QVERIFY(waitUntil([&] { return bob.count(named("peer_offline", annId)) >= offlineBefore + 1; }, bob, 10000));

        // A stranger joins the LAN, then Ann comes back on another port.
        HeadlessNode cem(QStringLiteral("Cem"), QString(), listenOn(47301), lan.wrapper(2));
        QVERIFY(cem.start());
        const int discoveredBefore = bob.count(named("peer_discovered", annId));
        HeadlessNode annAgain(QStringLiteral("Ann"), ann.profileDir(), listenOn(47102), lan.wrapper(0));
        QVERIFY(annAgain.start());
        QCOMPARE(annAgain.peer(), annId);
        QCOMPARE(annAgain.call({{QStringLiteral("cmd"), QStringLiteral("whoami")}}).value(QStringLiteral("visible_to")).toString(),
                 QStringLiteral("contacts")); // kept in the profile
        QElapsedTimer back;
        back.start();

        // Bob recognises her contacts-only beacon: her PeerId, address and new port.
        QVERIFY(waitUntil([&] { return bob.count(named("peer_discovered", annId)) > discoveredBefore; }, bob, 10000));
        QJsonObject seen;
        for (const QJsonObject &e : bob.events())
            if (named("peer_discovered", annId)(e))
                seen = e;
        QCOMPARE(seen.value(QStringLiteral("beacon")).toString(), QStringLiteral("contacts"));
        QCOMPARE(seen.value(QStringLiteral("port")).toInt(), 47102);
        QCOMPARE(seen.value(QStringLiteral("address")).toString(), NetnsLan::address(0));
        QCOMPARE(seen.value(QStringLiteral("name")).toString(), QStringLiteral("Ann")); // the name Bob has for her
        qInfo() << "Bob found Ann by her contacts-only beacon" << back.elapsed() << "ms after she was back";
        QVERIFY(!bob.waitFor(named("peer_online", annId), 10000).isEmpty());
        QCOMPARE(bob.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), annId},
                           {QStringLiteral("body"), QStringLiteral("found you")}})
                     .value(QStringLiteral("event")).toString(),
                 QStringLiteral("ok"));
        QVERIFY(!annAgain.waitFor([](const QJsonObject &e) {
                             return e.value(QStringLiteral("event")) == QLatin1String("message_received")
                                 && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")) == QLatin1String("found you");
                         }, 15000).isEmpty());

        // Cem hears Bob (visible to everyone) but never Ann, for several beacons.
        QVERIFY(!cem.waitFor(named("peer_discovered", bob.peer()), 10000).isEmpty());
        while (back.elapsed() < 6000)
            QTest::qWait(200);
        const QJsonArray cemsPeers = cem.call({{QStringLiteral("cmd"), QStringLiteral("peers")}}).value(QStringLiteral("peers")).toArray();
        QVERIFY(!cemsPeers.isEmpty());
        if (mentions(cem, annId))
            qWarning().noquote() << "Cem's log:\n" << cem.stderrText() << "\nAnn's log:\n" << annAgain.stderrText();
        QVERIFY2(!mentions(cem, annId), "the stranger learnt Ann's PeerId");

        // Visible to everyone again: now Cem sees her (his discovery was working all along).
        QCOMPARE(annAgain.call({{QStringLiteral("cmd"), QStringLiteral("set_visibility")}, {QStringLiteral("visible_to"), QStringLiteral("everyone")}})
                     .value(QStringLiteral("event")).toString(),
                 QStringLiteral("ok"));
        const QJsonObject cemSees = cem.waitFor(named("peer_discovered", annId), 10000);
        QVERIFY(!cemSees.isEmpty());
        QCOMPARE(cemSees.value(QStringLiteral("beacon")).toString(), QStringLiteral("everyone"));
    }
};

QTEST_GUILESS_MAIN(TestContactBeacons)
#include "tst_contactbeacons.moc"
