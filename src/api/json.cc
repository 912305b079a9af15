#include "api/json.h"

#include <cctype>
#include <cstdio>

namespace fazhi::api {

Status ParseJsonObject(const http::Request& req, Json* out) {
  const std::string type = req.Header("content-type");
  if (!type.empty() && type.find("application/json") == std::string::npos)
    return Status("unsupported_media_type", "请求内容类型必须为 application/json");
  *out = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (out->is_discarded()) return Status("malformed_json", "请求内容不是有效的 JSON");
  if (!out->is_object()) return Status("malformed_json", "请求内容必须是 JSON 对象");
  return Status::Ok();
}

http::Response JsonResponse(int status, const Json& body) {
  return JsonTextResponse(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

http::Response JsonTextResponse(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.Set("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

std::string AttachmentDisposition(const std::string& filename) {
  std::string out = "attachment; filename*=UTF-8''";
  for (unsigned char ch : filename) {
    if (ch < 0x20 || ch == '/' || ch == '\\' || ch == '"') ch = '_';
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

http::Response NoContent() {
  http::Response r;
  r.status = 204;
  return r;
}

Status GetString(const Json& obj, const char* key, std::string* out, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) return Status("missing_field", std::string("缺少必填字段：") + key);
    return Status::Ok();
  }
  if (!it->is_string()) return Status("invalid_field", std::string("字段类型错误：") + key);
  *out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace fazhi::api
