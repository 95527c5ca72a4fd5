// SPDX-License-Identifier: GPL-3.0-or-later
// What people type into "Add by address" and what Settings shows them to give a friend.
#include "ui/PeerAddress.h"

#include <QTest>

using namespace sotto::ui;

class TestPeerAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("isIp");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "192.168.1.20:47000" << "192.168.1.20" << true << 47000;
        QTest::newRow("ipv6") << "[fe80::1]:5" << "fe80::1" << true << 5;
        QTest::newRow("name") << "localhost:1" << "localhost" << false << 1;
        QTest::newRow("dotted name, spaces around") << "  laptop.local:65535 " << "laptop.local" << false << 65535;
    }
    void accepted()
    {
        QFETCH(QString, text);
        const auto typed = parseTypedAddress(text);
        QVERIFY2(typed, qPrintable(typed ? QString() : typed.error()));
        QTEST(typed->host, "host");
        QTEST(!typed->ip.isNull(), "isIp");
        QTEST(int(typed->port), "port");
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t : {"", "localhost", ":47000", "host:0", "host:65536", "host:-1", "host:port", "bad host!:1",
                              "-leading.hyphen:1", "a..b:1", "[::1:5"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void refused()
    {
        QFETCH(QString, text);
        const auto typed = parseTypedAddress(text);
        QVERIFY(!typed);
        QVERIFY(!typed.error().isEmpty());
    }

    void aSpecificListeningAddressIsTheOnlyOneShown()
    {
        QCOMPARE(reachableAddresses(QHostAddress(QStringLiteral("10.1.2.3")), 4000), QStringList{QStringLiteral("10.1.2.3:4000")});
        QCOMPARE(reachableAddresses(QHostAddress(QStringLiteral("::1")), 4000), QStringList{QStringLiteral("[::1]:4000")});
    }

    void listeningEverywhereShowsLoopbackLast()
    {
        const QStringList all = reachableAddresses(QHostAddress::Any, 4000);
        QVERIFY(all.contains(QStringLiteral("127.0.0.1:4000")));
        const qsizetype loopback = all.indexOf(QStringLiteral("127.0.0.1:4000"));
        for (qsizetype i = loopback + 1; i < all.size(); ++i)
            QVERIFY2(all[i].startsWith(QLatin1String("127.")) || all[i].startsWith(QLatin1String("[::1]")), qPrintable(all.join(u' ')));
        for (const QString &a : all)
            QVERIFY2(!a.startsWith(QLatin1String("[fe80")), qPrintable(a));
    }
};

QTEST_GUILESS_MAIN(TestPeerAddress)
#include "tst_peeraddress.moc"
