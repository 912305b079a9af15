// The project's own HTTP request/response types. Everything outside src/http/
// sees these, never Boost.Beast, so only the server's translation unit pays
// for Beast/Asio headers.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::http {

struct Request {
  std::string method;  // upper case: GET, POST, ...
  std::string target;  // raw request target: /api/v1/x?y=1
  std::string path;    // percent-decoded path without the query
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // names lower-cased
  std::string body;       // the body, unless it was spooled to a file
  // Spooled routes (ServerOptions::spool_body): the body is in this file
  // instead of `body`, which stays empty. The server removes the file once
  // the handler has returned; a handler keeps the bytes by renaming it.
  std::string body_file;
  uint64_t body_file_size = 0;
  std::string remote_ip;
  std::map<std::string, std::string> params;      // path parameters set by the router

  // Header value or "" when absent (name in lower case).
  std::string Header(const std::string& lower_name) const;
  // First query value or fallback.
  std::string Query(const std::string& key, const std::string& fallback = "") const;
  bool HasQuery(const std::string& key) const { return query.count(key) > 0; }
  std::string Param(const std::string& key) const;
  // Value of the named cookie or "".
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this file instead of `body`: the server sends it
  // in chunks with Content-Length body_file_size, and answers 500 (never a
  // short download) when the file cannot be opened or has another size.
  std::string body_file;
  uint64_t body_file_size = 0;

  Response& Set(std::string name, std::string value);
  // Value of a header already set, or "" (case-insensitive name).
  std::string Get(const std::string& name) const;
  bool Has(const std::string& name) const;
};

// Splits "a/b?x=1&y=%E4%B8%AD" into the decoded path and query. Returns false
// for a target that is not an absolute path or has bad percent escapes.
bool ParseTarget(const std::string& target, std::string* path,
                 std::multimap<std::string, std::string>* query);
// Percent-decoding; '+' becomes space only when plus_is_space. False on a bad escape.
bool PercentDecode(const std::string& in, std::string* out, bool plus_is_space);

}  // namespace fazhi::http
