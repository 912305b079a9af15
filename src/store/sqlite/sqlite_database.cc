#include "store/sqlite/sqlite_database.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <future>
#include <system_error>
#include <utility>

#include "store/migrations.h"

namespace fazhi::store::sqlite {
namespace {

// Runs a callback, turning an escaping exception into a Status: the writer
// thread must survive any callback.
Status Invoke(const std::function<Status(Transaction&)>& fn, Transaction& tx) {
  try {
    return fn(tx);
  } catch (const std::exception& e) {
    return Status(codes::kInternal, std::string("exception in database callback: ") + e.what());
  } catch (...) {
    return Status(codes::kInternal, "unknown exception in database callback");
  }
}

}  // namespace

struct SqliteDatabase::WriteRequest {
  const std::function<Status(Transaction&)>* fn;
  std::promise<Status> done;
};

Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path,
                                                       const Options& options) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Status(codes::kIo, "无法创建数据库目录 " + parent.string() + ": " + ec.message());
    }
  }
  ConnectionConfig config;
  config.writer = true;
  config.synchronous_full = options.synchronous_full;
  config.busy_timeout_ms = options.busy_timeout_ms;
  Result<std::unique_ptr<Connection>> writer = Connection::Open(path, config);
  if (!writer.ok()) return writer.status();
  return std::unique_ptr<Database>(new SqliteDatabase(path, options, std::move(*writer)));
}

SqliteDatabase::SqliteDatabase(std::string path, const Options& options,
                               std::unique_ptr<Connection> writer)
    : path_(std::move(path)), options_(options), writer_conn_(std::move(writer)) {
  writer_ = std::thread([this] { WriterLoop(); });
  writer_id_ = writer_.get_id();
}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    stopping_ = true;
  }
  write_cv_.notify_all();
  writer_.join();
  idle_readers_.clear();
  writer_conn_.reset();  // the last connection to close checkpoints the WAL
}

Status SqliteDatabase::Write(const std::function<Status(Transaction&)>& fn) {
  if (std::this_thread::get_id() == writer_id_) {
    return Status(codes::kInternal, "Database::Write called from inside a write callback");
  }
  WriteRequest request{&fn, {}};
  std::future<Status> done = request.done.get_future();
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    if (stopping_) return Status(codes::kDatabase, "database is closing");
    queue_.push_back(&request);
  }
  write_cv_.notify_one();
  return done.get();
}

void SqliteDatabase::WriterLoop() {
  const size_t max_batch = static_cast<size_t>(std::max(1, options_.max_batch));
  std::vector<WriteRequest*> batch;
  for (;;) {
    batch.clear();
    {
      std::unique_lock<std::mutex> lock(write_mu_);
      write_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is done
      while (!queue_.empty() && batch.size() < max_batch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    RunBatch(batch);
  }
}

void SqliteDatabase::RunBatch(const std::vector<WriteRequest*>& batch) {
  std::vector<Status> results(batch.size());
  bool open = false;
  size_t first_in_txn = 0;  // index of the first request of the open transaction
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!open) {
      Status begin = writer_conn_->Run("BEGIN IMMEDIATE", {}, nullptr, nullptr);
      if (!begin.ok()) {
        // Another process holds the write lock beyond busy_timeout, or the
        // disk is gone: the rest of this batch cannot run either.
        for (size_t j = i; j < batch.size(); ++j) results[j] = begin;
        break;
      }
      open = true;
      first_in_txn = i;
    }
    results[i] = RunOne(*batch[i]);
    if (!writer_conn_->InTransaction()) {
      // SQLite rolled the whole transaction back by itself (I/O error, disk
      // full, ...): the earlier successes of this transaction are gone too.
      Status lost = results[i].ok()
                        ? Status(codes::kDatabase, "write transaction was rolled back by SQLite")
                        : results[i];
      for (size_t j = first_in_txn; j <= i; ++j) {
        if (results[j].ok()) results[j] = lost;
      }
      open = false;
    }
  }
  if (open) {
    Status commit = writer_conn_->Run("COMMIT", {}, nullptr, nullptr);
    if (!commit.ok()) {
      writer_conn_->RollbackIfOpen();
      for (size_t j = first_in_txn; j < batch.size(); ++j) {
        if (results[j].ok()) results[j] = commit;
      }
    }
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i]->done.set_value(std::move(results[i]));
}

Status SqliteDatabase::RunOne(const WriteRequest& request) {
  FAZHI_RETURN_IF_ERROR(writer_conn_->Run("SAVEPOINT fazhi_write", {}, nullptr, nullptr));
  SqliteTransaction tx(*writer_conn_);
  Status result = Invoke(*request.fn, tx);
  if (result.ok()) result = tx.first_error();  // a failed statement sinks the request
  if (!writer_conn_->InTransaction()) return result;
  if (!result.ok()) {
    Status undo = writer_conn_->Run("ROLLBACK TO fazhi_write", {}, nullptr, nullptr);
    if (!undo.ok()) {
      // Cannot undo this request alone; give up the whole transaction.
      writer_conn_->RollbackIfOpen();
      return result;
    }
  }
  Status release = writer_conn_->Run("RELEASE fazhi_write", {}, nullptr, nullptr);
  if (!release.ok()) {
    writer_conn_->RollbackIfOpen();
    return result.ok() ? release : result;
  }
  return result;
}

Result<std::unique_ptr<Connection>> SqliteDatabase::AcquireReader() {
  const int max_readers = std::max(1, options_.read_connections);
  {
    std::unique_lock<std::mutex> lock(read_mu_);
    read_cv_.wait(lock, [&] { return !idle_readers_.empty() || open_readers_ < max_readers; });
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return conn;
    }
    ++open_readers_;
  }
  ConnectionConfig config;
  config.writer = false;
  config.busy_timeout_ms = options_.busy_timeout_ms;
  Result<std::unique_ptr<Connection>> conn = Connection::Open(path_, config);
  if (!conn.ok()) {
    {
      std::lock_guard<std::mutex> lock(read_mu_);
      --open_readers_;
    }
    read_cv_.notify_one();
  }
  return conn;
}

void SqliteDatabase::ReleaseReader(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard<std::mutex> lock(read_mu_);
    idle_readers_.push_back(std::move(conn));
  }
  read_cv_.notify_one();
}

Status SqliteDatabase::Read(const std::function<Status(Transaction&)>& fn) {
  Result<std::unique_ptr<Connection>> acquired = AcquireReader();
  if (!acquired.ok()) return acquired.status();
  std::unique_ptr<Connection> conn = std::move(*acquired);
  Status result = conn->Run("BEGIN", {}, nullptr, nullptr);
  if (result.ok()) {
    SqliteTransaction tx(*conn);
    result = Invoke(fn, tx);
    if (conn->InTransaction()) {
      Status end = conn->Run("COMMIT", {}, nullptr, nullptr);
      if (result.ok() && !end.ok()) result = end;
    }
  }
  conn->RollbackIfOpen();
  ReleaseReader(std::move(conn));
  return result;
}

Result<int> SqliteDatabase::Migrate() { return ApplyMigrations(*this); }

}  // namespace fazhi::store::sqlite
