// field_checks: the cross-field checks of a kind (`checks:` in its YAML, e.g.
// 服务期限止 not before 服务期限起, 有效期至 at most 5 years after 公布日期),
// evaluated against the field values a write leaves. Pure.
#pragma once

#include <set>
#include <string>

#include "engine/field_values.h"
#include "engine/kind.h"

namespace fazhi::engine {

// `date` shifted by years and months (the day kept, or the month's last day
// when the month is shorter: 2024-02-29 + 1 year = 2025-02-28), then by days.
// `date` must be a valid "YYYY-MM-DD"; returns "" otherwise.
std::string ShiftDate(const std::string& date, int years, int months, int days);

// The Chinese message of a failed check, naming both fields and the limit
// (`limit`: OTHER's value after the offset), unless the check has its own.
std::string CheckMessage(const KindDef& kind, const CheckDef& check, const std::string& limit);

// Evaluates every check whose fields (FIELD, OTHER or a `when` field) include
// a key in `changed`, against `after` (all field values as the write leaves
// them). A check holds when either value is missing, when a `when` field does
// not hold one of its options, or when the comparison is true. A failed check
// is an error on FIELD, or on OTHER when only OTHER is among `changed` (the
// value the caller is changing). Checks on a key that already has an error
// are skipped.
void EvaluateChecks(const KindDef& kind, const Json& after, const std::set<std::string>& changed,
                    FieldErrors* errors);

}  // namespace fazhi::engine
