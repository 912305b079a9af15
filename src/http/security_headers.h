// Security headers sent on every response (QUALITY.md, Security: headers).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.h"

namespace fazhi::http {

struct SecurityHeaderOptions {
  bool hsts = false;  // only when served over TLS
};

struct HeaderLiteral {
  std::string_view name, value;
};
inline constexpr size_t kMaxSecurityHeaders = 9;

// The security headers for a response to `path`, in order: API responses
// (path under /api/) also get Cache-Control: no-store. Returns how many of
// `out` were filled. A response that sets one of them itself keeps its own.
size_t SecurityHeaders(const std::string& path, const SecurityHeaderOptions& options,
                       std::array<HeaderLiteral, kMaxSecurityHeaders>* out);

// Adds the security headers a response does not set itself.
void ApplySecurityHeaders(const std::string& path, const SecurityHeaderOptions& options,
                          Response* response);

}  // namespace fazhi::http
