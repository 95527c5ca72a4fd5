// SPDX-License-Identifier: GPL-3.0-or-later
// Opening Sotto's window, the one way the program, the GUI tests and bench_gui all do it.
#pragma once

class QQmlApplicationEngine;
class QQuickWindow;

namespace sotto::ui {

class AppController;

// Before the QGuiApplication exists: the Fusion style, and the software scene graph unless
// QT_QUICK_BACKEND or QSG_RHI_BACKEND chooses another (docs/BENCHMARKS.md says why).
void prepareGuiApplication();

// Loads Main.qml over `app` into `engine`; the window, or nullptr if it did not load.
QQuickWindow *loadMainWindow(QQmlApplicationEngine &engine, AppController &app);

} // namespace sotto::ui
