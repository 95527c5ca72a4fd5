// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations v2 in the real window, driven with the mouse and keyboard, against two
// real headless Sottos (Bob and Carol) over real TLS links: a draft belongs to its
// conversation and survives a restart (a text typed to one person never goes to another),
// reply, edit and reactions through the message menu, and what a peer's changes look like.
#include "ui/AppController.h"
#include "ui/MainWindow.h"

#include "tests/gui/GuiFixture.h"
#include "tests/support/HeadlessNode.h"

#include <QDateTime>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using test::isEvent;
using test::messageOf;
using test::HeadlessNode;
using test::noDiscovery;

class TestConversationWindow : public test::GuiFixture {
    Q_OBJECT

    std::unique_ptr<HeadlessNode> bob, carol;

    QString composerText() { return item("composerInput")->property("text").toString(); }

    void openConversation(const QString &peer)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app->conversations()->indexOf(peer) >= 0, 20000);
        auto *list = item("conversationList");
        QQuickItem *row = nullptr;
        QTRY_VERIFY(QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, row),
                                              Q_ARG(int, app->conversations()->indexOf(peer)))
                    && row && row->property("peer").toString() == peer);
        click(row);
        QTRY_COMPARE(app->messages()->peer(), peer);
        QTRY_VERIFY(!app->messages()->loading());
        // Opened by its conversation id: the sidebar row's, once the peer has one.
        const auto rowConversation = [&] {
            return app->conversations()
                ->data(app->conversations()->index(app->conversations()->indexOf(peer)), ui::ConversationListModel::ConversationIdRole)
                .toLongLong();
        };
        QVERIFY(app->messages()->conversationId() != 0);
        QTRY_VERIFY(rowConversation() != 0); // the sidebar learns it with its next refresh
        QCOMPARE(app->messages()->conversationId(), rowConversation());
        QCOMPARE(app->conversations()->indexOfConversation(rowConversation()), app->conversations()->indexOf(peer));
    }

    // The delegate showing the message with this body (the list lays rows out lazily).
    QQuickItem *bubbleWith(const QString &body)
    {
        auto *list = item("messageList");
        for (int row = 0; row < app->messages()->rowCount(); ++row) {
            if (app->messages()->data(app->messages()->index(row), ui::MessageModel::BodyRole).toString() != body)
                continue;
            QQuickItem *delegate = nullptr;
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, row));
            return delegate;
        }
        return nullptr;
    }

    // The body label of the bubble with this text, once it is laid out on screen.
    QQuickItem *labelOnScreen(const QString &body)
    {
        QQuickItem *bubble = bubbleWith(body);
        QQuickItem *label = bubble ? bubble->findChild<QQuickItem *>(QStringLiteral("messageBody")) : nullptr;
        if (!label || !isShown(label))
            return nullptr;
        auto *list = item("messageList");
        const QRectF inList = label->mapRectToItem(list, QRectF(0, 0, label->width(), label->height()));
        return QRectF(0, 0, list->width(), list->height()).contains(inList) ? label : nullptr;
    }

    void openMenuOn(const QString &body)
    {
        QQuickItem *label = nullptr;
        QTRY_VERIFY((label = labelOnScreen(body)));
        QTest::qWait(50); // one more frame: the view may still be settling after an insert
        QTRY_VERIFY((label = labelOnScreen(body)));
        click(label, Qt::RightButton);
        QTRY_VERIFY(isShown(item("replyItem")));
        // Clicked only once it has finished opening (its enter transition): a click during
        // it could land on the message under it.
        QObject *menu = item("replyItem")->property("menu").value<QObject *>();
        QVERIFY(menu);
        QTRY_VERIFY(menu->property("opened").toBool());
    }

    // Links a headless node to the window's profile and waits until both sides see it.
    void linkPeer(std::unique_ptr<HeadlessNode> &node, const QString &name)
    {
        node = std::make_unique<HeadlessNode>(name, QString(), noDiscovery());
        QVERIFY(node->start());
        // The window adds the node: a contact, not a message request (see tst_requestswindow).
        app->session()->addPeer(node->address());
        QVERIFY(!node->waitFor([](const QJsonObject &e) { return isEvent(e, "peer_online"); }).isEmpty());
        // A first message makes the conversation (and the session both ways).
        node->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                    {QStringLiteral("body"), QStringLiteral("Hi, it's %1").arg(name)}});
        QTRY_VERIFY_WITH_TIMEOUT(app->conversations()->indexOf(node->peer()) >= 0, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(openWindow());
        QVERIFY(createProfile(QStringLiteral("Ada")));
        linkPeer(bob, QStringLiteral("Bob"));
        linkPeer(carol, QStringLiteral("Carol"));
    }

    void cleanupTestCase()
    {
        bob.reset();
        carol.reset();
        closeWindow();
    }

    void aDraftStaysWithItsConversation()
    {
        openConversation(bob->peer());
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(QStringLiteral("for bob only"));
        openConversation(carol->peer());
        QTRY_COMPARE(composerText(), QString()); // Bob's text did not follow
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(QStringLiteral("carol text"));
        openConversation(bob->peer());
        QTRY_COMPARE(composerText(), QStringLiteral("for bob only"));
        openConversation(carol->peer());
        QTRY_COMPARE(composerText(), QStringLiteral("carol text"));
        // Typing in the middle stays in the middle (the cursor follows the keys, not the
        // controller).
        item("composerInput")->setProperty("cursorPosition", 5);
        keys(QStringLiteral("x"));
        QCOMPARE(composerText(), QStringLiteral("carolx text"));
        QTest::keyClick(window, Qt::Key_Backspace);
        QCOMPARE(composerText(), QStringLiteral("carol text"));
    }

    void draftsSurviveARestart()
    {
        QTest::qWait(600); // past the pause after which a draft is written
        cleanupTestCase_windowOnly();
        QVERIFY(openWindow());
        app->session()->unlock(QLatin1String(Passphrase));
        QTRY_COMPARE_WITH_TIMEOUT(app->session()->state(), ui::SessionController::Unlocked, 20000);
        openConversation(bob->peer());
        QTRY_COMPARE(composerText(), QStringLiteral("for bob only"));
        // Sent from here, it goes to Bob and to nobody else.
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY(!bob->waitFor([](const QJsonObject &e) {
                        return isEvent(e, "message_received") && messageOf(e).value(QStringLiteral("body")) == QLatin1String("for bob only");
                    }).isEmpty());
        QTRY_COMPARE(composerText(), QString());
        openConversation(carol->peer());
        QTRY_COMPARE(composerText(), QStringLiteral("carol text"));
        // Carol gets nothing (Bob got his within the wait above; hers would be as quick).
        QVERIFY(carol->waitFor([](const QJsonObject &e) { return isEvent(e, "message_received"); }, 1000).isEmpty());
        QMetaObject::invokeMethod(item("composerInput"), "clear");
    }

    void replyEditAndReactThroughTheMenu()
    {
        openConversation(bob->peer());
        const QJsonObject question = bob->call({{QStringLiteral("cmd"), QStringLiteral("send")},
                                                {QStringLiteral("peer"), app->session()->peerId()},
                                                {QStringLiteral("body"), QStringLiteral("Dinner on Friday?")}});
        const QString questionId = messageOf(question).value(QStringLiteral("id")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(QStringLiteral("Dinner on Friday?")), 20000);

        // Reply: the composer says to what; Bob gets the quote.
        openMenuOn(QStringLiteral("Dinner on Friday?"));
        click(item("replyItem"));
        QTRY_VERIFY(isShown(item("composerMode")));
        QVERIFY(item("composerModeText")->property("text").toString().contains(QLatin1String("Dinner on Friday?")));
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(QStringLiteral("Sounds good"));
        QTest::keyClick(window, Qt::Key_Return);
        const QJsonObject reply = bob->waitFor([](const QJsonObject &e) {
            return isEvent(e, "message_received") && messageOf(e).value(QStringLiteral("body")) == QLatin1String("Sounds good");
        });
        QCOMPARE(messageOf(reply).value(QStringLiteral("reply_to")).toString(), questionId);
        QTRY_VERIFY(!isShown(item("composerMode")));
        // Our bubble shows the quote too.
        const auto quoteShown = [this] {
            QQuickItem *ours = bubbleWith(QStringLiteral("Sounds good"));
            return ours && isShown(ours->findChild<QQuickItem *>(QStringLiteral("quote")));
        };
        QTRY_VERIFY(quoteShown());

        // Edit our reply: its text comes into the composer; Bob sees the new one, marked edited.
        openMenuOn(QStringLiteral("Sounds good"));
        click(item("editItem"));
        QTRY_COMPARE(composerText(), QStringLiteral("Sounds good"));
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(QStringLiteral(", see you at 8"));
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY(!bob->waitFor([](const QJsonObject &e) {
                        return isEvent(e, "message_updated") && messageOf(e).value(QStringLiteral("body")) == QLatin1String("Sounds good, see you at 8")
                            && messageOf(e).value(QStringLiteral("edited")).toBool();
                    }).isEmpty());
        QTRY_VERIFY(bubbleWith(QStringLiteral("Sounds good, see you at 8")));
        QTRY_COMPARE(composerText(), QString());
        // Its edit history: what it said before, then now.
        QSignalSpy history(app->messages(), &ui::MessageModel::editHistoryRead);
        openMenuOn(QStringLiteral("Sounds good, see you at 8"));
        QVERIFY(item("editHistoryItem")->isEnabled());
        click(item("editHistoryItem"));
        QTRY_COMPARE(history.size(), 1);
        const QStringList versions = history.first().at(1).toStringList();
        QCOMPARE(versions.size(), 2);
        QVERIFY(versions.first().endsWith(QLatin1String(": Sounds good")));
        QVERIFY(versions.last().endsWith(QLatin1String(": Sounds good, see you at 8")));
        QTest::keyClick(window, Qt::Key_Escape);

        // React to Bob's question with the first quick reaction.
        openMenuOn(QStringLiteral("Dinner on Friday?"));
        click(descendant(item("quickReactions"), QStringLiteral("react_0")));
        QVERIFY(!bob->waitFor([&](const QJsonObject &e) {
                        const QJsonArray r = messageOf(e).value(QStringLiteral("reactions")).toArray();
                        return isEvent(e, "message_updated") && messageOf(e).value(QStringLiteral("id")) == questionId && r.size() == 1
                            && r[0].toObject().value(QStringLiteral("emoji")) == QStringLiteral("👍");
                    }).isEmpty());
        QTRY_VERIFY(isShown(bubbleWith(QStringLiteral("Dinner on Friday?"))->findChild<QQuickItem *>(QStringLiteral("reactions"))));

        // Bob reacts to our reply: it shows under our bubble.
        const QString replyId = messageOf(reply).value(QStringLiteral("id")).toString();
        bob->call({{QStringLiteral("cmd"), QStringLiteral("react")}, {QStringLiteral("message"), replyId}, {QStringLiteral("emoji"), QStringLiteral("❤️")}});
        QTRY_VERIFY_WITH_TIMEOUT(bubbleWith(QStringLiteral("Sounds good, see you at 8"))
                                     && bubbleWith(QStringLiteral("Sounds good, see you at 8"))
                                            ->findChild<QQuickItem *>(QStringLiteral("reactions"))
                                            ->property("text")
                                            .toString()
                                            .contains(QStringLiteral("❤️")),
                                 20000);

        // Bob deletes his question for everyone: a tombstone here, and our quote says so.
        bob->call({{QStringLiteral("cmd"), QStringLiteral("delete")}, {QStringLiteral("message"), questionId},
                   {QStringLiteral("for"), QStringLiteral("everyone")}});
        QTRY_VERIFY_WITH_TIMEOUT(!bubbleWith(QStringLiteral("Dinner on Friday?")), 20000);
        bool tombstone = false;
        for (int row = 0; row < app->messages()->rowCount(); ++row)
            tombstone |= app->messages()->data(app->messages()->index(row), ui::MessageModel::KindRole).toInt() == ui::MessageModel::Deleted;
        QVERIFY(tombstone);
        QTRY_VERIFY(bubbleWith(QStringLiteral("Sounds good, see you at 8"))->findChild<QQuickItem *>(QStringLiteral("quote"))->isVisible() == false
                    || app->messages()->data(app->messages()->index(0), ui::MessageModel::QuoteRole).toString().contains(QLatin1String("deleted")));
    }

    // Typing both ways: Bob's shows in the header until his message arrives; ours reaches
    // Bob while we type, and "stopped" once we send.
    void typingIsShownAndSent()
    {
        openConversation(bob->peer());
        bob->call({{QStringLiteral("cmd"), QStringLiteral("typing")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("typing"), true}});
        QTRY_COMPARE_WITH_TIMEOUT(item("chatStatus")->property("text").toString(), QStringLiteral("typing…"), 5000);
        QVERIFY(app->conversations()->data(app->conversations()->index(app->conversations()->indexOf(bob->peer())),
                                           ui::ConversationListModel::TypingRole).toBool());
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                   {QStringLiteral("body"), QStringLiteral("done typing")}});
        // Ended by the message, well before the 6 s after which "typing" lapses on its own.
        QTRY_VERIFY_WITH_TIMEOUT(item("chatStatus")->property("text").toString() != QStringLiteral("typing…"), 2000);

        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        bob->forgetEvents(); // earlier tests typed to Bob too: only what comes now counts
        keys(QStringLiteral("hm"));
        QVERIFY(!bob->waitFor([&](const QJsonObject &e) {
                        return isEvent(e, "typing") && e.value(QStringLiteral("typing")).toBool();
                    }).isEmpty());
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY(!bob->waitFor([&](const QJsonObject &e) {
                        return isEvent(e, "typing") && !e.value(QStringLiteral("typing")).toBool();
                    }).isEmpty());
    }

    // Opening a conversation with unread messages: "New messages" above the first of them.
    void unreadMarkerAtTheFirstUnread()
    {
        openConversation(carol->peer());
        for (const char *body : {"first unread", "second unread"})
            bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), app->session()->peerId()},
                       {QStringLiteral("body"), QLatin1String(body)}});
        QTRY_COMPARE_WITH_TIMEOUT(app->conversations()->data(app->conversations()->index(app->conversations()->indexOf(bob->peer())),
                                                             ui::ConversationListModel::UnreadRole).toInt(), 2, 20000);
        openConversation(bob->peer());
        const auto markerShown = [this](const QString &body) {
            QQuickItem *bubble = bubbleWith(body);
            return bubble && isShown(bubble->findChild<QQuickItem *>(QStringLiteral("unreadMarker")));
        };
        QTRY_VERIFY(markerShown(QStringLiteral("first unread")));
        QVERIFY(!markerShown(QStringLiteral("second unread")));
        QTRY_COMPARE(app->conversations()->totalUnread(), 0); // read now that it is open
        QVERIFY(markerShown(QStringLiteral("first unread"))); // the marker stays while it is open
    }

    // Delete for everyone cannot be undone: the window asks first. Cancel leaves the message
    // here and at Bob's; Delete takes it away at both.
    void deleteForEveryoneAsksFirst()
    {
        openConversation(bob->peer());
        const QString text = QStringLiteral("a message to take back");
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(text);
        QTest::keyClick(window, Qt::Key_Return);
        const QString id = messageOf(bob->waitFor([&](const QJsonObject &e) {
                                         return isEvent(e, "message_received") && messageOf(e).value(QStringLiteral("body")) == text;
                                     })).value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        const auto deletedAtBob = [&](int timeoutMs) {
            return !bob->waitFor([&](const QJsonObject &e) {
                           return isEvent(e, "message_updated") && messageOf(e).value(QStringLiteral("id")) == id
                               && messageOf(e).value(QStringLiteral("deleted")).toBool();
                       }, timeoutMs).isEmpty();
        };

        openMenuOn(text);
        QVERIFY(item("deleteForEveryoneItem")->isEnabled());
        click(item("deleteForEveryoneItem"));
        QTRY_VERIFY(isShown(item("cancelDeleteButton")));
        click(item("cancelDeleteButton"));
        QTRY_VERIFY(!isShown(item("cancelDeleteButton")));
        QVERIFY(!deletedAtBob(1000));
        QVERIFY(bubbleWith(text));

        openMenuOn(text);
        click(item("deleteForEveryoneItem"));
        QTRY_VERIFY(isShown(item("confirmDeleteButton")));
        click(item("confirmDeleteButton"));
        QVERIFY(deletedAtBob(20000));
        QTRY_VERIFY(!bubbleWith(text));
    }

    // A kind a newer Sotto sent (kept as unsupported) says so in its bubble. Stored here as
    // the receive path stores it (tst_messagechanges crafts the wire message itself).
    void anUnsupportedMessageSaysUpdateSotto()
    {
        const protocol::PeerId peer = protocol::PeerId::fromString(bob->peer());
        auto stored = app->core().run([peer](messenger::CoreState &state) {
            if (!state.node)
                return false;
            storage::MessageStore &history = state.node->messenger().history();
            auto conversation = history.conversationFor(peer);
            storage::MessageRecord m;
            m.uuid = QByteArray(16, '\x7f');
            m.conversationId = conversation ? *conversation : 0;
            m.sender = peer;
            m.sentAt = m.receivedAt = QDateTime::currentMSecsSinceEpoch();
            m.state = storage::MessageState::Received;
            m.kind = storage::MessageKind::Unsupported;
            return conversation && history.insert(m).has_value();
        });
        QVERIFY(stored.future().result());
        app->messages()->open(0);
        openConversation(bob->peer());
        const auto unsupportedBubble = [this]() -> QQuickItem * {
            auto *list = item("messageList");
            for (int row = 0; row < app->messages()->rowCount(); ++row) {
                if (app->messages()->data(app->messages()->index(row), ui::MessageModel::KindRole).toInt() != ui::MessageModel::Unsupported)
                    continue;
                QQuickItem *delegate = nullptr;
                QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate), Q_ARG(int, row));
                return delegate;
            }
            return nullptr;
        };
        QTRY_VERIFY(unsupportedBubble());
        QQuickItem *label = unsupportedBubble()->findChild<QQuickItem *>(QStringLiteral("messageBody"));
        QVERIFY(label);
        QVERIFY2(label->property("text").toString().contains(QLatin1String("update Sotto")), qPrintable(label->property("text").toString()));
        // The sidebar says it too, for the last message.
        app->conversations()->refreshNow();
        QTRY_VERIFY(app->conversations()
                        ->data(app->conversations()->index(app->conversations()->indexOf(bob->peer())), ui::ConversationListModel::PreviewRole)
                        .toString()
                        .contains(QLatin1String("Update Sotto")));
    }

private:
    void cleanupTestCase_windowOnly()
    {
        closeWindow(); // saves the drafts and closes the profile
    }
};

QTEST_MAIN(TestConversationWindow)
#include "tst_conversationwindow.moc"
