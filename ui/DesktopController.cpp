// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DesktopController.h"

#include "ui/NotificationSender.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QUrl>
#include <QEvent>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSystemTrayIcon>

namespace sotto::ui {

DesktopController::DesktopController(QObject *parent)
    : QObject(parent)
{
    QSettings settings;
    m_hideText = settings.value(QStringLiteral("notifications/hideText"), false).toBool();
    m_notifications = settings.value(QStringLiteral("notifications/enabled"), true).toBool();
    m_idleMinutes = std::clamp(settings.value(QStringLiteral("security/idleLockMinutes"), 0).toInt(), 0, 24 * 60);
    m_idleTimeout = std::chrono::minutes(m_idleMinutes);

    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_unlocked)
            Q_EMIT lockRequested();
    });
    // Not qApp: with <QApplication> included it casts to QApplication, which a
    // QCoreApplication (headless, GUI-less tests) is not (UBSan: invalid downcast).
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);

    m_sender = NotificationSender::start(this);
    connect(m_sender, &NotificationSender::serviceMissing, this, [this](const QString &title, const QString &body) {
        if (m_tray)
            m_tray->showMessage(title, body, QIcon(QStringLiteral(":/sotto/icons/sotto.svg")), 5000);
    });

    // A tray needs QApplication (widgets) and a system tray; neither exists under offscreen tests.
    if (qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/sotto/icons/sotto.svg")), this);
        m_menu = new QMenu;
        m_menu->addAction(tr("Show Sotto"), this, &DesktopController::showRequested);
        m_menu->addAction(tr("Lock now"), this, &DesktopController::lockRequested);
        m_menu->addSeparator();
        m_menu->addAction(tr("Quit"), this, &DesktopController::quitRequested);
        m_tray->setContextMenu(m_menu);
        m_tray->setToolTip(QStringLiteral("Sotto"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                Q_EMIT showRequested();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopController::showRequested);
        m_tray->show();
    }
}

DesktopController::~DesktopController()
{
    NotificationSender::stop(m_sender);
    delete m_menu;
}

bool DesktopController::trayAvailable() const { return m_tray != nullptr; }

void DesktopController::setHideNotificationText(bool hide)
{
    if (hide == m_hideText)
        return;
    m_hideText = hide;
    QSettings().setValue(QStringLiteral("notifications/hideText"), hide);
    Q_EMIT settingsChanged();
}

void DesktopController::setNotificationsEnabled(bool enabled)
{
    if (enabled == m_notifications)
        return;
    m_notifications = enabled;
    QSettings().setValue(QStringLiteral("notifications/enabled"), enabled);
    Q_EMIT settingsChanged();
}

void DesktopController::setIdleLockMinutes(int minutes)
{
    minutes = std::clamp(minutes, 0, 24 * 60);
    if (minutes == m_idleMinutes)
        return;
    m_idleMinutes = minutes;
    QSettings().setValue(QStringLiteral("security/idleLockMinutes"), minutes);
    setIdleTimeout(std::chrono::minutes(minutes));
    Q_EMIT settingsChanged();
}

void DesktopController::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = std::max(timeout, std::chrono::milliseconds(0));
    restartIdle();
}

void DesktopController::setUnread(int count)
{
    if (!m_tray)
        return;
    m_tray->setToolTip(count > 0 ? tr("Sotto — %n unread", nullptr, count) : QStringLiteral("Sotto"));
    // The count on the icon itself, in a red disc at the corner.
    QPixmap icon = QIcon(QStringLiteral(":/sotto/icons/sotto.svg")).pixmap(64, 64);
    if (count > 0) {
        QPainter painter(&icon);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF disc(28, 28, 36, 36);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd9, 0x30, 0x25));
        painter.drawEllipse(disc);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(count > 99 ? 15 : 22);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(disc, Qt::AlignCenter, count > 99 ? QStringLiteral("99+") : QString::number(count));
    }
    m_tray->setIcon(QIcon(icon));
}

void DesktopController::copyText(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

bool DesktopController::openLink(const QString &link)
{
    const QUrl url(link, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("mailto")))
        return false; // a peer's text never opens anything else (file:, javascript:, a custom handler)
    return QDesktopServices::openUrl(url);
}

void DesktopController::setUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    restartIdle();
    if (!unlocked)
        setUnread(0);
}

void DesktopController::notifyMessage(const QString &from, const QString &text)
{
    if (!m_notifications)
        return;
    const QString title = m_hideText ? tr("New message") : from;
    const QString body = m_hideText ? tr("Open Sotto to read it.") : text.left(200);
    // The desktop's notification service where there is one (GNOME, KDE, ... and no tray
    // needed), else the tray's balloon. Asked on the sender's thread: D-Bus calls wait.
    QMetaObject::invokeMethod(m_sender, [sender = m_sender, title, body] { sender->send(title, body); }, Qt::QueuedConnection);
    Q_EMIT notified(title, body);
}

void DesktopController::notifyRequest(const QString &from)
{
    if (!m_notifications)
        return;
    const QString title = m_hideText ? tr("New message request") : tr("Message request from %1").arg(from);
    const QString body = tr("Accept it to chat; until then they do not know you read it.");
    QMetaObject::invokeMethod(m_sender, [sender = m_sender, title, body] { sender->send(title, body); }, Qt::QueuedConnection);
    Q_EMIT notified(title, body);
}

bool DesktopController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_idle.isActive())
            m_idle.start(); // activity: the countdown starts again
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void DesktopController::restartIdle()
{
    m_idle.stop();
    if (m_unlocked && m_idleTimeout.count() > 0) {
        m_idle.setInterval(m_idleTimeout);
        m_idle.start();
    }
}

} // namespace sotto::ui
