// SqliteDatabase: the embedded default backend.
//
// Writes go to exactly one writer connection owned by a dedicated thread. Write
// enqueues its callback and blocks; the writer takes up to max_batch pending
// requests, runs them in one BEGIN IMMEDIATE ... COMMIT, each inside its own
// SAVEPOINT (a failing callback is rolled back to its savepoint and the others
// still commit), and completes every caller only after COMMIT returned (with
// synchronous=FULL the batch is then on disk). If COMMIT fails, every request
// of the batch gets that error.
//
// Reads use a pool of up to read_connections connections (PRAGMA query_only),
// each with its own prepared-statement cache; a Read runs in one deferred
// transaction, so it sees one consistent snapshot.
//
// Write callbacks run on the writer thread, one after another: keep them short
// and free of network or file I/O, since every other writer waits meanwhile.
// Callbacks must not issue BEGIN/COMMIT/ROLLBACK/RELEASE themselves, and must
// not call Write from inside a write callback (that returns "internal" instead
// of deadlocking); a Read nested in a Read waits forever once all
// read_connections are taken. The destructor completes all queued writes, then
// joins the writer; no Read or Write may be running or started once it begins.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/sqlite/sqlite_connection.h"

namespace fazhi::store::sqlite {

class SqliteDatabase final : public Database {
 public:
  // Creates the file's parent directory and the file if absent, opens the
  // writer connection (switching the file to WAL) and starts the writer.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const Options& options);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Read(const std::function<Status(Transaction&)>& fn) override;
  Status Write(const std::function<Status(Transaction&)>& fn) override;
  Result<int> Migrate() override;
  std::string FilePath() const override { return path_; }

 private:
  struct WriteRequest;

  SqliteDatabase(std::string path, const Options& options, std::unique_ptr<Connection> writer);
  void WriterLoop();
  void RunBatch(const std::vector<WriteRequest*>& batch);
  Status RunOne(const WriteRequest& request);

  Result<std::unique_ptr<Connection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<Connection> conn);

  const std::string path_;
  const Options options_;

  // Writer state. writer_conn_ is touched only by the writer thread.
  std::unique_ptr<Connection> writer_conn_;
  std::mutex write_mu_;
  std::condition_variable write_cv_;
  std::deque<WriteRequest*> queue_;  // GUARDED_BY(write_mu_)
  bool stopping_ = false;            // GUARDED_BY(write_mu_)
  std::thread writer_;
  std::thread::id writer_id_;

  // Reader pool.
  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;  // GUARDED_BY(read_mu_)
  int open_readers_ = 0;                                   // GUARDED_BY(read_mu_)
};

}  // namespace fazhi::store::sqlite
