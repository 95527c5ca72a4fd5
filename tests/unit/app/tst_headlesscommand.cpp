// SPDX-License-Identifier: GPL-3.0-or-later
// Headless command checks: wrong types and out-of-range numbers are refused with a reason
// naming the field, never read as a default; well-typed commands pass unchanged.
#include "app/HeadlessCommand.h"

#include <QTest>

using sotto::app::parseCommand;

class TestHeadlessCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("field"); // named in the reason
        const QByteArray peer = "\"peer\":\"00112233445566778899aabbccddeeff\"";
        QTest::newRow("not json") << QByteArray("{\"cmd\":") << QString() << QString("JSON object");
        QTest::newRow("array") << QByteArray("[1,2]") << QString() << QString("JSON object");
        QTest::newRow("cmd missing") << QByteArray("{\"id\":\"7\"}") << QString("7") << QString("\"cmd\"");
        QTest::newRow("cmd number") << QByteArray("{\"cmd\":3}") << QString() << QString("\"cmd\"");
        QTest::newRow("id number") << QByteArray("{\"cmd\":\"whoami\",\"id\":5}") << QString() << QString("\"id\"");
        QTest::newRow("limit string") << "{\"cmd\":\"history\",\"id\":\"1\"," + peer + ",\"limit\":\"abc\"}" << QString("1") << QString("\"limit\"");
        QTest::newRow("limit negative") << "{\"cmd\":\"history\"," + peer + ",\"limit\":-1}" << QString() << QString("\"limit\"");
        QTest::newRow("limit zero") << "{\"cmd\":\"history\"," + peer + ",\"limit\":0}" << QString() << QString("\"limit\"");
        QTest::newRow("limit too big") << "{\"cmd\":\"history\"," + peer + ",\"limit\":1001}" << QString() << QString("\"limit\"");
        QTest::newRow("limit fraction") << "{\"cmd\":\"history\"," + peer + ",\"limit\":2.5}" << QString() << QString("\"limit\"");
        QTest::newRow("limit huge") << "{\"cmd\":\"history\"," + peer + ",\"limit\":1e300}" << QString() << QString("\"limit\"");
        QTest::newRow("before string") << "{\"cmd\":\"history\"," + peer + ",\"before\":\"3\"}" << QString() << QString("\"before\"");
        QTest::newRow("search limit") << QByteArray("{\"cmd\":\"search\",\"query\":\"a\",\"limit\":501}") << QString() << QString("\"limit\"");
        QTest::newRow("query number") << QByteArray("{\"cmd\":\"search\",\"query\":1}") << QString() << QString("\"query\"");
        QTest::newRow("search before string") << QByteArray("{\"cmd\":\"search\",\"query\":\"a\",\"before\":\"5\"}") << QString() << QString("\"before\"");
        QTest::newRow("search before zero") << QByteArray("{\"cmd\":\"search\",\"query\":\"a\",\"before\":0}") << QString() << QString("\"before\"");
        QTest::newRow("verified string") << "{\"cmd\":\"verify\"," + peer + ",\"verified\":\"yes\"}" << QString() << QString("\"verified\"");
        QTest::newRow("blocked number") << "{\"cmd\":\"block\"," + peer + ",\"blocked\":1}" << QString() << QString("\"blocked\"");
        QTest::newRow("typing null") << "{\"cmd\":\"typing\"," + peer + ",\"typing\":null}" << QString() << QString("\"typing\"");
        QTest::newRow("peer number") << QByteArray("{\"cmd\":\"send\",\"peer\":12,\"body\":\"x\"}") << QString() << QString("\"peer\"");
        QTest::newRow("body object") << "{\"cmd\":\"send\"," + peer + ",\"body\":{}}" << QString() << QString("\"body\"");
        QTest::newRow("conversation string") << QByteArray("{\"cmd\":\"draft\",\"conversation\":\"1\"}") << QString() << QString("\"conversation\"");
        QTest::newRow("conversation zero") << QByteArray("{\"cmd\":\"draft\",\"conversation\":0}") << QString() << QString("\"conversation\"");
        QTest::newRow("seconds negative") << "{\"cmd\":\"set_timer\"," + peer + ",\"seconds\":-5}" << QString() << QString("\"seconds\"");
        QTest::newRow("seconds over a year") << "{\"cmd\":\"set_timer\"," + peer + ",\"seconds\":31536001}" << QString() << QString("\"seconds\"");
        QTest::newRow("seconds string") << "{\"cmd\":\"set_timer\"," + peer + ",\"seconds\":\"60\"}" << QString() << QString("\"seconds\"");
        QTest::newRow("name number") << QByteArray("{\"cmd\":\"create\",\"name\":42}") << QString() << QString("\"name\"");
        QTest::newRow("for bool") << QByteArray("{\"cmd\":\"delete\",\"message\":\"ab\",\"for\":true}") << QString() << QString("\"for\"");
        QTest::newRow("emoji array") << QByteArray("{\"cmd\":\"react\",\"message\":\"ab\",\"emoji\":[]}") << QString() << QString("\"emoji\"");
        QTest::newRow("to number") << "{\"cmd\":\"reply\"," + peer + ",\"to\":1,\"body\":\"x\"}" << QString() << QString("\"to\"");
        QTest::newRow("accept peer number") << QByteArray("{\"cmd\":\"accept_request\",\"peer\":7}") << QString() << QString("\"peer\"");
        QTest::newRow("delete conversation string") << QByteArray("{\"cmd\":\"delete_request\",\"conversation\":\"2\"}") << QString()
                                                    << QString("\"conversation\"");
        QTest::newRow("address number") << QByteArray("{\"cmd\":\"add_peer\",\"address\":1}") << QString() << QString("\"address\"");
        QTest::newRow("text bool") << "{\"cmd\":\"set_draft\"," + peer + ",\"text\":false}" << QString() << QString("\"text\"");
        QTest::newRow("visible_to bool") << QByteArray("{\"cmd\":\"set_visibility\",\"visible_to\":true}") << QString() << QString("\"visible_to\"");
    }

    void refused()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, id);
        QFETCH(QString, field);
        const auto result = parseCommand(line);
        QVERIFY(!result);
        QCOMPARE(result.error().id, id);
        QVERIFY2(result.error().reason.contains(field), qPrintable(result.error().reason));
    }

    void accepted_data()
    {
        QTest::addColumn<QByteArray>("line");
        const QByteArray peer = "\"peer\":\"00112233445566778899aabbccddeeff\"";
        QTest::newRow("quit") << QByteArray("{\"cmd\":\"quit\"}");
        QTest::newRow("history bounds") << "{\"cmd\":\"history\"," + peer + ",\"limit\":1000,\"before\":9007199254740991}";
        QTest::newRow("history one") << "{\"cmd\":\"history\"," + peer + ",\"limit\":1.0}";
        QTest::newRow("search page") << QByteArray("{\"cmd\":\"search\",\"query\":\"a\",\"limit\":50,\"before\":1200}");
        QTest::newRow("verify false") << "{\"cmd\":\"verify\"," + peer + ",\"verified\":false}";
        QTest::newRow("timer off") << QByteArray("{\"cmd\":\"set_timer\",\"conversation\":3,\"seconds\":0}");
        QTest::newRow("timer a year") << "{\"cmd\":\"set_timer\"," + peer + ",\"seconds\":31536000}";
        // The session answers these itself (invalid_input, unknown_command, not_found).
        QTest::newRow("bad peer text") << QByteArray("{\"cmd\":\"send\",\"peer\":\"xyz\",\"body\":\"\"}");
        QTest::newRow("unknown command") << QByteArray("{\"cmd\":\"dance\",\"limit\":\"abc\"}");
        QTest::newRow("field it does not take") << QByteArray("{\"cmd\":\"whoami\",\"limit\":\"abc\"}");
        QTest::newRow("surrounding spaces") << QByteArray("  {\"cmd\":\"peers\",\"id\":\"\"}  ");
    }

    void accepted()
    {
        QFETCH(QByteArray, line);
        const auto result = parseCommand(line);
        QVERIFY2(result.has_value(), result ? "" : qPrintable(result.error().reason));
        QVERIFY(result->value(QStringLiteral("cmd")).isString());
    }
};

QTEST_GUILESS_MAIN(TestHeadlessCommand)
#include "tst_headlesscommand.moc"
