// SPDX-License-Identifier: GPL-3.0-or-later
// What the GUI tests share: the window opened as main() opens it, over a controller whose
// profile lives in the test's own temporary folder, and the ways a person drives it. A GUI
// test derives from GuiFixture (and keeps its own Q_OBJECT and private slots).
#pragma once

#include "tests/gui/GuiTestApp.h"
#include "ui/AppController.h"
#include "ui/MainWindow.h"

#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sotto::test {

// A headless node's event line: its name, and the message it carries.
inline bool isEvent(const QJsonObject &e, const char *name) { return e.value(QStringLiteral("event")) == QLatin1String(name); }
inline QJsonObject messageOf(const QJsonObject &e) { return e.value(QStringLiteral("message")).toObject(); }

class GuiFixture : public QObject {
protected:
    static constexpr char Passphrase[] = "a long and winding road";

    QTemporaryDir tmp;
    std::unique_ptr<ui::AppController> app;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;

    // Shown, exposed and active (keyboard focus; "in view", so read receipts go out);
    // resized first if `size` is given. False if it did not come up.
    [[nodiscard]] bool openWindow(const ui::AppOptions &options, QSize size = {})
    {
        app = std::make_unique<ui::AppController>(options);
        engine = std::make_unique<QQmlApplicationEngine>();
        window = ui::loadMainWindow(*engine, *app);
        if (!window)
            return false;
        if (size.isValid())
            window->resize(size);
        if (!QTest::qWaitForWindowExposed(window))
            return false;
        window->requestActivate();
        return QTest::qWaitForWindowActive(window);
    }
    [[nodiscard]] bool openWindow(QSize size = {}) { return openWindow(guiTestOptions(tmp), size); }
    // The window goes first, then the controller (which saves drafts and closes the profile).
    void closeWindow()
    {
        window = nullptr;
        engine.reset();
        app.reset();
    }
    // A new profile named `name`, unlocked.
    [[nodiscard]] bool createProfile(const QString &name)
    {
        app->session()->create(name, QLatin1String(Passphrase), QLatin1String(Passphrase));
        return QTest::qWaitFor([this] { return app->session()->state() == ui::SessionController::Unlocked; }, 20000);
    }

    QQuickItem *item(const char *name) { return findItem(window, name); }
    static bool isShown(QQuickItem *i) { return test::isShown(i); }
    void click(QQuickItem *target, Qt::MouseButton button = Qt::LeftButton) { clickItem(window, target, button); }
    void keys(const QString &text) { typeKeys(window, text); }

    // Items a Repeater or a view made are not QObject children of the window: walks the
    // item tree below `root`.
    static QQuickItem *descendant(QQuickItem *root, const QString &name)
    {
        if (!root)
            return nullptr;
        for (QQuickItem *child : root->childItems()) {
            if (child->objectName() == name)
                return child;
            if (QQuickItem *found = descendant(child, name))
                return found;
        }
        return nullptr;
    }
};

} // namespace sotto::test
