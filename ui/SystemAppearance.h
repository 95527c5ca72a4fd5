// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the desktop prefers a dark look, and a palette to match. Qt 6.4 has no
// colour-scheme API; the XDG desktop portal's "org.freedesktop.appearance color-scheme"
// setting says it on GNOME, KDE and others. SOTTO_COLOR_SCHEME=dark|light overrides.
#pragma once

#include <QPalette>
#include <QVariantMap>

namespace sotto::ui {

enum class ColorScheme { Light, Dark };

ColorScheme preferredColorScheme();
QPalette darkPalette();
// The same colours by QML palette role name ("window", "windowText", ...), for the window:
// Qt Quick Controls take their palette from the platform theme, not from QApplication.
QVariantMap darkPaletteRoles();

} // namespace sotto::ui
