#include "engine/bench_generator.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/ids.h"
#include "engine/bench_text.h"
#include "engine/field_values.h"
#include "engine/text_index.h"

namespace fazhi::engine::bench {

using calendar::Date;
using calendar::Unit;

namespace {

using namespace text;  // NOLINT: Below, Chance … and the wording helpers

bool IsWorkingDay(const calendar::Calendar* cal, const Date& d) {
  if (cal && cal->HasYear(d.year)) {
    auto w = cal->IsWorkingDay(d);
    if (w.ok()) return w.value();
  }
  return !d.IsWeekend();
}

Date OnOrAfterWorkingDay(const calendar::Calendar* cal, Date d) {
  while (!IsWorkingDay(cal, d)) d = d.AddDays(1);
  return d;
}

Date AddWorkingDays(const calendar::Calendar* cal, Date d, int n) {
  for (int i = 0; i < n; ++i) d = OnOrAfterWorkingDay(cal, d.AddDays(1));
  return d;
}

int64_t DayStartMs(const Date& d) { return d.ToDays() * 86400000 - 8LL * 3600 * 1000; }

// A moment of office hours (08:30–17:30 China time) on day d.
int64_t OfficeTime(std::mt19937_64& rng, const Date& d) {
  return DayStartMs(d) + 8LL * 3600 * 1000 + 1800 * 1000 + static_cast<int64_t>(Below(rng, 9ULL * 3600 * 1000));
}

std::string FormatNumber(const KindDef& kind, const BenchOrg& org, int year, int64_t seq) {
  std::string out;
  const std::string& pat = kind.number_pattern;
  for (size_t i = 0; i < pat.size();) {
    if (pat[i] != '{') {
      out += pat[i++];
      continue;
    }
    const size_t end = pat.find('}', i);
    if (end == std::string::npos) break;
    const std::string key = pat.substr(i + 1, end - i - 1);
    if (key == "year") out += std::to_string(year);
    else if (key == "org.short") out += org.short_name;
    else if (key == "org.code") out += org.code;
    else if (key == "kind.label") out += kind.label;
    else if (key == "seq") out += std::to_string(seq);
    else if (key.rfind("seq:", 0) == 0) {
      std::string digits = std::to_string(seq);
      const int width = std::atoi(key.substr(4).c_str());
      if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
      out += digits;
    }
    i = end + 1;
  }
  return out;
}

int StateIndex(const KindDef& kind, const std::string& state) {
  for (size_t i = 0; i < kind.states.size(); ++i)
    if (kind.states[i].name == state) return static_cast<int>(i);
  return -1;
}

bool From(const ActionDef& a, const std::string& state) {
  return std::find(a.from.begin(), a.from.end(), state) != a.from.end();
}

bool HasRole(const BenchUser& u, const std::vector<std::string>& roles) {
  for (const auto& r : u.roles)
    if (std::find(roles.begin(), roles.end(), r) != roles.end()) return true;
  return false;
}

// The test kind's full path is 6 events (create + 5 transitions); one stay
// action (申请延期, 采纳情况反馈 …) may come on top.
constexpr size_t kMaxEvents = 7;

// Actions that change the state from `state`; guarded ones only when nothing
// else leaves it (their links are not generated).
std::vector<const ActionDef*> Moves(const KindDef& kind, const std::string& state) {
  std::vector<const ActionDef*> moves;
  for (int pass = 0; pass < 2 && moves.empty(); ++pass)
    for (const auto& a : kind.actions)
      if (From(a, state) && !a.to.empty() && a.to != state && (pass == 1 || a.guards.empty())) moves.push_back(&a);
  return moves;
}

// The move to the nearest later declared state (the "happy path"), or null.
const ActionDef* Forward(const KindDef& kind, const std::string& state, const std::vector<const ActionDef*>& moves) {
  const int here = StateIndex(kind, state);
  const ActionDef* best = nullptr;
  for (const auto* a : moves) {
    const int to = StateIndex(kind, a->to);
    if (to > here && (!best || to < StateIndex(kind, best->to))) best = a;
  }
  return best;
}

// Transitions along forward moves from `state` to a final state (0 when final).
size_t ForwardDistance(const KindDef& kind, std::string state) {
  size_t n = 0;
  while (!kind.IsFinal(state) && n < 32) {
    const ActionDef* f = Forward(kind, state, Moves(kind, state));
    if (!f) break;
    state = f->to;
    ++n;
  }
  return n;
}

}  // namespace

Date DueWithFallback(const calendar::Calendar* cal, const Date& start, int n, Unit unit) {
  if (cal) {
    auto due = cal->Due(start, n, unit);
    if (due.ok()) return due.value();
  }
  if (unit == Unit::kWorkingDay) return n == 0 ? OnOrAfterWorkingDay(cal, start) : AddWorkingDays(cal, start, n);
  return OnOrAfterWorkingDay(cal, start.AddDays(n));
}

MatterGenerator::MatterGenerator(GeneratorSetup setup, uint64_t seed, int64_t total, ReservedIds* ids)
    : setup_(std::move(setup)), rng_(seed), total_(total), ids_(ids) {
  double sum = 0;
  for (const auto& h : setup_.handling) cumulative_weight_.push_back(sum += h.weight);
  for (const KindDef* k : setup_.kinds)
    for (const auto& a : k->actions) {
      action_fields_[k].insert(a.require.begin(), a.require.end());
      action_fields_[k].insert(a.fields.begin(), a.fields.end());
    }
}

std::vector<GeneratedMatter> MatterGenerator::Next(int64_t count) {
  std::vector<GeneratedMatter> out;
  const int64_t n = std::min(count, total_ - produced_);
  out.reserve(static_cast<size_t>(std::max<int64_t>(0, n)));
  for (int64_t i = 0; i < n; ++i) out.push_back(One(produced_++));
  return out;
}

GeneratedMatter MatterGenerator::One(int64_t index) {
  std::mt19937_64& rng = rng_;
  const calendar::Calendar* cal = setup_.calendar;
  const KindDef& kind = *setup_.kinds[Below(rng, setup_.kinds.size())];
  GeneratedMatter m;
  m.id = ids_->Next();
  m.kind = kind.kind;
  m.kind_version = kind.version;

  // Receipt: volume grows linearly to twice the first year's by the end.
  const double x = (static_cast<double>(index) + Unit01(rng)) / static_cast<double>(total_);
  const double t = (-1 + std::sqrt(1 + 2 * x * 1.5));  // inverse of (t + t²/2) / 1.5
  const Date last_day = ChinaDate(kAsOfMs - 1);
  Date day = OnOrAfterWorkingDay(cal, ChinaDate(kStartMs + static_cast<int64_t>(t * (kAsOfMs - kStartMs))));
  if (day > last_day) day = last_day;
  int64_t at = OfficeTime(rng, day);
  m.received_at = m.created_at = at;

  const double w = Unit01(rng) * cumulative_weight_.back();
  const size_t h = std::min<size_t>(
      std::lower_bound(cumulative_weight_.begin(), cumulative_weight_.end(), w) - cumulative_weight_.begin(),
      setup_.handling.size() - 1);
  const HandlingOrg& handling = setup_.handling[h];
  m.org_id = handling.org.id;
  m.org_path = handling.org.path;
  const BenchUser& creator = handling.creators[Below(rng, handling.creators.size())];
  m.creator_id = creator.id;

  const TitleParts title = MakeTitle(rng, kind, setup_.all_orgs, day.year);
  m.title = title.title;

  // Fields set by actions are left to them.
  const std::set<std::string>& by_actions = action_fields_[&kind];
  Json data = Json::object(), diff = Json::object();
  for (const auto& f : kind.fields) {
    if (!f.required && (by_actions.count(f.key) || !Chance(rng, 0.6))) continue;
    Json v = FieldValue(rng, f, title, setup_, day);
    if (v.is_null()) continue;
    diff[f.key] = Json::array({nullptr, v});
    data[f.key] = std::move(v);
  }
  auto add_event = [&](const BenchUser& who, const std::string& action, const std::string& from,
                       const std::string& to, const std::string& note, const Json& d) {
    GeneratedEvent e;
    e.id = ids_->Next();
    e.seq = static_cast<int>(m.events.size()) + 1;
    e.at = at;
    e.user_id = who.id;
    e.username = who.username;
    e.action = action;
    e.from_state = from;
    e.to_state = to;
    e.note = note;
    e.diff = d.dump();
    m.events.push_back(std::move(e));
  };
  auto number_now = [&](const Date& on) {
    int64_t& seq = sequences_[{m.org_id, kind.kind, on.year}];
    m.number = FormatNumber(kind, handling.org, on.year, ++seq);
  };
  if (!kind.number_pattern.empty() && kind.number_on == "create") number_now(day);
  std::string state = kind.initial;
  add_event(creator, "create", "", state, "", diff);

  std::vector<DeadlineRecord> deadlines;
  auto start = [&](const DeadlineDef& def, DeadlineRecord& r) {
    Unit unit = Unit::kWorkingDay;
    calendar::ParseUnit(def.unit, &unit);
    r = DeadlineRecord();
    r.name = def.name;
    if (!def.due_field.empty()) {  // due on the date the matter holds, when it holds one
      if (data.contains(def.due_field) && data[def.due_field].is_string())
        StartDatedDeadline(day, data[def.due_field].get<std::string>(), &r);
      return;
    }
    r.status = "running";
    r.started_on = day.ToString();
    r.due_on = DueWithFallback(cal, day, def.length, unit).ToString();
  };
  for (const auto& def : kind.deadlines) {
    deadlines.emplace_back();
    deadlines.back().name = def.name;
    if (def.starts == "create") start(def, deadlines.back());
  }

  // Applies action a at the current time and day.
  auto apply = [&](const ActionDef& a) {
    // The assignee acts when the action is theirs; else someone with the role.
    const BenchUser* actor = &creator;
    std::vector<const BenchUser*> able;
    for (const auto& u : setup_.staff)
      if (HasRole(u, a.roles)) able.push_back(&u);
    if (!able.empty()) actor = able[Below(rng, able.size())];
    for (const auto* u : able)
      if (u->id == m.assignee_id) actor = u;
    Json changes = Json::object();
    std::string note;
    int64_t assignee = m.assignee_id;
    auto set_field = [&](const std::string& key, bool required) {
      if (key == "note") {
        if (required || Chance(rng, 0.5)) note = NoteText(rng);
        return;
      }
      if (key == "assignee") {
        std::vector<const BenchUser*> next;
        for (const auto& b : kind.actions)
          if (From(b, a.to) && !b.to.empty() && b.to != a.to)
            for (const auto& u : setup_.staff)
              if (HasRole(u, b.roles)) next.push_back(&u);
        assignee = next.empty() ? setup_.staff[Below(rng, setup_.staff.size())].id : next[Below(rng, next.size())]->id;
        return;
      }
      const FieldDef* f = kind.Field(key);
      if (!f || (!required && !Chance(rng, 0.5))) return;
      Json v = FieldValue(rng, *f, title, setup_, day);
      if (!v.is_null()) changes[key] = std::move(v);
    };
    for (const auto& r : a.require) set_field(r, true);
    for (const auto& r : a.fields) set_field(r, false);
    for (const auto& [key, value] : a.set) changes[key] = value;
    Json d = Json::object();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
      Json old = data.contains(it.key()) ? data[it.key()] : Json(nullptr);
      if (old != it.value()) d[it.key()] = Json::array({old, it.value()});
      data[it.key()] = it.value();
    }
    if (assignee != m.assignee_id) {
      d["assignee"] = Json::array({IdToString(m.assignee_id), IdToString(assignee)});
      m.assignee_id = assignee;
    }
    if (!kind.number_pattern.empty() && kind.number_on == a.name && m.number.empty()) {
      number_now(day);
      d["number"] = Json::array({"", m.number});
    }
    if (!a.outcome_field.empty() && data.contains(a.outcome_field)) m.outcome = DisplayText(data[a.outcome_field]);
    for (auto& r : deadlines) {
      const DeadlineDef* def = kind.Deadline(r.name);
      if (!def) continue;
      Unit unit = Unit::kWorkingDay;
      calendar::ParseUnit(def->unit, &unit);
      if (a.deadline == r.name && a.effect == Effect::kExtend && r.status == "running" && r.extended == 0) {
        auto due = Date::Parse(r.due_on);
        if (due.ok()) r.due_on = DueWithFallback(cal, *due, def->extendable, unit).ToString();
        r.extended = def->extendable;
      }
      if (std::find(def->ends.begin(), def->ends.end(), a.name) != def->ends.end()) StopDeadline(day, &r);
      if (def->starts == a.name) start(*def, r);
    }
    const std::string to = a.to.empty() ? state : a.to;
    if (kind.IsFinal(to) && !kind.IsFinal(state)) m.closed_at = at;
    add_event(*actor, a.name, state, to, note, d);
    state = to;
  };
  // Moves the clock 0–6 working days on; false when that is past kAsOf.
  auto advance = [&]() {
    const Date next = AddWorkingDays(cal, day, static_cast<int>(Below(rng, 7)));
    const int64_t next_at = std::max(at + 60 * 1000, next == day ? at + static_cast<int64_t>(Below(rng, 3600000)) : OfficeTime(rng, next));
    if (next_at >= kAsOfMs) return false;
    day = ChinaDate(next_at);
    at = next_at;
    return true;
  };

  const bool stuck = Chance(rng, 0.004);
  const int stuck_after = 1 + static_cast<int>(Below(rng, 4));
  for (int transitions = 0; transitions < 32;) {
    const bool final = kind.IsFinal(state);
    // A stay action only while the likely rest of the path keeps the
    // timeline within kMaxEvents.
    if (Chance(rng, final ? 0.7 : 0.15) && m.events.size() + 1 + ForwardDistance(kind, state) <= kMaxEvents) {
      std::vector<const ActionDef*> stay;
      for (const auto& a : kind.actions) {
        if (!From(a, state) || !(a.to.empty() || a.to == state) || !a.guards.empty()) continue;
        if (a.effect == Effect::kNone) stay.push_back(&a);
        if (a.effect == Effect::kExtend)
          for (const auto& r : deadlines)
            if (r.name == a.deadline && r.status == "running" && r.extended == 0) stay.push_back(&a);
      }
      if (!stay.empty() && advance()) apply(*stay[Below(rng, stay.size())]);
    }
    if (final || (stuck && transitions >= stuck_after)) break;
    const std::vector<const ActionDef*> moves = Moves(kind, state);
    if (moves.empty()) break;
    // The forward move is 8x as likely as each other one.
    const ActionDef* forward = Forward(kind, state, moves);
    std::vector<double> weights;
    double sum = 0;
    for (const auto* a : moves) weights.push_back(sum += a == forward ? 8 : 1);
    const double pick = Unit01(rng) * sum;
    size_t chosen = 0;
    while (chosen + 1 < moves.size() && weights[chosen] <= pick) ++chosen;
    if (!advance()) break;
    apply(*moves[chosen]);
    ++transitions;
  }

  m.state = state;
  m.version = static_cast<int64_t>(m.events.size());
  m.updated_at = at;
  bool running = false;
  for (const auto& r : deadlines) {
    running = running || r.status == "running" || r.status == "suspended";
    if (r.status == "running" && (m.due_on.empty() || r.due_on < m.due_on)) m.due_on = r.due_on;
    m.extended_days += r.extended;
  }
  if (running) m.deadlines = std::move(deadlines);
  m.data = data.dump();
  std::vector<std::string> parts = {m.title};
  for (auto it = data.begin(); it != data.end(); ++it) parts.push_back(DisplayText(it.value()));
  m.tokens = Tokens(parts);
  return m;
}

// IndexTokens(part₁ + " " + part₂ …): a space ends a run, so the tokens of
// the whole are the union of the parts' tokens; parts repeat a lot
// (subjects, options), so each part's tokens are computed once. A token is
// at most two characters (≤ 8 UTF-8 bytes, never NUL), packed big-endian into
// a uint64, whose numeric order is the byte order IndexTokens sorts by.
std::string MatterGenerator::Tokens(const std::vector<std::string>& parts) {
  if (token_cache_.size() > 200000) token_cache_.clear();
  std::vector<uint64_t> all;
  for (const auto& part : parts) {
    auto [it, fresh] = token_cache_.try_emplace(part);
    if (fresh) {
      const std::string tokens = IndexTokens(part);
      for (size_t start = 0; start < tokens.size();) {
        size_t end = tokens.find(' ', start);
        if (end == std::string::npos) end = tokens.size();
        uint64_t packed = 0;
        for (size_t i = 0; i < 8; ++i)
          packed = (packed << 8) | (start + i < end ? static_cast<unsigned char>(tokens[start + i]) : 0);
        it->second.push_back(packed);
        start = end + 1;
      }
    }
    all.insert(all.end(), it->second.begin(), it->second.end());
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::string out;
  out.reserve(all.size() * 7);
  for (uint64_t t : all) {
    if (!out.empty()) out += ' ';
    for (int shift = 56; shift >= 0 && ((t >> shift) & 0xFF); shift -= 8) out += static_cast<char>((t >> shift) & 0xFF);
  }
  return out;
}

}  // namespace fazhi::engine::bench
