// SPDX-License-Identifier: GPL-3.0-or-later
// NotificationSender talks to the desktop's notification service (org.freedesktop.
// Notifications) on a thread of its own: asking the bus whether the service is there, or
// can be started, waits for the bus daemon, and a slow or hung service must never stall
// the window. It does not decide what a notification says (DesktopController does) and
// does not show the tray's balloon (only the GUI thread may; it asks for it).
#pragma once

#include <QObject>
#include <QThread>

namespace sotto::ui {

class NotificationSender : public QObject {
    Q_OBJECT
public:
    // Starts the sender's thread; the object itself is owned by that thread's lifetime.
    static NotificationSender *start(QObject *owner);
    // Stops the thread (waits for a call in flight, at most a few seconds).
    static void stop(NotificationSender *sender);

public Q_SLOTS:
    // Runs on the sender's thread (invoke it queued).
    void send(const QString &title, const QString &body);

Q_SIGNALS:
    // No notification service: the GUI thread shows the text another way (the tray).
    void serviceMissing(const QString &title, const QString &body);

private:
    NotificationSender() = default;
    bool serviceReachable();

    QThread *m_thread = nullptr;
    bool m_known = false; // the service was found once: no more lookups
};

} // namespace sotto::ui
