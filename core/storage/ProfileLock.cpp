// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ProfileLock.h"

#include <QDir>
#include <QFile>

namespace sotto::storage {

QString ProfileLock::path(const QString &dir) { return QDir(dir).filePath(QStringLiteral("sotto.lock")); }

std::expected<ProfileLock, Error> ProfileLock::acquire(const QString &dir)
{
    auto lock = std::make_unique<QLockFile>(path(dir));
    // Never stale by age: a Sotto may run for months. QLockFile still takes over a lock
    // whose process is gone (it checks the PID it wrote), so a crash does not lock the
    // profile for good.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            lock->getLockInfo(&pid, &host, &app);
            return std::unexpected(Error{Errc::InUse, QStringLiteral("the profile is open in another Sotto (process %1)").arg(pid)});
        }
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot create the profile's lock file")});
    }
    // It holds only a PID and a host name, but every file in the profile folder is the
    // owner's alone (tst_atrest checks them all).
    QFile::setPermissions(path(dir), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return ProfileLock(std::move(lock));
}

} // namespace sotto::storage
