// SPDX-License-Identifier: GPL-3.0-or-later
// The visual pass of issue 13 in the real window, against a real headless Bob: empty places
// say what to do, icon buttons have names, bubbles are grouped (one time per group) and
// capped in width, states are named icons, the composer's emoji and attach buttons work.
// With SOTTO_SCREENSHOTS=DIR it also saves the window at its telling moments as
// DIR/NAME.png (scripts/screenshot.sh runs it under Xvfb, light and dark).
#include "ui/AppController.h"
#include "ui/MainWindow.h"
#include "ui/SystemAppearance.h"

#include "tests/gui/GuiFixture.h"
#include "tests/support/HeadlessNode.h"

#include <QAccessible>
#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QQuickItemGrabResult>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

#include <cmath>
#include <functional>

using namespace sotto;
using test::isEvent;
using test::messageOf;
using test::HeadlessNode;
using test::noDiscovery;

namespace {

QString accessibleName(QQuickItem *item)
{
    QAccessibleInterface *a = item ? QAccessible::queryAccessibleInterface(item) : nullptr;
    return a ? a->text(QAccessible::Name) : QString();
}

} // namespace

class TestVisual : public test::GuiFixture {
    Q_OBJECT

    std::unique_ptr<HeadlessNode> bob;
    QString screenshotDir = qEnvironmentVariable("SOTTO_SCREENSHOTS");

    // Under SOTTO_SCREENSHOTS only: the window as it is now, after a few frames to settle,
    // with the pointer out of the way (no tooltip, no hover).
    void screenshot(const QString &name, bool movePointer = true)
    {
        if (screenshotDir.isEmpty())
            return;
        if (movePointer)
            pointAt(QPointF(window->width() - 2, window->height() / 2.0));
        QTest::qWait(400);
        QVERIFY(window->grabWindow().save(QDir(screenshotDir).filePath(name + QStringLiteral(".png"))));
    }

    // The real pointer too (a menu opens where it is), and the window told of the move.
    void pointAt(QPointF scenePos)
    {
        QCursor::setPos(window->mapToGlobal(scenePos.toPoint()));
        QTest::mouseMove(window, scenePos.toPoint());
    }

    // The delegate showing the message with this body, if it is laid out.
    QQuickItem *bubbleWith(const QString &body)
    {
        for (int row = 0; row < app->messages()->rowCount(); ++row) {
            if (app->messages()->data(app->messages()->index(row), ui::MessageModel::BodyRole).toString() != body)
                continue;
            QQuickItem *delegate = nullptr;
            QMetaObject::invokeMethod(item("messageList"), "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, row));
            return delegate;
        }
        return nullptr;
    }
    // Pixels of an item drawn in a saturated colour (text in the text colour has none).
    int colouredPixels(QQuickItem *item)
    {
        if (!item)
            return -1;
        QSharedPointer<QQuickItemGrabResult> grab = item->grabToImage();
        if (!grab || !QTest::qWaitFor([&] { return !grab->image().isNull(); }, 5000))
            return -1;
        const QImage image = grab->image().convertToFormat(QImage::Format_ARGB32);
        int coloured = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = QColor::fromRgba(image.pixel(x, y));
                if (c.alpha() > 128 && c.hsvSaturation() > 120 && c.value() > 80)
                    ++coloured;
            }
        return coloured;
    }
    QString timeShownOn(const QString &body)
    {
        QQuickItem *time = descendant(bubbleWith(body), QStringLiteral("messageTime"));
        return time && isShown(time) ? time->property("text").toString() : QString();
    }

    void openConversation(const QString &peer)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app->conversations()->indexOf(peer) >= 0, 20000);
        QQuickItem *row = nullptr;
        QTRY_VERIFY(QMetaObject::invokeMethod(item("conversationList"), "itemAtIndex", Q_RETURN_ARG(QQuickItem *, row),
                                              Q_ARG(int, app->conversations()->indexOf(peer)))
                    && row && row->property("peer").toString() == peer);
        click(row);
        QTRY_COMPARE(app->messages()->peer(), peer);
        QTRY_VERIFY(!app->messages()->loading());
    }

    // Written into the composer (emoji cannot be typed with QTest) and sent with Enter;
    // back once Bob has it.
    QString say(const QString &text)
    {
        item("composerInput")->setProperty("text", text);
        QTest::keyClick(window, Qt::Key_Return);
        const QJsonObject got = bob->waitFor([&](const QJsonObject &e) {
            return isEvent(e, "message_received") && messageOf(e).value(QStringLiteral("body")) == text;
        });
        return messageOf(got).value(QStringLiteral("id")).toString();
    }
    void bobSays(const QString &text)
    {
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("body"), text}});
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(text), 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // SOTTO_COLOR_SCHEME=dark: the dark look, as main() sets it up for a dark desktop.
        ui::AppOptions options = test::guiTestOptions(tmp);
        options.dark = qgetenv("SOTTO_COLOR_SCHEME") == "dark";
        if (options.dark)
            QApplication::setPalette(ui::darkPalette()); // links in rich text, as main() does
        QVERIFY(openWindow(options, QSize(1000, 680)));
        QVERIFY(createProfile(QStringLiteral("Ada")));
    }

    void cleanupTestCase()
    {
        bob.reset();
        closeWindow();
    }

    // First run: the empty list says what happens next and offers Add by address.
    void anEmptySidebarSaysWhatToDo()
    {
        QQuickItem *empty = item("sidebarEmpty");
        QTRY_VERIFY(isShown(empty));
        QVERIFY(!empty->property("title").toString().isEmpty());
        QVERIFY(!empty->property("actionText").toString().isEmpty());
        QVERIFY(isShown(item("noChatOpen")));
        screenshot(QStringLiteral("first-run"));
    }

    // The empty list's button opens Add by address; dialogs dim the window behind them.
    void dialogsOpenOverADimmedWindow()
    {
        QQuickItem *action = nullptr;
        std::function<void(QQuickItem *)> find = [&](QQuickItem *i) {
            for (QQuickItem *c : i->childItems()) {
                if (!action && c->inherits("QQuickAbstractButton") && isShown(c))
                    action = c;
                find(c);
            }
        };
        find(item("sidebarEmpty"));
        QVERIFY(action);
        click(action);
        QTRY_VERIFY(item("addressField") && item("addressField")->hasActiveFocus());
        QVERIFY(!item("connectButton")->isEnabled()); // nothing typed, nothing to connect to
        screenshot(QStringLiteral("add-by-address"));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!isShown(item("addressField")));

        QObject *settings = window->findChild<QObject *>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        click(item("settingsButton"));
        QTRY_VERIFY(settings->property("opened").toBool());
        screenshot(QStringLiteral("settings"));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!settings->property("visible").toBool());
    }

    // Every icon-only button says what it does, to a screen reader and as a tooltip.
    void iconButtonsHaveNames()
    {
        for (const char *name : {"addPeerButton", "settingsButton"}) {
            QQuickItem *button = item(name);
            QVERIFY2(isShown(button), name);
            QVERIFY2(!accessibleName(button).isEmpty(), name);
            QVERIFY2(!button->property("tip").toString().isEmpty(), name);
            QVERIFY2(!button->property("iconName").toString().isEmpty(), name);
        }
        QVERIFY(!accessibleName(item("searchButton")).isEmpty());
    }

    // A contact with no messages yet: "Say hi to Bob" and the way to the safety number.
    void anEmptyChatSaysHi()
    {
        bob = std::make_unique<HeadlessNode>(QStringLiteral("Bob"), QString(), noDiscovery());
        QVERIFY(bob->start());
        app->session()->addPeer(bob->address());
        QVERIFY(!bob->waitFor([](const QJsonObject &e) { return isEvent(e, "peer_online"); }).isEmpty());
        openConversation(bob->peer());
        QQuickItem *empty = item("emptyChat");
        QTRY_VERIFY(isShown(empty));
        QCOMPARE(empty->property("title").toString(), QStringLiteral("Say hi to Bob"));
        for (const char *name : {"contactButton", "chatMenuButton", "timerButton", "attachButton", "emojiButton", "sendButton"})
            QVERIFY2(!accessibleName(item(name)).isEmpty(), name);
        screenshot(QStringLiteral("empty-chat"));
    }

    // Two messages of one minute: one group, one time (on the newest), one state icon named
    // in words; capped at 560 px on a wide window.
    void bubblesAreGroupedCappedAndNamed()
    {
        bobSays(QStringLiteral("Hi Ada! Are we still on for the climbing gym tomorrow? 💪"));
        if (QTest::currentTestFailed())
            return;
        // Both of ours within one minute: not in its last seconds.
        QTRY_VERIFY_WITH_TIMEOUT(QTime::currentTime().second() < 50, 15000);
        item("composerInput")->forceActiveFocus();
        const QString first = QStringLiteral("Yes! 6 pm at the usual place?");
        const QString second = QStringLiteral("I will bring the rope 🙂");
        const QString firstId = say(first);
        say(second);
        QTRY_VERIFY(!timeShownOn(second).isEmpty());
        QTRY_COMPARE(timeShownOn(first), QString());
        // Bob has it: sent at least, once the receipt is in (the delegate may be remade).
        const QStringList arrived{QStringLiteral("Sent"), QStringLiteral("Delivered"), QStringLiteral("Read")};
        const auto stateIcon = [&] { return descendant(bubbleWith(second), QStringLiteral("stateIcon")); };
        QTRY_VERIFY_WITH_TIMEOUT(isShown(stateIcon()) && arrived.contains(accessibleName(stateIcon())), 10000);
        QVERIFY(accessibleName(bubbleWith(second)).contains(accessibleName(stateIcon())));
        QVERIFY(!isShown(descendant(bubbleWith(first), QStringLiteral("stateIcon"))));

        // Bob answers the first, reacts to it, and sends a link and a long text.
        bob->call({{QStringLiteral("cmd"), QStringLiteral("reply")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("to"), firstId}, {QStringLiteral("body"), QStringLiteral("Perfect, see you there")}});
        bob->call({{QStringLiteral("cmd"), QStringLiteral("react")}, {QStringLiteral("message"), firstId},
                   {QStringLiteral("emoji"), QStringLiteral("👍")}});
        const QString route = QStringLiteral("Here is the route guide for Friday: https://example.org/climbing?grade=6a — "
                                             "the overhang on the left wall is new, and the crimps on the top half are "
                                             "smaller than they look from the ground. Chalk up twice.");
        bobSays(route);
        if (QTest::currentTestFailed())
            return;
        // Emoji in a text are drawn in colour, not as DejaVu's outlines in the text colour.
        const QString coffee = QStringLiteral("Coffee first \u2615\U0001F602"); // both in DejaVu Sans too
        bobSays(coffee);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(isShown(descendant(bubbleWith(coffee), QStringLiteral("messageBody"))));
        QCOMPARE(colouredPixels(descendant(bubbleWith(coffee), QStringLiteral("messageBody"))) > 20, true);
        QCOMPARE(colouredPixels(descendant(bubbleWith(QStringLiteral("Perfect, see you there")), QStringLiteral("messageBody"))), 0);
        window->resize(1400, 800);
        QTRY_COMPARE(window->width(), 1400);
        // And in the sidebar's preview of that chat.
        const auto preview = [&] { return descendant(item("conversationList"), QStringLiteral("rowPreview")); };
        QTRY_VERIFY(preview() && preview()->property("text").toString().contains(QStringLiteral("\u2615")));
        QVERIFY(colouredPixels(preview()) > 20);
        QTRY_VERIFY(bubbleWith(route) && descendant(bubbleWith(route), QStringLiteral("messageBody"))->width() > 300);
        QQuickItem *body = descendant(bubbleWith(route), QStringLiteral("messageBody"));
        QQuickItem *bubble = body->parentItem();
        QTRY_VERIFY(bubble->width() <= 560);
        QVERIFY(bubble->width() > 400); // a long text does use the width it has
        window->resize(1000, 680);
        QTRY_COMPARE(window->width(), 1000);
        QTRY_VERIFY(!bubbleWith(first) || !timeShownOn(first).size());
        screenshot(QStringLiteral("main-window"));

        // What one does with a message: its menu, on Bob's answer.
        QQuickItem *answer = descendant(bubbleWith(QStringLiteral("Perfect, see you there")), QStringLiteral("messageBody"));
        QTRY_VERIFY(answer && isShown(answer));
        pointAt(answer->mapToScene(QPointF(answer->width() / 2, answer->height() / 2)));
        test::clickItem(window, answer, Qt::RightButton);
        QTRY_VERIFY(isShown(item("replyItem")));
        screenshot(QStringLiteral("conversation-features"), false);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!isShown(item("replyItem")));
    }

    // A narrow window shows the chat alone, its header's actions as named icons, the back
    // button first.
    void aNarrowWindowKeepsTheIcons()
    {
        window->resize(440, 680);
        QTRY_VERIFY(isShown(item("backButton")));
        QCOMPARE(accessibleName(item("backButton")), QStringLiteral("Back to conversations"));
        for (const char *name : {"contactButton", "chatMenuButton"}) {
            QQuickItem *button = item(name);
            const QPointF right = button->mapToScene(QPointF(button->width(), 0));
            QVERIFY2(isShown(button) && right.x() <= window->width(), name);
        }
        screenshot(QStringLiteral("narrow"));
        window->resize(1000, 680);
        QTRY_VERIFY(!isShown(item("backButton")));
    }

    // Typing into the search field atop the list opens the search with what was typed.
    void theSidebarFieldOpensTheSearch()
    {
        QObject *search = window->findChild<QObject *>(QStringLiteral("searchDialog"));
        QVERIFY(search);
        item("searchButton")->forceActiveFocus();
        keys(QStringLiteral("rope"));
        QTRY_VERIFY(search->property("opened").toBool());
        QTRY_COMPARE(item("searchField")->property("text").toString(), QStringLiteral("rope"));
        QCOMPARE(item("searchButton")->property("text").toString(), QString());
        QTRY_VERIFY(item("searchHits")->property("count").toInt() >= 1);
        screenshot(QStringLiteral("search"));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!search->property("visible").toBool());
    }

    // The emoji button writes an emoji where the cursor is; attach says it cannot yet.
    void emojiAndAttachButtons()
    {
        item("composerInput")->forceActiveFocus();
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(QStringLiteral("hi "));
        QObject *popup = window->findChild<QObject *>(QStringLiteral("emojiPicker"));
        QVERIFY(popup);
        click(item("emojiButton"));
        QTRY_VERIFY(popup->property("opened").toBool());
        QQuickItem *picker = popup->property("contentItem").value<QQuickItem *>();
        QVERIFY(picker);
        // It opens beside its button, not in the middle of the window: above it, its
        // right edge near the button's, inside the window.
        {
            QQuickItem *button = item("emojiButton");
            const QRectF b = button->mapRectToScene(QRectF(0, 0, button->width(), button->height()));
            const QRectF p = picker->mapRectToScene(QRectF(0, 0, picker->width(), picker->height()));
            QVERIFY2(p.bottom() <= b.top(), qPrintable(QStringLiteral("picker bottom %1, button top %2").arg(p.bottom()).arg(b.top())));
            QVERIFY2(std::abs(p.right() - b.right()) <= 40, qPrintable(QStringLiteral("picker right %1, button right %2").arg(p.right()).arg(b.right())));
            QVERIFY(p.left() >= 0 && p.right() <= window->width());
        }
        // The first button of the grid: 👍.
        QQuickItem *first = nullptr;
        std::function<void(QQuickItem *)> find = [&](QQuickItem *i) {
            for (QQuickItem *c : i->childItems()) {
                if (!first && c->property("text").toString() == QStringLiteral("👍"))
                    first = c;
                find(c);
            }
        };
        find(picker);
        QVERIFY(first);
        QCOMPARE(accessibleName(first), QStringLiteral("Insert 👍"));
        click(first);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QTRY_COMPARE(item("composerInput")->property("text").toString(), QStringLiteral("hi 👍"));
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        QMetaObject::invokeMethod(item("composerInput"), "clear");

        // The attach button opens the file picker (issue 9; it said "text only" before).
        const auto filePicker = [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->objectName() == QLatin1String("filePicker") && w->isVisible())
                    return w;
            return static_cast<QWidget *>(nullptr);
        };
        QVERIFY(!filePicker());
        click(item("attachButton"));
        QTRY_VERIFY(filePicker());
        filePicker()->close();
        QTRY_VERIFY(!filePicker());
    }
};

QTEST_MAIN(TestVisual)
#include "tst_visual.moc"
