#include "api/api.h"

#include "api/errors.h"
#include "api/json.h"

namespace fazhi::api {

Api::Api(std::unique_ptr<http::StaticFiles> files, Authenticator authenticate)
    : files_(std::move(files)), authenticate_(std::move(authenticate)) {}

void Api::Add(RouteSpec spec) {
  if (spec.spooled_body) spooled_.emplace(spec.method + " " + spec.pattern, spec);
  if (spec.slow) slow_.insert(spec.method + " " + spec.pattern);
  specs_.push_back(spec);
  RouteSpec stored = std::move(spec);
  router_.Add(stored.method, stored.pattern,
              [this, stored](http::Request& req) { return Guarded(stored, req); });
}

void Api::Public(const std::string& method, const std::string& pattern, ApiHandler h) {
  Add({method, pattern, Access::kPublic, "", std::move(h)});
}

void Api::Session(const std::string& method, const std::string& pattern, ApiHandler h,
                  bool allow_password_expired) {
  Add({method, pattern, Access::kSession, "", std::move(h), allow_password_expired});
}

void Api::Permission(const std::string& method, const std::string& pattern,
                     const std::string& permission, ApiHandler h) {
  Add({method, pattern, Access::kPermission, permission, std::move(h)});
}

bool Api::IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool Api::SameOrigin(const http::Request& req) {
  const std::string origin = req.Header("origin");
  if (origin.empty()) return true;
  const std::string host = req.Header("host");
  size_t scheme = origin.find("://");
  if (scheme == std::string::npos || host.empty()) return false;
  return origin.substr(scheme + 3) == host;
}

std::optional<http::Response> Api::Refusal(const RouteSpec& spec, const http::Request& req,
                                           std::optional<identity::Principal>* who) const {
  if (IsStateChanging(req.method) && !SameOrigin(req))
    return ErrorResponse(403, "csrf", "请求来源不被允许");
  if (spec.access == Access::kPublic) return std::nullopt;
  Result<identity::Principal> found = authenticate_
                                          ? authenticate_(req)
                                          : Result<identity::Principal>(
                                                Status("unauthenticated", "请先登录"));
  if (!found.ok()) return ErrorResponse(found.status());
  if (IsStateChanging(req.method)) {
    const std::string token = req.Header("x-csrf-token");
    if (token.empty() || token != found->csrf_token)
      return ErrorResponse(403, "csrf", "缺少或错误的 CSRF 令牌，请刷新页面后重试");
  }
  if (found->must_change_password && !spec.allow_password_expired)
    return ErrorResponse(403, "password_change_required", "请先修改密码后再继续操作");
  if (spec.access == Access::kPermission && !found->Can(spec.permission))
    return ErrorResponse(403, "forbidden", "没有执行此操作的权限");
  // A request that may write reads what it wrote: the content version read
  // with the session would find the state from before (engine/read_cache.h).
  if (IsStateChanging(req.method)) found->content_version.reset();
  *who = std::move(found).value();
  return std::nullopt;
}

http::Response Api::Guarded(const RouteSpec& spec, http::Request& req) const {
  std::optional<identity::Principal> who;
  if (std::optional<http::Response> refused = Refusal(spec, req, &who)) return std::move(*refused);
  Call call{req, who ? &*who : nullptr};
  return spec.handler(call);
}

std::optional<http::Response> Api::AdmitSpooled(const http::Request& req) const {
  auto match = router_.Find(req.method, req.path);
  if (match.outcome != http::Router::Outcome::kFound) return std::nullopt;
  auto spec = spooled_.find(req.method + " " + match.pattern);
  if (spec == spooled_.end()) return std::nullopt;
  std::optional<identity::Principal> who;
  return Refusal(spec->second, req, &who);
}

bool Api::SpoolsBody(const http::Request& req) const {
  // Most requests use a method no spooled route has: no route lookup.
  const std::string& m = req.method;
  bool method_spools = false;
  for (const auto& [s, spec] : spooled_)
    method_spools = method_spools || (s.size() > m.size() && s.compare(0, m.size(), m) == 0 && s[m.size()] == ' ');
  if (!method_spools) return false;
  auto match = router_.Find(req.method, req.path);
  return match.outcome == http::Router::Outcome::kFound && spooled_.count(req.method + " " + match.pattern) > 0;
}

bool Api::QuickRead(const http::Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return false;
  if (req.path.rfind("/api/", 0) != 0) return false;
  auto match = router_.Find(req.method, req.path);
  return match.outcome == http::Router::Outcome::kFound && slow_.count("GET " + match.pattern) == 0;
}

void Api::MarkSlow(const std::string& method, const std::string& pattern) {
  slow_.insert(method + " " + pattern);
  for (auto& spec : specs_)
    if (spec.method == method && spec.pattern == pattern) spec.slow = true;
}

http::Response Api::Handle(http::Request& req) const {
  const bool is_api = req.path == "/api" || req.path.rfind("/api/", 0) == 0;
  if (!is_api) {
    if (req.method != "GET" && req.method != "HEAD") {
      http::Response r = ErrorResponse(405, "method_not_allowed", "不支持该请求方法");
      r.Set("Allow", "GET, HEAD");
      return r;
    }
    if (auto r = files_->Serve(req.path)) return *r;
    return ErrorResponse(404, "not_found", "未找到该资源");
  }
  auto match = router_.Find(req.method, req.path);
  if (match.outcome == http::Router::Outcome::kNotFound)
    return ErrorResponse(404, "not_found", "接口不存在：" + req.path);
  if (match.outcome == http::Router::Outcome::kMethodNotAllowed) {
    std::string allow;
    for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    http::Response r = ErrorResponse(405, "method_not_allowed", "该接口不支持 " + req.method + " 方法");
    r.Set("Allow", allow);
    return r;
  }
  req.params = std::move(match.params);
  return (*match.handler)(req);
}

}  // namespace fazhi::api
