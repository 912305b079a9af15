// User administration: create, disable/enable/unlock, reset password, role
// assignments (with 三员分立), and audited reveal of personal data.
#include <algorithm>
#include <regex>
#include <set>

#include "base/personal_data.h"
#include "identity/identity_service.h"
#include "identity/scope.h"

namespace fazhi::identity {

using store::Transaction;

namespace {

bool ValidUsername(const std::string& u) {
  static const std::regex kPattern("^[A-Za-z][A-Za-z0-9_.-]{2,31}$");
  return std::regex_match(u, kPattern);
}

std::string ObjectOf(int64_t user_id) { return "user:" + std::to_string(user_id); }

}  // namespace

Result<Page<UserView>> IdentityService::ListUsers(const std::string& q, int page, int page_size) {
  Page<UserView> out;
  Status st = db_.Read([&](Transaction& tx) {
    const std::string like = "%" + q + "%";
    const std::string where = q.empty() ? "" : " WHERE username LIKE ? OR display_name LIKE ?";
    std::vector<store::Value> params;
    if (!q.empty()) params = {like, like};
    auto count = tx.Query("SELECT COUNT(*) FROM users" + where, params);
    if (!count.ok()) return count.status();
    out.total = count->rows[0].Int(0);
    params.push_back(static_cast<int64_t>(page_size));
    params.push_back(static_cast<int64_t>((page - 1) * page_size));
    auto ids = tx.Query("SELECT id FROM users" + where + " ORDER BY username LIMIT ? OFFSET ?", params);
    if (!ids.ok()) return ids.status();
    for (const auto& row : ids->rows) {
      auto u = LoadUser(tx, row.Int(0));
      if (!u.ok()) return u.status();
      out.items.push_back(std::move(u).value());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<UserView> IdentityService::GetUser(int64_t id) {
  UserView v;
  Status st = db_.Read([&](Transaction& tx) {
    auto u = LoadUser(tx, id);
    if (!u.ok()) return u.status();
    v = std::move(u).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return v;
}

Status IdentityService::ValidateAssignments(Transaction& tx, const std::vector<Assignment>& roles) {
  std::set<std::string> seen;
  int admin_roles = 0;
  bool business = false;
  for (const auto& a : roles) {
    if (!seen.insert(a.role).second) return Status("validation_failed", "角色重复：" + a.role);
    auto rows = tx.Query("SELECT admin_kind FROM roles WHERE code = ?", {a.role});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("validation_failed", "角色不存在：" + a.role);
    if (rows->rows[0].Text(0).empty()) {
      business = true;
    } else {
      ++admin_roles;
    }
    if (a.scope == Scope::kOrgs) {
      if (a.org_ids.empty()) return Status("validation_failed", "指定单位范围须至少选择一个单位");
      for (int64_t org : a.org_ids) {
        auto o = tx.Query("SELECT 1 FROM orgs WHERE id = ?", {org});
        if (!o.ok()) return o.status();
        if (o->empty()) return Status("validation_failed", "指定的单位不存在");
      }
    }
  }
  if (admin_roles > 1)
    return Status("separation_of_duties", "三员分立：同一账号不得同时担任系统管理员、安全管理员、审计管理员中的两个角色");
  if (admin_roles == 1 && business)
    return Status("separation_of_duties", "三员分立：管理员账号不得同时拥有业务角色");
  return Status::Ok();
}

Result<UserView> IdentityService::InsertUser(Transaction& tx, const NewUser& u, bool must_change,
                                             FieldErrors* errors, int64_t* new_id) {
  if (!ValidUsername(u.username))
    (*errors)["username"] = "用户名须以字母开头，3–32 位字母、数字或 _ . -";
  if (u.display_name.empty() || u.display_name.size() > 100) (*errors)["displayName"] = "请填写姓名";
  if (!u.id_number.empty() && !IsValidIdNumber(u.id_number))
    (*errors)["idNumber"] = "身份证号码格式或校验位不正确";
  if (!u.phone.empty() && !IsValidMobile(u.phone)) (*errors)["phone"] = "手机号码格式不正确";
  Status pw = policy_.Check(u.password, u.username);
  if (!pw.ok()) (*errors)["password"] = pw.message();
  auto org = tx.Query("SELECT 1 FROM orgs WHERE id = ?", {u.org_id});
  if (!org.ok()) return org.status();
  if (org->empty()) (*errors)["orgId"] = "所属机构不存在";
  if (!errors->empty()) return Status("validation_failed", "请检查填写的内容");
  FAZHI_RETURN_IF_ERROR(ValidateAssignments(tx, u.roles));
  auto dup = tx.Query("SELECT 1 FROM users WHERE username = ?", {u.username});
  if (!dup.ok()) return dup.status();
  if (!dup->empty()) {
    (*errors)["username"] = "用户名已存在";
    return Status("duplicate", "用户名已存在");
  }
  auto hash = HashPassword(u.password);
  if (!hash.ok()) return hash.status();
  const int64_t now = clock_.NowMs();
  const int64_t id = ids_.Next();
  auto r = tx.Exec(
      "INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, "
      "must_change_password, status, id_number_enc, id_number_index, id_number_masked, phone_enc, "
      "phone_masked, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?)",
      {id, u.username, u.display_name, u.org_id, hash.value(), now,
       static_cast<int64_t>(must_change ? 1 : 0),
       u.id_number.empty() ? std::string() : cipher_.Encrypt(u.id_number),
       u.id_number.empty() ? std::string() : cipher_.BlindIndex(u.id_number),
       u.id_number.empty() ? std::string() : MaskIdNumber(u.id_number),
       u.phone.empty() ? std::string() : cipher_.Encrypt(u.phone),
       u.phone.empty() ? std::string() : MaskPhone(u.phone), now, now});
  if (!r.ok()) return r.status();
  for (const auto& a : u.roles) {
    auto w = tx.Exec("INSERT INTO role_assignments (id, user_id, role_code, scope, org_ids) VALUES (?, ?, ?, ?, ?)",
                     {ids_.Next(), id, a.role, std::string(ScopeName(a.scope)), JoinIds(a.org_ids)});
    if (!w.ok()) return w.status();
  }
  *new_id = id;
  return LoadUser(tx, id);
}

Result<UserView> IdentityService::CreateUser(const Principal& actor, const NewUser& u,
                                             const std::string& ip, FieldErrors* errors) {
  if (!u.roles.empty() && !actor.Can("role:assign"))
    return Status("forbidden", "三员分立：角色授权须由安全管理员进行");
  UserView out;
  Status st = db_.Write([&](Transaction& tx) {
    int64_t id = 0;
    auto v = InsertUser(tx, u, /*must_change=*/true, errors, &id);
    if (!v.ok()) return v.status();
    out = std::move(v).value();
    return Audit(tx, &actor, ip, "user.create", ObjectOf(id), "success", "username=" + u.username);
  });
  if (!st.ok()) return st;
  return out;
}

Result<UserView> IdentityService::CreateUserFromCli(const NewUser& u, FieldErrors* errors) {
  UserView out;
  Principal cli;
  cli.username = "cli";
  Status st = db_.Write([&](Transaction& tx) {
    int64_t id = 0;
    auto v = InsertUser(tx, u, /*must_change=*/true, errors, &id);
    if (!v.ok()) return v.status();
    out = std::move(v).value();
    return Audit(tx, &cli, "local", "user.create", ObjectOf(id), "success",
                 "username=" + u.username + " (command line)");
  });
  if (!st.ok()) return st;
  return out;
}

Result<UserView> IdentityService::SetUserStatus(const Principal& actor, int64_t id,
                                                const std::string& action, const std::string& ip) {
  if (action != "disable" && action != "enable" && action != "unlock")
    return Status("not_found", "未知操作");
  if (id == actor.user_id && action == "disable") return Status("conflict", "不能停用自己的账号");
  UserView out;
  Status st = db_.Write([&](Transaction& tx) {
    Result<int64_t> r = Status("internal", "unset");
    if (action == "disable") {
      r = tx.Exec("UPDATE users SET status = 'disabled', updated_at = ? WHERE id = ?", {clock_.NowMs(), id});
      if (r.ok() && r.value() > 0) {
        auto s = tx.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ?", {id});
        if (!s.ok()) return s.status();
      }
    } else if (action == "enable") {
      r = tx.Exec("UPDATE users SET status = 'active', updated_at = ? WHERE id = ?", {clock_.NowMs(), id});
    } else {
      r = tx.Exec("UPDATE users SET failed_attempts = 0, locked_until = 0, updated_at = ? WHERE id = ?",
                  {clock_.NowMs(), id});
    }
    if (!r.ok()) return r.status();
    if (r.value() == 0) return Status("not_found", "用户不存在");
    auto v = LoadUser(tx, id);
    if (!v.ok()) return v.status();
    out = std::move(v).value();
    return Audit(tx, &actor, ip, "user." + action, ObjectOf(id), "success", "");
  });
  if (!st.ok()) return st;
  return out;
}

Status IdentityService::ResetPassword(const Principal& actor, int64_t id, const std::string& password,
                                      const std::string& ip) {
  std::string username;
  FAZHI_RETURN_IF_ERROR(db_.Read([&](Transaction& tx) {
    auto rows = tx.Query("SELECT username FROM users WHERE id = ?", {id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "用户不存在");
    username = rows->rows[0].Text(0);
    return Status::Ok();
  }));
  FAZHI_RETURN_IF_ERROR(policy_.Check(password, username));
  auto hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  return db_.Write([&](Transaction& tx) {
    const int64_t now = clock_.NowMs();
    auto r = tx.Exec(
        "UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = 1, "
        "failed_attempts = 0, locked_until = 0, updated_at = ? WHERE id = ?",
        {hash.value(), now, now, id});
    if (!r.ok()) return r.status();
    r = tx.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ?", {id});
    if (!r.ok()) return r.status();
    return Audit(tx, &actor, ip, "user.password_reset", ObjectOf(id), "success",
                 "must change at next sign-in");
  });
}

Result<UserView> IdentityService::SetRoles(const Principal& actor, int64_t id,
                                           const std::vector<Assignment>& roles,
                                           const std::string& ip) {
  if (id == actor.user_id) return Status("separation_of_duties", "不能为自己授权");
  UserView out;
  Status st = db_.Write([&](Transaction& tx) {
    auto before = LoadUser(tx, id);
    if (!before.ok()) return before.status();
    FAZHI_RETURN_IF_ERROR(ValidateAssignments(tx, roles));
    auto d = tx.Exec("DELETE FROM role_assignments WHERE user_id = ?", {id});
    if (!d.ok()) return d.status();
    std::string detail;
    for (const auto& a : roles) {
      auto w = tx.Exec(
          "INSERT INTO role_assignments (id, user_id, role_code, scope, org_ids) VALUES (?, ?, ?, ?, ?)",
          {ids_.Next(), id, a.role, std::string(ScopeName(a.scope)), JoinIds(a.org_ids)});
      if (!w.ok()) return w.status();
      detail += (detail.empty() ? "" : ",") + a.role + "/" + ScopeName(a.scope);
    }
    auto v = LoadUser(tx, id);
    if (!v.ok()) return v.status();
    out = std::move(v).value();
    return Audit(tx, &actor, ip, "user.roles", ObjectOf(id), "success",
                 detail.empty() ? "(none)" : detail);
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::string> IdentityService::RevealUserField(const Principal& actor, int64_t id,
                                                     const std::string& field,
                                                     const std::string& ip) {
  const char* column = field == "idNumber" ? "id_number_enc" : field == "phone" ? "phone_enc" : nullptr;
  if (!column) return Status("validation_failed", "未知的个人信息字段");
  std::string clear;
  Status st = db_.Write([&](Transaction& tx) {
    auto rows = tx.Query(std::string("SELECT u.") + column +
                             ", u.org_id, o.path FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ?",
                         {id});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status("not_found", "用户不存在");
    // Scope: the reveal permission must cover the user's org.
    auto mine = tx.Query("SELECT path FROM orgs WHERE id = ?", {actor.org_id});
    if (!mine.ok()) return mine.status();
    RecordOwner owner{rows->rows[0].Int(1), rows->rows[0].Text(2), id};
    const std::string my_path = mine->empty() ? "" : mine->rows[0].Text(0);
    bool allowed = false;
    for (const auto& a : actor.assignments)
      if (RoleGrants(tx, a.role, "personal_data:reveal") && ScopeCovers(a, actor, my_path, owner))
        allowed = true;
    if (!allowed) return Status("not_found", "用户不存在");
    const std::string token = rows->rows[0].Text(0);
    if (token.empty()) return Status("not_found", "未登记该项个人信息");
    auto plain = cipher_.Decrypt(token);
    if (!plain.ok()) return Status("internal", "个人信息解密失败");
    clear = plain.value();
    return Audit(tx, &actor, ip, "personal_data.reveal", ObjectOf(id), "success", "field=" + field);
  });
  if (!st.ok()) return st;
  return clear;
}

}  // namespace fazhi::identity
