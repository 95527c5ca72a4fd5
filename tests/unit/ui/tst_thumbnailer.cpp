// SPDX-License-Identifier: GPL-3.0-or-later
// The thumbnail an image attachment carries: made within the pointer's bounds (320 px,
// 20 KiB) whatever the picture, and read back from a peer's bytes without trusting what
// they claim (a few bytes can claim a 50,000 × 50,000 picture).
#include "ui/PrivateFolder.h"
#include "ui/Thumbnailer.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace sotto::ui;

namespace {

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray chunk(const char *type, const QByteArray &data)
{
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    const QByteArray body = QByteArray(type, 4) + data;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(crc32(body), crc.data());
    return out + body + crc;
}

// A valid PNG header claiming `width` × `height` RGB pixels, followed by a few bytes of
// compressed zeros: a decompression bomb's shape (the real ones inflate for gigabytes).
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    const QByteArray zlib = qCompress(QByteArray(4096, '\0')).mid(4); // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", {});
}

QImage noise(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, random.generate() | 0xff000000u);
    return image;
}

QSize sizeOf(const QByteArray &jpeg)
{
    QBuffer buffer;
    buffer.setData(jpeg);
    buffer.open(QIODevice::ReadOnly);
    return QImageReader(&buffer).size();
}

} // namespace

class TestThumbnailer : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;

private Q_SLOTS:
    void aPhotoBecomesASmallJpeg()
    {
        const QString path = tmp.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(noise(3000, 2000).save(path, "JPEG", 95));
        QVERIFY(Thumbnailer::isImage(path));
        const QByteArray thumbnail = Thumbnailer::make(path);
        QVERIFY(!thumbnail.isEmpty());
        QVERIFY2(thumbnail.size() <= Thumbnailer::MaxBytes, qPrintable(QString::number(thumbnail.size())));
        QVERIFY(thumbnail.startsWith("\xff\xd8")); // a JPEG
        const QSize size = sizeOf(thumbnail);
        QVERIFY(size.width() <= 320 && size.height() <= 320);
        QVERIFY(size.width() >= 100); // noise does not fit at 320: smaller, not nothing
        QCOMPARE(qRound(double(size.width()) / size.height() * 10), 15); // the shape kept
    }

    // The formats the issue names (PNG, JPEG, GIF, WebP): each is an image with a thumbnail.
    // WebP is read by qt6-image-formats-plugins (scripts/install-deps.sh, the package's
    // Depends): without it a WebP photo went as a plain file.
    void everyCommonFormatGetsAThumbnail_data()
    {
        QTest::addColumn<QByteArray>("format");
        for (const char *f : {"PNG", "JPEG", "GIF", "WEBP"})
            QTest::newRow(f) << QByteArray(f);
    }
    void everyCommonFormatGetsAThumbnail()
    {
        QFETCH(QByteArray, format);
        const QString path = tmp.filePath(QStringLiteral("picture.") + QString::fromLatin1(format).toLower());
        int width = 320;
        if (format == "GIF") { // Qt reads GIF but writes none: the smallest one there is, 1 x 1
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b"));
            width = 1;
        } else {
            QVERIFY2(noise(640, 480).save(path, format.constData()), "no writer for the format: is qt6-image-formats-plugins installed?");
        }
        QVERIFY(Thumbnailer::isImage(path));
        const QByteArray thumbnail = Thumbnailer::make(path);
        QVERIFY(!thumbnail.isEmpty());
        QCOMPARE(sizeOf(thumbnail).width(), width);
    }

    void aSmallPictureStaysItsSize()
    {
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QByteArray thumbnail = Thumbnailer::make(image);
        QCOMPARE(sizeOf(thumbnail), QSize(200, 100));
    }

    // JPEG has no alpha: a transparent screenshot must not turn black.
    void transparencyBecomesWhite()
    {
        QImage image(64, 64, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        const QImage back = Thumbnailer::decode(Thumbnailer::make(image));
        QVERIFY(!back.isNull());
        QVERIFY(qGray(back.pixel(32, 32)) > 240);
    }

    void aDecompressionBombIsNotRead()
    {
        const QString path = tmp.filePath(QStringLiteral("bomb.png"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pngClaiming(50000, 50000));
        f.close();
        QCOMPARE(QImageReader(path).size(), QSize(50000, 50000)); // what it claims
        QVERIFY(Thumbnailer::make(path).isEmpty());               // and is not believed
    }

    void notAnImageMakesNoThumbnail()
    {
        const QString path = tmp.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just words\n");
        f.close();
        QVERIFY(!Thumbnailer::isImage(path));
        QVERIFY(Thumbnailer::make(path).isEmpty());
    }

    // A peer's thumbnail: bounded whatever it says.
    void aReceivedThumbnailIsDecodedWithinBounds()
    {
        QVERIFY(Thumbnailer::decode(pngClaiming(5000, 5000)).isNull());   // claims too much
        QVERIFY(Thumbnailer::decode(QByteArray(Thumbnailer::MaxBytes + 1, 'x')).isNull()); // over the pointer's bound
        QVERIFY(Thumbnailer::decode(QByteArray("\xff\xd8 not really", 13)).isNull());
        // A legal but larger than promised picture (800 × 600 PNG of few bytes) is shown at 320.
        QImage big(800, 600, QImage::Format_RGB32);
        big.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(big.save(&buffer, "PNG"));
        QVERIFY(png.size() <= Thumbnailer::MaxBytes);
        const QImage shown = Thumbnailer::decode(png);
        QCOMPARE(shown.size(), QSize(320, 240));
    }

    // Only JPEG and PNG reach a decoder: a small, valid picture in any other format Qt's
    // plugins read (a parser an attacker could aim at) shows nothing.
    void aReceivedThumbnailInAnotherFormatIsNotDecoded_data()
    {
        QTest::addColumn<QByteArray>("format");
        for (const char *format : {"bmp", "gif", "tiff", "webp", "ico", "tga", "ppm"})
            if (QImageWriter::supportedImageFormats().contains(format))
                QTest::newRow(format) << QByteArray(format);
        QTest::newRow("svg") << QByteArray("svg");
        QTest::newRow("gif") << QByteArray("gif"); // Qt reads GIF but cannot write it: made by hand below
    }

    void aReceivedThumbnailInAnotherFormatIsNotDecoded()
    {
        QFETCH(QByteArray, format);
        QByteArray bytes;
        if (format == "svg") {
            bytes = "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'><rect width='40' height='30' fill='red'/></svg>";
        } else if (format == "gif") {
            // One red pixel: header, screen, a two-colour table, an image of LZW code size 2.
            bytes = QByteArray("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
                               ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;", 35);
        } else {
            QImage picture(40, 30, QImage::Format_RGB32);
            picture.fill(Qt::red);
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(picture.save(&buffer, format.constData()));
        }
        QVERIFY(bytes.size() <= Thumbnailer::MaxBytes);
        // Qt itself reads it (so the refusal below is ours, not a missing plugin)...
        if (QImageReader::supportedImageFormats().contains(format))
            QVERIFY(!QImage::fromData(bytes).isNull());
        // ...the receiver does not.
        QVERIFY(Thumbnailer::decode(bytes).isNull());
    }

    void aReceivedJpegOrPngThumbnailIsShown()
    {
        QImage picture(40, 30, QImage::Format_RGB32);
        picture.fill(Qt::red);
        for (const char *format : {"JPEG", "PNG"}) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(picture.save(&buffer, format));
            QCOMPARE(Thumbnailer::decode(bytes).size(), QSize(40, 30));
        }
    }

    void namesFromPeersAreMadeHarmless()
    {
        QCOMPARE(PrivateFolder::safeName(QStringLiteral("../../.bashrc")), QStringLiteral("bashrc"));
        QCOMPARE(PrivateFolder::safeName(QStringLiteral("a\\b\\report.pdf")), QStringLiteral("report.pdf"));
        QCOMPARE(PrivateFolder::safeName(QStringLiteral("..")), QStringLiteral("file"));
        QCOMPARE(PrivateFolder::safeName(QStringLiteral("evil\u202Etxt.exe")), QStringLiteral("eviltxt.exe")); // no right-to-left override
        QCOMPARE(PrivateFolder::safeName(QStringLiteral("line\nbreak.txt")), QStringLiteral("linebreak.txt"));
        // Cut from the middle: the suffix shown is the suffix written ("…jar.pdf" must not
        // become "…jar" on disk and open as a program).
        const QString cut = PrivateFolder::safeName(QString(196, u'a') + QStringLiteral(".jar.pdf"));
        QVERIFY(cut.toUtf8().size() <= 200);
        QVERIFY(cut.endsWith(QLatin1String(".pdf")));
    }

    // Open hands to the desktop only what is shown, not run: an allowlist by the name on
    // disk, and by the bytes once written.
    void openTakesOnlyWhatIsShownNotRun()
    {
        for (const char *shown : {"photo.jpg", "clip.mp4", "song.ogg", "report.pdf", "notes.txt", "sheet.ods", "letter.docx", "backup.tar.gz"})
            QVERIFY2(PrivateFolder::mayOpenByName(QLatin1String(shown)), shown);
        for (const char *run : {"setup.exe", "run.sh", "app.desktop", "tool.jar", "start.jnlp", "x.py", "page.html", "logo.svg",
                                "disk.iso", "invoice", "setup.exe.", "a.AppImage", "b.bat"})
            QVERIFY2(!PrivateFolder::mayOpenByName(QLatin1String(run)), run);
        // A script inside a ".txt", a program inside a ".jpg": refused by their bytes.
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? f.fileName() : QString();
        };
        QVERIFY(PrivateFolder::mayOpenFile(write(QStringLiteral("notes.txt"), "just some words\n")));
        QVERIFY(!PrivateFolder::mayOpenFile(write(QStringLiteral("readme.txt"), "#!/bin/sh\nrm -rf ~\n")));
        QVERIFY(!PrivateFolder::mayOpenFile(write(QStringLiteral("photo.jpg"), QByteArray("MZ\x90\0\x03\0\0\0", 8) + QByteArray(512, '\0'))));
        QVERIFY(!PrivateFolder::mayOpenFile(write(QStringLiteral("entry.txt"), "[Desktop Entry]\nType=Application\nExec=sh\n")));
    }
};

QTEST_MAIN(TestThumbnailer)
#include "tst_thumbnailer.moc"
