// Api: the request entry point behind the HTTP server. Routes are registered
// with their access rule (public, any signed-in user, or a permission), and
// the checks — session, CSRF, permission — happen here, once, for every
// route. Paths outside /api/ go to the static SPA files.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
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
  // The body is an upload: the server spools it to a file (Request::body_file)
  // under its own size cap instead of reading it into memory.
  bool spooled_body = false;
  // A GET that may take long or wait on disk or other work (rendering,
  // statistics, audited downloads): never on the read pool (QuickRead).
  bool slow = false;
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
  // Whether the request goes to a route with a spooled body (the server asks
  // once the headers are in, before reading the body).
  bool SpoolsBody(const http::Request& req) const;
  // Whether the request is a GET or HEAD of an API route not marked slow:
  // the server runs those on its read pool.
  bool QuickRead(const http::Request& req) const;
  // Marks a registered route slow (RouteSpec::slow).
  void MarkSlow(const std::string& method, const std::string& pattern);
  // For a spooled request, before its body is read: the refusal the route's
  // access checks (origin, session, CSRF, password change, permission) give
  // from the headers alone, or none. The handler checks again with the body.
  std::optional<http::Response> AdmitSpooled(const http::Request& req) const;
  const std::vector<RouteSpec>& Routes() const { return specs_; }

  static bool IsStateChanging(const std::string& method);
  // True when Origin is absent or names the same host as the Host header.
  static bool SameOrigin(const http::Request& req);

 private:
  http::Response Guarded(const RouteSpec& spec, http::Request& req) const;
  // The access checks of a route: a refusal, or none with *who set (left
  // empty on public routes).
  std::optional<http::Response> Refusal(const RouteSpec& spec, const http::Request& req,
                                        std::optional<identity::Principal>* who) const;

  std::unique_ptr<http::StaticFiles> files_;
  Authenticator authenticate_;
  http::Router router_;
  std::vector<RouteSpec> specs_;
  std::map<std::string, RouteSpec> spooled_;  // spooled routes by "METHOD pattern"
  std::set<std::string> slow_;                 // "METHOD pattern" of slow routes
};

}  // namespace fazhi::api
