// SPDX-License-Identifier: GPL-3.0-or-later
// The headless mode's attachment commands (send_file, download, pause, cancel,
// save_attachment) and the transfer_progress event. An attachment is named by its id
// (32 hex digits, the pointer's file id); the rules are Node's and Transfer's.
#include "app/HeadlessSession.h"

#include "core/messenger/Transfer.h"
#include "core/messenger/WhenReady.h"
#include "ui/Thumbnailer.h"

#include <QFileInfo>
#include <QtConcurrent>

namespace sotto::app {

void HeadlessSession::wireAttachmentEvents()
{
    connect(m_node.get(), &messenger::Node::transferProgress, this, [this](const storage::AttachmentRecord &a, quint64 bytesDone) {
        const std::optional<storage::MessageRecord> m = messenger::Queries(*m_node).message(a.messageId);
        emitLine({{QStringLiteral("event"), QStringLiteral("transfer_progress")},
                  {QStringLiteral("attachment"), QString::fromLatin1(a.fileId.toHex())},
                  {QStringLiteral("message"), m ? QString::fromLatin1(m->uuid.toHex()) : QString()},
                  {QStringLiteral("state"), storage::attachmentStateName(a.state)},
                  {QStringLiteral("bytes_done"), double(bytesDone)},
                  {QStringLiteral("size"), double(a.size)},
                  {QStringLiteral("bytes_served"), double(m_node->transfer() ? m_node->transfer()->bytesServed() : 0)}});
    });
}

std::optional<QJsonObject> HeadlessSession::handleAttachment(const QString &cmd, const QJsonObject &command)
{
    if (cmd != QLatin1String("send_file") && cmd != QLatin1String("download") && cmd != QLatin1String("pause")
        && cmd != QLatin1String("cancel") && cmd != QLatin1String("save_attachment"))
        return std::nullopt;
    const QString id = command.value(QStringLiteral("id")).toString();
    const auto fail = [id](const QString &code, const QString &reason) {
        return QJsonObject{{QStringLiteral("event"), QStringLiteral("error")}, {QStringLiteral("id"), id},
                           {QStringLiteral("code"), code}, {QStringLiteral("reason"), reason}};
    };
    const auto failed = [fail](const messenger::Error &e) {
        return fail(e.code == messenger::Errc::NotFound ? QStringLiteral("not_found")
                    : e.code == messenger::Errc::NotAllowed ? QStringLiteral("not_allowed")
                    : e.code == messenger::Errc::InvalidInput ? QStringLiteral("invalid_input")
                    : e.code == messenger::Errc::Blocked ? QStringLiteral("blocked")
                    : e.code == messenger::Errc::UnknownContact ? QStringLiteral("unknown_contact")
                                                                : QStringLiteral("storage"),
                    e.reason);
    };
    const auto ok = [id](QJsonObject fields) {
        fields.insert(QStringLiteral("event"), QStringLiteral("ok"));
        fields.insert(QStringLiteral("id"), id);
        return fields;
    };
    messenger::Transfer *transfer = m_node->transfer();
    messenger::Queries queries(*m_node);

    if (cmd == QLatin1String("send_file")) {
        protocol::PeerId peer = protocol::PeerId::fromString(command.value(QStringLiteral("peer")).toString());
        std::int64_t group = 0;
        if (command.contains(QStringLiteral("conversation"))) {
            std::optional<messenger::ConversationInfo> c = queries.conversation(qint64(command.value(QStringLiteral("conversation")).toDouble()));
            if (!c)
                return fail(QStringLiteral("not_found"), QStringLiteral("no such conversation"));
            peer = c->peer;
            group = c->group ? c->id : 0;
        }
        if (!peer.isValid() && !group)
            return fail(QStringLiteral("invalid_input"), QStringLiteral("\"peer\" must be a peer id, or \"conversation\" a conversation id"));
        const QString path = command.value(QStringLiteral("path")).toString();
        if (path.isEmpty())
            return fail(QStringLiteral("invalid_input"), QStringLiteral("\"path\" must name a file"));
        // Answered once the file is sealed (seconds for a large one); other commands go on
        // meanwhile. An image gets the window's thumbnail, made on a worker first.
        const QString caption = command.value(QStringLiteral("caption")).toString();
        messenger::whenReady(
            QtConcurrent::run([path] { return ui::Thumbnailer::isImage(path) ? ui::Thumbnailer::make(path) : QByteArray(); }), this,
            [this, peer, group, path, caption, failed, ok](const QByteArray &thumbnail) {
                if (!m_node)
                    return;
                auto answer = [this, failed, ok](std::expected<storage::MessageRecord, messenger::Error> sent) {
                    if (!sent) {
                        emitLine(failed(sent.error()));
                        return;
                    }
                    emitLine(ok({{QStringLiteral("message"), messageJson(*sent, messenger::Queries(*m_node).extras(*sent))}}));
                };
                if (group)
                    m_node->sendGroupFile(group, path, caption, std::move(answer), thumbnail);
                else
                    m_node->sendFile(peer, path, caption, std::move(answer), thumbnail);
            });
        return QJsonObject{}; // no reply now
    }

    const QByteArray fileId = QByteArray::fromHex(command.value(QStringLiteral("attachment")).toString().toLatin1());
    if (fileId.size() != 16 || !transfer)
        return fail(QStringLiteral("not_found"), QStringLiteral("no such attachment"));
    if (cmd == QLatin1String("save_attachment")) {
        const QString path = command.value(QStringLiteral("path")).toString();
        if (path.isEmpty() || QFileInfo(path).isDir())
            return fail(QStringLiteral("invalid_input"), QStringLiteral("\"path\" must name a file to write"));
        // On the transfer's worker thread (seconds for a large file); answered when written.
        transfer->saveAsync(fileId, path, [this, failed, ok, path](std::expected<void, messenger::Error> saved) {
            emitLine(saved ? ok({{QStringLiteral("path"), path}}) : failed(saved.error()));
        });
        return QJsonObject{}; // no reply now
    }
    auto result = cmd == QLatin1String("download") ? transfer->download(fileId)
                : cmd == QLatin1String("pause")    ? transfer->pause(fileId)
                                                   : transfer->cancel(fileId);
    if (!result)
        return failed(result.error());
    return ok({{QStringLiteral("attachment"), attachmentJson(*result)}});
}

} // namespace sotto::app
