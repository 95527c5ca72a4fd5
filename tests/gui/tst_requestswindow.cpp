// SPDX-License-Identifier: GPL-3.0-or-later
// Message requests in the real window, against real headless strangers over real TLS
// links: a stranger's message is listed under "Message requests" (not among chats, not
// counted as unread, one quiet notification without its text), its chat offers Accept,
// Block and Delete instead of the composer and sends no read receipt; Accept makes it a
// chat (and the stranger sees its message delivered and read); Block and Unblock from the
// chat's header menu and the contact page; Delete removes the request and its messages.
// The window's profile never adds either stranger.
#include "ui/AppController.h"
#include "ui/MainWindow.h"

#include "tests/gui/GuiFixture.h"
#include "tests/support/HeadlessNode.h"

#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using test::isEvent;
using test::HeadlessNode;
using test::noDiscovery;

class TestRequestsWindow : public test::GuiFixture {
    Q_OBJECT

    std::unique_ptr<HeadlessNode> eve, mallory;

    QString sectionOf(const QString &peer)
    {
        const int row = app->conversations()->indexOf(peer);
        return row < 0 ? QString()
                       : app->conversations()->data(app->conversations()->index(row), ui::ConversationListModel::SectionRole).toString();
    }

    // The row of `peer` in the sidebar, clicked. The list may be rebuilt under the mouse (a
    // link coming up, a refresh after the message): clicked again until the chat opens.
    void openConversation(const QString &peer)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app->conversations()->indexOf(peer) >= 0, 20000);
        auto *list = item("conversationList");
        bool opened = false;
        for (int attempt = 0; attempt < 5 && !opened; ++attempt) {
            QQuickItem *row = nullptr;
            QTRY_VERIFY(QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, row),
                                                  Q_ARG(int, app->conversations()->indexOf(peer)))
                        && row && row->property("peer").toString() == peer);
            QTest::qWait(50); // one more frame: the view may still be laying out
            click(row);
            opened = QTest::qWaitFor([&] { return app->messages()->peer() == peer; }, 1000);
        }
        QCOMPARE(app->messages()->peer(), peer);
        QTRY_VERIFY(!app->messages()->loading());
    }

    // A stranger links to the window's profile (the window never added it) and writes.
    QString strangerWrites(std::unique_ptr<HeadlessNode> &node, const QString &name, const QString &body)
    {
        node = std::make_unique<HeadlessNode>(name, QString(), noDiscovery());
        if (!node->start())
            return {};
        node->call({{QStringLiteral("cmd"), QStringLiteral("add_peer")},
                    {QStringLiteral("address"), QStringLiteral("127.0.0.1:%1").arg(app->session()->port())}});
        if (node->waitFor([](const QJsonObject &e) { return isEvent(e, "peer_online"); }).isEmpty())
            return {};
        return node->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                           {QStringLiteral("body"), body}})
            .value(QStringLiteral("message"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }

    bool stateReached(HeadlessNode &node, const QString &id, const char *state, int timeoutMs = 20000)
    {
        return !node.waitFor([&](const QJsonObject &e) {
                        return isEvent(e, "message_state") && e.value(QStringLiteral("message")) == id
                            && e.value(QStringLiteral("state")) == QLatin1String(state);
                    }, timeoutMs)
                    .isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(openWindow()); // "in view": a chat would send read receipts
        QVERIFY(createProfile(QStringLiteral("Ada")));
    }

    void cleanupTestCase()
    {
        eve.reset();
        mallory.reset();
        closeWindow();
    }

    void aStrangersMessageIsARequest()
    {
        QSignalSpy notified(app->desktop(), &ui::DesktopController::notified);
        const QString id = strangerWrites(eve, QStringLiteral("Eve"), QStringLiteral("hello from nowhere"));
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sectionOf(eve->peer()), QStringLiteral("request"), 20000);
        QCOMPARE(app->conversations()->requestCount(), 1);
        QTRY_VERIFY(isShown(item("sectionHeading_request")));
        QCOMPARE(app->conversations()->totalUnread(), 0); // not counted as a chat's unread
        // One quiet notification: who, never what.
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Message request from Eve"));
        QVERIFY(!notified.first().at(1).toString().contains(QLatin1String("nowhere")));

        // Opened in view: the request bar instead of the composer, and no read receipt.
        openConversation(eve->peer());
        QTRY_VERIFY(app->messages()->request());
        QTRY_VERIFY(isShown(item("requestBar")));
        QVERIFY(!isShown(item("composer")));
        QTRY_COMPARE(app->messages()->rowCount(), 1);
        QTest::qWait(2000);
        QCOMPARE(eve->count([&](const QJsonObject &e) {
                     return isEvent(e, "message_state") && e.value(QStringLiteral("message")) == id
                         && (e.value(QStringLiteral("state")) == QLatin1String("delivered")
                             || e.value(QStringLiteral("state")) == QLatin1String("read"));
                 }),
                 0);
    }

    void acceptMakesItAChat()
    {
        click(item("acceptRequestButton"));
        QTRY_COMPARE_WITH_TIMEOUT(sectionOf(eve->peer()), QStringLiteral("chat"), 20000);
        QCOMPARE(app->conversations()->requestCount(), 0);
        QTRY_VERIFY(!app->messages()->request());
        QTRY_VERIFY(isShown(item("composer")));
        QVERIFY(!isShown(item("requestBar")));
        // What Eve sent before is delivered now, and read (it was on screen).
        QVERIFY(!eve->waitFor([](const QJsonObject &e) {
                        return isEvent(e, "message_state") && e.value(QStringLiteral("state")) == QLatin1String("read");
                    }).isEmpty());
    }

    void blockAndUnblockFromTheHeaderMenu()
    {
        QCOMPARE(app->messages()->peer(), eve->peer());
        click(item("chatMenuButton"));
        QTRY_VERIFY(isShown(item("blockItem")));
        QObject *menu = item("blockItem")->property("menu").value<QObject *>();
        QVERIFY(menu);
        QTRY_VERIFY(menu->property("opened").toBool()); // its enter transition is over
        click(item("blockItem"));
        QTRY_COMPARE(app->messages()->trust(), QStringLiteral("blocked"));
        QTRY_VERIFY(isShown(item("blockedBar")));
        QVERIFY(!isShown(item("composer")));
        // Blocked: what Eve sends now is not taken.
        const int before = app->messages()->rowCount();
        eve->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("body"), QStringLiteral("let me in")}});
        QTest::qWait(2000);
        QCOMPARE(app->messages()->rowCount(), before);

        click(item("unblockButton"));
        QTRY_COMPARE(app->messages()->trust(), QStringLiteral("unverified"));
        QTRY_VERIFY(isShown(item("composer")));
        QCOMPARE(sectionOf(eve->peer()), QStringLiteral("chat")); // still accepted

        // And from the contact page: the switch blocks, and unblocks.
        click(item("chatMenuButton"));
        QTRY_VERIFY(isShown(item("blockItem")));
        QVERIFY(item("blockItem")->property("text").toString().startsWith(QLatin1String("Block")));
        QTest::keyClick(window, Qt::Key_Escape);
        click(item("contactButton"));
        QObject *page = window->findChild<QObject *>(QStringLiteral("contactPage"));
        QVERIFY(page);
        QTRY_COMPARE(page->property("position").toReal(), 1.0); // slid in: the switch is where it stays
        QQuickItem *blocked = nullptr;
        QTRY_VERIFY((blocked = item("blockedSwitch")) && isShown(blocked));
        QVERIFY(!blocked->property("checked").toBool());
        click(blocked);
        QTRY_COMPARE(app->messages()->trust(), QStringLiteral("blocked"));
        QTRY_VERIFY(blocked->property("checked").toBool());
        click(blocked);
        QTRY_COMPARE(app->messages()->trust(), QStringLiteral("unverified"));
        QTest::keyClick(window, Qt::Key_Escape);
    }

    void blockedRequestLeavesTheRequests()
    {
        QVERIFY(!strangerWrites(mallory, QStringLiteral("Mallory"), QStringLiteral("click this")).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sectionOf(mallory->peer()), QStringLiteral("request"), 20000);
        openConversation(mallory->peer());
        QTRY_VERIFY(isShown(item("requestBar")));
        click(item("blockRequestButton"));
        QTRY_COMPARE(sectionOf(mallory->peer()), QStringLiteral("blocked"));
        QCOMPARE(app->conversations()->requestCount(), 0);
        QTRY_VERIFY(isShown(item("blockedBar")));
        // Unblocked, a request again (blocking was not consent, nor is unblocking).
        click(item("unblockButton"));
        QTRY_COMPARE(sectionOf(mallory->peer()), QStringLiteral("request"));
        QTRY_VERIFY(isShown(item("requestBar")));
    }

    void deleteRemovesTheRequest()
    {
        QCOMPARE(app->messages()->peer(), mallory->peer());
        click(item("deleteRequestButton"));
        // Listed as a request no more: only as someone nearby while its link is up.
        QTRY_COMPARE(sectionOf(mallory->peer()), QStringLiteral("nearby"));
        QTRY_COMPARE(app->messages()->peer(), QString());
        QCOMPARE(app->conversations()->requestCount(), 0);
        // Nothing of it is found any more.
        const auto hits = app->core()
                              .run([](messenger::CoreState &state) {
                                  return state.node ? state.node->messenger().history().search(QStringLiteral("click"), 10).size()
                                                    : std::size_t(99);
                              })
                              .future()
                              .result();
        QCOMPARE(hits, std::size_t(0));
    }
};

QTEST_MAIN(TestRequestsWindow)
#include "tst_requestswindow.moc"
