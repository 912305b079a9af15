#include "store/sqlite/sqlite_connection.h"

#include <utility>

namespace fazhi::store::sqlite {
namespace {

// Resets a cached statement when a Run ends, however it ends, so the next
// user finds it unbound and not holding a read snapshot open.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementReset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_;
};

std::string Snippet(std::string_view sql) {
  constexpr size_t kMax = 200;
  if (sql.size() <= kMax) return std::string(sql);
  return std::string(sql.substr(0, kMax)) + "…";
}

bool IsBlank(const char* p) {
  // The unparsed tail of a prepare may only hold whitespace and comments.
  while (*p) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ';') {
      ++p;
    } else if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') ++p;
    } else if (p[0] == '/' && p[1] == '*') {
      p += 2;
      while (*p && !(p[0] == '*' && p[1] == '/')) ++p;
      if (*p) p += 2;
    } else {
      return false;
    }
  }
  return true;
}

Value ColumnValue(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
    }
    case SQLITE_BLOB: {
      auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      int n = sqlite3_column_bytes(stmt, i);
      return p ? std::string(p, static_cast<size_t>(n)) : std::string();
    }
    default:
      return std::monostate{};
  }
}

}  // namespace

const char* StatusCodeFor(int extended_rc) {
  if (extended_rc == SQLITE_CONSTRAINT_UNIQUE || extended_rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return codes::kUniqueViolation;
  }
  int primary = extended_rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return "database_busy";
  return codes::kDatabase;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const ConnectionConfig& config) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status(codes::kDatabase, "无法打开 SQLite 数据库 " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, config.busy_timeout_ms);
  std::unique_ptr<Connection> conn(new Connection(db));

  std::string pragmas = "PRAGMA foreign_keys=ON;";
  if (config.writer) {
    pragmas += config.synchronous_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  } else {
    pragmas += "PRAGMA query_only=ON;";
  }
  FAZHI_RETURN_IF_ERROR(conn->ExecScript(pragmas));
  if (config.writer) {
    Rows rows;
    FAZHI_RETURN_IF_ERROR(conn->Run("PRAGMA journal_mode=WAL", {}, &rows, nullptr));
    std::string mode = rows.empty() ? "" : rows.rows[0].Text(0);
    if (mode != "wal") {
      return Status(codes::kDatabase, "SQLite 数据库 " + path + " 无法切换到 WAL 模式 (journal_mode=" +
                                          mode + ")");
    }
  }
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status Connection::Error(int rc, std::string_view sql) const {
  int extended = sqlite3_extended_errcode(db_);
  if ((extended & 0xff) != (rc & 0xff)) extended = rc;
  std::string msg = "sqlite: ";
  msg += sqlite3_errmsg(db_);
  msg += " (" + std::to_string(extended) + ")";
  if (!sql.empty()) msg += " in: " + Snippet(sql);
  return Status(StatusCodeFor(extended), msg);
}

Result<sqlite3_stmt*> Connection::Prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCachedStatements) {
    // Callers building SQL dynamically must not grow this without bound.
    for (auto& [text, stmt] : cache_) sqlite3_finalize(stmt);
    cache_.clear();
  }
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) return Error(rc, sql);
  if (stmt == nullptr) {
    return Status(codes::kInvalid, "empty SQL statement");
  }
  std::string rest(tail, sql.data() + sql.size() - tail);
  if (!IsBlank(rest.c_str())) {
    sqlite3_finalize(stmt);
    return Status(codes::kInvalid,
                  "one statement per Query/Exec (use ExecScript for scripts): " + Snippet(sql));
  }
  cache_.emplace(std::string(sql), stmt);
  return stmt;
}

Status Connection::Run(std::string_view sql, const std::vector<Value>& params, Rows* rows,
                       int64_t* changes) {
  Result<sqlite3_stmt*> prepared = Prepare(sql);
  if (!prepared.ok()) return prepared.status();
  sqlite3_stmt* stmt = *prepared;
  StatementReset reset(stmt);

  int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    return Status(codes::kInvalid, "statement has " + std::to_string(expected) +
                                       " placeholders but " + std::to_string(params.size()) +
                                       " parameters were given: " + Snippet(sql));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int pos = static_cast<int>(i) + 1;
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (auto* n = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, pos, *n);
    } else if (auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, pos, *d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      // SQLITE_STATIC: params outlive the statement's use (reset on exit).
      rc = sqlite3_bind_text64(stmt, pos, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, pos);
    }
    if (rc != SQLITE_OK) return Error(rc, sql);
  }

  Rows local;
  if (rows != nullptr && rows->columns.empty()) {
    int n = sqlite3_column_count(stmt);
    for (int i = 0; i < n; ++i) {
      const char* name = sqlite3_column_name(stmt, i);
      local.columns.emplace_back(name ? name : "");
    }
  }
  int64_t total_before = sqlite3_total_changes64(db_);
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Error(rc, sql);
    if (rows == nullptr) continue;
    int n = sqlite3_data_count(stmt);
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) values.push_back(ColumnValue(stmt, i));
    local.rows.emplace_back(std::move(values));
  }
  if (changes != nullptr) {
    // sqlite3_changes64 keeps the count of the last INSERT/UPDATE/DELETE, so
    // it is stale after DDL or SELECT; only trust it if something changed.
    *changes = sqlite3_total_changes64(db_) != total_before ? sqlite3_changes64(db_) : 0;
  }
  if (rows != nullptr) {
    if (rows->columns.empty()) rows->columns = std::move(local.columns);
    for (Row& r : local.rows) rows->rows.push_back(std::move(r));
  }
  return Status::Ok();
}

Status Connection::ExecScript(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  int extended = sqlite3_extended_errcode(db_);
  if ((extended & 0xff) != (rc & 0xff)) extended = rc;
  std::string msg = "sqlite: ";
  msg += err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  msg += " (" + std::to_string(extended) + ") in script: " + Snippet(sql);
  return Status(StatusCodeFor(extended), msg);
}

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Connection::RollbackIfOpen() {
  if (InTransaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status SqliteTransaction::Note(Status s) {
  if (!s.ok() && first_error_.ok()) first_error_ = s;
  return s;
}

Result<Rows> SqliteTransaction::Query(std::string_view sql, const std::vector<Value>& params) {
  Rows rows;
  Status s = Note(conn_.Run(sql, params, &rows, nullptr));
  if (!s.ok()) return s;
  return rows;
}

Result<int64_t> SqliteTransaction::Exec(std::string_view sql, const std::vector<Value>& params) {
  int64_t changes = 0;
  Status s = Note(conn_.Run(sql, params, nullptr, &changes));
  if (!s.ok()) return s;
  return changes;
}

Status SqliteTransaction::ExecScript(std::string_view sql) { return Note(conn_.ExecScript(sql)); }

}  // namespace fazhi::store::sqlite
