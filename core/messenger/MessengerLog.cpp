// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/MessengerLog.h"

Q_LOGGING_CATEGORY(lcMessenger, "sotto.messenger", QtInfoMsg)
