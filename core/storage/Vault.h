// SPDX-License-Identifier: GPL-3.0-or-later
// Vault guards the database key: 32 random bytes, stored only wrapped (XChaCha20-Poly1305)
// under a key derived from the passphrase with Argon2id, in a small key file beside the
// database. Changing the passphrase rewrites only that file, atomically (write, fsync,
// rename, fsync the folder): after a crash at any point exactly one passphrase works.
// A wrong passphrase reads the file and writes nothing.
#pragma once

#include "core/crypto/PassphraseKdf.h"
#include "core/crypto/SecretBytes.h"
#include "core/storage/StorageError.h"

#include <expected>

#include <QString>

namespace sotto::storage {

class Vault {
public:
    enum class Strength { Moderate, FastForTests };

    // Makes a fresh database key and writes the key file; fails if one exists.
    [[nodiscard]] static std::expected<crypto::SecretBytes, Error> create(const QString &keyFile, const crypto::SecretBytes &passphrase,
                                                            Strength strength = Strength::Moderate);
    [[nodiscard]] static std::expected<crypto::SecretBytes, Error> unlock(const QString &keyFile, const crypto::SecretBytes &passphrase);
    [[nodiscard]] static std::expected<void, Error> changePassphrase(const QString &keyFile, const crypto::SecretBytes &oldPassphrase,
                                                       const crypto::SecretBytes &newPassphrase);

private:
    [[nodiscard]] static std::expected<void, Error> write(const QString &keyFile, const crypto::SecretBytes &databaseKey,
                                            const crypto::SecretBytes &passphrase, const crypto::KdfParams &params);
};

} // namespace sotto::storage
