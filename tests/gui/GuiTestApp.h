// SPDX-License-Identifier: GPL-3.0-or-later
// What every GUI test starts the window's controller with: a profile and a settings folder
// inside the test's own temporary folder, cheap Argon2id, links on loopback only, no
// multicast discovery; and the few ways the tests drive the window.
#pragma once

#include "ui/AppController.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

namespace sotto::test {

inline ui::AppOptions guiTestOptions(const QTemporaryDir &tmp)
{
    // Settings (notification and lock preferences) go to a folder of the test's own.
    qputenv("XDG_CONFIG_HOME", tmp.filePath(QStringLiteral("config")).toLocal8Bit());
    ui::AppOptions options;
    options.profileDir = tmp.filePath(QStringLiteral("profile"));
    options.fastKdfForTests = true;
    options.node.listenAddress = QHostAddress::LocalHost;
    options.node.discovery = false;
    return options;
}

// Driving the window as a person would, shared by the GUI tests.
inline QQuickItem *findItem(QQuickWindow *window, const char *name) { return window->findChild<QQuickItem *>(QLatin1String(name)); }

inline bool isShown(QQuickItem *item) { return item && item->isVisible() && item->width() > 0 && item->height() > 0; }

// A click in the middle of `target`, once it is on screen.
inline void clickItem(QQuickWindow *window, QQuickItem *target, Qt::MouseButton button = Qt::LeftButton)
{
    QVERIFY(target);
    QTRY_VERIFY(isShown(target));
    QTest::mouseClick(window, button, {}, target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
}

// QTest has no keyClicks for a QWindow: one key at a time (the tests type ASCII).
inline void typeKeys(QQuickWindow *window, const QString &text)
{
    for (QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

} // namespace sotto::test
