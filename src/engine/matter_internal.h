// Internal to the engine's .cc files: the loaded row of a matter and shared
// SQL. Not part of the engine's interface.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/matter_service.h"
#include "engine/read_cache.h"

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

// What a matter's detail shows whoever reads it: the matter with its
// deadlines, its summary (lights left to the view), links, attachments and
// the people its user fields name.
struct MatterService::Snapshot {
  Loaded m;
  MatterSummary summary;
  std::vector<LinkView> links;
  std::vector<AttachmentView> attachments;
  std::vector<PersonRef> people;
};

// A matter's timeline (events with the actors' names, the people its diffs
// name), with what deciding access to it needs (kind, state, org, creator and
// assignee of `access`; nothing else is filled).
struct MatterService::CachedTimeline {
  Loaded access;
  Timeline timeline;
};

// Reads kept under the content version (read_cache.h). A page of a list is
// keyed by its statements and parameters, which hold the caller's scope.
struct MatterService::Caches {
  ReadCache<std::string, Page<MatterSummary>> lists{1024};
  ReadCache<int64_t, Snapshot> matters{8192};
  ReadCache<int64_t, CachedTimeline> timelines{8192};
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
inline constexpr size_t kSummaryColumnCount = 17;
inline constexpr const char* kSummaryJoins =
    " FROM matters m JOIN orgs o ON o.id = m.org_id LEFT JOIN users u ON u.id = m.assignee_id";

MatterSummary SummaryFromRow(const store::Row& r, const KindRegistry& kinds,
                             const calendar::Calendar* cal, const calendar::Date& today);
// A summary's light `today`: paused while suspended, else from the due date
// (none without a calendar). SetLight stores it in s->light.
Light SummaryLight(const MatterSummary& s, const KindRegistry& kinds, const calendar::Calendar* cal,
                   const calendar::Date& today);
void SetLight(MatterSummary* s, const KindRegistry& kinds, const calendar::Calendar* cal,
              const calendar::Date& today);

// The caller as seen after their own write: the content version read with
// their session is stale now, so reads check the version themselves.
inline identity::Principal AfterWrite(const identity::Principal& p) {
  identity::Principal fresh = p;
  fresh.content_version.reset();
  return fresh;
}

// The timeline event of a deadline recount after a calendar edit (not a
// possible action name: those have no '.').
inline constexpr const char* kRecountEvent = "deadline.recount";

// Writes one deadline row of a matter (replacing it).
Status SaveDeadline(store::Transaction& tx, int64_t matter_id, const DeadlineRecord& d);
// The earliest due date of the running deadlines (matters.due_on), or NULL.
store::Value EarliestDue(const std::vector<DeadlineRecord>& deadlines);

// The org a new matter of `kind` belongs to: the kind's handled_by org when
// it names one (a different requested org is a field error on orgId), else
// `requested`, else `fallback`. Error handling_org_missing when the handled_by
// code names no org.
Result<int64_t> HandlingOrg(store::Transaction& tx, const KindDef& kind, int64_t requested,
                            int64_t fallback, FieldErrors* errors);

// When `user_id` holds none of `roles` (and `roles` is not empty), the field
// error on `key`: `prefix` followed by the roles' names (法律顾问助理、…).
Status CheckHoldsRole(store::Transaction& tx, int64_t user_id, const std::vector<std::string>& roles,
                      const std::string& key, const std::string& prefix, FieldErrors* errors);

// The field error on "assignee" when `user_id` holds none of the action's
// assignee_roles.
Status CheckAssignee(store::Transaction& tx, const ActionDef& a, int64_t user_id, FieldErrors* errors);
// 回避: an error on "assignee" when the user did one of the action's
// excluding_actors_of on the matter (e.g. recused from it).
Status CheckNotRecused(store::Transaction& tx, const ActionDef& a, int64_t matter_id, int64_t user_id,
                       FieldErrors* errors);

// User ids held by the kind's user fields in `data`, and named by a stored
// diff (user fields and the assignee, before and after).
void UserIdsIn(const KindDef& kind, const Json& data, std::set<int64_t>* ids);
void UserIdsInDiff(const KindDef& kind, const std::string& diff, std::set<int64_t>* ids);
// Name and org of each existing user in `ids`, by id.
Result<std::vector<PersonRef>> PeopleByIds(store::Transaction& tx, const std::set<int64_t>& ids);

std::string KindVersionedStateLabel(const KindDef* kind, const std::string& state);

}  // namespace fazhi::engine
