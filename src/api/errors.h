// The one place where a Status becomes an HTTP status and error body
// {"error":{"code","message","details"?}}.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "base/status.h"
#include "http/message.h"

namespace fazhi::api {

// HTTP status for a Status code (500 for unknown codes).
int HttpStatusFor(const std::string& code);

http::Response ErrorResponse(const Status& status,
                             const nlohmann::json& details = nlohmann::json());
// A Status with per-field messages: details.fields = {field: message}.
// Without field messages it is ErrorResponse(status). The HTTP status is the
// one of the Status code (409 for duplicates, 422 for validation).
http::Response FieldErrorResponse(const Status& status, const std::map<std::string, std::string>& fields);

http::Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                             const nlohmann::json& details = nlohmann::json());

}  // namespace fazhi::api
