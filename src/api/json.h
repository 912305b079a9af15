// JSON helpers for handlers: parse request bodies strictly and build
// responses. Only api/ includes nlohmann/json.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "base/status.h"
#include "http/message.h"

namespace fazhi::api {

using Json = nlohmann::json;

// Parses the body as a JSON object. Non-ok Status codes: "malformed_json"
// (400) or "unsupported_media_type" (415) when a Content-Type other than JSON
// is declared.
Status ParseJsonObject(const http::Request& req, Json* out);

http::Response JsonResponse(int status, const Json& body);
// The same with JSON text already written (see json_writer.h).
http::Response JsonTextResponse(int status, std::string body);
http::Response NoContent();

// Content-Disposition for a download: `attachment; filename*=UTF-8''…` with
// the name percent-encoded (RFC 5987); separators and quotes become '_'.
std::string AttachmentDisposition(const std::string& filename);

// Reads an optional string member; "invalid_field" Status when present with
// another type. Missing → fallback.
Status GetString(const Json& obj, const char* key, std::string* out, bool required = false);

}  // namespace fazhi::api
