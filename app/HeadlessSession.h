// SPDX-License-Identifier: GPL-3.0-or-later
// The headless mode: the same core without a window, driven by JSON lines on stdin and
// answering with JSON lines on stdout (replies and events). It owns the signal context,
// the profile and the node for one run. The passphrase comes from the environment or a
// file, never from the command line.
#pragma once

#include "app/HeadlessLineReader.h"
#include "app/JsonWriter.h"
#include "core/crypto/SignalContext.h"
#include "core/messenger/Node.h"
#include "core/messenger/Queries.h"

#include <QJsonObject>
#include <QObject>
#include <QSocketNotifier>

#include <memory>
#include <vector>

namespace sotto::app {

// As the headless mode shows them (HeadlessSession.cpp): written directly for the hot lines,
// or as objects for the replies built as QJsonObject. Both are the same bytes.
void writeAttachment(JsonWriter &w, const storage::AttachmentRecord &a);
void writeMessage(JsonWriter &w, const storage::MessageRecord &m, const messenger::MessageExtras &extras);
QJsonObject attachmentJson(const storage::AttachmentRecord &a);
// `extras`: its reactions and attachment, read with it (a page's in one query).
QJsonObject messageJson(const storage::MessageRecord &m, const messenger::MessageExtras &extras);

class HeadlessSession : public QObject {
    Q_OBJECT
public:
    HeadlessSession(QString profileDir, crypto::SecretBytes passphrase, bool fastKdf, messenger::NodeOptions options,
                    QObject *parent = nullptr);

    void start();

private:
    void readCommands();
    QJsonObject handle(const QJsonObject &command);
    void sendBatch(const std::vector<QJsonObject> &commands);
    QJsonObject open(const QString &cmd, const QJsonObject &command);
    void emitLine(const QJsonObject &object);
    // A line the writer made (the hot events), ended and written.
    void emitLine(JsonWriter &line);
    static void writeOut(const QByteArray &bytes);
    void wireEvents();
    // Groups: create_group, group_info, send in a group; the group_updated event.
    std::optional<QJsonObject> handleGroup(const QString &cmd, const QJsonObject &command);
    void wireGroupEvents();
    QJsonObject groupJson(std::int64_t conversationId, const messenger::GroupState &state);
    // Attachments (HeadlessAttachments.cpp): send_file, download, pause, cancel,
    // save_attachment; the transfer_progress event.
    std::optional<QJsonObject> handleAttachment(const QString &cmd, const QJsonObject &command);
    void wireAttachmentEvents();

    QString m_profileDir;
    crypto::SecretBytes m_passphrase;
    bool m_fastKdf;
    messenger::NodeOptions m_options;
    crypto::SignalContext m_context;
    std::unique_ptr<storage::Profile> m_profile;
    std::unique_ptr<messenger::Node> m_node;
    QSocketNotifier *m_stdin = nullptr;
    HeadlessLineReader m_lines;
};

} // namespace sotto::app
