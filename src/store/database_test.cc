// The Database contract, run against both backends with the same test bodies.
// PostgreSQL runs need FAZHI_TEST_PG_URL (see scripts/pgtemp); without it those
// tests fail and say how to start a server.
#include "store/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/migrations.h"
#include "store/test_database.h"

namespace fazhi::store {
namespace {

}  // namespace

// Lets gtest print "sqlite"/"postgresql" for the parameter.
void PrintTo(Dialect d, std::ostream* os) { *os << DialectName(d); }

namespace {

constexpr const char* kCreateItems =
    "CREATE TABLE items (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT, n TEXT)";

Status ExecOk(Transaction& tx, std::string_view sql, const std::vector<Value>& params = {}) {
  Result<int64_t> r = tx.Exec(sql, params);
  return r.ok() ? Status::Ok() : r.status();
}

class DatabaseTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = TestDatabase::Create(GetParam(), info->name(), options_);
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_ = std::move(*created);
    ASSERT_TRUE(db().Write([](Transaction& tx) { return tx.ExecScript(kCreateItems); }).ok());
  }

  Database& db() { return test_->db(); }

  int64_t Count(std::string_view where = "") {
    int64_t n = -1;
    Status s = db().Read([&](Transaction& tx) {
      auto rows = tx.Query("SELECT COUNT(*) FROM items" + std::string(where));
      if (!rows.ok()) return rows.status();
      n = rows->rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return n;
  }

  Options options_;
  std::unique_ptr<TestDatabase> test_;
};

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  const std::string chinese = "依法行政：法治政府建设年度报告（2024）— “规范性文件” ✓ 😀";
  const std::vector<std::vector<Value>> inserted = {
      {int64_t{1}, int64_t{9223372036854775807}, 3.25, chinese, std::monostate{}},
      {int64_t{2}, int64_t{-9223372036854775807 - 1}, -1e300, std::string(), std::string("x")},
      {int64_t{3}, int64_t{0}, 0.1, std::string("it's ? a 'quote' \"and\" $1"), std::monostate{}},
      {int64_t{4}, std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}},
  };
  Status s = db().Write([&](Transaction& tx) {
    for (const auto& row : inserted) {
      auto n = tx.Exec("INSERT INTO items (id, i, r, t, n) VALUES (?, ?, ?, ?, ?)", row);
      if (!n.ok()) return n.status();
      EXPECT_EQ(*n, 1);
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();

  Rows rows;
  s = db().Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT id, i, r, t, n FROM items WHERE id >= ? ORDER BY id", {int64_t{1}});
    if (!r.ok()) return r.status();
    rows = std::move(*r);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(rows.size(), inserted.size());
  EXPECT_EQ(rows.columns, (std::vector<std::string>{"id", "i", "r", "t", "n"}));
  for (size_t r = 0; r < inserted.size(); ++r) {
    for (size_t c = 0; c < inserted[r].size(); ++c) {
      EXPECT_EQ(rows.rows[r].At(c), inserted[r][c]) << "row " << r << " column " << c;
    }
  }
  EXPECT_EQ(rows.rows[0].Text(3), chinese);
  EXPECT_TRUE(rows.rows[0].IsNull(4));
  EXPECT_EQ(rows.rows[0].Text(4), "");
  EXPECT_EQ(rows.rows[3].Int(1), 0);

  // Update and delete report the rows they changed.
  s = db().Write([&](Transaction& tx) {
    auto n = tx.Exec("UPDATE items SET t = ? WHERE id IN (?, ?)", {std::string("改"), int64_t{1},
                                                                     int64_t{2}});
    if (!n.ok()) return n.status();
    EXPECT_EQ(*n, 2);
    n = tx.Exec("DELETE FROM items WHERE id = ?", {int64_t{4}});
    if (!n.ok()) return n.status();
    EXPECT_EQ(*n, 1);
    n = tx.Exec("DELETE FROM items WHERE id = ?", {int64_t{99}});
    if (!n.ok()) return n.status();
    EXPECT_EQ(*n, 0);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Count(" WHERE t = '改'"), 2);
  EXPECT_EQ(Count(), 3);
}

TEST_P(DatabaseTest, ReturningAndExpressionsConvertTypes) {
  Status s = db().Write([&](Transaction& tx) {
    auto r = tx.Query("INSERT INTO items (id, t) VALUES (?, ?) RETURNING id, t",
                      {int64_t{7}, std::string("七")});
    if (!r.ok()) return r.status();
    EXPECT_EQ(r->rows.at(0).At(0), Value(int64_t{7}));
    EXPECT_EQ(r->rows.at(0).Text(1), "七");
    r = tx.Query("SELECT COUNT(*) AS n, SUM(id) AS s, 1 = 1 AS yes FROM items");
    if (!r.ok()) return r.status();
    EXPECT_EQ(r->columns, (std::vector<std::string>{"n", "s", "yes"}));
    EXPECT_EQ(r->rows.at(0).Int(0), 1);
    EXPECT_EQ(r->rows.at(0).Int(1), 7);
    EXPECT_EQ(r->rows.at(0).At(2), Value(int64_t{1}));  // PostgreSQL bool -> 1
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST_P(DatabaseTest, FailingCallbackLeavesNothing) {
  Status s = db().Write([](Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(ExecOk(tx, "INSERT INTO items (id) VALUES (?)", {int64_t{1}}));
    FAZHI_RETURN_IF_ERROR(ExecOk(tx, "INSERT INTO items (id) VALUES (?)", {int64_t{2}}));
    return Status(codes::kConflict, "版本冲突");
  });
  EXPECT_EQ(s.code(), codes::kConflict);
  EXPECT_EQ(s.message(), "版本冲突");
  EXPECT_EQ(Count(), 0);
}

TEST_P(DatabaseTest, FailedStatementSinksCallbackThatIgnoresIt) {
  Status s = db().Write([](Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(ExecOk(tx, "INSERT INTO items (id) VALUES (?)", {int64_t{1}}));
    tx.Exec("INSERT INTO items (id) VALUES (?)", {int64_t{1}}).status().ok();  // ignored
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), codes::kUniqueViolation);
  EXPECT_EQ(Count(), 0);
}

TEST_P(DatabaseTest, UniqueViolationHasItsOwnCode) {
  auto insert = [&](int64_t id) {
    return db().Write(
        [&](Transaction& tx) { return ExecOk(tx, "INSERT INTO items (id) VALUES (?)", {id}); });
  };
  ASSERT_TRUE(insert(1).ok());
  Status dup = insert(1);
  EXPECT_EQ(dup.code(), codes::kUniqueViolation) << dup.ToString();
  // Other constraint failures are plain database errors.
  Status s = db().Write([](Transaction& tx) {
    FAZHI_RETURN_IF_ERROR(tx.ExecScript("CREATE TABLE req (v TEXT NOT NULL)"));
    return ExecOk(tx, "INSERT INTO req (v) VALUES (?)", {std::monostate{}});
  });
  EXPECT_EQ(s.code(), codes::kDatabase) << s.ToString();
  EXPECT_EQ(Count(), 1);
}

TEST_P(DatabaseTest, ForeignKeysAreEnforced) {
  Status s = db().Write([](Transaction& tx) {
    return tx.ExecScript(
        "CREATE TABLE parent (id BIGINT PRIMARY KEY);"
        "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES parent(id))");
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = db().Write([](Transaction& tx) {
    return ExecOk(tx, "INSERT INTO child (id, parent_id) VALUES (?, ?)", {int64_t{1}, int64_t{42}});
  });
  EXPECT_EQ(s.code(), codes::kDatabase) << s.ToString();
}

TEST_P(DatabaseTest, ReadSeesCommittedDataInOneSnapshot) {
  ASSERT_TRUE(db().Write([](Transaction& tx) {
                    return ExecOk(tx, "INSERT INTO items (id) VALUES (1)");
                  }).ok());
  int64_t before = -1, after = -1;
  Status s = db().Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT COUNT(*) FROM items");
    if (!r.ok()) return r.status();
    before = r->rows.at(0).Int(0);
    // A write committed meanwhile stays invisible to this snapshot.
    FAZHI_RETURN_IF_ERROR(db().Write(
        [](Transaction& w) { return ExecOk(w, "INSERT INTO items (id) VALUES (2)"); }));
    r = tx.Query("SELECT COUNT(*) FROM items");
    if (!r.ok()) return r.status();
    after = r->rows.at(0).Int(0);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(before, 1);
  EXPECT_EQ(after, 1);
  EXPECT_EQ(Count(), 2);
}

TEST_P(DatabaseTest, ReadCannotWrite) {
  Status s = db().Read([](Transaction& tx) {
    return ExecOk(tx, "INSERT INTO items (id) VALUES (?)", {int64_t{1}});
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Count(), 0);
}

TEST_P(DatabaseTest, ReadReturnsCallbackStatus) {
  Status s = db().Read([](Transaction&) { return Status(codes::kNotFound, "无此事项"); });
  EXPECT_EQ(s.code(), codes::kNotFound);
}

TEST_P(DatabaseTest, ParameterCountMismatchIsInvalidArgument) {
  Status s = db().Write([](Transaction& tx) {
    return ExecOk(tx, "INSERT INTO items (id, t) VALUES (?, ?)", {int64_t{1}});
  });
  EXPECT_EQ(s.code(), codes::kInvalid) << s.ToString();
  s = db().Read([](Transaction& tx) {
    auto r = tx.Query("SELECT '?' AS q, id FROM items WHERE id = ?", {int64_t{1}});
    if (!r.ok()) return r.status();
    EXPECT_TRUE(r->empty());
    EXPECT_EQ(r->columns.at(0), "q");
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST_P(DatabaseTest, ExceptionInCallbackBecomesStatus) {
  Status s = db().Write([](Transaction& tx) -> Status {
    ExecOk(tx, "INSERT INTO items (id) VALUES (1)").ok();
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(s.code(), codes::kInternal);
  EXPECT_NE(s.message().find("boom"), std::string::npos);
  s = db().Read([](Transaction&) -> Status { throw std::runtime_error("bang"); });
  EXPECT_EQ(s.code(), codes::kInternal);
  EXPECT_EQ(Count(), 0);  // and the database still works
}

TEST_P(DatabaseTest, ExecScriptRunsSeveralStatements) {
  Status s = db().Write([](Transaction& tx) {
    return tx.ExecScript(
        "INSERT INTO items (id, t) VALUES (1, 'a;b');\n"
        "INSERT INTO items (id, t) VALUES (2, '乙');\n"
        "UPDATE items SET i = id * 10;");
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Count(" WHERE i = id * 10"), 2);
}

// Many threads write at once; every fifth request fails on purpose and every
// seventh hits a unique violation. On SQLite these share group-commit batches:
// the failures must not take the successful requests down with them.
TEST_P(DatabaseTest, FailingRequestsDoNotSinkConcurrentOnes) {
  ASSERT_TRUE(db().Write([](Transaction& tx) {
                    return ExecOk(tx, "INSERT INTO items (id) VALUES (0)");
                  }).ok());
  constexpr int kThreads = 8;
  constexpr int kPerThread = 60;
  std::atomic<int> ok{0}, failed_on_purpose{0}, unique{0}, other{0};
  std::vector<std::vector<int64_t>> acked(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 1; k <= kPerThread; ++k) {
        const int64_t id = t * 1000 + k;
        Status s = db().Write([&](Transaction& tx) {
          FAZHI_RETURN_IF_ERROR(ExecOk(tx, "INSERT INTO items (id, i) VALUES (?, ?)", {id, id}));
          if (k % 5 == 0) return Status(codes::kConflict, "on purpose");
          if (k % 7 == 0) return ExecOk(tx, "INSERT INTO items (id) VALUES (0)");
          return Status::Ok();
        });
        if (s.ok()) {
          ++ok;
          acked[t].push_back(id);
        } else if (s.code() == codes::kConflict) {
          ++failed_on_purpose;
        } else if (s.code() == codes::kUniqueViolation) {
          ++unique;
        } else {
          ++other;
          ADD_FAILURE() << s.ToString();
        }
      }
    });
  }
  for (auto& th : threads) th.join();

  int expect_ok = 0, expect_purpose = 0, expect_unique = 0;
  for (int k = 1; k <= kPerThread; ++k) {
    if (k % 5 == 0) {
      ++expect_purpose;
    } else if (k % 7 == 0) {
      ++expect_unique;
    } else {
      ++expect_ok;
    }
  }
  EXPECT_EQ(ok, kThreads * expect_ok);
  EXPECT_EQ(failed_on_purpose, kThreads * expect_purpose);
  EXPECT_EQ(unique, kThreads * expect_unique);
  EXPECT_EQ(other, 0);

  std::set<int64_t> present;
  Status s = db().Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT id FROM items WHERE id > 0");
    if (!r.ok()) return r.status();
    for (const Row& row : r->rows) present.insert(row.Int(0));
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::set<int64_t> expected;
  for (const auto& ids : acked) expected.insert(ids.begin(), ids.end());
  EXPECT_EQ(present, expected);
}

TEST_P(DatabaseTest, MigrateIsIdempotent) {
  const auto files = ListMigrations(GetParam());
  ASSERT_FALSE(files.empty());
  Result<int> first = db().Migrate();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, static_cast<int>(files.size()));
  Result<int> second = db().Migrate();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(*second, 0);

  Status s = db().Write([](Transaction& tx) {
    return ExecOk(tx, "INSERT INTO app_meta (key, value) VALUES (?, ?)",
                  {std::string("instance"), std::string("县司法局")});
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = db().Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    if (!r.ok()) return r.status();
    EXPECT_EQ(r->size(), files.size());
    for (size_t i = 0; i < r->size() && i < files.size(); ++i) {
      EXPECT_EQ(r->rows[i].Int(0), files[i].first);
      EXPECT_EQ(r->rows[i].Text(1), files[i].second);
      EXPECT_GT(r->rows[i].Int(2), 1700000000000);
    }
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();

  // Reopening finds everything applied.
  ASSERT_TRUE(test_->Reopen().ok());
  Result<int> third = db().Migrate();
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(*third, 0);
}

TEST_P(DatabaseTest, MigrateReportsRenumberedFile) {
  ASSERT_TRUE(db().Migrate().ok());
  ASSERT_TRUE(db().Write([](Transaction& tx) {
                    return ExecOk(tx, "UPDATE schema_migrations SET name = 'other' WHERE version = 1");
                  }).ok());
  Result<int> again = db().Migrate();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), codes::kConflict);
}

TEST_P(DatabaseTest, ConcurrentMigratorsApplyEachFileOnce) {
  std::vector<Result<int>> results(4, Result<int>(0));
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = db().Migrate(); });
  }
  for (auto& t : threads) t.join();
  int total = 0;
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    total += r.value();
  }
  EXPECT_EQ(total, static_cast<int>(ListMigrations(GetParam()).size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                           return std::string(DialectName(info.param));
                         });

}  // namespace
}  // namespace fazhi::store
