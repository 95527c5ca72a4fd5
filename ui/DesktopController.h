// SPDX-License-Identifier: GPL-3.0-or-later
// DesktopController is Sotto's presence on the desktop: the tray icon with the unread
// count, notifications for messages not in view (through the freedesktop notification
// service, else the tray; text hidden if the user asks; a message request only by name),
// and the idle lock. Its settings are not secret and live in QSettings.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <QtQml/qqmlregistration.h>

class QSystemTrayIcon;
class QMenu;

namespace sotto::ui {

class NotificationSender;

class DesktopController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    Q_PROPERTY(bool hideNotificationText READ hideNotificationText WRITE setHideNotificationText NOTIFY settingsChanged)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes WRITE setIdleLockMinutes NOTIFY settingsChanged)
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled NOTIFY settingsChanged)
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)

public:
    explicit DesktopController(QObject *parent = nullptr);
    ~DesktopController() override;

    bool hideNotificationText() const { return m_hideText; }
    void setHideNotificationText(bool hide);
    int idleLockMinutes() const { return m_idleMinutes; }
    void setIdleLockMinutes(int minutes);
    // The same in any unit (tests use seconds); 0 turns the idle lock off. Not persisted.
    void setIdleTimeout(std::chrono::milliseconds timeout);
    bool notificationsEnabled() const { return m_notifications; }
    void setNotificationsEnabled(bool enabled);
    bool trayAvailable() const;

    // Puts a message's text on the clipboard (the user asked: "Copy text").
    Q_INVOKABLE void copyText(const QString &text);
    // Opens a link of a message through the desktop: http, https and mailto only.
    Q_INVOKABLE bool openLink(const QString &link);

    void setUnread(int count);
    void setUnlocked(bool unlocked);
    void notifyMessage(const QString &from, const QString &text);
    // A stranger's first message: "Message request from NAME", never its text.
    void notifyRequest(const QString &from);

Q_SIGNALS:
    void settingsChanged();
    void showRequested();
    void lockRequested();
    void quitRequested();
    void notified(const QString &title, const QString &body); // what a notification said (tests)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restartIdle();

    NotificationSender *m_sender = nullptr; // on its own thread
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QTimer m_idle;
    bool m_hideText = false;
    bool m_notifications = true;
    int m_idleMinutes = 0;
    std::chrono::milliseconds m_idleTimeout{0};
    bool m_unlocked = false;
};

} // namespace sotto::ui
