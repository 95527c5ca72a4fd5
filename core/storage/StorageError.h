// SPDX-License-Identifier: GPL-3.0-or-later
// Error codes of the storage layer. Reasons name the operation, never a bound value.
#pragma once

#include <QString>

namespace sotto::storage {

enum class Errc {
    Io,                // a file could not be read or written
    WrongPassphrase,   // the key file did not open with this passphrase
    CorruptKeyFile,    // the key file is malformed or was tampered with
    NotEncrypted,      // SQLCipher is not really encrypting: refuse to run
    WrongKey,          // the database did not open with the unwrapped key
    NewerSchema,       // the database was written by a newer Sotto
    Sql,               // a statement failed
    ProfileExists,     // creating a profile where one already is
    NoProfile,         // unlocking a folder that holds no profile
    Protocol,          // key generation failed while creating the profile
    Duplicate,         // a message with this id is already stored
    NotFound,          // the message (or conversation) asked for is not stored
    InUse,             // another running Sotto has the profile open (ProfileLock)
};

struct Error {
    Errc code = Errc::Sql;
    QString reason;
};

} // namespace sotto::storage
