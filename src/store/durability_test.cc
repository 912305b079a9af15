// SQLite-specific behaviour: pragmas, file handling, group commit limits and
// durability of acknowledged writes across a reopen and a kill -9.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <set>
#include <thread>
#include <vector>

#include "store/database.h"
#include "base/temp_dir.h"
#include "store/test_database.h"

namespace fazhi::store {
namespace {

namespace fs = std::filesystem;

Status ExecOk(Transaction& tx, std::string_view sql, const std::vector<Value>& params = {}) {
  Result<int64_t> r = tx.Exec(sql, params);
  return r.ok() ? Status::Ok() : r.status();
}

// A fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = MakeTempDir("fazhi-store").string();
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::unique_ptr<Database> MustOpen(const std::string& url, const Options& options = {}) {
  auto db = Open(url, options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

int64_t QueryInt(Database& db, std::string_view sql, bool write = false) {
  int64_t v = -1;
  auto fn = [&](Transaction& tx) {
    auto r = tx.Query(sql);
    if (!r.ok()) return r.status();
    v = r->rows.at(0).Int(0);
    return Status::Ok();
  };
  Status s = write ? db.Write(fn) : db.Read(fn);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return v;
}

TEST(SqliteDatabase, CreatesDirectoriesAndAppliesPragmas) {
  TempDir dir;
  const std::string path = dir.path() + "/nested/deeper/fazhi.db";
  Options options;
  options.busy_timeout_ms = 1234;
  auto db = MustOpen("sqlite:" + path, options);
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(db->FilePath(), path);
  EXPECT_EQ(db->dialect(), Dialect::kSqlite);
  EXPECT_EQ(QueryInt(*db, "PRAGMA synchronous", true), 2);  // FULL
  EXPECT_EQ(QueryInt(*db, "PRAGMA foreign_keys", true), 1);
  EXPECT_EQ(QueryInt(*db, "PRAGMA busy_timeout", true), 1234);
  EXPECT_EQ(QueryInt(*db, "PRAGMA query_only", true), 0);
  EXPECT_EQ(QueryInt(*db, "PRAGMA query_only"), 1);  // readers
  EXPECT_EQ(QueryInt(*db, "PRAGMA foreign_keys"), 1);
  Status s = db->Read([](Transaction& tx) {
    auto r = tx.Query("PRAGMA journal_mode");
    if (!r.ok()) return r.status();
    EXPECT_EQ(r->rows.at(0).Text(0), "wal");
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();

  options.synchronous_full = false;
  db = MustOpen(path, options);  // a bare path works too
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(QueryInt(*db, "PRAGMA synchronous", true), 1);  // NORMAL
}

TEST(SqliteDatabase, NestedWriteIsRefusedNotDeadlocked) {
  auto t = TestDatabase::Create(Dialect::kSqlite, "nested");
  ASSERT_TRUE(t.ok());
  Status inner;
  Status outer = (*t)->db().Write([&](Transaction&) {
    inner = (*t)->db().Write([](Transaction&) { return Status::Ok(); });
    return Status::Ok();
  });
  EXPECT_TRUE(outer.ok());
  EXPECT_EQ(inner.code(), codes::kInternal);
}

TEST(SqliteDatabase, SmallBatchesUnderLoad) {
  Options options;
  options.max_batch = 3;
  options.read_connections = 2;
  auto t = TestDatabase::Create(Dialect::kSqlite, "small_batches", options);
  ASSERT_TRUE(t.ok());
  Database& db = (*t)->db();
  ASSERT_TRUE(db.Write([](Transaction& tx) {
                  return tx.ExecScript("CREATE TABLE n (id INTEGER PRIMARY KEY)");
                }).ok());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int th = 0; th < 6; ++th) {
    threads.emplace_back([&, th] {
      for (int k = 0; k < 50; ++k) {
        int64_t id = th * 100 + k;
        Status s = db.Write([&](Transaction& tx) {
          FAZHI_RETURN_IF_ERROR(ExecOk(tx, "INSERT INTO n (id) VALUES (?)", {id}));
          return k % 3 == 0 ? Status(codes::kConflict, "no") : Status::Ok();
        });
        if (s.ok()) ++ok;
        // Readers share two connections meanwhile.
        QueryInt(db, "SELECT COUNT(*) FROM n");
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 6 * 33);
  EXPECT_EQ(QueryInt(db, "SELECT COUNT(*) FROM n"), 6 * 33);
}

TEST(SqliteDatabase, AcknowledgedWriteSurvivesReopen) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/durable.db";
  {
    auto db = MustOpen(url);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Write([](Transaction& tx) {
                    FAZHI_RETURN_IF_ERROR(tx.ExecScript("CREATE TABLE d (id INTEGER PRIMARY KEY, t TEXT)"));
                    return ExecOk(tx, "INSERT INTO d (id, t) VALUES (?, ?)",
                                  {int64_t{1}, std::string("已确认")});
                  }).ok());
  }
  auto db = MustOpen(url);
  ASSERT_NE(db, nullptr);
  Status s = db->Read([](Transaction& tx) {
    auto r = tx.Query("SELECT t FROM d WHERE id = 1");
    if (!r.ok()) return r.status();
    EXPECT_EQ(r->rows.at(0).Text(0), "已确认");
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// A child process writes from several threads and reports each acknowledged
// id through a pipe; the parent kills it with SIGKILL mid-stream, reopens the
// file and checks that every acknowledged write is there.
TEST(SqliteDatabase, AcknowledgedWritesSurviveKill9) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/killed.db";
  {
    auto db = MustOpen(url);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Write([](Transaction& tx) {
                    return tx.ExecScript("CREATE TABLE k (id INTEGER PRIMARY KEY, t TEXT)");
                  }).ok());
  }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    auto opened = Open(url);
    if (!opened.ok()) _exit(2);
    Database& db = **opened;
    std::vector<std::thread> threads;
    for (int th = 0; th < 4; ++th) {
      threads.emplace_back([&, th] {
        for (int64_t k = 0; k < 100000; ++k) {
          int64_t id = th * 1000000 + k;
          Status s = db.Write([&](Transaction& tx) {
            return ExecOk(tx, "INSERT INTO k (id, t) VALUES (?, ?)", {id, std::string("写入")});
          });
          if (s.ok() && write(fds[1], &id, sizeof id) != sizeof id) _exit(3);
        }
      });
    }
    for (auto& t : threads) t.join();
    _exit(4);  // not reached in practice: the parent kills us first
  }
  close(fds[1]);
  std::set<int64_t> acked;
  std::string buffer;
  bool killed = false;
  char chunk[4096];
  for (;;) {
    ssize_t n = read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
    while (buffer.size() >= sizeof(int64_t)) {
      int64_t id;
      std::memcpy(&id, buffer.data(), sizeof id);
      buffer.erase(0, sizeof id);
      acked.insert(id);
    }
    if (!killed && acked.size() >= 400) {
      kill(pid, SIGKILL);
      killed = true;  // keep reading what was acknowledged before the kill
    }
  }
  close(fds[0]);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  ASSERT_TRUE(killed) << "child ended early, status " << wstatus;
  ASSERT_TRUE(WIFSIGNALED(wstatus));

  auto db = MustOpen(url);
  ASSERT_NE(db, nullptr);
  std::set<int64_t> present;
  Status s = db->Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT id FROM k");
    if (!r.ok()) return r.status();
    for (const Row& row : r->rows) present.insert(row.Int(0));
    auto check = tx.Query("PRAGMA integrity_check");
    if (!check.ok()) return check.status();
    EXPECT_EQ(check->rows.at(0).Text(0), "ok");
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  size_t missing = 0;
  for (int64_t id : acked) missing += present.count(id) == 0;
  EXPECT_EQ(missing, 0u) << "of " << acked.size() << " acknowledged writes";
  EXPECT_GE(present.size(), acked.size());
}

}  // namespace
}  // namespace fazhi::store
