// SPDX-License-Identifier: GPL-3.0-or-later
// The window's language: the desktop's, from the translations built into the program
// (resources/translations, embedded at :/i18n).
#pragma once

#include <QLocale>
#include <QString>

namespace sotto::ui {

// Installs on the application Sotto's translation for the first of `locale`'s UI languages
// that has one, and Qt's own (standard buttons) for that language where the system has
// them. QLocale() is the desktop's: LANGUAGE, then LC_ALL, LC_MESSAGES, LANG. English, C,
// or English ranked above every translated language keeps the source texts. Replaces what
// an earlier call installed. Returns the translation's language ("de", "zh_CN"), or an
// empty string for none. Only the window calls it: the headless mode's JSON stays English.
QString installTranslations(const QLocale &locale = QLocale());

} // namespace sotto::ui
