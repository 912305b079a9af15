#include "api/metric_routes.h"

#include "api/errors.h"
#include "api/identity_views.h"
#include "api/matter_json.h"

namespace fazhi::api {
namespace {

// ?year= as a four-digit year (default: this year); false when malformed.
bool ParseYear(const http::Request& req, const metrics::MetricService& service, int* year) {
  if (!req.HasQuery("year")) {
    *year = service.CurrentYear();
    return true;
  }
  const std::string v = req.Query("year");
  if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  *year = std::stoi(v);
  return *year >= metrics::kMinYear && *year <= metrics::kMaxYear;
}

// ?org= as an org id (0 = the whole county); false when malformed.
bool ParseOrg(const http::Request& req, int64_t* org) {
  *org = 0;
  if (!req.HasQuery("org")) return true;
  *org = IdFromString(req.Query("org"));
  return *org != 0;
}

http::Response BadYear() {
  return ErrorResponse(400, "invalid_query", "year 须为 2000–2100 之间的四位年份");
}

Json ValueJson(const metrics::MetricValue& v) {
  Json j = {{"id", v.def->id},     {"label", v.def->label}, {"group", v.def->group},
            {"type", metrics::MetricTypeName(v.def->type)}, {"unit", v.def->unit}};
  if (v.def->type == metrics::MetricType::kCount) {
    j["value"] = v.count;
    if (v.def->flag_nonzero) j["flagged"] = v.count != 0;
  } else {
    j["value"] = v.value ? Json(*v.value) : Json(nullptr);
    j["numerator"] = v.numerator;
    j["denominator"] = v.denominator;
  }
  return j;
}

}  // namespace

void AddMetricRoutes(Api& api, metrics::MetricService& service) {
  api.Permission("GET", "/api/v1/metrics", "dashboard:read", [&service](Call& c) {
    int year = 0;
    int64_t org = 0;
    if (!ParseYear(c.req, service, &year)) return BadYear();
    if (!ParseOrg(c.req, &org)) return ErrorResponse(400, "invalid_query", "org 编号无效");
    auto values = service.Compute(year, org);
    if (!values.ok()) return ErrorResponse(values.status());
    Json items = Json::array();
    for (const auto& v : values.value()) items.push_back(ValueJson(v));
    return JsonResponse(200, Json{{"year", year}, {"metrics", items}});
  });
  api.MarkSlow("GET", "/api/v1/metrics");  // every figure of a year in one statement

  api.Permission("GET", "/api/v1/metrics/{id}/matters", "dashboard:read", [&service](Call& c) {
    const std::string id = c.req.Param("id");
    const metrics::MetricDef* def = service.metrics().Find(id);
    if (!def) return ErrorResponse(404, "not_found", "统计指标不存在");
    int year = 0, page = 1, page_size = 20;
    int64_t org = 0;
    if (!ParseYear(c.req, service, &year)) return BadYear();
    if (!ParseOrg(c.req, &org)) return ErrorResponse(400, "invalid_query", "org 编号无效");
    if (Status st = ParsePaging(c.req, &page, &page_size); !st.ok()) return ErrorResponse(st);
    metrics::Part part = def->type == metrics::MetricType::kCount ? metrics::Part::kValue : metrics::Part::kNumerator;
    if (c.req.HasQuery("part") && !metrics::ParsePart(c.req.Query("part"), &part))
      return ErrorResponse(400, "invalid_query", "part 只能为 value、numerator 或 denominator");
    auto found = service.DrillDown(*c.principal, id, year, part, page, page_size, org);
    if (!found.ok()) return ErrorResponse(found.status());
    JsonWriter w;
    w.BeginObject();
    WriteSummaries(w.Key("items"), found->items);
    w.Field("page", page).Field("pageSize", page_size).Field("total", found->total).EndObject();
    return JsonTextResponse(200, w.Take());
  });
  api.MarkSlow("GET", "/api/v1/metrics/{id}/matters");  // a figure's matters: a full count
}

}  // namespace fazhi::api
