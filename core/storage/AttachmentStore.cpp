// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/AttachmentStore.h"

#include <QDir>
#include <QFile>

namespace sotto::storage {
namespace {

Error sqlError(Database &db, const char *what) { return {Errc::Sql, QStringLiteral("%1: %2").arg(QLatin1String(what), db.lastError())}; }

// One statement run with secure_delete on: what it removes or replaces is overwritten, not
// left in a free page.
std::expected<void, Error> runSecurely(Database &db, Statement &st, const char *what)
{
    if (!db.exec("PRAGMA secure_delete = ON;"))
        return std::unexpected(sqlError(db, "secure delete"));
    const bool ran = st.run();
    db.exec("PRAGMA secure_delete = OFF;");
    if (!ran)
        return std::unexpected(sqlError(db, what));
    return {};
}

#define ATTACHMENT_COLUMNS                                                                                                          \
    "a.id, a.file_id, a.message_id, a.conversation_id, a.peer_id, a.outgoing, a.name, a.mime, a.size, a.sha256, a.thumbnail, "  \
    "a.state, a.chunks_done, a.error, a.local_file"

} // namespace

QString attachmentStateName(AttachmentState state)
{
    switch (state) {
    case AttachmentState::Uploading: return QStringLiteral("uploading");
    case AttachmentState::Downloading: return QStringLiteral("downloading");
    case AttachmentState::Paused: return QStringLiteral("paused");
    case AttachmentState::Done: return QStringLiteral("done");
    case AttachmentState::Failed: return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

AttachmentStore::AttachmentStore(Database &db)
    : m_db(db)
{
}

QString AttachmentStore::folder(const QString &profileDir)
{
    const QString dir = QDir(profileDir).filePath(QStringLiteral("attachments"));
    if (!QDir(dir).exists() && QDir().mkpath(dir))
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return dir;
}

AttachmentRecord AttachmentStore::read(const Statement &st)
{
    AttachmentRecord r;
    r.id = st.int64(0);
    r.fileId = st.blob(1);
    r.messageId = st.isNull(2) ? 0 : st.int64(2);
    r.conversationId = st.int64(3);
    r.peer = protocol::PeerId::fromString(st.text(4));
    r.outgoing = st.int64(5) != 0;
    r.name = st.text(6);
    r.mime = st.text(7);
    r.size = std::uint64_t(st.int64(8));
    r.sha256 = st.blob(9);
    r.thumbnail = st.blob(10);
    r.state = AttachmentState(std::clamp<std::int64_t>(st.int64(11), 0, 4));
    r.chunksDone = std::uint64_t(st.int64(12));
    r.error = st.text(13);
    r.localFile = st.text(14);
    return r;
}

std::expected<std::int64_t, Error> AttachmentStore::insert(const AttachmentRecord &r, const crypto::SecretBytes &key)
{
    // Bound as a blob without a copy; the statement is reset (and the binding dropped) on
    // its next use.
    const QByteArray keyBytes = QByteArray::fromRawData(reinterpret_cast<const char *>(key.data()), qsizetype(key.size()));
    Statement st = m_db.prepare("INSERT INTO attachments (file_id, message_id, conversation_id, peer_id, outgoing, name, mime, size, "
                                "sha256, file_key, thumbnail, state, chunks_done, error, local_file) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, r.fileId).bind(3, r.conversationId).bind(4, r.peer.toString()).bind(5, int(r.outgoing)).bind(6, r.name);
    if (r.messageId)
        st.bind(2, r.messageId);
    else
        st.bindNull(2);
    st.bind(7, r.mime).bind(8, qint64(r.size)).bind(9, r.sha256).bind(10, keyBytes);
    if (r.thumbnail.isEmpty())
        st.bindNull(11);
    else
        st.bind(11, r.thumbnail);
    st.bind(12, int(r.state)).bind(13, qint64(r.chunksDone)).bind(14, r.error).bind(15, r.localFile);
    if (!st.run()) {
        const bool duplicate = byFileId(r.fileId).has_value();
        return std::unexpected(duplicate ? Error{Errc::Duplicate, QStringLiteral("the file is known")} : sqlError(m_db, "insert attachment"));
    }
    return m_db.lastInsertRowId();
}

std::optional<AttachmentRecord> AttachmentStore::byFileId(const QByteArray &fileId)
{
    Statement st = m_db.prepare("SELECT " ATTACHMENT_COLUMNS " FROM attachments a WHERE a.file_id = ?");
    st.bind(1, fileId);
    if (!st.next())
        return std::nullopt;
    return read(st);
}

std::optional<AttachmentRecord> AttachmentStore::byMessage(std::int64_t messageId)
{
    Statement st = m_db.prepare("SELECT " ATTACHMENT_COLUMNS " FROM attachments a WHERE a.message_id = ?");
    st.bind(1, messageId);
    if (!st.next())
        return std::nullopt;
    return read(st);
}

crypto::SecretBytes AttachmentStore::key(const QByteArray &fileId)
{
    Statement st = m_db.prepare("SELECT file_key FROM attachments WHERE file_id = ?");
    st.bind(1, fileId);
    if (!st.next())
        return {};
    QByteArray bytes = st.blob(0);
    return crypto::SecretBytes::takeFrom(bytes);
}

std::expected<void, Error> AttachmentStore::setProgress(const QByteArray &fileId, AttachmentState state, std::uint64_t chunksDone,
                                                       const QString &error)
{
    if (!m_db.prepare("UPDATE attachments SET state = ?, chunks_done = ?, error = ? WHERE file_id = ?")
             .bind(1, int(state))
             .bind(2, qint64(chunksDone))
             .bind(3, error)
             .bind(4, fileId)
             .run())
        return std::unexpected(sqlError(m_db, "update attachment"));
    return {};
}

std::vector<AttachmentRecord> AttachmentStore::orphans()
{
    std::vector<AttachmentRecord> out;
    Statement st = m_db.prepare("SELECT " ATTACHMENT_COLUMNS " FROM attachments a LEFT JOIN messages m ON m.id = a.message_id "
                                "WHERE m.id IS NULL OR m.deleted = 1");
    while (st.next())
        out.push_back(read(st));
    return out;
}

QSet<QString> AttachmentStore::localFiles()
{
    QSet<QString> out;
    Statement st = m_db.prepare("SELECT local_file FROM attachments");
    while (st.next())
        out.insert(st.text(0));
    return out;
}

std::vector<AttachmentRecord> AttachmentStore::unfinished(const protocol::PeerId &peer)
{
    std::vector<AttachmentRecord> out;
    Statement st = m_db.prepare("SELECT " ATTACHMENT_COLUMNS " FROM attachments a WHERE a.peer_id = ? AND a.outgoing = 0 AND a.state = 1");
    st.bind(1, peer.toString());
    while (st.next())
        out.push_back(read(st));
    return out;
}

std::expected<void, Error> AttachmentStore::remove(const QByteArray &fileId)
{
    // The row holds the file's key: overwritten, not left in a free page (the sealed copy
    // on disk is only unlinked; without its key it is noise), as deleted messages are.
    return runSecurely(m_db, m_db.prepare("DELETE FROM attachments WHERE file_id = ?").bind(1, fileId), "remove attachment");
}

std::expected<void, Error> AttachmentStore::setUnsealed(const QByteArray &fileId, const QString &source)
{
    if (!m_db.prepare("UPDATE attachments SET source = ? WHERE file_id = ?").bind(1, source).bind(2, fileId).run())
        return std::unexpected(sqlError(m_db, "update attachment"));
    return {};
}

std::expected<void, Error> AttachmentStore::setSealed(const QByteArray &fileId)
{
    // The user's path is not kept in a free page either.
    return runSecurely(m_db, m_db.prepare("UPDATE attachments SET source = NULL WHERE file_id = ?").bind(1, fileId), "update attachment");
}

std::vector<AttachmentStore::Unsealed> AttachmentStore::unsealed()
{
    std::vector<Unsealed> out;
    Statement st = m_db.prepare("SELECT " ATTACHMENT_COLUMNS ", a.source FROM attachments a WHERE a.source IS NOT NULL");
    while (st.next())
        out.push_back({read(st), st.text(15)});
    return out;
}

} // namespace sotto::storage
