// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/StorageLog.h"

Q_LOGGING_CATEGORY(lcStorage, "sotto.storage", QtInfoMsg)
