#include "api/matter_routes.h"

#include <charconv>
#include <filesystem>

#include "api/errors.h"
#include "api/identity_cache.h"
#include "api/identity_views.h"
#include "api/matter_json.h"
#include "api/summary_text_cache.h"

namespace fazhi::api {
namespace {

// If-Match: "3", W/"3" or 3 → 3; 0 when absent, -1 when malformed.
int64_t IfMatch(const http::Request& req) {
  std::string v = req.Header("if-match");
  if (v.empty()) return 0;
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n <= 0) return -1;
  return n;
}

http::Response WithEtag(http::Response r, int64_t version) {
  std::string tag(1, '"');
  tag += std::to_string(version);
  tag += '"';
  r.Set("ETag", tag);
  return r;
}

http::Response MatterResponse(int status, const engine::MatterView& v) {
  JsonWriter w;
  WriteMatter(w, v);
  return JsonTextResponse(status, w.Take());
}

http::Response NeedIfMatch(int64_t v) {
  if (v == 0) return ErrorResponse(428, "precondition_required", "缺少 If-Match 版本号，请刷新后重试");
  return ErrorResponse(400, "bad_request", "If-Match 版本号格式错误");
}

}  // namespace

void AddMatterRoutes(Api& api, engine::MatterService& service) {
  // canCreate: whether the caller may create matters of the kind (for the
  // 新建 menu); the server checks it again on POST.
  api.Session("GET", "/api/v1/kinds", [&service](Call& c) {
    Json items = Json::array();
    for (const auto& k : service.kinds().All()) {
      Json j = KindJson(k);
      j["canCreate"] = engine::MayCreate(*c.principal, k);
      items.push_back(std::move(j));
    }
    return JsonResponse(200, Json{{"items", items}});
  });

  api.Session("GET", "/api/v1/kinds/{kind}", [&service](Call& c) {
    const engine::KindDef* k = service.kinds().Find(c.req.Param("kind"));
    if (!k) return ErrorResponse(404, "not_found", "事项类型不存在");
    Json j = KindJson(*k);
    j["canCreate"] = engine::MayCreate(*c.principal, *k);
    return JsonResponse(200, j);
  });

  api.Permission("POST", "/api/v1/matters", "matter:create", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    engine::NewMatter m;
    std::string org;
    Status st = GetString(body, "kind", &m.kind, true);
    if (st.ok()) st = GetString(body, "title", &m.title, true);
    if (st.ok()) st = GetString(body, "orgId", &org);
    if (!st.ok()) return ErrorResponse(st);
    for (auto it = body.begin(); it != body.end(); ++it)
      if (it.key() != "kind" && it.key() != "title" && it.key() != "orgId" && it.key() != "fields")
        return ErrorResponse(422, "validation_failed", "未知字段：" + it.key());
    if (!org.empty() && !(m.org_id = IdFromString(org))) return ErrorResponse(422, "validation_failed", "承办单位编号无效");
    m.fields = body.value("fields", Json::object());
    engine::FieldErrors errors;
    auto v = service.Create(*c.principal, m, c.req.remote_ip, &errors);
    if (!v.ok()) return FieldErrorResponse(v.status(), errors);
    http::Response r = WithEtag(MatterResponse(201, v.value()), v->version);
    r.Set("Location", "/api/v1/matters/" + IdToString(v->id));
    return r;
  });

  // The text of cached list pages' rows, kept as long as the engine keeps the
  // pages (as many as its list cache holds).
  auto rows_text = std::make_shared<SummaryTextCache>(1024);
  api.Permission("GET", "/api/v1/matters", "matter:read", [&service, rows_text](Call& c) {
    engine::ListQuery q;
    if (Status st = ParsePaging(c.req, &q.page, &q.page_size); !st.ok()) return ErrorResponse(st);
    q.kind = c.req.Query("kind");
    q.state = c.req.Query("state");
    q.q = c.req.Query("q");
    q.due = c.req.Query("due");
    q.sort = c.req.Query("sort");
    q.order = c.req.Query("order", "asc");
    if (!q.due.empty() && q.due != "overdue" && q.due != "soon")
      return ErrorResponse(400, "invalid_query", "due 只能为 overdue 或 soon");
    if (q.q.size() > 200) return ErrorResponse(400, "invalid_query", "检索词过长");
    const std::string org = c.req.Query("org");
    if (!org.empty() && !(q.org_id = IdFromString(org))) return ErrorResponse(400, "invalid_query", "org 编号无效");
    const std::string assignee = c.req.Query("assignee");
    if (!assignee.empty() && assignee != "me") return ErrorResponse(400, "invalid_query", "assignee 只支持 me");
    q.assignee_me = assignee == "me";
    auto listed = service.ListShared(*c.principal, q);
    if (!listed.ok()) return ErrorResponse(listed.status());
    const Page<engine::MatterSummary>& page = *listed->page;
    JsonWriter w(600 * page.items.size() + 128);
    w.BeginObject();
    rows_text->WriteRows(w.Key("items"), *listed);
    w.Field("page", q.page).Field("pageSize", q.page_size).Field("total", page.total);
    w.Field("totalCapped", page.total_capped).EndObject();
    return JsonTextResponse(200, w.Take());
  });

  api.Session("GET", "/api/v1/matters/{id}", [&service](Call& c) {
    auto v = service.Get(*c.principal, PathId(c.req));
    if (!v.ok()) return ErrorResponse(v.status());
    return WithEtag(MatterResponse(200, v.value()), v->version);
  });

  api.Session("PATCH", "/api/v1/matters/{id}", [&service](Call& c) {
    const int64_t version = IfMatch(c.req);
    if (version <= 0) return NeedIfMatch(version);
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string title;
    if (Status st = GetString(body, "title", &title); !st.ok()) return ErrorResponse(st);
    engine::FieldErrors errors;
    auto v = service.Update(*c.principal, PathId(c.req), version, title, body.value("fields", Json::object()),
                            c.req.remote_ip, &errors);
    if (!v.ok()) return FieldErrorResponse(v.status(), errors);
    return WithEtag(MatterResponse(200, v.value()), v->version);
  });

  api.Session("GET", "/api/v1/matters/{id}/actions/{action}/candidates", [&service](Call& c) {
    auto v = service.Candidates(*c.principal, PathId(c.req), c.req.Param("action"));
    if (!v.ok()) return ErrorResponse(v.status());
    Json items = Json::array();
    for (const auto& u : v.value())
      items.push_back({{"id", IdToString(u.id)}, {"name", u.name}, {"orgName", u.org_name},
                       {"roles", u.roles}, {"openMatters", u.open_matters}});
    return JsonResponse(200, Json{{"items", items}});
  });

  api.Session("POST", "/api/v1/matters/{id}/actions/{action}", [&service](Call& c) {
    const int64_t version = IfMatch(c.req);
    if (version <= 0) return NeedIfMatch(version);
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    engine::ActionRequest a;
    a.action = c.req.Param("action");
    a.expected_version = version;
    a.fields = body.value("fields", Json::object());
    std::string assignee;
    Status st = GetString(body, "note", &a.note);
    if (st.ok()) st = GetString(body, "assigneeId", &assignee);
    if (!st.ok()) return ErrorResponse(st);
    if (!assignee.empty() && !(a.assignee_id = IdFromString(assignee)))
      return ErrorResponse(422, "validation_failed", "承办人编号无效", Json{{"fields", {{"assignee", "承办人编号无效"}}}});
    if (body.contains("links")) {
      if (!body["links"].is_array()) return ErrorResponse(422, "validation_failed", "links 须为数组");
      for (const auto& l : body["links"]) {
        int64_t id = l.is_string() ? IdFromString(l.get<std::string>()) : 0;
        if (!id) return ErrorResponse(422, "validation_failed", "关联事项编号无效");
        a.links.push_back(id);
      }
    }
    engine::FieldErrors errors;
    auto v = service.Act(*c.principal, PathId(c.req), a, c.req.remote_ip, &errors);
    if (!v.ok()) return FieldErrorResponse(v.status(), errors);
    if (!v->readable)  // done, and the matter is no longer in the actor's view
      return JsonResponse(200, Json{{"id", IdToString(v->id)}, {"kind", v->kind}, {"kindLabel", v->kind_label},
                                    {"state", v->state}, {"stateLabel", v->state_label}, {"version", v->version},
                                    {"readable", false}});
    return WithEtag(MatterResponse(200, v.value()), v->version);
  });

  // A timeline's text depends on nothing but the timeline: written once for
  // each one the engine shares, kept while it lives.
  auto timeline_text = std::make_shared<IdentityCache<engine::Timeline, std::string>>(8192);
  api.Session("GET", "/api/v1/matters/{id}/events", [&service, timeline_text](Call& c) {
    auto events = service.EventsShared(*c.principal, PathId(c.req));
    if (!events.ok()) return ErrorResponse(events.status());
    std::shared_ptr<const std::string> text = timeline_text->Find(*events);
    if (!text) {
      JsonWriter w;
      w.BeginObject().Key("items").BeginArray();
      for (const auto& e : (*events)->events) WriteEvent(w, e);
      w.EndArray();
      WritePeople(w.Key("people"), (*events)->people);
      w.EndObject();
      text = std::make_shared<const std::string>(w.Take());
      timeline_text->Put(*events, text);
    }
    return JsonTextResponse(200, *text);
  });

  api.Permission("POST", "/api/v1/matters/{id}/reveal", "personal_data:reveal", [&service](Call& c) {
    Json body;
    if (Status st = ParseJsonObject(c.req, &body); !st.ok()) return ErrorResponse(st);
    std::string field, part;
    Status st = GetString(body, "field", &field, true);
    if (st.ok()) st = GetString(body, "part", &part, true);
    if (!st.ok()) return ErrorResponse(st);
    auto v = service.RevealParty(*c.principal, PathId(c.req), field, part, c.req.remote_ip);
    if (!v.ok()) return ErrorResponse(v.status());
    return JsonResponse(200, Json{{"field", field}, {"part", part}, {"value", v.value()}});
  });

  // The file is the raw body, spooled to disk by the server; ?name= names it.
  RouteSpec upload{"POST", "/api/v1/matters/{id}/attachments", Access::kSession, "", [&service](Call& c) {
    auto v = service.AddAttachment(*c.principal, PathId(c.req), c.req.Query("name"), c.req.body_file,
                                   c.req.remote_ip);
    if (!v.ok()) return ErrorResponse(v.status());
    JsonWriter w;
    WriteAttachment(w, v.value());
    return JsonTextResponse(201, w.Take());
  }};
  upload.spooled_body = true;
  api.Add(std::move(upload));

  api.Session("GET", "/api/v1/attachments/{id}", [&service](Call& c) {
    auto v = service.OpenAttachment(*c.principal, PathId(c.req), c.req.remote_ip);
    if (!v.ok()) return ErrorResponse(v.status());
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(v->second, ec);
    if (ec) return ErrorResponse(404, "not_found", "附件文件缺失");
    http::Response r;
    r.body_file = v->second;  // sent from disk in chunks by the server
    r.body_file_size = size;
    r.Set("Content-Type", v->first.content_type);
    // Always a download, never rendered inline.
    r.Set("Content-Disposition", AttachmentDisposition(v->first.name));
    r.Set("Cache-Control", "private, no-store");
    return r;
  });
  api.MarkSlow("GET", "/api/v1/attachments/{id}");  // audited first: a durable write

  api.Session("GET", "/api/v1/inbox", [&service](Call& c) {
    auto page = service.Inbox(*c.principal, 50);
    if (!page.ok()) return ErrorResponse(page.status());
    JsonWriter w;
    w.BeginObject();
    WriteSummaries(w.Key("items"), page->items);
    w.Field("total", page->total).EndObject();
    return JsonTextResponse(200, w.Take());
  });
}

}  // namespace fazhi::api
