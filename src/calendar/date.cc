// Civil-date arithmetic for calendar::Date: proleptic Gregorian, no time
// zones. Day numbers count from 1970-01-01 through a March-based year, so the
// leap day is the last day of the shifted year and month lengths follow a
// linear formula; 400-year eras (146097 days) make negative years work too.
#include <cstdio>
#include <string>

#include "calendar/calendar.h"

namespace fazhi::calendar {
namespace {

constexpr int64_t kDaysPerEra = 146097;  // 400 Gregorian years
constexpr int64_t kEpochShift = 719468;  // 0000-03-01 .. 1970-01-01

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }

// Day of the March-based year (March 1 = 0) on which month m (March = 0)
// begins: month lengths 31,30,31,30,31 repeat, which 153/5 reproduces.
int64_t MonthStart(int64_t m) { return (153 * m + 2) / 5; }

bool AllDigits(const std::string& s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int Number(const std::string& s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

bool Date::IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

int64_t Date::ToDays() const {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t year_of_era = y - era * 400;       // 0..399
  const int64_t shifted_month = (month + 9) % 12;  // March = 0
  const int64_t day_of_year = MonthStart(shifted_month) + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * kDaysPerEra + day_of_era - kEpochShift;
}

Date Date::FromDays(int64_t days) {
  const int64_t z = days + kEpochShift;
  const int64_t era = FloorDiv(z, kDaysPerEra);
  const int64_t day_of_era = z - era * kDaysPerEra;  // 0..146096
  // Leap days before day_of_era within the era, removed to get whole years.
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  Date d;
  d.day = static_cast<int>(day_of_year - MonthStart(shifted_month) + 1);
  d.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  d.year = static_cast<int>(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

Result<Date> Date::Parse(const std::string& text) {
  auto invalid = [&text]() {
    return Status("invalid_date",
                  "日期“" + text + "”无效，应为 YYYY-MM-DD 格式的真实日期，如 2024-10-08");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text, 0, 4) ||
      !AllDigits(text, 5, 2) || !AllDigits(text, 8, 2)) {
    return invalid();
  }
  Date d;
  d.year = Number(text, 0, 4);
  d.month = Number(text, 5, 2);
  d.day = Number(text, 8, 2);
  if (d.year < 1 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return invalid();
  return d;
}

std::string Date::ToString() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int64_t from_monday = ((ToDays() + 3) % 7 + 7) % 7;
  return static_cast<int>(from_monday) + 1;
}

}  // namespace fazhi::calendar
