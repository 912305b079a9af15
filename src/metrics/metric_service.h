// MetricService: computes the year's figures of every metric definition and
// lists the matters behind any one of them (drill-down).
//
// Values are county-wide aggregates (optionally for one org and its
// sub-orgs): the dashboard permission (checked by the caller, api/) is what
// allows seeing them. Drill-down lists individual matters, so it applies the
// caller's data scope exactly as the matter list does (creator, assignee, or
// an assignment granting matter:read that covers the matter's org); its
// total equals the figure only for callers whose scope covers every matter.
//
// Errors: invalid_argument (year outside 2000..2100, a part that the metric
// does not have), not_found (unknown metric or org), database errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/page.h"
#include "base/result.h"
#include "calendar/calendar_store.h"
#include "engine/matter_service.h"
#include "identity/principal.h"
#include "metrics/metric.h"
#include "store/database.h"

namespace fazhi::metrics {

inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;

struct MetricValue {
  const MetricDef* def = nullptr;
  int64_t count = 0;                   // kCount: the figure
  int64_t numerator = 0;               // kRatio
  int64_t denominator = 0;             // kRatio
  std::optional<double> value;         // count, or the ratio in % rounded to 0.1
                                       // (nullopt when the denominator is 0)
};

// Which matters to list: a count's (kValue), a ratio's numerator or
// denominator.
enum class Part { kValue, kNumerator, kDenominator };
bool ParsePart(const std::string& text, Part* out);  // "value" | "numerator" | "denominator"

// The filters Compute counts, in the order of its statement's columns: each
// count metric's filter, each ratio's numerator and denominator.
std::vector<const Filter*> CountedFilters(const MetricRegistry& metrics);

class MetricService {
 public:
  // Everything must outlive the service.
  MetricService(store::Database& db, const engine::KindRegistry& kinds, const MetricRegistry& metrics,
                calendar::CalendarStore& calendar, const Clock& clock);

  // Every metric, in definition order, for the year (org 0 = the county).
  // One read transaction, one statement.
  Result<std::vector<MetricValue>> Compute(int year, int64_t org_id = 0);

  // The matters behind one figure, newest first. part: kValue for a count,
  // kNumerator or kDenominator for a ratio (kValue on a ratio means its
  // numerator). page >= 1, page_size 1..200.
  Result<Page<engine::MatterSummary>> DrillDown(const identity::Principal& p, const std::string& metric_id,
                                                int year, Part part, int page, int page_size,
                                                int64_t org_id = 0);

  const MetricRegistry& metrics() const { return metrics_; }
  // The current year in Asia/Shanghai (the default report year).
  int CurrentYear() const;

 private:
  Result<std::string> OrgPath(store::Transaction& tx, int64_t org_id);

  store::Database& db_;
  const engine::KindRegistry& kinds_;
  const MetricRegistry& metrics_;
  calendar::CalendarStore& calendar_;
  const Clock& clock_;
};

// The caller's data scope over `matters m` as a condition (mirrors the
// matter engine's list scope). Exposed for tests.
std::string ScopeCondition(const identity::Principal& p, std::vector<store::Value>* params);

}  // namespace fazhi::metrics
