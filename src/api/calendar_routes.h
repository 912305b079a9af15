// The working-day calendar over HTTP (工作日历与期限计算).
//
//   GET /api/v1/calendar/deadline?from=YYYY-MM-DD&days=N&unit=working_day|calendar_day
//       any signed-in user → 200 {"due","from","days","unit"}
//       (the rules are calendar::Calendar::Due's: start day not counted).
//       422 validation_failed (details.fields names the parameter) or
//       calendar_missing (a year the period reaches has no data).
//   GET /api/v1/calendar/{year}
//       any signed-in user → 200 YearJson (below); 404 for a year without data
//       or a path that is not a four-digit year.
//   PUT /api/v1/calendar/{year}   {"holidays":[dates],"makeupWorkdays":[dates]}
//       permission config:manage (the system admin) → 200 YearJson of the new
//       year; audited as calendar.update. 422 validation_failed for a body
//       that is not two lists of dates of that year, or that the calendar
//       rules refuse; 404 for a path that is not a four-digit year.
#pragma once

#include <string>

#include "api/api.h"
#include "api/json.h"
#include "calendar/calendar.h"
#include "calendar/calendar_store.h"

namespace fazhi::api {

// {"year":2024,
//  "days":[{"date":"2024-01-01","type":"holiday","weekday":1}, ...],  // every day, in order
//  "holidays":["2024-01-01", ...], "makeupWorkdays":["2024-02-04", ...]}
// type is a calendar::DayTypeName; weekday 1 = Monday … 7 = Sunday.
// REQUIRES: calendar.HasYear(year).
Json CalendarYearJson(const calendar::Calendar& calendar, int year);

// Parses a PUT body for `year`. Errors: validation_failed with a Chinese
// message; *field names the offending member ("holidays" / "makeupWorkdays").
Status ParseCalendarYearBody(const Json& body, int year, calendar::YearData* out,
                             std::string* field);

// Registers the three routes. store must outlive api.
void AddCalendarRoutes(Api& api, calendar::CalendarStore& store);

}  // namespace fazhi::api
