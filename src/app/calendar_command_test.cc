// `fazhi calendar deadline`: output and exit codes.
#include "app/calendar_command.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fazhi::app {
namespace {

class CalendarCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("fazhi-calcmd");
    ASSERT_FALSE(dir_.empty());
    std::filesystem::create_directories(dir_ / "calendar");
    // A one-year calendar of our own: 2024 National Day only.
    std::ofstream(dir_ / "calendar" / "2024.yaml")
        << "year: 2024\n"
           "holidays: [2024-10-01, 2024-10-02, 2024-10-03, 2024-10-04, 2024-10-05, 2024-10-06, "
           "2024-10-07]\n"
           "makeup_workdays: [2024-09-29, 2024-10-12]\n";
    config_.command = "calendar";
    config_.definitions = dir_.string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args, const std::string& from, const std::string& days,
          const std::string& unit) {
    config_.arguments = std::move(args);
    config_.extra.clear();
    if (!from.empty()) config_.extra["from"] = from;
    if (!days.empty()) config_.extra["days"] = days;
    if (!unit.empty()) config_.extra["unit"] = unit;
    out_.str("");
    err_.str("");
    return RunCalendarCommand(config_, out_, err_);
  }

  std::filesystem::path dir_;
  Config config_;
  std::ostringstream out_, err_;
};

TEST_F(CalendarCommandTest, PrintsTheDueDate) {
  EXPECT_EQ(Run({"deadline"}, "2024-09-30", "5", "working_day"), 0) << err_.str();
  EXPECT_EQ(out_.str(), "2024-10-12\n");
  EXPECT_EQ(err_.str(), "");
  EXPECT_EQ(Run({"deadline"}, "2024-09-22", "10", "calendar_day"), 0) << err_.str();
  EXPECT_EQ(out_.str(), "2024-10-08\n");
}

TEST_F(CalendarCommandTest, ShippedDefinitions) {
  // CTest sets FAZHI_SOURCE_DIR; run by hand, the build's own source dir is used.
  const char* src = std::getenv("FAZHI_SOURCE_DIR");
  config_.definitions = std::string(src && *src ? src : FAZHI_DEFAULT_SOURCE_DIR) + "/definitions";
  EXPECT_EQ(Run({"deadline"}, "2025-01-24", "5", "working_day"), 0) << err_.str();
  EXPECT_EQ(out_.str(), "2025-02-07\n");
}

TEST_F(CalendarCommandTest, UsageErrorsExit2) {
  EXPECT_EQ(Run({}, "2024-09-30", "5", "working_day"), 2);
  EXPECT_NE(err_.str().find("usage:"), std::string::npos);
  EXPECT_EQ(Run({"due"}, "2024-09-30", "5", "working_day"), 2);
  EXPECT_NE(err_.str().find("unknown calendar command 'due'"), std::string::npos);
  EXPECT_EQ(Run({"deadline", "extra"}, "2024-09-30", "5", "working_day"), 2);
  EXPECT_EQ(Run({"deadline"}, "2024-2-3", "5", "working_day"), 2);
  EXPECT_NE(err_.str().find("--from"), std::string::npos);
  EXPECT_EQ(Run({"deadline"}, "2024-09-30", "five", "working_day"), 2);
  EXPECT_NE(err_.str().find("--days"), std::string::npos);
  EXPECT_EQ(Run({"deadline"}, "2024-09-30", "5", ""), 2);
  EXPECT_NE(err_.str().find("--unit"), std::string::npos);
  EXPECT_EQ(out_.str(), "");
}

TEST_F(CalendarCommandTest, MissingYearOrBrokenDefinitionsExit1) {
  EXPECT_EQ(Run({"deadline"}, "2024-12-20", "10", "working_day"), 1);
  EXPECT_NE(err_.str().find("缺少 2025 年"), std::string::npos) << err_.str();
  EXPECT_EQ(out_.str(), "");

  std::ofstream(dir_ / "calendar" / "2025.yaml")
      << "year: 2025\nholidays: [2025-13-01]\nmakeup_workdays: []\n";
  EXPECT_EQ(Run({"deadline"}, "2024-09-30", "5", "working_day"), 1);
  EXPECT_NE(err_.str().find("2025.yaml:2"), std::string::npos) << err_.str();

  config_.definitions = (dir_ / "nope").string();
  EXPECT_EQ(Run({"deadline"}, "2024-09-30", "5", "working_day"), 1);
}

}  // namespace
}  // namespace fazhi::app
