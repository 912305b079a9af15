#include "api/public_routes.h"

#include "api/errors.h"
#include "api/identity_views.h"

namespace fazhi::api {
namespace {

const http::RateLimiter::Rule kReadRule{60, 120};   // browsing
const http::RateLimiter::Rule kWriteRule{5, 2};     // comments: 5 at once, then 2 a minute

Json EntryJson(const portal::PublicEntry& e) {
  return {{"id", IdToString(e.id)},   {"kind", e.kind},          {"kindLabel", e.kind_label},
          {"number", e.number},       {"title", e.title},        {"state", e.state},
          {"stateLabel", e.state_label}, {"orgName", e.org_name}, {"updatedAt", e.updated_at},
          {"closesOn", e.closes_on.empty() ? Json(nullptr) : Json(e.closes_on)}, {"fields", e.fields}};
}

Json CommentJson(const portal::Comment& c, bool staff) {
  Json j = {{"id", IdToString(c.id)}, {"author", c.author}, {"content", c.content}, {"reply", c.reply},
            {"createdAt", c.created_at}};
  if (staff) {
    j["status"] = c.status;
    j["contact"] = c.contact_masked;
    j["moderatedAt"] = c.moderated_at ? Json(c.moderated_at) : Json(nullptr);
  }
  return j;
}

// Wraps a public handler with the rate limit of its bucket.
ApiHandler Limited(http::RateLimiter& limiter, std::string bucket, http::RateLimiter::Rule rule, ApiHandler h) {
  return [&limiter, bucket, rule, h](Call& c) {
    int retry = 0;
    if (!limiter.Allow(bucket, rule, c.req.remote_ip, &retry)) {
      http::Response r = ErrorResponse(429, "rate_limited", "访问过于频繁，请稍后再试");
      r.Set("Retry-After", std::to_string(retry));
      return r;
    }
    return h(c);
  };
}

}  // namespace

void AddPublicRoutes(Api& api, portal::PortalService& portal, http::RateLimiter& limiter) {
  api.Public("GET", "/api/public/v1/registers", Limited(limiter, "read", kReadRule, [&portal](Call&) {
    Json items = Json::array();
    for (const auto& r : portal.config().registers) items.push_back({{"id", r.id}, {"label", r.label}});
    return JsonResponse(200, Json{{"items", items}});
  }));

  api.Public("GET", "/api/public/v1/registers/{id}", Limited(limiter, "read", kReadRule, [&portal](Call& c) {
    int page, size;
    if (Status st = ParsePaging(c.req, &page, &size); !st.ok()) return ErrorResponse(st);
    const std::string q = c.req.Query("q");
    if (q.size() > 100) return ErrorResponse(400, "invalid_query", "检索词过长");
    auto list = portal.ListRegister(c.req.Param("id"), q, page, size);
    if (!list.ok()) return ErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& e : list->items) items.push_back(EntryJson(e));
    const portal::RegisterDef* reg = portal.config().Register(c.req.Param("id"));
    return JsonResponse(200, Json{{"label", reg ? reg->label : ""}, {"items", items}, {"total", list->total},
                                  {"page", page}, {"pageSize", size}});
  }));

  api.Public("GET", "/api/public/v1/consultations", Limited(limiter, "read", kReadRule, [&portal](Call&) {
    auto list = portal.OpenConsultations();
    if (!list.ok()) return ErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& e : list.value()) items.push_back(EntryJson(e));
    return JsonResponse(200, Json{{"items", items}});
  }));

  api.Public("GET", "/api/public/v1/consultations/{id}", Limited(limiter, "read", kReadRule, [&portal](Call& c) {
    auto v = portal.Consultation(PathId(c.req));
    if (!v.ok()) return ErrorResponse(v.status());
    Json j = EntryJson(v->first);
    Json comments = Json::array();
    for (const auto& cm : v->second) comments.push_back(CommentJson(cm, false));
    j["comments"] = comments;
    return JsonResponse(200, j);
  }));

  api.Public("POST", "/api/public/v1/consultations/{id}/comments",
             Limited(limiter, "comment", kWriteRule, [&portal](Call& c) {
               // JSON only: a cross-site HTML form cannot send it without a preflight.
               if (c.req.Header("content-type").find("application/json") == std::string::npos)
                 return ErrorResponse(415, "unsupported_media_type", "请求内容类型必须为 application/json");
               Json body;
               if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
               std::string author, contact, content;
               Status st = GetString(body, "author", &author, true);
               if (st.ok()) st = GetString(body, "contact", &contact);
               if (st.ok()) st = GetString(body, "content", &content, true);
               if (!st.ok()) return ErrorResponse(st);
               auto id = portal.SubmitComment(PathId(c.req), author, contact, content, c.req.remote_ip);
               if (!id.ok()) return ErrorResponse(id.status());
               return JsonResponse(201, Json{{"id", IdToString(id.value())}, {"status", "pending"},
                                             {"message", "意见已提交，经审核后公开"}});
             }));

  api.Session("GET", "/api/v1/matters/{id}/comments", [&portal](Call& c) {
    auto list = portal.CommentsForStaff(*c.principal, PathId(c.req));
    if (!list.ok()) return ErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& cm : list.value()) items.push_back(CommentJson(cm, true));
    return JsonResponse(200, Json{{"items", items}});
  });

  api.Session("POST", "/api/v1/comments/{id}/moderate", [&portal](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string decision, reply;
    Status st = GetString(body, "decision", &decision, true);
    if (st.ok()) st = GetString(body, "reply", &reply);
    if (!st.ok()) return ErrorResponse(st);
    auto cm = portal.Moderate(*c.principal, PathId(c.req), decision, reply, c.req.remote_ip);
    if (!cm.ok()) return ErrorResponse(cm.status());
    return JsonResponse(200, CommentJson(cm.value(), true));
  });
}

}  // namespace fazhi::api
