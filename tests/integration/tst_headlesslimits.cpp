// SPDX-License-Identifier: GPL-3.0-or-later
// The real `sotto --headless` process against malformed input: a line over 1 MiB is
// answered with one bad_command and its tail never runs (issue 14: a "quit" hidden after
// 17 x 64 KiB of filler used to quit), and wrongly typed fields are refused by name.
#include "tests/support/HeadlessNode.h"

#include <QTest>

using namespace sotto::test;

namespace {

const QStringList NoDiscovery{QStringLiteral("--no-discovery"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
const QString SomePeer = QStringLiteral("00112233445566778899aabbccddeeff");

bool isBadCommand(const QJsonObject &e)
{
    return e.value(QStringLiteral("event")) == QLatin1String("error") && e.value(QStringLiteral("code")) == QLatin1String("bad_command");
}

} // namespace

class TestHeadlessLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void overlongLineDoesNotRunItsTail()
    {
        HeadlessNode node(QStringLiteral("Ann"), {}, NoDiscovery);
        QVERIFY(node.start());
        node.postRaw(QByteArray(17 * 64 * 1024, 'A') + "{\"cmd\":\"quit\",\"id\":\"hidden\"}\n");
        // Commands after the newline run as usual; the hidden quit never does.
        const QJsonObject who = node.call({{QStringLiteral("cmd"), QStringLiteral("whoami")}});
        QCOMPARE(who.value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
        QVERIFY(node.isRunning());
        QCOMPARE(node.count(isBadCommand), 1);
        const QJsonObject error = node.waitFor(isBadCommand, 0);
        QCOMPARE(error.value(QStringLiteral("id")).toString(), QString());
        QVERIFY(error.value(QStringLiteral("reason")).toString().contains(QStringLiteral("too long")));
        QCOMPARE(node.count([](const QJsonObject &e) { return e.value(QStringLiteral("id")) == QLatin1String("hidden"); }), 0);
        // Also when the line's newline comes in a later write, after a pause.
        node.postRaw(QByteArray(1024 * 1024, 'B'));
        node.flushCommands();
        QTest::qWait(200);
        node.postRaw(QByteArray(4096, 'B') + "\n");
        QCOMPARE(node.call({{QStringLiteral("cmd"), QStringLiteral("peers")}}).value(QStringLiteral("event")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(node.count(isBadCommand), 2);
        node.quit();
    }

    void wronglyTypedFieldsAreRefusedByName_data()
    {
        QTest::addColumn<QJsonObject>("command");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit abc") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), SomePeer},
                                                  {QStringLiteral("limit"), QStringLiteral("abc")}}
                                   << QStringLiteral("limit");
        QTest::newRow("limit -1") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), SomePeer},
                                                 {QStringLiteral("limit"), -1}}
                                  << QStringLiteral("limit");
        QTest::newRow("verified yes") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("verify")}, {QStringLiteral("peer"), SomePeer},
                                                     {QStringLiteral("verified"), QStringLiteral("yes")}}
                                      << QStringLiteral("verified");
        QTest::newRow("search limit") << QJsonObject{{QStringLiteral("cmd"), QStringLiteral("search")}, {QStringLiteral("query"), QStringLiteral("x")},
                                                     {QStringLiteral("limit"), 100000}}
                                      << QStringLiteral("limit");
    }

    void wronglyTypedFieldsAreRefusedByName()
    {
        QFETCH(QJsonObject, command);
        QFETCH(QString, field);
        HeadlessNode node(QStringLiteral("Ann"), {}, NoDiscovery);
        QVERIFY(node.start());
        const QJsonObject reply = node.call(command);
        QCOMPARE(reply.value(QStringLiteral("code")).toString(), QStringLiteral("bad_command"));
        QVERIFY2(reply.value(QStringLiteral("reason")).toString().contains(QLatin1Char('"') + field + QLatin1Char('"')),
                 qPrintable(reply.value(QStringLiteral("reason")).toString()));
        // The same command, well typed, runs.
        command.remove(field);
        QCOMPARE(node.call(command).value(QStringLiteral("code")).toString() == QLatin1String("bad_command"), false);
        node.quit();
    }
};

QTEST_GUILESS_MAIN(TestHeadlessLimits)
#include "tst_headlesslimits.moc"
