// The migration files compiled into the binary (generated source; see
// embed_migrations.cmake). Internal to store/: use migrations.h instead.
#pragma once

#include <span>
#include <string_view>

#include "store/database.h"

namespace fazhi::store::internal {

struct EmbeddedMigration {
  Dialect dialect;
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every embedded migration of both dialects, in no particular order.
std::span<const EmbeddedMigration> EmbeddedMigrations();

}  // namespace fazhi::store::internal
