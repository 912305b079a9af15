// demo_year: the demo county's past two years (`serve --demo`), generated
// from a fixed seed as records — matters with their timelines, deadlines,
// links, numbers and search tokens — so that the metrics compute the
// figures of the reference report from them:
//
//   2024: reviews issued 75 权责清单/三定规定, 95 政策文件, 57 行政协议 (+3 重大
//         行政决策, +3 行政规范性文件) = 233 审查意见书; 10 normative documents
//         issued, each reviewed and filed (审核率, 报备率 100 %); 10 备案审查;
//         cleanup 废止 2, 宣布失效 4; 3 items on the decision catalogue, all
//         through their procedure; 312 counsel opinions, 89 meetings and
//         trainings.
//   2023: a smaller year of the same shape, for year-on-year comparison.
//
// Every count comes from generating that many matters, each played through
// its kind definition (demo_builder.h); dates fall on working days (the
// official calendar for 2024–2026, Monday–Friday before 2024, where due
// dates stay empty). Legacy documents of 2021–2022 exist so that 2023 and
// 2024 have something to clean up.
//
// Generated matters are the demo's, not anybody's work: no audit records are
// written, and app_meta key `demo_year_seeded` (value: the number of matters
// and the time of seeding) marks the database; SeedDemoYears does nothing
// when it is present. Needs the demo county (identity/demo.yaml: orgs GOV,
// JUS, JUS-LR, SCJG, STHJ, ZRZY, ZJJ, JYJ, CGZ, LAW1; users clerk, chief,
// counsel, unit, leader, undertaker, filer) and the kinds legality_review,
// normative_document, filing_review, major_decision, counsel_work and
// counsel_contract; anything missing is an error naming it.
#pragma once

#include <cstdint>

#include "base/clock.h"
#include "base/ids.h"
#include "base/result.h"
#include "calendar/calendar.h"
#include "engine/matter_service.h"
#include "store/database.h"

namespace fazhi::metrics {

inline constexpr char kDemoYearKey[] = "demo_year_seeded";

// Seeds once; returns the number of matters created (0 when already seeded).
// One write transaction: all or nothing.
Result<int64_t> SeedDemoYears(store::Database& db, const engine::KindRegistry& kinds, const calendar::Calendar& cal,
                              IdGenerator& ids, const Clock& clock);

}  // namespace fazhi::metrics
