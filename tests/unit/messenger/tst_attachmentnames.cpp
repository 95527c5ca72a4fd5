// SPDX-License-Identifier: GPL-3.0-or-later
// File names from the network: one path component, and nothing that shows the name as
// something else than it is — a RIGHT-TO-LEFT OVERRIDE turns "photo\u202Egpj.exe" into what
// reads as "photoexe.jpg"; zero-width and other format or control characters go too, letters
// that draw nothing, and runs of spaces that would push the real ending out of sight.
#include "core/messenger/ContentHandlers.h"

#include <QTest>

using sotto::messenger::safeFileName;
using sotto::messenger::safeMimeType;

class TestAttachmentNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("received");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("holiday.jpg") << QStringLiteral("holiday.jpg");
        QTest::newRow("path") << QStringLiteral("../../etc/passwd") << QStringLiteral("passwd");
        QTest::newRow("windows path") << QStringLiteral("C:\\Users\\x\\a.txt") << QStringLiteral("a.txt");
        QTest::newRow("rlo") << QString::fromUtf8("photo\u202Egpj.exe") << QStringLiteral("photogpj.exe");
        QTest::newRow("bidi isolates") << QString::fromUtf8("a\u2066b\u2069c\u200Fd.txt") << QStringLiteral("abcd.txt");
        QTest::newRow("zero width") << QString::fromUtf8("in\u200Bvoice\uFEFF.pdf") << QStringLiteral("invoice.pdf");
        QTest::newRow("control") << QString::fromUtf8("a\tb\nc\u0085d\u007f.txt") << QStringLiteral("abcd.txt");
        QTest::newRow("line separator") << QString::fromUtf8("a\u2028b.txt") << QStringLiteral("ab.txt");
        QTest::newRow("tag characters") << QString::fromUtf8("a\U000E0041b.txt") << QStringLiteral("ab.txt");
        QTest::newRow("only format") << QString::fromUtf8("\u202E\u200B") << QStringLiteral("file");
        QTest::newRow("dots") << QStringLiteral("..") << QStringLiteral("file");
        QTest::newRow("spaces hiding the end") << QStringLiteral("invoice.pdf") + QString(60, QChar(0x3000)) + QStringLiteral(" \u00A0 .exe")
                                               << QStringLiteral("invoice.pdf .exe");
        QTest::newRow("other spaces") << QString::fromUtf8("a\u2003b\u00A0c.txt") << QStringLiteral("a b c.txt");
        QTest::newRow("blank letters") << QString::fromUtf8("\u3164\u2800x\uFFA0\u115F.txt") << QStringLiteral("x.txt");
        QTest::newRow("accents kept") << QString::fromUtf8("Żółć 😀.png") << QString::fromUtf8("Żółć 😀.png");
    }

    void names()
    {
        QFETCH(QString, received);
        QFETCH(QString, shown);
        QCOMPARE(safeFileName(received), shown);
    }

    // A MIME type is the sender's claim: kept when it is one, else the neutral one.
    void mimeTypes_data()
    {
        QTest::addColumn<QString>("received");
        QTest::addColumn<QString>("shown");
        const QString neutral = QStringLiteral("application/octet-stream");
        QTest::newRow("png") << QStringLiteral("image/png") << QStringLiteral("image/png");
        QTest::newRow("upper case") << QStringLiteral("Image/JPEG") << QStringLiteral("image/jpeg");
        QTest::newRow("vendor") << QStringLiteral("application/vnd.oasis.opendocument.text")
                                << QStringLiteral("application/vnd.oasis.opendocument.text");
        QTest::newRow("suffix") << QStringLiteral("image/svg+xml") << QStringLiteral("image/svg+xml");
        QTest::newRow("empty") << QString() << neutral;
        QTest::newRow("no subtype") << QStringLiteral("image/") << neutral;
        QTest::newRow("no slash") << QStringLiteral("png") << neutral;
        QTest::newRow("two slashes") << QStringLiteral("image/png/x") << neutral;
        QTest::newRow("parameters") << QStringLiteral("text/plain; charset=utf-8") << neutral;
        QTest::newRow("newline") << QStringLiteral("image/png\nforged line") << neutral;
        QTest::newRow("rlo") << QString::fromUtf8("image/\u202Egnp") << neutral;
        QTest::newRow("other digits") << QString::fromUtf8("image/\u0663png") << neutral;
        QTest::newRow("leading dot") << QStringLiteral("image/.png") << neutral;
        QTest::newRow("too long") << QStringLiteral("image/") + QString(128, u'x') << neutral;
    }
    void mimeTypes()
    {
        QFETCH(QString, received);
        QFETCH(QString, shown);
        QCOMPARE(safeMimeType(received), shown);
    }

    void longNamesAreCutWholeCharacters()
    {
        const QString name = safeFileName(QString::fromUtf8("😀").repeated(100));
        QVERIFY(name.toUtf8().size() <= 255);
        QVERIFY(!name.back().isHighSurrogate());
        QCOMPARE(name.toUtf8(), QString::fromUtf8("😀").repeated(63).toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestAttachmentNames)
#include "tst_attachmentnames.moc"
