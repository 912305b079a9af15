// Api: the request entry point behind the HTTP server. Routes are registered
// with their access rule (public, any signed-in user, or a permission), and
// the checks — session, CSRF, permission — happen here, once, for every
// route. Paths outside /api/ go to the static SPA files.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "http/message.h"
#include "http/router.h"
#include "http/static_files.h"
#include "identity/principal.h"

namespace fazhi::api {

enum class Access { kPublic, kSession, kPermission };

// What a handler receives.
struct Call {
  http::Request& req;
  const identity::Principal* principal;  // null on public routes
};

using ApiHandler = std::function<http::Response(Call&)>;

struct RouteSpec {
  std::string method;
  std::string pattern;
  Access access = Access::kSession;
  std::string permission;  // for kPermission
  ApiHandler handler;
  // Reachable while the user must change their password (me, password, sign-out).
  bool allow_password_expired = false;
};

// Resolves the session of a request, or an error Status
// ("unauthenticated" / "session_expired").
using Authenticator = std::function<Result<identity::Principal>(const http::Request&)>;

class Api {
 public:
  Api(std::unique_ptr<http::StaticFiles> files, Authenticator authenticate);

  void Add(RouteSpec spec);
  void Public(const std::string& method, const std::string& pattern, ApiHandler h);
  void Session(const std::string& method, const std::string& pattern, ApiHandler h,
               bool allow_password_expired = false);
  void Permission(const std::string& method, const std::string& pattern,
                  const std::string& permission, ApiHandler h);

  http::Response Handle(http::Request& req) const;
  const std::vector<RouteSpec>& Routes() const { return specs_; }

  static bool IsStateChanging(const std::string& method);
  // True when Origin is absent or names the same host as the Host header.
  static bool SameOrigin(const http::Request& req);

 private:
  http::Response Guarded(const RouteSpec& spec, http::Request& req) const;

  std::unique_ptr<http::StaticFiles> files_;
  Authenticator authenticate_;
  http::Router router_;
  std::vector<RouteSpec> specs_;
};

}  // namespace fazhi::api
