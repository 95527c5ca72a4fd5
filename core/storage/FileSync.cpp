// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/FileSync.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace sotto::storage {

namespace {

bool syncPath(const QString &path, int flags, int (*sync)(int), int *error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0) {
        if (error)
            *error = errno;
        return false;
    }
    const bool synced = sync(fd) == 0;
    if (!synced && error)
        *error = errno; // before close() and any destructor can change it
    ::close(fd);
    return synced;
}

} // namespace

bool isFullDisk(int error) { return error == ENOSPC || error == EDQUOT; }

bool syncFile(const QString &path, int *error) { return syncPath(path, 0, ::fdatasync, error); }

bool syncDirectoryOf(const QString &path, int *error) { return syncPath(QFileInfo(path).absolutePath(), O_DIRECTORY, ::fsync, error); }

} // namespace sotto::storage
