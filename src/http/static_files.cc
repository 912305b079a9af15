#include "http/static_files.h"

#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

namespace fazhi::http {
namespace fs = std::filesystem;

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(root, ec);
  if (ec) root_ = root;
}

std::string StaticFiles::MimeType(const std::string& ext) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".wasm", "application/wasm"},
  };
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool StaticFiles::IsSafePath(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(pos, slash - pos);
    if (seg == ".." || seg == ".") return false;
    pos = slash + 1;
  }
  return true;
}

std::optional<Response> StaticFiles::File(const fs::path& file, bool immutable) const {
  std::error_code ec;
  fs::path real = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  // The resolved file must stay inside the root (symlinks included).
  auto rel = real.lexically_relative(root_);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  Response r;
  r.status = 200;
  r.body = ss.str();
  r.Set("Content-Type", MimeType(real.extension().string()));
  r.Set("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

std::optional<Response> StaticFiles::Serve(const std::string& path) const {
  if (path == "/api" || path.rfind("/api/", 0) == 0) return std::nullopt;
  Response not_found;
  not_found.status = 404;
  not_found.Set("Content-Type", "text/plain; charset=utf-8");
  not_found.body = "未找到该资源";
  if (!IsSafePath(path)) return not_found;
  const bool is_asset = path.rfind("/assets/", 0) == 0;
  if (path != "/") {
    if (auto r = File(root_ / path.substr(1), is_asset)) return r;
  }
  // Missing hashed assets are real 404s; everything else is a client route.
  if (is_asset) return not_found;
  const std::string last = path.substr(path.rfind('/') + 1);
  if (last.find('.') != std::string::npos && path != "/") return not_found;
  if (auto r = File(root_ / "index.html", false)) return r;
  return not_found;
}

}  // namespace fazhi::http
