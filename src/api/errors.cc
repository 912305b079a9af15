#include "api/errors.h"

#include <spdlog/spdlog.h>

#include <map>

#include "api/json.h"

namespace fazhi::api {

int HttpStatusFor(const std::string& code) {
  static const std::map<std::string, int> kStatus = {
      {"bad_request", 400},
      {"malformed_json", 400},
      {"invalid_argument", 400},
      {"invalid_query", 400},
      {"unauthenticated", 401},
      {"invalid_credentials", 401},
      {"totp_required", 401},
      {"session_expired", 401},
      {"forbidden", 403},
      {"csrf", 403},
      {"account_disabled", 403},
      {"password_change_required", 403},
      {"not_found", 404},
      {"method_not_allowed", 405},
      {"conflict", 409},
      {"state_conflict", 409},
      {"guard_failed", 409},
      {"version_conflict", 409},
      {"unique_violation", 409},
      {"handling_org_missing", 409},
      {"duplicate", 409},
      {"payload_too_large", 413},
      {"unsupported_media_type", 415},
      {"validation_failed", 422},
      {"calendar_missing", 422},
      {"missing_field", 422},
      {"not_an_assign_action", 422},
      {"invalid_field", 422},
      {"weak_password", 422},
      {"separation_of_duties", 422},
      {"account_locked", 423},
      {"precondition_required", 428},
      {"rate_limited", 429},
      {"database_busy", 503},
  };
  auto it = kStatus.find(code);
  return it == kStatus.end() ? 500 : it->second;
}

http::Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                             const nlohmann::json& details) {
  Json err = {{"code", code}, {"message", message}};
  if (!details.is_null()) err["details"] = details;
  return JsonResponse(http_status, Json{{"error", err}});
}

http::Response FieldErrorResponse(const Status& status, const std::map<std::string, std::string>& fields) {
  if (fields.empty()) return ErrorResponse(status);
  Json j = Json::object();
  for (const auto& [k, v] : fields) j[k] = v;
  const int http_status = HttpStatusFor(status.code());
  return ErrorResponse(http_status == 500 ? 422 : http_status, status.code(), status.message(),
                       Json{{"fields", j}});
}

http::Response ErrorResponse(const Status& status, const nlohmann::json& details) {
  int http_status = HttpStatusFor(status.code());
  if (http_status == 500) {
    // Never leak driver or internal text to clients; operators read the log.
    spdlog::error("internal error {}: {}", status.code(), status.message());
    return ErrorResponse(500, "internal", "服务器内部错误，请稍后重试", details);
  }
  return ErrorResponse(http_status, status.code(), status.message(), details);
}

}  // namespace fazhi::api
