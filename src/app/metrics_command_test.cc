// `fazhi metrics sql`: a sqlite3 shell script with one .parameter set per
// placeholder and the statement Compute runs, and usage errors.
#include "app/metrics_command.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "base/temp_dir.h"
#include "store/database.h"

#ifndef FAZHI_DEFAULT_SOURCE_DIR
#define FAZHI_DEFAULT_SOURCE_DIR "."
#endif

namespace fazhi::app {
namespace {

class MetricsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("fazhi-metricscmd");
    ASSERT_FALSE(dir_.empty());
    config_.command = "metrics";
    config_.definitions = std::string(FAZHI_DEFAULT_SOURCE_DIR) + "/definitions";
    config_.db = "sqlite:" + (dir_ / "m.db").string();
    auto db = store::Open(config_.db);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Migrate().ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args, const std::string& year) {
    config_.arguments = std::move(args);
    config_.extra.clear();
    if (!year.empty()) config_.extra["year"] = year;
    out_.str("");
    err_.str("");
    return RunMetricsCommand(config_, out_, err_);
  }

  std::filesystem::path dir_;
  Config config_;
  std::ostringstream out_, err_;
};

TEST_F(MetricsCommandTest, PrintsOneParameterPerPlaceholder) {
  ASSERT_EQ(Run({"sql"}, "2024"), 0) << err_.str();
  std::istringstream lines(out_.str());
  std::string line, statement;
  int params = 0;
  while (std::getline(lines, line)) {
    if (line.rfind(".parameter set ?", 0) == 0) {
      ++params;
      EXPECT_EQ(line.rfind(".parameter set ?" + std::to_string(params) + " ", 0), 0u) << line;
    } else if (line[0] != '.') {
      statement = line;
    }
  }
  ASSERT_FALSE(statement.empty());
  EXPECT_EQ(statement.rfind("SELECT g0.c0", 0), 0u) << statement.substr(0, 40);
  EXPECT_EQ(statement.back(), ';');
  EXPECT_EQ(params, std::count(statement.begin(), statement.end(), '?'));
  EXPECT_GT(params, 10);
  // Text parameters are quoted, the year's bounds are integers.
  EXPECT_NE(out_.str().find(".parameter set ?1 'legality_review'\n"), std::string::npos);
  EXPECT_NE(out_.str().find(".parameter set ?2 1704038400000\n"), std::string::npos);  // 2024-01-01 00:00 +08
}

TEST_F(MetricsCommandTest, UsageErrors) {
  EXPECT_EQ(Run({"sql"}, ""), 2);
  EXPECT_NE(err_.str().find("usage: fazhi metrics sql"), std::string::npos);
  EXPECT_EQ(Run({"sql"}, "20x4"), 2);
  EXPECT_EQ(Run({"values"}, "2024"), 2);
  EXPECT_NE(err_.str().find("unknown metrics command 'values'"), std::string::npos);
  config_.extra["org"] = "NO-SUCH-ORG";
  config_.arguments = {"sql"};
  config_.extra["year"] = "2024";
  EXPECT_EQ(RunMetricsCommand(config_, out_, err_), 1);
}

}  // namespace
}  // namespace fazhi::app
