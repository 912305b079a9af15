#include "store/postgres/pg_connection.h"

#include <charconv>
#include <cmath>
#include <system_error>
#include <utility>

#include "store/postgres/placeholders.h"

namespace fazhi::store::postgres {
namespace {

// Type OIDs from pg_type (stable across PostgreSQL versions); the server
// headers that define them are not part of libpq-dev.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

std::string Snippet(std::string_view sql) {
  constexpr size_t kMax = 200;
  if (sql.size() <= kMax) return std::string(sql);
  return std::string(sql.substr(0, kMax)) + "…";
}

std::string TrimNewlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string FormatReal(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, ptr);
}

Value ConvertField(const char* text, int length, Oid type) {
  std::string_view s(text, static_cast<size_t>(length));
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec == std::errc()) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec == std::errc() || ec == std::errc::result_out_of_range) return v;
      break;
    }
    case kBoolOid:
      return static_cast<int64_t>(s == "t" ? 1 : 0);
    default:
      break;
  }
  return std::string(s);
}

}  // namespace

const char* StatusCodeForSqlState(std::string_view sqlstate) {
  if (sqlstate == "23505") return codes::kUniqueViolation;
  if (sqlstate == "40001" || sqlstate == "40P01") return "database_busy";
  return codes::kDatabase;
}

Result<std::unique_ptr<Connection>> Connection::Connect(const std::string& url) {
  // Keywords before dbname may be overridden by the URL; client_encoding
  // after it may not (everything here is UTF-8).
  const char* keywords[] = {"application_name", "connect_timeout", "dbname", "client_encoding",
                            nullptr};
  const char* values[] = {"fazhi", "10", url.c_str(), "UTF8", nullptr};
  PgConnPtr conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (!conn) return Status(codes::kDatabase, "无法连接 PostgreSQL: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return Status(codes::kDatabase,
                  "无法连接 PostgreSQL: " + TrimNewlines(PQerrorMessage(conn.get())));
  }
  // Server NOTICEs ("relation already exists, skipping") would go to stderr.
  PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Connection>(new Connection(std::move(conn)));
}

bool Connection::Healthy() const { return PQstatus(conn_.get()) == CONNECTION_OK; }

bool Connection::Idle() const { return PQtransactionStatus(conn_.get()) == PQTRANS_IDLE; }

Status Connection::ResultError(const PGresult* res, std::string_view sql) const {
  if (res == nullptr) {
    return Status(codes::kDatabase,
                  "postgresql: " + TrimNewlines(PQerrorMessage(conn_.get())) + " in: " +
                      Snippet(sql));
  }
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  std::string msg = "postgresql: " + TrimNewlines(PQresultErrorMessage(res));
  if (state) msg += std::string(" (") + state + ")";
  msg += " in: " + Snippet(sql);
  return Status(StatusCodeForSqlState(state ? state : ""), msg);
}

Status Connection::CheckResult(const PGresult* res, std::string_view sql) const {
  if (res != nullptr) {
    ExecStatusType st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
      return Status::Ok();
    }
  }
  return ResultError(res, sql);
}

Status Connection::Run(std::string_view sql, const std::vector<Value>& params, Rows* rows,
                       int64_t* changes) {
  RewrittenSql rewritten = RewritePlaceholders(sql);
  if (rewritten.placeholders != static_cast<int>(params.size())) {
    return Status(codes::kInvalid, "statement has " + std::to_string(rewritten.placeholders) +
                                       " placeholders but " + std::to_string(params.size()) +
                                       " parameters were given: " + Snippet(sql));
  }
  std::vector<std::string> storage(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (auto* n = std::get_if<int64_t>(&v)) {
      storage[i] = std::to_string(*n);
    } else if (auto* d = std::get_if<double>(&v)) {
      storage[i] = FormatReal(*d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      if (s->find('\0') != std::string::npos) {
        return Status(codes::kInvalid, "text parameter " + std::to_string(i + 1) +
                                           " contains a NUL byte: " + Snippet(sql));
      }
      values[i] = s->c_str();
      continue;
    } else {
      continue;  // NULL
    }
    values[i] = storage[i].c_str();
  }
  const int n_params = static_cast<int>(params.size());

  PgResultPtr res;
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end() && prepared_.size() < kMaxCachedStatements) {
    std::string name = "fazhi_" + std::to_string(++next_statement_);
    PgResultPtr prep(PQprepare(conn_.get(), name.c_str(), rewritten.sql.c_str(), n_params, nullptr));
    FAZHI_RETURN_IF_ERROR(CheckResult(prep.get(), sql));
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  if (it != prepared_.end()) {
    res.reset(PQexecPrepared(conn_.get(), it->second.c_str(), n_params, values.data(), nullptr,
                             nullptr, 0));
  } else {
    res.reset(PQexecParams(conn_.get(), rewritten.sql.c_str(), n_params, nullptr, values.data(),
                           nullptr, nullptr, 0));
  }
  Status status = CheckResult(res.get(), sql);
  if (!status.ok()) {
    const char* state = res ? PQresultErrorField(res.get(), PG_DIAG_SQLSTATE) : nullptr;
    // 0A000: "cached plan must not change result type" after DDL; 26000: the
    // statement vanished (DISCARD ALL). Prepare afresh next time.
    if (it != prepared_.end() && state &&
        (std::string_view(state) == "0A000" || std::string_view(state) == "26000")) {
      prepared_.erase(it);
    }
    return status;
  }

  if (rows != nullptr) {
    int n_fields = PQnfields(res.get());
    if (rows->columns.empty()) {
      for (int c = 0; c < n_fields; ++c) rows->columns.emplace_back(PQfname(res.get(), c));
    }
    std::vector<Oid> types(static_cast<size_t>(n_fields));
    for (int c = 0; c < n_fields; ++c) types[c] = PQftype(res.get(), c);
    int n_rows = PQntuples(res.get());
    rows->rows.reserve(rows->rows.size() + static_cast<size_t>(n_rows));
    for (int r = 0; r < n_rows; ++r) {
      std::vector<Value> row;
      row.reserve(static_cast<size_t>(n_fields));
      for (int c = 0; c < n_fields; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          row.emplace_back(std::monostate{});
        } else {
          row.push_back(ConvertField(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c),
                                     types[c]));
        }
      }
      rows->rows.emplace_back(std::move(row));
    }
  }
  if (changes != nullptr) {
    const char* tuples = PQcmdTuples(res.get());
    int64_t n = 0;
    if (tuples && *tuples) std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), n);
    *changes = n;
  }
  return Status::Ok();
}

Status Connection::Simple(std::string_view sql, std::string* command_status) {
  std::string text(sql);
  PgResultPtr res(PQexec(conn_.get(), text.c_str()));
  FAZHI_RETURN_IF_ERROR(CheckResult(res.get(), sql));
  if (command_status != nullptr) *command_status = PQcmdStatus(res.get());
  return Status::Ok();
}

Status PgTransaction::Note(Status s) {
  if (!s.ok() && first_error_.ok()) first_error_ = s;
  return s;
}

Result<Rows> PgTransaction::Query(std::string_view sql, const std::vector<Value>& params) {
  Rows rows;
  Status s = Note(conn_.Run(sql, params, &rows, nullptr));
  if (!s.ok()) return s;
  return rows;
}

Result<int64_t> PgTransaction::Exec(std::string_view sql, const std::vector<Value>& params) {
  int64_t changes = 0;
  Status s = Note(conn_.Run(sql, params, nullptr, &changes));
  if (!s.ok()) return s;
  return changes;
}

Status PgTransaction::ExecScript(std::string_view sql) { return Note(conn_.Simple(sql)); }

}  // namespace fazhi::store::postgres
