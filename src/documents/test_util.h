// Helpers for the documents tests: a temporary directory and running the
// poppler/unzip command-line tools on what the writers produce.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/temp_dir.h"

namespace fazhi::documents::test_util {

// A fresh directory under /tmp, removed with the object.
class TempDir {
 public:
  TempDir() {
    path_ = MakeTempDir("fazhi-docs");
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to NAME in the directory and returns the full path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Standard output of a shell command ("" when it cannot run). Paths passed
// in come from TempDir, so they need no quoting beyond single quotes.
inline std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

// Text without ASCII whitespace, so extraction spacing never matters.
inline std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

}  // namespace fazhi::documents::test_util
