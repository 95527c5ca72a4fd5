// SPDX-License-Identifier: GPL-3.0-or-later
// What every GUI test starts the window's controller with: a profile and a settings folder
// inside the test's own temporary folder, cheap Argon2id, links on loopback only, no
// multicast discovery.
#pragma once

#include "ui/AppController.h"

#include <QTemporaryDir>

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

} // namespace sotto::test
