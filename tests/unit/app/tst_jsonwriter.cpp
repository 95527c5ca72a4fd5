// SPDX-License-Identifier: GPL-3.0-or-later
// The headless mode's direct JSON writer: its lines are the bytes QJsonDocument writes for
// the same object, and any text a peer can send (quotes, backslashes, every control
// character, astral characters, unpaired surrogates) still makes one valid line that reads
// back as the text.
#include "app/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using sotto::app::JsonWriter;

namespace {

QString everyControlCharacter()
{
    QString s;
    for (char16_t c = 0; c < 0x20; ++c)
        s.append(QChar(c));
    s.append(QChar(0x7f));
    return s;
}

QByteArray qtLine(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesWhatQtWrites_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("Lunch at noon?");
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ \\\\ \"");
        QTest::newRow("control characters") << everyControlCharacter();
        QTest::newRow("non-ASCII") << QStringLiteral(u"café 日本語 \u2028 \u00ff");
        QTest::newRow("astral") << QStringLiteral(u"🙂👍🏽 𝄞");
        QTest::newRow("a JSON line inside") << QStringLiteral("{\"event\":\"ok\",\"id\":\"1\"}\n{\"cmd\":\"quit\"}");
    }

    void writesWhatQtWrites()
    {
        QFETCH(QString, text);
        const QJsonObject expected{{QStringLiteral("body"), text},
                                   {QStringLiteral("count"), 1795429998039.0},
                                   {QStringLiteral("empty"), QJsonArray()},
                                   {QStringLiteral("flag"), false},
                                   {QStringLiteral("gone"), QJsonValue()},
                                   {QStringLiteral("list"), QJsonArray{QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), text}},
                                                                       QJsonObject{{QStringLiteral("a"), -2}}}},
                                   {QStringLiteral("nested"), QJsonObject{{QStringLiteral("yes"), true}, {QStringLiteral("zero"), 0}}}};
        JsonWriter w;
        w.beginObject()
            .field("body", QStringView(text))
            .field("count", std::int64_t(1795429998039))
            .key("empty").beginArray().endArray()
            .field("flag", false)
            .key("gone").null()
            .key("list").beginArray()
                .beginObject().field("a", 1).field("b", QStringView(text)).endObject()
                .beginObject().field("a", -2).endObject()
            .endArray()
            .key("nested").beginObject().field("yes", true).field("zero", 0).endObject()
            .endObject();
        const QByteArray line = w.take();
        QCOMPARE(line, qtLine(expected));
        QVERIFY(!line.contains('\n'));
    }

    void rawValuesNestAsWritten()
    {
        JsonWriter inner;
        inner.beginObject().field("id", QLatin1StringView("00ff")).endObject();
        JsonWriter w;
        w.beginObject().field("event", QLatin1StringView("ok")).key("message").raw(inner.take()).field("z", 1).endObject();
        QCOMPARE(w.take(), QByteArray(R"({"event":"ok","message":{"id":"00ff"},"z":1})"));
    }

    // Any sequence of UTF-16 code units, as a QString from anywhere may hold: one line,
    // valid JSON, and the text reads back as its UTF-8 form says.
    void anyTextMakesOneValidLine()
    {
        QRandomGenerator rng(20261203);
        for (int round = 0; round < 3000; ++round) {
            QString text;
            const int length = int(rng.bounded(40));
            for (int i = 0; i < length; ++i) {
                switch (rng.bounded(5)) {
                case 0: text.append(QChar(char16_t(rng.bounded(0x20)))); break;      // control
                case 1: text.append(QChar(char16_t(0xd800 + rng.bounded(0x800)))); break; // surrogate, often unpaired
                case 2: text.append(QLatin1Char("\"\\/{}[]:,"[rng.bounded(9)])); break;
                default: text.append(QChar(char16_t(0x20 + rng.bounded(0xd000)))); break;
                }
            }
            JsonWriter w;
            w.beginObject().field("body", QStringView(text)).endObject();
            const QByteArray line = w.take();
            QVERIFY(!line.contains('\n'));
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QCOMPARE(doc.object().value(QStringLiteral("body")).toString(), QString::fromUtf8(text.toUtf8()));
        }
    }
};

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
