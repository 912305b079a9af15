#include "http/router.h"

namespace fazhi::http {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    if (slash > pos) out.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

void Router::Add(const std::string& method, const std::string& pattern, Handler handler) {
  Node* node = &root_;
  for (const std::string& seg : SplitPath(pattern)) {
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = seg.substr(1, seg.size() - 2);
      }
      node = node->param.get();
    } else {
      auto& next = node->literal[seg];
      if (!next) next = std::make_unique<Node>();
      node = next.get();
    }
  }
  if (!node->handlers.count(method)) routes_.push_back({method, pattern});
  node->handlers[method] = std::move(handler);
  node->patterns[method] = pattern;
}

const Router::Node* Router::WalkFrom(const Node* node, const std::vector<std::string>& segments,
                                     size_t i, std::map<std::string, std::string>* params) {
  if (i == segments.size()) return node->handlers.empty() ? nullptr : node;
  auto it = node->literal.find(segments[i]);
  if (it != node->literal.end()) {
    if (const Node* found = WalkFrom(it->second.get(), segments, i + 1, params)) return found;
  }
  if (node->param) {
    if (const Node* found = WalkFrom(node->param.get(), segments, i + 1, params)) {
      (*params)[node->param_name] = segments[i];
      return found;
    }
  }
  return nullptr;
}

const Router::Node* Router::Walk(const std::vector<std::string>& segments,
                                 std::map<std::string, std::string>* params) const {
  return WalkFrom(&root_, segments, 0, params);
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match m;
  const Node* node = Walk(SplitPath(path), &m.params);
  if (!node) {
    m.params.clear();
    return m;
  }
  std::string effective = method == "HEAD" && !node->handlers.count("HEAD") ? "GET" : method;
  auto it = node->handlers.find(effective);
  if (it == node->handlers.end()) {
    m.outcome = Outcome::kMethodNotAllowed;
    for (const auto& [meth, _] : node->handlers) m.allowed.push_back(meth);
    return m;
  }
  m.outcome = Outcome::kFound;
  m.handler = &it->second;
  m.pattern = node->patterns.at(effective);
  return m;
}

std::vector<RouteInfo> Router::Routes() const { return routes_; }

}  // namespace fazhi::http
