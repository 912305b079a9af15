// The response head the server writes: status line, Server, the handler's
// headers, the security headers it did not set, persistence, length — and
// nothing a header value could smuggle in.
#include "http/response_head.h"

#include <gtest/gtest.h>

namespace fazhi::http {
namespace {

const std::string kSecurity =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "Cross-Origin-Opener-Policy: same-origin\r\n"
    "Cross-Origin-Resource-Policy: same-origin\r\n"
    "Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()\r\n";

TEST(ResponseHead, ApiResponse) {
  Response r;
  r.status = 201;
  r.Set("Content-Type", "application/json; charset=utf-8");
  r.Set("ETag", "\"3\"");
  EXPECT_EQ(ResponseHead(r, 11, true, 42, "/api/v1/matters", {}),
            "HTTP/1.1 201 Created\r\nServer: fazhi\r\nContent-Type: application/json; charset=utf-8\r\n"
            "ETag: \"3\"\r\n" +
                kSecurity + "Cache-Control: no-store\r\nContent-Length: 42\r\n\r\n");
}

TEST(ResponseHead, OwnHeadersWinAndReservedOnesAreTheServers) {
  Response r;
  r.status = 200;
  r.Set("cache-control", "public, max-age=31536000, immutable");
  r.Set("X-Frame-Options", "SAMEORIGIN");
  r.Set("Content-Length", "999");
  r.Set("Connection", "upgrade");
  r.Set("Server", "other");
  r.Set("Transfer-Encoding", "chunked");
  const std::string head = ResponseHead(r, 11, true, 5, "/assets/app.js", {});
  EXPECT_NE(head.find("cache-control: public, max-age=31536000, immutable\r\n"), std::string::npos);
  EXPECT_EQ(head.find("Cache-Control: no-store"), std::string::npos);
  EXPECT_NE(head.find("X-Frame-Options: SAMEORIGIN\r\n"), std::string::npos);
  EXPECT_EQ(head.find("DENY"), std::string::npos);
  EXPECT_EQ(head.find("999"), std::string::npos);
  EXPECT_EQ(head.find("upgrade"), std::string::npos);
  EXPECT_EQ(head.find("other"), std::string::npos);
  EXPECT_EQ(head.find("chunked"), std::string::npos);
  EXPECT_NE(head.find("\r\nContent-Length: 5\r\n\r\n"), std::string::npos);
  // Static files get no Cache-Control unless they set one; HSTS only with TLS.
  Response plain;
  EXPECT_EQ(ResponseHead(plain, 11, true, 0, "/index.html", {}).find("Cache-Control"), std::string::npos);
  EXPECT_EQ(ResponseHead(plain, 11, true, 0, "/", {}).find("Strict-Transport-Security"), std::string::npos);
  EXPECT_NE(ResponseHead(plain, 11, true, 0, "/", {true}).find(
                "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n"),
            std::string::npos);
}

TEST(ResponseHead, PersistenceIsSaidWhenItDiffersFromTheVersionsDefault) {
  Response r;
  EXPECT_EQ(ResponseHead(r, 11, true, 0, "/api/", {}).find("Connection"), std::string::npos);
  EXPECT_NE(ResponseHead(r, 11, false, 0, "/api/", {}).find("\r\nConnection: close\r\n"), std::string::npos);
  EXPECT_EQ(ResponseHead(r, 10, true, 0, "/api/", {}).rfind("HTTP/1.0 200 OK\r\n", 0), 0u);
  EXPECT_NE(ResponseHead(r, 10, true, 0, "/api/", {}).find("\r\nConnection: keep-alive\r\n"), std::string::npos);
  EXPECT_EQ(ResponseHead(r, 10, false, 0, "/api/", {}).find("Connection"), std::string::npos);
}

TEST(ResponseHead, NoHeaderCanBeInjected) {
  Response r;
  r.status = 200;
  r.Set("Content-Disposition", "attachment; filename=\"a\r\nSet-Cookie: x=1\"");
  r.Set(std::string("X-A\nB\0", 6), "v");
  const std::string head = ResponseHead(r, 11, true, 0, "/api/", {});
  EXPECT_EQ(head.find("\r\nSet-Cookie"), std::string::npos);
  EXPECT_NE(head.find("filename=\"a  Set-Cookie: x=1\""), std::string::npos);
  EXPECT_NE(head.find("X-A B : v\r\n"), std::string::npos);
  // Exactly one blank line, at the end.
  EXPECT_EQ(head.find("\r\n\r\n"), head.size() - 4);
}

TEST(ResponseHead, StatusLines) {
  Response r;
  for (auto [status, line] : std::initializer_list<std::pair<int, const char*>>{
           {404, "HTTP/1.1 404 Not Found\r\n"}, {422, "HTTP/1.1 422 Unprocessable Entity\r\n"},
           {599, "HTTP/1.1 599 Unknown\r\n"}, {42, "HTTP/1.1 500 Internal Server Error\r\n"}}) {
    r.status = status;
    EXPECT_EQ(ResponseHead(r, 11, true, 0, "/", {}).rfind(line, 0), 0u) << status;
  }
}

}  // namespace
}  // namespace fazhi::http
