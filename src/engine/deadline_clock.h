// deadline_clock: how one statutory period of a matter moves when actions
// happen. Pure: the calendar and "today" come in as arguments.
//
//  start   : started_on = today, due = Due(today, length, unit)
//  suspend : remaining = units left after today (working days or calendar
//            days), the clock stops (中止)
//  resume  : due = Due(today, remaining, unit) — the clock restarts (恢复)
//  extend  : once, due = Due(due, extendable, unit) (延期, after approval)
//  stop    : the period is over (its end action happened)
//
// A running period remembers where its due date was counted from (the
// anchor: start day or resumption day, the units counted from it, and an
// extension granted since), so that the due date can be counted again when
// the calendar is edited (RecountDeadline) or the length that applies to the
// matter changes (ChangeDeadlineLength).
#pragma once

#include <string>

#include "base/result.h"
#include "calendar/calendar.h"
#include "engine/kind.h"

namespace fazhi::engine {

struct DeadlineRecord {
  std::string name;
  std::string status = "pending";  // pending | running | suspended | stopped
  std::string started_on, due_on, suspended_on, stopped_on;
  int remaining = 0;
  int extended = 0;  // days added by the (single) extension
  std::string anchor_on;  // "" for periods started before anchors were kept
  int anchor_days = 0;    // units counted from anchor_on
  int anchor_ext = 0;     // units added after that (an extension since the anchor)
};

// length: the units that apply to this matter (DeadlineDef::LengthFor); -1
// means def.length.
Status StartDeadline(const DeadlineDef& def, const calendar::Calendar& cal,
                     const calendar::Date& today, DeadlineRecord* r, int length = -1);
Status SuspendDeadline(const DeadlineDef& def, const calendar::Calendar& cal,
                       const calendar::Date& today, DeadlineRecord* r);
Status ResumeDeadline(const DeadlineDef& def, const calendar::Calendar& cal,
                      const calendar::Date& today, DeadlineRecord* r, int* paused_days);
Status ExtendDeadline(const DeadlineDef& def, const calendar::Calendar& cal, DeadlineRecord* r);
void StopDeadline(const calendar::Date& today, DeadlineRecord* r);
// A period whose due date is a date the matter holds (due_field): running from
// today with due_on = `due` ("YYYY-MM-DD"; checked by the field's validation).
// No anchor: the date is data, not counted, so calendar edits leave it.
void StartDatedDeadline(const calendar::Date& today, const std::string& due, DeadlineRecord* r);
// An `elapsed` guard: true when the period is pending or stopped, or running
// with today on or after its due date (or without a due date) — a minimum
// period (征求意见不少于…) is over. A suspended period has not elapsed.
bool PeriodElapsed(const DeadlineRecord& r, const calendar::Date& today);

// Counts a running period's due date again from its anchor under `cal`;
// *changed tells whether due_on moved. Periods that are not running or have
// no anchor are left alone.
Status RecountDeadline(const DeadlineDef& def, const calendar::Calendar& cal, DeadlineRecord* r,
                       bool* changed);
// The length that applies changed by `delta` units (e.g. the category that
// chooses it was corrected): a running period moves its due date, a suspended
// one its remaining units (never below 0); pending and stopped ones are left.
Status ChangeDeadlineLength(const DeadlineDef& def, const calendar::Calendar& cal, int delta,
                            DeadlineRecord* r);

// 红/黄/绿: "red" overdue, "yellow" due within warn working days, "green",
// "paused" while suspended, "none" when not running. days_left: working days
// from today to due (negative when overdue).
struct Light {
  std::string color = "none";
  int days_left = 0;
  bool has_days = false;
};
Light TrafficLight(const DeadlineRecord& r, int warn, const calendar::Calendar& cal,
                   const calendar::Date& today);

// Today's date in China Standard Time (UTC+8) for an instant in ms.
calendar::Date ChinaDate(int64_t epoch_ms);

}  // namespace fazhi::engine
