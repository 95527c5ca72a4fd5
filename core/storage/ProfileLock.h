// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileLock: one Sotto process per profile. Two processes on one profile would both
// run the ratchets and the outbox from the same rows: each would seal with chain keys the
// other also used, and the peer would reject half the messages. The lock (sotto.lock in
// the profile folder, 0600) is held from before the database opens until after it closes;
// a lock left by a process that died (kill -9, power loss) is taken over.
#pragma once

#include "core/storage/StorageError.h"

#include <QLockFile>

#include <expected>
#include <memory>

namespace sotto::storage {

class ProfileLock {
public:
    static QString path(const QString &dir);
    // InUse (naming the process that holds it) when another live process has the profile.
    [[nodiscard]] static std::expected<ProfileLock, Error> acquire(const QString &dir);

private:
    explicit ProfileLock(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}
    std::unique_ptr<QLockFile> m_lock; // unlocks (and removes the file) when destroyed
};

} // namespace sotto::storage
