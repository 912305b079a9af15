// AuditLog against both backends: appending, listing, checkpoints,
// transactions and concurrency, and the append-only triggers.
#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include "audit/audit_test_fixture.h"

namespace fazhi::audit {
namespace {

using testutil::AuditDbTest;
using testutil::MakeRecord;

class AuditLogTest : public AuditDbTest {};

Filter Page(int page, int page_size) {
  Filter f;
  f.page = page;
  f.page_size = page_size;
  return f;
}

TEST_P(AuditLogTest, EmptyLogVerifies) {
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.count, 0);
  EXPECT_EQ(Head(), std::make_pair(int64_t{0}, kGenesisHash));
}

TEST_P(AuditLogTest, AppendsFormAVerifiedChain) {
  AppendMany(1, 60);
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.first_bad_seq << ": " << r.problem;
  EXPECT_EQ(r.count, 60);

  store::Rows rows = Query("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq");
  ASSERT_EQ(rows.size(), 60u);
  std::string prev = kGenesisHash;
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows.rows[i].Int(0), static_cast<int64_t>(i + 1));
    EXPECT_EQ(rows.rows[i].Text(1), prev);
    prev = rows.rows[i].Text(2);
    EXPECT_EQ(prev.size(), 64u);
  }
  EXPECT_EQ(Head(), std::make_pair(int64_t{60}, prev));

  // The stored fields read back exactly (hash covers them, so spot-check one).
  auto page = log().List(db(), Page(1, 1));
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const StoredRecord& newest = page->first.at(0);
  Record want = MakeRecord(60);
  EXPECT_EQ(newest.seq, 60);
  EXPECT_EQ(newest.at_ms, want.at_ms);
  EXPECT_EQ(newest.user_id, want.user_id);
  EXPECT_EQ(newest.username, want.username);
  EXPECT_EQ(newest.detail, want.detail);
  EXPECT_EQ(newest.hash, ChainHash(newest.prev_hash, newest));
}

TEST_P(AuditLogTest, SeveralAppendsInOneTransaction) {
  Status s = db().Write([&](store::Transaction& tx) {
    for (int i = 1; i <= 5; ++i) FAZHI_RETURN_IF_ERROR(log().Append(tx, MakeRecord(i)));
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  AppendMany(6, 7);
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.count, 7);
}

TEST_P(AuditLogTest, RejectsARecordWithoutAction) {
  Record bad = MakeRecord(1);
  bad.action.clear();
  Status s = db().Write([&](store::Transaction& tx) { return log().Append(tx, bad); });
  EXPECT_EQ(s.code(), codes::kInvalid);
  EXPECT_EQ(Check().count, 0);
}

TEST_P(AuditLogTest, FailedBusinessWriteKeepsNoAuditRecord) {
  AppendMany(1, 3);
  const auto head = Head();
  Status s = db().Write([&](store::Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(log().Append(tx, MakeRecord(4)));
    return Status(codes::kConflict, "业务写入失败");
  });
  EXPECT_EQ(s.code(), codes::kConflict);
  EXPECT_EQ(Head(), head);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM audit_log").rows[0].Int(0), 3);

  // A failing statement after the append sinks it too.
  s = db().Write([&](store::Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(log().Append(tx, MakeRecord(4)));
    auto r = tx.Exec("INSERT INTO no_such_table (x) VALUES (1)");
    return r.ok() ? Status::Ok() : r.status();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Head(), head);

  AppendMany(4, 4);
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.count, 4);
  EXPECT_EQ(Head().first, 4);
}

TEST_P(AuditLogTest, ConcurrentAppendsStayGapFree) {
  // Half the threads go through a second Database on the same data, as a
  // second app node (PostgreSQL) or process (SQLite) would.
  auto second = store::Open(test_db_->url());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  store::Database& other = **second;
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      store::Database& node = t % 2 == 0 ? db() : other;
      for (int i = 0; i < kEach; ++i) {
        Record rec = MakeRecord(t * kEach + i);
        Status s = node.Write([&](store::Transaction& tx) { return log().Append(tx, rec); });
        if (!s.ok()) {
          ++failures;
          ADD_FAILURE() << s.ToString();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.first_bad_seq << ": " << r.problem;
  EXPECT_EQ(r.count, kThreads * kEach);
  store::Rows span = Query("SELECT MIN(seq), MAX(seq), COUNT(DISTINCT seq) FROM audit_log");
  EXPECT_EQ(span.rows[0].Int(0), 1);
  EXPECT_EQ(span.rows[0].Int(1), kThreads * kEach);
  EXPECT_EQ(span.rows[0].Int(2), kThreads * kEach);
}

TEST_P(AuditLogTest, TriggersRefuseUpdateAndDelete) {
  AppendMany(1, 3);
  std::vector<std::string> attempts = {"UPDATE audit_log SET detail = 'x' WHERE seq = 2",
                                       "UPDATE audit_log SET seq = 9 WHERE seq = 3",
                                       "DELETE FROM audit_log WHERE seq = 3",
                                       "DELETE FROM audit_log"};
  if (postgres()) attempts.push_back("TRUNCATE audit_log");
  for (const std::string& sql : attempts) {
    Status s = Sql(sql);
    EXPECT_FALSE(s.ok()) << sql;
    EXPECT_NE(s.message().find("审计日志只允许追加"), std::string::npos) << s.message();
  }
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.count, 3);
  EXPECT_EQ(Query("SELECT detail FROM audit_log WHERE seq = 2").rows.at(0).Text(0),
            MakeRecord(2).detail);
}

TEST_P(AuditLogTest, ListFiltersAndPages) {
  AppendMany(1, 30);
  Record odd = MakeRecord(31);
  odd.action = "sessions_x";  // shares "session" but not "session."
  odd.username = "a%b_c";
  Status s = db().Write([&](store::Transaction& tx) { return log().Append(tx, odd); });
  ASSERT_TRUE(s.ok()) << s.ToString();

  auto all = log().List(db(), Page(1, 200));
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->second, 31);
  ASSERT_EQ(all->first.size(), 31u);
  EXPECT_EQ(all->first.front().seq, 31);
  EXPECT_EQ(all->first.back().seq, 1);

  auto page = log().List(db(), Page(3, 7));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->second, 31);
  ASSERT_EQ(page->first.size(), 7u);
  EXPECT_EQ(page->first.front().seq, 31 - 14);
  auto past = log().List(db(), Page(9, 7));
  ASSERT_TRUE(past.ok());
  EXPECT_TRUE(past->first.empty());
  EXPECT_EQ(past->second, 31);

  // Number of matches for a filter set up by `set`, checking the page holds them all.
  auto count = [&](const std::function<void(Filter&)>& set) {
    Filter f = Page(1, 200);
    set(f);
    auto r = log().List(db(), f);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return int64_t{-1};
    EXPECT_EQ(static_cast<int64_t>(r->first.size()), r->second);
    return r->second;
  };
  EXPECT_EQ(count([](Filter& f) { f.username = "张三"; }), 10);  // i % 3 == 0 in 1..30
  EXPECT_EQ(count([](Filter& f) { f.username = "张"; }), 0);     // exact, not prefix
  EXPECT_EQ(count([](Filter& f) { f.username = "a%b_c"; }), 1);
  EXPECT_EQ(count([](Filter& f) { f.action = "session."; }), 15);  // even i
  EXPECT_EQ(count([](Filter& f) { f.action = "session"; }), 16);   // and sessions_x
  EXPECT_EQ(count([](Filter& f) { f.action = "session.sign_in"; }), 15);
  EXPECT_EQ(count([](Filter& f) { f.action = "SESSION."; }), 0);  // case-sensitive
  EXPECT_EQ(count([](Filter& f) { f.action = "user.create"; }), 15);
  EXPECT_EQ(count([](Filter& f) { f.result = "failure"; }), 6);  // i % 5 == 4
  const int64_t t0 = MakeRecord(0).at_ms;
  EXPECT_EQ(count([&](Filter& f) { f.from_ms = t0 + 10 * 1000; }), 22);  // i >= 10
  EXPECT_EQ(count([&](Filter& f) { f.to_ms = t0 + 10 * 1000; }), 9);     // i < 10
  EXPECT_EQ(count([&](Filter& f) {
              f.from_ms = t0 + 5000;
              f.to_ms = t0 + 8000;
            }),
            3);
  EXPECT_EQ(count([](Filter& f) {
              f.username = "lisi";
              f.action = "user.";
              f.result = "success";
            }),
            4);

  EXPECT_EQ(log().List(db(), Page(0, 20)).status().code(), codes::kInvalid);
  EXPECT_EQ(log().List(db(), Page(1, 0)).status().code(), codes::kInvalid);
  EXPECT_EQ(log().List(db(), Page(1, 201)).status().code(), codes::kInvalid);
}

TEST_P(AuditLogTest, CheckpointRecordsTheHead) {
  ASSERT_TRUE(log().Checkpoint(db()).ok());
  EXPECT_FALSE(std::filesystem::exists(log().checkpoint_path()));  // empty log: no-op

  AppendMany(1, 5);
  ASSERT_TRUE(log().Checkpoint(db()).ok());
  std::ifstream in(log().checkpoint_path());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "5 " + HashAt(5) + "\n");
  EXPECT_EQ((std::filesystem::status(log().checkpoint_path()).permissions() &
             std::filesystem::perms::all),
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  AppendMany(6, 8);  // the checkpoint may lag the head
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.count, 8);
}

TEST_P(AuditLogTest, VerifyWhileAppendingAndCheckpointing) {
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 1; i <= 120 && !stop; ++i) {
      Status s =
          db().Write([&](store::Transaction& tx) { return log().Append(tx, MakeRecord(i)); });
      if (!s.ok()) {
        ADD_FAILURE() << s.ToString();
      }
      if (i % 10 == 0 && !log().Checkpoint(db()).ok()) {
        ADD_FAILURE() << "checkpoint failed";
      }
    }
  });
  for (int round = 0; round < 15; ++round) {
    VerifyReport r = Check();
    EXPECT_TRUE(r.ok) << r.first_bad_seq << ": " << r.problem;
    if (!r.ok) break;
  }
  stop = true;
  writer.join();
  EXPECT_TRUE(Check().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         testutil::DialectParamName);

}  // namespace
}  // namespace fazhi::audit
