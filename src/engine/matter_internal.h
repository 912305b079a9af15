// Internal to the engine's .cc files: the loaded row of a matter and shared
// SQL. Not part of the engine's interface.
#pragma once

#include <string>
#include <vector>

#include "engine/matter_service.h"

namespace fazhi::engine {

struct MatterService::Loaded {
  int64_t id = 0;
  const KindDef* kind = nullptr;
  int kind_version = 0;
  std::string number, title, org_path, state, outcome, due_on;
  int64_t org_id = 0, creator_id = 0, assignee_id = 0;
  int64_t received_at = 0, closed_at = 0, created_at = 0, updated_at = 0, version = 0;
  bool suspended = false;
  int suspended_days = 0, extended_days = 0;
  Json data;
  std::vector<DeadlineRecord> deadlines;
};

inline constexpr const char* kMatterColumns =
    "m.id, m.kind, m.kind_version, m.number, m.title, m.org_id, m.org_path, m.creator_id, m.state, "
    "m.outcome, m.assignee_id, m.received_at, m.due_on, m.closed_at, m.suspended, m.suspended_days, "
    "m.extended_days, m.version, m.data, m.created_at, m.updated_at";

// Summary columns for lists (with org and assignee names).
inline constexpr const char* kSummaryColumns =
    "m.id, m.kind, m.number, m.title, m.org_id, o.name, m.state, m.outcome, m.assignee_id, "
    "COALESCE(u.display_name, ''), m.due_on, m.suspended, m.version, m.received_at, m.updated_at, "
    "m.closed_at, m.creator_id";
inline constexpr const char* kSummaryJoins =
    " FROM matters m JOIN orgs o ON o.id = m.org_id LEFT JOIN users u ON u.id = m.assignee_id";

MatterSummary SummaryFromRow(const store::Row& r, const KindRegistry& kinds,
                             const calendar::Calendar* cal, const calendar::Date& today);

std::string KindVersionedStateLabel(const KindDef* kind, const std::string& state);

}  // namespace fazhi::engine
