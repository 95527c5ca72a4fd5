// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ProtocolLog.h"

Q_LOGGING_CATEGORY(lcProtocol, "sotto.protocol", QtInfoMsg)
