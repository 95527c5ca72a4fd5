// SPDX-License-Identifier: GPL-3.0-or-later
// A party that speaks the link protocol by hand in a test: a real identity key
// (SigningIdentity) and a TLS certificate, with the TLS 1.3 configuration a Link's socket needs.
#pragma once

#include "core/net/TlsIdentity.h"
#include "tests/support/SigningIdentity.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace sotto::test {

struct LinkPeer : SigningIdentity {
    LinkPeer(crypto::SignalContext &ctx, const QString &displayName)
        : SigningIdentity(ctx, displayName)
        , tls(*net::TlsIdentity::generate())
    {
    }
    // `verify`: QueryPeer on an accepting end (it asks for the dialler's certificate, which
    // the Hello's proof is bound to); a dialler checks the proof, not a CA.
    QSslConfiguration config(QSslSocket::PeerVerifyMode verify = QSslSocket::VerifyNone) const
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setProtocol(QSsl::TlsV1_3);
        c.setLocalCertificate(tls.certificate());
        c.setPrivateKey(tls.privateKey());
        c.setPeerVerifyMode(verify);
        return c;
    }
    net::TlsIdentity tls;
};

} // namespace sotto::test
