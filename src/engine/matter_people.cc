// People named by matters (`user` fields, the timeline): who may look them
// up, the lookup itself, and their names for views. Only a person's display
// name and org name ever leave here.
#include <algorithm>

#include "base/ids.h"
#include "engine/matter_internal.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

namespace {

bool HasUserField(const KindDef& k) {
  return std::any_of(k.fields.begin(), k.fields.end(), [](const FieldDef& f) { return f.type == FieldType::kUser; });
}

bool ActsOn(const identity::Principal& p, const KindDef& k) {
  for (const auto& a : k.actions)
    for (const auto& asg : p.assignments)
      if (std::find(a.roles.begin(), a.roles.end(), asg.role) != a.roles.end()) return true;
  return false;
}

// LIKE pattern for "contains q", ASCII lower-cased, with % _ \ escaped.
std::string ContainsPattern(const std::string& q) {
  std::string out = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out + "%";
}

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

}  // namespace

bool MayNamePeople(const identity::Principal& p, const KindRegistry& kinds) {
  if (!p.Can("matter:read")) return false;  // a business role (administrators hold none)
  return std::any_of(kinds.All().begin(), kinds.All().end(),
                     [&](const KindDef& k) { return HasUserField(k) && (MayCreate(p, k) || ActsOn(p, k)); });
}

Result<std::vector<PersonRef>> MatterService::LookUpPeople(const identity::Principal& p, const PeopleQuery& q) {
  if (!MayNamePeople(p, kinds_)) return Status("forbidden", "没有查找人员的权限");
  std::vector<PersonRef> out;
  Status st = db_.Read([&](Transaction& tx) {
    std::vector<Value> params;
    std::string sql =
        "SELECT u.id, u.display_name, o.name FROM users u JOIN orgs o ON o.id = u.org_id "
        "WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM role_assignments ra JOIN roles r ON r.code = "
        "ra.role_code WHERE ra.user_id = u.id AND r.admin_kind = ''";
    if (!q.roles.empty()) {
      sql += " AND ra.role_code IN (" + Placeholders(q.roles.size()) + ")";
      for (const auto& r : q.roles) params.push_back(r);
    }
    sql += ")";
    if (!q.q.empty()) {
      sql += " AND (LOWER(u.display_name) LIKE ? ESCAPE '\\' OR LOWER(o.name) LIKE ? ESCAPE '\\')";
      params.push_back(ContainsPattern(q.q));
      params.push_back(ContainsPattern(q.q));
    }
    sql += " ORDER BY u.display_name, u.id LIMIT ?";
    params.push_back(static_cast<int64_t>(q.limit));
    auto rows = tx.Query(sql, params);
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

void UserIdsIn(const KindDef& kind, const Json& data, std::set<int64_t>* ids) {
  if (!data.is_object()) return;
  for (const auto& f : kind.fields) {
    if (f.type != FieldType::kUser) continue;
    auto it = data.find(f.key);
    if (it != data.end() && it->is_string())
      if (int64_t id = IdFromString(it->get<std::string>())) ids->insert(id);
  }
}

void UserIdsInDiff(const KindDef& kind, const std::string& diff, std::set<int64_t>* ids) {
  // Most diffs name no user: parse only those that mention a user key.
  std::vector<std::string> keys = {"assignee"};
  for (const auto& f : kind.fields)
    if (f.type == FieldType::kUser) keys.push_back(f.key);
  if (std::none_of(keys.begin(), keys.end(), [&](const std::string& k) { return diff.find("\"" + k + "\"") != std::string::npos; }))
    return;
  const Json j = Json::parse(diff, nullptr, false);
  if (!j.is_object()) return;
  for (const auto& k : keys) {
    auto it = j.find(k);
    if (it == j.end() || !it->is_array()) continue;
    for (const auto& v : *it)
      if (v.is_string())
        if (int64_t id = IdFromString(v.get<std::string>())) ids->insert(id);
  }
}

Result<std::vector<PersonRef>> PeopleByIds(Transaction& tx, const std::set<int64_t>& ids) {
  std::vector<PersonRef> out;
  if (ids.empty()) return out;
  std::vector<Value> params(ids.begin(), ids.end());
  auto rows = tx.Query("SELECT u.id, u.display_name, o.name FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id IN (" +
                           Placeholders(params.size()) + ") ORDER BY u.id",
                       params);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows->rows) out.push_back({r.Int(0), r.Text(1), r.Text(2)});
  return out;
}

}  // namespace fazhi::engine
