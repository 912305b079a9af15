#include "api/openapi.h"

#include <algorithm>
#include <cctype>

#include "api/json.h"

namespace fazhi::api {
namespace {

Json Operation(const RouteSpec& spec) {
  Json op = {{"x-access", spec.access == Access::kPublic    ? "public"
                          : spec.access == Access::kSession ? "session"
                                                            : "permission"},
             {"responses",
              {{"default", {{"description", "JSON；错误时为 {\"error\":{\"code\",\"message\",\"details\"}}"}}}}}};
  if (spec.access == Access::kPermission) op["x-permission"] = spec.permission;
  if (spec.access != Access::kPublic) op["security"] = Json::array({{{"session", Json::array()}}});
  Json params = Json::array();
  size_t pos = 0;
  while ((pos = spec.pattern.find('{', pos)) != std::string::npos) {
    size_t end = spec.pattern.find('}', pos);
    params.push_back({{"name", spec.pattern.substr(pos + 1, end - pos - 1)},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
    pos = end;
  }
  if (!params.empty()) op["parameters"] = params;
  return op;
}

}  // namespace

void AddOpenApiRoute(Api& api) {
  api.Public("GET", "/api/v1/openapi.json", [&api](Call&) {
    Json paths = Json::object();
    for (const auto& spec : api.Routes()) {
      std::string method = spec.method;
      std::transform(method.begin(), method.end(), method.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      paths[spec.pattern][method] = Operation(spec);
    }
    Json doc = {{"openapi", "3.0.3"},
                {"info", {{"title", "fazhi 法治政府建设综合管理平台 API"}, {"version", FAZHI_VERSION}}},
                {"servers", Json::array({{{"url", "/"}}})},
                {"components",
                 {{"securitySchemes",
                   {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "fazhi_session"}}}}}}},
                {"paths", paths}};
    return JsonResponse(200, doc);
  });
}

}  // namespace fazhi::api
