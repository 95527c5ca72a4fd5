// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/TlsIdentity.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>

namespace sotto::net {
namespace {

template<typename T, void (*F)(T *)>
struct Free {
    void operator()(T *p) const { F(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Free<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Free<BIO, BIO_free_all>>;

} // namespace

std::optional<TlsIdentity> TlsIdentity::generate()
{
    PKey key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    if (!key || !cert)
        return std::nullopt;
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    ASN1_INTEGER *sn = BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!sn)
        return std::nullopt;
    X509_set_version(cert.get(), 2);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24L * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 20L * 365 * 24 * 3600);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("sotto"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_set_pubkey(cert.get(), key.get()) != 1 || X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return std::nullopt;

    TlsIdentity out;
    int derLength = i2d_X509(cert.get(), nullptr);
    out.certificateDer.resize(derLength);
    auto *p = reinterpret_cast<unsigned char *>(out.certificateDer.data());
    i2d_X509(cert.get(), &p);

    Bio bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return std::nullopt;
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    out.privateKeyPem = crypto::SecretBytes(data, size_t(len));
    return out;
}

QSslCertificate TlsIdentity::certificate() const { return QSslCertificate(certificateDer, QSsl::Der); }

QSslKey TlsIdentity::privateKey() const
{
    // QSslKey keeps its own copy; the PEM bytes here are wiped with this object.
    return QSslKey(QByteArray::fromRawData(reinterpret_cast<const char *>(privateKeyPem.data()), qsizetype(privateKeyPem.size())),
                   QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
}

QByteArray TlsIdentity::fingerprint(const QSslCertificate &certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

} // namespace sotto::net
