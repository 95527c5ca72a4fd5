// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PassphraseStrength.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace sotto::ui {

PassphraseRating ratePassphrase(const QString &passphrase)
{
    // Entropy from the character classes used and the length, discounted for repeats.
    bool lower = false, upper = false, digit = false, other = false, space = false;
    QSet<QChar> distinct;
    for (QChar c : passphrase) {
        distinct.insert(c);
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else if (c.isSpace())
            space = true;
        else
            other = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0) + (space ? 1 : 0);
    const double perChar = pool > 1 ? std::log2(double(pool)) : 0.0;
    const double variety = passphrase.isEmpty() ? 0.0 : double(distinct.size()) / double(passphrase.size());
    const double bits = perChar * double(passphrase.size()) * std::min(1.0, 0.4 + variety);

    // translate() with the context spelled out: lupdate files a free tr() under the namespace,
    // not under the context the program looks the text up in.
    PassphraseRating r;
    if (passphrase.size() < 8) {
        r.score = 0;
        r.hint = QCoreApplication::translate("PassphraseStrength", "Too short: use at least 8 characters, better several words.");
    } else if (bits < 40) {
        r.score = 1;
        r.hint = QCoreApplication::translate("PassphraseStrength", "Weak: add more words or characters.");
    } else if (bits < 60) {
        r.score = 2;
        r.hint = QCoreApplication::translate("PassphraseStrength", "Fair: a few more words would make it strong.");
    } else if (bits < 80) {
        r.score = 3;
        r.hint = QCoreApplication::translate("PassphraseStrength", "Good.");
    } else {
        r.score = 4;
        r.hint = QCoreApplication::translate("PassphraseStrength", "Strong.");
    }
    return r;
}

} // namespace sotto::ui
