// SPDX-License-Identifier: GPL-3.0-or-later
// Groups in the real window against real headless Sottos (Bob, Carol) over real TLS links:
// New group through its dialog, the group's row in the sidebar, writing in it both ways
// (their name above their messages), and renaming, members and leaving through its info.
#include "ui/AppController.h"
#include "ui/AttachmentController.h"
#include "ui/MainWindow.h"

#include "tests/gui/GuiFixture.h"
#include "tests/support/HeadlessNode.h"

#include <QDir>
#include <QFile>
#include <QUrl>
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

class TestGroupWindow : public test::GuiFixture {
    Q_OBJECT

    std::unique_ptr<HeadlessNode> bob, carol;
    qint64 group = 0;      // the group's conversation in the window's profile
    double bobsGroup = 0;  // and in Bob's
    QString screenshotDir = qEnvironmentVariable("SOTTO_SCREENSHOTS");

    // Under SOTTO_SCREENSHOTS only (scripts/screenshot.sh): the window now, settled.
    void screenshot(const QString &name)
    {
        if (screenshotDir.isEmpty())
            return;
        QTest::mouseMove(window, QPoint(window->width() - 2, window->height() / 2)); // no hover, no tooltip
        QTest::qWait(400);
        QVERIFY(window->grabWindow().save(QDir(screenshotDir).filePath(name + QStringLiteral(".png"))));
    }

    // The one on screen of the items of that name (each member row has its own menu, laid
    // in the window's overlay while open).
    static QQuickItem *shownDescendant(QQuickItem *root, const QString &name)
    {
        if (!root)
            return nullptr;
        for (QQuickItem *child : root->childItems()) {
            if (child->objectName() == name && isShown(child))
                return child;
            if (QQuickItem *found = shownDescendant(child, name))
                return found;
        }
        return nullptr;
    }

    int groupRow() const
    {
        ui::ConversationListModel *list = app->conversations();
        for (int i = 0; i < list->rowCount(); ++i)
            if (list->data(list->index(i), ui::ConversationListModel::IsGroupRole).toBool())
                return i;
        return -1;
    }
    QVariant groupData(int role) const { return app->conversations()->data(app->conversations()->index(groupRow()), role); }

    bool hasMessage(const QString &body, QString *sender = nullptr) const
    {
        for (int row = 0; row < app->messages()->rowCount(); ++row) {
            const QModelIndex i = app->messages()->index(row);
            if (app->messages()->data(i, ui::MessageModel::BodyRole).toString() == body) {
                if (sender)
                    *sender = app->messages()->data(i, ui::MessageModel::SenderNameRole).toString();
                return true;
            }
        }
        return false;
    }

    // The delegate showing the message with this body, once laid out.
    QQuickItem *delegateOf(const QString &body)
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

    void linkPeer(std::unique_ptr<HeadlessNode> &node, const QString &name)
    {
        node = std::make_unique<HeadlessNode>(name, QString(), noDiscovery());
        QVERIFY(node->start());
        app->session()->addPeer(node->address()); // a contact of ours, not a request
        QVERIFY(!node->waitFor([](const QJsonObject &e) { return isEvent(e, "peer_online"); }).isEmpty());
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

    // New group: a name and Bob ticked; Create makes it, Bob learns of it, and it opens.
    void createAGroupThroughTheDialog()
    {
        click(item("newGroupButton"));
        QTRY_VERIFY(isShown(item("groupNameField")));
        QTRY_VERIFY(item("groupNameField")->hasActiveFocus());
        QVERIFY(!item("createGroupButton")->isEnabled()); // no name, nobody chosen
        keys(QStringLiteral("Climbing"));
        QQuickItem *bobCheck = nullptr;
        QTRY_VERIFY((bobCheck = descendant(item("newGroupContacts"), QStringLiteral("contactCheck_") + bob->peer())));
        QTRY_VERIFY(descendant(item("newGroupContacts"), QStringLiteral("contactCheck_") + carol->peer()));
        QTest::qWait(100); // the dialog settles (it grows as the list fills): the click lands on Bob
        click(bobCheck);
        QTRY_VERIFY(bobCheck->property("checked").toBool());
        QTRY_VERIFY(item("createGroupButton")->isEnabled());
        click(item("createGroupButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!isShown(item("newGroupDialog")), 10000);

        // The group opens, and the sidebar lists it with the group avatar.
        QTRY_VERIFY(app->messages()->isGroup());
        QTRY_VERIFY(groupRow() >= 0);
        group = groupData(ui::ConversationListModel::ConversationIdRole).toLongLong();
        QCOMPARE(app->messages()->conversationId(), group);
        QCOMPARE(groupData(ui::ConversationListModel::NameRole).toString(), QStringLiteral("Climbing"));
        QCOMPARE(groupData(ui::ConversationListModel::MemberCountRole).toInt(), 2);
        QTRY_COMPARE(item("chatTitle")->property("text").toString(), QStringLiteral("Climbing"));
        QVERIFY(isShown(item("groupInfoButton")));
        QVERIFY(!isShown(item("timerButton"))); // no timer in groups yet

        const QJsonObject joined = bob->waitFor([](const QJsonObject &e) {
            return isEvent(e, "group_updated") && e.value(QStringLiteral("name")) == QLatin1String("Climbing");
        });
        QVERIFY(!joined.isEmpty());
        bobsGroup = joined.value(QStringLiteral("conversation")).toDouble();
        QCOMPARE(joined.value(QStringLiteral("members")).toArray().size(), 2);
    }

    // Written in the window, it reaches Bob; Bob's answer shows with his name above it.
    void writeInTheGroup()
    {
        QVERIFY(group);
        QTRY_VERIFY(item("composerInput")->hasActiveFocus());
        keys(QStringLiteral("Saturday at the crag?"));
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY(!bob->waitFor([](const QJsonObject &e) {
                        return isEvent(e, "message_received") && messageOf(e).value(QStringLiteral("body")) == QLatin1String("Saturday at the crag?");
                    }).isEmpty());
        QTRY_VERIFY(hasMessage(QStringLiteral("Saturday at the crag?")));
        QTRY_COMPARE(groupData(ui::ConversationListModel::PreviewRole).toString(), QStringLiteral("You: Saturday at the crag?"));

        bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("conversation"), bobsGroup},
                   {QStringLiteral("body"), QStringLiteral("Count me in")}});
        QString sender;
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(QStringLiteral("Count me in"), &sender), 20000);
        QCOMPARE(sender, QStringLiteral("Bob"));
        // Above his bubble, his name; none above ours.
        const auto nameShown = [this](const QString &body) {
            QQuickItem *label = descendant(delegateOf(body), QStringLiteral("senderName"));
            return label && isShown(label) ? label->property("text").toString() : QString();
        };
        QTRY_COMPARE(nameShown(QStringLiteral("Count me in")), QStringLiteral("Bob"));
        QCOMPARE(nameShown(QStringLiteral("Saturday at the crag?")), QString());
        QTRY_COMPARE(groupData(ui::ConversationListModel::PreviewRole).toString(), QStringLiteral("Bob: Count me in"));
        QTRY_COMPARE(groupData(ui::ConversationListModel::UnreadRole).toInt(), 0); // read as it came, in view
        screenshot(QStringLiteral("group-chat"));
    }

    // Bob types in the group: the header names him. Our message's receipts per member, as
    // the state icon's tooltip shows them: delivered to Bob, the one member it was for.
    void typingAndReceiptsInTheGroup()
    {
        QVERIFY(group);
        const QJsonObject typed = bob->call({{QStringLiteral("cmd"), QStringLiteral("typing")},
                                             {QStringLiteral("conversation"), bobsGroup},
                                             {QStringLiteral("typing"), true}});
        QCOMPARE(typed.value(QStringLiteral("members")).toInt(), 1);
        QTRY_COMPARE(item("chatStatus")->property("text").toString(), QStringLiteral("Bob is typing…"));
        bob->call({{QStringLiteral("cmd"), QStringLiteral("typing")}, {QStringLiteral("conversation"), bobsGroup},
                   {QStringLiteral("typing"), false}});
        QTRY_VERIFY(!item("chatStatus")->property("text").toString().contains(QStringLiteral("typing")));

        QQuickItem *ours = delegateOf(QStringLiteral("Saturday at the crag?"));
        QVERIFY(ours);
        const qint64 row = ours->property("rowId").toLongLong();
        QVERIFY(row > 0);
        app->groups()->loadReceipts(row);
        QTRY_COMPARE(app->groups()->receiptsRow(), row);
        const QStringList lines = app->groups()->receipts().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("Delivered to 1 of 1")), qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("Bob: ")), qPrintable(lines[1]));
    }

    // The info panel: members with the admin mark; rename, add Carol; Bob sees both.
    void renameAndAddThroughTheInfo()
    {
        QVERIFY(group);
        click(item("groupInfoButton"));
        QTRY_VERIFY(isShown(item("groupRenameField")));
        QTRY_COMPARE(item("groupMembers")->property("count").toInt(), 2);
        QTRY_VERIFY(descendant(item("groupMembers"), QStringLiteral("member_") + bob->peer()));
        QQuickItem *bobRow = descendant(item("groupMembers"), QStringLiteral("member_") + bob->peer());
        QVERIFY(!isShown(descendant(bobRow, QStringLiteral("adminMark"))));
        QQuickItem *usRow = descendant(item("groupMembers"), QStringLiteral("member_") + app->session()->peerId());
        QVERIFY(isShown(descendant(usRow, QStringLiteral("adminMark"))));
        // Each member's safety-number state; none for us.
        QTRY_COMPARE(descendant(bobRow, QStringLiteral("trustMark"))->property("text").toString(), QStringLiteral("not verified"));
        QVERIFY(!isShown(descendant(usRow, QStringLiteral("trustMark"))));

        QQuickItem *field = item("groupRenameField");
        QTRY_COMPARE(field->property("text").toString(), QStringLiteral("Climbing"));
        field->forceActiveFocus();
        QMetaObject::invokeMethod(field, "selectAll");
        keys(QStringLiteral("Crag crew"));
        click(item("renameGroupButton"));
        QTRY_COMPARE(groupData(ui::ConversationListModel::NameRole).toString(), QStringLiteral("Crag crew"));
        QTRY_COMPARE(item("chatTitle")->property("text").toString(), QStringLiteral("Crag crew"));
        QVERIFY(!bob->waitFor([](const QJsonObject &e) {
                        return isEvent(e, "group_updated") && e.value(QStringLiteral("name")) == QLatin1String("Crag crew");
                    }).isEmpty());

        click(item("addMembersButton"));
        QQuickItem *carolCheck = nullptr;
        QTRY_VERIFY((carolCheck = descendant(item("addMembersContacts"), QStringLiteral("contactCheck_") + carol->peer())));
        QVERIFY(!descendant(item("addMembersContacts"), QStringLiteral("contactCheck_") + bob->peer())); // already in
        QTest::qWait(100); // the dialog settles (it grew by the list)
        click(carolCheck);
        QTRY_VERIFY(carolCheck->property("checked").toBool());
        QTRY_VERIFY(item("confirmAddMembersButton")->isEnabled());
        click(item("confirmAddMembersButton"));
        QTRY_COMPARE(item("groupMembers")->property("count").toInt(), 3);
        QTRY_COMPARE(groupData(ui::ConversationListModel::MemberCountRole).toInt(), 3);
        QVERIFY(!carol->waitFor([](const QJsonObject &e) {
                        return isEvent(e, "group_updated") && e.value(QStringLiteral("name")) == QLatin1String("Crag crew");
                    }).isEmpty());
        QVERIFY(item("groupProblem")->property("text").toString().isEmpty());
        screenshot(QStringLiteral("group-info"));
        click(item("closeGroupInfoButton"));
        QTRY_VERIFY(!isShown(item("groupInfoDialog")));
    }

    // A member's row opens that member's safety number.
    void aMembersRowOpensItsSafetyNumber()
    {
        QVERIFY(group);
        click(item("groupInfoButton"));
        QQuickItem *bobRow = nullptr;
        QTRY_VERIFY((bobRow = descendant(item("groupMembers"), QStringLiteral("member_") + bob->peer())));
        click(bobRow);
        QTRY_VERIFY(!isShown(item("groupInfoDialog")));
        QObject *page = window->findChild<QObject *>(QStringLiteral("contactPage"));
        QVERIFY(page);
        QTRY_COMPARE(page->property("position").toReal(), 1.0); // slid in
        QCOMPARE(app->contact()->peer(), bob->peer());
        QTRY_VERIFY(!app->contact()->safetyNumber().isEmpty());
        QTRY_VERIFY(isShown(item("safetyNumber")));
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!page->property("visible").toBool());
    }

    // A group's message read elsewhere is told under the group's name, saying who wrote.
    void aMessageElsewhereIsToldUnderTheGroupsName()
    {
        QVERIFY(group);
        app->messages()->openPeer(bob->peer()); // Bob's own chat: the group is not being read
        QTRY_VERIFY(!app->messages()->isGroup());
        QTRY_VERIFY(!app->messages()->loading());
        QSignalSpy notified(app->desktop(), &ui::DesktopController::notified);
        bob->call({{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("conversation"), bobsGroup},
                   {QStringLiteral("body"), QStringLiteral("Rope is packed")}});
        QTRY_VERIFY_WITH_TIMEOUT(notified.size() >= 1, 20000);
        QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Crag crew"));
        QCOMPARE(notified.last().at(1).toString(), QStringLiteral("Bob: Rope is packed"));
        app->messages()->openGroup(group);
        QTRY_COMPARE(app->messages()->conversationId(), group);
        QTRY_VERIFY(!app->messages()->loading());
    }

    // A refusal is shown in words: Bob (no admin) cannot rename; we leave, asked first.
    void leaveAfterConfirming()
    {
        QVERIFY(group);
        const QJsonObject refused = bob->call({{QStringLiteral("cmd"), QStringLiteral("rename_group")},
                                               {QStringLiteral("conversation"), bobsGroup}, {QStringLiteral("name"), QStringLiteral("Bob's")}});
        QVERIFY(isEvent(refused, "error"));

        click(item("groupInfoButton"));
        QTRY_VERIFY(isShown(item("leaveGroupButton")));
        // We are the only admin: the core refuses, and says why in the dialog.
        click(item("leaveGroupButton"));
        QTRY_VERIFY(isShown(item("confirmLeaveButton")));
        click(item("confirmLeaveButton"));
        QTRY_VERIFY(!item("groupProblem")->property("text").toString().isEmpty());
        QVERIFY(app->messages()->groupMember());

        // Bob made admin, we may go.
        QQuickItem *bobRow = descendant(item("groupMembers"), QStringLiteral("member_") + bob->peer());
        QVERIFY(bobRow);
        click(descendant(bobRow, QStringLiteral("memberMenuButton")));
        QQuickItem *makeAdmin = nullptr;
        QTRY_VERIFY((makeAdmin = shownDescendant(window->contentItem(), QStringLiteral("toggleAdminItem"))));
        QObject *menu = makeAdmin->property("menu").value<QObject *>();
        QVERIFY(menu);
        QTRY_VERIFY(menu->property("opened").toBool()); // done opening: the click lands on it
        click(makeAdmin);
        QTRY_VERIFY(isShown(descendant(descendant(item("groupMembers"), QStringLiteral("member_") + bob->peer()),
                                       QStringLiteral("adminMark"))));
        // A file waiting in the group's tray goes when we leave (no composer to send it
        // from); the user's own file stays where it is.
        const QString waiting = QDir(tmp.path()).filePath(QStringLiteral("route.txt"));
        {
            QFile f(waiting);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("the route\n") > 0);
        }
        app->attachments()->stageUrls({QUrl::fromLocalFile(waiting)});
        QTRY_COMPARE(app->attachments()->staged().size(), 1);
        click(item("leaveGroupButton"));
        QTRY_VERIFY(isShown(item("confirmLeaveButton")));
        click(item("confirmLeaveButton"));
        QTRY_VERIFY(!app->messages()->groupMember());
        QTRY_VERIFY(app->attachments()->staged().isEmpty());
        QVERIFY(QFile::exists(waiting));
        QTRY_VERIFY(!isShown(item("leaveGroupButton")));
        click(item("closeGroupInfoButton"));
        QTRY_VERIFY(isShown(item("notAMemberBar")));
        QVERIFY(!isShown(item("composerInput")));
        QVERIFY(hasMessage(QStringLiteral("Count me in"))); // the history stays
    }
};

QTEST_MAIN(TestGroupWindow)
#include "tst_groupwindow.moc"
