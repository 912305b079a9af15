#include "api/identity_views.h"

#include <charconv>

#include "base/ids.h"

namespace fazhi::api {

namespace {

Json AssignmentsJson(const std::vector<identity::RoleAssignmentView>& roles) {
  Json arr = Json::array();
  for (const auto& a : roles) {
    Json orgs = Json::array();
    for (int64_t id : a.org_ids) orgs.push_back(IdToString(id));
    arr.push_back({{"role", a.role},
                   {"roleName", a.role_name},
                   {"scope", identity::ScopeName(a.scope)},
                   {"orgIds", orgs}});
  }
  return arr;
}

bool ParseIntParam(const std::string& s, int min, int max, int* out) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < min || v > max) return false;
  *out = v;
  return true;
}

}  // namespace

Json UserJson(const identity::UserView& u) {
  return {{"id", IdToString(u.id)},
          {"username", u.username},
          {"displayName", u.display_name},
          {"orgId", IdToString(u.org_id)},
          {"orgName", u.org_name},
          {"status", u.status},
          {"mustChangePassword", u.must_change_password},
          {"totpEnabled", u.totp_enabled},
          {"idNumber", u.id_number_masked},
          {"phone", u.phone_masked},
          {"roles", AssignmentsJson(u.roles)}};
}

Json MeJson(const identity::UserView& u, const identity::Principal& p) {
  Json j = UserJson(u);
  Json perms = Json::array();
  for (const auto& perm : p.permissions) perms.push_back(perm);
  j["permissions"] = perms;
  j["mustChangePassword"] = p.must_change_password;
  return j;
}

Json OrgJson(const identity::OrgView& o) {
  return {{"id", IdToString(o.id)},
          {"parentId", o.parent_id ? Json(IdToString(o.parent_id)) : Json(nullptr)},
          {"code", o.code},
          {"name", o.name},
          {"shortName", o.short_name},
          {"type", o.type}};
}

Json RoleJson(const identity::RoleView& r) {
  return {{"code", r.code},
          {"name", r.name},
          {"admin", !r.admin_kind.empty()},
          {"adminKind", r.admin_kind},
          {"builtin", r.builtin},
          {"permissions", r.permissions}};
}

Status ParseAssignments(const Json& arr, std::vector<identity::Assignment>* out) {
  if (!arr.is_array()) return Status("validation_failed", "roles 必须是数组");
  for (const auto& item : arr) {
    if (!item.is_object() || !item.contains("role") || !item["role"].is_string())
      return Status("validation_failed", "每个角色须包含 role");
    identity::Assignment a;
    a.role = item["role"].get<std::string>();
    std::string scope = item.value("scope", std::string("self"));
    if (!item.value("scope", Json("self")).is_string() || !identity::ParseScope(scope, &a.scope))
      return Status("validation_failed", "数据范围不正确：" + scope);
    if (item.contains("orgIds")) {
      if (!item["orgIds"].is_array()) return Status("validation_failed", "orgIds 必须是数组");
      for (const auto& id : item["orgIds"]) {
        int64_t v = id.is_string() ? IdFromString(id.get<std::string>()) : 0;
        if (!v) return Status("validation_failed", "orgIds 中含无效的单位编号");
        a.org_ids.push_back(v);
      }
    }
    out->push_back(std::move(a));
  }
  return Status::Ok();
}

Status ParsePaging(const http::Request& req, int* page, int* page_size) {
  *page = 1;
  *page_size = 20;
  if (req.HasQuery("page") && !ParseIntParam(req.Query("page"), 1, 1000000, page))
    return Status("invalid_query", "page 须为正整数");
  if (req.HasQuery("pageSize") && !ParseIntParam(req.Query("pageSize"), 1, 200, page_size))
    return Status("invalid_query", "pageSize 须为 1–200 的整数");
  return Status::Ok();
}

int64_t PathId(const http::Request& req, const char* name) { return IdFromString(req.Param(name)); }

}  // namespace fazhi::api
