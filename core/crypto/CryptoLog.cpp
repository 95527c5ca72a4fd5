// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/CryptoLog.h"

Q_LOGGING_CATEGORY(lcCrypto, "sotto.crypto", QtInfoMsg)
