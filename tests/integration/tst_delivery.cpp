// SPDX-License-Identifier: GPL-3.0-or-later
// Real headless processes on loopback, each with its own profile: messages both ways,
// a receiver killed and restarted, a sender killed mid-burst. Exactly once, in order.
#include "tests/support/HeadlessNode.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

#include <unistd.h>

using namespace sotto::test;

namespace {

auto isEvent(const char *name)
{
    return [name](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String(name); };
}

QJsonArray history(HeadlessNode &node, const QString &peer)
{
    return node.call({{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), peer}, {QStringLiteral("limit"), 1000}})
        .value(QStringLiteral("messages"))
        .toArray();
}

QStringList bodies(const QJsonArray &messages)
{
    QStringList out;
    for (const auto &m : messages)
        out << m.toObject().value(QStringLiteral("body")).toString();
    return out;
}

QJsonObject send(HeadlessNode &node, const QString &peer, const QString &body)
{
    return node.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), peer}, {QStringLiteral("body"), body}});
}

void link(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    // Online on both sides: the accepting side can only write to the other once it has
    // handled the proven link too.
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        QVERIFY(!side->waitFor([&](const QJsonObject &e) {
                         return e.value(QStringLiteral("event")) == QLatin1String("peer_online") && e.value(QStringLiteral("peer")) == peer;
                     }).isEmpty());
    }
}

int received(HeadlessNode &node) { return node.count(isEvent("message_received")); }

// Every dial, link and close either node logged (not the accepting side's lines about
// strangers' connections, "unproven link from"): a dial behind a surviving link always
// shows here — as "link up", a "duplicate link" close or an unproven link's close.
qsizetype linkEvents(HeadlessNode &ann, HeadlessNode &bob)
{
    qsizetype n = 0;
    for (HeadlessNode *node : {&ann, &bob}) {
        const QByteArray log = node->stderrText();
        n += log.count("link up with") + log.count("unproven link to") + log.count("closed:") - log.count("unproven link from");
    }
    return n;
}

// What both nodes logged about links (not strangers' connections): printed when a test sees
// more links than it should.
QByteArray linkLines(HeadlessNode &ann, HeadlessNode &bob)
{
    QByteArray lines;
    for (HeadlessNode *node : {&ann, &bob})
        for (const QByteArray &line : node->stderrText().split('\n'))
            if (line.contains("link") && !line.contains("unproven link from"))
                lines += node->peer().left(6).toUtf8() + ": " + line + '\n';
    return lines;
}

// The kernel's socket inodes of a process (/proc/PID/fd/N -> "socket:[inode]").
QSet<QByteArray> socketInodes(qint64 pid)
{
    QSet<QByteArray> inodes;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &name : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        char target[64] = {};
        const ssize_t n = ::readlink(QFile::encodeName(fds.filePath(name)).constData(), target, sizeof target - 1);
        const QByteArray link(target, n > 0 ? qsizetype(n) : 0);
        if (link.startsWith("socket:[") && link.endsWith(']'))
            inodes.insert(link.mid(8, link.size() - 9));
    }
    return inodes;
}

// Established TCP connections between two nodes, read from the kernel's table: those whose
// local end is one of the nodes' listening `ports` (the accepting side of a link) and whose
// other end is a socket of one of the `pids`. One per link, whoever dialled. Connections
// from anyone else are not counted: under `ctest -j2` a node of another test, redialling a
// port its killed peer once had, can reach one of these ports (the flake of issue 14.11).
int establishedBetween(const QSet<quint16> &ports, const QList<qint64> &pids)
{
    QSet<QByteArray> owned;
    for (qint64 pid : pids)
        owned.unite(socketInodes(pid));
    QFile table(QStringLiteral("/proc/net/tcp"));
    if (!table.open(QIODevice::ReadOnly))
        return -1;
    QList<QList<QByteArray>> rows;
    QSet<QByteArray> ownedEnds; // "address:port" of the nodes' own sockets, as the table writes it
    for (const QByteArray &line : table.readAll().split('\n').mid(1)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 10)
            continue;
        if (owned.contains(f[9]))
            ownedEnds.insert(f[1]);
        rows.append(f);
    }
    int count = 0;
    for (const QList<QByteArray> &f : rows) {
        if (f[3] != "01") // 01: ESTABLISHED
            continue;
        bool ok = false;
        const quint16 port = quint16(f[1].mid(f[1].indexOf(':') + 1).toUInt(&ok, 16));
        if (ok && ports.contains(port) && owned.contains(f[9]) && ownedEnds.contains(f[2]))
            ++count;
    }
    return count;
}

} // namespace

class TestDelivery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(sottoBinary()))
            QFAIL("SOTTO_BINARY does not point at the sotto executable");
    }

    void hundredMessagesBothWays()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        link(bob, ann);
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(send(ann, bob.peer(), QStringLiteral("ann %1").arg(i)).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
            QCOMPARE(send(bob, ann.peer(), QStringLiteral("bob %1").arg(i)).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        }
        const bool all = waitUntil([&] { return received(ann) == 100 && received(bob) == 100; }, ann, 30000);
        if (!all) {
            qWarning() << "received: ann" << received(ann) << "bob" << received(bob);
            for (const QJsonObject &e : ann.events())
                if (e.value(QStringLiteral("event")) == QLatin1String("error") || e.value(QStringLiteral("state")) == QLatin1String("failed"))
                    qWarning() << "ann:" << e;
            for (const QJsonObject &e : bob.events())
                if (e.value(QStringLiteral("event")) == QLatin1String("error") || e.value(QStringLiteral("state")) == QLatin1String("failed"))
                    qWarning() << "bob:" << e;
            QMap<QString, int> states;
            for (const auto &m : history(ann, bob.peer()))
                states[m.toObject().value(QStringLiteral("outgoing")).toBool() ? QStringLiteral("out-") + m.toObject().value(QStringLiteral("state")).toString() : QStringLiteral("in")]++;
            qWarning() << "ann history" << states;
        }
        QVERIFY(all);
        const QStringList a = bodies(history(ann, bob.peer())), b = bodies(history(bob, ann.peer()));
        QCOMPARE(a.size(), 200);
        QCOMPARE(QSet<QString>(a.begin(), a.end()), QSet<QString>(b.begin(), b.end()));
        // Each side's own messages are in sending order on both sides.
        QCOMPARE(a.filter(QStringLiteral("ann ")), b.filter(QStringLiteral("ann ")));
        QCOMPARE(a.filter(QStringLiteral("bob ")), b.filter(QStringLiteral("bob ")));
        // Delivery receipts came back for everything Ann sent.
        QVERIFY(waitUntil([&] {
            return ann.count([](const QJsonObject &e) {
                       return e.value(QStringLiteral("event")) == QLatin1String("message_state")
                           && e.value(QStringLiteral("state")) == QLatin1String("delivered");
                   }) == 100;
        }, ann, 20000));
    }

    // Both dial at the same moment: two TCP connections come up, exactly one link survives
    // (the one the smaller PeerId opened), and messages flow both ways over it.
    void simultaneousDialsLeaveOneLink()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        ann.post({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), bob.address()}});
        bob.post({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), ann.address()}});
        ann.flushCommands();
        bob.flushCommands();
        QVERIFY(!ann.waitFor(isEvent("peer_online")).isEmpty());
        QVERIFY(!bob.waitFor(isEvent("peer_online")).isEmpty());
        const QSet<quint16> ports{ann.port(), bob.port()};
        const QList<qint64> pids{ann.processId(), bob.processId()};
        const auto establishedTo = [&](const QSet<quint16> &listening) { return establishedBetween(listening, pids); };
        QVERIFY(waitUntil([&] { return establishedTo(ports) == 1; }, ann, 10000));
        QCOMPARE(send(ann, bob.peer(), QStringLiteral("over the one link")).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QCOMPARE(send(bob, ann.peer(), QStringLiteral("and back")).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QVERIFY(waitUntil([&] { return received(ann) == 1 && received(bob) == 1; }, ann, 20000));
        // Still one: nothing dials behind the surviving link. The losing dialler's backoff
        // would try at +1 s and +3 s; each try logs on its dialler's side, so the nodes' logs
        // are watched. (The kernel's connection table was sampled here too; under the ASan
        // suite beside other tests it once counted connections neither node logged, so it
        // only decides when the link is settled, above.)
        waitUntil([] { return false; }, ann, 200); // the losers' close lines reach us (a redial comes 1 s later at the earliest)
        const qsizetype before = linkEvents(ann, bob);
        // A stranger's connection to Ann's port meanwhile (what another test's node redialling
        // an old port did under ctest -j2) is not a link between these two.
        QTcpSocket stranger;
        stranger.connectToHost(QHostAddress::LocalHost, ann.port());
        QVERIFY(stranger.waitForConnected(5000));
        waitUntil([] { return false; }, ann, 3500);
        QVERIFY2(linkEvents(ann, bob) == before, linkLines(ann, bob).constData());
        QVERIFY(waitUntil([&] { return establishedTo(ports) == 1; }, ann, 5000));
    }

    // Issue 14.12: a link replaced by its duplicate is not reported offline, on either side.
    // Both dial at once: the side whose own dial was proven first sees it closed by the
    // other end (which keeps the survivor) before the survivor is proven here; it used to
    // report the peer offline and online again. Several pairs in turn, since the order is
    // up to the scheduler.
    void aReplacedDuplicateIsNotReportedOffline()
    {
        int duplicates = 0;
        for (int round = 0; round < 6; ++round) {
            HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
            QVERIFY(ann.start());
            QVERIFY(bob.start());
            ann.post({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), bob.address()}});
            bob.post({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), ann.address()}});
            ann.flushCommands();
            bob.flushCommands();
            QVERIFY(!ann.waitFor(isEvent("peer_online")).isEmpty());
            QVERIFY(!bob.waitFor(isEvent("peer_online")).isEmpty());
            waitUntil([] { return false; }, ann, 1500); // both links settle (each is proven within 10 s, here in ms)
            bob.waitFor([](const QJsonObject &) { return false; }, 100);
            if (ann.stderrText().contains("duplicate link") || bob.stderrText().contains("duplicate link"))
                ++duplicates;
            QVERIFY2(ann.count(isEvent("peer_offline")) == 0 && bob.count(isEvent("peer_offline")) == 0, linkLines(ann, bob).constData());
            QCOMPARE(send(ann, bob.peer(), QStringLiteral("still one link")).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
            QVERIFY(waitUntil([&] { return received(bob) == 1; }, bob, 10000));
        }
        qInfo() << duplicates << "of 6 rounds closed a duplicate link";
    }

    // The flake of issue 14.11, made certain: when one side adds the other's address after
    // the other's link is already up, that address must learn its peer from the link (its
    // Hello names the listening port) and not dial a second link behind it. Before, its
    // dial made a second connection each time, and when the peer closed it as a duplicate
    // before it was proven here, a redial one second later made a third.
    void addingTheAddressOfAPeerAlreadyLinkedDialsNothing()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        link(bob, ann);
        const QSet<quint16> ports{ann.port(), bob.port()};
        const QList<qint64> pids{ann.processId(), bob.processId()};
        QVERIFY(waitUntil([&] { return establishedBetween(ports, pids) == 1; }, ann, 10000));
        const qsizetype before = linkEvents(ann, bob);
        ann.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), bob.address()}});
        waitUntil([] { return false; }, ann, 3000); // a redial would come 1 s after a failed dial
        QVERIFY2(linkEvents(ann, bob) == before, linkLines(ann, bob).constData());
        QVERIFY(waitUntil([&] { return establishedBetween(ports, pids) == 1; }, ann, 5000));
    }

    void receiverKilledThenRestartedGetsEverythingOnceInOrder()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        link(bob, ann);
        QCOMPARE(send(ann, bob.peer(), QStringLiteral("before")).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QVERIFY(!bob.waitFor(isEvent("message_received")).isEmpty());

        bob.kill();
        QVERIFY(!ann.waitFor(isEvent("peer_offline")).isEmpty());
        for (int i = 0; i < 200; ++i)
            QCOMPARE(send(ann, bob.peer(), QStringLiteral("queued %1").arg(i)).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));

        QVERIFY(bob.start()); // same profile, new process; it redials Ann
        QVERIFY(waitUntil([&] { return received(bob) == 200; }, bob, 60000));
        QStringList got = bodies(history(bob, ann.peer()));
        QCOMPARE(got.size(), 201);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(got[i + 1], QStringLiteral("queued %1").arg(i));
        // Ann sees every one of them delivered.
        const bool allDelivered = waitUntil([&] {
            const QJsonArray h = history(ann, bob.peer());
            for (const auto &m : h)
                if (m.toObject().value(QStringLiteral("state")) != QLatin1String("delivered"))
                    return false;
            return h.size() == 201;
        }, ann, 30000);
        if (!allDelivered) {
            QMap<QString, int> states;
            for (const auto &m : history(ann, bob.peer())) {
                states[m.toObject().value(QStringLiteral("state")).toString()]++;
                if (m.toObject().value(QStringLiteral("state")) != QLatin1String("delivered"))
                    qWarning() << m.toObject();
            }
            qWarning() << states;
            for (const QJsonObject &e : ann.events())
                if (e.value(QStringLiteral("event")) == QLatin1String("error"))
                    qWarning() << "ann:" << e;
            for (const QJsonObject &e : bob.events())
                if (e.value(QStringLiteral("event")) == QLatin1String("error"))
                    qWarning() << "bob:" << e;
            qWarning().noquote() << "ann log:" << ann.stderrText().right(2000) << "bob log:" << bob.stderrText().right(2000);
        }
        QVERIFY(allDelivered);
    }

    void senderKilledMidBurstLosesNothingAndDoublesNothing()
    {
        HeadlessNode ann(QStringLiteral("Ann"), {}, noDiscovery()), bob(QStringLiteral("Bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        link(bob, ann);
        QCOMPARE(send(ann, bob.peer(), QStringLiteral("hello")).value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QVERIFY(!bob.waitFor(isEvent("message_received")).isEmpty());

        // A burst written at once; Ann is killed while it is still going out.
        for (int i = 0; i < 400; ++i)
            ann.post({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()},
                      {QStringLiteral("body"), QStringLiteral("burst %1").arg(i)}});
        QVERIFY(waitUntil([&] { return received(bob) >= 50; }, bob, 30000));
        ann.kill();
        const int beforeRestart = received(bob);

        QVERIFY(ann.start());
        const QStringList sent = bodies(history(ann, bob.peer()));
        QVERIFY2(sent.size() > beforeRestart - 1, "the sender's history holds what was received");
        // Everything Ann committed reaches Bob exactly once, in order.
        QVERIFY(waitUntil([&] { return bodies(history(bob, ann.peer())).size() >= sent.size(); }, bob, 60000));
        bob.waitFor([](const QJsonObject &) { return false; }, 1000); // let any duplicate show up
        const QStringList got = bodies(history(bob, ann.peer()));
        QCOMPARE(got, sent);
        qInfo() << "burst: Ann committed" << sent.size() - 1 << "of 400 before the kill;" << beforeRestart - 1
                << "had reached Bob before the restart";
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
