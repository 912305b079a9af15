// YearIndex: one calendar year's day types with a running count of its
// working days, built once when the year is loaded. Counting the working days
// of a range inside the year is then two array reads, and finding the n-th
// working day a binary search, instead of a walk over the days that looks
// each one up in the holiday sets. Calendar keeps one per year it has data for.
#pragma once

#include <cstdint>
#include <vector>

#include "calendar/calendar.h"

namespace fazhi::calendar {

class YearIndex {
 public:
  // `data` must be valid for Calendar::SetYear (dates inside its year, no day
  // in both lists, make-up days on weekends).
  explicit YearIndex(const YearData& data);

  int year() const { return year_; }
  int64_t first_day() const { return first_day_; }  // Date::ToDays of 1 January
  int days() const { return static_cast<int>(types_.size()); }  // 365 or 366

  // Day i of the year (0 = 1 January), 0 <= i < days().
  DayType TypeAt(int i) const { return types_[static_cast<size_t>(i)]; }
  bool WorkingAt(int i) const { return CountWorking(i, i + 1) == 1; }
  // Working days among the days [from, to), 0 <= from <= to <= days().
  int CountWorking(int from, int to) const {
    return prefix_[static_cast<size_t>(to)] - prefix_[static_cast<size_t>(from)];
  }
  // The day of the k-th (k >= 1) working day among the days [from, days()),
  // or -1 when fewer than k remain in the year.
  int NthWorkingFrom(int from, int k) const;

  bool operator==(const YearIndex&) const = default;

 private:
  int year_ = 0;
  int64_t first_day_ = 0;
  std::vector<DayType> types_;
  std::vector<uint16_t> prefix_;  // prefix_[i]: working days among the days [0, i)
};

}  // namespace fazhi::calendar
