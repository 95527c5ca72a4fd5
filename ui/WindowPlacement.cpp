// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WindowPlacement.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QScreen>
#include <QSettings>

namespace sotto::ui {
namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString SidebarKey = QStringLiteral("window/sidebarWidth");

} // namespace

WindowPlacement::WindowPlacement(QObject *parent)
    : QObject(parent)
    , m_sidebarWidth(std::clamp(QSettings().value(SidebarKey, DefaultSidebarWidth).toInt(), MinSidebarWidth, MaxSidebarWidth))
{
    m_save.setSingleShot(true);
    m_save.setInterval(300);
    connect(&m_save, &QTimer::timeout, this, [this] { QSettings().setValue(SidebarKey, m_sidebarWidth); });
}

void WindowPlacement::setSidebarWidth(int width)
{
    width = std::clamp(width, MinSidebarWidth, MaxSidebarWidth);
    if (width == m_sidebarWidth)
        return;
    m_sidebarWidth = width;
    Q_EMIT sidebarWidthChanged();
    m_save.start();
}

std::optional<QRect> WindowPlacement::savedGeometry()
{
    QRect saved = QSettings().value(GeometryKey).toRect();
    if (!saved.isValid())
        return std::nullopt;
    // On a screen that is there (a laptop without its second monitor): the one under the
    // saved centre, else the primary, and no larger than it.
    const QScreen *screen = QGuiApplication::screenAt(saved.center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return saved;
    const QRect room = screen->availableGeometry();
    saved.setSize(saved.size().boundedTo(room.size()));
    saved.moveLeft(std::clamp(saved.left(), room.left(), room.right() - saved.width() + 1));
    saved.moveTop(std::clamp(saved.top(), room.top(), room.bottom() - saved.height() + 1));
    return saved;
}

void WindowPlacement::follow(QQuickWindow *window)
{
    auto *timer = new QTimer(window);
    timer->setSingleShot(true);
    timer->setInterval(300);
    QObject::connect(timer, &QTimer::timeout, window, [window] {
        if (window->visibility() == QWindow::Windowed) // not a maximised or full-screen size
            QSettings().setValue(GeometryKey, window->geometry());
    });
    const auto later = [timer] { timer->start(); };
    QObject::connect(window, &QWindow::xChanged, timer, later);
    QObject::connect(window, &QWindow::yChanged, timer, later);
    QObject::connect(window, &QWindow::widthChanged, timer, later);
    QObject::connect(window, &QWindow::heightChanged, timer, later);
}

} // namespace sotto::ui
