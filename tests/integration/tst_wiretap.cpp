// SPDX-License-Identifier: GPL-3.0-or-later
// A wire tap: a TCP relay between two real nodes records every byte both ways. It must
// find no message text, no display name, no identity key and no peer id in the traffic.
#include "tests/support/HeadlessNode.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace sotto::test;

namespace {

class Relay : public QObject {
public:
    explicit Relay(quint16 targetPort)
        : m_target(targetPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection()) {
                auto *out = new QTcpSocket(in);
                out->connectToHost(QHostAddress::LocalHost, m_target);
                connect(in, &QTcpSocket::readyRead, this, [this, in, out] {
                    const QByteArray b = in->readAll();
                    recorded += b;
                    out->write(b);
                });
                connect(out, &QTcpSocket::readyRead, this, [this, in, out] {
                    const QByteArray b = out->readAll();
                    recorded += b;
                    in->write(b);
                });
                connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
                connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray recorded;

private:
    QTcpServer m_server;
    quint16 m_target;
};

} // namespace

class TestWiretap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tapSeesNothingThatIdentifies()
    {
        const QStringList args = {QStringLiteral("--no-discovery"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
        HeadlessNode ann(QStringLiteral("Annabel-Quux"), {}, args), bob(QStringLiteral("Bartholomew-Zed"), {}, args);
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        Relay relay(ann.port());
        QVERIFY(relay.port() != 0);
        bob.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), QStringLiteral("127.0.0.1:%1").arg(relay.port())}});
        QVERIFY(!bob.waitFor([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("peer_online"); }).isEmpty());

        const QString marker = QStringLiteral("WIRETAP-MARKER-5d2c91");
        for (int i = 0; i < 5; ++i) {
            bob.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), ann.peer()},
                      {QStringLiteral("body"), marker + QString::number(i)}});
            ann.call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()},
                      {QStringLiteral("body"), marker + QStringLiteral("-back") + QString::number(i)}});
        }
        QElapsedTimer t;
        t.start();
        while ((ann.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_received"); }) < 5
                || bob.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_received"); }) < 5)
               && t.elapsed() < 20000)
            ann.waitFor([](const QJsonObject &) { return false; }, 50);
        QCOMPARE(bob.count([](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QLatin1String("message_received"); }), 5);

        const QByteArray tap = relay.recorded;
        QVERIFY2(tap.size() > 5000, "the relay carried the traffic");
        QVERIFY(!tap.contains(marker.toUtf8()));
        QVERIFY(!tap.contains("Annabel-Quux"));
        QVERIFY(!tap.contains("Bartholomew-Zed"));
        for (HeadlessNode *node : {&ann, &bob}) {
            const QJsonObject who = node->call({{QStringLiteral("cmd"), QStringLiteral("whoami")}});
            const QByteArray keyHex = who.value(QStringLiteral("identity_key")).toString().toLatin1();
            QCOMPARE(keyHex.size(), 66);
            QVERIFY(!tap.contains(QByteArray::fromHex(keyHex)));
            QVERIFY(!tap.contains(QByteArray::fromHex(keyHex).mid(1))); // the bare 32-byte point
            QVERIFY(!tap.contains(keyHex));
            QVERIFY(!tap.contains(node->peer().toLatin1()));
            QVERIFY(!tap.contains(QByteArray::fromHex(node->peer().toLatin1())));
        }
    }
};

QTEST_GUILESS_MAIN(TestWiretap)
#include "tst_wiretap.moc"
