// CalendarStore: the working-day calendar as kept in the database
// (calendar_days, migration 0004), with an immutable in-memory snapshot for
// the period arithmetic.
//
// The shipped definitions (definitions/calendar/*.yaml) seed years the
// database does not have yet; after that the database is the truth, and the
// system admin edits a year through SetYear (audited). A year is present when
// it has at least one row; every official year lists 元旦, so SetYear and the
// seed refuse a year without holidays (it could not be told from a missing one).
//
// Threading: every method may be called from any thread. Current() is cheap
// (a shared_ptr copy under a mutex); callers keep using the snapshot they got
// even while an edit swaps in a new one. SetYear, Reload and
// SeedFromDefinitions are serialised among themselves.
//
// Several app nodes on one PostgreSQL: an edit on one node reaches the others
// at their next Reload() (the server calls it periodically); version() tells
// callers the snapshot changed.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "base/clock.h"
#include "base/result.h"
#include "calendar/calendar.h"
#include "identity/principal.h"
#include "store/database.h"

namespace fazhi::calendar {

class CalendarStore {
 public:
  // db, audit and clock must outlive the store. The snapshot starts empty
  // (every date is calendar_missing) until Reload or SeedFromDefinitions.
  CalendarStore(store::Database& db, const audit::AuditLog& audit, const Clock& clock);

  CalendarStore(const CalendarStore&) = delete;
  CalendarStore& operator=(const CalendarStore&) = delete;

  // Inserts each year of `years` that has no rows in the database, in one
  // write transaction; years already present are left exactly as they are
  // (admin edits are never overwritten). Safe when several nodes seed at
  // once. Not audited: it installs shipped data, it is no one's edit. Then
  // reloads. Errors: validation_failed (a year that fails Calendar::SetYear
  // or lists no holidays; nothing is written), database errors.
  Status SeedFromDefinitions(const std::vector<YearData>& years);

  // Reads every year from the database and swaps in a new snapshot; bumps
  // version() when the data differ from the current snapshot. On error (a
  // database error, or rows that fail validation: code "invalid_definition")
  // the current snapshot stays.
  Status Reload();

  // The current snapshot; never null.
  std::shared_ptr<const Calendar> Current() const;

  // Replaces one year (its holidays and make-up workdays) for `actor`,
  // validated as Calendar::SetYear does and refused without holidays
  // (validation_failed). In one write transaction: the year's rows are
  // replaced and an audit record is appended (action "calendar.update",
  // object "calendar:YYYY", detail with the old and new counts). Then the
  // snapshot is swapped and version() bumped. On any error nothing changes.
  Status SetYear(const identity::Principal& actor, const std::string& ip, const YearData& data);

  // Starts at 0; +1 on each change of the snapshot. Deadline holders compare
  // it with the version they computed under to know when to recompute.
  int64_t version() const { return version_.load(); }

  // What else must change with an edit of the calendar (the engine's running
  // deadlines): runs inside SetYear's transaction with the edited calendar,
  // before the audit record; returns the ids of the records it changed, which
  // the audit record lists. Set once at start-up, before serving.
  using EditHook = std::function<Result<std::vector<int64_t>>(
      store::Transaction&, const Calendar& edited, const identity::Principal& actor)>;
  void OnEdit(EditHook hook) { on_edit_ = std::move(hook); }

 private:
  // Loads all rows; REQUIRES: edit_mu_ held.
  Result<Calendar> LoadAll();
  Status ReloadLocked();
  // Swaps in `next` and bumps the version when it differs; REQUIRES: edit_mu_ held.
  void Publish(Calendar next);

  store::Database& db_;
  const audit::AuditLog& audit_;
  const Clock& clock_;

  std::mutex edit_mu_;  // serialises Seed/Reload/SetYear
  mutable std::mutex snapshot_mu_;
  std::shared_ptr<const Calendar> snapshot_;  // GUARDED_BY(snapshot_mu_)
  std::atomic<int64_t> version_{0};
  EditHook on_edit_;
};

}  // namespace fazhi::calendar
