// SPDX-License-Identifier: GPL-3.0-or-later
// What the image viewer and a bubble play as an animation: a modest GIF, told by its
// content; not a huge canvas, an endless list of frames, frames faster than a browser would
// play them, a single frame, or another format under a .gif name (those show still, decoded
// once and bounded). And the timing read from a GIF's or WebP's headers for that.
#include "ui/Animation.h"
#include "ui/AnimationTiming.h"

#include "tests/support/TinyGif.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

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

    // A GIF's delay as Qt plays it: 0 or 1 centisecond is a tenth of a second (as browsers
    // do), so such a GIF plays at that pace. Within a bubble's budget only what decodes
    // modestly: 640 × 640 at 25 frames a second is over it, 480 × 360 at 33 is not.
    void aGifPlaysAtThePaceQtGivesIt()
    {
        for (quint16 centiseconds : {0, 1}) {
            const QByteArray gif = test::tinyGif(120, 90, 2, centiseconds);
            QCOMPARE(ui::AnimationTiming::read(gif)->shortestMs, 100);
            QVERIFY(ui::Animation::playable(written(QStringLiteral("web-%1.gif").arg(centiseconds), gif), ui::Animation::Inline));
        }
        QCOMPARE(ui::AnimationTiming::read(test::tinyGif(120, 90, 2, 2))->shortestMs, 20);
        QVERIFY(ui::Animation::playable(written(QStringLiteral("brisk.gif"), test::tinyGif(120, 90, 2, 2)), ui::Animation::Inline));
        const QString square = written(QStringLiteral("square.gif"), test::tinyGif(640, 640, 30, 4));
        QVERIFY(!ui::Animation::playable(square, ui::Animation::Inline));
        QVERIFY(ui::Animation::playable(square));
        QVERIFY(ui::Animation::playable(written(QStringLiteral("clip.gif"), test::tinyGif(480, 360, 30, 3)), ui::Animation::Inline));
    }

    // What a hostile GIF's headers could hide: a canvas of 0 × 0 with large frames (Qt sizes
    // the picture by the frame), one fast frame among slow ones (the peak counts, not the
    // average), or more compressed data than a frame could use (Qt decodes it all).
    void aGifIsJudgedByItsFramesAndItsPeak()
    {
        struct Frame {
            quint16 width, height, centiseconds;
            int dataBytes = 3;
        };
        const auto gifOf = [](quint16 screenWidth, quint16 screenHeight, std::initializer_list<Frame> frames) {
            QByteArray gif("GIF89a", 6);
            char screen[7] = {0, 0, 0, 0, 0, 0, 0};
            qToLittleEndian<quint16>(screenWidth, screen);
            qToLittleEndian<quint16>(screenHeight, screen + 2);
            gif += QByteArray(screen, 7);
            for (const Frame &f : frames) {
                char control[8] = {'\x21', '\xf9', '\x04', 0, 0, 0, 0, 0};
                qToLittleEndian<quint16>(f.centiseconds, control + 4);
                gif += QByteArray(control, 8);
                char descriptor[10] = {'\x2c', 0, 0, 0, 0, 0, 0, 0, 0, 0};
                qToLittleEndian<quint16>(f.width, descriptor + 5);
                qToLittleEndian<quint16>(f.height, descriptor + 7);
                gif += QByteArray(descriptor, 10) + '\x02';
                for (int left = f.dataBytes; left > 0; left -= 255)
                    gif += char(std::min(left, 255)) + QByteArray(std::min(left, 255), '\x44');
                gif += '\0';
            }
            return gif + ';';
        };
        const auto unseen = ui::AnimationTiming::read(gifOf(0, 0, {{640, 640, 4}, {640, 640, 4}}));
        QVERIFY(unseen);
        QCOMPARE(unseen->width, 640);
        QCOMPARE(unseen->height, 640);
        QCOMPARE(unseen->peakPixelsPerSecond, 640 * 640 * 25);
        const auto burst = ui::AnimationTiming::read(gifOf(400, 300, {{400, 300, 200}, {400, 300, 200}, {400, 300, 2}}));
        QVERIFY(burst);
        QCOMPARE(burst->shortestMs, 20);
        QCOMPARE(burst->peakPixelsPerSecond, 400 * 300 * 50); // 6 million, though 0.3 million on average
        QVERIFY(!ui::AnimationTiming::read(gifOf(100, 100, {{1, 1, 10, 5000}, {1, 1, 10}})));
        QVERIFY(ui::AnimationTiming::read(gifOf(100, 100, {{100, 100, 10, 5000}, {1, 1, 10}})));
    }

    void timingIsReadFromAGifsHeaders()
    {
        const QByteArray gif = test::tinyGif(120, 90, 3, 7);
        const auto timing = ui::AnimationTiming::read(gif);
        QVERIFY(timing);
        QCOMPARE(timing->width, 120);
        QCOMPARE(timing->height, 90);
        QCOMPARE(timing->frames, 3);
        QCOMPARE(timing->totalMs, 210);
        QCOMPARE(timing->shortestMs, 70);
        // Cut anywhere: never more than was there, never a read past the end (ASan runs this).
        for (qsizetype n = 0; n < gif.size(); ++n) {
            const auto cut = ui::AnimationTiming::read(QByteArrayView(gif).first(n));
            QVERIFY(!cut || cut->frames <= 3);
        }
        QVERIFY(!ui::AnimationTiming::read(QByteArray("GIF89a, or not")));
        QVERIFY(!ui::AnimationTiming::read(QByteArray()));
    }

    void timingIsReadFromAWebpsFrames()
    {
        // An animated WebP's container, written by hand: VP8X (animated, 200 × 100), ANIM,
        // two ANMF frames of 40 and 80 ms (their image data is not looked at).
        const auto chunk = [](const char *fourcc, const QByteArray &data) {
            char length[4];
            qToLittleEndian<quint32>(quint32(data.size()), length);
            QByteArray out = QByteArray(fourcc, 4) + QByteArray(length, 4) + data;
            return data.size() % 2 ? out + '\0' : out;
        };
        const auto u24 = [](int v) {
            const char bytes[3] = {char(v & 0xff), char((v >> 8) & 0xff), char((v >> 16) & 0xff)};
            return QByteArray(bytes, 3);
        };
        const auto webp = [&](char flags, std::initializer_list<int> durations) {
            QByteArray body = QByteArray("WEBP") + chunk("VP8X", QByteArray(1, flags) + QByteArray(3, '\0') + u24(199) + u24(99))
                + chunk("ANIM", QByteArray(6, '\0'));
            for (int ms : durations)
                body += chunk("ANMF", u24(0) + u24(0) + u24(199) + u24(99) + u24(ms) + QByteArray(1, '\0') + chunk("VP8L", "\x2f"));
            char length[4];
            qToLittleEndian<quint32>(quint32(body.size()), length);
            return QByteArray("RIFF") + QByteArray(length, 4) + body;
        };
        const auto timing = ui::AnimationTiming::read(webp('\x02', {40, 80}));
        QVERIFY(timing);
        QCOMPARE(timing->width, 200);
        QCOMPARE(timing->height, 100);
        QCOMPARE(timing->frames, 2);
        QCOMPARE(timing->totalMs, 120);
        QCOMPARE(timing->shortestMs, 40);
        QVERIFY(!ui::AnimationTiming::read(webp('\0', {40, 80}))); // not marked animated
        // What follows the RIFF's own length is not played (libwebp stops there): not counted.
        QByteArray trailed = webp('\x02', {20, 20});
        trailed += chunk("ANMF", u24(0) + u24(0) + u24(199) + u24(99) + u24(900000) + QByteArray(1, '\0') + chunk("VP8L", "\x2f"));
        QCOMPARE(ui::AnimationTiming::read(trailed)->totalMs, 40);
        const QByteArray whole = webp('\x02', {0, 0});
        QCOMPARE(ui::AnimationTiming::read(whole)->shortestMs, 0);
        for (qsizetype n = 0; n < whole.size(); ++n) {
            const auto cut = ui::AnimationTiming::read(QByteArrayView(whole).first(n));
            QVERIFY(!cut || cut->frames <= 2);
        }
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
