// Construction, catalog seeding, principal loading and shared helpers.
#include "identity/identity_service.h"

#include <algorithm>
#include <sstream>

namespace fazhi::identity {

using store::Transaction;

namespace {

std::vector<int64_t> ParseIdList(const std::string& s) {
  std::vector<int64_t> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (int64_t v = IdFromString(item)) out.push_back(v);
  return out;
}

}  // namespace

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

IdentityService::IdentityService(store::Database& db, const Clock& clock, IdGenerator& ids,
                                 const audit::AuditLog& audit, const FieldCipher& cipher,
                                 const PasswordPolicy& policy, Catalog catalog,
                                 IdentityOptions options)
    : db_(db),
      clock_(clock),
      ids_(ids),
      audit_(audit),
      cipher_(cipher),
      policy_(policy),
      catalog_(std::move(catalog)),
      opt_(options),
      principals_(options.principal_cache_size) {
  auto h = HashPassword("unknown-user-dummy-Password1!");
  if (h.ok()) dummy_hash_ = h.value();
}

Status IdentityService::Audit(Transaction& tx, const Principal* actor, const std::string& ip,
                              const std::string& action, const std::string& object,
                              const std::string& result, const std::string& detail) const {
  audit::Record r;
  r.at_ms = clock_.NowMs();
  r.user_id = actor ? actor->user_id : 0;
  r.username = actor ? actor->username : "";
  r.ip = ip;
  r.action = action;
  r.object = object;
  r.result = result;
  r.detail = detail;
  return audit_.Append(tx, r);
}

Status IdentityService::SeedCatalog() {
  return db_.Write([&](Transaction& tx) {
    for (const auto& p : catalog_.permissions) {
      auto rows = tx.Query("SELECT code FROM permissions WHERE code = ?", {p.code});
      if (!rows.ok()) return rows.status();
      auto w = rows->empty()
                   ? tx.Exec("INSERT INTO permissions (code, name, grp, admin_only) VALUES (?, ?, ?, ?)",
                             {p.code, p.name, p.group, static_cast<int64_t>(p.admin_only)})
                   : tx.Exec("UPDATE permissions SET name = ?, grp = ?, admin_only = ? WHERE code = ?",
                             {p.name, p.group, static_cast<int64_t>(p.admin_only), p.code});
      if (!w.ok()) return w.status();
    }
    for (const auto& role : catalog_.roles) {
      auto rows = tx.Query("SELECT code FROM roles WHERE code = ?", {role.code});
      if (!rows.ok()) return rows.status();
      const bool fresh = rows->empty();
      if (fresh) {
        auto w = tx.Exec("INSERT INTO roles (code, name, admin_kind, builtin) VALUES (?, ?, ?, 1)",
                         {role.code, role.name, role.admin_kind});
        if (!w.ok()) return w.status();
      }
      // Administrator roles are fixed by definition; business roles keep
      // whatever the security administrator made of them.
      if (fresh || !role.admin_kind.empty()) {
        auto d = tx.Exec("DELETE FROM role_permissions WHERE role_code = ?", {role.code});
        if (!d.ok()) return d.status();
        for (const auto& perm : role.permissions) {
          auto w = tx.Exec("INSERT INTO role_permissions (role_code, permission_code) VALUES (?, ?)",
                           {role.code, perm});
          if (!w.ok()) return w.status();
        }
      }
    }
    return Status::Ok();
  });
}

bool IdentityService::RoleGrants(Transaction& tx, const std::string& role,
                                 const std::string& permission) {
  auto rows = tx.Query("SELECT 1 FROM role_permissions WHERE role_code = ? AND permission_code = ?",
                       {role, permission});
  return rows.ok() && !rows->empty();
}

Result<Principal> IdentityService::LoadPrincipal(Transaction& tx, int64_t user_id) {
  auto rows = tx.Query(
      "SELECT id, username, display_name, org_id, must_change_password, password_changed_at, "
      "totp_enabled FROM users WHERE id = ?",
      {user_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status("unauthenticated", "请先登录");
  const auto& u = rows->rows[0];
  Principal p;
  p.user_id = u.Int(0);
  p.username = u.Text(1);
  p.display_name = u.Text(2);
  p.org_id = u.Int(3);
  p.must_change_password = u.Int(4) != 0 || PasswordExpired(u.Int(5), clock_.NowMs());
  const bool totp_enabled = u.Int(6) != 0;
  auto org = tx.Query("SELECT path FROM orgs WHERE id = ?", {p.org_id});
  if (!org.ok()) return org.status();
  if (!org->empty()) p.org_path = org->rows[0].Text(0);

  auto assigned = tx.Query(
      "SELECT a.role_code, a.scope, a.org_ids, r.admin_kind FROM role_assignments a "
      "JOIN roles r ON r.code = a.role_code WHERE a.user_id = ? ORDER BY a.role_code",
      {user_id});
  if (!assigned.ok()) return assigned.status();
  for (const auto& row : assigned->rows) {
    // An administrator without a second factor gets no administrator rights
    // until TOTP is enrolled (mandatory for the three admin roles).
    if (!row.Text(3).empty() && !totp_enabled) continue;
    Assignment a;
    a.role = row.Text(0);
    if (!ParseScope(row.Text(1), &a.scope)) a.scope = Scope::kSelf;
    a.org_ids = ParseIdList(row.Text(2));
    auto perms = tx.Query("SELECT permission_code FROM role_permissions WHERE role_code = ?",
                          {a.role});
    if (!perms.ok()) return perms.status();
    for (const auto& pr : perms->rows) {
      p.permissions.insert(pr.Text(0));
      a.permissions.insert(pr.Text(0));
    }
    p.assignments.push_back(std::move(a));
  }
  return p;
}

bool IdentityService::PasswordExpired(int64_t changed_at_ms, int64_t now_ms) const {
  return opt_.password_max_age_ms > 0 && now_ms - changed_at_ms >= opt_.password_max_age_ms;
}

Result<UserView> IdentityService::LoadUser(Transaction& tx, int64_t user_id) {
  auto rows = tx.Query(
      "SELECT u.id, u.username, u.display_name, u.org_id, o.name, u.status, u.locked_until, "
      "u.must_change_password, u.totp_enabled, u.id_number_masked, u.phone_masked, "
      "u.password_changed_at FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ?",
      {user_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status("not_found", "用户不存在");
  const auto& r = rows->rows[0];
  UserView v;
  v.id = r.Int(0);
  v.username = r.Text(1);
  v.display_name = r.Text(2);
  v.org_id = r.Int(3);
  v.org_name = r.Text(4);
  v.status = r.Text(5);
  if (v.status == "active" && r.Int(6) > clock_.NowMs()) v.status = "locked";
  v.must_change_password = r.Int(7) != 0 || PasswordExpired(r.Int(11), clock_.NowMs());
  v.totp_enabled = r.Int(8) != 0;
  v.id_number_masked = r.Text(9);
  v.phone_masked = r.Text(10);
  auto assigned = tx.Query(
      "SELECT a.role_code, r.name, a.scope, a.org_ids FROM role_assignments a "
      "JOIN roles r ON r.code = a.role_code WHERE a.user_id = ? ORDER BY a.role_code",
      {user_id});
  if (!assigned.ok()) return assigned.status();
  for (const auto& row : assigned->rows) {
    RoleAssignmentView a;
    a.role = row.Text(0);
    a.role_name = row.Text(1);
    if (!ParseScope(row.Text(2), &a.scope)) a.scope = Scope::kSelf;
    a.org_ids = ParseIdList(row.Text(3));
    v.roles.push_back(std::move(a));
  }
  return v;
}

}  // namespace fazhi::identity
