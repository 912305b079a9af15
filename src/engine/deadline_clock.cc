#include "engine/deadline_clock.h"

#include <algorithm>

namespace fazhi::engine {

using calendar::Date;
using calendar::Unit;

namespace {

Unit UnitOf(const DeadlineDef& def) {
  Unit u = Unit::kWorkingDay;
  calendar::ParseUnit(def.unit, &u);
  return u;
}

Result<Date> ParseStored(const std::string& s) { return Date::Parse(s); }

}  // namespace

Date ChinaDate(int64_t epoch_ms) {
  int64_t ms = epoch_ms + 8LL * 3600 * 1000;
  int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  return Date::FromDays(days);
}

Status StartDeadline(const DeadlineDef& def, const calendar::Calendar& cal, const Date& today,
                     DeadlineRecord* r, int length) {
  if (length < 0) length = def.length;
  auto due = cal.Due(today, length, UnitOf(def));
  if (!due.ok()) return due.status();
  r->anchor_on = today.ToString();
  r->anchor_days = length;
  r->anchor_ext = 0;
  r->status = "running";
  r->started_on = today.ToString();
  r->due_on = due->ToString();
  r->suspended_on.clear();
  r->stopped_on.clear();
  r->remaining = 0;
  r->extended = 0;
  return Status::Ok();
}

Status SuspendDeadline(const DeadlineDef& def, const calendar::Calendar& cal, const Date& today,
                       DeadlineRecord* r) {
  if (r->status != "running") return Status("state_conflict", "期限未在计算中，不能中止");
  auto due = ParseStored(r->due_on);
  if (!due.ok()) return due.status();
  if (UnitOf(def) == Unit::kWorkingDay) {
    auto left = cal.WorkingDaysBetween(today, *due);
    if (!left.ok()) return left.status();
    r->remaining = std::max(0, left.value());
  } else {
    r->remaining = static_cast<int>(std::max<int64_t>(0, due->ToDays() - today.ToDays()));
  }
  r->status = "suspended";
  r->suspended_on = today.ToString();
  return Status::Ok();
}

Status ResumeDeadline(const DeadlineDef& def, const calendar::Calendar& cal, const Date& today,
                      DeadlineRecord* r, int* paused_days) {
  if (r->status != "suspended") return Status("state_conflict", "期限未中止，不能恢复");
  auto due = cal.Due(today, r->remaining, UnitOf(def));
  if (!due.ok()) return due.status();
  auto since = ParseStored(r->suspended_on);
  *paused_days = since.ok() ? static_cast<int>(today.ToDays() - since->ToDays()) : 0;
  r->status = "running";
  r->due_on = due->ToString();
  r->anchor_on = today.ToString();
  r->anchor_days = r->remaining;
  r->anchor_ext = 0;
  r->suspended_on.clear();
  r->remaining = 0;
  return Status::Ok();
}

Status ExtendDeadline(const DeadlineDef& def, const calendar::Calendar& cal, DeadlineRecord* r) {
  if (def.extendable <= 0) return Status("state_conflict", "该期限不可延期");
  if (r->extended > 0) return Status("state_conflict", "该期限已延期一次，不能再次延期");
  if (r->status != "running") return Status("state_conflict", "期限未在计算中，不能延期");
  auto due = ParseStored(r->due_on);
  if (!due.ok()) return due.status();
  auto extended = cal.Due(*due, def.extendable, UnitOf(def));
  if (!extended.ok()) return extended.status();
  r->due_on = extended->ToString();
  r->extended = def.extendable;
  r->anchor_ext = def.extendable;
  return Status::Ok();
}

void StartDatedDeadline(const Date& today, const std::string& due, DeadlineRecord* r) {
  r->status = "running";
  r->started_on = today.ToString();
  r->due_on = due;
  r->anchor_on.clear();
  r->anchor_days = r->anchor_ext = 0;
  r->suspended_on.clear();
  r->stopped_on.clear();
  r->remaining = 0;
  r->extended = 0;
}

bool PeriodElapsed(const DeadlineRecord& r, const Date& today) {
  if (r.status != "running" && r.status != "suspended") return true;
  if (r.status == "suspended") return false;
  auto due = Date::Parse(r.due_on);
  return !due.ok() || today >= *due;  // no due date (no calendar data): nothing to wait for
}

Status RecountDeadline(const DeadlineDef& def, const calendar::Calendar& cal, DeadlineRecord* r,
                       bool* changed) {
  *changed = false;
  if (r->status != "running" || r->anchor_on.empty()) return Status::Ok();
  auto anchor = ParseStored(r->anchor_on);
  if (!anchor.ok()) return anchor.status();
  auto due = cal.Due(*anchor, r->anchor_days, UnitOf(def));
  if (!due.ok()) return due.status();
  if (r->anchor_ext > 0) {
    due = cal.Due(*due, r->anchor_ext, UnitOf(def));
    if (!due.ok()) return due.status();
  }
  const std::string next = due->ToString();
  *changed = next != r->due_on;
  r->due_on = next;
  return Status::Ok();
}

Status ChangeDeadlineLength(const DeadlineDef& def, const calendar::Calendar& cal, int delta,
                            DeadlineRecord* r) {
  if (delta == 0) return Status::Ok();
  if (r->status == "suspended") {
    r->remaining = std::max(0, r->remaining + delta);
    return Status::Ok();
  }
  if (r->status != "running" || r->anchor_on.empty()) return Status::Ok();
  r->anchor_days = std::max(0, r->anchor_days + delta);
  bool changed = false;
  return RecountDeadline(def, cal, r, &changed);
}

void StopDeadline(const Date& today, DeadlineRecord* r) {
  if (r->status == "running" || r->status == "suspended") {
    r->status = "stopped";
    r->stopped_on = today.ToString();
  }
}

Light TrafficLight(const DeadlineRecord& r, int warn, const calendar::Calendar& cal,
                   const Date& today) {
  Light l;
  if (r.status == "suspended") {
    l.color = "paused";
    return l;
  }
  if (r.status != "running") return l;
  auto due = Date::Parse(r.due_on);
  if (!due.ok()) return l;
  if (today > *due) {
    l.color = "red";
  }
  if (cal.CanCount(today, *due)) {
    auto left = cal.WorkingDaysBetween(today, *due);
    if (left.ok()) {
      l.days_left = left.value();
      l.has_days = true;
    }
  }
  if (l.color != "red") l.color = (l.has_days && l.days_left <= warn) ? "yellow" : "green";
  return l;
}

}  // namespace fazhi::engine
