#include "store/migrations.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "base/clock.h"
#include "store/embedded_migrations.h"

namespace fazhi::store {
namespace {

constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

// Serialises migrators on PostgreSQL across processes and nodes; released at
// the end of each transaction. The key is "fazhi" in ASCII.
constexpr const char* kPgLock = "SELECT pg_advisory_xact_lock(439788103785)";

std::vector<internal::EmbeddedMigration> Sorted(Dialect dialect) {
  std::vector<internal::EmbeddedMigration> out;
  for (const auto& m : internal::EmbeddedMigrations()) {
    if (m.dialect == dialect) out.push_back(m);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.version < b.version; });
  return out;
}

std::string Label(int version, std::string_view name) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d", version);
  return std::string(digits) + "_" + std::string(name);
}

Status Lock(Transaction& tx) {
  if (tx.dialect() != Dialect::kPostgres) return Status::Ok();
  Result<Rows> r = tx.Query(kPgLock);
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace

std::vector<std::pair<int, std::string>> ListMigrations(Dialect dialect) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& m : Sorted(dialect)) out.emplace_back(m.version, std::string(m.name));
  return out;
}

Result<int> ApplyMigrations(Database& db) {
  FAZHI_RETURN_IF_ERROR(db.Write([](Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(Lock(tx));
    Result<int64_t> r = tx.Exec(kCreateTable);
    return r.ok() ? Status::Ok() : r.status();
  }));

  std::map<int, std::string> applied;
  FAZHI_RETURN_IF_ERROR(db.Read([&](Transaction& tx) {
    Result<Rows> rows = tx.Query("SELECT version, name FROM schema_migrations");
    if (!rows.ok()) return rows.status();
    for (const Row& row : rows->rows) applied[static_cast<int>(row.Int(0))] = row.Text(1);
    return Status::Ok();
  }));

  SystemClock clock;
  int count = 0;
  for (const auto& m : Sorted(db.dialect())) {
    const std::string label = Label(m.version, m.name);
    if (auto it = applied.find(m.version); it != applied.end()) {
      if (it->second != m.name) {
        return Status(codes::kConflict, "迁移版本 " + std::to_string(m.version) + " 已以名称 \"" +
                                            it->second + "\" 应用，但文件是 " + label +
                                            ".sql（两个迁移用了同一编号？）");
      }
      continue;
    }
    bool ran = false;
    Status s = db.Write([&](Transaction& tx) {
      ran = false;
      FAZHI_RETURN_IF_ERROR(Lock(tx));
      // Another process may have applied it since the read above.
      Result<Rows> done =
          tx.Query("SELECT name FROM schema_migrations WHERE version = ?", {int64_t{m.version}});
      if (!done.ok()) return done.status();
      if (!done->empty()) return Status::Ok();
      FAZHI_RETURN_IF_ERROR(tx.ExecScript(m.sql));
      Result<int64_t> rec =
          tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                  {int64_t{m.version}, std::string(m.name), clock.NowMs()});
      if (!rec.ok()) return rec.status();
      ran = true;
      return Status::Ok();
    });
    if (!s.ok()) {
      return Status(s.code(), "迁移 " + label + " (" + DialectName(db.dialect()) +
                                  ") 失败: " + s.message());
    }
    if (ran) ++count;
  }
  return count;
}

}  // namespace fazhi::store
