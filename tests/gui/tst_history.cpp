// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a long history in the real window, as a person does: the mouse wheel and the
// paging keys from the newest message to the very first of a 10,000-message conversation
// and back, a search hit that stays where it was opened, and keyboard paging from the
// composer. What passes through the view is read from the delegates on screen after every
// step: in order, none missing, none doubled.
#include "ui/AppController.h"
#include "ui/MainWindow.h"

#include "tests/gui/GuiFixture.h"
#include "tests/support/ChatListProbe.h"
#include "tests/support/TestProfiles.h"

#include <QAbstractAnimation>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQuickTest/quicktest.h>

using namespace sotto;

namespace {

constexpr int Messages = 10000;

// Animations advance one frame's time per frame the window draws, never more. Qt's own
// driver, even with QSG_FIXED_ANIMATION_STEP, is ticked by a timer between slow frames, so
// on a loaded machine (two of these tests at once did it every time) a flick crossed more
// than a screen of rows between two frames drawn, and the test rightly saw rows never
// drawn: the clock's doing, not the view's, which is what the test looks at.
class FrameLockedAnimations : public QAnimationDriver {
public:
    explicit FrameLockedAnimations(QQuickWindow *window)
        : m_window(window)
    {
        connect(window, &QQuickWindow::frameSwapped, this, [this] {
            if (!isRunning())
                return;
            m_time += 16;
            advance();
            m_window->update(); // the next frame, whether or not the step moved anything
        }, Qt::DirectConnection);
        connect(this, &QAnimationDriver::started, window, &QQuickWindow::update);
    }
    qint64 elapsed() const override { return m_time; }

private:
    QQuickWindow *m_window;
    qint64 m_time = 0;
};

} // namespace

class TestHistory : public test::GuiFixture {
    Q_OBJECT

    QString peer;
    QQuickItem *list = nullptr;
    QElapsedTimer sinceStart;
    std::unique_ptr<FrameLockedAnimations> animations;

    // The seeded numbers of the messages on screen, top to bottom (oldest first), as the
    // delegates the view laid out there show them.
    QList<int> onScreen() { return test::seededOnScreen(list); }

    // The model holds one run of consecutive messages, newest first: nothing doubled or
    // skipped however pages came and went.
    bool modelIsConsecutive()
    {
        ui::MessageModel *m = app->messages();
        for (int row = 1; row < m->rowCount(); ++row) {
            const int newer = test::seededNumber(m->data(m->index(row - 1), ui::MessageModel::BodyRole).toString());
            const int older = test::seededNumber(m->data(m->index(row), ui::MessageModel::BodyRole).toString());
            if (newer != older + 1) {
                qWarning("model rows %d and %d hold messages %d and %d", row - 1, row, newer, older);
                return false;
            }
        }
        return true;
    }

    // Where the middle of the message with seeded number `n` is, in the list's coordinates.
    qreal hitCentreInList(int n)
    {
        for (int index = 0; index < app->messages()->rowCount(); ++index) {
            QQuickItem *delegate = nullptr;
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, index));
            if (delegate && test::seededNumber(delegate->property("body").toString()) == n)
                return delegate->mapToItem(list, QPointF(0, delegate->height() / 2)).y();
        }
        return -1;
    }

    void wheel(int notches)
    {
        const QPointF centre = list->mapToScene(QPointF(list->width() / 2, list->height() / 2));
        QWheelEvent event(centre, window->mapToGlobal(centre), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        event.setTimestamp(ulong(sinceStart.elapsed())); // Flickable derives the wheel's speed from it
        QGuiApplication::sendEvent(window, &event);
    }

    // Moves with `step` until the far end, checking the screen of every frame the window
    // drew (not every step: a flick crosses many rows between two steps on a slow machine):
    // consecutive messages, moving one way only. Returns every message seen. The test runs
    // with QSG_FIXED_ANIMATION_STEP (tests/CMakeLists.txt), so a frame moves the flick by a
    // frame's worth of time however long the machine took to draw it — less than a screen.
    QSet<int> travel(const std::function<void()> &step, bool upwards, int seconds)
    {
        QSet<int> seen;
        int steps = 0;
        int edge = upwards ? Messages : -1; // the far message seen so far
        bool failed = false;
        bool arrived = false;
        // What a frame showed: read as the window starts the next one, before its layout.
        auto look = [&](const QList<int> &shown) {
            if (failed || arrived || shown.isEmpty())
                return;
            for (int i = 1; i < shown.size(); ++i)
                if (shown[i] != shown[i - 1] + 1) {
                    qWarning() << "on screen:" << shown;
                    failed = true;
                    return;
                }
            const int far = upwards ? shown.first() : shown.last();
            // A flick that reaches the end of what is loaded before the next page springs
            // back a few pixels (Qt's overshoot): one row at most. More is a jump.
            if (upwards ? far > edge + 1 : far < edge - 1) {
                qWarning() << "moved back: saw" << edge << "now" << shown;
                failed = true;
                return;
            }
            // Every frame shares a row with the one before: more is a row never drawn.
            if (!seen.isEmpty() && (upwards ? shown.last() < edge - 1 : shown.first() > edge + 1)) {
                qWarning() << "skipped rows: far end was" << edge << "now" << shown;
                failed = true;
                return;
            }
            edge = upwards ? std::min(edge, far) : std::max(edge, far);
            for (int n : shown)
                seen.insert(n);
            // The far end reached: the first (or newest) message on screen, nothing more to load.
            if (upwards ? (edge == 0 && app->messages()->atOldest()) : (edge == Messages - 1 && app->messages()->atNewest()))
                arrived = true;
        };
        int framesDrawn = 0;
        const QMetaObject::Connection frames = connect(
            window, &QQuickWindow::afterAnimating, this,
            [&] {
                ++framesDrawn;
                look(onScreen());
            },
            Qt::DirectConnection);
        look(onScreen());
        QElapsedTimer clock;
        clock.start();
        while (!failed && !arrived && clock.elapsed() < seconds * 1000) {
            // One step, then two frames (the one that lays the step out, the next that reads
            // it) before the next step: on a loaded machine two page keys between two frames
            // would move two screens with none drawn between them. A step that moves nothing
            // draws nothing: then a short wait.
            const int before = framesDrawn;
            step();
            (void)QTest::qWaitFor([&] { return framesDrawn >= before + 2; }, 250); // a step that moves nothing draws nothing
            // The model's whole window (up to 2,000 rows) now and then: every page that
            // came or went in between is covered by the next check.
            if (++steps % 25 == 0 && !modelIsConsecutive())
                failed = true;
        }
        disconnect(frames);
        if (failed || !modelIsConsecutive())
            return {};
        QList<int> missing;
        for (int n = 0; n < Messages && missing.size() < 20; ++n)
            if (!seen.contains(n))
                missing.append(n);
        if (!missing.isEmpty())
            qWarning() << "never on screen:" << missing;
        return seen;
    }

    void openNewest()
    {
        app->messages()->openPeer(peer);
        QTRY_VERIFY(app->messages()->rowCount() > 0 && !app->messages()->loading());
        QTRY_VERIFY(!onScreen().isEmpty());
        QTRY_COMPARE(onScreen().last(), Messages - 1);
    }

    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) { QTest::keyClick(window, Qt::Key(key), modifiers); }

    // The view changes nothing on screen for `ms` with no input.
    // Where each row on screen lies (message number, y in the view, height): what moved.
    QStringList layoutNow()
    {
        QStringList out;
        for (QQuickItem *child : list->property("contentItem").value<QQuickItem *>()->childItems()) {
            const QString body = child->property("body").toString();
            if (!child->isVisible() || body.isEmpty())
                continue;
            const qreal y = child->mapToItem(list, QPointF(0, 0)).y();
            if (y + child->height() < 0 || y > list->height())
                continue;
            out << QStringLiteral("%1@%2+%3").arg(test::seededNumber(body)).arg(y).arg(child->height());
        }
        out.sort();
        return out;
    }

    bool staysPut(int ms)
    {
        // From the layout a person sees: the next frame's (bars that appeared with the page
        // are laid out before it is drawn).
        if (!QQuickTest::qWaitForPolish(window))
            return false;
        const QStringList layoutBefore = layoutNow();
        const QList<int> before = onScreen();
        const qreal contentY = list->property("contentY").toReal();
        const qreal height = list->height();
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            QTest::qWait(50);
            if (onScreen() != before || list->property("contentY").toReal() != contentY) {
                qWarning() << "moved on its own: contentY" << contentY << "->" << list->property("contentY").toReal() << "height" << height
                           << "->" << list->height() << "rows" << app->messages()->rowCount() << "\n before" << layoutBefore << "\n after"
                           << layoutNow();
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        {
            crypto::SignalContext ctx;
            storage::ProfileOptions options;
            options.kdf = storage::Vault::Strength::FastForTests;
            auto profile = storage::Profile::create(tmp.filePath(QStringLiteral("profile")), QStringLiteral("Ada"),
                                                    test::passphrase(Passphrase), ctx, options);
            QVERIFY(profile);
            auto seeded = test::seedConversation(**profile, Messages);
            QVERIFY2(seeded, seeded ? "" : qPrintable(seeded.error())); // (the message is evaluated either way)
            peer = seeded->toString();
        }
        sinceStart.start();
        QVERIFY(openWindow(QSize(900, 1400))); // tall: many rows per screen, so the test moves fast
        app->session()->unlock(QLatin1String(Passphrase));
        QTRY_COMPARE_WITH_TIMEOUT(app->session()->state(), ui::SessionController::Unlocked, 20000);
        list = item("messageList");
        QVERIFY(list);
        animations = std::make_unique<FrameLockedAnimations>(window);
        animations->install();
    }

    void cleanupTestCase()
    {
        animations->uninstall();
        closeWindow();
    }

    void wheelScrollsToTheFirstMessageAndBack()
    {
        openNewest();
        // Quick flicks, so the test crosses 10,000 rows in seconds: the wheel's speed is
        // the view's business, the test checks what passes through it.
        const QVariant maxVelocity = list->property("maximumFlickVelocity");
        list->setProperty("maximumFlickVelocity", 40000);
        const QSet<int> up = travel([this] { wheel(4); }, true, 120);
        QCOMPARE(up.size(), Messages);
        const QSet<int> down = travel([this] { wheel(-4); }, false, 120);
        QCOMPARE(down.size(), Messages);
        // At the bottom for real: the view's end (the scroll-to-bottom button hides there).
        for (int i = 0; i < 20 && !list->property("atYEnd").toBool(); ++i) {
            wheel(-4);
            QTest::qWait(50);
        }
        QTRY_VERIFY(list->property("atYEnd").toBool());
        QVERIFY(app->messages()->atNewest());
        list->setProperty("maximumFlickVelocity", maxVelocity);
    }

    void pageKeysGoThroughTheWholeHistory()
    {
        openNewest();
        list->forceActiveFocus();
        const QSet<int> up = travel([this] { key(Qt::Key_PageUp); }, true, 120);
        QCOMPARE(up.size(), Messages);
        const QSet<int> down = travel([this] { key(Qt::Key_PageDown); }, false, 120);
        QCOMPARE(down.size(), Messages);
    }

    void composerPagesAndJumpsToEitherEnd()
    {
        openNewest();
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        // PageUp from the composer: a screen up, the newest no longer shown.
        const int shown = int(onScreen().size());
        key(Qt::Key_PageUp);
        QTRY_VERIFY(!onScreen().contains(Messages - 1));
        QVERIFY(onScreen().last() >= Messages - 1 - shown);
        key(Qt::Key_PageDown);
        QTRY_COMPARE(onScreen().last(), Messages - 1);
        // Home and End with nothing typed: the first message, then the newest again.
        key(Qt::Key_Home);
        QTRY_VERIFY_WITH_TIMEOUT(!onScreen().isEmpty() && onScreen().first() == 0, 10000);
        QVERIFY(staysPut(1000));
        key(Qt::Key_End);
        QTRY_VERIFY_WITH_TIMEOUT(!onScreen().isEmpty() && onScreen().last() == Messages - 1, 10000);
        // With text in the composer Home and End move the cursor; Ctrl+Home still jumps.
        QTest::keyClick(window, Qt::Key_A);
        QTest::keyClick(window, Qt::Key_B);
        key(Qt::Key_Home);
        QCOMPARE(item("composerInput")->property("cursorPosition").toInt(), 0);
        QCOMPARE(onScreen().last(), Messages - 1);
        key(Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!onScreen().isEmpty() && onScreen().first() == 0, 10000);
        key(Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!onScreen().isEmpty() && onScreen().last() == Messages - 1, 10000);
        QCOMPARE(item("composerInput")->property("text").toString(), QStringLiteral("ab"));
        QMetaObject::invokeMethod(item("composerInput"), "clear");
    }

    // Issue 11: a word in every message gives hits page by page; moving down the list
    // loads the next pages (the view's fetchMore), newest first, nothing doubled or skipped.
    void searchHitsLoadAsYouMoveDown()
    {
        key(Qt::Key_K, Qt::ControlModifier);
        QQuickItem *field = item("searchField");
        QTRY_VERIFY(field && field->hasActiveFocus());
        for (QChar c : QStringLiteral("ordinary"))
            QTest::keyClick(window, c.toLatin1());
        ui::SearchModel *hits = app->search();
        QTRY_VERIFY(hits->rowCount() >= ui::SearchModel::PageSize);
        QTest::qWait(200);
        const int first = hits->rowCount(); // the view may ask for one page ahead at once
        QVERIFY(first < 10000);
        const int start = item("searchHits")->property("currentIndex").toInt();
        for (int i = 0; i < first + 10; ++i) {
            key(Qt::Key_Down);
            QTest::qWait(5);
        }
        // Past what was loaded at first: only possible if more hits came while moving.
        QTRY_VERIFY(item("searchHits")->property("currentIndex").toInt() >= start + first);
        QVERIFY(hits->rowCount() >= first + ui::SearchModel::PageSize);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < hits->rowCount(); ++row) {
            const qint64 id = hits->data(hits->index(row), ui::SearchModel::RowIdRole).toLongLong();
            QVERIFY2(id == previous - 1 || previous == std::numeric_limits<qint64>::max(), qPrintable(QString::number(row)));
            previous = id;
        }
        key(Qt::Key_Escape);
        QTRY_COMPARE(hits->rowCount(), 0);
    }

    // Ctrl+K, the words of one message, Enter: the conversation opens with the hit on
    // screen, and stays there with no input (it used to run away to the newest, page by page).
    void aSearchHitStaysWhereItWasOpened()
    {
        // At the window's first size, as a user opens it: less room below the hit.
        window->resize(1000, 680);
        // Deep in history, and near the newest end, where fewer rows lie below the hit.
        for (int target : {5000, Messages - 3}) {
            app->messages()->open(0);
            key(Qt::Key_K, Qt::ControlModifier);
            QQuickItem *field = item("searchField");
            QTRY_VERIFY(field && field->hasActiveFocus());
            for (QChar c : QStringLiteral("message %1").arg(target))
                QTest::keyClick(window, c.toLatin1());
            QTRY_COMPARE(app->search()->rowCount(), 1);
            key(Qt::Key_Return);
            QTRY_VERIFY(app->messages()->rowCount() > 0 && !app->messages()->loading());
            QTRY_VERIFY(onScreen().contains(target));
            QVERIFY(staysPut(3000));
            QVERIFY(onScreen().contains(target));
            // Issue 13.3: deep in history (rows enough on both sides) the hit sits in the
            // middle of the view, where the eye is, not at an edge.
            if (target == 5000) {
                const qreal middle = hitCentreInList(target);
                QVERIFY2(middle > list->height() * 0.3 && middle < list->height() * 0.7,
                         qPrintable(QStringLiteral("hit at %1 of %2").arg(middle).arg(list->height())));
            }
            QVERIFY(modelIsConsecutive());
        }
        window->resize(900, 1400);
    }
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
