// Security headers sent on every response (QUALITY.md, Security: headers).
#pragma once

#include "http/message.h"

namespace fazhi::http {

struct SecurityHeaderOptions {
  bool hsts = false;  // only when served over TLS
};

// Adds the headers a response does not set itself. API responses (path under
// /api/) additionally get Cache-Control: no-store unless they set one.
void ApplySecurityHeaders(const std::string& path, const SecurityHeaderOptions& options,
                          Response* response);

}  // namespace fazhi::http
