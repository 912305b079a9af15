// bench_generator: the synthetic, deterministic dataset behind `fazhi
// bench-data` and the benchmarks of QUALITY.md (W1–W8): orgs, submitting
// staff and matters of every loaded kind spread over ten years, each with
// its timeline, its deadlines and its search tokens. Pure: no I/O, no wall
// clock; the caller writes the rows (see app/bench_data_command.h).
//
// Determinism: the same seed, total and GeneratorSetup give the same rows,
// whatever the batch sizes passed to Next(). Generated ids come from a
// reserved range (ReservedIds) that live id generators never produce, so
// generated rows never collide with rows the server writes later.
//
// What the data look like:
//  - received_at from 2017-01-01 to kAsOf (volume growing ~2x over the
//    decade), on working days, 08:30–17:30 China time; matters come in order
//    of receipt and their ids follow that order. Kinds are equally likely.
//  - titles and subjects: realistic wording per known kind (合法性审查, 规范性
//    文件, 备案审查, 重大行政决策, 法律顾问 …), a generic "关于…的<label>" else.
//  - each matter walks its kind's actions from the initial state: mostly the
//    "forward" action (the one leading to the nearest later declared state),
//    now and then another (e.g. 退回); stay actions (effect none or extend,
//    e.g. 申请延期, 采纳情况反馈) come in where the likely rest of the path
//    keeps the timeline at 7 events or fewer (the test kind: 1–7). Steps are
//    0–6 working days apart; a step that would fall after kAsOf is not
//    taken, so recent matters are open and old ones final (plus ~0.4% stuck
//    open at an earlier step). Actions with guards are taken only when
//    nothing else leaves a state (links are not generated).
//  - fields: required ones always, optional ones ~60% of the time (fields an
//    action sets only when that action happens), by type and by what the key
//    or label says (names, 文号, meetings, start/end dates, years …); enums
//    match the title's category when the kind offers it; org and user fields
//    name the GeneratorSetup's orgs and staff. Party fields are filled only
//    when required and then only in masked form (no clear personal data is
//    ever generated, no matter_parties rows); attachment and matter_link
//    fields stay empty.
//  - deadlines follow the kind's definitions (start, extend, stop). Due dates
//    use the working-day calendar where it has the years (2024–2026); for the
//    historical rows a weekday-only fallback (Monday–Friday are working days)
//    is used instead. `deadlines` holds a matter's records only when one of
//    them is still running; due_on is the earliest running due date.
//  - 文号 per (org, kind, year of the numbering action), like the service.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "calendar/calendar.h"
#include "engine/deadline_clock.h"
#include "engine/kind.h"

namespace fazhi::engine::bench {

// 2026-11-20 00:00 China time: nothing generated happens at or after it.
inline constexpr int64_t kAsOfMs = 1795132800000 - 8LL * 3600 * 1000;
// 2017-01-01 00:00 China time.
inline constexpr int64_t kStartMs = 1483228800000 - 8LL * 3600 * 1000;

// Ids for generated rows: node 1023 and the first milliseconds after the id
// epoch (2024-01-01T00:00:00Z), a moment long past for any live generator.
// 4096 ids per millisecond; 1 billion ids span ~68 hours of that past.
class ReservedIds {
 public:
  int64_t Next() {
    const int64_t k = next_++;
    return ((k >> 12) << 22) | (int64_t{1023} << 12) | (k & 0xFFF);
  }
  int64_t count() const { return next_; }

 private:
  int64_t next_ = 0;
};

struct BenchOrg {
  int64_t id = 0, parent_id = 0;
  std::string code, name, short_name, type, path;
};

struct BenchUser {
  int64_t id = 0, org_id = 0;
  std::string username, display_name;
  std::vector<std::string> roles;
};

// The 100 departments, townships and offices of the benchmark county, under
// `parent` (the demo county government). Codes BD-001 … BD-100; paths extend
// parent.path. Deterministic (no randomness).
std::vector<BenchOrg> MakeOrgs(const BenchOrg& parent, ReservedIds* ids);

// One submitting clerk (报送人) per org, bd001 …, with a generated Chinese name
// and no roles. The caller stores them disabled with an unusable password.
std::vector<BenchUser> MakeSubmitters(const std::vector<BenchOrg>& orgs, uint64_t seed,
                                      ReservedIds* ids);

struct HandlingOrg {
  BenchOrg org;
  double weight = 1;                 // share of matters handled here
  std::vector<BenchUser> creators;   // who submits them (one picked at random)
};

struct GeneratorSetup {
  std::vector<const KindDef*> kinds;  // every loaded kind; matters spread evenly
  std::vector<HandlingOrg> handling;  // REQUIRES: non-empty, each with a creator
  std::vector<BenchOrg> all_orgs;     // values of org fields (submitting unit ...)
  std::vector<BenchUser> staff;       // act by role; values of user fields; assignees
  const calendar::Calendar* calendar = nullptr;  // may be null: weekday fallback only
};

struct GeneratedEvent {
  int64_t id = 0, at = 0, user_id = 0;
  int seq = 0;
  std::string username, action, from_state, to_state, note, diff;
};

struct GeneratedMatter {
  int64_t id = 0, org_id = 0, creator_id = 0, assignee_id = 0;
  std::string kind;
  int kind_version = 1;
  std::string number, title, org_path, state, outcome;
  std::string due_on;       // "" = NULL
  int64_t received_at = 0, closed_at = 0, created_at = 0, updated_at = 0;  // closed_at 0 = NULL
  int extended_days = 0;
  int64_t version = 1;      // 1 + number of actions
  std::string data;         // JSON object text
  std::string tokens;       // IndexTokens(title + field display texts)
  std::vector<GeneratedEvent> events;     // seq 1 = create
  std::vector<DeadlineRecord> deadlines;  // empty unless one is running
};

class MatterGenerator {
 public:
  // REQUIRES: setup.kinds and setup.handling non-empty; total > 0.
  MatterGenerator(GeneratorSetup setup, uint64_t seed, int64_t total, ReservedIds* ids);

  // The next min(count, remaining) matters, in order of receipt.
  std::vector<GeneratedMatter> Next(int64_t count);
  int64_t produced() const { return produced_; }

  // Highest 文号 sequence used per (org id, kind, year): rows for
  // number_sequences so live numbering continues after them.
  const std::map<std::tuple<int64_t, std::string, int>, int64_t>& sequences() const {
    return sequences_;
  }

 private:
  GeneratedMatter One(int64_t index);
  std::string Tokens(const std::vector<std::string>& parts);

  GeneratorSetup setup_;
  std::mt19937_64 rng_;
  int64_t total_ = 0, produced_ = 0;
  ReservedIds* ids_;
  std::vector<double> cumulative_weight_;
  std::map<std::tuple<int64_t, std::string, int>, int64_t> sequences_;
  std::map<const KindDef*, std::set<std::string>> action_fields_;  // set by actions, not at creation
  std::unordered_map<std::string, std::vector<uint64_t>> token_cache_;  // see Tokens()
};

// Due date of a period with the calendar where it has the years involved,
// else counting Monday–Friday as working days (historical rows only).
calendar::Date DueWithFallback(const calendar::Calendar* cal, const calendar::Date& start, int n,
                               calendar::Unit unit);

}  // namespace fazhi::engine::bench
