#include "identity/catalog.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace fazhi::identity {
namespace {

Status Bad(const std::string& file, const YAML::Node& node, const std::string& what) {
  return Status("invalid_definition",
                file + ":" + std::to_string(node.Mark().line + 1) + ": " + what);
}

}  // namespace

const PermissionDef* Catalog::FindPermission(const std::string& code) const {
  for (const auto& p : permissions)
    if (p.code == code) return &p;
  return nullptr;
}

const RoleDef* Catalog::FindRole(const std::string& code) const {
  for (const auto& r : roles)
    if (r.code == code) return &r;
  return nullptr;
}

Result<Catalog> LoadCatalog(const std::string& dir) {
  Catalog c;
  const std::string pfile = dir + "/identity/permissions.yaml";
  const std::string rfile = dir + "/identity/roles.yaml";
  YAML::Node proot, rroot;
  try {
    proot = YAML::LoadFile(pfile);
    rroot = YAML::LoadFile(rfile);
  } catch (const std::exception& e) {
    return Status("invalid_definition", std::string("cannot read identity definitions: ") + e.what());
  }
  try {
    std::set<std::string> seen;
    for (const auto& n : proot["permissions"]) {
      PermissionDef p;
      p.code = n["code"].as<std::string>("");
      p.name = n["name"].as<std::string>("");
      p.group = n["group"].as<std::string>("");
      p.admin_only = n["admin_only"].as<bool>(false);
      if (p.code.empty() || p.name.empty() || p.group.empty())
        return Bad(pfile, n, "permission needs code, name and group");
      if (!seen.insert(p.code).second) return Bad(pfile, n, "duplicate permission " + p.code);
      c.permissions.push_back(p);
    }
    std::set<std::string> role_codes;
    std::set<std::string> admin_kinds;
    for (const auto& n : rroot["roles"]) {
      RoleDef r;
      r.code = n["code"].as<std::string>("");
      r.name = n["name"].as<std::string>("");
      r.admin_kind = n["admin"].as<std::string>("");
      if (r.code.empty() || r.name.empty()) return Bad(rfile, n, "role needs code and name");
      if (!role_codes.insert(r.code).second) return Bad(rfile, n, "duplicate role " + r.code);
      if (!r.admin_kind.empty()) {
        if (r.admin_kind != "sysadmin" && r.admin_kind != "secadmin" && r.admin_kind != "auditadmin")
          return Bad(rfile, n, "admin must be sysadmin, secadmin or auditadmin");
        if (!admin_kinds.insert(r.admin_kind).second)
          return Bad(rfile, n, "second role for admin kind " + r.admin_kind);
      }
      for (const auto& pn : n["permissions"]) {
        std::string code = pn.as<std::string>();
        const PermissionDef* p = c.FindPermission(code);
        if (!p) return Bad(rfile, pn, "role " + r.code + " names unknown permission " + code);
        if (p->admin_only != !r.admin_kind.empty())
          return Bad(rfile, pn,
                     "role " + r.code + " may not hold " + code +
                         " (administrator and business permissions are separate)");
        r.permissions.push_back(code);
      }
      c.roles.push_back(r);
    }
  } catch (const std::exception& e) {
    return Status("invalid_definition", std::string("identity definitions: ") + e.what());
  }
  if (c.roles.empty() || c.permissions.empty())
    return Status("invalid_definition", "identity definitions define no roles or permissions");
  return c;
}

}  // namespace fazhi::identity
