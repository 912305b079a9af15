#include "audit/audit_log.h"

#include <string_view>

#include "audit/checkpoint.h"
#include "base/crypto.h"

namespace fazhi::audit {
namespace {

// Bumped if the encoding ever changes; old records keep verifying only with
// the version they were written with, so a change needs a migration plan.
constexpr std::string_view kCanonicalTag = "fazhi.audit.v1";

constexpr int kMaxPageSize = 200;

void AppendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ',';
}

Status StatusOf(const Result<int64_t>& r) { return r.ok() ? Status::Ok() : r.status(); }

// Number of Unicode code points in UTF-8 text: SQL substr() counts those on
// both dialects.
int64_t CodePoints(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// The WHERE clause (possibly empty) and its parameters for a filter.
void BuildWhere(const Filter& f, std::string* where, std::vector<store::Value>* params) {
  std::string sql;
  auto add = [&](const char* clause) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += clause;
  };
  if (!f.username.empty()) {
    add("username = ?");
    params->emplace_back(f.username);
  }
  if (!f.action.empty()) {
    // Exact on both dialects, unlike LIKE (case-insensitive on SQLite) or a
    // text range (collation-dependent on PostgreSQL).
    add("substr(action, 1, ?) = ?");
    params->emplace_back(CodePoints(f.action));
    params->emplace_back(f.action);
  }
  if (!f.result.empty()) {
    add("result = ?");
    params->emplace_back(f.result);
  }
  if (f.from_ms != 0) {
    add("at >= ?");
    params->emplace_back(f.from_ms);
  }
  if (f.to_ms != 0) {
    add("at < ?");
    params->emplace_back(f.to_ms);
  }
  *where = std::move(sql);
}

}  // namespace

std::string HashHex(std::string_view data) { return ToHex(Sm3(data)); }

std::string Canonical(const StoredRecord& r) {
  std::string out;
  out.reserve(64 + r.username.size() + r.ip.size() + r.action.size() + r.object.size() +
              r.result.size() + r.detail.size());
  AppendField(out, kCanonicalTag);
  AppendField(out, std::to_string(r.seq));
  AppendField(out, std::to_string(r.at_ms));
  AppendField(out, std::to_string(r.user_id));
  AppendField(out, r.username);
  AppendField(out, r.ip);
  AppendField(out, r.action);
  AppendField(out, r.object);
  AppendField(out, r.result);
  AppendField(out, r.detail);
  return out;
}

std::string ChainHash(const std::string& prev_hash_hex, const StoredRecord& r) {
  return HashHex(prev_hash_hex + Canonical(r));
}

AuditLog::AuditLog(std::string checkpoint_path) : checkpoint_path_(std::move(checkpoint_path)) {}

Status AuditLog::Append(store::Transaction& tx, const Record& r) const {
  if (r.action.empty()) return Status(codes::kInvalid, "审计记录缺少操作类型");
  // On PostgreSQL the row lock makes concurrent appenders (any node) wait
  // for this transaction and then read the head it leaves. SQLite has a
  // single writer, so the plain read is already serialised.
  const char* read_head = tx.dialect() == store::Dialect::kPostgres
                              ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                              : "SELECT seq, hash FROM audit_head WHERE id = 1";
  Result<store::Rows> head = tx.Query(read_head);
  if (!head.ok()) return head.status();
  if (head->empty())
    return Status(codes::kDatabase, "audit_head 缺少链头记录（数据库未正确迁移？）");

  StoredRecord s;
  static_cast<Record&>(s) = r;
  s.seq = head->rows[0].Int(0) + 1;
  s.prev_hash = head->rows[0].Text(1);
  s.hash = ChainHash(s.prev_hash, s);

  FAZHI_RETURN_IF_ERROR(StatusOf(tx.Exec(
      "INSERT INTO audit_log (seq, at, user_id, username, ip, action, object, result, detail, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.seq, s.at_ms, s.user_id, s.username, s.ip, s.action, s.object, s.result, s.detail,
       s.prev_hash, s.hash})));
  Result<int64_t> moved =
      tx.Exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {s.seq, s.hash});
  if (!moved.ok()) return moved.status();
  if (*moved != 1) return Status(codes::kDatabase, "audit_head 更新失败");
  return Status::Ok();
}

Result<std::pair<std::vector<StoredRecord>, int64_t>> AuditLog::List(store::Database& db,
                                                                     const Filter& f) const {
  if (f.page < 1) return Status(codes::kInvalid, "页码必须大于等于 1");
  if (f.page_size < 1 || f.page_size > kMaxPageSize) {
    return Status(codes::kInvalid, "每页条数必须在 1 到 200 之间");
  }
  std::string where;
  std::vector<store::Value> params;
  BuildWhere(f, &where, &params);

  std::vector<StoredRecord> items;
  int64_t total = 0;
  Status s = db.Read([&](store::Transaction& tx) {
    Result<store::Rows> count = tx.Query("SELECT COUNT(*) FROM audit_log" + where, params);
    if (!count.ok()) return count.status();
    total = count->rows.at(0).Int(0);

    std::vector<store::Value> page_params = params;
    page_params.emplace_back(int64_t{f.page_size});
    page_params.emplace_back(static_cast<int64_t>(f.page - 1) * f.page_size);
    std::string sql = kSelectRecords;
    sql += where;
    sql += " ORDER BY seq DESC LIMIT ? OFFSET ?";
    Result<store::Rows> rows = tx.Query(sql, page_params);
    if (!rows.ok()) return rows.status();
    items.reserve(rows->size());
    for (const store::Row& row : rows->rows) items.push_back(RecordFromRow(row));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return std::make_pair(std::move(items), total);
}

Status AuditLog::Checkpoint(store::Database& db) const {
  ChainHead head;
  Status s = db.Read([&](store::Transaction& tx) {
    Result<store::Rows> rows = tx.Query("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status(codes::kDatabase, "audit_head 缺少链头记录");
    head.seq = rows->rows[0].Int(0);
    head.hash = rows->rows[0].Text(1);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (head.seq == 0) return Status::Ok();
  return WriteCheckpointFile(checkpoint_path_, head);
}

}  // namespace fazhi::audit
