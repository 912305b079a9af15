// Organisations (tree with materialised paths) and roles/permissions.
#include <algorithm>
#include <regex>
#include <set>

#include "identity/identity_service.h"

namespace fazhi::identity {

using store::Transaction;

namespace {

const std::set<std::string> kOrgTypes = {"government", "department", "township", "office", "law_firm"};

OrgView OrgFromRow(const store::Row& r) {
  OrgView o;
  o.id = r.Int(0);
  o.parent_id = r.IsNull(1) ? 0 : r.Int(1);
  o.code = r.Text(2);
  o.name = r.Text(3);
  o.short_name = r.Text(4);
  o.type = r.Text(5);
  o.path = r.Text(6);
  return o;
}

const char* kOrgColumns = "id, parent_id, code, name, short_name, type, path";

}  // namespace

Result<std::vector<OrgView>> IdentityService::ListOrgs() {
  std::vector<OrgView> out;
  Status st = db_.Read([&](Transaction& tx) {
    auto rows = tx.Query(std::string("SELECT ") + kOrgColumns + " FROM orgs ORDER BY path, code");
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) out.push_back(OrgFromRow(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> IdentityService::OrgIdByCode(const std::string& code) {
  int64_t id = 0;
  Status st = db_.Read([&](Transaction& tx) {
    auto rows = tx.Query("SELECT id FROM orgs WHERE code = ?", {code});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "机构编码不存在：" + code);
    id = rows->rows[0].Int(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Result<int64_t> IdentityService::CreateOrgRaw(Transaction& tx, const NewOrg& org) {
  static const std::regex kCode("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$");
  if (!std::regex_match(org.code, kCode))
    return Status("validation_failed", "机构编码须为 1–32 位字母、数字、_ 或 -");
  if (org.name.empty() || org.name.size() > 200) return Status("validation_failed", "请填写机构名称");
  if (!kOrgTypes.count(org.type)) return Status("validation_failed", "机构类型不正确");
  std::string parent_path = "/";
  if (org.parent_id != 0) {
    auto p = tx.Query("SELECT path FROM orgs WHERE id = ?", {org.parent_id});
    if (!p.ok()) return p.status();
    if (p->empty()) return Status("validation_failed", "上级机构不存在");
    parent_path = p->rows[0].Text(0);
  }
  auto dup = tx.Query("SELECT 1 FROM orgs WHERE code = ?", {org.code});
  if (!dup.ok()) return dup.status();
  if (!dup->empty()) return Status("duplicate", "机构编码已存在：" + org.code);
  const int64_t id = ids_.Next();
  auto r = tx.Exec(
      "INSERT INTO orgs (id, parent_id, code, name, short_name, type, path, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {id, org.parent_id ? store::Value(org.parent_id) : store::Value(), org.code, org.name,
       org.short_name.empty() ? org.name : org.short_name, org.type,
       parent_path + std::to_string(id) + "/", clock_.NowMs()});
  if (!r.ok()) return r.status();
  return id;
}

Result<OrgView> IdentityService::CreateOrg(const Principal& actor, const NewOrg& org,
                                           const std::string& ip) {
  OrgView out;
  Status st = db_.Write([&](Transaction& tx) {
    auto id = CreateOrgRaw(tx, org);
    if (!id.ok()) return id.status();
    auto rows = tx.Query(std::string("SELECT ") + kOrgColumns + " FROM orgs WHERE id = ?", {id.value()});
    if (!rows.ok()) return rows.status();
    out = OrgFromRow(rows->rows[0]);
    return Audit(tx, &actor, ip, "org.create", "org:" + std::to_string(out.id), "success",
                 "code=" + org.code);
  });
  if (!st.ok()) return st;
  return out;
}

Result<OrgView> IdentityService::UpdateOrg(const Principal& actor, int64_t id, const NewOrg& changes,
                                           const std::string& ip) {
  OrgView out;
  Status st = db_.Write([&](Transaction& tx) {
    auto rows = tx.Query(std::string("SELECT ") + kOrgColumns + " FROM orgs WHERE id = ?", {id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "机构不存在");
    OrgView o = OrgFromRow(rows->rows[0]);
    if (!changes.name.empty()) o.name = changes.name;
    if (!changes.short_name.empty()) o.short_name = changes.short_name;
    if (!changes.type.empty()) {
      if (!kOrgTypes.count(changes.type)) return Status("validation_failed", "机构类型不正确");
      o.type = changes.type;
    }
    if (changes.parent_id != 0 && changes.parent_id != o.parent_id) {
      auto p = tx.Query("SELECT path FROM orgs WHERE id = ?", {changes.parent_id});
      if (!p.ok()) return p.status();
      if (p->empty()) return Status("validation_failed", "上级机构不存在");
      const std::string new_parent = p->rows[0].Text(0);
      if (new_parent.rfind(o.path, 0) == 0)
        return Status("validation_failed", "不能把机构移动到其下级机构之下");
      // Move the subtree: rewrite every descendant's path prefix.
      const std::string new_path = new_parent + std::to_string(id) + "/";
      auto subtree = tx.Query("SELECT id, path FROM orgs WHERE path LIKE ?", {o.path + "%"});
      if (!subtree.ok()) return subtree.status();
      for (const auto& row : subtree->rows) {
        auto w = tx.Exec("UPDATE orgs SET path = ? WHERE id = ?",
                         {new_path + row.Text(1).substr(o.path.size()), row.Int(0)});
        if (!w.ok()) return w.status();
      }
      o.parent_id = changes.parent_id;
      o.path = new_path;
    }
    auto w = tx.Exec("UPDATE orgs SET name = ?, short_name = ?, type = ?, parent_id = ? WHERE id = ?",
                     {o.name, o.short_name, o.type,
                      o.parent_id ? store::Value(o.parent_id) : store::Value(), id});
    if (!w.ok()) return w.status();
    out = o;
    return Audit(tx, &actor, ip, "org.update", "org:" + std::to_string(id), "success", "");
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<RoleView>> IdentityService::ListRoles() {
  std::vector<RoleView> out;
  Status st = db_.Read([&](Transaction& tx) {
    auto rows = tx.Query("SELECT code, name, admin_kind, builtin FROM roles ORDER BY admin_kind DESC, code");
    if (!rows.ok()) return rows.status();
    for (const auto& r : rows->rows) {
      RoleView v{r.Text(0), r.Text(1), r.Text(2), r.Int(3) != 0, {}};
      auto perms = tx.Query(
          "SELECT permission_code FROM role_permissions WHERE role_code = ? ORDER BY permission_code",
          {v.code});
      if (!perms.ok()) return perms.status();
      for (const auto& p : perms->rows) v.permissions.push_back(p.Text(0));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<RoleView> IdentityService::CreateRole(const Principal& actor, const std::string& code,
                                             const std::string& name, const std::string& ip) {
  static const std::regex kCode("^[a-z][a-z0-9_]{1,39}$");
  if (!std::regex_match(code, kCode))
    return Status("validation_failed", "角色编码须为小写字母开头的 2–40 位小写字母、数字或下划线");
  if (name.empty() || name.size() > 100) return Status("validation_failed", "请填写角色名称");
  Status st = db_.Write([&](Transaction& tx) {
    auto dup = tx.Query("SELECT 1 FROM roles WHERE code = ?", {code});
    if (!dup.ok()) return dup.status();
    if (!dup->empty()) return Status("duplicate", "角色编码已存在");
    auto w = tx.Exec("INSERT INTO roles (code, name, admin_kind, builtin) VALUES (?, ?, '', 0)", {code, name});
    if (!w.ok()) return w.status();
    return Audit(tx, &actor, ip, "role.create", "role:" + code, "success", "name=" + name);
  });
  if (!st.ok()) return st;
  return RoleView{code, name, "", false, {}};
}

Result<RoleView> IdentityService::SetRolePermissions(const Principal& actor, const std::string& code,
                                                     const std::vector<std::string>& permissions,
                                                     const std::string& ip) {
  RoleView out;
  Status st = db_.Write([&](Transaction& tx) {
    auto role = tx.Query("SELECT name, admin_kind, builtin FROM roles WHERE code = ?", {code});
    if (!role.ok()) return role.status();
    if (role->empty()) return Status("not_found", "角色不存在");
    if (!role->rows[0].Text(1).empty())
      return Status("separation_of_duties", "三员角色的权限由系统固定，不能修改");
    std::set<std::string> unique(permissions.begin(), permissions.end());
    for (const auto& p : unique) {
      auto rows = tx.Query("SELECT admin_only FROM permissions WHERE code = ?", {p});
      if (!rows.ok()) return rows.status();
      if (rows->empty()) return Status("validation_failed", "权限不存在：" + p);
      if (rows->rows[0].Int(0) != 0)
        return Status("separation_of_duties", "三员分立：业务角色不能拥有管理员权限（" + p + "）");
    }
    auto d = tx.Exec("DELETE FROM role_permissions WHERE role_code = ?", {code});
    if (!d.ok()) return d.status();
    std::string detail;
    for (const auto& p : unique) {
      auto w = tx.Exec("INSERT INTO role_permissions (role_code, permission_code) VALUES (?, ?)", {code, p});
      if (!w.ok()) return w.status();
      detail += (detail.empty() ? "" : ",") + p;
    }
    out = RoleView{code, role->rows[0].Text(0), "", role->rows[0].Int(2) != 0,
                   std::vector<std::string>(unique.begin(), unique.end())};
    return Audit(tx, &actor, ip, "role.permissions", "role:" + code, "success",
                 detail.empty() ? "(none)" : detail);
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace fazhi::identity
