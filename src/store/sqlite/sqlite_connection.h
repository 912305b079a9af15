// SQLite building blocks used by SqliteDatabase: one connection handle with a
// cache of prepared statements, and the Transaction handed to callbacks.
//
// Threading: a Connection (and a SqliteTransaction over it) is used by one
// thread at a time; SqliteDatabase hands connections out exclusively.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "store/database.h"

namespace fazhi::store::sqlite {

struct ConnectionConfig {
  bool writer = false;            // false: PRAGMA query_only=ON
  bool synchronous_full = true;   // writer only: FULL, else NORMAL
  int busy_timeout_ms = 5000;
};

class Connection {
 public:
  // Opens (creating if absent) the database file and applies the pragmas:
  // busy_timeout and foreign_keys always; WAL and synchronous for the writer,
  // query_only for readers. Returns "database_error" on failure.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const ConnectionConfig& config);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement through the statement cache, binding `params` to the
  // `?` placeholders by position. Appends result rows to *rows when non-null;
  // stores the number of rows changed in *changes when non-null.
  // On failure nothing is appended and the Status code is "unique_violation",
  // "database_busy", "invalid_argument" (placeholder/param count mismatch,
  // more than one statement) or "database_error".
  Status Run(std::string_view sql, const std::vector<Value>& params, Rows* rows,
             int64_t* changes);

  // Runs ';'-separated statements without parameters, bypassing the cache.
  Status ExecScript(std::string_view sql);

  // True while a transaction is open (false after SQLite rolled one back on
  // its own, e.g. on SQLITE_FULL or SQLITE_IOERR).
  bool InTransaction() const;

  // Runs `ROLLBACK` if a transaction is open; ignores errors.
  void RollbackIfOpen();

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  Result<sqlite3_stmt*> Prepare(std::string_view sql);
  Status Error(int rc, std::string_view sql) const;

  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  static constexpr size_t kMaxCachedStatements = 512;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> cache_;
};

// The Transaction given to Read/Write callbacks. Remembers the first failed
// statement so that Write can roll back a callback that ignored an error.
class SqliteTransaction final : public Transaction {
 public:
  explicit SqliteTransaction(Connection& conn) : conn_(conn) {}
  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params = {}) override;
  Status ExecScript(std::string_view sql) override;

  const Status& first_error() const { return first_error_; }

 private:
  Status Note(Status s);

  Connection& conn_;
  Status first_error_;
};

// Maps a SQLite result code to a Status code name (see database.h).
const char* StatusCodeFor(int extended_rc);

}  // namespace fazhi::store::sqlite
