// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/InteropHarness.h"

#include "core/protocol/PreKeyBundle.h"

#include <QJsonArray>

namespace sotto::interop {
namespace {

QJsonObject failure(const QString &code, const QString &reason) { return {{"ok", false}, {"code", code}, {"reason", reason}}; }

QString codeName(messenger::Errc code)
{
    using E = messenger::Errc;
    switch (code) {
    case E::Storage: return QStringLiteral("storage");
    case E::NoSession: return QStringLiteral("no_session");
    case E::UnknownContact: return QStringLiteral("unknown_contact");
    case E::UntrustedKey: return QStringLiteral("untrusted_key");
    case E::Blocked: return QStringLiteral("blocked");
    case E::Duplicate: return QStringLiteral("duplicate");
    case E::InvalidMessage: return QStringLiteral("invalid_message");
    case E::InvalidInput: return QStringLiteral("invalid_input");
    case E::NotFound: return QStringLiteral("not_found");
    case E::NotAllowed: return QStringLiteral("not_allowed");
    case E::Deferred: return QStringLiteral("deferred");
    case E::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QJsonObject failure(const messenger::Error &e) { return failure(codeName(e.code), e.reason); }

QString b64(const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); }
QByteArray unb64(const QJsonValue &v) { return QByteArray::fromBase64(v.toString().toLatin1()); }
QString hex(const QByteArray &bytes) { return QString::fromLatin1(bytes.toHex()); }

} // namespace

InteropHarness::InteropHarness()
{
    storage::ProfileOptions options;
    options.kdf = storage::Vault::Strength::FastForTests; // a throw-away profile
    const QByteArray pass("interop harness");
    auto created = storage::Profile::create(m_dir.filePath(QStringLiteral("profile")), QStringLiteral("sotto"),
                                            crypto::SecretBytes(pass.constData(), size_t(pass.size())), m_context, options);
    if (!created)
        return;
    m_profile = std::move(*created);
    m_messenger = std::make_unique<messenger::Messenger>(m_context, *m_profile);
}

QJsonObject InteropHarness::handle(const QJsonObject &command)
{
    const QString cmd = command.value("cmd").toString();
    if (cmd == "bundle")
        return bundle();
    if (cmd == "start_session")
        return startSession(command);
    if (cmd == "accept_request")
        return acceptRequest(command);
    if (cmd == "send")
        return send(command);
    if (cmd == "receive")
        return receive(command);
    return failure(QStringLiteral("bad_command"), QStringLiteral("unknown command"));
}

// Our bundle, exactly as a BundleResponse carries it, split into fields for the driver.
QJsonObject InteropHarness::bundle()
{
    auto serialized = m_messenger->bundle();
    if (!serialized)
        return failure(serialized.error());
    auto b = protocol::PreKeyBundle::parse(*serialized);
    if (!b)
        return failure(QStringLiteral("internal"), b.error().reason);
    return {{"ok", true},
            {"peer", b->peer.toString()},
            {"registration_id", qint64(b->registrationId)},
            {"device_id", b->deviceId},
            {"pre_key_id", qint64(b->preKeyId)},
            {"pre_key", b64(b->preKey)},
            {"signed_pre_key_id", qint64(b->signedPreKeyId)},
            {"signed_pre_key", b64(b->signedPreKey)},
            {"signed_pre_key_signature", b64(b->signedPreKeySignature)},
            {"identity_key", b64(b->identityKey)}};
}

// What the node does for a peer on a proven link: remember its key (trust on first use),
// then, if given a bundle, run X3DH from it (Messenger::startSession checks that the
// bundle is the peer's and carries the proven key).
QJsonObject InteropHarness::startSession(const QJsonObject &c)
{
    protocol::PreKeyBundle b;
    b.peer = protocol::PeerId::fromString(c.value("peer").toString());
    b.identityKey = unb64(c.value("identity_key"));
    if (!b.peer.isValid())
        return failure(QStringLiteral("invalid_input"), QStringLiteral("bad peer id"));
    auto remembered = m_messenger->rememberPeer(b.peer, b.identityKey, QStringLiteral("signal"), {}, 0);
    if (!remembered)
        return failure(remembered.error());
    if (!c.contains("signed_pre_key"))
        return {{"ok", true}};
    b.registrationId = std::uint32_t(c.value("registration_id").toInteger());
    b.deviceId = c.value("device_id").toInt();
    b.preKeyId = std::uint32_t(c.value("pre_key_id").toInteger());
    b.preKey = unb64(c.value("pre_key"));
    b.signedPreKeyId = std::uint32_t(c.value("signed_pre_key_id").toInteger());
    b.signedPreKey = unb64(c.value("signed_pre_key"));
    b.signedPreKeySignature = unb64(c.value("signed_pre_key_signature"));
    if (auto started = m_messenger->startSession(b.peer, b.identityKey, b.serialize()); !started)
        return failure(started.error());
    return {{"ok", true}};
}

// The user accepts the peer's message request (Messenger::acceptRequest): from then on
// what it sends gets delivery receipts, and the receipts withheld so far are sealed.
QJsonObject InteropHarness::acceptRequest(const QJsonObject &c)
{
    auto accepted = m_messenger->acceptRequest(protocol::PeerId::fromString(c.value("peer").toString()));
    if (!accepted)
        return failure(accepted.error());
    return {{"ok", true}, {"receipts", *accepted}};
}

// A text as the app sends it: stored, Content built, padded, sealed into the outbox.
QJsonObject InteropHarness::send(const QJsonObject &c)
{
    const protocol::PeerId peer = protocol::PeerId::fromString(c.value("peer").toString());
    auto envelope = m_messenger->sendText(peer, c.value("body").toString());
    if (!envelope)
        return failure(envelope.error());
    if (!envelope->sealed())
        return failure(QStringLiteral("no_session"), QStringLiteral("queued unsealed"));
    std::optional<storage::MessageRecord> record = m_messenger->history().message(envelope->messageId);
    if (!record)
        return failure(QStringLiteral("internal"), QStringLiteral("sent message not stored"));
    m_lastReportedOutboxId = std::max(m_lastReportedOutboxId, envelope->outboxId);
    return {{"ok", true},
            {"kind", int(envelope->message.kind)},
            {"bytes", b64(envelope->message.bytes)},
            {"id", hex(record->uuid)},
            {"sent_at", qint64(record->sentAt)}};
}

// A ciphertext as the node receives it: decrypted, checked, stored with its receipt.
QJsonObject InteropHarness::receive(const QJsonObject &c)
{
    const protocol::PeerId peer = protocol::PeerId::fromString(c.value("peer").toString());
    protocol::CipherMessage message{protocol::MessageKind(c.value("kind").toInt()), unb64(c.value("bytes"))};
    auto incoming = m_messenger->receive(peer, message);
    if (!incoming)
        return failure(incoming.error());
    QJsonObject out{{"ok", true}, {"duplicate", incoming->duplicate}};
    using K = messenger::Incoming::Kind;
    switch (incoming->kind) {
    case K::Text: out["incoming"] = "text"; break;
    case K::Receipt: out["incoming"] = "receipt"; break;
    case K::Update: out["incoming"] = "update"; break;
    case K::Typing: out["incoming"] = "typing"; break;
    case K::Ignored: out["incoming"] = "ignored"; break;
    }
    if (incoming->message) {
        out["body"] = incoming->message->body;
        out["id"] = hex(incoming->message->uuid);
        out["sent_at"] = qint64(incoming->message->sentAt);
    }
    QJsonArray acknowledged;
    for (const QByteArray &id : incoming->acknowledged)
        acknowledged.append(hex(id));
    out["acknowledged"] = acknowledged;
    out["sealed"] = newlySealed(peer);
    return out;
}

QJsonArray InteropHarness::newlySealed(const protocol::PeerId &peer)
{
    QJsonArray sealed;
    for (const storage::OutboxEntry &e : m_profile->outbox().pending(peer, m_lastReportedOutboxId, 512)) {
        m_lastReportedOutboxId = std::max(m_lastReportedOutboxId, e.id);
        sealed.append(QJsonObject{{"kind", e.kind}, {"bytes", b64(e.ciphertext)}});
    }
    return sealed;
}

} // namespace sotto::interop
