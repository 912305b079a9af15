#include "http/security_headers.h"

namespace fazhi::http {
namespace {

void SetIfAbsent(Response* r, const char* name, const char* value) {
  if (!r->Has(name)) r->Set(name, value);
}

}  // namespace

void ApplySecurityHeaders(const std::string& path, const SecurityHeaderOptions& options,
                          Response* r) {
  // Element Plus sets inline style attributes, hence 'unsafe-inline' for styles
  // only; scripts come from our own origin alone.
  SetIfAbsent(r, "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
              "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  SetIfAbsent(r, "X-Content-Type-Options", "nosniff");
  SetIfAbsent(r, "X-Frame-Options", "DENY");
  SetIfAbsent(r, "Referrer-Policy", "no-referrer");
  SetIfAbsent(r, "Cross-Origin-Opener-Policy", "same-origin");
  SetIfAbsent(r, "Cross-Origin-Resource-Policy", "same-origin");
  SetIfAbsent(r, "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (options.hsts) SetIfAbsent(r, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (path.rfind("/api/", 0) == 0) SetIfAbsent(r, "Cache-Control", "no-store");
}

}  // namespace fazhi::http
