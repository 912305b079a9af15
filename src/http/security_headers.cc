#include "http/security_headers.h"

namespace fazhi::http {

size_t SecurityHeaders(const std::string& path, const SecurityHeaderOptions& options,
                       std::array<HeaderLiteral, kMaxSecurityHeaders>* out) {
  size_t n = 0;
  // Element Plus sets inline style attributes, hence 'unsafe-inline' for styles
  // only; scripts come from our own origin alone.
  (*out)[n++] = {"Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                 "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"};
  (*out)[n++] = {"X-Content-Type-Options", "nosniff"};
  (*out)[n++] = {"X-Frame-Options", "DENY"};
  (*out)[n++] = {"Referrer-Policy", "no-referrer"};
  (*out)[n++] = {"Cross-Origin-Opener-Policy", "same-origin"};
  (*out)[n++] = {"Cross-Origin-Resource-Policy", "same-origin"};
  (*out)[n++] = {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"};
  if (options.hsts) (*out)[n++] = {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"};
  if (path.rfind("/api/", 0) == 0) (*out)[n++] = {"Cache-Control", "no-store"};
  return n;
}

void ApplySecurityHeaders(const std::string& path, const SecurityHeaderOptions& options,
                          Response* r) {
  std::array<HeaderLiteral, kMaxSecurityHeaders> headers;
  const size_t n = SecurityHeaders(path, options, &headers);
  for (size_t i = 0; i < n; ++i) {
    const std::string name(headers[i].name);
    if (!r->Has(name)) r->Set(name, std::string(headers[i].value));
  }
}

}  // namespace fazhi::http
