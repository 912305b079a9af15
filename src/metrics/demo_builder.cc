#include "metrics/demo_builder.h"

#include <algorithm>
#include <set>

#include "engine/matter_service.h"
#include "engine/text_index.h"

namespace fazhi::metrics::demo {

using engine::Json;
using store::Value;

int64_t LocalInstant(const calendar::Date& day, int minute) {
  return day.ToDays() * 86400000LL + (minute - 8 * 60) * 60000LL;
}

namespace {

Json Diff(const Json& before, const Json& changes) {
  Json diff = Json::object();
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    Json old = before.contains(it.key()) ? before[it.key()] : Json(nullptr);
    if (old != it.value()) diff[it.key()] = Json::array({old, it.value()});
  }
  return diff;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

Status Invalid(const engine::KindDef& kind, const std::string& title, const std::string& what) {
  return Status(codes::kInvalid, "demo " + kind.kind + " “" + title + "”: " + what);
}

std::string Errors(const engine::FieldErrors& errors) {
  std::string out;
  for (const auto& [k, v] : errors) out += (out.empty() ? "" : "; ") + k + " " + v;
  return out;
}

}  // namespace

Status Builder::Start(const engine::DeadlineDef& def, const calendar::Date& day, const engine::Json& data,
                      engine::DeadlineRecord* r) const {
  if (cal_.HasYear(day.year)) {
    Status st = engine::StartPeriod(def, cal_, day, data, r);
    if (st.ok() || st.code() != "calendar_missing") return st;
  }
  // No calendar data: the period runs without a due date (and no anchor to recount).
  r->anchor_on.clear();
  r->status = "running";
  r->started_on = day.ToString();
  r->due_on.clear();
  r->suspended_on.clear();
  r->stopped_on.clear();
  r->remaining = 0;
  r->extended = 0;
  return Status::Ok();
}

Status Builder::Deadlines(const engine::KindDef& kind, const engine::ActionDef& a, const calendar::Date& day,
                          Built* m) {
  int paused = 0;
  for (auto& d : m->deadlines) {
    const engine::DeadlineDef* def = kind.Deadline(d.name);
    if (!def) continue;
    if (a.deadline == d.name && a.effect != engine::Effect::kNone && a.effect != engine::Effect::kAssign) {
      if (d.due_on.empty()) return Status(codes::kInvalid, a.name + " needs a deadline with a due date");
      if (a.effect == engine::Effect::kSuspend) FAZHI_RETURN_IF_ERROR(engine::SuspendDeadline(*def, cal_, day, &d));
      if (a.effect == engine::Effect::kResume)
        FAZHI_RETURN_IF_ERROR(engine::ResumeDeadline(*def, cal_, day, &d, &paused));
      if (a.effect == engine::Effect::kExtend) FAZHI_RETURN_IF_ERROR(engine::ExtendDeadline(*def, cal_, &d));
    }
    if (Has(def->ends, a.name)) engine::StopDeadline(day, &d);
    if (def->starts == a.name) FAZHI_RETURN_IF_ERROR(Start(*def, day, m->data, &d));
  }
  m->suspended_days += paused;
  return Status::Ok();
}

std::string Builder::Format(const engine::KindDef& kind, const OrgRef& org, int year, int64_t seq) {
  std::string out;
  const std::string& pat = kind.number_pattern;
  for (size_t i = 0; i < pat.size();) {
    const size_t end = pat[i] == '{' ? pat.find('}', i) : std::string::npos;
    if (end == std::string::npos) {
      out += pat[i++];
      continue;
    }
    const std::string key = pat.substr(i + 1, end - i - 1);
    std::string digits = std::to_string(seq);
    if (key.rfind("seq:", 0) == 0) {
      const size_t width = static_cast<size_t>(std::max(0, std::atoi(key.c_str() + 4)));
      if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    }
    if (key == "year") out += std::to_string(year);
    else if (key == "org.short") out += org.short_name;
    else if (key == "org.code") out += org.code;
    else if (key == "kind.label") out += kind.label;
    else if (key == "seq" || key.rfind("seq:", 0) == 0) out += digits;
    i = end + 1;
  }
  return out;
}

void Builder::AssignNumbers() {
  std::stable_sort(numbering_.begin(), numbering_.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  for (const Numbering& n : numbering_) {
    const int64_t seq = ++sequences_[{n.org.id, n.kind->kind, n.year}];
    Built& m = matters_[n.matter];
    m.number = Format(*n.kind, n.org, n.year, seq);
    m.events[n.event].diff["number"] = Json::array({"", m.number});
  }
  numbering_.clear();
}

Status Builder::CheckGuards(const engine::ActionDef& a, const Built& m, const calendar::Date& day,
                            bool has_note) const {
  for (const auto& g : a.guards) {
    if (!g.elapsed.empty()) {
      bool over = true;
      for (const auto& d : m.deadlines)
        if (d.name == g.elapsed) over = engine::PeriodElapsed(d, day);
      if (!over && !(g.unless_note && has_note))
        return Status(codes::kInvalid, "guard of " + a.name + " fails: " + g.message);
      continue;
    }
    bool ok = false;
    for (const auto& [field, to] : m.links) {
      auto it = index_.find(to);
      if (it == index_.end()) continue;
      const Built& t = matters_[it->second];
      ok = ok || (t.kind == g.linked_kind && Has(g.state_in, t.state) &&
                  (g.outcome_in.empty() || Has(g.outcome_in, t.outcome)));
    }
    if (!ok) return Status(codes::kInvalid, "guard of " + a.name + " fails: " + g.message);
  }
  return Status::Ok();
}

void Builder::Link(const engine::KindDef& kind, const Json& fields, Built* m) const {
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    const engine::FieldDef* f = kind.Field(it.key());
    if (!f || f->type != engine::FieldType::kMatterLink) continue;
    auto& links = m->links;
    links.erase(std::remove_if(links.begin(), links.end(), [&](const auto& l) { return l.first == f->key; }),
                links.end());
    if (it.value().is_string()) links.emplace_back(f->key, IdFromString(it.value().get<std::string>()));
  }
}

Status Builder::Apply(const Script& s, const Step& step, Built* m) {
  const engine::KindDef& kind = *s.kind;
  const engine::ActionDef* a = kind.Action(step.action);
  if (!a) return Invalid(kind, s.title, "no action " + step.action);
  if (!Has(a->from, m->state)) return Invalid(kind, s.title, step.action + " cannot leave state " + m->state);
  const int64_t at = LocalInstant(step.day, step.minute);
  if (at < m->updated_at) return Invalid(kind, s.title, step.action + " goes back in time");
  std::set<std::string> allowed, required;
  engine::ActionFieldKeys(*a, &allowed, &required);
  for (const auto& r : a->require) {
    if (r == "note" && step.note.empty()) return Invalid(kind, s.title, step.action + " needs a note");
    if (r == "assignee" && step.assignee == 0) return Invalid(kind, s.title, step.action + " needs an assignee");
  }
  Json fields;
  engine::FieldErrors errors;
  engine::ValidateFields(kind, step.fields, allowed, required, &fields, &errors);
  engine::ApplyFixedValues(*a, &fields, &errors);
  if (!errors.empty()) return Invalid(kind, s.title, step.action + ": " + Errors(errors));
  Status guards = CheckGuards(*a, *m, step.day, !step.note.empty());
  if (!guards.ok()) return Invalid(kind, s.title, guards.message());
  Status dl = Deadlines(kind, *a, step.day, m);
  if (!dl.ok()) return Invalid(kind, s.title, step.action + ": " + dl.message());
  Json diff = Diff(m->data, fields);
  for (auto it = fields.begin(); it != fields.end(); ++it) m->data[it.key()] = it.value();
  if (step.assignee != 0 && (a->effect == engine::Effect::kAssign || Has(a->require, "assignee"))) {
    if (step.assignee != m->assignee_id)
      diff["assignee"] = Json::array({IdToString(m->assignee_id), IdToString(step.assignee)});
    m->assignee_id = step.assignee;
  }
  const bool numbering = !kind.number_pattern.empty() && kind.number_on == a->name && !m->numbered;
  if (numbering) {
    m->numbered = true;
    numbering_.push_back({at, matters_.size(), m->events.size(), &kind, *s.org, step.day.year});
  }
  if (!a->outcome_field.empty() && m->data.contains(a->outcome_field))
    m->outcome = engine::DisplayText(m->data[a->outcome_field]);
  const std::string to = a->to.empty() ? m->state : a->to;
  if (kind.IsFinal(to) && !kind.IsFinal(m->state)) m->closed_at = at;
  m->events.push_back({ids_.Next(), at, step.actor.id, step.actor.username, a->name, m->state, to, step.note, diff});
  m->state = to;
  m->version += 1;
  m->updated_at = at;
  int extended = 0;
  for (const auto& d : m->deadlines) extended += d.extended;
  m->extended_days = extended;
  Link(kind, fields, m);
  return Status::Ok();
}

Result<int64_t> Builder::Add(const Script& s) {
  const engine::KindDef& kind = *s.kind;
  Built m;
  m.id = ids_.Next();
  m.kind = kind.kind;
  m.kind_version = kind.version;
  m.title = s.title;
  m.org_id = s.org->id;
  m.org_path = s.org->path;
  m.creator_id = s.creator.id;
  m.state = kind.initial;
  m.received_at = m.updated_at = LocalInstant(s.received, s.minute);
  engine::FieldErrors errors;
  if (!engine::ValidateFields(kind, s.fields, engine::AllFieldKeys(kind), engine::RequiredAtCreation(kind), &m.data,
                              &errors))
    return Invalid(kind, s.title, "create: " + Errors(errors));
  if (!m.data.is_object()) m.data = Json::object();
  for (const auto& def : kind.deadlines) {
    engine::DeadlineRecord d;
    d.name = def.name;
    if (def.starts == "create") FAZHI_RETURN_IF_ERROR(Start(def, s.received, m.data, &d));
    m.deadlines.push_back(d);
  }
  if (!kind.number_pattern.empty() && kind.number_on == "create") {
    m.numbered = true;
    numbering_.push_back({m.received_at, matters_.size(), 0, &kind, *s.org, s.received.year});
  }
  m.events.push_back({ids_.Next(), m.received_at, s.creator.id, s.creator.username, "create", "", kind.initial, "",
                      Diff(Json::object(), m.data)});
  Link(kind, m.data, &m);
  for (const auto& step : s.steps) FAZHI_RETURN_IF_ERROR(Apply(s, step, &m));
  index_[m.id] = matters_.size();
  matters_.push_back(std::move(m));
  return matters_.back().id;
}

std::string Builder::StateOf(int64_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? "" : matters_[it->second].state;
}

Status Builder::Write(store::Transaction& tx) {
  AssignNumbers();
  const bool sqlite = tx.dialect() == store::Dialect::kSqlite;
  for (const Built& m : matters_) {
    std::string due;
    bool suspended = false;
    for (const auto& d : m.deadlines) {
      if (d.status == "running" && !d.due_on.empty() && (due.empty() || d.due_on < due)) due = d.due_on;
      suspended = suspended || d.status == "suspended";
    }
    auto r = tx.Exec(
        "INSERT INTO matters (id, kind, kind_version, number, title, org_id, org_path, creator_id, state, outcome, "
        "assignee_id, received_at, due_on, closed_at, suspended, suspended_days, extended_days, version, data, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {m.id, m.kind, static_cast<int64_t>(m.kind_version), m.number, m.title, m.org_id, m.org_path, m.creator_id,
         m.state, m.outcome, m.assignee_id, m.received_at, due.empty() ? Value() : Value(due),
         m.closed_at ? Value(m.closed_at) : Value(), static_cast<int64_t>(suspended),
         static_cast<int64_t>(m.suspended_days), static_cast<int64_t>(m.extended_days), m.version, m.data.dump(),
         m.received_at, m.updated_at});
    if (!r.ok()) return r.status();
    int seq = 0;
    for (const Event& e : m.events) {
      auto ev = tx.Exec(
          "INSERT INTO matter_events (id, matter_id, seq, at, user_id, username, action, from_state, to_state, note, "
          "diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {e.id, m.id, static_cast<int64_t>(++seq), e.at, e.user_id, e.username, e.action, e.from, e.to, e.note,
           e.diff.dump()});
      if (!ev.ok()) return ev.status();
    }
    for (const auto& d : m.deadlines) {
      auto dl = tx.Exec(
          "INSERT INTO matter_deadlines (matter_id, name, status, started_on, due_on, remaining, suspended_on, "
          "extended, stopped_on, anchor_on, anchor_days, anchor_ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {m.id, d.name, d.status, d.started_on, d.due_on, static_cast<int64_t>(d.remaining), d.suspended_on,
           static_cast<int64_t>(d.extended), d.stopped_on, d.anchor_on, static_cast<int64_t>(d.anchor_days),
           static_cast<int64_t>(d.anchor_ext)});
      if (!dl.ok()) return dl.status();
    }
    for (const auto& [field, to] : m.links) {
      auto l = tx.Exec("INSERT INTO matter_links (from_id, to_id, field, created_at) VALUES (?, ?, ?, ?)",
                       {m.id, to, field, m.received_at});
      if (!l.ok()) return l.status();
    }
    std::string text = m.title;
    for (auto it = m.data.begin(); it != m.data.end(); ++it) text += " " + engine::DisplayText(it.value());
    auto idx = tx.Exec(sqlite ? "INSERT INTO matter_search (rowid, tokens) VALUES (?, ?)"
                              : "INSERT INTO matter_search (matter_id, tokens) VALUES (?, ?)",
                       {m.id, engine::IndexTokens(text)});
    if (!idx.ok()) return idx.status();
  }
  for (const auto& [key, last] : sequences_) {
    const auto& [org, kind, year] = key;
    auto r = tx.Exec(
        "INSERT INTO number_sequences (org_id, kind, year, next_value) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (org_id, kind, year) DO UPDATE SET next_value = CASE WHEN number_sequences.next_value > "
        "excluded.next_value THEN number_sequences.next_value ELSE excluded.next_value END",
        {org, kind, static_cast<int64_t>(year), last});
    if (!r.ok()) return r.status();
  }
  return Status::Ok();
}

}  // namespace fazhi::metrics::demo
