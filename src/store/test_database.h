// TestDatabase: a fresh, empty database for tests of any component, on either
// backend, so one test body can run against both (TEST_P over Dialect).
//
//   SQLite:     a new file in a new temporary directory, removed afterwards.
//   PostgreSQL: a new schema in the database named by $FAZHI_TEST_PG_URL,
//               selected through search_path on every pooled connection and
//               dropped afterwards, so parallel test binaries do not collide.
//               When the variable is unset, Create fails with a message that
//               says how to start a throwaway server (scripts/pgtemp).
//
// Link `fazhi_store_testing`. Not for production code.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "store/database.h"

namespace fazhi::store {

class TestDatabase {
 public:
  static constexpr const char* kPgUrlVariable = "FAZHI_TEST_PG_URL";

  // `name` labels the directory/schema (e.g. the test's name); Create makes it
  // unique. The database is not migrated.
  static Result<std::unique_ptr<TestDatabase>> Create(Dialect dialect, std::string_view name,
                                                      const Options& options = {});
  ~TestDatabase();

  Database& db() { return *db_; }
  // The URL that opens this same database again (SQLite file / PG schema).
  const std::string& url() const { return url_; }
  // Closes the database; db() is invalid until Reopen().
  void Close() { db_.reset(); }
  // Closes (if open) and opens url() again with the same options.
  Status Reopen();

 private:
  TestDatabase() = default;

  Options options_;
  std::string url_;
  std::string temp_dir_;              // SQLite: removed on destruction
  std::string schema_;                // PostgreSQL: dropped on destruction
  std::unique_ptr<Database> admin_;   // PostgreSQL: connection without search_path
  std::unique_ptr<Database> db_;
};

// Where a PostgreSQL test server can be started, for failure messages.
std::string PgTestHowTo();

}  // namespace fazhi::store
