// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/HeadlessSession.h"

#include "app/HeadlessCommand.h"

#include "core/crypto/ChunkSealer.h"
#include "core/messenger/FileNames.h"
#include "core/messenger/Queries.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace sotto::app {
namespace {

using protocol::PeerId;

// A command's "conversation" as handleGroup reads it (0 when it is not a number).
std::int64_t groupConversation(const QJsonObject &command)
{
    const QJsonValue value = command.value(QStringLiteral("conversation"));
    return value.isDouble() ? qint64(value.toDouble()) : 0;
}

QJsonObject error(const QString &id, const QString &code, const QString &reason)
{
    return {{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("id"), id},
            {QStringLiteral("code"), code}, {QStringLiteral("reason"), reason}};
}

QString errorCode(messenger::Errc code)
{
    switch (code) {
    case messenger::Errc::Storage: return QStringLiteral("storage");
    case messenger::Errc::NoSession: return QStringLiteral("no_session");
    case messenger::Errc::UnknownContact: return QStringLiteral("unknown_contact");
    case messenger::Errc::UntrustedKey: return QStringLiteral("untrusted_key");
    case messenger::Errc::Blocked: return QStringLiteral("blocked");
    case messenger::Errc::Duplicate: return QStringLiteral("duplicate");
    case messenger::Errc::InvalidMessage: return QStringLiteral("invalid_message");
    case messenger::Errc::InvalidInput: return QStringLiteral("invalid_input");
    case messenger::Errc::NotFound: return QStringLiteral("not_found");
    case messenger::Errc::NotAllowed: return QStringLiteral("not_allowed");
    case messenger::Errc::Deferred: return QStringLiteral("deferred");
    case messenger::Errc::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

// "Visible to" as headless commands and replies name it.
QString visibleTo(bool contactsOnly) { return contactsOnly ? QStringLiteral("contacts") : QStringLiteral("everyone"); }

} // namespace

// An attachment as messages and transfer_progress show it (never its key). Keys sorted,
// as QJsonDocument writes them.
void writeAttachment(JsonWriter &w, const storage::AttachmentRecord &a)
{
    const std::uint64_t done = std::min<std::uint64_t>(a.size, a.chunksDone * crypto::ChunkSealer::ChunkSize);
    w.beginObject().field("bytes_done", std::int64_t(a.state == storage::AttachmentState::Done ? a.size : done));
    if (!a.error.isEmpty())
        w.field("error", QStringView(a.error));
    w.field("id", QLatin1StringView(a.fileId.toHex()))
        .field("mime", QStringView(messenger::safeMimeType(a.mime)))
        .field("name", QStringView(messenger::safeFileName(a.name)))
        .field("sha256", QLatin1StringView(a.sha256.toHex()))
        .field("size", std::int64_t(a.size))
        .field("state", QStringView(storage::attachmentStateName(a.state)));
    // Its size only: the picture is the GUI's to show (and a peer's bytes, kept out of logs).
    if (!a.thumbnail.isEmpty())
        w.field("thumbnail_bytes", a.thumbnail.size());
    w.endObject();
}

// The whole message, as every event and history entry shows it. Keys sorted, as
// QJsonDocument writes them. `extras`: its reactions, read with it (a page's in one query).
void writeMessage(JsonWriter &w, const storage::MessageRecord &m, const messenger::MessageExtras &extras)
{
    w.beginObject();
    if (extras.attachment)
        writeAttachment(w.key("attachment"), *extras.attachment);
    w.field("body", QStringView(m.body))
        .field("conversation", m.conversationId)
        .field("deleted", m.deleted)
        .field("edited", m.editedAt != 0);
    if (m.expiresAt)
        w.field("expires_at", m.expiresAt);
    else
        w.key("expires_at").null();
    w.field("expires_in", m.expiresIn)
        .field("from", QStringView(m.sender.toString()))
        .field("id", QLatin1StringView(m.uuid.toHex()))
        .field("kind", m.kind == storage::MessageKind::Unsupported    ? QLatin1StringView("unsupported")
                       : m.kind == storage::MessageKind::TimerChanged ? QLatin1StringView("timer")
                       : m.kind == storage::MessageKind::Attachment   ? QLatin1StringView("attachment")
                                                                      : QLatin1StringView("text"))
        .field("outgoing", m.outgoing)
        .key("reactions")
        .beginArray();
    for (const messenger::Reaction &r : extras.reactions)
        w.beginObject().field("emoji", QStringView(r.emoji)).field("peer", QStringView(r.reactor.toString())).endObject();
    w.endArray();
    if (m.replyTo.isEmpty())
        w.key("reply_to").null();
    else
        w.field("reply_to", QLatin1StringView(m.replyTo.toHex()));
    w.field("row", m.id).field("sent_at", m.sentAt).field("state", QStringView(storage::messageStateName(m.state)));
    if (m.kind == storage::MessageKind::TimerChanged)
        w.field("timer", m.body.toInt()); // the seconds it was set to
    w.endObject();
}

namespace {

// What a writer made, as an object for the replies that are built as QJsonObject.
QJsonObject asObject(JsonWriter &w) { return QJsonDocument::fromJson(w.take()).object(); }

} // namespace

QJsonObject attachmentJson(const storage::AttachmentRecord &a)
{
    JsonWriter w;
    writeAttachment(w, a);
    return asObject(w);
}

QJsonObject messageJson(const storage::MessageRecord &m, const messenger::MessageExtras &extras)
{
    JsonWriter w;
    writeMessage(w, m, extras);
    return asObject(w);
}

HeadlessSession::HeadlessSession(QString profileDir, crypto::SecretBytes passphrase, bool fastKdf, messenger::NodeOptions options,
                                 QObject *parent)
    : QObject(parent)
    , m_profileDir(std::move(profileDir))
    , m_passphrase(std::move(passphrase))
    , m_fastKdf(fastKdf)
    , m_options(std::move(options))
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
    writeOut(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

void HeadlessSession::emitLine(JsonWriter &line)
{
    QByteArray bytes = line.take();
    bytes += '\n';
    writeOut(bytes);
}

void HeadlessSession::writeOut(const QByteArray &bytes)
{
    // Every line reaches the script: a signal (EINTR) or a full pipe the script's side made
    // non-blocking (EAGAIN, e.g. a pipe shared with a Node.js parent) waits and goes on; a
    // reply lost there would leave the script waiting for it. Only a closed pipe ends it.
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd out{STDOUT_FILENO, POLLOUT, 0};
            (void)::poll(&out, 1, -1);
            continue;
        }
        if (n <= 0)
            return;
        written += n;
    }
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
    // Each line becomes a checked command or the bad_command error that answers it, in order.
    std::vector<std::expected<QJsonObject, QJsonObject>> items;
    for (HeadlessLineReader::Line &line : m_lines.feed(QByteArrayView(chunk, qsizetype(n)))) {
        if (line.tooLong) {
            items.push_back(std::unexpected(error({}, QStringLiteral("bad_command"),
                                                  QStringLiteral("command line too long (over %1 bytes)").arg(MaxCommandLine))));
            continue;
        }
        const QByteArray text = line.text.trimmed();
        if (text.isEmpty())
            continue;
        auto command = parseCommand(text);
        if (!command)
            items.push_back(std::unexpected(error(command.error().id, QStringLiteral("bad_command"), command.error().reason)));
        else
            items.push_back(std::move(*command));
    }
    // Runs of "send" that arrived together are committed together (group commit), to a
    // peer or to a group (the commit was most of a group send's CPU); every other command
    // runs on its own, in order.
    const auto batchable = [this](const std::expected<QJsonObject, QJsonObject> &item) {
        if (!m_node || !item || item->value(QStringLiteral("cmd")) != QLatin1String("send"))
            return false;
        if (item->contains(QStringLiteral("conversation")))
            return !item->contains(QStringLiteral("peer")) && m_node->messenger().isGroup(groupConversation(*item));
        return protocol::PeerId::fromString(item->value(QStringLiteral("peer")).toString()).isValid();
    };
    for (std::size_t i = 0; i < items.size();) {
        std::size_t end = i;
        while (end < items.size() && batchable(items[end]))
            ++end;
        if (end - i > 1) {
            std::vector<QJsonObject> sends;
            for (std::size_t k = i; k < end; ++k)
                sends.push_back(*items[k]);
            sendBatch(sends);
            i = end;
            continue;
        }
        const auto &item = items[i++];
        if (!item) {
            emitLine(item.error());
            continue;
        }
        QJsonObject reply = handle(*item);
        if (!reply.isEmpty())
            emitLine(reply);
    }
}

void HeadlessSession::wireEvents()
{
    using messenger::Node;
    connect(m_node.get(), &Node::peerOnline, this, [this](const PeerId &peer, const QString &name) {
        emitLine({{QStringLiteral("event"), QStringLiteral("peer_online")}, {QStringLiteral("peer"), peer.toString()},
                  {QStringLiteral("name"), name}});
    });
    connect(m_node.get(), &Node::peerOffline, this, [this](const PeerId &peer) {
        emitLine({{QStringLiteral("event"), QStringLiteral("peer_offline")}, {QStringLiteral("peer"), peer.toString()}});
    });
    connect(m_node.get(), &Node::peerDiscovered, this, [this](const messenger::NearbyPeer &peer) {
        emitLine({{QStringLiteral("event"), QStringLiteral("peer_discovered")}, {QStringLiteral("peer"), peer.peer.toString()},
                  {QStringLiteral("name"), peer.displayName}, {QStringLiteral("address"), peer.address.toString()},
                  {QStringLiteral("port"), int(peer.port)},
                  {QStringLiteral("beacon"), peer.contactsOnly ? QStringLiteral("contacts") : QStringLiteral("everyone")}});
    });
    // The hot lines (a message in, a state change) are written directly (JsonWriter.h).
    connect(m_node.get(), &Node::messageReceived, this, [this](const storage::MessageRecord &m) {
        JsonWriter w;
        w.beginObject().field("event", QLatin1StringView("message_received")).key("message");
        writeMessage(w, m, messenger::Queries(*m_node).extras(m));
        // "request": from a stranger not accepted yet (no receipt went back).
        w.field("request", !m.outgoing && !m_node->messenger().isAccepted(m.sender)).endObject();
        emitLine(w);
    });
    connect(m_node.get(), &Node::messageRequest, this, [this](const PeerId &peer, std::int64_t conversation) {
        emitLine({{QStringLiteral("event"), QStringLiteral("message_request")}, {QStringLiteral("peer"), peer.toString()},
                  {QStringLiteral("name"), messenger::Queries(*m_node).nameOf(peer)},
                  {QStringLiteral("conversation"), double(conversation)}});
    });
    connect(m_node.get(), &Node::messageStateChanged, this, [this](const QByteArray &uuid, storage::MessageState state) {
        JsonWriter w;
        w.beginObject()
            .field("event", QLatin1StringView("message_state"))
            .field("message", QLatin1StringView(uuid.toHex()))
            .field("state", QStringView(storage::messageStateName(state)))
            .endObject();
        emitLine(w);
    });
    connect(m_node.get(), &Node::memberStateChanged, this, [this](const QByteArray &uuid, storage::MessageState state, const PeerId &member) {
        JsonWriter w;
        w.beginObject()
            .field("event", QLatin1StringView("message_state"))
            .field("message", QLatin1StringView(uuid.toHex()))
            .field("peer", QStringView(member.toString()))
            .field("state", QStringView(storage::messageStateName(state)))
            .endObject();
        emitLine(w);
    });
    connect(m_node.get(), &Node::messageUpdated, this, [this](const storage::MessageRecord &m) {
        emitLine({{QStringLiteral("event"), QStringLiteral("message_updated")}, {QStringLiteral("message"), messageJson(m, messenger::Queries(*m_node).extras(m))}});
    });
    connect(m_node.get(), &Node::messageRemoved, this, [this](const storage::MessageRecord &m) {
        emitLine({{QStringLiteral("event"), QStringLiteral("message_removed")}, {QStringLiteral("message"), QString::fromLatin1(m.uuid.toHex())},
                  {QStringLiteral("conversation"), double(m.conversationId)}});
    });
    connect(m_node.get(), &Node::conversationUpdated, this, [this](std::int64_t id) {
        messenger::Queries queries(*m_node);
        const std::optional<messenger::ConversationInfo> c = queries.conversation(id);
        if (!c)
            return;
        emitLine({{QStringLiteral("event"), QStringLiteral("conversation_updated")},
                  {QStringLiteral("conversation"), QJsonObject{{QStringLiteral("id"), double(c->id)},
                                                               {QStringLiteral("peer"), c->peer.toString()},
                                                               {QStringLiteral("unread"), c->unread},
                                                               {QStringLiteral("timer"), c->timer},
                                                               {QStringLiteral("draft"), c->draft}}}});
    });
    connect(m_node.get(), &Node::typingChanged, this, [this](const PeerId &peer, bool typing) {
        auto conversation = messenger::Queries(*m_node).findConversation(peer);
        emitLine({{QStringLiteral("event"), QStringLiteral("typing")},
                  {QStringLiteral("conversation"), conversation ? double(*conversation) : 0.0},
                  {QStringLiteral("peer"), peer.toString()},
                  {QStringLiteral("typing"), typing}});
    });
    connect(m_node.get(), &Node::groupTypingChanged, this, [this](std::int64_t conversation, const PeerId &peer, bool typing) {
        emitLine({{QStringLiteral("event"), QStringLiteral("typing")}, {QStringLiteral("conversation"), double(conversation)},
                  {QStringLiteral("peer"), peer.toString()}, {QStringLiteral("typing"), typing}});
    });
    connect(m_node.get(), &Node::namesakeFound, this, [this](const PeerId &peer, const PeerId &previous) {
        emitLine({{QStringLiteral("event"), QStringLiteral("namesake")},
                  {QStringLiteral("peer"), peer.toString()},
                  {QStringLiteral("previous"), previous.toString()}});
    });
    connect(m_node.get(), &Node::sessionReset, this, [this](const PeerId &peer) {
        emitLine({{QStringLiteral("event"), QStringLiteral("session_reset")}, {QStringLiteral("peer"), peer.toString()}});
    });
    connect(m_node.get(), &Node::contactMerged, this, [this](const PeerId &previous, const PeerId &into, std::int64_t conversation) {
        emitLine({{QStringLiteral("event"), QStringLiteral("contact_merged")},
                  {QStringLiteral("previous"), previous.toString()},
                  {QStringLiteral("peer"), into.toString()},
                  {QStringLiteral("conversation"), double(conversation)}});
    });
    connect(m_node.get(), &Node::errorOccurred, this, [this](const QString &code, const QString &reason) {
        emitLine(error({}, code, reason));
    });
}

QJsonObject HeadlessSession::open(const QString &cmd, const QJsonObject &command)
{
    const QString id = command.value(QStringLiteral("id")).toString();
    if (m_node)
        return error(id, QStringLiteral("already_open"), QStringLiteral("the profile is already open"));
    std::expected<std::unique_ptr<storage::Profile>, storage::Error> profile;
    if (cmd == QLatin1String("create")) {
        const QString name = command.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty() || name.size() > 64)
            return error(id, QStringLiteral("invalid_input"), QStringLiteral("a display name has 1 to 64 characters"));
        storage::ProfileOptions options;
        options.kdf = m_fastKdf ? storage::Vault::Strength::FastForTests : storage::Vault::Strength::Moderate;
        profile = storage::Profile::create(m_profileDir, name, m_passphrase, m_context, options);
    } else {
        profile = storage::Profile::unlock(m_profileDir, m_passphrase);
    }
    if (!profile)
        return error(id, cmd == QLatin1String("create") ? QStringLiteral("create_failed") : QStringLiteral("unlock_failed"),
                     profile.error().reason);
    m_passphrase.clear(); // not needed any more while we run
    m_profile = std::move(*profile);
    m_node = std::make_unique<messenger::Node>(m_context, *m_profile, m_options);
    wireEvents();
    wireGroupEvents();
    wireAttachmentEvents();
    auto port = m_node->start();
    if (!port)
        return error(id, QStringLiteral("start_failed"), port.error().reason);
    return {{QStringLiteral("event"), QStringLiteral("ok")}, {QStringLiteral("id"), id},
            {QStringLiteral("peer"), m_profile->peerId().toString()}, {QStringLiteral("port"), int(*port)}};
}

void HeadlessSession::sendBatch(const std::vector<QJsonObject> &commands)
{
    std::vector<messenger::Node::OutgoingText> texts;
    texts.reserve(commands.size());
    for (const QJsonObject &c : commands)
        texts.push_back({PeerId::fromString(c.value(QStringLiteral("peer")).toString()), c.value(QStringLiteral("body")).toString(),
                         c.contains(QStringLiteral("conversation")) ? groupConversation(c) : 0});
    const auto results = m_node->sendTexts(texts);
    QByteArray lines;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const QString id = commands[i].value(QStringLiteral("id")).toString();
        if (!results[i]) {
            lines += QJsonDocument(error(id, errorCode(results[i].error().code), results[i].error().reason)).toJson(QJsonDocument::Compact);
        } else {
            JsonWriter w;
            w.beginObject().field("event", QLatin1StringView("ok")).field("id", QStringView(id)).key("message");
            writeMessage(w, *results[i], {});
            lines += w.endObject().take();
        }
        lines += '\n';
    }
    writeOut(lines);
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
    auto fail = [&id](const messenger::Error &e) { return error(id, errorCode(e.code), e.reason); };

    if (cmd == QLatin1String("quit")) {
        QCoreApplication::quit();
        return ok({});
    }
    if (cmd == QLatin1String("create") || cmd == QLatin1String("unlock"))
        return open(cmd, command);
    if (!m_node)
        return error(id, QStringLiteral("locked"), QStringLiteral("create or unlock the profile first"));
    if (std::optional<QJsonObject> answer = handleGroup(cmd, command))
        return *answer;
    if (std::optional<QJsonObject> answer = handleAttachment(cmd, command))
        return *answer;

    messenger::Messenger &messenger = m_node->messenger();
    messenger::Queries queries(*m_node);
    // A 1:1 conversation is named by its peer or by its id ("conversation").
    PeerId peer = PeerId::fromString(command.value(QStringLiteral("peer")).toString());
    if (command.contains(QStringLiteral("conversation"))) {
        std::optional<messenger::ConversationInfo> c =
            queries.conversation(qint64(command.value(QStringLiteral("conversation")).toDouble()));
        if (!c)
            return error(id, QStringLiteral("not_found"), QStringLiteral("no such conversation"));
        peer = c->peer;
    }
    const bool needsPeer = cmd == QLatin1String("send") || cmd == QLatin1String("history") || cmd == QLatin1String("mark_read")
        || cmd == QLatin1String("safety_number") || cmd == QLatin1String("verify") || cmd == QLatin1String("merge_contact")
        || cmd == QLatin1String("dismiss_namesake")
        || cmd == QLatin1String("block") || cmd == QLatin1String("accept_request") || cmd == QLatin1String("delete_request")
        || cmd == QLatin1String("reply") || cmd == QLatin1String("typing")
        || cmd == QLatin1String("set_draft") || cmd == QLatin1String("draft") || cmd == QLatin1String("set_timer")
        || cmd == QLatin1String("open_conversation");
    if (needsPeer && !peer.isValid())
        return error(id, QStringLiteral("invalid_input"),
                     QStringLiteral("\"peer\" must be a peer id (32 hex digits), or \"conversation\" a conversation id"));
    // The message a command names: "message" (or "to", for a reply) is its id, 32 hex digits.
    const auto messageNamed = [&](const char *field) -> std::optional<storage::MessageRecord> {
        const QByteArray uuid = QByteArray::fromHex(command.value(QLatin1String(field)).toString().toLatin1());
        return uuid.size() == 16 ? queries.messageByUuid(uuid) : std::nullopt;
    };
    const auto noMessage = [&] { return error(id, QStringLiteral("not_found"), QStringLiteral("no such message")); };

    if (cmd == QLatin1String("whoami")) {
        return ok({{QStringLiteral("peer"), m_profile->peerId().toString()},
                   {QStringLiteral("name"), m_profile->displayName()},
                   {QStringLiteral("identity_key"), QString::fromLatin1(m_profile->identityKey().toHex())},
                   {QStringLiteral("port"), int(m_node->listenPort())},
                   {QStringLiteral("visible_to"), visibleTo(m_node->visibleToContactsOnly())}});
    }
    if (cmd == QLatin1String("set_visibility")) {
        const QString to = command.value(QStringLiteral("visible_to")).toString();
        if (to != QLatin1String("contacts") && to != QLatin1String("everyone"))
            return error(id, QStringLiteral("invalid_input"), QStringLiteral("\"visible_to\" is \"contacts\" or \"everyone\""));
        if (auto r = m_node->setVisibleToContactsOnly(to == QLatin1String("contacts")); !r)
            return fail(r.error());
        return ok({{QStringLiteral("visible_to"), visibleTo(m_node->visibleToContactsOnly())}});
    }
    if (cmd == QLatin1String("requests")) {
        QJsonArray list;
        for (const messenger::ConversationListRow &c : queries.conversationList()) {
            if (c.section != messenger::ListSection::Request)
                continue;
            list.append(QJsonObject{{QStringLiteral("peer"), c.peer.toString()},
                                    {QStringLiteral("name"), queries.contact(c.peer) ? queries.contact(c.peer)->displayName : QString()},
                                    {QStringLiteral("conversation"), double(c.conversationId)},
                                    {QStringLiteral("unread"), c.unread},
                                    {QStringLiteral("last_activity"), double(c.lastActivity)},
                                    {QStringLiteral("online"), c.online}});
        }
        return ok({{QStringLiteral("requests"), list}});
    }
    if (cmd == QLatin1String("accept_request") || cmd == QLatin1String("delete_request")) {
        auto r = cmd == QLatin1String("accept_request") ? m_node->acceptRequest(peer) : m_node->deleteRequest(peer);
        if (!r)
            return fail(r.error());
        return ok({});
    }
    if (cmd == QLatin1String("peers")) {
        QJsonArray list;
        QSet<QString> listed;
        for (const storage::ContactRecord &c : queries.contacts()) {
            listed.insert(c.peer.toString());
            QJsonObject entry{{QStringLiteral("peer"), c.peer.toString()},
                              {QStringLiteral("name"), c.displayName},
                              {QStringLiteral("contact"), true},
                              {QStringLiteral("trust"), protocol::trustStateName(c.trust)},
                              {QStringLiteral("accepted"), c.accepted},
                              {QStringLiteral("request"), messenger::isRequest(c, queries.hasMessages(c.peer))},
                              {QStringLiteral("online"), m_node->isOnline(c.peer)},
                              {QStringLiteral("linked"), m_node->isLinked(c.peer)}};
            if (std::optional<PeerId> other = messenger.namesake(c.peer))
                entry.insert(QStringLiteral("namesake"), other->toString()); // maybe the same person
            list.append(entry);
        }
        for (const messenger::NearbyPeer &n : m_node->nearby()) {
            if (listed.contains(n.peer.toString()))
                continue;
            list.append(QJsonObject{{QStringLiteral("peer"), n.peer.toString()},
                                    {QStringLiteral("name"), n.displayName},
                                    {QStringLiteral("contact"), false},
                                    {QStringLiteral("online"), m_node->isOnline(n.peer)},
                                    {QStringLiteral("linked"), m_node->isLinked(n.peer)}});
        }
        return ok({{QStringLiteral("peers"), list}});
    }
    if (cmd == QLatin1String("add_peer")) {
        const QString address = command.value(QStringLiteral("address")).toString();
        const qsizetype colon = address.lastIndexOf(u':');
        bool portOk = false;
        const uint port = colon > 0 ? address.mid(colon + 1).toUInt(&portOk) : 0;
        QHostAddress host(colon > 0 ? address.left(colon).remove(u'[').remove(u']') : QString());
        if (host.isNull() || !portOk || port == 0 || port > 65535)
            return error(id, QStringLiteral("invalid_input"), QStringLiteral("\"address\" must be host:port with a numeric host"));
        m_node->addPeerAddress(host, quint16(port));
        return ok({});
    }
    if (cmd == QLatin1String("send") || cmd == QLatin1String("reply")) {
        QByteArray replyTo;
        if (cmd == QLatin1String("reply")) {
            std::optional<storage::MessageRecord> quoted = messageNamed("to");
            if (!quoted)
                return noMessage();
            replyTo = quoted->uuid;
        }
        auto sent = m_node->sendText(peer, command.value(QStringLiteral("body")).toString(), replyTo);
        if (!sent)
            return fail(sent.error());
        return ok({{QStringLiteral("message"), messageJson(*sent, queries.extras(*sent))}});
    }
    if (cmd == QLatin1String("edit") || cmd == QLatin1String("delete") || cmd == QLatin1String("react")) {
        std::optional<storage::MessageRecord> target = messageNamed("message");
        if (!target)
            return noMessage();
        std::expected<storage::MessageRecord, messenger::Error> changed;
        if (cmd == QLatin1String("edit")) {
            changed = m_node->editText(target->id, command.value(QStringLiteral("body")).toString());
        } else if (cmd == QLatin1String("react")) {
            changed = m_node->react(target->id, command.value(QStringLiteral("emoji")).toString());
        } else {
            const QString scope = command.value(QStringLiteral("for")).toString();
            if (scope != QLatin1String("everyone") && scope != QLatin1String("me"))
                return error(id, QStringLiteral("invalid_input"), QStringLiteral("\"for\" is \"everyone\" or \"me\""));
            changed = m_node->deleteMessage(target->id, scope == QLatin1String("everyone"));
        }
        if (!changed)
            return fail(changed.error());
        return ok({{QStringLiteral("message"), messageJson(*changed, queries.extras(*changed))}});
    }
    if (cmd == QLatin1String("set_name")) {
        if (auto r = m_node->setDisplayName(command.value(QStringLiteral("name")).toString()); !r)
            return fail(r.error());
        return ok({{QStringLiteral("name"), m_profile->displayName()}});
    }
    if (cmd == QLatin1String("set_timer")) {
        auto notice = m_node->setTimer(peer, command.value(QStringLiteral("seconds")).toInt(-1));
        if (!notice)
            return fail(notice.error());
        return ok({{QStringLiteral("message"), messageJson(*notice, {})}});
    }
    if (cmd == QLatin1String("typing")) {
        const bool sent = m_node->sendTyping(peer, command.value(QStringLiteral("typing")).toBool(true));
        return ok({{QStringLiteral("sent"), sent}});
    }
    if (cmd == QLatin1String("set_draft") || cmd == QLatin1String("draft")) {
        if (cmd == QLatin1String("draft")) {
            const std::optional<std::int64_t> conversation = queries.findConversation(peer);
            return ok({{QStringLiteral("text"), conversation ? queries.draft(*conversation) : QString()}});
        }
        auto conversation = m_node->conversationWith(peer);
        if (!conversation)
            return fail(conversation.error());
        if (auto r = m_node->setDraft(*conversation, command.value(QStringLiteral("text")).toString()); !r)
            return fail(r.error());
        return ok({});
    }
    if (cmd == QLatin1String("history")) {
        const std::optional<std::int64_t> conversation = queries.findConversation(peer);
        std::optional<storage::HistoryCursor> before;
        if (command.contains(QStringLiteral("before"))) {
            if (auto m = queries.message(qint64(command.value(QStringLiteral("before")).toDouble())))
                before = storage::HistoryCursor{m->sentAt, m->id};
        }
        QJsonArray messages;
        const int limit = std::clamp(command.value(QStringLiteral("limit")).toInt(50), 1, 1000);
        // The reactions of the whole page in one query.
        const messenger::HistoryItems page = conversation ? queries.page(*conversation, before, limit) : messenger::HistoryItems{};
        for (const storage::MessageRecord &m : page.rows)
            messages.prepend(messageJson(m, page.extras.value(m.id)));
        return ok({{QStringLiteral("messages"), messages}});
    }
    if (cmd == QLatin1String("search")) {
        QJsonArray hits;
        const int limit = std::clamp(command.value(QStringLiteral("limit")).toInt(50), 1, 500);
        // Newest first; the next page is {"before": the last hit's row}.
        std::optional<std::int64_t> before;
        if (command.contains(QStringLiteral("before")))
            before = std::int64_t(command.value(QStringLiteral("before")).toDouble());
        for (const messenger::SearchResult &r : queries.search(command.value(QStringLiteral("query")).toString(), limit, before)) {
            const storage::SearchHit &hit = r.hit;
            hits.append(QJsonObject{{QStringLiteral("row"), double(hit.messageId)},
                                    {QStringLiteral("conversation"), double(hit.conversationId)},
                                    {QStringLiteral("peer"), r.peer.isValid() ? r.peer.toString() : QString()},
                                    {QStringLiteral("sent_at"), double(hit.sentAt)},
                                    {QStringLiteral("snippet"), QString(hit.snippet)
                                                                    .replace(storage::SnippetMatchStart, u'[')
                                                                    .replace(storage::SnippetMatchEnd, u']')}});
        }
        return ok({{QStringLiteral("hits"), hits}});
    }
    if (cmd == QLatin1String("open_conversation") || cmd == QLatin1String("close_conversation")) {
        m_node->setOpenConversation(cmd == QLatin1String("open_conversation") ? peer : PeerId());
        return ok({});
    }
    if (cmd == QLatin1String("mark_read")) {
        if (auto r = m_node->markRead(peer); !r)
            return fail(r.error());
        return ok({});
    }
    if (cmd == QLatin1String("safety_number")) {
        auto number = messenger.safetyNumber(peer);
        if (!number)
            return fail(number.error());
        return ok({{QStringLiteral("digits"), number->digits}, {QStringLiteral("grouped"), number->grouped()},
                   {QStringLiteral("scannable"), QString::fromLatin1(number->scannable.toBase64())}});
    }
    if (cmd == QLatin1String("verify")) {
        if (auto r = messenger.setVerified(peer, command.value(QStringLiteral("verified")).toBool(true)); !r)
            return fail(r.error());
        return ok({});
    }
    if (cmd == QLatin1String("block")) {
        if (auto r = m_node->setBlocked(peer, command.value(QStringLiteral("blocked")).toBool(true)); !r)
            return fail(r.error());
        return ok({});
    }
    // "Maybe Bob with a new key?": `previous` (the old contact) joins `peer` (the new one).
    if (cmd == QLatin1String("merge_contact")) {
        const PeerId previous = PeerId::fromString(command.value(QStringLiteral("previous")).toString());
        if (!previous.isValid())
            return error(id, QStringLiteral("invalid_input"), QStringLiteral("\"previous\" must be a peer id (32 hex digits)"));
        auto merged = m_node->mergeContact(previous, peer);
        if (!merged)
            return fail(merged.error());
        return ok({{QStringLiteral("conversation"), double(*merged)}});
    }
    if (cmd == QLatin1String("dismiss_namesake")) {
        if (auto r = messenger.dismissNamesake(peer); !r)
            return fail(r.error());
        return ok({});
    }
    return error(id, QStringLiteral("unknown_command"), QStringLiteral("unknown command: %1").arg(cmd.left(40)));
}

QJsonObject HeadlessSession::groupJson(std::int64_t conversationId, const messenger::GroupState &state)
{
    QJsonArray members, admins;
    for (const messenger::GroupMember &m : state.members) {
        members.append(m.peer.toString());
        if (m.admin)
            admins.append(m.peer.toString());
    }
    return {{QStringLiteral("conversation"), double(conversationId)},
            {QStringLiteral("name"), state.name},
            {QStringLiteral("admins"), admins},
            {QStringLiteral("members"), members},
            {QStringLiteral("epoch"), double(state.epoch)},
            {QStringLiteral("revision"), double(state.revision)}};
}

void HeadlessSession::wireGroupEvents()
{
    connect(m_node.get(), &messenger::Node::groupUpdated, this, [this](std::int64_t conversation) {
        auto state = m_node->messenger().groupState(conversation);
        if (!state)
            return;
        QJsonObject event = groupJson(conversation, *state);
        event.insert(QStringLiteral("event"), QStringLiteral("group_updated"));
        emitLine(event);
    });
}

// Nullopt: not a group command (a "send" to a 1:1 conversation goes on as before).
std::optional<QJsonObject> HeadlessSession::handleGroup(const QString &cmd, const QJsonObject &command)
{
    const QString id = command.value(QStringLiteral("id")).toString();
    auto ok = [&id](QJsonObject fields) {
        fields.insert(QStringLiteral("event"), QStringLiteral("ok"));
        fields.insert(QStringLiteral("id"), id);
        return fields;
    };
    auto fail = [&id](const messenger::Error &e) { return error(id, errorCode(e.code), e.reason); };
    const QJsonValue conversationValue = command.value(QStringLiteral("conversation"));
    const std::int64_t conversation = conversationValue.isDouble() ? qint64(conversationValue.toDouble()) : 0;

    if (cmd == QLatin1String("create_group")) {
        const QJsonValue name = command.value(QStringLiteral("name"));
        const QJsonValue members = command.value(QStringLiteral("members"));
        if (!name.isString() || !members.isArray())
            return error(id, QStringLiteral("invalid_input"),
                         QStringLiteral("\"name\" must be a string and \"members\" an array of peer ids"));
        std::vector<PeerId> peers;
        for (const QJsonValue &m : members.toArray()) {
            const PeerId peer = PeerId::fromString(m.toString());
            if (!peer.isValid())
                return error(id, QStringLiteral("invalid_input"), QStringLiteral("\"members\" must be peer ids (32 hex digits)"));
            peers.push_back(peer);
        }
        auto created = m_node->createGroup(name.toString(), peers);
        if (!created)
            return fail(created.error());
        return ok({{QStringLiteral("conversation"), double(*created)}});
    }
    if (cmd == QLatin1String("set_timer") && conversation && m_node->messenger().isGroup(conversation)) {
        auto notice = m_node->setGroupTimer(conversation, command.value(QStringLiteral("seconds")).toInt(-1));
        if (!notice)
            return fail(notice.error());
        return ok({{QStringLiteral("message"), messageJson(*notice, {})}});
    }
    if (cmd == QLatin1String("mark_read") && conversation && m_node->messenger().isGroup(conversation)) {
        // Each member whose messages were unread gets a read receipt (message_state with "peer").
        if (auto r = m_node->markRead(conversation); !r)
            return fail(r.error());
        return ok({});
    }
    if (cmd == QLatin1String("group_info")) {
        auto state = m_node->messenger().groupState(conversation);
        if (!state)
            return fail(state.error());
        return ok(groupJson(conversation, *state));
    }
    // The changes: each answers with the group as group_info does, and emits group_updated.
    const auto peersIn = [&](const char *field) -> std::optional<std::vector<PeerId>> {
        const QJsonValue value = command.value(QLatin1String(field));
        if (!value.isArray() || value.toArray().isEmpty())
            return std::nullopt;
        std::vector<PeerId> peers;
        for (const QJsonValue &m : value.toArray()) {
            const PeerId peer = PeerId::fromString(m.toString());
            if (!peer.isValid())
                return std::nullopt;
            peers.push_back(peer);
        }
        return peers;
    };
    const auto changed = [&](const messenger::Node::GroupChangeCall &change) -> QJsonObject {
        if (!m_node->messenger().isGroup(conversation))
            return error(id, QStringLiteral("not_found"), QStringLiteral("\"conversation\" must be a group"));
        auto state = m_node->changeGroup(conversation, change);
        if (!state)
            return fail(state.error());
        return ok(groupJson(conversation, *state));
    };
    if (cmd == QLatin1String("add_members") || cmd == QLatin1String("remove_members")) {
        const std::optional<std::vector<PeerId>> peers = peersIn("members");
        if (!peers)
            return error(id, QStringLiteral("invalid_input"), QStringLiteral("\"members\" must be a non-empty array of peer ids"));
        const bool add = cmd == QLatin1String("add_members");
        return changed([&](messenger::Messenger &m, std::vector<PeerId> *queued) {
            return add ? m.addMembers(conversation, *peers, queued) : m.removeMembers(conversation, *peers, queued);
        });
    }
    if (cmd == QLatin1String("leave"))
        return changed([&](messenger::Messenger &m, std::vector<PeerId> *queued) { return m.leaveGroup(conversation, queued); });
    if (cmd == QLatin1String("rename_group")) {
        const QString name = command.value(QStringLiteral("name")).toString();
        return changed([&](messenger::Messenger &m, std::vector<PeerId> *queued) { return m.renameGroup(conversation, name, queued); });
    }
    if (cmd == QLatin1String("set_admin")) {
        const PeerId member = PeerId::fromString(command.value(QStringLiteral("peer")).toString());
        const bool admin = command.value(QStringLiteral("admin")).toBool(true);
        return changed(
            [&](messenger::Messenger &m, std::vector<PeerId> *queued) { return m.setGroupAdmin(conversation, member, admin, queued); });
    }
    if (cmd == QLatin1String("typing") && conversation && m_node->messenger().isGroup(conversation)) {
        const int sent = m_node->sendGroupTyping(conversation, command.value(QStringLiteral("typing")).toBool(true));
        return ok({{QStringLiteral("sent"), sent > 0}, {QStringLiteral("members"), sent}});
    }
    if (cmd == QLatin1String("history") && conversation && m_node->messenger().isGroup(conversation)) {
        const int limit = command.contains(QStringLiteral("limit")) ? command.value(QStringLiteral("limit")).toInt() : 50;
        QJsonArray messages;
        // Oldest first, as the 1:1 history answers; the page's reactions in one query.
        const messenger::HistoryItems page = messenger::Queries(*m_node).page(conversation, std::nullopt, std::clamp(limit, 1, 1000));
        for (const storage::MessageRecord &m : page.rows)
            messages.prepend(messageJson(m, page.extras.value(m.id)));
        return ok({{QStringLiteral("messages"), messages}});
    }
    if ((cmd == QLatin1String("send") || cmd == QLatin1String("reply")) && conversation && m_node->messenger().isGroup(conversation)) {
        QByteArray replyTo;
        if (cmd == QLatin1String("reply")) {
            replyTo = QByteArray::fromHex(command.value(QStringLiteral("to")).toString().toLatin1());
            if (replyTo.size() != 16)
                return error(id, QStringLiteral("not_found"), QStringLiteral("no such message"));
        }
        auto sent = m_node->sendGroupText(conversation, command.value(QStringLiteral("body")).toString(), replyTo);
        if (!sent)
            return fail(sent.error());
        return ok({{QStringLiteral("message"), messageJson(*sent, messenger::Queries(*m_node).extras(*sent))}});
    }
    return std::nullopt;
}

} // namespace sotto::app
