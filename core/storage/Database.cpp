// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Database.h"

#include "core/storage/StorageLog.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace sotto::storage {
namespace {

// A plaintext SQLite file starts with this; an SQLCipher file starts with random salt.
constexpr char PlainHeader[] = "SQLite format 3";

bool fileLooksPlaintext(const QString &path)
{
    QFile f(path);
    if (!f.exists() || !f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(16);
    return head.size() >= 15 && std::memcmp(head.constData(), PlainHeader, 15) == 0;
}

// SQLite would create the file with 0644 minus the umask: readable by every user of the
// machine under the usual umask 022. Made here first, owner-only, so it never exists with
// wider permissions; SQLite then gives the -wal and -shm files the database's own mode.
// (Not a process-wide umask: that would race with other threads creating files, and
// touch files the program writes for the user elsewhere.)
bool createOwnerOnly(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST;
    ::close(fd);
    return true;
}

// One scalar text answer of a pragma, or empty.
QString pragmaText(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    QString out;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        if (const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)))
            out = QString::fromUtf8(t);
    }
    sqlite3_finalize(stmt);
    return out;
}

} // namespace

std::expected<std::unique_ptr<Database>, Error> Database::open(const QString &path, const crypto::SecretBytes &key, Mode mode)
{
    if (key.size() != 32)
        return std::unexpected(Error{Errc::WrongKey, QStringLiteral("database key must be 32 bytes")});
    // A plaintext database is refused before SQLite touches it (and before we would write).
    if (fileLooksPlaintext(path))
        return std::unexpected(Error{Errc::NotEncrypted, QStringLiteral("%1 is an unencrypted SQLite file").arg(path)});

    if (mode == Mode::ReadWrite && !createOwnerOnly(path))
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot create %1").arg(path)});

    sqlite3 *raw = nullptr;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK)
        return std::unexpected(Error{Errc::Io, QStringLiteral("cannot open %1: %2").arg(path, db->lastError())});

    // The raw-key form x'<64 hex>' makes SQLCipher use the key as is (no PBKDF2): the key
    // is already the output of Argon2id plus 256 random bits.
    crypto::SecretBytes hex = key.toHex();
    crypto::SecretBytes keySpec(hex.size() + 3);
    keySpec.data()[0] = 'x';
    keySpec.data()[1] = '\'';
    std::memcpy(keySpec.data() + 2, hex.data(), hex.size());
    keySpec.data()[keySpec.size() - 1] = '\'';
    const int keyRc = sqlite3_key(raw, keySpec.data(), int(keySpec.size()));
    if (keyRc != SQLITE_OK)
        return std::unexpected(Error{Errc::NotEncrypted, QStringLiteral("sqlite3_key failed: is this SQLCipher?")});

    // The guard of DESIGN.md: if another libsqlite3 won the symbol race, PRAGMA key is a
    // silent no-op and cipher_version answers nothing. Refuse to run then.
    if (pragmaText(raw, "PRAGMA cipher_version;").isEmpty())
        return std::unexpected(Error{Errc::NotEncrypted, QStringLiteral("SQLCipher is not active in this process; refusing to store anything")});

    if (!db->exec("PRAGMA cipher_page_size = 4096;"))
        return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot set cipher_page_size")});
    // One connection per profile, in one process (ProfileLock): the writer holds its lock
    // from its first read to close instead of taking and dropping file locks on the -shm
    // index around every transaction (fcntl calls each time), and WAL keeps its index in
    // this process's memory. Set before the first read, or SQLite maps the -shm anyway.
    // DESIGN.md allows a read-only connection for the window's paging; none exists (every
    // read goes through the core thread), and adding one means dropping this line.
    if (mode == Mode::ReadWrite && pragmaText(raw, "PRAGMA locking_mode = EXCLUSIVE;").compare(QLatin1String("exclusive"), Qt::CaseInsensitive) != 0)
        return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot take the database for this process alone")});
    // The first read shows whether the key is right.
    if (sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr) != SQLITE_OK)
        return std::unexpected(Error{Errc::WrongKey, QStringLiteral("the database does not open with this key (%1)").arg(db->lastError())});

    if (mode == Mode::ReadWrite) {
        if (pragmaText(raw, "PRAGMA journal_mode = WAL;").compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot enable WAL")});
        // Replaces SQLite's automatic checkpoint (see checkpoint()); the log file is cut
        // back to 16 MiB after a checkpoint instead of keeping its largest size.
        sqlite3_wal_hook(raw, &Database::onWalCommit, db.get());
        // Rollbacks SQLite makes by itself (SQLITE_FULL, IOERR, NOMEM end the transaction)
        // count too: the stores that cache what a transaction wrote (the outbox's id floor,
        // the session cache) must read again after any of them, not only after ours.
        sqlite3_rollback_hook(raw, &Database::onRollback, db.get());
        if (!db->exec("PRAGMA journal_size_limit = 16777216;"))
            return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot limit the journal size")});
    }
    // 8 MiB of page cache (default 2 MiB): the hot index pages of a large history stay
    // decrypted in memory.
    if (!db->exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                  "PRAGMA cache_size = -8192;"))
        return std::unexpected(Error{Errc::Sql, QStringLiteral("cannot set pragmas")});
    return db;
}

Database::Database(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{
}

Database::~Database()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    for (sqlite3_stmt *stmt : m_retired)
        sqlite3_finalize(stmt);
    if (m_db)
        sqlite3_close_v2(m_db);
}

bool Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        qCWarning(lcStorage).noquote() << "SQL failed:" << (message ? message : "?") << "in" << QByteArray(sql).left(120);
        sqlite3_free(message);
        return false;
    }
    return true;
}

Statement Database::prepare(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        // Keyed by the text's address, so a lookup hashes no text. A caller that builds its
        // SQL at run time could pass a different text at an address seen before and get the
        // wrong statement (MessageStore::reactions once lost reactions so): the text is
        // compared, a mismatch asserts in debug builds and is prepared anew in release.
        if (std::strcmp(sqlite3_sql(it->second), sql) == 0)
            return Statement(this, it->second);
        Q_ASSERT_X(false, "Database::prepare", "another SQL text at a cached address: pass text that lives as long as the database");
        qCWarning(lcStorage) << "another SQL text at a cached statement's address; prepared anew";
        m_retired.push_back(it->second); // a Statement may still use it: finalized on close
        m_statements.erase(it);
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcStorage).noquote() << "prepare failed:" << lastError() << "in" << QByteArray(sql).left(120);
        return Statement(this, nullptr);
    }
    m_statements.emplace(sql, stmt);
    return Statement(this, stmt);
}

// Transaction control runs once or twice per message: prepared once, not parsed each time.
bool Database::control(const char *sql)
{
    Statement st = prepare(sql);
    return st.run();
}

// Nested transactions join the outermost one instead of opening savepoints: SQLCipher
// encrypts every page copied into a savepoint's sub-journal, which cost ~80 us per message
// (docs/BENCHMARKS.md). A failed inner step poisons the whole transaction, which then
// rolls back at the outermost commit; batch callers retry item by item.
bool Database::begin()
{
    if (m_depth == 0) {
        if (!control("BEGIN IMMEDIATE"))
            return false;
        m_poisoned = false;
    }
    ++m_depth;
    return true;
}

bool Database::commit()
{
    if (m_depth == 0)
        return false;
    if (m_depth > 1) {
        --m_depth;
        return true;
    }
    // Doomed by an inner rollback, or already rolled back by SQLite itself: nothing to
    // commit, and the hooks must not write into autocommit mode.
    if (m_poisoned || sqlite3_get_autocommit(m_db)) {
        rollback();
        return false;
    }
    for (const auto &[owner, hook] : m_beforeCommit)
        if (!hook())
            return false; // still open: the caller rolls back
    if (!control("COMMIT"))
        return false; // still open: the caller rolls back
    m_depth = 0;
    return true;
}

bool Database::inTransaction() const { return m_depth > 0 && !sqlite3_get_autocommit(m_db); }

void Database::addBeforeCommit(const void *owner, std::function<bool()> hook)
{
    removeBeforeCommit(owner);
    m_beforeCommit.emplace_back(owner, std::move(hook));
}

void Database::removeBeforeCommit(const void *owner)
{
    std::erase_if(m_beforeCommit, [owner](const auto &entry) { return entry.first == owner; });
}

void Database::rollback()
{
    if (m_depth == 0)
        return;
    if (m_depth > 1) {
        m_poisoned = true;
        --m_depth;
        return;
    }
    // Nothing open any more: SQLite rolled it back itself (counted by the rollback hook).
    if (!sqlite3_get_autocommit(m_db)) {
        const std::uint64_t before = m_rollbacks;
        control("ROLLBACK");
        if (m_rollbacks == before) // counted once: by the hook, or here if it did not fire
            ++m_rollbacks;
    }
    m_depth = 0;
    m_poisoned = false;
}

int Database::onWalCommit(void *self, sqlite3 *db, const char *schema, int pages)
{
    auto *d = static_cast<Database *>(self);
    d->m_walPages = pages;
    if (pages >= HardCheckpointPages) {
        // Inside the hook the commit is done and the write lock released: what SQLite's
        // own auto-checkpoint does at this point.
        int logPages = 0, copied = 0;
        if (sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied) == SQLITE_OK
            && logPages == copied)
            d->m_walPages = 0;
    } else if (pages >= IdleCheckpointPages && d->m_checkpointObserver) {
        d->m_checkpointObserver();
    }
    return SQLITE_OK;
}

bool Database::checkpoint()
{
    if (m_depth > 0)
        return false; // never inside our own transaction
    int logPages = 0, copied = 0;
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied) != SQLITE_OK)
        return false;
    if (logPages != copied)
        return false;
    m_walPages = 0;
    return true;
}

bool Database::shrinkLog()
{
    if (m_depth > 0)
        return false;
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) != SQLITE_OK)
        return false;
    m_walPages = 0;
    return true;
}

int Database::userVersion()
{
    Statement st = prepare("PRAGMA user_version;");
    return st.next() ? int(st.int64(0)) : -1;
}

bool Database::setUserVersion(int version)
{
    // PRAGMA takes no bound parameters; the value is our own integer.
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version) + ";";
    return exec(sql.constData());
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
QString Database::lastError() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no handle"); }

Statement::Statement(Database *db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
    , m_ok(stmt != nullptr)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_ok(other.m_ok)
{
}

Statement::~Statement()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement &Statement::bind(int index, long long value)
{
    if (m_stmt && sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_ok = false;
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (m_stmt && sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_ok = false;
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull())
        return bindNull(index);
    if (m_stmt && sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_ok = false;
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt && sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        m_ok = false;
    return *this;
}

bool Statement::next()
{
    if (!m_stmt || !m_ok)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_ok = false;
        qCWarning(lcStorage).noquote() << "step failed:" << m_db->lastError();
    }
    return false;
}

bool Statement::run()
{
    while (next()) {
    }
    return m_ok;
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

QString Statement::text(int column) const
{
    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return t ? QString::fromUtf8(t, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray Statement::blob(int column) const
{
    const void *b = sqlite3_column_blob(m_stmt, column);
    if (!b)
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL ? QByteArray() : QByteArray("");
    return QByteArray(static_cast<const char *>(b), sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

} // namespace sotto::storage
