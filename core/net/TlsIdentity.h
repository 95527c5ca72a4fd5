// SPDX-License-Identifier: GPL-3.0-or-later
// A profile's TLS credentials: a self-signed P-256 certificate whose subject says nothing
// (a random serial, CN "sotto"). Trust never comes from the certificate itself; the link
// proof signs its hash with the identity key. Generated once, stored in the database.
#pragma once

#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>

#include <optional>

namespace sotto::net {

struct TlsIdentity {
    QByteArray certificateDer;
    crypto::SecretBytes privateKeyPem;

    static std::optional<TlsIdentity> generate();

    QSslCertificate certificate() const;
    QSslKey privateKey() const;
    // sha256 of the DER certificate: what the link proof signs.
    static QByteArray fingerprint(const QSslCertificate &certificate);
};

} // namespace sotto::net
