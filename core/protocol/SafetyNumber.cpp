// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/SafetyNumber.h"

#include "core/crypto/SignalHandles.h"

#include <signal/curve.h>
#include <signal/fingerprint.h>

#include <memory>

namespace sotto::protocol {
namespace {

struct GeneratorFree {
    void operator()(fingerprint_generator *g) const { fingerprint_generator_free(g); }
};

} // namespace

QString SafetyNumber::grouped() const
{
    QStringList groups;
    for (qsizetype i = 0; i < digits.size(); i += 5)
        groups << digits.mid(i, 5);
    return groups.join(u' ');
}

std::expected<SafetyNumber, Error> SafetyNumber::compute(crypto::SignalContext &context, const PeerId &local,
                                                         const QByteArray &localKey, const PeerId &remote,
                                                         const QByteArray &remoteKey)
{
    crypto::Adopt<ec_public_key> localPub, remotePub;
    int rc = curve_decode_point(localPub.out(), reinterpret_cast<const uint8_t *>(localKey.constData()),
                                size_t(localKey.size()), context.get());
    if (rc == SG_SUCCESS)
        rc = curve_decode_point(remotePub.out(), reinterpret_cast<const uint8_t *>(remoteKey.constData()),
                                size_t(remoteKey.size()), context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "safety number key"));
    auto lp = localPub.take();
    auto rp = remotePub.take();

    fingerprint_generator *raw = nullptr;
    rc = fingerprint_generator_create(&raw, 5200, 1, context.get());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "fingerprint generator"));
    std::unique_ptr<fingerprint_generator, GeneratorFree> generator(raw);

    const std::string localName = local.toStdString();
    const std::string remoteName = remote.toStdString();
    crypto::Adopt<fingerprint> fp;
    rc = fingerprint_generator_create_for(generator.get(), localName.c_str(), lp.get(), remoteName.c_str(), rp.get(), fp.out());
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "fingerprint"));
    auto fpOwned = fp.take();

    SafetyNumber out;
    out.digits = QString::fromLatin1(displayable_fingerprint_text(fingerprint_get_displayable(fpOwned.get())));
    signal_buffer *scannable = nullptr;
    rc = scannable_fingerprint_serialize(&scannable, fingerprint_get_scannable(fpOwned.get()));
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "scannable fingerprint"));
    out.scannable = crypto::takeBuffer(scannable);
    return out;
}

bool SafetyNumber::scannedMatches(crypto::SignalContext &context, const QByteArray &ours, const QByteArray &theirs)
{
    crypto::Adopt<scannable_fingerprint> a, b;
    if (scannable_fingerprint_deserialize(a.out(), reinterpret_cast<const uint8_t *>(ours.constData()), size_t(ours.size()), context.get()) != SG_SUCCESS
        || scannable_fingerprint_deserialize(b.out(), reinterpret_cast<const uint8_t *>(theirs.constData()), size_t(theirs.size()), context.get()) != SG_SUCCESS)
        return false;
    auto ao = a.take();
    auto bo = b.take();
    return scannable_fingerprint_compare(ao.get(), bo.get()) == 1;
}

} // namespace sotto::protocol
