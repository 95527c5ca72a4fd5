// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/HeadlessSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <unistd.h>

namespace sotto::app {
namespace {

constexpr qsizetype MaxCommandLine = 1 << 20;

QJsonObject error(const QString &id, const QString &code, const QString &reason)
{
    return {{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("id"), id},
            {QStringLiteral("code"), code}, {QStringLiteral("reason"), reason}};
}

QString stateName(storage::MessageState s)
{
    switch (s) {
    case storage::MessageState::Queued: return QStringLiteral("queued");
    case storage::MessageState::Sent: return QStringLiteral("sent");
    case storage::MessageState::Delivered: return QStringLiteral("delivered");
    case storage::MessageState::Read: return QStringLiteral("read");
    case storage::MessageState::Failed: return QStringLiteral("failed");
    case storage::MessageState::Received: return QStringLiteral("received");
    }
    return QStringLiteral("unknown");
}

QJsonObject messageJson(const storage::MessageRecord &m)
{
    return {{QStringLiteral("id"), QString::fromLatin1(m.uuid.toHex())},
            {QStringLiteral("conversation"), double(m.conversationId)},
            {QStringLiteral("from"), m.sender.toString()},
            {QStringLiteral("outgoing"), m.outgoing},
            {QStringLiteral("body"), m.body},
            {QStringLiteral("sent_at"), double(m.sentAt)},
            {QStringLiteral("state"), stateName(m.state)}};
}

} // namespace

HeadlessSession::HeadlessSession(QString profileDir, crypto::SecretBytes passphrase, bool fastKdf, QObject *parent)
    : QObject(parent)
    , m_profileDir(std::move(profileDir))
    , m_passphrase(std::move(passphrase))
    , m_fastKdf(fastKdf)
{
}

void HeadlessSession::start()
{
    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &HeadlessSession::readCommands);
    emitLine({{QStringLiteral("event"), QStringLiteral("ready")},
              {QStringLiteral("profile_exists"), storage::Profile::exists(m_profileDir)}});
}

void HeadlessSession::emitLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    ::write(STDOUT_FILENO, line.constData(), size_t(line.size()));
}

void HeadlessSession::readCommands()
{
    char chunk[65536];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_stdin->setEnabled(false);
        QCoreApplication::quit();
        return;
    }
    m_buffer.append(chunk, qsizetype(n));
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            emitLine(error({}, QStringLiteral("bad_command"), QStringLiteral("not a JSON object")));
            continue;
        }
        QJsonObject reply = handle(doc.object());
        if (!reply.isEmpty())
            emitLine(reply);
    }
    if (m_buffer.size() > MaxCommandLine) {
        m_buffer.clear();
        emitLine(error({}, QStringLiteral("bad_command"), QStringLiteral("command line too long")));
    }
}

QJsonObject HeadlessSession::requireMessenger() const
{
    if (!m_messenger)
        return error({}, QStringLiteral("locked"), QStringLiteral("create or unlock the profile first"));
    return {};
}

QJsonObject HeadlessSession::handle(const QJsonObject &command)
{
    const QString cmd = command.value(QStringLiteral("cmd")).toString();
    const QString id = command.value(QStringLiteral("id")).toString();
    auto ok = [&id](QJsonObject fields) {
        fields.insert(QStringLiteral("event"), QStringLiteral("ok"));
        fields.insert(QStringLiteral("id"), id);
        return fields;
    };

    if (cmd == QLatin1String("quit")) {
        QCoreApplication::quit();
        return ok({});
    }
    if (cmd == QLatin1String("create") || cmd == QLatin1String("unlock")) {
        if (m_messenger)
            return error(id, QStringLiteral("already_open"), QStringLiteral("the profile is already open"));
        std::expected<std::unique_ptr<storage::Profile>, storage::Error> profile;
        if (cmd == QLatin1String("create")) {
            storage::ProfileOptions options;
            options.kdf = m_fastKdf ? storage::Vault::Strength::FastForTests : storage::Vault::Strength::Moderate;
            profile = storage::Profile::create(m_profileDir, command.value(QStringLiteral("name")).toString(), m_passphrase,
                                               m_context, options);
        } else {
            profile = storage::Profile::unlock(m_profileDir, m_passphrase);
        }
        if (!profile)
            return error(id, cmd == QLatin1String("create") ? QStringLiteral("create_failed") : QStringLiteral("unlock_failed"),
                         profile.error().reason);
        m_profile = std::move(*profile);
        m_messenger = std::make_unique<messenger::Messenger>(m_context, *m_profile);
        return ok({{QStringLiteral("peer"), m_profile->peerId().toString()}});
    }
    if (QJsonObject locked = requireMessenger(); !locked.isEmpty()) {
        locked.insert(QStringLiteral("id"), id);
        return locked;
    }
    if (cmd == QLatin1String("whoami")) {
        return ok({{QStringLiteral("peer"), m_profile->peerId().toString()},
                   {QStringLiteral("name"), m_profile->displayName()},
                   {QStringLiteral("identity_key"), QString::fromLatin1(m_profile->identityKey().toHex())}});
    }
    if (cmd == QLatin1String("bundle")) {
        auto bundle = m_messenger->bundle();
        if (!bundle)
            return error(id, QStringLiteral("bundle_failed"), bundle.error().reason);
        return ok({{QStringLiteral("bundle"), QString::fromLatin1(bundle->toBase64())}});
    }
    if (cmd == QLatin1String("history")) {
        const auto peer = protocol::PeerId::fromString(command.value(QStringLiteral("peer")).toString());
        auto conversation = m_profile->messages().conversationFor(peer);
        if (!peer.isValid() || !conversation)
            return error(id, QStringLiteral("bad_peer"), QStringLiteral("unknown peer"));
        QJsonArray messages;
        for (const auto &m : m_profile->messages().page(*conversation, std::nullopt,
                                                        std::clamp(command.value(QStringLiteral("limit")).toInt(50), 1, 500)))
            messages.append(messageJson(m));
        return ok({{QStringLiteral("messages"), messages}});
    }
    return error(id, QStringLiteral("unknown_command"), QStringLiteral("unknown command: %1").arg(cmd.left(40)));
}

} // namespace sotto::app
