// Principal: who is making a request, as resolved from their session.
// A plain value; identity/ fills it, api/ and the domain read it.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fazhi::identity {

// Data scope of one role assignment (数据权限范围).
enum class Scope { kSelf, kOrg, kOrgAndBelow, kAll, kOrgs };
const char* ScopeName(Scope s);                 // "self" | "org" | "org_and_below" | "all" | "orgs"
bool ParseScope(const std::string& s, Scope* out);

struct Assignment {
  std::string role;
  Scope scope = Scope::kSelf;
  std::vector<int64_t> org_ids;  // for kOrgs
  std::set<std::string> permissions;  // what this role grants (filled when loaded)
};

struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  int64_t org_id = 0;
  std::string org_path;  // materialised path of org_id, "/1/5/"
  int64_t session_id = 0;
  std::string csrf_token;
  bool must_change_password = false;
  std::vector<Assignment> assignments;
  std::set<std::string> permissions;  // union over assignments, for menus and coarse checks
  // The database's content version (migration 0012) in the snapshot that
  // authenticated this request, read with the session. Engine reads look
  // their cached results up under it without a read of their own: what they
  // answer was then current during the request. Unset when not signed in by
  // a session (the CLI, tests): reads then check the version themselves.
  std::optional<int64_t> content_version;

  bool Can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

}  // namespace fazhi::identity
