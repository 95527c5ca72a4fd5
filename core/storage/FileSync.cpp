// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/FileSync.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace sotto::storage {

namespace {

bool syncPath(const QString &path, int flags, int (*sync)(int))
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0)
        return false;
    const bool synced = sync(fd) == 0;
    const int why = errno;
    ::close(fd);
    errno = why; // the caller may tell a full disk from other failures
    return synced;
}

} // namespace

bool syncFile(const QString &path) { return syncPath(path, 0, ::fdatasync); }

bool syncDirectoryOf(const QString &path) { return syncPath(QFileInfo(path).absolutePath(), O_DIRECTORY, ::fsync); }

} // namespace sotto::storage
