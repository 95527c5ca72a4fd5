// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments at rest: one row per file sent or received (its pointer, its key, how far its
// transfer got) and the folder of sealed copies. It owns no transaction and no file content:
// the sealed chunks are AttachmentFile's, the transfer is core/messenger's.
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/protocol/PeerId.h"
#include "core/storage/Database.h"

#include <QSet>

#include <optional>
#include <vector>

namespace sotto::storage {

// As stored (attachments.state) and as the headless mode names them.
enum class AttachmentState : int { Uploading = 0, Downloading = 1, Paused = 2, Done = 3, Failed = 4 };
QString attachmentStateName(AttachmentState state);

struct AttachmentRecord {
    std::int64_t id = 0;
    QByteArray fileId;               // 16 bytes, from the pointer
    std::int64_t messageId = 0;      // 0 once the message is gone (the file is then swept)
    std::int64_t conversationId = 0;
    protocol::PeerId peer;           // who serves it to us (received) or whom we serve (sent)
    bool outgoing = false;
    QString name;
    QString mime;
    std::uint64_t size = 0;
    QByteArray sha256;               // 32 bytes
    QByteArray thumbnail;
    AttachmentState state = AttachmentState::Downloading;
    std::uint64_t chunksDone = 0;    // received: chunks verified and written; sent: served
    QString error;
    QString localFile;               // the sealed copy's file name inside attachments/
};

class AttachmentStore {
public:
    explicit AttachmentStore(Database &db);

    // Where the sealed copies live: <profile>/attachments/ (made 0700 on first use).
    static QString folder(const QString &profileDir);

    [[nodiscard]] std::expected<std::int64_t, Error> insert(const AttachmentRecord &record, const crypto::SecretBytes &key);
    std::optional<AttachmentRecord> byFileId(const QByteArray &fileId);
    std::optional<AttachmentRecord> byMessage(std::int64_t messageId);
    // The file's key; empty when there is no such file.
    crypto::SecretBytes key(const QByteArray &fileId);
    [[nodiscard]] std::expected<void, Error> setProgress(const QByteArray &fileId, AttachmentState state, std::uint64_t chunksDone,
                                                         const QString &error = {});
    // Rows whose message was deleted or expired (or is a tombstone): their files go.
    std::vector<AttachmentRecord> orphans();
    // Every sealed copy's file name a row names (inside folder()).
    QSet<QString> localFiles();
    // Transfers to take up again at start or when a link comes up.
    std::vector<AttachmentRecord> unfinished(const protocol::PeerId &peer);
    [[nodiscard]] std::expected<void, Error> remove(const QByteArray &fileId);

    // A file we send whose pointer went before its sealed copy was whole (the copy is made
    // while the first chunks go): where to seal it from again if Sotto stops first. The path
    // is the user's; it stays only until the copy is whole (schema 17).
    [[nodiscard]] std::expected<void, Error> setUnsealed(const QByteArray &fileId, const QString &source);
    [[nodiscard]] std::expected<void, Error> setSealed(const QByteArray &fileId);
    struct Unsealed {
        AttachmentRecord record;
        QString source;
    };
    std::vector<Unsealed> unsealed();

private:
    static AttachmentRecord read(const Statement &st);
    Database &m_db;
};

} // namespace sotto::storage
