// SPDX-License-Identifier: GPL-3.0-or-later
// Database is one SQLCipher connection: opened with a raw 256-bit key, checked to really
// encrypt, with a cache of prepared statements and nested transactions (inner ones join
// the outer BEGIN IMMEDIATE; any inner rollback dooms it). It owns the sqlite3 handle; it
// does not know the schema.
// A connection belongs to the thread that opened it.
#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/storage/StorageError.h"

#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace sotto::storage {

class Statement;

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating if needed, mode 0600) an encrypted database. Fails with NotEncrypted
    // when the linked SQLite is not SQLCipher or the file is plaintext, WrongKey when the
    // key does not open it.
    [[nodiscard]] static std::expected<std::unique_ptr<Database>, Error> open(const QString &path, const crypto::SecretBytes &key,
                                                                Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Runs statements without results (schema, pragmas). Logs the failing SQL text only.
    bool exec(const char *sql);
    // A cached prepared statement, reset and with bindings cleared. `sql` must be a string
    // literal (the cache is keyed by its address).
    Statement prepare(const char *sql);

    bool begin();
    bool commit();
    void rollback();
    int transactionDepth() const { return m_depth; }
    // Our transaction is open in SQLite too: false once SQLite rolled it back by itself
    // (SQLITE_FULL, IOERR, NOMEM, RAISE(ROLLBACK)) until the caller's rollback() closes it.
    bool inTransaction() const;
    // Writes a transaction kept in memory until it commits (the session store puts each
    // session record in once per transaction, not once per message): run at the outermost
    // commit, before COMMIT, inside the transaction; false from it fails the commit (the
    // caller rolls back, as after a failed COMMIT). One per `owner`, who removes it before it goes.
    void addBeforeCommit(const void *owner, std::function<bool()> hook);
    void removeBeforeCommit(const void *owner);
    // Counts rollbacks: caches over this database drop their entries when it moves, so
    // they never show a row that a rollback took away.
    std::uint64_t rollbackCount() const { return m_rollbacks; }

    int userVersion();
    bool setUserVersion(int version);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    QString lastError() const;

    // The write-ahead log is copied into the database file when the program is idle, not
    // on whichever commit crosses SQLite's 1000 pages (that commit paid a checkpoint with
    // an fsync: the p99 latency of docs/BENCHMARKS.md). After each commit that leaves at
    // least IdleCheckpointPages in the log, the observer is told; its owner calls
    // checkpoint() once things are quiet. Past HardCheckpointPages (sustained load, or
    // nobody observing) the committing connection checkpoints at once, as SQLite would.
    static constexpr int IdleCheckpointPages = 1000;
    static constexpr int HardCheckpointPages = 4000;
    void setCheckpointObserver(std::function<void()> observer) { m_checkpointObserver = std::move(observer); }
    // A passive checkpoint (never waits for readers); true when the whole log was copied.
    bool checkpoint();
    // Copies the whole log into the database and truncates it to nothing: after a write
    // failed for want of disk space, the log must not keep (or regrow into) what is left.
    bool shrinkLog();
    int walPages() const { return m_walPages; }

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

private:
    Database(sqlite3 *db, QString path);
    bool control(const char *sql);
    static int onWalCommit(void *self, sqlite3 *db, const char *schema, int pages);
    static void onRollback(void *self) { ++static_cast<Database *>(self)->m_rollbacks; }

    sqlite3 *m_db = nullptr;
    QString m_path;
    int m_depth = 0;
    bool m_poisoned = false;
    std::uint64_t m_rollbacks = 0;
    std::unordered_map<const char *, sqlite3_stmt *> m_statements;
    std::vector<sqlite3_stmt *> m_retired; // replaced in m_statements (see prepare)
    std::function<void()> m_checkpointObserver;
    std::vector<std::pair<const void *, std::function<bool()>>> m_beforeCommit;
    int m_walPages = 0;
};

// A borrowed cached statement. Typed binds by 1-based index; columns by 0-based index.
class Statement {
public:
    Statement(Database *db, sqlite3_stmt *stmt);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    Statement &bind(int index, long long value);
    Statement &bind(int index, long value) { return bind(index, static_cast<long long>(value)); }
    Statement &bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
    Statement &bind(int index, unsigned value) { return bind(index, static_cast<long long>(value)); }
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, const QByteArray &blob); // bound as a blob, not copied
    Statement &bindNull(int index);

    // True while a row is available; false at the end or on error (see ok()).
    bool next();
    // Runs a statement that returns no rows; true on success.
    bool run();
    bool ok() const { return m_ok; }

    std::int64_t int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    Database *m_db;
    sqlite3_stmt *m_stmt;
    bool m_ok = true;
};

} // namespace sotto::storage
