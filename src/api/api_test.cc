#include "api/api.h"

#include <gtest/gtest.h>

#include "api/errors.h"
#include "api/json.h"

namespace fazhi::api {
namespace {

identity::Principal Alice() {
  identity::Principal p;
  p.user_id = 1;
  p.username = "alice";
  p.csrf_token = "tok";
  p.permissions = {"user:manage"};
  p.content_version = 42;
  return p;
}

Api MakeApi() {
  Api api(std::make_unique<http::StaticFiles>("/nonexistent"),
          [](const http::Request& req) -> Result<identity::Principal> {
            if (req.Cookie("fazhi_session") == "good") return Alice();
            return Status("unauthenticated", "请先登录");
          });
  api.Public("GET", "/api/v1/open", [](Call&) { return JsonResponse(200, Json{{"ok", true}}); });
  api.Session("POST", "/api/v1/thing", [](Call& c) {
    return JsonResponse(200, Json{{"user", c.principal->username}});
  });
  api.Permission("GET", "/api/v1/admin", "user:manage",
                 [](Call&) { return JsonResponse(200, Json::object()); });
  api.Permission("GET", "/api/v1/audit", "audit:read",
                 [](Call&) { return JsonResponse(200, Json::object()); });
  return api;
}

http::Request Req(const std::string& method, const std::string& path) {
  http::Request r;
  r.method = method;
  r.path = path;
  r.headers["host"] = "127.0.0.1:8080";
  return r;
}

std::string Code(const http::Response& r) {
  return Json::parse(r.body)["error"]["code"].get<std::string>();
}

TEST(Api, UnknownPathAndWrongMethod) {
  Api api = MakeApi();
  auto req = Req("GET", "/api/v1/nope");
  auto r = api.Handle(req);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Code(r), "not_found");
  req = Req("DELETE", "/api/v1/open");
  r = api.Handle(req);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Get("Allow"), "GET");
}

TEST(Api, SessionRequiredAndCsrf) {
  Api api = MakeApi();
  auto req = Req("POST", "/api/v1/thing");
  EXPECT_EQ(api.Handle(req).status, 401);
  req.headers["cookie"] = "fazhi_session=good";
  auto r = api.Handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "csrf");
  req.headers["x-csrf-token"] = "wrong";
  EXPECT_EQ(api.Handle(req).status, 403);
  req.headers["x-csrf-token"] = "tok";
  EXPECT_EQ(api.Handle(req).status, 200);
  req.headers["origin"] = "http://evil.example";
  r = api.Handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "csrf");
  req.headers["origin"] = "http://127.0.0.1:8080";
  EXPECT_EQ(api.Handle(req).status, 200);
}

TEST(Api, PermissionChecked) {
  Api api = MakeApi();
  auto req = Req("GET", "/api/v1/admin");
  req.headers["cookie"] = "fazhi_session=good";
  EXPECT_EQ(api.Handle(req).status, 200);
  req = Req("GET", "/api/v1/audit");
  req.headers["cookie"] = "fazhi_session=good";
  auto r = api.Handle(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Code(r), "forbidden");
}

TEST(Api, NonApiWritesRejected) {
  Api api = MakeApi();
  auto req = Req("POST", "/index.html");
  EXPECT_EQ(api.Handle(req).status, 405);
}

TEST(Api, RequestsThatMayWriteCarryNoSessionContentVersion) {
  Api api = MakeApi();
  auto seen = [](Call& c) {
    return JsonResponse(200, Json{{"has", c.principal->content_version.has_value()}});
  };
  api.Session("GET", "/api/v1/v", seen);
  api.Session("POST", "/api/v1/v", seen);
  auto get = Req("GET", "/api/v1/v");
  get.headers["cookie"] = "fazhi_session=good";
  EXPECT_EQ(Json::parse(api.Handle(get).body)["has"], true);
  auto post = Req("POST", "/api/v1/v");
  post.headers["cookie"] = "fazhi_session=good";
  post.headers["x-csrf-token"] = "tok";
  http::Response r = api.Handle(post);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json::parse(r.body)["has"], false);
}

TEST(Api, QuickReadsAreGetsOfApiRoutesNotMarkedSlow) {
  Api api = MakeApi();
  api.Session("GET", "/api/v1/things/{id}", [](Call&) { return JsonResponse(200, Json::object()); });
  api.Session("POST", "/api/v1/things/{id}", [](Call&) { return JsonResponse(200, Json::object()); });
  api.Session("GET", "/api/v1/things/{id}/report", [](Call&) { return JsonResponse(200, Json::object()); });
  api.MarkSlow("GET", "/api/v1/things/{id}/report");
  EXPECT_TRUE(api.QuickRead(Req("GET", "/api/v1/things/7")));
  EXPECT_TRUE(api.QuickRead(Req("HEAD", "/api/v1/things/7")));
  EXPECT_FALSE(api.QuickRead(Req("POST", "/api/v1/things/7")));
  EXPECT_FALSE(api.QuickRead(Req("GET", "/api/v1/things/7/report")));
  EXPECT_FALSE(api.QuickRead(Req("HEAD", "/api/v1/things/7/report")));
  EXPECT_FALSE(api.QuickRead(Req("GET", "/api/v1/nothing")));
  EXPECT_FALSE(api.QuickRead(Req("GET", "/index.html")));
  bool marked = false;
  for (const auto& spec : api.Routes()) marked = marked || (spec.pattern == "/api/v1/things/{id}/report" && spec.slow);
  EXPECT_TRUE(marked);
}

TEST(Api, OnlyRoutesMarkedSpooledGetTheirBodyOnDisk) {
  Api api = MakeApi();
  RouteSpec upload{"POST", "/api/v1/things/{id}/files", Access::kSession, "",
                   [](Call& c) { return JsonResponse(200, Json{{"file", c.req.body_file}}); }};
  upload.spooled_body = true;
  api.Add(std::move(upload));
  api.Session("GET", "/api/v1/things/{id}/files", [](Call&) { return JsonResponse(200, Json::object()); });
  EXPECT_TRUE(api.SpoolsBody(Req("POST", "/api/v1/things/7/files")));
  EXPECT_FALSE(api.SpoolsBody(Req("GET", "/api/v1/things/7/files")));
  EXPECT_FALSE(api.SpoolsBody(Req("PUT", "/api/v1/things/7/files")));
  EXPECT_FALSE(api.SpoolsBody(Req("POST", "/api/v1/thing")));
  EXPECT_FALSE(api.SpoolsBody(Req("POST", "/api/v1/things/7/files/x")));
  EXPECT_FALSE(api.SpoolsBody(Req("POST", "/attachments")));
  // The access checks are the same as for any route.
  auto req = Req("POST", "/api/v1/things/7/files");
  EXPECT_EQ(api.Handle(req).status, 401);
}

TEST(Api, SpooledRequestsAreAdmittedOnTheirHeaders) {
  Api api = MakeApi();
  RouteSpec upload{"POST", "/api/v1/things/{id}/files", Access::kPermission, "user:manage",
                   [](Call&) { return JsonResponse(201, Json::object()); }};
  upload.spooled_body = true;
  api.Add(std::move(upload));
  auto req = Req("POST", "/api/v1/things/7/files");
  std::optional<http::Response> r = api.AdmitSpooled(req);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 401);  // no session
  req.headers["cookie"] = "fazhi_session=good";
  r = api.AdmitSpooled(req);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Code(*r), "csrf");  // no CSRF token
  req.headers["x-csrf-token"] = "tok";
  req.headers["origin"] = "http://evil.example";
  r = api.AdmitSpooled(req);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 403);  // foreign origin
  req.headers.erase("origin");
  EXPECT_FALSE(api.AdmitSpooled(req).has_value());
  // Routes that are not spooled are not judged here (their bodies are small).
  EXPECT_FALSE(api.AdmitSpooled(Req("POST", "/api/v1/thing")).has_value());
  EXPECT_FALSE(api.AdmitSpooled(Req("POST", "/api/v1/nope")).has_value());
}

TEST(Errors, InternalNeverLeaks) {
  auto r = ErrorResponse(Status("database_error", "near SELECT: syntax error"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
}

TEST(Json, StrictParsing) {
  http::Request req;
  Json j;
  req.body = "{bad";
  EXPECT_EQ(ParseJsonObject(req, &j).code(), "malformed_json");
  req.body = "[1]";
  EXPECT_EQ(ParseJsonObject(req, &j).code(), "malformed_json");
  req.body = "{\"a\":1}";
  EXPECT_TRUE(ParseJsonObject(req, &j).ok());
  req.headers["content-type"] = "text/plain";
  EXPECT_EQ(ParseJsonObject(req, &j).code(), "unsupported_media_type");
}

}  // namespace
}  // namespace fazhi::api
