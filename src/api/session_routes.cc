#include "api/errors.h"
#include "api/identity_routes.h"
#include "api/identity_views.h"

namespace fazhi::api {

Authenticator SessionAuthenticator(identity::IdentityService& service) {
  return [&service](const http::Request& req) -> Result<identity::Principal> {
    const std::string token = req.Cookie(kSessionCookie);
    if (token.empty()) return Status("unauthenticated", "请先登录");
    return service.Authenticate(token);
  };
}

void AddSessionRoutes(Api& api, identity::IdentityService& service,
                      const IdentityRouteOptions& options) {
  const std::string cookie_attrs =
      std::string("; Path=/; HttpOnly; SameSite=Strict") + (options.secure_cookie ? "; Secure" : "");

  api.Public("POST", "/api/v1/session", [&service, cookie_attrs](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    identity::SignInRequest in;
    Status st = GetString(body, "username", &in.username, true);
    if (st.ok()) st = GetString(body, "password", &in.password, true);
    if (st.ok()) st = GetString(body, "totp", &in.totp);
    if (!st.ok()) return ErrorResponse(st);
    if (in.username.size() > 64 || in.password.size() > 256 || in.totp.size() > 16)
      return ErrorResponse(Status("invalid_credentials", "用户名或密码错误"));
    in.ip = c.req.remote_ip;
    in.previous_token = c.req.Cookie(kSessionCookie);
    auto out = service.SignIn(in);
    if (!out.ok()) return ErrorResponse(out.status());
    http::Response r = JsonResponse(
        200, Json{{"user", MeJson(out->user, out->principal)}, {"csrfToken", out->principal.csrf_token}});
    r.Set("Set-Cookie", std::string(kSessionCookie) + "=" + out->token + cookie_attrs);
    return r;
  });

  api.Session("DELETE", "/api/v1/session", [&service, cookie_attrs](Call& c) {
    Status st = service.SignOut(*c.principal, c.req.remote_ip);
    if (!st.ok()) return ErrorResponse(st);
    http::Response r = NoContent();
    r.Set("Set-Cookie", std::string(kSessionCookie) + "=; Max-Age=0" + cookie_attrs);
    return r;
  }, /*allow_password_expired=*/true);

  api.Session("GET", "/api/v1/me", [&service](Call& c) {
    auto u = service.GetUser(c.principal->user_id);
    if (!u.ok()) return ErrorResponse(u.status());
    return JsonResponse(200, Json{{"user", MeJson(u.value(), *c.principal)},
                                  {"csrfToken", c.principal->csrf_token}});
  }, true);

  api.Session("POST", "/api/v1/me/password", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string old_pw, new_pw;
    Status st = GetString(body, "oldPassword", &old_pw, true);
    if (st.ok()) st = GetString(body, "newPassword", &new_pw, true);
    if (st.ok()) st = service.ChangePassword(*c.principal, old_pw, new_pw, c.req.remote_ip);
    if (!st.ok()) {
      Json details;
      if (st.code() == "weak_password") details = {{"fields", {{"newPassword", st.message()}}}};
      if (st.code() == "invalid_credentials") {
        // A wrong current password is a form error, not a lost session.
        return ErrorResponse(422, "validation_failed", st.message(),
                             Json{{"fields", {{"oldPassword", st.message()}}}});
      }
      return ErrorResponse(st, details);
    }
    return NoContent();
  }, true);

  api.Session("POST", "/api/v1/me/totp", [&service](Call& c) {
    auto e = service.BeginTotp(*c.principal, c.req.remote_ip);
    if (!e.ok()) return ErrorResponse(e.status());
    return JsonResponse(200, Json{{"secret", e->secret}, {"uri", e->uri}});
  });

  api.Session("POST", "/api/v1/me/totp/confirm", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string code;
    Status st = GetString(body, "code", &code, true);
    if (st.ok()) st = service.ConfirmTotp(*c.principal, code, c.req.remote_ip);
    if (!st.ok()) return ErrorResponse(st);
    return NoContent();
  });

  if (options.test_clock) {
    OffsetClock* clock = options.test_clock;
    // Only with `serve --test-clock`: lets API tests age sessions and lockouts.
    api.Public("POST", "/api/v1/testing/clock", [clock](Call& c) {
      Json body;
      if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
      if (!body.contains("advanceMs") || !body["advanceMs"].is_number_integer())
        return ErrorResponse(422, "validation_failed", "advanceMs 须为整数");
      clock->Advance(body["advanceMs"].get<int64_t>());
      return JsonResponse(200, Json{{"now", clock->NowMs()}});
    });
  }
}

}  // namespace fazhi::api
