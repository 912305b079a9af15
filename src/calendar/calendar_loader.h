// Reads the official calendar definitions: one file per year,
// definitions/calendar/YYYY.yaml, shaped
//
//   year: 2024
//   holidays: [2024-01-01, 2024-02-10, ...]        # every rest day listed
//   makeup_workdays: [2024-02-04, ...]             # 调休上班 (Sat/Sun only)
//
// Both lists are required (either may be empty: `[]`); other keys are errors.
// The files are the shipped defaults: CalendarStore seeds the database from
// them, and the CLI reads them directly.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "calendar/calendar.h"

namespace fazhi::calendar {

// Parses one file's text; `file` only labels errors. Checks everything
// Calendar::SetYear checks plus: year is a 4-digit integer, dates are strict
// YYYY-MM-DD, no date is listed twice. Errors: code "invalid_definition",
// message "FILE:LINE: <what>" (LINE 1-based; the line of the offending entry).
// yaml-cpp exceptions are caught and reported the same way.
Result<YearData> ParseCalendarYaml(const std::string& text, const std::string& file);

// Loads every *.yaml file in `dir` (other files are ignored), in name order.
// A file must be named after its year ("2024.yaml" holds `year: 2024`).
// Errors: "io_error" when dir or a file cannot be read; otherwise the first
// file's error from ParseCalendarYaml, or a name/year mismatch (with
// FILE:LINE of the year key). An existing empty directory gives no years.
Result<std::vector<YearData>> LoadCalendarDir(const std::string& dir);

}  // namespace fazhi::calendar
