// Who may create a matter of a kind, where it is handled, and whom an action
// may assign it to (分流): create_roles, handled_by and assignee_roles of the
// kind definitions.
#include <algorithm>

#include "engine/matter_internal.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

namespace {

// "?, ?, ?" for n values.
std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

}  // namespace

bool MayCreate(const identity::Principal& p, const KindDef& kind) {
  if (!p.Can("matter:create")) return false;
  if (kind.create_roles.empty()) return true;
  return std::any_of(p.assignments.begin(), p.assignments.end(), [&](const auto& a) {
    return std::find(kind.create_roles.begin(), kind.create_roles.end(), a.role) != kind.create_roles.end();
  });
}

Result<int64_t> HandlingOrg(Transaction& tx, const KindDef& kind, int64_t requested, int64_t fallback,
                            FieldErrors* errors) {
  if (kind.handled_by.empty()) return requested ? requested : fallback;
  auto org = tx.Query("SELECT id, name FROM orgs WHERE code = ?", {kind.handled_by});
  if (!org.ok()) return org.status();
  if (org->empty())
    return Status("handling_org_missing", "“" + kind.label + "”的办理机构（" + kind.handled_by + "）尚未设立，请联系系统管理员");
  const int64_t handled = org->rows[0].Int(0);
  if (requested != 0 && requested != handled) (*errors)["orgId"] = "该类事项由“" + org->rows[0].Text(1) + "”办理";
  return handled;
}

Status CheckHoldsRole(Transaction& tx, int64_t user_id, const std::vector<std::string>& roles,
                      const std::string& key, const std::string& prefix, FieldErrors* errors) {
  if (roles.empty()) return Status::Ok();
  std::vector<Value> params = {user_id};
  for (const auto& r : roles) params.push_back(r);
  auto held = tx.Query("SELECT 1 FROM role_assignments WHERE user_id = ? AND role_code IN (" +
                           Placeholders(roles.size()) + ")",
                       params);
  if (!held.ok()) return held.status();
  if (!held->empty()) return Status::Ok();
  params.erase(params.begin());
  auto names = tx.Query("SELECT name FROM roles WHERE code IN (" + Placeholders(roles.size()) + ")", params);
  if (!names.ok()) return names.status();
  std::vector<std::string> sorted;  // by bytes: the same on both backends, whatever the collation
  for (const auto& r : names->rows) sorted.push_back(r.Text(0));
  std::sort(sorted.begin(), sorted.end());
  std::string list;
  for (const auto& name : sorted) list += (list.empty() ? "" : "、") + name;
  (*errors)[key] = prefix + list;
  return Status::Ok();
}

Status CheckAssignee(Transaction& tx, const ActionDef& a, int64_t user_id, FieldErrors* errors) {
  return CheckHoldsRole(tx, user_id, a.assignee_roles, "assignee", "所选人员不能承办此事项，承办人须为：", errors);
}

Result<std::vector<Candidate>> MatterService::Candidates(const identity::Principal& p, int64_t id,
                                                         const std::string& action) {
  std::vector<Candidate> out;
  Status st = db_.Read([&](Transaction& tx) {
    auto m = Load(tx, id);
    if (!m.ok()) return m.status();
    if (!CanRead(p, *m)) return Status("not_found", "事项不存在或无权查看");
    const ActionDef* a = m->kind->Action(action);
    if (!a) return Status("not_found", "该事项类型没有此操作：" + action);
    if (std::find(a->require.begin(), a->require.end(), "assignee") == a->require.end())
      return Status("not_an_assign_action", "“" + a->label + "”不需要选择承办人");
    if (!MayAct(p, *m, *a)) return Status("forbidden", "没有执行“" + a->label + "”的权限");
    // Without assignee_roles: anyone holding a role that acts on this kind.
    std::vector<std::string> roles = a->assignee_roles;
    if (roles.empty()) {
      for (const auto& other : m->kind->actions)
        for (const auto& r : other.roles)
          if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
    }
    std::vector<Value> params;
    for (const auto& r : roles) params.push_back(r);
    auto rows = tx.Query(
        "SELECT u.id, u.display_name, o.name, r.name, "
        "(SELECT COUNT(*) FROM matters w WHERE w.assignee_id = u.id AND w.closed_at IS NULL) "
        "FROM users u JOIN orgs o ON o.id = u.org_id JOIN role_assignments ra ON ra.user_id = u.id "
        "JOIN roles r ON r.code = ra.role_code WHERE u.status = 'active' AND ra.role_code IN (" +
            Placeholders(roles.size()) + ") ORDER BY 5, u.display_name, u.id, r.name LIMIT 1000",
        params);
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) {
      if (out.empty() || out.back().id != r.Int(0))
        out.push_back({r.Int(0), r.Text(1), r.Text(2), {}, r.Int(4)});
      out.back().roles.push_back(r.Text(3));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace fazhi::engine
