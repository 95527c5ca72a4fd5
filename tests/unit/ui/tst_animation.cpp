// SPDX-License-Identifier: GPL-3.0-or-later
// What the image viewer plays as an animation: a modest GIF, told by its content; not a
// huge canvas, an endless list of frames, a single frame, or another format under a .gif
// name (those show still, decoded once and bounded).
#include "ui/Animation.h"

#include "tests/support/TinyGif.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;

class TestAnimation : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;

    QString written(const QString &name, const QByteArray &bytes)
    {
        const QString path = tmp.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void aModestGifPlays()
    {
        QVERIFY(ui::Animation::playable(written(QStringLiteral("wave.gif"), test::tinyGif(120, 90, 2))));
        // Its name does not matter either way.
        QVERIFY(ui::Animation::playable(written(QStringLiteral("wave.dat"), test::tinyGif(480, 360, 40))));
    }

    void aHugeCanvasShowsStill()
    {
        const int side = ui::Animation::Viewer.maxSide + 1;
        QVERIFY(!ui::Animation::playable(written(QStringLiteral("wide.gif"), test::tinyGif(quint16(side), 90, 2))));
        QVERIFY(!ui::Animation::playable(written(QStringLiteral("tall.gif"), test::tinyGif(120, quint16(side), 2))));
        QVERIFY(!ui::Animation::playable(written(QStringLiteral("bomb.gif"), test::tinyGif(60000, 60000, 2000))));
    }

    void tooManyFramesShowStill()
    {
        QVERIFY(ui::Animation::playable(written(QStringLiteral("long.gif"), test::tinyGif(120, 90, ui::Animation::Viewer.maxFrames))));
        QVERIFY(!ui::Animation::playable(written(QStringLiteral("endless.gif"), test::tinyGif(120, 90, ui::Animation::Viewer.maxFrames + 1))));
    }

    // In a bubble (several at once, each its own copy): smaller pictures and files only; the
    // viewer still plays what a bubble shows still.
    void aBubblePlaysOnlyASmallerOne()
    {
        using ui::Animation::Inline;
        const QString web = written(QStringLiteral("web.gif"), test::tinyGif(480, 270, 24));
        QVERIFY(ui::Animation::playable(web, Inline));
        const QString wide = written(QStringLiteral("wide.gif"), test::tinyGif(quint16(Inline.maxSide + 1), 90, 2));
        QVERIFY(!ui::Animation::playable(wide, Inline));
        QVERIFY(ui::Animation::playable(wide));
        QByteArray padded = test::tinyGif(120, 90, 2);
        padded.append(QByteArray(int(Inline.maxBytes) + 1 - int(padded.size()), '\0')); // bytes after the trailer: still a GIF
        const QString large = written(QStringLiteral("large.gif"), padded);
        QVERIFY(!ui::Animation::playable(large, Inline));
        QVERIFY(ui::Animation::playable(large));
    }

    void oneFrameOrAnotherFormatShowsStill()
    {
        QVERIFY(!ui::Animation::playable(written(QStringLiteral("still.gif"), test::tinyGif(120, 90, 1))));
        QImage photo(120, 90, QImage::Format_RGB32);
        photo.fill(Qt::green);
        for (const char *format : {"JPEG", "PNG"}) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(photo.save(&buffer, format));
            QVERIFY(!ui::Animation::playable(written(QStringLiteral("photo-%1.gif").arg(QLatin1String(format)), bytes)));
        }
        QVERIFY(!ui::Animation::playable(written(QStringLiteral("text.gif"), "GIF89a, or not")));
        QVERIFY(!ui::Animation::playable(tmp.filePath(QStringLiteral("missing.gif"))));
    }
};

QTEST_GUILESS_MAIN(TestAnimation)
#include "tst_animation.moc"
