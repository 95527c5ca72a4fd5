// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Vault.h"

#include "core/storage/FileSync.h"
#include "core/storage/StorageLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

#include <unistd.h>

namespace sotto::storage {
namespace {

constexpr int FormatVersion = 1;
constexpr qsizetype MaxKeyFileSize = 4096;

// The associated data binds the KDF parameters to the ciphertext: a key file whose
// parameters were edited fails to open rather than deriving a different key.
QByteArray associatedData(const crypto::KdfParams &p)
{
    return QByteArrayLiteral("sotto-vault:") + QByteArray::number(FormatVersion) + ':' + QByteArray::number(p.algorithm) + ':'
        + QByteArray::number(quint64(p.opsLimit)) + ':' + QByteArray::number(quint64(p.memLimit)) + ':' + p.salt.toBase64();
}

struct Parsed {
    crypto::KdfParams params;
    QByteArray nonce;
    QByteArray wrapped;
};

std::expected<Parsed, Error> readKeyFile(const QString &keyFile)
{
    QFile f(keyFile);
    if (!f.exists())
        return std::unexpected(Error{Errc::NoProfile, QStringLiteral("no key file at %1").arg(keyFile)});
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot read %1: %2").arg(keyFile, f.errorString())});
    const QByteArray data = f.read(MaxKeyFileSize + 1);
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    Parsed p;
    p.params.algorithm = o.value(QLatin1String("alg")).toInt();
    p.params.opsLimit = std::uint64_t(o.value(QLatin1String("ops")).toDouble());
    p.params.memLimit = std::uint64_t(o.value(QLatin1String("mem")).toDouble());
    p.params.salt = QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1());
    p.nonce = QByteArray::fromBase64(o.value(QLatin1String("nonce")).toString().toLatin1());
    p.wrapped = QByteArray::fromBase64(o.value(QLatin1String("wrapped")).toString().toLatin1());
    if (data.size() > MaxKeyFileSize || o.value(QLatin1String("format")).toInt() != FormatVersion || !p.params.plausible()
        || p.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || p.wrapped.size() != 32 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return std::unexpected(Error{Errc::CorruptKeyFile, QStringLiteral("the key file %1 is damaged").arg(keyFile)});
    return p;
}

} // namespace

std::expected<crypto::SecretBytes, Error> Vault::create(const QString &keyFile, const crypto::SecretBytes &passphrase, Strength strength)
{
    if (QFileInfo::exists(keyFile))
        return std::unexpected(Error{Errc::ProfileExists, QStringLiteral("a key file already exists at %1").arg(keyFile)});
    crypto::SecretBytes databaseKey = crypto::SecretBytes::random(32);
    const crypto::KdfParams params = strength == Strength::Moderate ? crypto::KdfParams::moderateWithFreshSalt()
                                                                    : crypto::KdfParams::interactiveWithFreshSalt();
    if (auto r = write(keyFile, databaseKey, passphrase, params); !r)
        return std::unexpected(r.error());
    return databaseKey;
}

std::expected<crypto::SecretBytes, Error> Vault::unlock(const QString &keyFile, const crypto::SecretBytes &passphrase)
{
    std::expected<Parsed, Error> parsed = readKeyFile(keyFile);
    if (!parsed)
        return std::unexpected(parsed.error());
    std::optional<crypto::SecretBytes> wrappingKey = crypto::deriveKey(passphrase, parsed->params);
    if (!wrappingKey)
        return std::unexpected(Error{Errc::Io, QStringLiteral("the passphrase could not be processed (out of memory?)")});
    const QByteArray ad = associatedData(parsed->params);
    crypto::SecretBytes databaseKey(32);
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            databaseKey.data(), &len, nullptr, reinterpret_cast<const unsigned char *>(parsed->wrapped.constData()),
            std::size_t(parsed->wrapped.size()), reinterpret_cast<const unsigned char *>(ad.constData()), std::size_t(ad.size()),
            reinterpret_cast<const unsigned char *>(parsed->nonce.constData()), wrappingKey->data())
            != 0
        || len != 32)
        return std::unexpected(Error{Errc::WrongPassphrase, QStringLiteral("wrong passphrase")});
    return databaseKey;
}

std::expected<void, Error> Vault::changePassphrase(const QString &keyFile, const crypto::SecretBytes &oldPassphrase,
                                                   const crypto::SecretBytes &newPassphrase)
{
    std::expected<Parsed, Error> parsed = readKeyFile(keyFile);
    if (!parsed)
        return std::unexpected(parsed.error());
    std::expected<crypto::SecretBytes, Error> databaseKey = unlock(keyFile, oldPassphrase);
    if (!databaseKey)
        return std::unexpected(databaseKey.error());
    // Keep the strength the profile was created with, with a fresh salt.
    crypto::KdfParams params = crypto::KdfParams::moderateWithFreshSalt();
    params.opsLimit = parsed->params.opsLimit;
    params.memLimit = parsed->params.memLimit;
    return write(keyFile, *databaseKey, newPassphrase, params);
}

std::expected<void, Error> Vault::write(const QString &keyFile, const crypto::SecretBytes &databaseKey,
                                        const crypto::SecretBytes &passphrase, const crypto::KdfParams &params)
{
    std::optional<crypto::SecretBytes> wrappingKey = crypto::deriveKey(passphrase, params);
    if (!wrappingKey)
        return std::unexpected(Error{Errc::Io, QStringLiteral("the passphrase could not be processed (out of memory?)")});
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    QByteArray wrapped(32 + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long len = 0;
    const QByteArray ad = associatedData(params);
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(wrapped.data()), &len, databaseKey.data(),
                                               databaseKey.size(), reinterpret_cast<const unsigned char *>(ad.constData()),
                                               std::size_t(ad.size()), nullptr,
                                               reinterpret_cast<const unsigned char *>(nonce.constData()), wrappingKey->data());
    QJsonObject o;
    o.insert(QLatin1String("format"), FormatVersion);
    o.insert(QLatin1String("kdf"), QLatin1String("argon2id13"));
    o.insert(QLatin1String("alg"), params.algorithm);
    o.insert(QLatin1String("ops"), double(params.opsLimit));
    o.insert(QLatin1String("mem"), double(params.memLimit));
    o.insert(QLatin1String("salt"), QString::fromLatin1(params.salt.toBase64()));
    o.insert(QLatin1String("nonce"), QString::fromLatin1(nonce.toBase64()));
    o.insert(QLatin1String("wrapped"), QString::fromLatin1(wrapped.toBase64()));

    // QSaveFile writes a temporary file, fsyncs it and renames it over the old one, so a
    // crash leaves either the old or the new key file whole. The folder is synced after
    // the rename so that the rename itself survives a power cut.
    QSaveFile f(keyFile);
    f.setDirectWriteFallback(false);
    if (!f.open(QIODevice::WriteOnly))
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot write %1: %2").arg(keyFile, f.errorString())});
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.flush() || ::fsync(f.handle()) != 0) {
        f.cancelWriting();
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot sync %1").arg(keyFile)});
    }
    if (!f.commit())
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot write %1: %2").arg(keyFile, f.errorString())});
    if (!syncDirectoryOf(keyFile))
        qCWarning(lcStorage) << "could not sync the profile folder after writing the key file";
    return {};
}

} // namespace sotto::storage
