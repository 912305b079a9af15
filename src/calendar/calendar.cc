#include "calendar/calendar.h"

#include <charconv>
#include <string>

#include "calendar/year_index.h"

namespace fazhi::calendar {
namespace {

Status Invalid(const std::string& message) { return Status("validation_failed", message); }

Status NegativePeriod(int n) {
  return Status("invalid_argument", "期限天数不能为负数（" + std::to_string(n) + "）");
}

}  // namespace

const char* DayTypeName(DayType t) {
  switch (t) {
    case DayType::kWorkday:
      return "workday";
    case DayType::kWeekend:
      return "weekend";
    case DayType::kHoliday:
      return "holiday";
    case DayType::kMakeupWorkday:
      return "makeup_workday";
  }
  return "workday";
}

bool ParseUnit(const std::string& s, Unit* out) {
  if (s == "working_day") {
    *out = Unit::kWorkingDay;
    return true;
  }
  if (s == "calendar_day") {
    *out = Unit::kCalendarDay;
    return true;
  }
  return false;
}

const char* UnitName(Unit u) { return u == Unit::kWorkingDay ? "working_day" : "calendar_day"; }

Status CalendarMissing(int year) {
  return Status("calendar_missing",
                "缺少 " + std::to_string(year) + " 年的法定节假日安排，无法按工作日计算期限");
}

Status Calendar::SetYear(const YearData& data) {
  const std::string year = std::to_string(data.year);
  if (data.year < 1 || data.year > 9999) return Invalid("年份 " + year + " 超出范围（1–9999）");
  auto outside = [&](const Date& d) {
    return Invalid("日期 " + d.ToString() + " 不属于 " + year + " 年");
  };
  for (const Date& d : data.holidays) {
    if (d.year != data.year) return outside(d);
  }
  for (const Date& d : data.makeup) {
    if (d.year != data.year) return outside(d);
    if (data.holidays.count(d) > 0) {
      return Invalid("日期 " + d.ToString() + " 不能既是法定节假日又是调休上班日");
    }
    if (!d.IsWeekend()) {
      return Invalid("调休上班日 " + d.ToString() + " 不是周六或周日（本来就是工作日）");
    }
  }
  years_[data.year] = data;
  index_[data.year] = std::make_shared<const YearIndex>(data);
  return Status::Ok();
}

std::vector<int> Calendar::Years() const {
  std::vector<int> out;
  out.reserve(years_.size());
  for (const auto& [year, _] : years_) out.push_back(year);
  return out;
}

const YearData* Calendar::Year(int year) const {
  auto it = years_.find(year);
  return it == years_.end() ? nullptr : &it->second;
}

const YearIndex* Calendar::Index(int year) const {
  auto it = index_.find(year);
  return it == index_.end() ? nullptr : it->second.get();
}

Result<DayType> Calendar::TypeOf(const Date& d) const {
  const YearIndex* y = Index(d.year);
  if (y == nullptr) return CalendarMissing(d.year);
  return y->TypeAt(static_cast<int>(d.ToDays() - y->first_day()));
}

Result<bool> Calendar::IsWorkingDay(const Date& d) const {
  Result<DayType> t = TypeOf(d);
  if (!t.ok()) return t.status();
  return *t == DayType::kWorkday || *t == DayType::kMakeupWorkday;
}

// The period arithmetic below goes year by year through the indexes. It gives
// what a walk over the days would (tests compare the two): the same dates and
// counts, and the same calendar_missing error, which names the first year
// without data that the walk would have stepped into.

Result<Date> Calendar::NextWorkingDayFrom(const Date& d) const {
  // Ends: every year either holds a working day or is followed by the next
  // one, and only finitely many years have data.
  int day = 0;  // day of the year to search from
  for (int year = d.year;; ++year, day = 0) {
    const YearIndex* y = Index(year);
    if (y == nullptr) return CalendarMissing(year);
    if (year == d.year) day = static_cast<int>(d.ToDays() - y->first_day());
    const int found = y->NthWorkingFrom(day, 1);
    if (found >= 0) return Date::FromDays(y->first_day() + found);
  }
}

Result<Date> Calendar::Due(const Date& start, int n, Unit unit) const {
  return unit == Unit::kWorkingDay ? AddWorkingDays(start, n) : AddCalendarDays(start, n);
}

Result<Date> Calendar::AddWorkingDays(const Date& start, int n) const {
  if (n < 0) return NegativePeriod(n);
  if (n == 0) return NextWorkingDayFrom(start);
  const Date first = start.AddDays(1);  // the start day is not counted
  int left = n;
  int day = 0;
  for (int year = first.year;; ++year, day = 0) {
    const YearIndex* y = Index(year);
    if (y == nullptr) return CalendarMissing(year);
    if (year == first.year) day = static_cast<int>(first.ToDays() - y->first_day());
    const int found = y->NthWorkingFrom(day, left);
    if (found >= 0) return Date::FromDays(y->first_day() + found);
    left -= y->CountWorking(day, y->days());
  }
}

Result<Date> Calendar::AddCalendarDays(const Date& start, int n) const {
  if (n < 0) return NegativePeriod(n);
  return NextWorkingDayFrom(start.AddDays(n));
}

Result<int> Calendar::WorkingDaysBetween(const Date& from, const Date& to) const {
  if (to < from) {
    Result<int> forward = WorkingDaysBetween(to, from);
    if (!forward.ok()) return forward.status();
    return -*forward;
  }
  if (to == from) return 0;
  const Date first = from.AddDays(1);  // the range is (from, to]
  int count = 0;
  for (int year = first.year; year <= to.year; ++year) {
    const YearIndex* y = Index(year);
    if (y == nullptr) return CalendarMissing(year);
    const int lo = year == first.year ? static_cast<int>(first.ToDays() - y->first_day()) : 0;
    const int hi = year == to.year ? static_cast<int>(to.ToDays() - y->first_day()) + 1 : y->days();
    count += y->CountWorking(lo, hi);
  }
  return count;
}

bool Calendar::CanCount(const Date& a, const Date& b) const {
  const Date& from = b < a ? b : a;
  const Date& to = b < a ? a : b;
  if (to == from) return true;
  for (int year = from.AddDays(1).year; year <= to.year; ++year)
    if (Index(year) == nullptr) return false;
  return true;
}

Status ParsePeriodArgs(const std::string& from, const std::string& days, const std::string& unit,
                       PeriodArgs* out, std::string* field) {
  PeriodArgs args;
  if (from.empty()) {
    *field = "from";
    return Invalid("请提供起始日期 from（YYYY-MM-DD，起始日不计入期限）");
  }
  Result<Date> start = Date::Parse(from);
  if (!start.ok()) {
    *field = "from";
    return Invalid("起始日期 from：" + start.status().message());
  }
  args.from = *start;

  const char* first = days.data();
  const char* last = days.data() + days.size();
  auto [end, err] = std::from_chars(first, last, args.days);
  if (days.empty() || err != std::errc() || end != last || args.days < 0 ||
      args.days > kMaxPeriodDays) {
    *field = "days";
    return Invalid("期限天数 days 必须是 0 到 " + std::to_string(kMaxPeriodDays) + " 之间的整数");
  }

  if (!ParseUnit(unit, &args.unit)) {
    *field = "unit";
    return Invalid("期限单位 unit 必须是 working_day（工作日）或 calendar_day（自然日）");
  }
  *out = args;
  return Status::Ok();
}

}  // namespace fazhi::calendar
