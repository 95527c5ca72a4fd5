// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments in the real window (issue 9) against a real headless Sotto (Bob) over real
// TLS links: a pasted image and a dropped image file each end as a message whose thumbnail
// is on screen (the delegate's image decoded, at thumbnail size) and reaches Bob inside the
// pointer; a file over the size limit is refused with the reason shown and nothing sent;
// Open writes the verified plaintext into a 0700 private folder that a lock wipes.
#include "ui/Animation.h"
#include "ui/AppController.h"
#include "ui/AttachmentController.h"
#include "ui/MainWindow.h"
#include "ui/PrivateFolder.h"

#include "tests/gui/GuiFixture.h"
#include "tests/support/HeadlessNode.h"
#include "tests/support/TinyGif.h"

#include <algorithm>
#include <functional>

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace sotto;
using test::isEvent;
using test::messageOf;
using test::HeadlessNode;
using test::noDiscovery;

namespace {

// A picture with detail in it (a flat colour compresses to nothing and proves little): an
// evening sky over hills, so the screenshot shows something one would send.
QImage picture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor(0x2c, 0x3e, 0x91));
    sky.setColorAt(0.6, QColor(0xf3, 0x9c, 0x5a));
    sky.setColorAt(1, QColor(0xfd, 0xe3, 0xa7));
    p.fillRect(image.rect(), sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0xf1, 0xc1));
    p.drawEllipse(QPointF(width * 0.68, height * 0.55), height * 0.12, height * 0.12);
    const QColor hills[] = {QColor(0x5b, 0x4a, 0x7a), QColor(0x3d, 0x2f, 0x5c), QColor(0x22, 0x1b, 0x3a)};
    for (int layer = 0; layer < 3; ++layer) {
        QPainterPath path(QPointF(0, height));
        for (int x = 0; x <= width; x += width / 40)
            path.lineTo(x, height * (0.62 + 0.1 * layer) - height * 0.08 * std::sin(x * (3.0 + layer) / width + layer));
        path.lineTo(width, height);
        p.setBrush(hills[layer]);
        p.drawPath(path);
    }
    return image;
}

} // namespace

// Opened files are handed to the desktop through QDesktopServices: caught here instead.
class OpenedUrls : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

class TestAttachmentsWindow : public test::GuiFixture {
    Q_OBJECT

    std::unique_ptr<HeadlessNode> bob;
    OpenedUrls opened;

    ui::MessageModel *model() { return app->messages(); }
    QVariant data(int row, int role) { return model()->data(model()->index(row), role); }

    // The row of the attachment named `name` (-1 while there is none).
    // Sends a file of ours named `name` from the window and opens it: the private copy's path
    // ("" if something failed, which the caller's checks then show).
    QString sendAndOpen(const QString &name, const QByteArray &content)
    {
        const QString path = tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        f.close();
        app->attachments()->stageUrls({QUrl::fromLocalFile(path)});
        if (!app->attachments()->sendStaged() || !QTest::qWaitFor([&] { return rowNamed(name) == 0; }, 20000))
            return {};
        opened.urls.clear();
        app->attachments()->open(data(0, ui::MessageModel::AttachmentIdRole).toString());
        if (!QTest::qWaitFor([&] { return opened.urls.size() == 1; }, 10000))
            return {};
        return opened.urls.first().toLocalFile();
    }

    // Bob sends a file of these bytes named `name`; true once it is the newest row, downloaded
    // (an image from a contact comes by itself).
    bool bobSendsAndItArrives(const QString &name, const QByteArray &bytes)
    {
        const QString path = tmp.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return false;
        file.close();
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("path"), path}},
                  60000);
        return QTest::qWaitFor([&] { return rowNamed(name) == 0; }, 20000)
            && QTest::qWaitFor([&] { return data(0, ui::MessageModel::AttachmentStateRole).toString() == QLatin1String("done"); }, 30000);
    }

    // Row `row`'s bubble animation once it plays (loaded), else nullptr.
    QQuickItem *playingBubbleAt(int row)
    {
        QQuickItem *delegate = delegateAt(row);
        QQuickItem *animation = delegate ? delegate->findChild<QQuickItem *>(QStringLiteral("attachmentAnimation")) : nullptr;
        return animation && animation->property("status").toInt() == 1 /* Ready */ ? animation : nullptr;
    }

    int rowNamed(const QString &name)
    {
        for (int row = 0; row < model()->rowCount(); ++row)
            if (data(row, ui::MessageModel::AttachmentNameRole).toString() == name)
                return row;
        return -1;
    }

    QQuickItem *delegateAt(int row)
    {
        QQuickItem *delegate = nullptr;
        QMetaObject::invokeMethod(item("messageList"), "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, row));
        return delegate;
    }

    // The thumbnail of the newest message is decoded and shown at thumbnail size.
    void verifyThumbnailShownAt(int row)
    {
        // Found again on every try: under load the view may lay the row out again, and a
        // delegate held from before it shows another row (or none).
        QQuickItem *image = nullptr;
        const auto thumbnail = [&] {
            QQuickItem *d = delegateAt(row);
            return d ? d->findChild<QQuickItem *>(QStringLiteral("attachmentThumbnail")) : nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT((image = thumbnail()) && image->property("status").toInt() == 1 /* Image.Ready */, 20000);
        QTRY_VERIFY(test::isShown(image));
        const QSize decoded(image->property("implicitWidth").toInt(), image->property("implicitHeight").toInt());
        QVERIFY2(decoded.width() > 32 && decoded.width() <= 320 && decoded.height() > 16 && decoded.height() <= 320,
                 qPrintable(QStringLiteral("%1x%2").arg(decoded.width()).arg(decoded.height())));
        QVERIFY(image->width() > 32 && image->height() > 16);
    }

    // Bob got the pointer with its thumbnail inside (the sender made it).
    QJsonObject bobReceives(const QString &name)
    {
        return bob->waitFor([name](const QJsonObject &e) {
            return isEvent(e, "message_received")
                && messageOf(e).value(QStringLiteral("attachment")).toObject().value(QStringLiteral("name")).toString() == name;
        });
    }

    // Under SOTTO_SCREENSHOTS only (scripts/screenshot.sh): the window now, settled.
    void screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("SOTTO_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QTest::mouseMove(window, QPoint(window->width() - 2, window->height() / 2)); // no hover, no tooltip
        QTest::qWait(400);
        QVERIFY(window->grabWindow().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

    void drop(const QList<QUrl> &urls)
    {
        auto *mime = new QMimeData; // the drop event does not own it: kept until the test ends
        mime->setParent(this);
        mime->setUrls(urls);
        QQuickItem *list = item("messageList");
        const QPoint at = list->mapToScene(QPointF(list->width() / 2, list->height() / 2)).toPoint();
        QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &move);
        QDropEvent dropped(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &dropped);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &opened, "open");
        QVERIFY(openWindow());
        QVERIFY(createProfile(QStringLiteral("Ada")));

        bob = std::make_unique<HeadlessNode>(QStringLiteral("Bob"), QString(), noDiscovery());
        QVERIFY(bob->start());
        app->session()->addPeer(bob->address());
        QVERIFY(!bob->waitFor([](const QJsonObject &e) { return isEvent(e, "peer_online"); }).isEmpty());
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("body"), QStringLiteral("Hi, it's Bob")}});
        QTRY_VERIFY_WITH_TIMEOUT(app->conversations()->indexOf(bob->peer()) >= 0, 20000);
        model()->openPeer(bob->peer());
        QTRY_COMPARE(model()->peer(), bob->peer());
        QTRY_VERIFY(!model()->loading());
        QTRY_VERIFY(test::isShown(item("composerInput")));
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        bob.reset();
        closeWindow();
    }

    // The files in the tray (over the composer), as a person sees them.
    QList<QQuickItem *> stagedFiles()
    {
        QList<QQuickItem *> out;
        QQuickItem *tray = item("stagedTray");
        if (!tray || !isShown(tray))
            return out;
        const std::function<void(QQuickItem *)> walk = [&](QQuickItem *at) {
            for (QQuickItem *child : at->childItems()) {
                if (child->objectName() == u"stagedFile" && isShown(child))
                    out << child;
                else
                    walk(child);
            }
        };
        walk(tray);
        std::sort(out.begin(), out.end(), [](QQuickItem *a, QQuickItem *b) { return a->x() < b->x(); });
        return out;
    }

    void aPastedImageShowsItsThumbnail()
    {
        const qint64 newest = data(0, ui::MessageModel::RowIdRole).toLongLong();
        item("composerInput")->forceActiveFocus();
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        test::typeKeys(window, QStringLiteral("look"));
        QGuiApplication::clipboard()->setImage(picture(1200, 800));
        QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier);
        // Enter while the image is still being written: nothing goes (not the text alone).
        const bool stillPasting = app->attachments()->pasting();
        QTest::keyClick(window, Qt::Key_Return);

        // A paste goes to the tray, with a preview, and waits for Send; the text stays.
        QTRY_COMPARE(stagedFiles().size(), 1);
        QQuickItem *preview = descendant(stagedFiles().at(0), QStringLiteral("stagedPreview"));
        QVERIFY(preview && isShown(preview));
        QTRY_COMPARE(preview->property("status").toInt(), 1); // Image.Ready
        QCOMPARE(item("composerInput")->property("text").toString(), QStringLiteral("look"));
        QVERIFY(stillPasting);
        // A second paste, taken out again: its plaintext goes at once.
        QTest::keyClick(window, Qt::Key_V, Qt::ControlModifier);
        QTRY_COMPARE(stagedFiles().size(), 2);
        const QDir pasted(ui::PrivateFolder::path(QStringLiteral("paste")));
        QCOMPARE(pasted.entryList(QDir::Files).size(), 2);
        screenshot(QStringLiteral("attachment-tray"));
        click(descendant(stagedFiles().at(1), QStringLiteral("unstageButton")));
        QTRY_COMPARE(stagedFiles().size(), 1);
        QCOMPARE(pasted.entryList(QDir::Files).size(), 1);
        QTest::qWait(300);
        QCOMPARE(data(0, ui::MessageModel::RowIdRole).toLongLong(), newest); // nothing went yet
        item("composerInput")->forceActiveFocus();
        QTest::keyClick(window, Qt::Key_Return);

        // The text typed became the caption, and the composer and the tray are empty.
        QTRY_COMPARE(item("composerInput")->property("text").toString(), QString());
        QTRY_VERIFY(stagedFiles().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(data(0, ui::MessageModel::KindRole).toInt() == ui::MessageModel::Attachment, 20000);
        QCOMPARE(data(0, ui::MessageModel::BodyRole).toString(), QStringLiteral("look"));
        QTRY_VERIFY(data(0, ui::MessageModel::AttachmentThumbnailRole).toBool());
        QVERIFY(data(0, ui::MessageModel::AttachmentIsImageRole).toBool());
        const QString name = data(0, ui::MessageModel::AttachmentNameRole).toString();
        QVERIFY(name.endsWith(QLatin1String(".png")));
        verifyThumbnailShownAt(0);

        const QJsonObject a = messageOf(bobReceives(name)).value(QStringLiteral("attachment")).toObject();
        const int thumbnailBytes = a.value(QStringLiteral("thumbnail_bytes")).toInt();
        QVERIFY2(thumbnailBytes > 500 && thumbnailBytes <= 20480, qPrintable(QString::number(thumbnailBytes)));
        // The pasted plaintext went once it was sealed.
        QTRY_VERIFY(QDir(ui::PrivateFolder::path(QStringLiteral("paste"))).entryList(QDir::Files).isEmpty());
    }

    void aDroppedImageFileShowsItsThumbnail()
    {
        const QString path = tmp.filePath(QStringLiteral("harbour.jpg"));
        QVERIFY(picture(2000, 1500).save(path, "JPEG", 90));
        drop({QUrl::fromLocalFile(path)});
        QTRY_COMPARE(stagedFiles().size(), 1);
        click(item("sendButton"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("harbour.jpg")) == 0, 20000);
        QTRY_VERIFY(data(0, ui::MessageModel::AttachmentThumbnailRole).toBool());
        verifyThumbnailShownAt(0);
        const QJsonObject a = messageOf(bobReceives(QStringLiteral("harbour.jpg"))).value(QStringLiteral("attachment")).toObject();
        QVERIFY(a.value(QStringLiteral("thumbnail_bytes")).toInt() > 500);
        QCOMPARE(a.value(QStringLiteral("mime")).toString(), QStringLiteral("image/jpeg"));
        // Without a caption the sidebar still says a file went (not an empty line).
        const auto preview = [this] {
            auto *list = app->conversations();
            return list->data(list->index(list->indexOf(bob->peer())), ui::ConversationListModel::PreviewRole).toString();
        };
        QTRY_COMPARE(preview(), QStringLiteral("\U0001F4CE File"));
    }

    void aFileOverTheLimitIsRefused()
    {
        app->attachments()->setSizeLimitMiB(1);
        const QString path = tmp.filePath(QStringLiteral("big.bin"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write(QByteArray(2 * 1024 * 1024, 'x')) > 0);
        }
        const int rows = model()->rowCount();
        const qint64 newest = data(0, ui::MessageModel::RowIdRole).toLongLong();
        drop({QUrl::fromLocalFile(path)});
        QTRY_VERIFY(app->notice().contains(QLatin1String("larger than the limit")));
        QVERIFY(app->notice().contains(QLatin1String("big.bin")));
        QTRY_VERIFY(test::isShown(item("notice")));
        QTest::qWait(500);
        QVERIFY(stagedFiles().isEmpty());
        QCOMPARE(model()->rowCount(), rows);
        QCOMPARE(data(0, ui::MessageModel::RowIdRole).toLongLong(), newest);
        QCOMPARE(bob->count([](const QJsonObject &e) {
            return isEvent(e, "message_received")
                && messageOf(e).value(QStringLiteral("attachment")).toObject().value(QStringLiteral("name")) == QLatin1String("big.bin");
        }), 0);
        app->dismissNotice();
        app->attachments()->setSizeLimitMiB(ui::AttachmentController::DefaultSizeLimitMiB);
    }

    // A file taken away while it waited in the tray: Send names it, and neither the tray nor
    // the text typed is lost.
    void aStagedFileGoneBeforeSendIsNamed()
    {
        const QString path = tmp.filePath(QStringLiteral("gone.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write("soon gone") > 0);
        }
        const qint64 newest = data(0, ui::MessageModel::RowIdRole).toLongLong();
        app->attachments()->stageUrls({QUrl::fromLocalFile(path)});
        QTRY_COMPARE(stagedFiles().size(), 1);
        item("composerInput")->forceActiveFocus();
        keys(QStringLiteral("the caption"));
        QVERIFY(QFile::remove(path));
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(app->notice().contains(QLatin1String("gone.txt")));
        QCOMPARE(stagedFiles().size(), 1);
        QCOMPARE(item("composerInput")->property("text").toString(), QStringLiteral("the caption"));
        QTest::qWait(300);
        QCOMPARE(data(0, ui::MessageModel::RowIdRole).toLongLong(), newest);
        app->dismissNotice();
        app->attachments()->unstage(0);
        QTRY_VERIFY(stagedFiles().isEmpty());
        QMetaObject::invokeMethod(item("composerInput"), "clear");
    }

    // A file from Bob waits for a click, shows its progress, pauses and resumes.
    void aReceivedFileDownloadsOnClickAndPauses()
    {
        const QString path = tmp.filePath(QStringLiteral("survey-2026.tar"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray block(1024 * 1024, '\0');
            for (int i = 0; i < block.size(); ++i)
                block[i] = char((i * 131) ^ (i >> 9));
            for (int i = 0; i < 96; ++i)
                QVERIFY(f.write(block) == block.size());
        }
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("path"), path}, {QStringLiteral("caption"), QStringLiteral("the survey data")}},
                  60000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("survey-2026.tar")) == 0, 20000);
        QTRY_COMPARE(data(0, ui::MessageModel::AttachmentStateRole).toString(), QStringLiteral("paused"));
        QCOMPARE(data(0, ui::MessageModel::AttachmentBytesRole).toDouble(), 0.0);
        QQuickItem *download = nullptr;
        QTRY_VERIFY((download = delegateAt(0) ? delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentDownload")) : nullptr));
        // The delegate at row 0 may still show the row that was there before (slow under
        // ASan): wait for it to show this one.
        QTRY_COMPARE(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentDownload"))->property("text").toString(),
                     QStringLiteral("Download"));
        download = delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentDownload"));
        click(download);
        QTRY_VERIFY_WITH_TIMEOUT(data(0, ui::MessageModel::AttachmentBytesRole).toDouble() > 0, 20000);
        QQuickItem *pause = delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentPause"));
        if (data(0, ui::MessageModel::AttachmentStateRole).toString() == QLatin1String("downloading")) {
            QVERIFY(test::isShown(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentProgress"))));
            click(pause);
            // Paused where it got to (or done, on a machine quicker than the click).
            QTRY_VERIFY(data(0, ui::MessageModel::AttachmentStateRole).toString() != QLatin1String("downloading"));
        }
        if (data(0, ui::MessageModel::AttachmentStateRole).toString() == QLatin1String("paused")) {
            QTRY_COMPARE(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentDownload"))->property("text").toString(),
                         QStringLiteral("Resume"));
            screenshot(QStringLiteral("attachment"));
            click(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentDownload")));
        }
        QTRY_COMPARE_WITH_TIMEOUT(data(0, ui::MessageModel::AttachmentStateRole).toString(), QStringLiteral("done"), 60000);
        QTRY_VERIFY(test::isShown(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentSave"))));
    }

    // Bob's headless send_file of an image carries a thumbnail too; ours shows it before the
    // image is here, the image comes by itself (Bob is a contact), and a click opens it in
    // the window's viewer, which Esc closes.
    void aReceivedImageShowsItsThumbnailAndOpensInTheViewer()
    {
        const QString path = tmp.filePath(QStringLiteral("evening.png"));
        QVERIFY(picture(1600, 1000).save(path, "PNG"));
        const QJsonObject sent = bob->call({{QStringLiteral("cmd"), QStringLiteral("send_file")},
                                            {QStringLiteral("peer"), app->session()->peerId()},
                                            {QStringLiteral("path"), path}},
                                           60000);
        QVERIFY(messageOf(sent).value(QStringLiteral("attachment")).toObject().value(QStringLiteral("thumbnail_bytes")).toInt() > 500);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("evening.png")) == 0, 20000);
        QTRY_VERIFY(data(0, ui::MessageModel::AttachmentThumbnailRole).toBool());
        verifyThumbnailShownAt(0);
        QTRY_COMPARE_WITH_TIMEOUT(data(0, ui::MessageModel::AttachmentStateRole).toString(), QStringLiteral("done"), 30000);

        QQuickItem *thumbnail = delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentThumbnail"));
        click(thumbnail);
        QQuickItem *shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((shown = item("viewerImage")) && test::isShown(shown), 10000);
        QTRY_COMPARE(shown->property("status").toInt(), 1 /* Image.Ready */);
        // The image itself, decoded no larger than shown: bigger than its thumbnail here.
        QVERIFY(shown->property("paintedWidth").toDouble() > 320);
        QVERIFY(shown->property("source").toUrl().toLocalFile().startsWith(app->attachments()->openFolder() + u'/'));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!test::isShown(item("viewerImage")));
    }

    // A GIF plays in the viewer: both of its frames, in turn (a 120 × 90 canvas whose corner
    // pixel turns from red to blue and back).
    void aReceivedGifPlaysInTheViewer()
    {
        QVERIFY(bobSendsAndItArrives(QStringLiteral("wave.gif"), test::tinyGif(120, 90, 2)));
        QTRY_VERIFY(data(0, ui::MessageModel::AttachmentThumbnailRole).toBool());

        click(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentThumbnail")));
        QQuickItem *shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((shown = item("viewerAnimation")) && test::isShown(shown), 10000);
        QTRY_COMPARE(shown->property("status").toInt(), 1 /* Image.Ready */);
        QCOMPARE(shown->property("frameCount").toInt(), 2);
        QVERIFY(shown->property("playing").toBool());
        const int first = shown->property("currentFrame").toInt();
        QTRY_VERIFY_WITH_TIMEOUT(shown->property("currentFrame").toInt() != first, 3000); // it moves
        QVERIFY(!test::isShown(item("viewerImage")));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!test::isShown(item("viewerAnimation")));
    }

    // The same GIF plays in its bubble too, as in Signal; one too large for a bubble shows
    // its thumbnail there, leaves no plaintext copy behind, and still plays in the viewer.
    void aReceivedGifPlaysInItsBubble()
    {
        QCOMPARE(rowNamed(QStringLiteral("wave.gif")), 0);
        QQuickItem *bubble = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((bubble = playingBubbleAt(0)), 10000);
        QVERIFY(test::isShown(bubble));
        QCOMPARE(bubble->property("frameCount").toInt(), 2);
        QTRY_VERIFY(bubble->property("playing").toBool());
        const int first = bubble->property("currentFrame").toInt();
        QTRY_VERIFY_WITH_TIMEOUT(bubble->property("currentFrame").toInt() != first, 3000); // it moves
        QCOMPARE(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentThumbnail"))->opacity(), 0.0);

        // One nobody opened: its copy is there while its bubble plays it, and goes with the
        // bubble (scrolled out of the list, the delegate pooled or gone).
        {
            QVERIFY(bobSendsAndItArrives(QStringLiteral("blink.gif"), test::tinyGif(100, 80, 2)));
            QTRY_VERIFY_WITH_TIMEOUT(playingBubbleAt(0), 10000);
            const QString blinkCopy = QDir(app->attachments()->openFolder()).filePath(data(0, ui::MessageModel::AttachmentIdRole).toString());
            QVERIFY(QFileInfo::exists(blinkCopy));
            for (int i = 0; i < 30; ++i)
                bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                           {QStringLiteral("body"), QStringLiteral("line %1").arg(i)}});
            QTRY_COMPARE_WITH_TIMEOUT(rowNamed(QStringLiteral("blink.gif")), 30, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(blinkCopy), 10000);
        }

        const int side = ui::Animation::Inline.maxSide + 60;
        QVERIFY(bobSendsAndItArrives(QStringLiteral("banner.gif"), test::tinyGif(quint16(side), 90, 2)));
        const QString id = data(0, ui::MessageModel::AttachmentIdRole).toString();
        const QString copyFolder = QDir(app->attachments()->openFolder()).filePath(id);
        QSignalSpy ready(app->attachments(), &ui::AttachmentController::animationReady);
        const auto answers = [&](bool playing) {
            return std::count_if(ready.cbegin(), ready.cend(), [&](const QList<QVariant> &args) {
                return args.value(0).toString() == id && args.value(1).toUrl().isEmpty() != playing;
            });
        };
        // Asked by its bubble, written, found too wide, and removed: asked once more, it says
        // "still" (at once, or when the bubble's check ends), and no copy is left.
        app->attachments()->animate(id);
        QTRY_COMPARE_WITH_TIMEOUT(answers(false), 1, 10000);
        app->attachments()->release(id);
        QCOMPARE(answers(true), 0);
        QVERIFY2(!QFileInfo::exists(copyFolder), qPrintable(copyFolder));
        QQuickItem *still = delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentAnimation"));
        QVERIFY(still && !test::isShown(still));
        click(delegateAt(0)->findChild<QQuickItem *>(QStringLiteral("attachmentThumbnail")));
        QQuickItem *shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((shown = item("viewerAnimation")) && test::isShown(shown), 10000);
        QTRY_COMPARE(shown->property("status").toInt(), 1 /* Image.Ready */);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!test::isShown(item("viewerAnimation")));
    }

    // Settings: "download images automatically" off, an image waits for a click like any file.
    void imagesWaitWhenAutomaticDownloadIsOff()
    {
        app->attachments()->setAutoDownloadImages(false);
        const QString path = tmp.filePath(QStringLiteral("noon.png"));
        QVERIFY(picture(800, 500).save(path, "PNG"));
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("path"), path}},
                  60000);
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("noon.png")) == 0, 20000);
        QTRY_VERIFY(data(0, ui::MessageModel::AttachmentThumbnailRole).toBool()); // the thumbnail shows all the same
        QTest::qWait(1500); // the evening image came in well under this
        QCOMPARE(data(0, ui::MessageModel::AttachmentStateRole).toString(), QStringLiteral("paused"));
        app->attachments()->setAutoDownloadImages(true);
        app->attachments()->download(data(0, ui::MessageModel::AttachmentIdRole).toString());
        QTRY_COMPARE_WITH_TIMEOUT(data(0, ui::MessageModel::AttachmentStateRole).toString(), QStringLiteral("done"), 30000);
    }

    // A disappearing or deleted message must not leave its file's plaintext behind: the copy
    // Open wrote goes with the message at once, not at the next lock.
    void anOpenedFileGoesWithItsDeletedMessage()
    {
        const QString copy = sendAndOpen(QStringLiteral("draft.txt"), "a draft that was deleted\n");
        QVERIFY(QFile::exists(copy));
        // Another file opened stays: only the deleted message's copy goes.
        const QString keptCopy = sendAndOpen(QStringLiteral("kept.txt"), "a file that stays\n");
        QVERIFY(QFile::exists(keptCopy));
        QCOMPARE(rowNamed(QStringLiteral("draft.txt")), 1);
        model()->remove(data(1, ui::MessageModel::RowIdRole).toLongLong(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QFileInfo(copy).path()), 10000);
        QVERIFY(QFile::exists(keptCopy));
        opened.urls.clear();
    }

    void openWritesAPrivateCopyThatALockWipes()
    {
        const QString path = tmp.filePath(QStringLiteral("notes.txt"));
        const QByteArray content = "the plaintext of a file, seen only where it should be\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write(content) > 0);
        }
        app->attachments()->stageUrls({QUrl::fromLocalFile(path)});
        QVERIFY(app->attachments()->sendStaged());
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(QStringLiteral("notes.txt")) == 0, 20000);
        // Not an image: a card, with Open at hand (ours is whole from the start). Waited for
        // by its name: the delegate at the bottom may still be the row before it a moment.
        QQuickItem *openButton = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     QQuickItem *row = delegateAt(0);
                                     QQuickItem *name = row ? row->findChild<QQuickItem *>(QStringLiteral("attachmentName")) : nullptr;
                                     openButton = row ? row->findChild<QQuickItem *>(QStringLiteral("attachmentOpen")) : nullptr;
                                     return name && openButton && name->property("text").toString() == QLatin1String("notes.txt");
                                 }()),
                                 10000);
        click(openButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.urls.size(), 1, 10000);
        const QString copy = opened.urls.first().toLocalFile();
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
        f.close();
        QCOMPARE(QFileInfo(copy).fileName(), QStringLiteral("notes.txt"));
        // Inside this process's private folder, which is 0700 (so is the folder above it).
        const QString folder = app->attachments()->openFolder();
        QVERIFY(!folder.isEmpty());
        QVERIFY(copy.startsWith(folder + u'/'));
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        for (const QString &dir : {folder, QFileInfo(folder).path(), QFileInfo(copy).path()}) {
            const auto mode = QFileInfo(dir).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
            QCOMPARE(mode, ownerOnly);
        }
        QCOMPARE(QFileInfo(copy).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // Save as… writes the verified file where the user chose (the dialog's answer).
        QSignalSpy saved(app->attachments(), &ui::AttachmentController::saved);
        const QString chosen = tmp.filePath(QStringLiteral("kept-notes.txt"));
        app->attachments()->saveAs(data(0, ui::MessageModel::AttachmentIdRole).toString(), QUrl::fromLocalFile(chosen));
        QTRY_COMPARE(saved.size(), 1);
        QFile kept(chosen);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), content);

        app->session()->lock();
        QTRY_COMPARE_WITH_TIMEOUT(app->session()->state(), ui::SessionController::Locked, 10000);
        QTRY_VERIFY(!QFile::exists(copy));
        QVERIFY(!QFileInfo::exists(folder));
    }
};

QTEST_MAIN(TestAttachmentsWindow)
#include "tst_attachmentswindow.moc"
