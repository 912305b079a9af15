// Test fixture shared by the audit tests that need a database: a fresh,
// migrated database of the parameter's dialect and a checkpoint path in a
// temporary directory. PostgreSQL runs need FAZHI_TEST_PG_URL (see
// scripts/pgtemp); without it they fail and say how to start a server.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "base/temp_dir.h"
#include "store/test_database.h"

namespace fazhi::audit::testutil {

inline std::string DialectParamName(const ::testing::TestParamInfo<store::Dialect>& info) {
  return info.param == store::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

// A record whose fields all depend on i, with some non-ASCII text.
inline Record MakeRecord(int i) {
  Record r;
  r.at_ms = 1717200000000 + int64_t{i} * 1000;
  r.user_id = 100 + i % 3;
  r.username = i % 3 == 0 ? "张三" : (i % 3 == 1 ? "lisi" : "wang.wu");
  r.ip = "10.0.0." + std::to_string(i % 250);
  r.action = i % 2 == 0 ? "session.sign_in" : "user.create";
  r.object = "user:" + std::to_string(1000 + i);
  r.result = i % 5 == 4 ? "failure" : "success";
  r.detail = "{\"n\":" + std::to_string(i) + ",\"说明\":\"第" + std::to_string(i) + "条\"}";
  return r;
}

class AuditDbTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = store::TestDatabase::Create(GetParam(), std::string("audit_") + info->name());
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_db_ = std::move(*created);
    auto migrated = db().Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();

    dir_ = MakeTempDir("fazhi-audit");
    ASSERT_FALSE(dir_.empty());
    log_ = std::make_unique<AuditLog>((dir_ / "audit" / "checkpoint").string());
  }

  void TearDown() override {
    log_.reset();
    test_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  store::Database& db() { return test_db_->db(); }
  const AuditLog& log() { return *log_; }
  bool postgres() const { return GetParam() == store::Dialect::kPostgres; }

  // Appends each record in its own write transaction.
  void AppendMany(int from, int to) {
    for (int i = from; i <= to; ++i) {
      Status s =
          db().Write([&](store::Transaction& tx) { return log().Append(tx, MakeRecord(i)); });
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
  }

  VerifyReport Check() {
    auto report = Verify(db(), log().checkpoint_path());
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : VerifyReport{false, -1, -1, report.status().ToString()};
  }

  // Runs one statement in its own write transaction, as someone with direct
  // database access would.
  Status Sql(const std::string& sql, const std::vector<store::Value>& params = {}) {
    return db().Write([&](store::Transaction& tx) {
      auto r = tx.Exec(sql, params);
      return r.ok() ? Status::Ok() : r.status();
    });
  }

  store::Rows Query(const std::string& sql, const std::vector<store::Value>& params = {}) {
    store::Rows out;
    Status s = db().Read([&](store::Transaction& tx) {
      auto r = tx.Query(sql, params);
      if (!r.ok()) return r.status();
      out = std::move(*r);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  std::pair<int64_t, std::string> Head() {
    store::Rows rows = Query("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (rows.empty()) return {-1, ""};
    return {rows.rows[0].Int(0), rows.rows[0].Text(1)};
  }

  std::string HashAt(int64_t seq) {
    store::Rows rows = Query("SELECT hash FROM audit_log WHERE seq = ?", {seq});
    return rows.empty() ? "" : rows.rows[0].Text(0);
  }

  // What an attacker does first: remove the append-only triggers.
  void DropTriggers() {
    Status s = db().Write([&](store::Transaction& tx) {
      return tx.ExecScript(postgres() ? "DROP TRIGGER audit_log_no_change ON audit_log;"
                                        "DROP TRIGGER audit_log_no_truncate ON audit_log"
                                      : "DROP TRIGGER audit_log_no_update;"
                                        "DROP TRIGGER audit_log_no_delete");
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::unique_ptr<store::TestDatabase> test_db_;
  std::filesystem::path dir_;
  std::unique_ptr<AuditLog> log_;
};

}  // namespace fazhi::audit::testutil
