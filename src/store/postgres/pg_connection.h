// PostgreSQL building blocks used by PgDatabase: RAII owners for libpq's
// PGconn and PGresult, a connection with a cache of server-side prepared
// statements, and the Transaction handed to callbacks.
//
// Parameters travel as text (int64/double in decimal, NULL as a null pointer)
// with types left for the server to infer. Result columns are converted by
// type OID: int2/int4/int8 -> int64; float4/float8/numeric -> double; bool ->
// int64 0/1; anything else stays text.
//
// Threading: a Connection (and a PgTransaction over it) is used by one thread
// at a time; PgDatabase hands connections out exclusively.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "store/database.h"

namespace fazhi::store::postgres {

struct PgConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct PgResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgConnPtr = std::unique_ptr<PGconn, PgConnDeleter>;
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;

// Maps a SQLSTATE to a Status code name (see database.h): 23505 ->
// "unique_violation", 40001/40P01 -> "database_busy", else "database_error".
const char* StatusCodeForSqlState(std::string_view sqlstate);

class Connection {
 public:
  // Connects with client_encoding UTF8. Returns "database_error" on failure
  // (the message carries libpq's text, never the password).
  static Result<std::unique_ptr<Connection>> Connect(const std::string& url);

  // False once libpq noticed the server connection is gone.
  bool Healthy() const;
  // True when the session sits outside any transaction.
  bool Idle() const;

  // Runs one statement with `?` placeholders (rewritten to $n) and text
  // parameters through the prepared-statement cache. Appends rows to *rows
  // and stores PQcmdTuples in *changes when non-null.
  Status Run(std::string_view sql, const std::vector<Value>& params, Rows* rows,
             int64_t* changes);

  // Runs a parameterless command or ';'-separated script (simple protocol).
  // *command_status receives the tag of the last command (e.g. "COMMIT").
  Status Simple(std::string_view sql, std::string* command_status = nullptr);

 private:
  explicit Connection(PgConnPtr conn) : conn_(std::move(conn)) {}
  Status ResultError(const PGresult* res, std::string_view sql) const;
  Status CheckResult(const PGresult* res, std::string_view sql) const;

  static constexpr size_t kMaxCachedStatements = 512;

  PgConnPtr conn_;
  std::unordered_map<std::string, std::string> prepared_;  // caller SQL -> statement name
  int64_t next_statement_ = 0;
};

// The Transaction given to Read/Write callbacks. Remembers the first failed
// statement: after it PostgreSQL refuses everything until ROLLBACK anyway.
class PgTransaction final : public Transaction {
 public:
  explicit PgTransaction(Connection& conn) : conn_(conn) {}
  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params = {}) override;
  Status ExecScript(std::string_view sql) override;

  const Status& first_error() const { return first_error_; }

 private:
  Status Note(Status s);

  Connection& conn_;
  Status first_error_;
};

}  // namespace fazhi::store::postgres
