// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/NetLog.h"

Q_LOGGING_CATEGORY(lcNet, "sotto.net", QtInfoMsg)
