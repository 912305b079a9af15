// metric: named statistical definitions (统计指标) over matters, read from
// definitions/metrics/*.yaml and validated against the loaded kinds before
// the server starts. A metric is a filter (or two), so every figure can be
// listed as the matters behind it (ARCHITECTURE.md §6).
//
// YAML shape, one file per module (see definitions/metrics/*.yaml):
//   group: 合法性审查                  # shown with the module's metrics
//   metrics:
//     - id: legality_review.policy    # [a-z][a-z0-9_.]*, unique across files
//       label: 审查政策文件             # 中文
//       unit: 件                       # 件 | 次 | % | 个 | 份 | 项 | 场次 | 条 | 户
//       type: count                    # count | ratio (default count)
//       filter: FILTER                 # count: the matters counted
//       numerator: FILTER              # ratio: value = numerator / denominator
//       denominator: FILTER            #        × 100, null when the denominator is 0
//       flag: nonzero                  # a control figure that should stay 0: the
//                                      # API says `flagged: true` when it is not
//
// FILTER (every key but kind and period optional; all conditions hold at once):
//   kind: legality_review              # a loaded kind
//   state_in: [issued]                 # current state is one of these
//   outcome_in: [合法]                 # matters.outcome (the value of an action's
//                                      # `outcome` field) is one of these
//   fields: {category: [政策文件]}      # data->>'key' equals one of the values
//                                      # (enum/text/date/org/user fields only)
//   event: {action: feedback}          # the timeline has such an event (any time)
//   deadline: review_period            # that deadline has started with a due date
//                                      # (running, suspended or stopped; none
//                                      # in years without calendar data)
//   on_time: review_period             # that deadline stopped on or before its
//                                      # due date
//   linked: {kind: K, state_in: [..]}  # linked (either direction) to a matter of
//                                      # kind K in one of those states
//   not_linked: {kind: K, state_in: [..]}  # linked to no such matter
//   period: received | closed | event:ACTION | field:KEY
//                                      # what falls in the report year (Asia/
//                                      # Shanghai): received_at, closed_at, an
//                                      # event of ACTION, or a date field's date
//                                      # (a number field: equals the year, e.g.
//                                      # 目录年度)
//
// Checks (code "invalid_metric", message "FILE:LINE: what is wrong"): unknown
// or duplicate keys, missing id/label/unit/filter/period, a count with
// numerator/denominator or a ratio with filter, kinds, states, outcomes
// (options of an action's outcome field), fields (and enum options), actions
// (or "create"), deadlines not in the kind, duplicate ids, bad id syntax.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "engine/matter_service.h"

namespace fazhi::metrics {

enum class PeriodBasis { kReceived, kClosed, kEvent, kDateField, kYearField };

struct Period {
  PeriodBasis basis = PeriodBasis::kReceived;
  std::string action;  // kEvent: the action whose event falls in the year
  std::string field;   // kDateField (YYYY-MM-DD in the year), kYearField (= the year)
};

struct FieldMatch {
  std::string key;
  std::vector<std::string> values;  // any of these
};

struct LinkedMatch {
  std::string kind;
  std::vector<std::string> state_in;  // empty = any state
};

struct Filter {
  std::string kind;
  std::vector<std::string> state_in;
  std::vector<std::string> outcome_in;
  std::vector<FieldMatch> fields;
  std::string event_action;  // "" = no condition
  std::string deadline;      // "" = no condition
  std::string on_time;       // "" = no condition
  std::optional<LinkedMatch> linked;
  std::optional<LinkedMatch> not_linked;
  Period period;
};

enum class MetricType { kCount, kRatio };
const char* MetricTypeName(MetricType t);  // "count" | "ratio"

struct MetricDef {
  std::string id, label, unit, group;
  MetricType type = MetricType::kCount;
  bool flag_nonzero = false;       // `flag: nonzero` (counts only)
  Filter filter;                   // kCount
  Filter numerator, denominator;   // kRatio
  std::string source_file;
  int line = 0;
};

// Parses and validates one file's metrics against `kinds`. Never throws.
Result<std::vector<MetricDef>> ParseMetrics(const std::string& yaml_text, const std::string& file,
                                            const engine::KindRegistry& kinds);

// Every *.yaml in dir, sorted by name; the first error stops loading.
// Duplicate ids across files are errors. A missing dir gives no metrics.
Result<std::vector<MetricDef>> LoadMetrics(const std::string& dir, const engine::KindRegistry& kinds);

class MetricRegistry {
 public:
  explicit MetricRegistry(std::vector<MetricDef> metrics);
  const MetricDef* Find(const std::string& id) const;
  const std::vector<MetricDef>& All() const { return metrics_; }

 private:
  std::vector<MetricDef> metrics_;
  std::map<std::string, size_t> index_;
};

}  // namespace fazhi::metrics
