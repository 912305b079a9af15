// calendar: the official working-day calendar and statutory period arithmetic
// (期间计算). Pure: no I/O; the data comes from definitions/calendar/*.yaml
// through the database (see calendar_store.h).
//
// Rules (DOMAIN.md): a working day is Monday–Friday not listed as a rest day,
// or a listed make-up workday (调休上班). The start day of a period is never
// counted. A working-day period counts N working days after the start. A
// calendar-day period ends on start + N; if that day is not a working day it
// moves to the next working day. A date in a year without calendar data is an
// error (code "calendar_missing"), never a weekday guess.
//
// Dates are civil dates without a time zone (proleptic Gregorian calendar).
// Calendar is a value: copy it to change it; const methods are safe to call
// from any number of threads. Each year is indexed when it is set (year_index.h),
// so period arithmetic costs O(years spanned + log days), not a walk over the days.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"

namespace fazhi::calendar {

struct Date {
  int year = 0, month = 0, day = 0;
  // Days since 1970-01-01 (may be negative) and back.
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // "YYYY-MM-DD" strictly (zero-padded, a real date); an error otherwise.
  // Error code "invalid_date" (year 0001..9999; "2024-2-3", "2024-02-30" fail).
  static Result<Date> Parse(const std::string& text);
  std::string ToString() const;
  int Weekday() const;  // 1 = Monday … 7 = Sunday
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  auto operator<=>(const Date&) const = default;

  static bool IsLeapYear(int year);
  static int DaysInMonth(int year, int month);  // 0 for a month outside 1..12
  // True for a Saturday or Sunday.
  bool IsWeekend() const { return Weekday() >= 6; }
};

enum class DayType { kWorkday, kWeekend, kHoliday, kMakeupWorkday };
const char* DayTypeName(DayType t);  // "workday" | "weekend" | "holiday" | "makeup_workday"

enum class Unit { kWorkingDay, kCalendarDay };
bool ParseUnit(const std::string& s, Unit* out);  // "working_day" | "calendar_day"
const char* UnitName(Unit u);                     // the inverse of ParseUnit

class YearIndex;

struct YearData {
  int year = 0;
  std::set<Date> holidays;  // official rest days (not ordinary weekends)
  std::set<Date> makeup;    // weekend days that are workdays
  bool operator==(const YearData&) const = default;
};

// The error for a year without data: code "calendar_missing", message
// "缺少 YYYY 年的法定节假日安排，无法按工作日计算期限".
Status CalendarMissing(int year);

class Calendar {
 public:
  // Adds or replaces a year. Errors (code "validation_failed", message in
  // Chinese naming the date): a year outside 1..9999, a date outside that
  // year, a date in both lists, a make-up day that is not a Saturday or
  // Sunday. Any day may be a holiday (notices list whole breaks, weekends
  // included). On error the calendar is unchanged.
  Status SetYear(const YearData& data);
  bool HasYear(int year) const { return years_.count(year) > 0; }
  std::vector<int> Years() const;        // ascending
  const YearData* Year(int year) const;  // null when absent; valid until the next SetYear

  // Errors: calendar_missing for a date in a year without data.
  Result<DayType> TypeOf(const Date& d) const;
  Result<bool> IsWorkingDay(const Date& d) const;
  // The due date of a period of n (>= 0) units starting on `start`.
  //   kWorkingDay:  the n-th working day after start (start not counted);
  //                 n = 0 gives start when it is a working day, else the next
  //                 working day (a period "due today" never ends on a rest day).
  //   kCalendarDay: start + n, moved forward to the next working day when that
  //                 day is not one (n = 0: likewise from start).
  // Only the days examined need data: start itself is looked up only for a
  // working-day period with n = 0. Errors: invalid_argument (n < 0),
  // calendar_missing (naming the first year without data the period reaches).
  Result<Date> Due(const Date& start, int n, Unit unit) const;
  Result<Date> AddWorkingDays(const Date& start, int n) const;
  Result<Date> AddCalendarDays(const Date& start, int n) const;
  // Working days after `from` up to and including `to` (negative when to < from):
  // for to >= from the count of working days in (from, to]; for to < from,
  // minus the count in (to, from]. Equal dates give 0. For a days-left display
  // pass (today, due): 0 means due today, negative means overdue.
  // Errors: calendar_missing for any day of the range without data.
  Result<int> WorkingDaysBetween(const Date& from, const Date& to) const;
  // Whether WorkingDaysBetween(a, b) has data for every day it counts: true
  // exactly when it succeeds, without building its error (a traffic light
  // asks this for every row of a list, often for years without data).
  bool CanCount(const Date& a, const Date& b) const;

  // Same years with the same days.
  bool operator==(const Calendar& other) const { return years_ == other.years_; }

 private:
  // The first working day on or after d.
  Result<Date> NextWorkingDayFrom(const Date& d) const;
  const YearIndex* Index(int year) const;  // null when the year has no data

  std::map<int, YearData> years_;
  // Derived from years_ (shared by copies: an index never changes once built).
  std::map<int, std::shared_ptr<const YearIndex>> index_;
};

// The arguments of a deadline query (API and CLI share the checks).
struct PeriodArgs {
  Date from;
  int days = 0;  // 0..kMaxPeriodDays
  Unit unit = Unit::kWorkingDay;
};
inline constexpr int kMaxPeriodDays = 3660;

// Parses from ("YYYY-MM-DD"), days (decimal 0..kMaxPeriodDays) and unit
// ("working_day" | "calendar_day"); each is required. On error returns code
// "validation_failed" with a Chinese message and sets *field to "from",
// "days" or "unit"; *out is then unchanged.
Status ParsePeriodArgs(const std::string& from, const std::string& days, const std::string& unit,
                       PeriodArgs* out, std::string* field);

}  // namespace fazhi::calendar
