// Administration: users (sysadmin), role assignment (secadmin), orgs
// (sysadmin), roles and permissions (secadmin).
#include "api/errors.h"
#include "api/identity_routes.h"
#include "api/identity_views.h"

namespace fazhi::api {
namespace {

bool CanSeeUsers(const identity::Principal& p) { return p.Can("user:manage") || p.Can("role:assign"); }

http::Response Forbidden() { return ErrorResponse(403, "forbidden", "没有执行此操作的权限"); }

Status ParseOrg(const Json& body, identity::NewOrg* org, bool create) {
  Status st = GetString(body, "code", &org->code, create);
  if (st.ok()) st = GetString(body, "name", &org->name, create);
  if (st.ok()) st = GetString(body, "shortName", &org->short_name);
  if (st.ok()) st = GetString(body, "type", &org->type, create);
  std::string parent;
  if (st.ok()) st = GetString(body, "parentId", &parent);
  if (st.ok() && !parent.empty()) {
    org->parent_id = IdFromString(parent);
    if (!org->parent_id) st = Status("validation_failed", "上级机构编号无效");
  }
  return st;
}

}  // namespace

void AddAdminRoutes(Api& api, identity::IdentityService& service) {
  // --- users
  api.Session("GET", "/api/v1/users", [&service](Call& c) {
    if (!CanSeeUsers(*c.principal)) return Forbidden();
    int page, size;
    if (Status st = ParsePaging(c.req, &page, &size); !st.ok()) return ErrorResponse(st);
    auto users = service.ListUsers(c.req.Query("q"), page, size);
    if (!users.ok()) return ErrorResponse(users.status());
    Json items = Json::array();
    for (const auto& u : users->items) items.push_back(UserJson(u));
    return JsonResponse(200, Json{{"items", items}, {"total", users->total}, {"page", page}, {"pageSize", size}});
  });

  api.Session("GET", "/api/v1/users/{id}", [&service](Call& c) {
    if (!CanSeeUsers(*c.principal)) return Forbidden();
    auto u = service.GetUser(PathId(c.req));
    if (!u.ok()) return ErrorResponse(u.status());
    return JsonResponse(200, UserJson(u.value()));
  });

  api.Permission("POST", "/api/v1/users", "user:manage", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    identity::NewUser u;
    std::string org;
    Status st = GetString(body, "username", &u.username, true);
    if (st.ok()) st = GetString(body, "displayName", &u.display_name, true);
    if (st.ok()) st = GetString(body, "password", &u.password, true);
    if (st.ok()) st = GetString(body, "orgId", &org, true);
    if (st.ok()) st = GetString(body, "idNumber", &u.id_number);
    if (st.ok()) st = GetString(body, "phone", &u.phone);
    if (st.ok() && body.contains("roles")) st = ParseAssignments(body["roles"], &u.roles);
    if (!st.ok()) return ErrorResponse(st);
    u.org_id = IdFromString(org);
    identity::FieldErrors errors;
    auto created = service.CreateUser(*c.principal, u, c.req.remote_ip, &errors);
    if (!created.ok()) return FieldErrorResponse(created.status(), errors);
    http::Response r = JsonResponse(201, UserJson(created.value()));
    r.Set("Location", "/api/v1/users/" + IdToString(created->id));
    return r;
  });

  for (const char* action : {"disable", "enable", "unlock"}) {
    const std::string act = action;
    api.Permission("POST", "/api/v1/users/{id}/" + act, "user:manage", [&service, act](Call& c) {
      auto u = service.SetUserStatus(*c.principal, PathId(c.req), act, c.req.remote_ip);
      if (!u.ok()) return ErrorResponse(u.status());
      return JsonResponse(200, UserJson(u.value()));
    });
  }

  api.Permission("POST", "/api/v1/users/{id}/password", "user:manage", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string pw;
    Status st = GetString(body, "password", &pw, true);
    if (st.ok()) st = service.ResetPassword(*c.principal, PathId(c.req), pw, c.req.remote_ip);
    if (!st.ok()) return ErrorResponse(st);
    return NoContent();
  });

  api.Permission("PUT", "/api/v1/users/{id}/roles", "role:assign", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::vector<identity::Assignment> roles;
    Status st = ParseAssignments(body.value("roles", Json()), &roles);
    if (!st.ok()) return ErrorResponse(st);
    auto u = service.SetRoles(*c.principal, PathId(c.req), roles, c.req.remote_ip);
    if (!u.ok()) return ErrorResponse(u.status());
    return JsonResponse(200, UserJson(u.value()));
  });

  api.Permission("POST", "/api/v1/users/{id}/reveal", "personal_data:reveal", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string field;
    Status st = GetString(body, "field", &field, true);
    if (!st.ok()) return ErrorResponse(st);
    auto value = service.RevealUserField(*c.principal, PathId(c.req), field, c.req.remote_ip);
    if (!value.ok()) return ErrorResponse(value.status());
    return JsonResponse(200, Json{{"field", field}, {"value", value.value()}});
  });

  // --- orgs
  api.Session("GET", "/api/v1/orgs", [&service](Call&) {
    auto orgs = service.ListOrgs();
    if (!orgs.ok()) return ErrorResponse(orgs.status());
    Json items = Json::array();
    for (const auto& o : orgs.value()) items.push_back(OrgJson(o));
    return JsonResponse(200, Json{{"items", items}});
  });

  api.Permission("POST", "/api/v1/orgs", "org:manage", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    identity::NewOrg org;
    if (Status st = ParseOrg(body, &org, true); !st.ok()) return ErrorResponse(st);
    auto o = service.CreateOrg(*c.principal, org, c.req.remote_ip);
    if (!o.ok()) return ErrorResponse(o.status());
    return JsonResponse(201, OrgJson(o.value()));
  });

  api.Permission("PATCH", "/api/v1/orgs/{id}", "org:manage", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    identity::NewOrg org;
    if (Status st = ParseOrg(body, &org, false); !st.ok()) return ErrorResponse(st);
    auto o = service.UpdateOrg(*c.principal, PathId(c.req), org, c.req.remote_ip);
    if (!o.ok()) return ErrorResponse(o.status());
    return JsonResponse(200, OrgJson(o.value()));
  });

  // --- roles and permissions
  api.Session("GET", "/api/v1/roles", [&service](Call& c) {
    if (!c.principal->Can("role:manage") && !c.principal->Can("role:assign") && !c.principal->Can("user:manage"))
      return Forbidden();
    auto roles = service.ListRoles();
    if (!roles.ok()) return ErrorResponse(roles.status());
    Json items = Json::array();
    for (const auto& r : roles.value()) items.push_back(RoleJson(r));
    return JsonResponse(200, Json{{"items", items}});
  });

  api.Permission("POST", "/api/v1/roles", "role:manage", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string code, name;
    Status st = GetString(body, "code", &code, true);
    if (st.ok()) st = GetString(body, "name", &name, true);
    if (!st.ok()) return ErrorResponse(st);
    auto r = service.CreateRole(*c.principal, code, name, c.req.remote_ip);
    if (!r.ok()) return ErrorResponse(r.status());
    return JsonResponse(201, RoleJson(r.value()));
  });

  api.Permission("PUT", "/api/v1/roles/{code}/permissions", "role:manage", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    if (!body.contains("permissions") || !body["permissions"].is_array())
      return ErrorResponse(422, "validation_failed", "permissions 须为数组");
    std::vector<std::string> perms;
    for (const auto& p : body["permissions"]) {
      if (!p.is_string()) return ErrorResponse(422, "validation_failed", "权限编码须为字符串");
      perms.push_back(p.get<std::string>());
    }
    auto r = service.SetRolePermissions(*c.principal, c.req.Param("code"), perms, c.req.remote_ip);
    if (!r.ok()) return ErrorResponse(r.status());
    return JsonResponse(200, RoleJson(r.value()));
  });

  api.Permission("GET", "/api/v1/permissions", "role:manage", [&service](Call&) {
    Json items = Json::array();
    for (const auto& p : service.catalog().permissions)
      items.push_back({{"code", p.code}, {"name", p.name}, {"group", p.group}, {"adminOnly", p.admin_only}});
    return JsonResponse(200, Json{{"items", items}});
  });
}

}  // namespace fazhi::api
