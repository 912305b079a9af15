// IdentityService: users, organisations, roles, sessions and the second
// factor, with every state change audited in the same transaction.
//
// Error codes (mapped to HTTP by api/errors.cc): invalid_credentials,
// totp_required, account_locked, account_disabled, session_expired,
// unauthenticated, weak_password, validation_failed (details in
// FieldErrors), not_found, duplicate, separation_of_duties, forbidden.
// Thread-safe: all state is in the database, apart from a bounded cache of
// signed-in principals that is checked against the database on every use
// (principal_cache.h).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/crypto.h"
#include "base/field_cipher.h"
#include "base/ids.h"
#include "base/page.h"
#include "base/result.h"
#include "identity/catalog.h"
#include "identity/password.h"
#include "identity/principal.h"
#include "identity/principal_cache.h"
#include "store/database.h"

namespace fazhi::identity {

struct IdentityOptions {
  int64_t idle_ms = 30LL * 60 * 1000;
  int64_t lifetime_ms = 12LL * 3600 * 1000;
  int64_t lockout_ms = 30LL * 60 * 1000;
  int64_t password_max_age_ms = 90LL * 24 * 3600 * 1000;  // 0 = never
  int max_failures = 5;
  size_t principal_cache_size = 4096;  // signed-in sessions whose principal is kept
};

// Per-field validation messages, filled alongside a validation_failed Status.
using FieldErrors = std::map<std::string, std::string>;

struct RoleAssignmentView {
  std::string role;
  std::string role_name;
  Scope scope = Scope::kSelf;
  std::vector<int64_t> org_ids;
};

struct UserView {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  int64_t org_id = 0;
  std::string org_name;
  std::string status;  // active | disabled | locked
  bool must_change_password = false;
  bool totp_enabled = false;
  std::string id_number_masked;
  std::string phone_masked;
  std::vector<RoleAssignmentView> roles;
  std::vector<std::string> permissions;  // effective, for /me
};

struct OrgView {
  int64_t id = 0;
  int64_t parent_id = 0;
  std::string code, name, short_name, type, path;
};

struct RoleView {
  std::string code, name, admin_kind;
  bool builtin = false;
  std::vector<std::string> permissions;
};

struct SignInRequest {
  std::string username, password, totp, ip;
  std::string previous_token;  // the cookie sent along, revoked on success (fixation)
};

struct SignInResult {
  std::string token;  // the cookie value
  Principal principal;
  UserView user;
};

struct NewUser {
  std::string username, display_name, password, id_number, phone;
  int64_t org_id = 0;
  std::vector<Assignment> roles;
};

struct NewOrg {
  int64_t parent_id = 0;
  std::string code, name, short_name, type;
};


class IdentityService {
 public:
  IdentityService(store::Database& db, const Clock& clock, IdGenerator& ids,
                  const audit::AuditLog& audit, const FieldCipher& cipher,
                  const PasswordPolicy& policy, Catalog catalog, IdentityOptions options);

  // Writes built-in roles and permissions (new ones only; administrator
  // roles are forced back to their definition).
  Status SeedCatalog();

  // --- sessions (sessions.cc)
  Result<SignInResult> SignIn(const SignInRequest& req);
  Status SignOut(const Principal& p, const std::string& ip);
  Result<Principal> Authenticate(const std::string& token);
  Status ChangePassword(const Principal& p, const std::string& old_password,
                        const std::string& new_password, const std::string& ip);
  struct TotpEnrollment {
    std::string secret, uri;
  };
  Result<TotpEnrollment> BeginTotp(const Principal& p, const std::string& ip);
  Status ConfirmTotp(const Principal& p, const std::string& code, const std::string& ip);

  // --- users (users.cc)
  Result<Page<UserView>> ListUsers(const std::string& q, int page, int page_size);
  Result<UserView> GetUser(int64_t id);
  Result<UserView> CreateUser(const Principal& actor, const NewUser& u, const std::string& ip,
                              FieldErrors* errors);
  // action: disable | enable | unlock
  Result<UserView> SetUserStatus(const Principal& actor, int64_t id, const std::string& action,
                                 const std::string& ip);
  Status ResetPassword(const Principal& actor, int64_t id, const std::string& password,
                       const std::string& ip);
  Result<UserView> SetRoles(const Principal& actor, int64_t id, const std::vector<Assignment>& roles,
                            const std::string& ip);
  // Reveals a personal-data field ("idNumber" | "phone") of a user, audited.
  Result<std::string> RevealUserField(const Principal& actor, int64_t id, const std::string& field,
                                      const std::string& ip);

  // --- orgs and roles (orgs_roles.cc)
  Result<std::vector<OrgView>> ListOrgs();
  Result<OrgView> CreateOrg(const Principal& actor, const NewOrg& org, const std::string& ip);
  Result<OrgView> UpdateOrg(const Principal& actor, int64_t id, const NewOrg& changes,
                            const std::string& ip);
  Result<std::vector<RoleView>> ListRoles();
  Result<RoleView> CreateRole(const Principal& actor, const std::string& code,
                              const std::string& name, const std::string& ip);
  Result<RoleView> SetRolePermissions(const Principal& actor, const std::string& code,
                                      const std::vector<std::string>& permissions,
                                      const std::string& ip);
  const Catalog& catalog() const { return catalog_; }

  // Creates a user from the CLI (no actor), audited as "cli".
  Result<UserView> CreateUserFromCli(const NewUser& u, FieldErrors* errors);
  // Org lookup by code (CLI, demo).
  Result<int64_t> OrgIdByCode(const std::string& code);
  Result<int64_t> CreateOrgRaw(store::Transaction& tx, const NewOrg& org);

  const Clock& clock() const { return clock_; }

 private:
  friend class DemoSeeder;
  Result<Principal> LoadPrincipal(store::Transaction& tx, int64_t user_id);
  Result<UserView> LoadUser(store::Transaction& tx, int64_t user_id);
  // Periodic password change (password_max_age_ms) is due.
  bool PasswordExpired(int64_t changed_at_ms, int64_t now_ms) const;
  Status Audit(store::Transaction& tx, const Principal* actor, const std::string& ip,
               const std::string& action, const std::string& object, const std::string& result,
               const std::string& detail) const;
  Status ValidateAssignments(store::Transaction& tx, const std::vector<Assignment>& roles);
  Result<UserView> InsertUser(store::Transaction& tx, const NewUser& u, bool must_change,
                              FieldErrors* errors, int64_t* new_id);
  bool RoleGrants(store::Transaction& tx, const std::string& role, const std::string& permission);

  store::Database& db_;
  const Clock& clock_;
  IdGenerator& ids_;
  const audit::AuditLog& audit_;
  const FieldCipher& cipher_;
  const PasswordPolicy& policy_;
  Catalog catalog_;
  IdentityOptions opt_;
  std::string dummy_hash_;  // verified against for unknown users (equal timing)
  PrincipalCache principals_;
  Sm3Hasher sm3_;  // session token hashes, on every request
};

std::string TokenHash(const std::string& token);
std::string JoinIds(const std::vector<int64_t>& ids);

}  // namespace fazhi::identity
