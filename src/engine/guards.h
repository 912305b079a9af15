// guards: whether an action's guards let it through (pure). A guard is a
// minimum period (`elapsed`, optionally ended early with a stated reason) or a
// condition on a linked matter (`linked` kind, states, outcomes and enum field
// values, all met by one and the same linked matter).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "engine/deadline_clock.h"
#include "engine/field_values.h"
#include "engine/kind.h"

namespace fazhi::engine {

// A matter linked to the one acted on (either direction), as guards see it.
struct LinkedMatter {
  std::string kind, state, outcome;
  Json data;  // its field values
};

// True when one of `linked` is of the guard's kind, in one of its states, with
// one of its outcomes (when listed), each field_in field holding one of the
// listed options and, with same_org, that org field naming `org_id` (the
// handling org of the matter acted on).
bool LinkGuardHolds(const GuardDef& g, const std::vector<LinkedMatter>& linked, int64_t org_id = 0);

// The refusal message of the first guard of `a` that does not hold, or none.
// `deadlines`: the matter's periods; `note`: the action's note (a stated
// reason for ending a minimum period early).
std::optional<std::string> GuardRefusal(const ActionDef& a, const std::vector<DeadlineRecord>& deadlines,
                                        const calendar::Date& today, const std::string& note,
                                        const std::vector<LinkedMatter>& linked, int64_t org_id = 0);

}  // namespace fazhi::engine
