// MakeTempDir: a new private directory (mode 0700) under the system temporary
// directory, named "<prefix>-" plus a random suffix; an empty path when it
// cannot be created. The caller removes it. Used by tests and tools.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace fazhi {

inline std::filesystem::path MakeTempDir(std::string_view prefix) {
  std::string name = (std::filesystem::temp_directory_path() / std::string(prefix)).string();
  name += "-";
  name.append(6, 'X');  // mkdtemp's placeholder for the random suffix
  if (::mkdtemp(name.data()) == nullptr) return {};
  return name;
}

}  // namespace fazhi
