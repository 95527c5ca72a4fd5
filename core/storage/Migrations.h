// SPDX-License-Identifier: GPL-3.0-or-later
// The schema as an ordered list of numbered steps; user_version says how far a database
// is. Each step runs in its own transaction together with its user_version bump. A
// database newer than this program is refused, never downgraded.
#pragma once

#include "core/storage/Database.h"

#include <functional>
#include <vector>

namespace sotto::storage {

struct Migration {
    int version;       // user_version after this step
    const char *name;  // for logs
    std::function<bool(Database &)> apply;
};

const std::vector<Migration> &migrations();
int latestSchemaVersion();

// Brings the database to the latest version (or to `target`, for tests of one step).
[[nodiscard]] std::expected<int, Error> migrate(Database &db, int target = -1);

} // namespace sotto::storage
