// StaticFiles: serves the built SPA from a web root. Paths are resolved inside
// the root only (".." segments, NUL bytes, backslashes and symlinks leading out
// are refused). Hashed assets under /assets/ get a one-year immutable cache;
// everything else is revalidated. Unknown non-API paths fall back to
// index.html so client-side routes work on reload.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/message.h"

namespace fazhi::http {

class StaticFiles {
 public:
  // root may not exist (then every request gets the fallback 404 page).
  explicit StaticFiles(std::filesystem::path root);

  // Returns a response for GET/HEAD of path, or nullopt when path is not a
  // static path at all (e.g. under /api/).
  std::optional<Response> Serve(const std::string& path) const;

  static std::string MimeType(const std::string& extension);
  // True when the decoded path is safe to map into the root.
  static bool IsSafePath(const std::string& path);

 private:
  std::optional<Response> File(const std::filesystem::path& file, bool immutable) const;
  std::filesystem::path root_;
};

}  // namespace fazhi::http
