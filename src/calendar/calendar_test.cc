// The pure calendar: civil dates and period arithmetic over the official
// 2024–2026 data (definitions/calendar). Every expected date below was
// checked by hand against DOMAIN.md's "Official calendar" table.
#include "calendar/calendar.h"

#include <gtest/gtest.h>

#include <string>

#include "calendar/official_data_for_test.h"

namespace fazhi::calendar {
namespace {

using testutil::D;

// --- Date

TEST(Date, ParseAcceptsRealDates) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year, 2024);
  EXPECT_EQ(d->month, 2);
  EXPECT_EQ(d->day, 29);
  EXPECT_EQ(d->ToString(), "2024-02-29");
  EXPECT_EQ(D("0001-01-01").ToString(), "0001-01-01");
  EXPECT_EQ(D("9999-12-31").ToString(), "9999-12-31");
}

TEST(Date, ParseRejectsEverythingElse) {
  for (const char* bad : {"2024-02-30", "2024-2-3", "2023-02-29", "1900-02-29", "2024-13-01",
                          "2024-00-10", "2024-01-00", "2024-04-31", " 2024-01-01", "2024-01-01 ",
                          "2024/01/01", "20240101", "0000-01-01", "abcd-ef-gh", "", "2024-01-1",
                          "+024-01-01", "2024-01-01T00:00", "２０２４-01-01"}) {
    auto d = Date::Parse(bad);
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().code(), "invalid_date") << bad;
    EXPECT_NE(d.status().message().find("YYYY-MM-DD"), std::string::npos);
  }
}

TEST(Date, DayNumbersOfKnownDates) {
  EXPECT_EQ(D("1970-01-01").ToDays(), 0);
  EXPECT_EQ(D("1969-12-31").ToDays(), -1);
  EXPECT_EQ(D("2024-03-01").ToDays(), 19783);
  EXPECT_EQ(D("0001-01-01").ToDays(), -719162);
  EXPECT_EQ(D("9999-12-31").ToDays(), 2932896);
  EXPECT_EQ(Date::FromDays(19783), D("2024-03-01"));
  EXPECT_EQ(Date::FromDays(-719162), D("0001-01-01"));
}

TEST(Date, EveryDayFollowsThePreviousOne) {
  // Walks 1599-12-01 .. 2401-03-31 comparing FromDays/ToDays with a plain
  // day-by-day counter (four centuries, both sides of every kind of leap rule).
  Date expected{1599, 12, 1};
  for (int64_t n = expected.ToDays(); n <= D("2401-03-31").ToDays(); ++n) {
    Date d = Date::FromDays(n);
    ASSERT_EQ(d, expected) << n;
    ASSERT_EQ(d.ToDays(), n);
    if (++expected.day > Date::DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(Date, LeapDays) {
  EXPECT_TRUE(Date::IsLeapYear(2024));
  EXPECT_TRUE(Date::IsLeapYear(2000));
  EXPECT_FALSE(Date::IsLeapYear(1900));
  EXPECT_FALSE(Date::IsLeapYear(2025));
  EXPECT_EQ(Date::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2100, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2024, 13), 0);
  EXPECT_EQ(D("2024-02-28").AddDays(1), D("2024-02-29"));
  EXPECT_EQ(D("2024-02-28").AddDays(2), D("2024-03-01"));
  EXPECT_EQ(D("2023-02-28").AddDays(1), D("2023-03-01"));
  EXPECT_EQ(D("2024-03-01").AddDays(-1), D("2024-02-29"));
  EXPECT_EQ(D("2024-01-01").AddDays(366), D("2025-01-01"));
  EXPECT_EQ(D("2025-01-01").AddDays(365), D("2026-01-01"));
}

TEST(Date, WeekdayOfKnownDates) {
  EXPECT_EQ(D("1970-01-01").Weekday(), 4);  // Thursday
  EXPECT_EQ(D("1969-12-31").Weekday(), 3);
  EXPECT_EQ(D("2000-01-01").Weekday(), 6);
  EXPECT_EQ(D("2024-01-01").Weekday(), 1);
  EXPECT_EQ(D("2024-02-29").Weekday(), 4);
  EXPECT_EQ(D("2024-09-29").Weekday(), 7);
  EXPECT_EQ(D("2024-10-12").Weekday(), 6);
  EXPECT_EQ(D("2026-01-04").Weekday(), 7);
  EXPECT_EQ(D("0001-01-01").Weekday(), 1);
  EXPECT_TRUE(D("2024-10-12").IsWeekend());
  EXPECT_FALSE(D("2024-10-11").IsWeekend());
}

TEST(Date, Ordering) {
  EXPECT_LT(D("2024-09-30"), D("2024-10-01"));
  EXPECT_LT(D("2023-12-31"), D("2024-01-01"));
  EXPECT_EQ(D("2024-01-01"), (Date{2024, 1, 1}));
}

// --- names and argument parsing

TEST(Names, DayTypesAndUnits) {
  EXPECT_STREQ(DayTypeName(DayType::kWorkday), "workday");
  EXPECT_STREQ(DayTypeName(DayType::kWeekend), "weekend");
  EXPECT_STREQ(DayTypeName(DayType::kHoliday), "holiday");
  EXPECT_STREQ(DayTypeName(DayType::kMakeupWorkday), "makeup_workday");
  Unit u = Unit::kCalendarDay;
  ASSERT_TRUE(ParseUnit("working_day", &u));
  EXPECT_EQ(u, Unit::kWorkingDay);
  ASSERT_TRUE(ParseUnit("calendar_day", &u));
  EXPECT_EQ(u, Unit::kCalendarDay);
  EXPECT_FALSE(ParseUnit("workday", &u));
  EXPECT_FALSE(ParseUnit("", &u));
  EXPECT_STREQ(UnitName(Unit::kWorkingDay), "working_day");
  EXPECT_STREQ(UnitName(Unit::kCalendarDay), "calendar_day");
}

TEST(PeriodArgs, ParsesAndNamesTheBadField) {
  PeriodArgs a;
  std::string field;
  ASSERT_TRUE(ParsePeriodArgs("2024-09-30", "5", "working_day", &a, &field).ok());
  EXPECT_EQ(a.from, D("2024-09-30"));
  EXPECT_EQ(a.days, 5);
  EXPECT_EQ(a.unit, Unit::kWorkingDay);
  ASSERT_TRUE(ParsePeriodArgs("2024-09-30", "0", "calendar_day", &a, &field).ok());
  EXPECT_EQ(a.unit, Unit::kCalendarDay);

  struct Bad {
    const char *from, *days, *unit, *field;
  };
  for (const Bad& b :
       {Bad{"", "5", "working_day", "from"}, Bad{"2024-2-3", "5", "working_day", "from"},
        Bad{"2024-02-30", "5", "working_day", "from"}, Bad{"2024-09-30", "", "working_day", "days"},
        Bad{"2024-09-30", "-1", "working_day", "days"},
        Bad{"2024-09-30", "5x", "working_day", "days"},
        Bad{"2024-09-30", "3661", "working_day", "days"},
        Bad{"2024-09-30", "99999999999", "working_day", "days"}, Bad{"2024-09-30", "5", "", "unit"},
        Bad{"2024-09-30", "5", "days", "unit"}}) {
    PeriodArgs out;
    out.days = 42;
    Status st = ParsePeriodArgs(b.from, b.days, b.unit, &out, &field);
    EXPECT_EQ(st.code(), "validation_failed") << b.from << " " << b.days << " " << b.unit;
    EXPECT_EQ(field, b.field);
    EXPECT_EQ(out.days, 42);  // unchanged
  }
}

// --- the official calendar

class OfficialCalendar : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { cal_ = new Calendar(testutil::Official()); }
  static void TearDownTestSuite() { delete cal_; }
  static const Calendar& cal() { return *cal_; }

  static std::string Due(const char* from, int n, Unit unit) {
    auto due = cal().Due(D(from), n, unit);
    return due.ok() ? due->ToString() : due.status().code();
  }
  static std::string Wd(const char* from, int n) { return Due(from, n, Unit::kWorkingDay); }
  static std::string Cd(const char* from, int n) { return Due(from, n, Unit::kCalendarDay); }

  static Calendar* cal_;
};
Calendar* OfficialCalendar::cal_ = nullptr;

TEST_F(OfficialCalendar, HasTheThreeYears) {
  EXPECT_EQ(cal().Years(), (std::vector<int>{2024, 2025, 2026}));
  EXPECT_EQ(cal().Year(2024)->holidays.size(), 28u);
  EXPECT_EQ(cal().Year(2024)->makeup.size(), 8u);
  EXPECT_EQ(cal().Year(2025)->holidays.size(), 28u);
  EXPECT_EQ(cal().Year(2025)->makeup.size(), 5u);
  EXPECT_EQ(cal().Year(2026)->holidays.size(), 33u);
  EXPECT_EQ(cal().Year(2026)->makeup.size(), 6u);
  EXPECT_EQ(cal().Year(2027), nullptr);
}

TEST_F(OfficialCalendar, DayTypes) {
  EXPECT_EQ(*cal().TypeOf(D("2024-10-01")), DayType::kHoliday);
  EXPECT_EQ(*cal().TypeOf(D("2024-10-05")), DayType::kHoliday);  // a Saturday in the break
  EXPECT_EQ(*cal().TypeOf(D("2024-09-29")), DayType::kMakeupWorkday);
  EXPECT_EQ(*cal().TypeOf(D("2024-10-12")), DayType::kMakeupWorkday);
  EXPECT_EQ(*cal().TypeOf(D("2024-10-13")), DayType::kWeekend);
  EXPECT_EQ(*cal().TypeOf(D("2024-10-08")), DayType::kWorkday);
  EXPECT_EQ(*cal().TypeOf(D("2025-10-08")), DayType::kHoliday);
  EXPECT_EQ(*cal().TypeOf(D("2026-02-28")), DayType::kMakeupWorkday);
  EXPECT_TRUE(*cal().IsWorkingDay(D("2026-01-04")));
  EXPECT_FALSE(*cal().IsWorkingDay(D("2026-01-02")));
  EXPECT_EQ(cal().TypeOf(D("2027-01-04")).status().code(), "calendar_missing");
}

TEST_F(OfficialCalendar, WorkingDaysAcrossNationalDay2024) {
  // 9/28 Sat rest, 9/29 Sun make-up (1), 9/30 (2), 10/1–10/7 rest, 10/8 (3), 10/9 (4), 10/10 (5).
  EXPECT_EQ(Wd("2024-09-27", 5), "2024-10-10");
  // 10/8 (1) … 10/11 (4), 10/12 Sat make-up (5): ends on a make-up Saturday.
  EXPECT_EQ(Wd("2024-09-30", 5), "2024-10-12");
  EXPECT_EQ(Wd("2024-09-28", 1), "2024-09-29");  // a make-up Sunday
  EXPECT_EQ(Wd("2024-09-30", 20), "2024-11-01");
  EXPECT_EQ(Wd("2024-10-11", 1), "2024-10-12");
}

TEST_F(OfficialCalendar, WorkingDaysAcrossSpringFestival) {
  // 2024: 2/10–2/17 rest, 2/4 and 2/18 (Sundays) make-up.
  EXPECT_EQ(Wd("2024-02-02", 1), "2024-02-04");
  EXPECT_EQ(Wd("2024-02-08", 1), "2024-02-09");
  EXPECT_EQ(Wd("2024-02-08", 3), "2024-02-19");  // 2/9, 2/18 (Sun), 2/19
  EXPECT_EQ(Wd("2024-02-09", 5), "2024-02-22");
  // 2025: 1/28–2/4 rest, 1/26 (Sun) and 2/8 (Sat) make-up.
  EXPECT_EQ(Wd("2025-01-24", 1), "2025-01-26");
  EXPECT_EQ(Wd("2025-01-24", 5), "2025-02-07");  // 1/26, 1/27, 2/5, 2/6, 2/7
  EXPECT_EQ(Wd("2025-01-27", 1), "2025-02-05");
  EXPECT_EQ(Wd("2025-02-07", 1), "2025-02-08");  // a make-up Saturday
  EXPECT_EQ(Wd("2025-01-27", 15), "2025-02-24");
  // 2026: 2/15–2/23 rest, 2/14 and 2/28 (Saturdays) make-up.
  EXPECT_EQ(Wd("2026-02-13", 1), "2026-02-14");
}

TEST_F(OfficialCalendar, WorkingDaysEndingOnOtherMakeupDays) {
  EXPECT_EQ(Wd("2024-04-03", 1), "2024-04-07");  // 4/4–4/6 rest, 4/7 Sun make-up
  EXPECT_EQ(Wd("2024-05-10", 1), "2024-05-11");
  EXPECT_EQ(Wd("2024-09-13", 1), "2024-09-14");
}

TEST_F(OfficialCalendar, ZeroWorkingDays) {
  EXPECT_EQ(Wd("2024-10-08", 0), "2024-10-08");  // a working day: itself
  EXPECT_EQ(Wd("2024-09-29", 0), "2024-09-29");  // make-up Sunday: itself
  EXPECT_EQ(Wd("2024-09-28", 0), "2024-09-29");  // rest day: the next working day
  EXPECT_EQ(Wd("2024-10-01", 0), "2024-10-08");
}

TEST_F(OfficialCalendar, CalendarDaysMoveOffRestDays) {
  EXPECT_EQ(Cd("2024-09-20", 10), "2024-09-30");  // a Monday: stays
  EXPECT_EQ(Cd("2024-09-22", 10), "2024-10-08");  // 10/2 holiday → 10/8
  EXPECT_EQ(Cd("2024-09-21", 10), "2024-10-08");
  EXPECT_EQ(Cd("2024-02-01", 10), "2024-02-18");  // 2/11 holiday → 2/18 make-up Sunday
  EXPECT_EQ(Cd("2024-10-05", 0), "2024-10-08");
  EXPECT_EQ(Cd("2025-09-30", 60), "2025-12-01");  // 11/29 Sat → 12/1 Mon
  EXPECT_EQ(Cd("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(Cd("2024-01-31", 30), "2024-03-01");
}

TEST_F(OfficialCalendar, AcrossYearEnds) {
  EXPECT_EQ(Wd("2024-12-20", 10), "2025-01-06");
  EXPECT_EQ(Wd("2024-12-31", 1), "2025-01-02");
  EXPECT_EQ(Wd("2025-12-31", 1), "2026-01-04");  // 1/1–1/3 rest, 1/4 Sun make-up
  EXPECT_EQ(Wd("2026-12-28", 3), "2026-12-31");
  // Only the days examined need data: 2023's last day is the start.
  EXPECT_EQ(Wd("2023-12-31", 1), "2024-01-02");
}

TEST_F(OfficialCalendar, IntoAYearWithoutDataIsAnError) {
  auto due = cal().Due(D("2026-12-20"), 15, Unit::kCalendarDay);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.status().code(), "calendar_missing");
  EXPECT_EQ(due.status().message(), "缺少 2027 年的法定节假日安排，无法按工作日计算期限");
  EXPECT_EQ(Wd("2026-12-30", 2), "calendar_missing");
  EXPECT_EQ(Wd("2026-12-30", 1), "2026-12-31");
  EXPECT_EQ(Wd("2023-12-28", 1), "calendar_missing");  // 2023-12-29 has no data
  auto before = cal().Due(D("2023-12-28"), 1, Unit::kWorkingDay);
  EXPECT_NE(before.status().message().find("2023"), std::string::npos);
}

TEST_F(OfficialCalendar, NegativePeriodsAreRefused) {
  EXPECT_EQ(Wd("2024-10-08", -1), "invalid_argument");
  EXPECT_EQ(Cd("2024-10-08", -1), "invalid_argument");
}

TEST_F(OfficialCalendar, WorkingDaysBetween) {
  EXPECT_EQ(*cal().WorkingDaysBetween(D("2024-09-27"), D("2024-10-08")), 3);
  EXPECT_EQ(*cal().WorkingDaysBetween(D("2024-10-08"), D("2024-09-27")), -3);
  EXPECT_EQ(*cal().WorkingDaysBetween(D("2024-10-08"), D("2024-10-08")), 0);
  EXPECT_EQ(*cal().WorkingDaysBetween(D("2024-01-01"), D("2024-12-31")), 251);
  EXPECT_EQ(*cal().WorkingDaysBetween(D("2025-01-01"), D("2025-12-31")), 248);
  EXPECT_EQ(*cal().WorkingDaysBetween(D("2026-01-01"), D("2026-12-31")), 248);
  EXPECT_EQ(cal().WorkingDaysBetween(D("2026-12-01"), D("2027-01-05")).status().code(),
            "calendar_missing");
  // CanCount says exactly when it can count, also across years without data.
  for (const char* a : {"2022-06-01", "2023-12-31", "2024-01-01", "2025-05-05", "2026-12-31", "2027-01-01",
                        "2028-03-03"})
    for (const char* b : {"2023-12-30", "2023-12-31", "2024-03-01", "2026-12-31", "2027-01-01", "2027-06-01"})
      EXPECT_EQ(cal().CanCount(D(a), D(b)), cal().WorkingDaysBetween(D(a), D(b)).ok()) << a << " " << b;
  // Consistent with Due: n working days after d end n working days later.
  for (const char* from : {"2024-09-27", "2025-01-24", "2026-02-10"}) {
    for (int n = 1; n <= 30; ++n) {
      auto due = cal().AddWorkingDays(D(from), n);
      ASSERT_TRUE(due.ok());
      EXPECT_EQ(*cal().WorkingDaysBetween(D(from), *due), n) << from << " + " << n;
    }
  }
}

// --- SetYear validation

TEST(CalendarSetYear, RefusesBadYearsAndLeavesTheCalendarUnchanged) {
  Calendar cal;
  YearData good{2024, {D("2024-01-01")}, {D("2024-02-04")}};
  ASSERT_TRUE(cal.SetYear(good).ok());

  YearData outside{2024, {D("2024-01-01"), D("2025-01-01")}, {}};
  Status st = cal.SetYear(outside);
  EXPECT_EQ(st.code(), "validation_failed");
  EXPECT_NE(st.message().find("2025-01-01"), std::string::npos);

  YearData makeup_outside{2024, {D("2024-01-01")}, {D("2023-12-30")}};
  EXPECT_EQ(cal.SetYear(makeup_outside).code(), "validation_failed");

  YearData both{2024, {D("2024-02-04")}, {D("2024-02-04")}};
  st = cal.SetYear(both);
  EXPECT_EQ(st.code(), "validation_failed");
  EXPECT_NE(st.message().find("2024-02-04"), std::string::npos);

  YearData weekday_makeup{2024, {D("2024-01-01")}, {D("2024-02-05")}};  // a Monday
  st = cal.SetYear(weekday_makeup);
  EXPECT_EQ(st.code(), "validation_failed");
  EXPECT_NE(st.message().find("周六或周日"), std::string::npos);

  EXPECT_EQ(cal.SetYear(YearData{0, {}, {}}).code(), "validation_failed");
  EXPECT_EQ(cal.SetYear(YearData{10000, {}, {}}).code(), "validation_failed");

  EXPECT_EQ(*cal.Year(2024), good);  // unchanged by the failures
  EXPECT_EQ(cal.Years(), std::vector<int>{2024});

  // Holidays on weekends are fine; replacing a year replaces all of it.
  YearData replaced{2024, {D("2024-01-06")}, {}};
  ASSERT_TRUE(cal.SetYear(replaced).ok());
  EXPECT_EQ(*cal.TypeOf(D("2024-01-01")), DayType::kWorkday);
  EXPECT_EQ(*cal.TypeOf(D("2024-01-06")), DayType::kHoliday);
  EXPECT_EQ(*cal.TypeOf(D("2024-02-04")), DayType::kWeekend);
}

TEST(CalendarSetYear, EqualityComparesData) {
  Calendar a, b;
  ASSERT_TRUE(a.SetYear({2024, {D("2024-01-01")}, {}}).ok());
  EXPECT_FALSE(a == b);
  ASSERT_TRUE(b.SetYear({2024, {D("2024-01-01")}, {}}).ok());
  EXPECT_TRUE(a == b);
}

}  // namespace
}  // namespace fazhi::calendar
