// PgDatabase: the PostgreSQL backend, for deployments with several app nodes.
//
// A pool of up to read_connections connections (opened on demand) serves both
// reads and writes. Write runs BEGIN; fn; COMMIT on one pooled connection
// (ROLLBACK when fn or any statement fails) and returns once COMMIT returned.
// Read runs fn in BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY, so all its
// statements see one snapshot. A pooled connection found broken is replaced
// on its next use; a BEGIN that fails because the server went away is retried
// once on a fresh connection (nothing has run yet, so this is safe).
//
// Callbacks must not issue BEGIN/COMMIT/ROLLBACK themselves. A callback that
// calls Read or Write again holds two pooled connections; with a pool that is
// already exhausted that waits forever, so do not nest.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/postgres/pg_connection.h"

namespace fazhi::store::postgres {

class PgDatabase final : public Database {
 public:
  // Connects once to check the URL and server, and keeps that connection.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, const Options& options);
  ~PgDatabase() override = default;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status Read(const std::function<Status(Transaction&)>& fn) override;
  Status Write(const std::function<Status(Transaction&)>& fn) override;
  Result<int> Migrate() override;
  std::string FilePath() const override { return ""; }

 private:
  PgDatabase(std::string url, const Options& options, std::unique_ptr<Connection> first);

  // Returns an idle, healthy connection outside any transaction, waiting
  // while all pool_size connections are in use.
  Result<std::unique_ptr<Connection>> Acquire();
  void Release(std::unique_ptr<Connection> conn);
  Status Run(const char* begin, const std::function<Status(Transaction&)>& fn, bool write);

  const std::string url_;
  const int pool_size_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mu_)
  int open_ = 0;                                   // GUARDED_BY(mu_)
};

}  // namespace fazhi::store::postgres
