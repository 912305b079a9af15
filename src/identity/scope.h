// Data-scope decisions (数据权限): may a principal, acting under one of its
// role assignments, touch a record owned by (org, user)? One function, used
// by every handler that reads or changes a record. Pure.
#pragma once

#include <cstdint>
#include <string>

#include "identity/principal.h"

namespace fazhi::identity {

// The record being checked: its owning org (with materialised path
// "/1/5/9/") and the user who owns or is assigned to it (0 when none).
struct RecordOwner {
  int64_t org_id = 0;
  std::string org_path;
  int64_t user_id = 0;
};

// True when the assignment's scope covers the record. user_org_path is the
// principal's own org path (for kOrgAndBelow).
bool ScopeCovers(const Assignment& a, const Principal& p, const std::string& user_org_path,
                 const RecordOwner& record);

// True when some assignment of p whose role grants `permission` covers the
// record. role_grants(role, permission) answers the role side.
template <typename RoleGrants>
bool MayAccess(const Principal& p, const std::string& user_org_path, const std::string& permission,
               const RecordOwner& record, RoleGrants role_grants) {
  for (const auto& a : p.assignments)
    if (role_grants(a.role, permission) && ScopeCovers(a, p, user_org_path, record)) return true;
  return false;
}

}  // namespace fazhi::identity
