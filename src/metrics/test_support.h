// Shared by the metrics tests: the source tree, the real role catalog and
// the kinds of a definitions directory.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "engine/matter_service.h"
#include "identity/catalog.h"
#include "store/database.h"

namespace fazhi::metrics::testing {

inline std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

inline std::vector<std::string> CatalogRoles() {
  std::vector<std::string> roles;
  auto catalog = identity::LoadCatalog(SourceDir() + "/definitions");
  if (catalog.ok())
    for (const auto& r : catalog->roles) roles.push_back(r.code);
  return roles;
}

// The kinds of definitions/<sub> (with the shipped option lists) (e.g. "kinds-test"); empty on error.
inline std::unique_ptr<engine::KindRegistry> LoadRegistry(const std::vector<std::string>& subdirs) {
  auto lists = engine::LoadOptionLists(SourceDir() + "/definitions/lists");
  if (!lists.ok()) return nullptr;
  std::vector<engine::KindDef> all;
  for (const auto& sub : subdirs) {
    auto kinds = engine::LoadKinds(SourceDir() + "/definitions/" + sub, CatalogRoles(), *lists);
    if (!kinds.ok()) return nullptr;
    for (auto& k : kinds.value()) all.push_back(std::move(k));
  }
  return std::make_unique<engine::KindRegistry>(std::move(all));
}

// 10:00 China time on a "YYYY-MM-DD" day, as UTC epoch ms.
inline int64_t At(const std::string& day) {
  auto d = calendar::Date::Parse(day);
  return d.ok() ? d->ToDays() * 86400000LL + 2LL * 3600 * 1000 : 0;
}

// Rows written straight into the engine's tables, for counting tests.
struct TestMatter {
  int64_t id = 0;
  std::string kind = "test_case", state = "submitted", outcome;
  int64_t org_id = 0;
  std::string org_path;
  int64_t creator_id = 1, assignee_id = 0;
  int64_t received_at = 0, closed_at = 0;  // closed_at 0 = NULL
  std::string data = "{}";
};

inline Status InsertOrg(store::Transaction& tx, int64_t id, int64_t parent, const std::string& path) {
  auto r = tx.Exec("INSERT INTO orgs (id, parent_id, code, name, short_name, type, path, created_at) "
                   "VALUES (?, ?, ?, ?, '', 'department', ?, 0)",
                   {id, parent ? store::Value(parent) : store::Value(), "O" + std::to_string(id),
                    "单位" + std::to_string(id), path});
  return r.ok() ? Status::Ok() : r.status();
}

inline Status InsertMatter(store::Transaction& tx, const TestMatter& m) {
  auto r = tx.Exec(
      "INSERT INTO matters (id, kind, kind_version, number, title, org_id, org_path, creator_id, state, outcome, "
      "assignee_id, received_at, closed_at, data, created_at, updated_at) "
      "VALUES (?, ?, 1, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.id, m.kind, "事项" + std::to_string(m.id), m.org_id, m.org_path, m.creator_id, m.state, m.outcome,
       m.assignee_id, m.received_at, m.closed_at ? store::Value(m.closed_at) : store::Value(), m.data,
       m.received_at, m.received_at});
  return r.ok() ? Status::Ok() : r.status();
}

inline Status InsertEvent(store::Transaction& tx, int64_t id, int64_t matter_id, int seq, const std::string& action,
                          int64_t at) {
  auto r = tx.Exec(
      "INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, to_state) "
      "VALUES (?, ?, ?, ?, 1, 'u', ?, '', '')",
      {id, matter_id, static_cast<int64_t>(seq), at, action});
  return r.ok() ? Status::Ok() : r.status();
}

inline Status InsertDeadline(store::Transaction& tx, int64_t matter_id, const std::string& name,
                             const std::string& status, const std::string& due_on, const std::string& stopped_on) {
  auto r = tx.Exec(
      "INSERT INTO matter_deadlines (matter_id, name, status, started_on, due_on, stopped_on) "
      "VALUES (?, ?, ?, '', ?, ?)",
      {matter_id, name, status, due_on, stopped_on});
  return r.ok() ? Status::Ok() : r.status();
}

inline Status InsertLink(store::Transaction& tx, int64_t from, int64_t to) {
  auto r = tx.Exec("INSERT INTO matter_links (from_id, to_id, field, created_at) VALUES (?, ?, '', 0)", {from, to});
  return r.ok() ? Status::Ok() : r.status();
}

// The sample the compiler and service tests count (year 2024 unless noted):
//   org 1 "/1/" ⊃ org 2 "/1/2/"; org 3 "/3/"
//   101 closed 合法 (org 2, 行政规范性文件) recv 03-01 closed 03-10, on time,
//       feedback given (2025-01-05), linked to 104
//   102 closed 不合法 (org 3, 行政协议) recv 2023-12-30 closed 01-02, late
//   103 closed 合法 (org 2, 行政规范性文件) recv 12-20, closed at the first
//       instant of 2025; its deadline has no due date
//   104 submitted (org 1, 其他) recv 06-01
//   105 other_kind closed (org 1) recv 05-01 closed 05-02
//   106 closed 修改后合法 (org 1, 行政协议) recv 11-01, closed at the last
//       millisecond of 2024
inline Status SeedSample(store::Database& db, int64_t year_end_2024_ms) {
  return db.Write([&](store::Transaction& tx) -> Status {
    FAZHI_RETURN_IF_ERROR(InsertOrg(tx, 1, 0, "/1/"));
    FAZHI_RETURN_IF_ERROR(InsertOrg(tx, 2, 1, "/1/2/"));
    FAZHI_RETURN_IF_ERROR(InsertOrg(tx, 3, 0, "/3/"));
    auto matter = [](int64_t id, std::string state, std::string outcome, int64_t org, std::string path,
                     std::string category, int64_t received, int64_t closed) {
      TestMatter m;
      m.id = id;
      m.state = std::move(state);
      m.outcome = std::move(outcome);
      m.org_id = org;
      m.org_path = std::move(path);
      m.received_at = received;
      m.closed_at = closed;
      m.data = "{\"category\":\"" + category + "\"}";
      return m;
    };
    const TestMatter rows[] = {
        matter(101, "closed", "合法", 2, "/1/2/", "行政规范性文件", At("2024-03-01"), At("2024-03-10")),
        matter(102, "closed", "不合法", 3, "/3/", "行政协议", At("2023-12-30"), At("2024-01-02")),
        matter(103, "closed", "合法", 2, "/1/2/", "行政规范性文件", At("2024-12-20"), year_end_2024_ms),
        matter(104, "submitted", "", 1, "/1/", "其他", At("2024-06-01"), 0),
        matter(105, "closed", "", 1, "/1/", "其他", At("2024-05-01"), At("2024-05-02")),
        matter(106, "closed", "修改后合法", 1, "/1/", "行政协议", At("2024-11-01"), year_end_2024_ms - 1),
    };
    for (TestMatter m : rows) {
      if (m.id == 105) m.kind = "other_kind";
      FAZHI_RETURN_IF_ERROR(InsertMatter(tx, m));
      FAZHI_RETURN_IF_ERROR(InsertEvent(tx, m.id * 10, m.id, 1, "create", m.received_at));
      if (m.closed_at) FAZHI_RETURN_IF_ERROR(InsertEvent(tx, m.id * 10 + 1, m.id, 2, "close", m.closed_at));
    }
    FAZHI_RETURN_IF_ERROR(InsertEvent(tx, 1012, 101, 3, "feedback", At("2025-01-05")));
    FAZHI_RETURN_IF_ERROR(InsertDeadline(tx, 101, "handling", "stopped", "2024-03-12", "2024-03-10"));
    FAZHI_RETURN_IF_ERROR(InsertDeadline(tx, 102, "handling", "stopped", "2024-01-01", "2024-01-02"));
    FAZHI_RETURN_IF_ERROR(InsertDeadline(tx, 103, "handling", "stopped", "", "2025-01-01"));
    return InsertLink(tx, 101, 104);
  });
}

}  // namespace fazhi::metrics::testing
