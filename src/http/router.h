// Router: maps (method, path) to a handler. Patterns are literal segments and
// `{name}` parameters ("/api/v1/users/{id}/roles"). Literal segments win over
// parameters at the same position. Pure: no I/O, no Beast.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http/message.h"

namespace fazhi::http {

using Handler = std::function<Response(Request&)>;

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    Outcome outcome = Outcome::kNotFound;
    const Handler* handler = nullptr;       // set when kFound
    std::string pattern;                    // the matched pattern
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;       // methods, set when kMethodNotAllowed
  };

  // Registers a route. A second registration of the same method+pattern
  // replaces the first.
  void Add(const std::string& method, const std::string& pattern, Handler handler);
  Match Find(const std::string& method, const std::string& path) const;
  // Every registered route (for the role x endpoint test and OpenAPI).
  std::vector<RouteInfo> Routes() const;

 private:
  struct Node {
    std::map<std::string, std::unique_ptr<Node>> literal;
    std::unique_ptr<Node> param;
    std::string param_name;
    std::map<std::string, Handler> handlers;  // by method
    std::map<std::string, std::string> patterns;
  };
  const Node* Walk(const std::vector<std::string>& segments,
                   std::map<std::string, std::string>* params) const;
  static const Node* WalkFrom(const Node* node, const std::vector<std::string>& segments,
                              size_t i, std::map<std::string, std::string>* params);
  Node root_;
  std::vector<RouteInfo> routes_;
};

std::vector<std::string> SplitPath(const std::string& path);

}  // namespace fazhi::http
