#include "identity/principal.h"

namespace fazhi::identity {

const char* ScopeName(Scope s) {
  switch (s) {
    case Scope::kSelf: return "self";
    case Scope::kOrg: return "org";
    case Scope::kOrgAndBelow: return "org_and_below";
    case Scope::kAll: return "all";
    case Scope::kOrgs: return "orgs";
  }
  return "self";
}

bool ParseScope(const std::string& s, Scope* out) {
  for (Scope v : {Scope::kSelf, Scope::kOrg, Scope::kOrgAndBelow, Scope::kAll, Scope::kOrgs}) {
    if (s == ScopeName(v)) {
      *out = v;
      return true;
    }
  }
  return false;
}

}  // namespace fazhi::identity
