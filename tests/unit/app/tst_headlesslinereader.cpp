// SPDX-License-Identifier: GPL-3.0-or-later
// The headless mode's line framing: lines come out whole and in order whatever the read
// sizes, and a line over the limit is dropped to its newline and reported exactly once
// (its tail never comes out as a line of its own).
#include "app/HeadlessLineReader.h"

#include <QTest>

using sotto::app::HeadlessLineReader;

namespace {

QList<QByteArray> texts(const std::vector<HeadlessLineReader::Line> &lines)
{
    QList<QByteArray> out;
    for (const auto &l : lines)
        out.append(l.tooLong ? QByteArray("<too long>") : l.text);
    return out;
}

} // namespace

class TestHeadlessLineReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linesComeOutWholeWhateverTheChunks()
    {
        const QByteArray input = "{\"cmd\":\"whoami\"}\n\n{\"cmd\":\"peers\"}\nunfinished";
        for (qsizetype chunk = 1; chunk <= input.size(); ++chunk) {
            HeadlessLineReader reader(64);
            QList<QByteArray> got;
            for (qsizetype pos = 0; pos < input.size(); pos += chunk)
                got += texts(reader.feed(QByteArrayView(input).sliced(pos, std::min(chunk, input.size() - pos))));
            QCOMPARE(got, (QList<QByteArray>{"{\"cmd\":\"whoami\"}", "", "{\"cmd\":\"peers\"}"}));
            QCOMPARE(reader.pending(), qsizetype(10));
        }
    }

    // The attack from issue 14: 17 reads of 64 KiB of 'A', then a command, on one line.
    void overlongLineIsDroppedToItsNewlineAndReportedOnce()
    {
        HeadlessLineReader reader; // the real 1 MiB limit
        QList<QByteArray> got;
        const QByteArray filler(64 * 1024, 'A');
        for (int i = 0; i < 17; ++i)
            got += texts(reader.feed(filler));
        QVERIFY(reader.pending() <= sotto::app::MaxCommandLine);
        got += texts(reader.feed("{\"cmd\":\"quit\"}\n{\"cmd\":\"whoami\"}\n"));
        QCOMPARE(got, (QList<QByteArray>{"<too long>", "{\"cmd\":\"whoami\"}"}));
    }

    void overlongLineInOneReadIsReportedOnce()
    {
        HeadlessLineReader reader(8);
        QCOMPARE(texts(reader.feed("123456789\nok\n")), (QList<QByteArray>{"<too long>", "ok"}));
        // Built from a partial line plus the rest.
        QCOMPARE(texts(reader.feed("12345")), QList<QByteArray>{});
        QCOMPARE(texts(reader.feed("6789\nok\n")), (QList<QByteArray>{"<too long>", "ok"}));
    }

    void lineOfExactlyTheLimitIsKept()
    {
        HeadlessLineReader reader(8);
        QCOMPARE(texts(reader.feed("12345678")), QList<QByteArray>{});
        QCOMPARE(texts(reader.feed("\n")), QList<QByteArray>{"12345678"});
        QCOMPARE(texts(reader.feed("123456789")), QList<QByteArray>{"<too long>"});
        QCOMPARE(reader.pending(), qsizetype(0));
        QCOMPARE(texts(reader.feed("more of the same line")), QList<QByteArray>{});
        QCOMPARE(texts(reader.feed("\nnext\n")), QList<QByteArray>{"next"});
    }
};

QTEST_GUILESS_MAIN(TestHeadlessLineReader)
#include "tst_headlesslinereader.moc"
