// `fazhi audit verify|checkpoint` end to end on a SQLite file.
#include "app/audit_command.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "store/database.h"

namespace fazhi::app {
namespace {

class AuditCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("fazhi-auditcmd");
    ASSERT_FALSE(dir_.empty());
    config_.command = "audit";
    config_.db = "sqlite:" + (dir_ / "fazhi.db").string();
    config_.audit_checkpoint = (dir_ / "audit" / "checkpoint").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args) {
    config_.arguments = std::move(args);
    out_.str("");
    err_.str("");
    return RunAuditCommand(config_, out_, err_);
  }

  // Runs SQL (or appends records) on the database while the command is not running.
  void WithDb(const std::function<Status(store::Transaction&)>& fn) {
    auto db = store::Open(config_.db);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->Migrate().ok());
    Status s = (*db)->Write(fn);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  void Append(int n) {
    audit::AuditLog log(config_.audit_checkpoint);
    WithDb([&](store::Transaction& tx) {
      for (int i = 1; i <= n; ++i) {
        audit::Record r;
        r.at_ms = 1717200000000 + i;
        r.username = "张三";
        r.action = "session.sign_in";
        r.result = "success";
        FAZHI_RETURN_IF_ERROR(log.Append(tx, r));
      }
      return Status::Ok();
    });
  }

  std::filesystem::path dir_;
  Config config_;
  std::ostringstream out_, err_;
};

TEST_F(AuditCommandTest, VerifiesAnEmptyAndAFilledLog) {
  EXPECT_EQ(Run({"verify"}), 0) << err_.str();
  EXPECT_EQ(out_.str(), "audit chain ok: 0 records\n");
  Append(12);
  EXPECT_EQ(Run({"checkpoint"}), 0) << err_.str();
  EXPECT_TRUE(std::filesystem::exists(config_.audit_checkpoint));
  EXPECT_EQ(Run({"verify"}), 0) << err_.str();
  EXPECT_EQ(out_.str(), "audit chain ok: 12 records\n");
}

TEST_F(AuditCommandTest, NamesTheFirstBadRecord) {
  Append(5);
  WithDb([](store::Transaction& tx) {
    return tx.ExecScript(
        "DROP TRIGGER audit_log_no_update;"
        "UPDATE audit_log SET username = '李四' WHERE seq = 3");
  });
  EXPECT_EQ(Run({"verify"}), 1);
  EXPECT_EQ(out_.str().rfind("audit chain broken at seq 3: ", 0), 0u) << out_.str();
}

TEST_F(AuditCommandTest, TruncationCaughtThroughTheCheckpoint) {
  Append(5);
  ASSERT_EQ(Run({"checkpoint"}), 0) << err_.str();
  WithDb([](store::Transaction& tx) {
    return tx.ExecScript(
        "DROP TRIGGER audit_log_no_delete;"
        "DELETE FROM audit_log WHERE seq >= 4;"
        "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3)");
  });
  EXPECT_EQ(Run({"verify"}), 1);
  EXPECT_EQ(out_.str().rfind("audit chain broken at seq 4: ", 0), 0u) << out_.str();
}

TEST_F(AuditCommandTest, UsageErrors) {
  EXPECT_EQ(Run({}), 2);
  EXPECT_NE(err_.str().find("usage: fazhi audit verify"), std::string::npos);
  EXPECT_EQ(Run({"frobnicate"}), 2);
  EXPECT_NE(err_.str().find("unknown audit command 'frobnicate'"), std::string::npos);
  EXPECT_EQ(Run({"verify", "extra"}), 2);
}

TEST_F(AuditCommandTest, UnreadableDatabaseIsAnError) {
  config_.db = "sqlite:/proc/nonexistent/fazhi.db";
  EXPECT_EQ(Run({"verify"}), 1);
  EXPECT_NE(err_.str().find("cannot open database"), std::string::npos) << err_.str();
}

}  // namespace
}  // namespace fazhi::app
