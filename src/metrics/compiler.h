// compiler: turns a metric filter, a report year and an optional org subtree
// into SQL for one backend. Pure: no I/O.
//
// The condition is over `matters m` and uses `?` placeholders (store/
// database.h), so it serves both the count (SELECT COUNT(*) FROM matters m
// WHERE …) and the drill-down list (the same WHERE, plus the caller's scope).
// Kind fields are read from the JSON `data` column: SQLite `m.data ->> '$.key'`,
// PostgreSQL `(m.data::jsonb) ->> 'key'` (the column is TEXT there). Field
// keys are spliced in only after checking they are names ([a-z0-9_]); every
// value is a parameter.
//
// The report year is local time in Asia/Shanghai (UTC+8, no DST): instants t
// with YearStartMs(year) <= t < YearStartMs(year + 1); a date field's
// "YYYY-MM-DD" text within the year; a number field equal to the year (JSON
// numbers are compared as REAL / DOUBLE PRECISION: the engine stores 2024.0).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "metrics/metric.h"
#include "store/database.h"

namespace fazhi::metrics {

struct Sql {
  std::string text;
  std::vector<store::Value> params;
};

// 00:00 of 1 January `year` in Asia/Shanghai, as UTC epoch milliseconds
// (local midnight − 8 h).
int64_t YearStartMs(int year);

// The WHERE condition (without "WHERE") selecting the filter's matters in the
// year; org_path ("/1/5/") limits it to that org and its sub-orgs ("" = all).
// Terms come in this order: kind, period, org, then state, outcome, fields,
// event, deadline, on_time, linked.
// Errors: invalid_argument for a field key that is not a name.
Result<Sql> CompileCondition(const Filter& f, int year, const std::string& org_path, store::Dialect dialect);

// The first org path after every path under `path` ("/1/5/" → "/1/50"):
// paths p with path <= p < PathUpperBound(path) are the subtree. A range
// rather than LIKE 'path%' keeps SQLite's prepared statements reusable.
std::string PathUpperBound(const std::string& path);

// SELECT COUNT(*) FROM matters m WHERE <condition>.
Result<Sql> CompileCount(const Filter& f, int year, const std::string& org_path, store::Dialect dialect);

// One statement returning one row with one column per filter, in order: each
// column is the count of that filter's matters. Filters with the same kind,
// period and org are counted in one pass over those rows (COUNT(CASE WHEN
// <their other conditions> THEN 1 END)), equal filters in one column, so
// the cost follows the number of distinct (kind, period) pairs rather than
// the number of figures. A period of events is counted from the year's
// events: each matter with such an event is read once, by id. An empty list
// is an error.
Result<Sql> CompileCounts(const std::vector<const Filter*>& filters, int year, const std::string& org_path,
                          store::Dialect dialect);

}  // namespace fazhi::metrics
