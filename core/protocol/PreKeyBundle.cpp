// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/PreKeyBundle.h"

#include "core/crypto/SignalHandles.h"
#include "core/protocol/PreKeyBundle.pb.h"

#include <signal/curve.h>
#include <signal/session_pre_key.h>

namespace sotto::protocol {
namespace {

std::string toStd(const QByteArray &b) { return std::string(b.constData(), size_t(b.size())); }
QByteArray fromStd(const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); }

Error invalid(const char *what) { return {Errc::InvalidMessage, QStringLiteral("bundle: %1").arg(QLatin1String(what))}; }

QByteArray publicKeyOf(ec_key_pair *pair)
{
    signal_buffer *b = nullptr;
    if (ec_public_key_serialize(&b, ec_key_pair_get_public(pair)) != SG_SUCCESS)
        return {};
    return crypto::takeBuffer(b);
}

} // namespace

QByteArray PreKeyBundle::serialize() const
{
    wire::PreKeyBundleMessage m;
    m.set_registration_id(registrationId);
    m.set_device_id(std::uint32_t(deviceId));
    m.set_pre_key_id(preKeyId);
    m.set_pre_key(toStd(preKey));
    m.set_signed_pre_key_id(signedPreKeyId);
    m.set_signed_pre_key(toStd(signedPreKey));
    m.set_signed_pre_key_signature(toStd(signedPreKeySignature));
    m.set_identity_key(toStd(identityKey));
    m.set_peer_id(peer.toStdString());
    return fromStd(m.SerializeAsString());
}

std::expected<PreKeyBundle, Error> PreKeyBundle::parse(const QByteArray &bytes)
{
    if (bytes.size() > MaxSerializedSize)
        return std::unexpected(invalid("too large"));
    wire::PreKeyBundleMessage m;
    if (!m.ParseFromArray(bytes.constData(), int(bytes.size())))
        return std::unexpected(invalid("does not parse"));
    PreKeyBundle b;
    b.peer = PeerId::fromString(QString::fromStdString(m.peer_id()));
    b.registrationId = m.registration_id();
    b.deviceId = std::int32_t(m.device_id());
    b.preKeyId = m.pre_key_id();
    b.preKey = fromStd(m.pre_key());
    b.signedPreKeyId = m.signed_pre_key_id();
    b.signedPreKey = fromStd(m.signed_pre_key());
    b.signedPreKeySignature = fromStd(m.signed_pre_key_signature());
    b.identityKey = fromStd(m.identity_key());
    if (!b.peer.isValid())
        return std::unexpected(invalid("bad peer id"));
    if (b.deviceId != 1)
        return std::unexpected(invalid("bad device id"));
    if (b.identityKey.size() != 33 || b.signedPreKey.size() != 33 || b.signedPreKeySignature.size() != 64)
        return std::unexpected(invalid("bad key size"));
    if (!b.preKey.isEmpty() && b.preKey.size() != 33)
        return std::unexpected(invalid("bad prekey size"));
    // Self-certifying ids: a bundle speaks for the PeerId of its own identity key only.
    if (!b.peer.isIdOf(b.identityKey))
        return std::unexpected(invalid("peer id is not the one of its identity key"));
    if (b.preKey.isEmpty() != (b.preKeyId == 0))
        return std::unexpected(invalid("prekey id without key"));
    return b;
}

std::expected<PreKeyBundle, Error> buildOwnBundle(crypto::SignalContext &context, ProtocolStore &store)
{
    std::optional<LocalIdentityRecord> local = store.localIdentity();
    std::vector<SignedPreKeyInfo> signedKeys = store.signedPreKeys();
    if (!local || signedKeys.empty())
        return std::unexpected(Error{Errc::Internal, QStringLiteral("profile has no identity or signed prekey")});

    PreKeyBundle b;
    b.peer = local->peer;
    b.registrationId = local->registrationId;
    b.identityKey = local->publicKey;

    std::optional<QByteArray> signedRecord = store.loadSignedPreKey(signedKeys.front().id);
    if (!signedRecord)
        return std::unexpected(Error{Errc::Internal, QStringLiteral("signed prekey missing")});
    crypto::Adopt<session_signed_pre_key> signedKey;
    int rc = session_signed_pre_key_deserialize(signedKey.out(), reinterpret_cast<const uint8_t *>(signedRecord->constData()),
                                                size_t(signedRecord->size()), context.get());
    crypto::wipe(*signedRecord);
    if (rc != SG_SUCCESS)
        return std::unexpected(Error::fromSignal(rc, "signed prekey"));
    auto signedOwned = signedKey.take();
    b.signedPreKeyId = session_signed_pre_key_get_id(signedOwned.get());
    b.signedPreKey = publicKeyOf(session_signed_pre_key_get_key_pair(signedOwned.get()));
    b.signedPreKeySignature = QByteArray(reinterpret_cast<const char *>(session_signed_pre_key_get_signature(signedOwned.get())),
                                         qsizetype(session_signed_pre_key_get_signature_len(signedOwned.get())));

    if (std::optional<std::uint32_t> id = store.takeFreshPreKeyId()) {
        std::optional<QByteArray> record = store.loadPreKey(*id);
        if (!record)
            return std::unexpected(Error{Errc::Internal, QStringLiteral("prekey missing")});
        crypto::Adopt<session_pre_key> preKey;
        rc = session_pre_key_deserialize(preKey.out(), reinterpret_cast<const uint8_t *>(record->constData()),
                                         size_t(record->size()), context.get());
        crypto::wipe(*record);
        if (rc != SG_SUCCESS)
            return std::unexpected(Error::fromSignal(rc, "prekey"));
        auto preKeyOwned = preKey.take();
        b.preKeyId = *id;
        b.preKey = publicKeyOf(session_pre_key_get_key_pair(preKeyOwned.get()));
    }
    return b;
}

} // namespace sotto::protocol
