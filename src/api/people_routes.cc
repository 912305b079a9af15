#include "api/people_routes.h"

#include <charconv>

#include "api/errors.h"
#include "api/matter_json.h"
#include "base/utf8.h"

namespace fazhi::api {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 50;
constexpr long kMaxQuery = 50;  // characters
constexpr size_t kMaxRoles = 20;

// Characters in well-formed UTF-8 text; -1 when it is not.
long Chars(std::string_view s) {
  long n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return -1;
    i += len;
  }
  return n;
}

bool RoleCode(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// "a,b" → {a, b}; false for an empty entry or a malformed code.
bool ParseRoles(const std::string& text, std::vector<std::string>* out) {
  if (text.empty()) return true;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string code = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!RoleCode(code) || out->size() >= kMaxRoles) return false;
    out->push_back(code);
    if (comma == std::string::npos) return true;
    start = comma + 1;
  }
}

}  // namespace

void AddPeopleRoutes(Api& api, engine::MatterService& service) {
  api.Session("GET", "/api/v1/users/lookup", [&service](Call& c) {
    if (!engine::MayNamePeople(*c.principal, service.kinds()))
      return ErrorResponse(403, "forbidden", "没有查找人员的权限");
    engine::PeopleQuery q;
    q.q = c.req.Query("q");
    const long chars = Chars(q.q);
    if (chars < 0 || chars > kMaxQuery)
      return ErrorResponse(400, "invalid_query", "检索词不超过 50 个字");
    if (!ParseRoles(c.req.Query("role"), &q.roles))
      return ErrorResponse(400, "invalid_query", "role 须为以逗号分隔的角色代码");
    q.limit = kDefaultLimit;
    if (c.req.HasQuery("limit")) {
      const std::string v = c.req.Query("limit");
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), q.limit);
      if (ec != std::errc() || p != v.data() + v.size() || q.limit < 1 || q.limit > kMaxLimit)
        return ErrorResponse(400, "invalid_query", "limit 须为 1–50 的整数");
    }
    auto people = service.LookUpPeople(*c.principal, q);
    if (!people.ok()) return ErrorResponse(people.status());
    JsonWriter w;
    w.BeginObject();
    WritePeople(w.Key("items"), people.value());
    w.EndObject();
    return JsonTextResponse(200, w.Take());
  });
}

}  // namespace fazhi::api
