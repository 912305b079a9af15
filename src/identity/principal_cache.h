// PrincipalCache: the part of a signed-in principal that comes from the org
// tree and the role tables (org path, role assignments, permissions), kept in
// memory per session token hash so that a request does not rebuild it with
// several queries. Owned by IdentityService; bounded (least recently used
// entries go first); thread-safe.
//
// An entry is only used with the stamp it was built under: the user, their
// org, whether their second factor is on (administrator rights depend on it)
// and the database's security epoch, which triggers move forward on every
// change to roles, role permissions, role assignments and orgs, from any app
// node (migration 0010). The caller reads the stamp together with the session
// and user rows in one query on every request, so revocation, expiry, idle
// time, account status and forced password changes are never cached, and a
// change on another node is seen by the next request here.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "identity/principal.h"

namespace fazhi::identity {

struct PrincipalStamp {
  int64_t user_id = 0;
  int64_t org_id = 0;
  bool totp_enabled = false;
  int64_t epoch = 0;
  bool operator==(const PrincipalStamp&) const = default;
};

class PrincipalCache {
 public:
  explicit PrincipalCache(size_t capacity) : capacity_(capacity) {}

  // The principal stored for the token hash under the same stamp; nothing
  // (and the entry dropped) when the stamp differs.
  std::optional<Principal> Find(const std::string& token_hash, const PrincipalStamp& stamp);
  void Put(const std::string& token_hash, const PrincipalStamp& stamp, Principal principal);
  void Erase(const std::string& token_hash);
  size_t size() const;

 private:
  struct Entry {
    std::string token_hash;
    PrincipalStamp stamp;
    Principal principal;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first; GUARDED_BY(mu_)
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;  // GUARDED_BY(mu_)
};

}  // namespace fazhi::identity
