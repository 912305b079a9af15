// Counting running deadlines again after the working-day calendar changed
// (a system admin corrected a holiday or a make-up workday): every running
// period with an anchor gets its due date counted again under the new
// calendar, inside the calendar edit's transaction, with a timeline event on
// each matter whose due date moved.
#include "engine/matter_internal.h"

namespace fazhi::engine {

using store::Transaction;

Result<std::vector<int64_t>> MatterService::RecountDeadlines(Transaction& tx, const calendar::Calendar& cal,
                                                             const identity::Principal& actor) {
  auto ids = tx.Query(
      "SELECT DISTINCT matter_id FROM matter_deadlines WHERE status = 'running' AND anchor_on <> '' "
      "ORDER BY matter_id",
      {});
  if (!ids.ok()) return ids.status();
  std::vector<int64_t> moved;
  const int64_t now = clock_.NowMs();
  for (const auto& row : ids->rows) {
    const int64_t id = row.Int(0);
    auto m = Load(tx, id);
    if (!m.ok()) {
      if (m.status().code() == "not_found") continue;  // a kind no longer defined
      return m.status();
    }
    Json diff = Json::object();
    for (auto& d : m->deadlines) {
      const DeadlineDef* def = m->kind->Deadline(d.name);
      if (!def) continue;
      const std::string old_due = d.due_on;
      bool changed = false;
      FAZHI_RETURN_IF_ERROR(RecountDeadline(*def, cal, &d, &changed));
      if (!changed) continue;
      diff["deadline." + d.name] = Json::array({old_due, d.due_on});
      FAZHI_RETURN_IF_ERROR(SaveDeadline(tx, id, d));
    }
    if (diff.empty()) continue;
    auto r = tx.Exec("UPDATE matters SET due_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
                     {EarliestDue(m->deadlines), now, id});
    if (!r.ok()) return r.status();
    FAZHI_RETURN_IF_ERROR(
        AppendEvent(tx, actor, id, kRecountEvent, m->state, m->state, "工作日历调整，期限重新计算", diff));
    moved.push_back(id);
  }
  return moved;
}

}  // namespace fazhi::engine
