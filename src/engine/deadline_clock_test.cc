#include "engine/deadline_clock.h"

#include <gtest/gtest.h>

namespace fazhi::engine {
namespace {

using calendar::Date;

calendar::Calendar Cal2024() {
  calendar::Calendar cal;
  calendar::YearData y;
  y.year = 2024;
  for (int d = 1; d <= 7; ++d) y.holidays.insert(Date{2024, 10, d});
  y.makeup.insert(Date{2024, 9, 29});
  y.makeup.insert(Date{2024, 10, 12});
  EXPECT_TRUE(cal.SetYear(y).ok());
  return cal;
}

DeadlineDef Def(int length, const char* unit, int extendable = 0) {
  DeadlineDef d;
  d.name = "period";
  d.length = length;
  d.unit = unit;
  d.extendable = extendable;
  d.warn = 2;
  return d;
}

TEST(DeadlineClock, StartSuspendResumeExtendStop) {
  auto cal = Cal2024();
  auto def = Def(7, "working_day", 7);
  DeadlineRecord r;
  ASSERT_TRUE(StartDeadline(def, cal, Date{2024, 9, 26}, &r).ok());
  // 9/27 F, 9/29 Su (make-up), 9/30 M, 10/8 Tu, 10/9, 10/10, 10/11 → 7th = 10/11.
  EXPECT_EQ(r.due_on, "2024-10-11");
  ASSERT_TRUE(SuspendDeadline(def, cal, Date{2024, 9, 30}, &r).ok());
  EXPECT_EQ(r.remaining, 4);  // 10/8, 10/9, 10/10, 10/11 remain after 9/30
  EXPECT_EQ(TrafficLight(r, 2, cal, Date{2024, 10, 1}).color, "paused");
  int paused = 0;
  ASSERT_TRUE(ResumeDeadline(def, cal, Date{2024, 10, 14}, &r, &paused).ok());
  EXPECT_EQ(paused, 14);
  EXPECT_EQ(r.due_on, "2024-10-18");  // 4 working days after Mon 10/14
  ASSERT_TRUE(ExtendDeadline(def, cal, &r).ok());
  EXPECT_EQ(r.due_on, "2024-10-29");  // +7 working days
  EXPECT_EQ(ExtendDeadline(def, cal, &r).code(), "state_conflict");  // only once
  StopDeadline(Date{2024, 10, 20}, &r);
  EXPECT_EQ(r.status, "stopped");
  EXPECT_EQ(TrafficLight(r, 2, cal, Date{2024, 12, 1}).color, "none");
}

TEST(DeadlineClock, CalendarDaysEndOnWorkingDay) {
  auto cal = Cal2024();
  DeadlineRecord r;
  ASSERT_TRUE(StartDeadline(Def(10, "calendar_day"), cal, Date{2024, 9, 22}, &r).ok());
  EXPECT_EQ(r.due_on, "2024-10-08");  // 10/2 is a holiday
}

TEST(DeadlineClock, TrafficLights) {
  auto cal = Cal2024();
  DeadlineRecord r;
  r.status = "running";
  r.due_on = "2024-11-15";  // Friday
  EXPECT_EQ(TrafficLight(r, 2, cal, Date{2024, 11, 1}).color, "green");
  auto y = TrafficLight(r, 2, cal, Date{2024, 11, 13});
  EXPECT_EQ(y.color, "yellow");
  EXPECT_EQ(y.days_left, 2);
  auto red = TrafficLight(r, 2, cal, Date{2024, 11, 18});
  EXPECT_EQ(red.color, "red");
  EXPECT_LT(red.days_left, 0);
}

TEST(DeadlineClock, MissingYearIsAnError) {
  auto cal = Cal2024();
  DeadlineRecord r;
  EXPECT_EQ(StartDeadline(Def(5, "working_day"), cal, Date{2025, 3, 3}, &r).code(), "calendar_missing");
}

// The anchor: where the due date was counted from, so that it can be
// counted again when the calendar is edited.
TEST(DeadlineClock, RecountFollowsACalendarEdit) {
  auto cal = Cal2024();
  auto def = Def(7, "working_day", 7);
  DeadlineRecord r;
  ASSERT_TRUE(StartDeadline(def, cal, Date{2024, 9, 26}, &r).ok());
  EXPECT_EQ(r.anchor_on, "2024-09-26");
  EXPECT_EQ(r.anchor_days, 7);
  bool changed = true;
  ASSERT_TRUE(RecountDeadline(def, cal, &r, &changed).ok());
  EXPECT_FALSE(changed);  // same calendar, same due date
  EXPECT_EQ(r.due_on, "2024-10-11");

  // 10/12 is no longer a make-up workday and 10/10 becomes a rest day.
  calendar::Calendar edited;
  calendar::YearData y = *cal.Year(2024);
  y.makeup.erase(Date{2024, 10, 12});
  y.holidays.insert(Date{2024, 10, 10});
  ASSERT_TRUE(edited.SetYear(y).ok());
  ASSERT_TRUE(RecountDeadline(def, edited, &r, &changed).ok());
  EXPECT_TRUE(changed);
  EXPECT_EQ(r.due_on, "2024-10-14");  // 9/27, 9/29, 9/30, 10/8, 10/9, 10/11, 10/14

  // After an extension the recount keeps it: Due(Due(anchor, 7), 7).
  ASSERT_TRUE(ExtendDeadline(def, edited, &r).ok());
  EXPECT_EQ(r.due_on, "2024-10-23");
  ASSERT_TRUE(RecountDeadline(def, cal, &r, &changed).ok());
  EXPECT_EQ(r.due_on, "2024-10-21");  // 10/11 + 7 under the original calendar (10/12 works)

  // After a suspension the anchor is the resumption day with what remained.
  ASSERT_TRUE(SuspendDeadline(def, cal, Date{2024, 10, 15}, &r).ok());
  ASSERT_TRUE(RecountDeadline(def, edited, &r, &changed).ok());
  EXPECT_FALSE(changed);  // a suspended period keeps its remaining units
  int paused = 0;
  ASSERT_TRUE(ResumeDeadline(def, cal, Date{2024, 10, 21}, &r, &paused).ok());
  EXPECT_EQ(r.anchor_on, "2024-10-21");
  EXPECT_EQ(r.anchor_days, 4);  // 10/16, 10/17, 10/18, 10/21 remained at the suspension
  EXPECT_EQ(r.anchor_ext, 0);   // the extension is inside those 4 days now
  EXPECT_EQ(r.due_on, "2024-10-25");
  ASSERT_TRUE(RecountDeadline(def, cal, &r, &changed).ok());
  EXPECT_FALSE(changed);

  // Periods from before anchors were kept, and stopped ones, are left alone.
  DeadlineRecord old;
  old.status = "running";
  old.due_on = "2024-10-11";
  ASSERT_TRUE(RecountDeadline(def, edited, &old, &changed).ok());
  EXPECT_FALSE(changed);
  StopDeadline(Date{2024, 10, 25}, &r);
  ASSERT_TRUE(RecountDeadline(def, edited, &r, &changed).ok());
  EXPECT_FALSE(changed);
}

TEST(DeadlineClock, LengthChangeMovesARunningOrSuspendedPeriod) {
  auto cal = Cal2024();
  auto def = Def(15, "working_day");
  DeadlineRecord r;
  ASSERT_TRUE(StartDeadline(def, cal, Date{2024, 11, 4}, &r, 10).ok());  // length for the category
  EXPECT_EQ(r.due_on, "2024-11-18");
  ASSERT_TRUE(ChangeDeadlineLength(def, cal, 5, &r).ok());  // category corrected: 10 -> 15
  EXPECT_EQ(r.anchor_days, 15);
  EXPECT_EQ(r.due_on, "2024-11-25");
  ASSERT_TRUE(ChangeDeadlineLength(def, cal, -20, &r).ok());  // never before the anchor
  EXPECT_EQ(r.due_on, "2024-11-04");
  ASSERT_TRUE(ChangeDeadlineLength(def, cal, 15, &r).ok());
  ASSERT_TRUE(SuspendDeadline(def, cal, Date{2024, 11, 11}, &r).ok());
  EXPECT_EQ(r.remaining, 10);
  ASSERT_TRUE(ChangeDeadlineLength(def, cal, -5, &r).ok());
  EXPECT_EQ(r.remaining, 5);
  DeadlineRecord pending;
  ASSERT_TRUE(ChangeDeadlineLength(def, cal, 5, &pending).ok());
  EXPECT_EQ(pending.status, "pending");
  EXPECT_EQ(pending.due_on, "");
}

TEST(DeadlineClock, PeriodElapsed) {
  auto cal = Cal2024();
  DeadlineRecord r;
  EXPECT_TRUE(PeriodElapsed(r, Date{2024, 11, 4}));  // pending: nothing to wait for
  ASSERT_TRUE(StartDeadline(Def(7, "working_day"), cal, Date{2024, 11, 4}, &r).ok());
  EXPECT_EQ(r.due_on, "2024-11-13");
  EXPECT_FALSE(PeriodElapsed(r, Date{2024, 11, 12}));
  EXPECT_TRUE(PeriodElapsed(r, Date{2024, 11, 13}));
  EXPECT_TRUE(PeriodElapsed(r, Date{2024, 12, 1}));
  ASSERT_TRUE(SuspendDeadline(Def(7, "working_day"), cal, Date{2024, 11, 20}, &r).ok());
  EXPECT_FALSE(PeriodElapsed(r, Date{2024, 12, 1}));
  StopDeadline(Date{2024, 11, 6}, &r);
  EXPECT_TRUE(PeriodElapsed(r, Date{2024, 11, 6}));
}

TEST(DeadlineClock, ChinaDate) {
  // 2024-01-01T16:30:00Z is 2024-01-02 00:30 in Beijing.
  EXPECT_EQ(ChinaDate(1704126600000).ToString(), "2024-01-02");
  EXPECT_EQ(ChinaDate(1704067200000).ToString(), "2024-01-01");
}

}  // namespace
}  // namespace fazhi::engine
