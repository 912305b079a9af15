#include "http/response_head.h"

#include <charconv>
#include <string_view>

namespace fazhi::http {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

void AppendClean(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->append(s);
  for (size_t i = start; i < out->size(); ++i) {
    char& c = (*out)[i];
    if (c == '\r' || c == '\n' || c == '\0') c = ' ';
  }
}

void AppendHeader(std::string_view name, std::string_view value, std::string* out) {
  AppendClean(name, out);
  out->append(": ", 2);
  AppendClean(value, out);
  out->append("\r\n", 2);
}

bool Reserved(std::string_view name) {
  return SameName(name, "content-length") || SameName(name, "transfer-encoding") ||
         SameName(name, "connection") || SameName(name, "server");
}

}  // namespace

const char* ReasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Entity";
    case 423: return "Locked";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 507: return "Insufficient Storage";
    default: return "Unknown";
  }
}

std::string ResponseHead(const Response& r, unsigned version, bool keep_alive, uint64_t content_length,
                         const std::string& path, const SecurityHeaderOptions& security) {
  std::array<HeaderLiteral, kMaxSecurityHeaders> defaults;
  const size_t n_defaults = SecurityHeaders(path, security, &defaults);
  std::string out;
  out.reserve(768);
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  char buf[24];
  const int status = r.status >= 100 && r.status <= 999 ? r.status : 500;
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, status);
  out.append(buf, end);
  out.push_back(' ');
  out.append(ReasonPhrase(status));
  out.append("\r\nServer: fazhi\r\n");
  for (const auto& [name, value] : r.headers)
    if (!Reserved(name)) AppendHeader(name, value, &out);
  for (size_t i = 0; i < n_defaults; ++i) {
    bool own = false;
    for (const auto& h : r.headers) own = own || SameName(h.first, defaults[i].name);
    if (!own) AppendHeader(defaults[i].name, defaults[i].value, &out);
  }
  if (version == 10 && keep_alive) out.append("Connection: keep-alive\r\n");
  if (version != 10 && !keep_alive) out.append("Connection: close\r\n");
  out.append("Content-Length: ");
  auto [end2, ec2] = std::to_chars(buf, buf + sizeof buf, content_length);
  out.append(buf, end2);
  out.append("\r\n\r\n");
  return out;
}

}  // namespace fazhi::http
