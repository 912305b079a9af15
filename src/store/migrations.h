// Schema migrations: numbered SQL files per dialect in
// src/store/migrations/{sqlite,postgresql}/NNNN_name.sql, embedded into the
// binary at build time (see migrations/README.md).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace fazhi::store {

// (version, name) of every migration embedded for `dialect`, ascending by
// version. "0007_matter_index.sql" lists as {7, "matter_index"}.
std::vector<std::pair<int, std::string>> ListMigrations(Dialect dialect);

// Creates schema_migrations(version, name, applied_at) if absent, then applies
// each embedded migration of db.dialect() not recorded there, in ascending
// order, each file in one write transaction together with its record.
// Returns how many were applied (0 when up to date). Safe to run from several
// processes at once (PostgreSQL: serialised by an advisory lock; SQLite: by
// the single writer). Stops at the first failing file and returns its error;
// earlier files stay applied. An applied version recorded under another name
// than its file is an error ("conflict"). Database::Migrate() calls this.
Result<int> ApplyMigrations(Database& db);

}  // namespace fazhi::store
