#include "store/postgres/pg_database.h"

#include <algorithm>
#include <exception>
#include <utility>

#include "store/migrations.h"

namespace fazhi::store::postgres {
namespace {

Status Invoke(const std::function<Status(Transaction&)>& fn, Transaction& tx) {
  try {
    return fn(tx);
  } catch (const std::exception& e) {
    return Status(codes::kInternal, std::string("exception in database callback: ") + e.what());
  } catch (...) {
    return Status(codes::kInternal, "unknown exception in database callback");
  }
}

constexpr const char* kBeginWrite = "BEGIN";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

}  // namespace

Result<std::unique_ptr<Database>> PgDatabase::Open(const std::string& url, const Options& options) {
  Result<std::unique_ptr<Connection>> first = Connection::Connect(url);
  if (!first.ok()) return first.status();
  return std::unique_ptr<Database>(new PgDatabase(url, options, std::move(*first)));
}

PgDatabase::PgDatabase(std::string url, const Options& options, std::unique_ptr<Connection> first)
    : url_(std::move(url)), pool_size_(std::max(1, options.read_connections)) {
  idle_.push_back(std::move(first));
  open_ = 1;
}

Result<std::unique_ptr<Connection>> PgDatabase::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !idle_.empty() || open_ < pool_size_; });
    if (!idle_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_.back());
      idle_.pop_back();
      if (conn->Healthy()) return conn;
      // Broken while pooled: replace it below, keeping its slot.
    } else {
      ++open_;
    }
  }
  Result<std::unique_ptr<Connection>> conn = Connection::Connect(url_);
  if (!conn.ok()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      --open_;
    }
    cv_.notify_one();
  }
  return conn;
}

void PgDatabase::Release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (conn && conn->Healthy() && conn->Idle()) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;  // dropped; its slot is free for a new connection
    }
  }
  cv_.notify_one();
}

Status PgDatabase::Run(const char* begin, const std::function<Status(Transaction&)>& fn,
                       bool write) {
  Result<std::unique_ptr<Connection>> acquired = Acquire();
  if (!acquired.ok()) return acquired.status();
  std::unique_ptr<Connection> conn = std::move(*acquired);

  Status status = conn->Simple(begin);
  if (!status.ok() && !conn->Healthy()) {
    // The server closed this connection since its last use (restart,
    // failover, idle timeout). Nothing ran yet: retry on a new one.
    Result<std::unique_ptr<Connection>> fresh = Connection::Connect(url_);
    if (!fresh.ok()) {
      Release(nullptr);
      return fresh.status();
    }
    conn = std::move(*fresh);
    status = conn->Simple(begin);
  }
  if (!status.ok()) {
    Release(std::move(conn));
    return status;
  }

  PgTransaction tx(*conn);
  Status result = Invoke(fn, tx);
  if (write && result.ok()) result = tx.first_error();
  if (result.ok()) {
    std::string tag;
    Status commit = conn->Simple("COMMIT", &tag);
    if (!commit.ok()) {
      result = commit;
    } else if (write && tag != "COMMIT") {
      // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK.
      result = Status(codes::kDatabase, "write transaction was rolled back by PostgreSQL");
    }
  }
  if (!conn->Idle() && conn->Healthy()) conn->Simple("ROLLBACK").ok();
  Release(std::move(conn));
  return result;
}

Status PgDatabase::Read(const std::function<Status(Transaction&)>& fn) {
  return Run(kBeginRead, fn, /*write=*/false);
}

Status PgDatabase::Write(const std::function<Status(Transaction&)>& fn) {
  return Run(kBeginWrite, fn, /*write=*/true);
}

Result<int> PgDatabase::Migrate() { return ApplyMigrations(*this); }

}  // namespace fazhi::store::postgres
