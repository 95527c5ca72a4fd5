// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications reach a real notification daemon (dunst, on a private session bus
// and a virtual display: tests/support/with-notification-daemon.sh), which the bus starts
// on the first one, as desktops that start their daemon on demand do. They say what they
// should: the sender and the text as plain text (markup escaped), or neither when the
// user hides message text. The daemon's own printout is what is checked.
#include "ui/DesktopController.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");

// dunst -print writes one "{ ... }" block per notification it received.
QStringList receivedNotifications(const QString &logPath)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    QStringList blocks;
    for (const QString &block : QString::fromUtf8(log.readAll()).split(QStringLiteral("\n}"), Qt::SkipEmptyParts))
        if (block.contains(QLatin1String("summary:")))
            blocks << block;
    return blocks;
}

QString field(const QString &block, const char *name)
{
    const QString key = QLatin1String(name) + QLatin1String(": '");
    const qsizetype start = block.indexOf(key);
    if (start < 0)
        return {};
    const qsizetype from = start + key.size();
    return block.mid(from, block.indexOf(u'\'', from) - from);
}

} // namespace

class TestNotifications : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;
    QString logPath;

private Q_SLOTS:
    void initTestCase()
    {
        logPath = qEnvironmentVariable("SOTTO_NOTIFICATION_LOG");
        if (logPath.isEmpty())
            QSKIP("needs dunst, dbus-run-session and xvfb-run (scripts/install-deps.sh installs them); "
                  "run through CTest, which starts the daemon");
        // The user's choices (hide text) go to a settings folder of the test's own.
        qputenv("XDG_CONFIG_HOME", tmp.filePath(QStringLiteral("config")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("sotto-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_notifications"));
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), "no session bus");
        // Not running yet: the first notification has the bus start it.
        QVERIFY(!bus.interface()->isServiceRegistered(Service).value());
        QVERIFY(bus.interface()->activatableServiceNames().value().contains(Service));
    }

    void showsTheSenderAndTheTextAsPlainText()
    {
        ui::DesktopController desktop;
        desktop.setHideNotificationText(false);
        desktop.notifyMessage(QStringLiteral("Bob"), QStringLiteral("Fish & <b>chips</b> at 7?"));
        QTRY_COMPARE_WITH_TIMEOUT(receivedNotifications(logPath).size(), 1, 20000);
        const QString shown = receivedNotifications(logPath).first();
        QCOMPARE(field(shown, "appname"), QStringLiteral("Sotto"));
        QCOMPARE(field(shown, "summary"), QStringLiteral("Bob"));
        // The daemon renders body markup: a peer's text must arrive escaped, never as markup.
        QCOMPARE(field(shown, "body"), QStringLiteral("Fish &amp; &lt;b&gt;chips&lt;/b&gt; at 7?"));
        QCOMPARE(field(shown, "desktop_entry"), QStringLiteral("org.sotto.Sotto"));
    }

    void hidesSenderAndTextWhenAsked()
    {
        ui::DesktopController desktop;
        desktop.setHideNotificationText(true);
        const int before = int(receivedNotifications(logPath).size());
        desktop.notifyMessage(QStringLiteral("Bob"), QStringLiteral("the plan for Friday"));
        QTRY_COMPARE_WITH_TIMEOUT(int(receivedNotifications(logPath).size()), before + 1, 10000);
        const QString shown = receivedNotifications(logPath).last();
        QVERIFY(!field(shown, "summary").isEmpty());
        QVERIFY(!shown.contains(QLatin1String("Bob")));
        QVERIFY(!shown.contains(QLatin1String("plan for Friday")));
        desktop.setHideNotificationText(false);
    }

    void sendsNothingWhenNotificationsAreOff()
    {
        ui::DesktopController desktop;
        desktop.setNotificationsEnabled(false);
        const int before = int(receivedNotifications(logPath).size());
        desktop.notifyMessage(QStringLiteral("Bob"), QStringLiteral("quiet please"));
        // A marker after it: once the marker is shown, the one before would have been too.
        desktop.setNotificationsEnabled(true);
        desktop.notifyMessage(QStringLiteral("Marker"), QStringLiteral("after"));
        QTRY_COMPARE_WITH_TIMEOUT(int(receivedNotifications(logPath).size()), before + 1, 10000);
        QCOMPARE(field(receivedNotifications(logPath).last(), "summary"), QStringLiteral("Marker"));
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
