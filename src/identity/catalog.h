// Catalog: the built-in permissions and roles, read from
// definitions/identity/{permissions,roles}.yaml and validated: unknown
// permission references, duplicate codes, an admin role holding a business
// permission or a business role holding an admin-only one are errors that
// name the file and the entry.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace fazhi::identity {

struct PermissionDef {
  std::string code;
  std::string name;
  std::string group;
  bool admin_only = false;
};

struct RoleDef {
  std::string code;
  std::string name;
  std::string admin_kind;  // "" | sysadmin | secadmin | auditadmin
  std::vector<std::string> permissions;
};

struct Catalog {
  std::vector<PermissionDef> permissions;
  std::vector<RoleDef> roles;
  const PermissionDef* FindPermission(const std::string& code) const;
  const RoleDef* FindRole(const std::string& code) const;
};

Result<Catalog> LoadCatalog(const std::string& definitions_dir);

}  // namespace fazhi::identity
