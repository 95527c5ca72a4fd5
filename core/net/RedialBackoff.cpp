// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/RedialBackoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace sotto::net {

int RedialBackoff::nominalMs(int failures)
{
    // 500 × 2^6 = 32 s is past the cap already; the shift stays small whatever `failures` is.
    return std::min(CapMs, FirstMs << std::clamp(failures, 0, 6));
}

int RedialBackoff::delayMs(int failures, double unit)
{
    const double factor = 1.0 - Jitter + 2.0 * Jitter * std::clamp(unit, 0.0, 1.0);
    return std::max(1, int(nominalMs(failures) * factor));
}

int RedialBackoff::delayMs(int failures) { return delayMs(failures, QRandomGenerator::global()->generateDouble()); }

int RedialBackoff::spreadMs(int windowMs) { return windowMs > 0 ? int(QRandomGenerator::global()->bounded(windowMs)) : 0; }

} // namespace sotto::net
