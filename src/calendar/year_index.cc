#include "calendar/year_index.h"

#include <algorithm>

namespace fazhi::calendar {

YearIndex::YearIndex(const YearData& data) : year_(data.year) {
  const Date jan1{data.year, 1, 1};
  first_day_ = jan1.ToDays();
  const int days = Date::IsLeapYear(data.year) ? 366 : 365;
  types_.reserve(static_cast<size_t>(days));
  prefix_.reserve(static_cast<size_t>(days) + 1);
  prefix_.push_back(0);
  for (int i = 0; i < days; ++i) {
    const Date d = Date::FromDays(first_day_ + i);
    DayType t = d.IsWeekend() ? DayType::kWeekend : DayType::kWorkday;
    if (data.holidays.count(d) > 0) t = DayType::kHoliday;
    if (data.makeup.count(d) > 0) t = DayType::kMakeupWorkday;
    types_.push_back(t);
    const bool working = t == DayType::kWorkday || t == DayType::kMakeupWorkday;
    prefix_.push_back(static_cast<uint16_t>(prefix_.back() + (working ? 1 : 0)));
  }
}

int YearIndex::NthWorkingFrom(int from, int k) const {
  // The first position t > from whose running count reaches prefix_[from] + k
  // ends on the wanted working day, t - 1.
  const int target = prefix_[static_cast<size_t>(from)] + k;
  if (target > prefix_.back()) return -1;
  auto it = std::lower_bound(prefix_.begin() + from + 1, prefix_.end(), target);
  return static_cast<int>(it - prefix_.begin()) - 1;
}

}  // namespace fazhi::calendar
