// SPDX-License-Identifier: GPL-3.0-or-later
// A rough, offline estimate of how hard a passphrase is to guess, for the hint under the
// field when a profile is created. It never stores or logs what it rates.
#pragma once

#include <QString>

namespace sotto::ui {

struct PassphraseRating {
    int score = 0; // 0 (very weak) to 4 (strong)
    QString hint;  // what would make it better, or why it is good
};

PassphraseRating ratePassphrase(const QString &passphrase);

} // namespace sotto::ui
