// demo_builder: plays scripted matters through their kind definitions the
// way the matter engine does, in memory, and writes the resulting rows
// directly (matters, matter_events, matter_deadlines, matter_links,
// matter_search, number_sequences). Used to generate the demo county's past
// years, whose dates lie before the server's clock.
//
// What "the way the engine does" covers (engine/matter_write.cc): each step's
// action must leave the matter's current state; its required fields (and
// note / assignee) must be given; guards must find a linked matter of the
// named kind (built earlier) in one of the states; fields merge into `data`;
// the outcome field becomes `outcome`; the 文号 is assigned at `number_on`
// (sequence per org, kind and year of that action); assignment effects set
// the assignee; deadlines start, stop, suspend, resume and extend as defined;
// closed_at is set on entering a final state; version counts the writes; the
// timeline records each step with the field diff; search tokens cover the
// title and field values.
//
// Dates without calendar data (years before 2024): a deadline still starts
// and stops, but its due date stays empty ("" in matter_deadlines, NULL in
// matters.due_on), so on-time figures leave such matters out instead of
// guessing; extension, suspension and resumption need calendar data.
// Not written: audit records (generated history is nobody's action),
// parties and attachments.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "base/ids.h"
#include "base/result.h"
#include "calendar/calendar.h"
#include "engine/deadline_clock.h"
#include "engine/field_values.h"
#include "engine/kind.h"
#include "store/database.h"

namespace fazhi::metrics::demo {

struct Actor {
  int64_t id = 0;
  std::string username;
};

struct OrgRef {
  int64_t id = 0;
  std::string code, path, short_name, name;
};

// One action of a scripted matter. `minute` is minutes after local midnight;
// instants must not go backwards within a matter.
struct Step {
  std::string action;
  calendar::Date day;
  int minute = 9 * 60;
  Actor actor;
  engine::Json fields = engine::Json::object();
  std::string note;
  int64_t assignee = 0;
};

struct Script {
  const engine::KindDef* kind = nullptr;
  std::string title;
  const OrgRef* org = nullptr;  // the handling org
  Actor creator;
  calendar::Date received;
  int minute = 9 * 60;
  engine::Json fields = engine::Json::object();  // at creation
  std::vector<Step> steps;
};

// UTC epoch ms of a local (Asia/Shanghai) day and minute.
int64_t LocalInstant(const calendar::Date& day, int minute);

class Builder {
 public:
  // cal: the working-day calendar (years without data are handled as above).
  Builder(const calendar::Calendar& cal, IdGenerator& ids) : cal_(cal), ids_(ids) {}

  // Plays the script; returns the new matter's id. Errors (invalid_argument)
  // name the kind, the title and what does not fit the definition.
  Result<int64_t> Add(const Script& s);

  // Numbers every matter whose kind numbers it (文号 in the order of the
  // numbering actions' instants, per org, kind and year), then writes every
  // built matter. Call once, inside the caller's transaction.
  Status Write(store::Transaction& tx);

  size_t size() const { return matters_.size(); }
  // The state a built matter ended in ("" for an unknown id).
  std::string StateOf(int64_t id) const;

 private:
  struct Event {
    int64_t id = 0, at = 0, user_id = 0;
    std::string username, action, from, to, note;
    engine::Json diff;
  };
  // A numbering action waiting for its 文号 (see Write).
  struct Numbering {
    int64_t at = 0;
    size_t matter = 0, event = 0;
    const engine::KindDef* kind = nullptr;
    OrgRef org;
    int year = 0;
  };
  struct Built {
    int64_t id = 0, org_id = 0, creator_id = 0, assignee_id = 0;
    std::string kind, number, title, org_path, state, outcome;
    int kind_version = 1;
    int64_t received_at = 0, closed_at = 0, updated_at = 0, version = 1;
    int suspended_days = 0, extended_days = 0;
    bool numbered = false;
    engine::Json data;
    std::vector<engine::DeadlineRecord> deadlines;
    std::vector<Event> events;
    std::vector<std::pair<std::string, int64_t>> links;  // (field or "", to id)
  };

  Status Apply(const Script& s, const Step& step, Built* m);
  Status Deadlines(const engine::KindDef& kind, const engine::ActionDef& a, const calendar::Date& day,
                   Built* m);
  Status Start(const engine::DeadlineDef& def, const calendar::Date& day, const engine::Json& data,
               engine::DeadlineRecord* r) const;
  static std::string Format(const engine::KindDef& kind, const OrgRef& org, int year, int64_t seq);
  void AssignNumbers();
  Status CheckGuards(const engine::ActionDef& a, const Built& m, const calendar::Date& day, bool has_note) const;
  void Link(const engine::KindDef& kind, const engine::Json& fields, Built* m) const;

  const calendar::Calendar& cal_;
  IdGenerator& ids_;
  std::vector<Built> matters_;
  std::map<int64_t, size_t> index_;
  std::vector<Numbering> numbering_;
  std::map<std::tuple<int64_t, std::string, int>, int64_t> sequences_;
};

}  // namespace fazhi::metrics::demo
