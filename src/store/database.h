// The storage interface. Everything above store/ talks to the database through
// these types only; the SQLite and PostgreSQL adapters implement them.
//
// SQL written by callers uses `?` placeholders, bound by position (1-based in
// order of appearance). The PostgreSQL adapter rewrites them to $1, $2, ...
// (outside string literals). Portable SQL only: where dialects differ, callers
// ask Database::dialect() and pick the text.
//
// Threading: Database is thread-safe. A Transaction is used by one thread, only
// inside the callback that received it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace fazhi::store {

enum class Dialect { kSqlite, kPostgres };
const char* DialectName(Dialect d);  // "sqlite" | "postgresql"

// A bound parameter or a column value. Integers are int64, reals double, text
// and blobs std::string; std::monostate is SQL NULL.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

// One result row. Accessors are by column index; a NULL reads as 0 / "" with
// IsNull() telling the difference.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const;
  int64_t Int(size_t i) const;       // converts text digits too
  double Real(size_t i) const;
  std::string Text(size_t i) const;  // converts numbers to their decimal text
  const Value& At(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
};

// The work unit handed to callbacks. In a write callback everything done
// through it commits together or not at all.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Dialect dialect() const = 0;
  // Runs a statement returning rows.
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a statement; returns the number of rows changed.
  virtual Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs several statements separated by ';' without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
};

// Errors from the adapters use these codes:
//   "unique_violation" (a UNIQUE/PRIMARY KEY constraint), "database_error"
//   (anything else; message has the driver text), "database_busy".
//   Also "invalid_argument" (number of params differs from the number of `?`;
//   more than one statement in Query/Exec) and "internal" (a callback threw;
//   Write nested inside a SQLite write callback).
// Avoid calling Read or Write from inside a callback: the nested call needs a
// second connection and can wait forever for it (see the adapters' headers).
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs fn on a read connection inside a read transaction (a consistent
  // snapshot). fn's Status is returned.
  virtual Status Read(const std::function<Status(Transaction&)>& fn) = 0;

  // Runs fn inside a write transaction and returns once it is durable.
  // If fn returns a non-ok Status, or any statement fails, nothing fn did is
  // kept and that Status is returned. SQLite: one writer thread, requests are
  // grouped into one BEGIN IMMEDIATE ... COMMIT with a SAVEPOINT each (group
  // commit). PostgreSQL: one transaction per call on a pooled connection.
  virtual Status Write(const std::function<Status(Transaction&)>& fn) = 0;

  // Applies pending numbered migrations for this dialect (idempotent).
  // Returns the number applied.
  virtual Result<int> Migrate() = 0;

  // Path of the database file (SQLite) or empty (PostgreSQL).
  virtual std::string FilePath() const = 0;
};

struct Options {
  int read_connections = 8;       // SQLite readers / PostgreSQL pool size
  bool synchronous_full = true;   // SQLite PRAGMA synchronous=FULL
  int busy_timeout_ms = 5000;
  int max_batch = 256;            // SQLite group-commit batch cap
};

// Opens "sqlite:PATH" (also "sqlite:///abs/path"), a bare file path (no URL
// scheme, e.g. "var/fazhi.db"), or "postgresql://..." / "postgres://..." URLs
// (libpq syntax). Creates the SQLite file (and its directory) if absent.
// Anything else is "invalid_argument"; a failed connection "database_error".
Result<std::unique_ptr<Database>> Open(const std::string& url, const Options& options = {});

}  // namespace fazhi::store
