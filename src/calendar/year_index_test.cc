// The indexed period arithmetic against the plain definition: a walk over the
// days asking IsWorkingDay of each (the rule in calendar.h, which is what the
// calendar did before it indexed its years). Every start day of whole years,
// the official data and made-up calendars with gaps between their years.
#include "calendar/year_index.h"

#include <gtest/gtest.h>

#include <string>

#include "calendar/official_data_for_test.h"

namespace fazhi::calendar {
namespace {

using testutil::D;

// --- the plain walks

Result<int> WalkBetween(const Calendar& cal, const Date& from, const Date& to) {
  if (to < from) {
    auto forward = WalkBetween(cal, to, from);
    if (!forward.ok()) return forward.status();
    return -*forward;
  }
  int count = 0;
  for (Date day = from.AddDays(1); day <= to; day = day.AddDays(1)) {
    auto working = cal.IsWorkingDay(day);
    if (!working.ok()) return working.status();
    if (*working) ++count;
  }
  return count;
}

Result<Date> WalkNext(const Calendar& cal, Date day) {
  for (;; day = day.AddDays(1)) {
    auto working = cal.IsWorkingDay(day);
    if (!working.ok()) return working.status();
    if (*working) return day;
  }
}

Result<Date> WalkAdd(const Calendar& cal, const Date& start, int n) {
  if (n == 0) return WalkNext(cal, start);
  Date day = start;
  for (int counted = 0; counted < n;) {
    day = day.AddDays(1);
    auto working = cal.IsWorkingDay(day);
    if (!working.ok()) return working.status();
    if (*working) ++counted;
  }
  return day;
}

template <typename T>
std::string Show(const Result<T>& r) {
  if (!r.ok()) return r.status().code() + ": " + r.status().message();
  if constexpr (std::is_same_v<T, Date>) {
    return r.value().ToString();
  } else {
    return std::to_string(r.value());
  }
}

// Compares the calendar with the walks for every start day in [first, last]:
// working days to every later day up to `reach` days ahead (and back), the
// n-th working day for n = 0 .. max_n, and calendar-day periods.
void ExpectSameAsWalk(const Calendar& cal, const Date& first, const Date& last, int reach, int max_n) {
  for (Date from = first; from <= last; from = from.AddDays(1)) {
    // Forward: one walk per start day, extended a day at a time.
    int count = 0;
    bool missing = false;
    for (int k = 1; k <= reach; ++k) {
      const Date to = from.AddDays(k);
      auto expected = missing ? Result<int>(Status("x", "")) : WalkBetween(cal, to.AddDays(-1), to);
      if (!missing && !expected.ok()) missing = true;
      if (!missing) count += *expected;
      auto got = cal.WorkingDaysBetween(from, to);
      if (missing) {
        auto full = WalkBetween(cal, from, to);
        ASSERT_EQ(Show(got), Show(full)) << from.ToString() << " → " << to.ToString();
        break;  // every later day of this start fails the same way
      }
      ASSERT_EQ(Show(got), std::to_string(count)) << from.ToString() << " → " << to.ToString();
      auto back = cal.WorkingDaysBetween(to, from);
      ASSERT_EQ(Show(back), std::to_string(-count)) << to.ToString() << " → " << from.ToString();
    }
    ASSERT_EQ(Show(cal.WorkingDaysBetween(from, from)), "0");
    for (int n = 0; n <= max_n; ++n) {
      ASSERT_EQ(Show(cal.AddWorkingDays(from, n)), Show(WalkAdd(cal, from, n)))
          << from.ToString() << " + " << n << " working days";
      ASSERT_EQ(Show(cal.AddCalendarDays(from, n)), Show(WalkNext(cal, from.AddDays(n))))
          << from.ToString() << " + " << n << " calendar days";
    }
  }
}

TEST(YearIndex, OfficialYearsMatchTheWalk) {
  const Calendar cal = testutil::Official();
  ASSERT_FALSE(cal.Years().empty());
  const int first = cal.Years().front(), last = cal.Years().back();
  // From the last days before the data to the first days after it: the
  // missing years on both sides are part of the comparison.
  ExpectSameAsWalk(cal, Date{first - 1, 12, 20}, Date{last + 1, 1, 10}, 800, 260);
}

TEST(YearIndex, CountsAndTypesOfOneYear) {
  YearData y;
  y.year = 2024;  // leap year
  y.holidays = {D("2024-01-01"), D("2024-02-10"), D("2024-12-31")};  // 02-10 is a Saturday
  y.makeup = {D("2024-02-04")};                                    // a Sunday
  const YearIndex index(y);
  EXPECT_EQ(index.days(), 366);
  EXPECT_EQ(index.first_day(), D("2024-01-01").ToDays());
  EXPECT_EQ(index.TypeAt(0), DayType::kHoliday);
  EXPECT_EQ(index.TypeAt(1), DayType::kWorkday);               // Tuesday 01-02
  EXPECT_EQ(index.TypeAt(5), DayType::kWeekend);               // Saturday 01-06
  EXPECT_EQ(index.TypeAt(34), DayType::kMakeupWorkday);        // 02-04
  EXPECT_EQ(index.TypeAt(40), DayType::kHoliday);              // 02-10
  // 2024 has 262 weekdays; minus the two weekday holidays, plus the make-up day.
  EXPECT_EQ(index.CountWorking(0, index.days()), 261);
  EXPECT_EQ(index.CountWorking(0, 1), 0);
  EXPECT_EQ(index.CountWorking(1, 2), 1);
  EXPECT_EQ(index.NthWorkingFrom(0, 1), 1);
  EXPECT_EQ(index.NthWorkingFrom(0, 261), 364);  // 12-30, a Monday
  EXPECT_EQ(index.NthWorkingFrom(0, 262), -1);
  EXPECT_EQ(index.NthWorkingFrom(365, 1), -1);
  EXPECT_TRUE(index.WorkingAt(34));
  EXPECT_FALSE(index.WorkingAt(365));
}

TEST(YearIndex, GapsBetweenYearsMatchTheWalk) {
  // 2023 and 2025 have data, 2024 not; 2026 has a long break over new year.
  Calendar cal;
  YearData a;
  a.year = 2023;
  a.holidays = {D("2023-10-02"), D("2023-12-29")};
  YearData b;
  b.year = 2025;
  b.makeup = {D("2025-12-27")};
  YearData c;
  c.year = 2026;
  for (Date d = D("2026-01-01"); d <= D("2026-01-20"); d = d.AddDays(1)) c.holidays.insert(d);
  ASSERT_TRUE(cal.SetYear(a).ok());
  ASSERT_TRUE(cal.SetYear(b).ok());
  ASSERT_TRUE(cal.SetYear(c).ok());
  ExpectSameAsWalk(cal, D("2023-12-01"), D("2024-01-05"), 500, 40);
  ExpectSameAsWalk(cal, D("2025-11-15"), D("2026-02-10"), 400, 300);
  auto err = cal.WorkingDaysBetween(D("2023-06-01"), D("2025-06-01"));
  ASSERT_FALSE(err.ok());
  EXPECT_EQ(err.status().code(), "calendar_missing");
  EXPECT_NE(err.status().message().find("2024"), std::string::npos);
  auto due = cal.AddWorkingDays(D("2026-12-01"), 30);
  ASSERT_FALSE(due.ok());
  EXPECT_NE(due.status().message().find("2027"), std::string::npos);
}

TEST(YearIndex, ReplacingAYearReindexesIt) {
  Calendar cal;
  YearData y;
  y.year = 2025;
  ASSERT_TRUE(cal.SetYear(y).ok());
  const Calendar before = cal;
  EXPECT_EQ(*cal.WorkingDaysBetween(D("2025-05-01"), D("2025-05-05")), 2);  // Thu 1 .. Mon 5
  y.holidays = {D("2025-05-02"), D("2025-05-05")};
  ASSERT_TRUE(cal.SetYear(y).ok());
  EXPECT_EQ(*cal.WorkingDaysBetween(D("2025-05-01"), D("2025-05-05")), 0);
  // A copy taken before keeps its own data.
  EXPECT_EQ(*before.WorkingDaysBetween(D("2025-05-01"), D("2025-05-05")), 2);
  EXPECT_FALSE(before == cal);
}

}  // namespace
}  // namespace fazhi::calendar
