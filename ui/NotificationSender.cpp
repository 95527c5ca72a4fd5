// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/NotificationSender.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>

namespace sotto::ui {

namespace {
const QString Service = QStringLiteral("org.freedesktop.Notifications");
constexpr int CallTimeoutMs = 5000; // a hung service costs this thread this long, never the window
} // namespace

NotificationSender *NotificationSender::start(QObject *owner)
{
    auto *thread = new QThread(owner);
    thread->setObjectName(QStringLiteral("sotto-notify"));
    auto *sender = new NotificationSender;
    sender->m_thread = thread;
    sender->moveToThread(thread);
    QObject::connect(thread, &QThread::finished, sender, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
    return sender;
}

void NotificationSender::stop(NotificationSender *sender)
{
    if (!sender)
        return;
    QThread *thread = sender->m_thread;
    thread->quit();
    thread->wait();
}

bool NotificationSender::serviceReachable()
{
    if (m_known)
        return true;
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusConnectionInterface *daemon = bus.isConnected() ? bus.interface() : nullptr;
    // Running, or started by the bus on our call (XFCE, MATE and others start their
    // daemon on demand).
    m_known = daemon && (daemon->isServiceRegistered(Service) || daemon->activatableServiceNames().value().contains(Service));
    return m_known;
}

void NotificationSender::send(const QString &title, const QString &body)
{
    Q_ASSERT(QThread::currentThread() == m_thread);
    if (!serviceReachable()) {
        Q_EMIT serviceMissing(title, body);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, QStringLiteral("/org/freedesktop/Notifications"),
                                                       QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    // The icon and the desktop entry are named by the application id (resources/org.sotto.Sotto.desktop,
    // the installed icon org.sotto.Sotto.svg): the desktop groups the notification with the app.
    call << QStringLiteral("Sotto") << uint(0) << QStringLiteral("org.sotto.Sotto") << title << body.toHtmlEscaped() << QStringList()
         << QVariantMap{{QStringLiteral("desktop-entry"), QStringLiteral("org.sotto.Sotto")}} << int(5000);
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, CallTimeoutMs);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        m_known = false; // gone (or never answering): look again next time, and show it another way now
        Q_EMIT serviceMissing(title, body);
    }
}

} // namespace sotto::ui
