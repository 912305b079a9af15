#include "identity/scope.h"

#include <algorithm>

namespace fazhi::identity {

bool ScopeCovers(const Assignment& a, const Principal& p, const std::string& user_org_path,
                 const RecordOwner& record) {
  switch (a.scope) {
    case Scope::kAll:
      return true;
    case Scope::kSelf:
      return record.user_id != 0 && record.user_id == p.user_id;
    case Scope::kOrg:
      return record.org_id != 0 && record.org_id == p.org_id;
    case Scope::kOrgAndBelow:
      return !user_org_path.empty() && record.org_path.rfind(user_org_path, 0) == 0;
    case Scope::kOrgs:
      return std::find(a.org_ids.begin(), a.org_ids.end(), record.org_id) != a.org_ids.end();
  }
  return false;
}

}  // namespace fazhi::identity
