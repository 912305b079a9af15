// definitions/calendar/*.yaml: the shipped files load; every kind of mistake
// is reported with FILE:LINE.
#include "calendar/calendar_loader.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "calendar/official_data_for_test.h"

namespace fazhi::calendar {
namespace {

using testutil::D;

// The error message of parsing `text` as file "t.yaml" ("" when it parsed).
std::string ErrorOf(const std::string& text) {
  auto y = ParseCalendarYaml(text, "t.yaml");
  if (y.ok()) return "";
  EXPECT_EQ(y.status().code(), "invalid_definition");
  return y.status().message();
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST(CalendarLoader, ShippedFilesLoad) {
  auto years = LoadCalendarDir(testutil::OfficialDir());
  ASSERT_TRUE(years.ok()) << years.status().ToString();
  ASSERT_EQ(years->size(), 3u);
  EXPECT_EQ((*years)[0].year, 2024);
  EXPECT_EQ((*years)[2].year, 2026);
  EXPECT_TRUE((*years)[0].holidays.count(D("2024-02-17")));
  EXPECT_TRUE((*years)[0].makeup.count(D("2024-10-12")));
  EXPECT_TRUE((*years)[1].holidays.count(D("2025-10-08")));
  EXPECT_TRUE((*years)[2].holidays.count(D("2026-02-23")));
}

TEST(CalendarLoader, ParsesFlowAndBlockLists) {
  auto y = ParseCalendarYaml(
      "# comment\n"
      "year: 2024\n"
      "holidays: [\n"
      "  2024-01-01,  # 元旦\n"
      "  2024-02-10, 2024-02-11  # 春节\n"
      "]\n"
      "makeup_workdays:\n"
      "  - 2024-02-04\n"
      "  - '2024-02-18'\n",
      "t.yaml");
  ASSERT_TRUE(y.ok()) << y.status().ToString();
  EXPECT_EQ(y->year, 2024);
  EXPECT_EQ(y->holidays, (std::set<Date>{D("2024-01-01"), D("2024-02-10"), D("2024-02-11")}));
  EXPECT_EQ(y->makeup, (std::set<Date>{D("2024-02-04"), D("2024-02-18")}));
  auto empty = ParseCalendarYaml("year: 2030\nholidays: [2030-01-01]\nmakeup_workdays: []\n", "t");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_TRUE(empty->makeup.empty());
}

TEST(CalendarLoader, ErrorsNameFileAndLine) {
  const std::string head = "year: 2024\n";
  // A bad date on line 4.
  std::string e =
      ErrorOf(head + "holidays: [\n  2024-01-01,\n  2024-02-30\n]\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:4: ")) << e;
  EXPECT_NE(e.find("2024-02-30"), std::string::npos) << e;
  // Not zero-padded.
  e = ErrorOf(head + "holidays: [2024-1-1]\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:2: ")) << e;
  // A make-up day on a Monday, line 4.
  e = ErrorOf(head + "holidays: [2024-01-01]\nmakeup_workdays:\n  - 2024-02-05\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:4: ")) << e;
  EXPECT_NE(e.find("周六或周日"), std::string::npos) << e;
  // In both lists: the make-up entry's line.
  e = ErrorOf(head + "holidays: [2024-02-04]\nmakeup_workdays:\n  - 2024-02-18\n  - 2024-02-04\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:5: ")) << e;
  // Another year's date.
  e = ErrorOf(head + "holidays:\n  - 2024-01-01\n  - 2025-01-01\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:4: ")) << e;
  EXPECT_NE(e.find("不属于 2024 年"), std::string::npos) << e;
  // Listed twice.
  e = ErrorOf(head + "holidays:\n  - 2024-01-01\n  - 2024-01-01\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:4: ")) << e;
  EXPECT_NE(e.find("重复"), std::string::npos) << e;
  // Unknown and missing keys.
  e = ErrorOf(head + "holidays: [2024-01-01]\nmakeup: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:3: ")) << e;
  EXPECT_NE(e.find("makeup"), std::string::npos) << e;
  e = ErrorOf(head + "holidays: [2024-01-01]\n");
  EXPECT_NE(e.find("makeup_workdays"), std::string::npos) << e;
  e = ErrorOf("holidays: [2024-01-01]\nmakeup_workdays: []\n");
  EXPECT_NE(e.find("year"), std::string::npos) << e;
  e = ErrorOf(head + "year: 2025\nholidays: [2024-01-01]\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:2: ")) << e;
  // Wrong shapes.
  e = ErrorOf("year: 24\nholidays: [2024-01-01]\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:1: ")) << e;
  e = ErrorOf(head + "holidays: 2024-01-01\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:2: ")) << e;
  e = ErrorOf(head + "holidays: [[2024-01-01]]\nmakeup_workdays: []\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:2: ")) << e;
  e = ErrorOf("- 2024\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:1: ")) << e;
  e = ErrorOf("");
  EXPECT_TRUE(StartsWith(e, "t.yaml:1: ")) << e;
  // YAML syntax error (an unclosed list) on its line; yaml-cpp's exception is caught.
  e = ErrorOf(head + "holidays: [2024-01-01,\nmakeup_workdays: []\nx: {\n");
  EXPECT_TRUE(StartsWith(e, "t.yaml:")) << e;
  EXPECT_NE(e.find("YAML"), std::string::npos) << e;
}

class CalendarDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir("fazhi-cal");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(CalendarDirTest, FileNameMustMatchTheYear) {
  Write("2024.yaml", "year: 2024\nholidays: [2024-01-01]\nmakeup_workdays: []\n");
  Write("README.md", "not a calendar");
  auto ok = LoadCalendarDir(dir_.string());
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->size(), 1u);

  Write("2025.yaml", "# 2025\nyear: 2026\nholidays: [2026-01-01]\nmakeup_workdays: []\n");
  auto bad = LoadCalendarDir(dir_.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), "invalid_definition");
  EXPECT_EQ(bad.status().message().rfind((dir_ / "2025.yaml").string() + ":2: ", 0), 0u)
      << bad.status().message();
}

TEST_F(CalendarDirTest, ErrorsInAFileNameIt) {
  Write("2024.yaml",
        "year: 2024\nholidays:\n  - 2024-01-01\n  - 2024-13-01\nmakeup_workdays: []\n");
  auto bad = LoadCalendarDir(dir_.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind((dir_ / "2024.yaml").string() + ":4: ", 0), 0u)
      << bad.status().message();
}

TEST_F(CalendarDirTest, EmptyAndMissingDirectories) {
  auto empty = LoadCalendarDir(dir_.string());
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  auto missing = LoadCalendarDir((dir_ / "nope").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), "io_error");
}

}  // namespace
}  // namespace fazhi::calendar
