#include "api/audit_routes.h"

#include <charconv>
#include <limits>
#include <string>

#include "api/errors.h"

namespace fazhi::api {
namespace {

constexpr size_t kMaxTextParam = 200;  // bytes; usernames and actions are short

Status Invalid(const std::string& message) { return Status("invalid_query", message); }

// Strict decimal integer in [min, max]; no sign for non-negative ranges.
bool ParseInt64(const std::string& s, int64_t min, int64_t max, int64_t* out) {
  int64_t v = 0;
  auto [end, err] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (err != std::errc() || end != s.data() + s.size() || v < min || v > max) return false;
  *out = v;
  return true;
}

Status ParseText(const http::Request& req, const char* key, const char* label, std::string* out) {
  std::string v = req.Query(key);
  if (v.size() > kMaxTextParam) return Invalid(std::string(label) + "过长");
  *out = std::move(v);
  return Status::Ok();
}

}  // namespace

Status ParseAuditQuery(const http::Request& req, audit::Filter* out) {
  audit::Filter f;
  int64_t n = 0;
  if (std::string v = req.Query("page"); !v.empty()) {
    if (!ParseInt64(v, 1, 1000000, &n)) return Invalid("页码 page 必须是 1 到 1000000 之间的整数");
    f.page = static_cast<int>(n);
  }
  if (std::string v = req.Query("pageSize"); !v.empty()) {
    if (!ParseInt64(v, 1, 200, &n)) return Invalid("每页条数 pageSize 必须是 1 到 200 之间的整数");
    f.page_size = static_cast<int>(n);
  }
  FAZHI_RETURN_IF_ERROR(ParseText(req, "username", "用户名 username ", &f.username));
  FAZHI_RETURN_IF_ERROR(ParseText(req, "action", "操作类型 action ", &f.action));
  f.result = req.Query("result");
  if (!f.result.empty() && f.result != "success" && f.result != "failure") {
    return Invalid("结果 result 只能是 success 或 failure");
  }
  constexpr int64_t kMaxMs = std::numeric_limits<int64_t>::max();
  if (std::string v = req.Query("from"); !v.empty()) {
    if (!ParseInt64(v, 0, kMaxMs, &f.from_ms)) return Invalid("起始时间 from 必须是毫秒时间戳");
  }
  if (std::string v = req.Query("to"); !v.empty()) {
    if (!ParseInt64(v, 0, kMaxMs, &f.to_ms)) return Invalid("结束时间 to 必须是毫秒时间戳");
  }
  if (f.from_ms != 0 && f.to_ms != 0 && f.to_ms <= f.from_ms) {
    return Invalid("结束时间 to 必须晚于起始时间 from");
  }
  *out = std::move(f);
  return Status::Ok();
}

Json AuditPageJson(const std::vector<audit::StoredRecord>& items, int64_t total,
                   const audit::Filter& filter) {
  Json list = Json::array();
  for (const audit::StoredRecord& r : items) {
    list.push_back(Json{{"seq", r.seq},
                        {"time", r.at_ms},
                        {"userId", std::to_string(r.user_id)},
                        {"username", r.username},
                        {"ip", r.ip},
                        {"action", r.action},
                        {"object", r.object},
                        {"result", r.result},
                        {"detail", r.detail},
                        {"hash", r.hash}});
  }
  return Json{{"items", std::move(list)},
              {"total", total},
              {"page", filter.page},
              {"pageSize", filter.page_size}};
}

void AddAuditRoutes(Api& api, store::Database& db, const audit::AuditLog& log) {
  api.Permission("GET", "/api/v1/audit", "audit:read", [&db, &log](Call& call) {
    audit::Filter filter;
    if (Status s = ParseAuditQuery(call.req, &filter); !s.ok()) return ErrorResponse(s);
    auto page = log.List(db, filter);
    if (!page.ok()) return ErrorResponse(page.status());
    return JsonResponse(200, AuditPageJson(page->first, page->second, filter));
  });
  api.MarkSlow("GET", "/api/v1/audit");  // filters over the whole log
}

}  // namespace fazhi::api
