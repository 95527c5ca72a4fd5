// SPDX-License-Identifier: GPL-3.0-or-later
// "Alive on a lonely machine": with a demo peer asked for, creating a profile starts a
// second real Sotto process that links over loopback, greets, and answers what is sent.
#include "tests/gui/GuiTestApp.h"
#include "tests/support/HeadlessNode.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sotto;

class TestDemoPeer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void greetsAndAnswers()
    {
        QTemporaryDir tmp;
        ui::AppOptions options = test::guiTestOptions(tmp);
        options.demoProgram = test::sottoBinary();
        options.demoDir = tmp.filePath(QStringLiteral("profile/demo-peer"));
        ui::AppController app(options);

        // Collected on this thread: the signal comes from the core thread, and a QSignalSpy
        // would append to its list there while the test reads it here.
        QList<storage::MessageRecord> received;
        connect(&app.core(), &messenger::CoreThread::messageReceived, &app,
                [&received](const storage::MessageRecord &m) { received << m; });
        app.session()->create(QStringLiteral("Ada"), QStringLiteral("a long passphrase"), QStringLiteral("a long passphrase"));
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), ui::SessionController::Unlocked, 20000);

        // The greeting, from a peer that is now a contact in the sidebar.
        QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 1, 30000);
        const storage::MessageRecord greeting = received.first();
        QVERIFY(greeting.body.contains(QLatin1String("demo peer")));
        const QString demo = greeting.sender.toString();
        QTRY_VERIFY(app.conversations()->indexOf(demo) >= 0);
        QCOMPARE(app.conversations()->nameOf(demo), QStringLiteral("Demo peer"));

        // It answers.
        app.messages()->openPeer(demo);
        QTRY_VERIFY(!app.messages()->loading() && app.messages()->rowCount() >= 1);
        app.messages()->send(QStringLiteral("Hello, demo"));
        QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 2, 30000);
        QCOMPARE(received.last().sender.toString(), demo);
        // Our message was delivered and read (the demo marks what it answers as read).
        QTRY_VERIFY_WITH_TIMEOUT(app.messages()->data(app.messages()->index(1), ui::MessageModel::StateRole).toString()
                                     == QLatin1String("read"),
                                 20000);
    }
};

QTEST_GUILESS_MAIN(TestDemoPeer)
#include "tst_demopeer.moc"
