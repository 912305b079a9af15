// The status line and header block of a response with a body in memory, as
// the server sends it (the body follows in the same write). Written directly
// rather than through Beast's header container: a response's headers are
// known in full here and most are the same constant security headers.
#pragma once

#include <cstdint>
#include <string>

#include "http/message.h"
#include "http/security_headers.h"

namespace fazhi::http {

// "HTTP/1.1 200 OK", then Server, the response's own headers, the security
// headers it does not set itself (ApplySecurityHeaders' rule), Connection when
// the persistence differs from the HTTP version's default, Content-Length and
// the blank line. Content-Length, Transfer-Encoding, Connection and Server set
// by a handler are ignored; CR, LF and NUL in names and values become spaces,
// so no value can start another header. version: 10 or 11.
std::string ResponseHead(const Response& r, unsigned version, bool keep_alive, uint64_t content_length,
                         const std::string& path, const SecurityHeaderOptions& security);

// The reason phrase of a status code ("OK", "Not Found"; "Unknown" for codes
// without one here).
const char* ReasonPhrase(int status);

}  // namespace fazhi::http
