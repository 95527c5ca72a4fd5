// SPDX-License-Identifier: GPL-3.0-or-later
// Making what is already in a file, and a file's name, durable (a crash or a power cut
// keeps them). The one place that opens a path only to sync it.
#pragma once

#include <QString>

namespace sotto::storage {

// The bytes of the file at `path` on stable storage (fdatasync), whoever wrote them. On
// failure, `error` (if given) gets its errno (ENOSPC: a full disk).
bool syncFile(const QString &path, int *error = nullptr);

// The directory holding `path` made durable (fsync): a new or renamed file's name survives
// a crash or a power cut only once its directory is synced, whatever fdatasync did for its
// bytes.
bool syncDirectoryOf(const QString &path, int *error = nullptr);

// Whether a write or sync failed for want of space (ENOSPC, EDQUOT): worth trying again once
// space is freed, unlike an I/O error.
bool isFullDisk(int error);

} // namespace sotto::storage
