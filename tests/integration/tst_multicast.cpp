// SPDX-License-Identifier: GPL-3.0-or-later
// Three nodes in three network namespaces joined by a bridge (veth pairs) find each other
// by signed multicast beacons and message each other. Needs root to make the namespaces;
// the host's own network is never touched (everything lives in namespaces this test
// makes and deletes).
#include "tests/support/HeadlessNode.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace sotto::test;

namespace {

bool run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("ip"), args);
    if (!p.waitForFinished(10000) || p.exitCode() != 0) {
        qWarning().noquote() << "ip" << args.join(u' ') << "failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

} // namespace

class TestMulticast : public QObject {
    Q_OBJECT

    QString bridgeNs;
    QStringList nodeNs;

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to create network namespaces (run the suite as root to include this test)");
        if (QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty())
            QSKIP("iproute2 (ip) is not installed");
        const QString tag = QString::number(QCoreApplication::applicationPid());
        bridgeNs = QStringLiteral("sotto-br-") + tag;
        QVERIFY(run({QStringLiteral("netns"), QStringLiteral("add"), bridgeNs}));
        QVERIFY(run({QStringLiteral("-n"), bridgeNs, QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("br0"),
                     QStringLiteral("type"), QStringLiteral("bridge"), QStringLiteral("mcast_snooping"), QStringLiteral("0")}));
        QVERIFY(run({QStringLiteral("-n"), bridgeNs, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("br0"), QStringLiteral("up")}));
        for (int i = 1; i <= 3; ++i) {
            const QString ns = QStringLiteral("sotto-n%1-").arg(i) + tag;
            const QString port = QStringLiteral("vb%1").arg(i);
            nodeNs << ns;
            QVERIFY(run({QStringLiteral("netns"), QStringLiteral("add"), ns}));
            QVERIFY(run({QStringLiteral("-n"), bridgeNs, QStringLiteral("link"), QStringLiteral("add"), port, QStringLiteral("type"),
                         QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("eth0"),
                         QStringLiteral("netns"), ns}));
            QVERIFY(run({QStringLiteral("-n"), bridgeNs, QStringLiteral("link"), QStringLiteral("set"), port, QStringLiteral("master"),
                         QStringLiteral("br0"), QStringLiteral("up")}));
            QVERIFY(run({QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("10.77.0.%1/24").arg(i),
                         QStringLiteral("dev"), QStringLiteral("eth0")}));
            QVERIFY(run({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"), QStringLiteral("up")}));
            QVERIFY(run({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")}));
            QVERIFY(run({QStringLiteral("-n"), ns, QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("239.0.0.0/8"),
                         QStringLiteral("dev"), QStringLiteral("eth0")}));
        }
    }

    void cleanupTestCase()
    {
        for (const QString &ns : nodeNs)
            run({QStringLiteral("netns"), QStringLiteral("del"), ns});
        if (!bridgeNs.isEmpty())
            run({QStringLiteral("netns"), QStringLiteral("del"), bridgeNs});
    }

    void threeNodesFindEachOtherAndTalk()
    {
        const QStringList names = {QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Cem")};
        std::vector<std::unique_ptr<HeadlessNode>> nodes;
        QElapsedTimer started;
        started.start();
        for (int i = 0; i < 3; ++i) {
            nodes.push_back(std::make_unique<HeadlessNode>(
                names[i], QString(), QStringList{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")},
                QStringList{QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), nodeNs[i]}));
            QVERIFY(nodes.back()->start());
        }
        // Each sees the other two (beacons every second; seen within two seconds of start).
        for (auto &node : nodes) {
            for (auto &other : nodes) {
                if (other == node)
                    continue;
                const QString peer = other->peer();
                const QJsonObject seen = node->waitFor([&](const QJsonObject &e) {
                    return e.value(QStringLiteral("event")) == QLatin1String("peer_discovered") && e.value(QStringLiteral("peer")) == peer;
                }, 10000);
                QVERIFY2(!seen.isEmpty(), "a node did not discover a peer");
            }
        }
        qInfo() << "all three discovered each other" << started.elapsed() << "ms after the first start";

        // Everyone writes to everyone, by the peer id discovery gave them.
        for (auto &from : nodes)
            for (auto &to : nodes)
                if (from != to)
                    QCOMPARE(from->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), to->peer()},
                                         {QStringLiteral("body"), QStringLiteral("from %1 to %2").arg(from->peer(), to->peer())}})
                                 .value(QStringLiteral("event")).toString(),
                             QStringLiteral("ok"));
        for (auto &to : nodes) {
            for (auto &from : nodes) {
                if (from == to)
                    continue;
                const QString body = QStringLiteral("from %1 to %2").arg(from->peer(), to->peer());
                QVERIFY2(!to->waitFor([&](const QJsonObject &e) {
                                 return e.value(QStringLiteral("event")) == QLatin1String("message_received")
                                     && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")) == body;
                             }, 20000).isEmpty(),
                         qPrintable(body));
            }
        }

        // Cem freezes (no RST, the TCP link lingers): after three missed beacons Ann shows
        // him offline; when he thaws, online again.
        const QString cem = nodes[2]->peer();
        auto cemEvent = [&cem](const char *name) {
            return [&cem, name](const QJsonObject &e) {
                return e.value(QStringLiteral("event")) == QLatin1String(name) && e.value(QStringLiteral("peer")) == cem;
            };
        };
        const int onlineBefore = nodes[0]->count(cemEvent("peer_online"));
        QVERIFY(::kill(pid_t(nodes[2]->processId()), SIGSTOP) == 0);
        QElapsedTimer frozen;
        frozen.start();
        QVERIFY(!nodes[0]->waitFor(cemEvent("peer_offline"), 8000).isEmpty());
        qInfo() << "a frozen peer was shown offline after" << frozen.elapsed() << "ms";
        // Three missed beacons, counted from the last one received (up to a second before
        // the freeze, and the expiry check runs once a second): not before 2 s.
        QVERIFY(frozen.elapsed() >= 2000);
        QVERIFY(::kill(pid_t(nodes[2]->processId()), SIGCONT) == 0);
        QVERIFY(sotto::test::waitUntil([&] { return nodes[0]->count(cemEvent("peer_online")) > onlineBefore; }, *nodes[0], 8000));
    }
};

QTEST_GUILESS_MAIN(TestMulticast)
#include "tst_multicast.moc"
