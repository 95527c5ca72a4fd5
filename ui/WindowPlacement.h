// SPDX-License-Identifier: GPL-3.0-or-later
// Where the window was and how wide its sidebar: kept in QSettings (not secret) and given
// back at the next start, so Sotto opens where the user left it. A position saved on a
// screen that is gone is brought back onto one that is there.
#pragma once

#include <QObject>
#include <QRect>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QQuickWindow;

namespace sotto::ui {

class WindowPlacement : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int sidebarWidth READ sidebarWidth WRITE setSidebarWidth NOTIFY sidebarWidthChanged)
    Q_PROPERTY(int minSidebarWidth MEMBER MinSidebarWidth CONSTANT)
    Q_PROPERTY(int maxSidebarWidth MEMBER MaxSidebarWidth CONSTANT)

public:
    static constexpr int DefaultSidebarWidth = 300;
    static constexpr int MinSidebarWidth = 220;
    static constexpr int MaxSidebarWidth = 520;

    explicit WindowPlacement(QObject *parent = nullptr);

    int sidebarWidth() const { return m_sidebarWidth; }
    void setSidebarWidth(int width);

    // The geometry to open the window with: the saved one, moved onto a screen that
    // exists; nullopt at first start.
    static std::optional<QRect> savedGeometry();
    // Saves the window's geometry whenever it settles after a move or resize.
    static void follow(QQuickWindow *window);

Q_SIGNALS:
    void sidebarWidthChanged();

private:
    int m_sidebarWidth = DefaultSidebarWidth;
    QTimer m_save; // a drag of the divider writes once, when it stops
};

} // namespace sotto::ui
