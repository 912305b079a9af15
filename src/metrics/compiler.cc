#include "metrics/compiler.h"

#include <algorithm>
#include <map>

#include "calendar/calendar.h"

namespace fazhi::metrics {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int64_t kChinaOffsetMs = 8LL * 3600 * 1000;

bool IsKey(const std::string& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// "?, ?, ?" for the values, appended to params.
std::string List(const std::vector<std::string>& values, std::vector<store::Value>* params) {
  std::string out;
  for (const auto& v : values) {
    out += out.empty() ? "?" : ", ?";
    params->push_back(v);
  }
  return out;
}

std::string JsonText(const std::string& key, store::Dialect d) {
  if (d == store::Dialect::kSqlite) return "(m.data ->> '$." + key + "')";
  return "((m.data::jsonb) ->> '" + key + "')";
}

// The linked-matter test in one direction: `self` is the column of m's side.
std::string LinkedSide(const char* self, const char* other, const LinkedMatch& l, std::vector<store::Value>* params) {
  std::string s = std::string("EXISTS (SELECT 1 FROM matter_links l JOIN matters t ON t.id = l.") + other +
                  " WHERE l." + self + " = m.id AND t.kind = ?";
  params->push_back(l.kind);
  if (!l.state_in.empty()) s += " AND t.state IN (" + List(l.state_in, params) + ")";
  return s + ")";
}

}  // namespace

std::string PathUpperBound(const std::string& path) {
  std::string upper = path;
  if (!upper.empty()) upper.back() = static_cast<char>(upper.back() + 1);
  return upper;
}

int64_t YearStartMs(int year) {
  return calendar::Date{year, 1, 1}.ToDays() * kDayMs - kChinaOffsetMs;
}

namespace {

// A filter in two parts: what selects the rows to look at (kind, period,
// org: the part indexes serve) and the conditions tested on each of them.
struct Split {
  Sql base, rest;  // rest.text "" = no further condition
  // For a period of events: the condition on matter_events e that finds the
  // year's events (base then holds the rest of the base: kind and org).
  Sql events;
};

void And(std::string* s, const std::string& term) { *s += (s->empty() ? "" : " AND ") + term; }

Result<Split> SplitFilter(const Filter& f, int year, const std::string& org_path, store::Dialect dialect) {
  Split out;
  auto& bp = out.base.params;
  std::string& b = out.base.text;
  b = "m.kind = ?";
  bp.push_back(f.kind);
  const int64_t from = YearStartMs(year), to = YearStartMs(year + 1);
  switch (f.period.basis) {
    case PeriodBasis::kReceived:
      And(&b, "m.received_at >= ? AND m.received_at < ?");
      bp.insert(bp.end(), {from, to});
      break;
    case PeriodBasis::kClosed:
      And(&b, "m.closed_at >= ? AND m.closed_at < ?");
      bp.insert(bp.end(), {from, to});
      break;
    case PeriodBasis::kEvent:
      // The (action, at, matter_id) index finds the year's events directly.
      out.events.text = "e.action = ? AND e.at >= ? AND e.at < ?";
      out.events.params = {f.period.action, from, to};
      break;
    case PeriodBasis::kDateField:
      if (!IsKey(f.period.field)) return Status(codes::kInvalid, "field key is not a name: " + f.period.field);
      And(&b, JsonText(f.period.field, dialect) + " >= ? AND " + JsonText(f.period.field, dialect) + " < ?");
      bp.insert(bp.end(), {std::to_string(year) + "-01-01", std::to_string(year + 1) + "-01-01"});
      break;
    case PeriodBasis::kYearField:
      if (!IsKey(f.period.field)) return Status(codes::kInvalid, "field key is not a name: " + f.period.field);
      And(&b, "CAST(" + JsonText(f.period.field, dialect) +
                  (dialect == store::Dialect::kSqlite ? " AS REAL)" : " AS DOUBLE PRECISION)") + " = ?");
      bp.push_back(static_cast<double>(year));
      break;
  }
  if (!org_path.empty()) {
    And(&b, "m.org_path >= ? AND m.org_path < ?");
    bp.insert(bp.end(), {org_path, PathUpperBound(org_path)});
  }
  auto& rp = out.rest.params;
  std::string& r = out.rest.text;
  if (!f.state_in.empty()) And(&r, "m.state IN (" + List(f.state_in, &rp) + ")");
  if (!f.outcome_in.empty()) And(&r, "m.outcome IN (" + List(f.outcome_in, &rp) + ")");
  for (const auto& field : f.fields) {
    if (!IsKey(field.key)) return Status(codes::kInvalid, "field key is not a name: " + field.key);
    And(&r, JsonText(field.key, dialect) + " IN (" + List(field.values, &rp) + ")");
  }
  if (!f.event_action.empty()) {
    And(&r, "EXISTS (SELECT 1 FROM matter_events ev WHERE ev.matter_id = m.id AND ev.action = ?)");
    rp.push_back(f.event_action);
  }
  if (!f.deadline.empty()) {
    And(&r, "EXISTS (SELECT 1 FROM matter_deadlines d WHERE d.matter_id = m.id AND d.name = ? AND d.due_on <> '')");
    rp.push_back(f.deadline);
  }
  if (!f.on_time.empty()) {
    And(&r, "EXISTS (SELECT 1 FROM matter_deadlines dt WHERE dt.matter_id = m.id AND dt.name = ? AND "
            "dt.status = 'stopped' AND dt.due_on <> '' AND dt.stopped_on <> '' AND dt.stopped_on <= dt.due_on)");
    rp.push_back(f.on_time);
  }
  if (f.linked) {
    And(&r, "(" + LinkedSide("from_id", "to_id", *f.linked, &rp) + " OR " +
                LinkedSide("to_id", "from_id", *f.linked, &rp) + ")");
  }
  if (f.not_linked) {
    And(&r, "NOT (" + LinkedSide("from_id", "to_id", *f.not_linked, &rp) + " OR " +
                LinkedSide("to_id", "from_id", *f.not_linked, &rp) + ")");
  }
  return out;
}

// The text and parameters of an Sql, as one string (to group equal bases).
std::string Key(const Sql& sql) {
  std::string key = sql.text;
  for (const auto& v : sql.params) key += '\x1f' + std::to_string(v.index()) + store::Row({v}).Text(0);
  return key;
}

}  // namespace

Result<Sql> CompileCondition(const Filter& f, int year, const std::string& org_path, store::Dialect dialect) {
  auto split = SplitFilter(f, year, org_path, dialect);
  if (!split.ok()) return split.status();
  Sql out = std::move(split->base);
  if (!split->events.text.empty()) {
    // The period term, after the kind (and before the org).
    const std::string kind_term = "m.kind = ?";
    out.text.insert(kind_term.size(), " AND m.id IN (SELECT e.matter_id FROM matter_events e WHERE " +
                                          split->events.text + ")");
    out.params.insert(out.params.begin() + 1, split->events.params.begin(), split->events.params.end());
  }
  if (!split->rest.text.empty()) {
    out.text += " AND " + split->rest.text;
    out.params.insert(out.params.end(), split->rest.params.begin(), split->rest.params.end());
  }
  return out;
}

Result<Sql> CompileCount(const Filter& f, int year, const std::string& org_path, store::Dialect dialect) {
  auto cond = CompileCondition(f, year, org_path, dialect);
  if (!cond.ok()) return cond.status();
  cond->text = "SELECT COUNT(*) FROM matters m WHERE " + cond->text;
  return cond;
}

Result<Sql> CompileCounts(const std::vector<const Filter*>& filters, int year, const std::string& org_path,
                          store::Dialect dialect) {
  if (filters.empty()) return Status(codes::kInvalid, "no filters to count");
  // Filters sharing a base are counted in one pass over its rows; equal
  // filters (many rates share a denominator) in one column.
  struct Group {
    Sql base, events;
    std::vector<std::pair<size_t, Sql>> columns;  // column name (first filter index), its rest
    std::map<std::string, size_t> by_rest;
  };
  std::vector<Group> groups;
  std::map<std::string, size_t> by_base;
  std::vector<std::pair<size_t, size_t>> column_of(filters.size());  // group, column name
  for (size_t i = 0; i < filters.size(); ++i) {
    auto split = SplitFilter(*filters[i], year, org_path, dialect);
    if (!split.ok()) return split.status();
    auto [g, added] = by_base.emplace(Key(split->base) + '\x1e' + Key(split->events), groups.size());
    if (added) groups.push_back({std::move(split->base), std::move(split->events), {}, {}});
    Group& group = groups[g->second];
    auto [c, fresh] = group.by_rest.emplace(Key(split->rest), i);
    if (fresh) group.columns.emplace_back(i, std::move(split->rest));
    column_of[i] = {g->second, c->second};
  }
  Sql out;
  std::string from;
  for (size_t g = 0; g < groups.size(); ++g) {
    std::string select;
    for (auto& [i, rest] : groups[g].columns) {
      select += select.empty() ? "" : ", ";
      select += rest.text.empty() ? "COUNT(*)" : "COUNT(CASE WHEN " + rest.text + " THEN 1 END)";
      select += " AS c" + std::to_string(i);
      out.params.insert(out.params.end(), rest.params.begin(), rest.params.end());
    }
    const Group& group = groups[g];
    from += (g ? ", " : "") + std::string("(SELECT ") + select + " FROM ";
    if (group.events.text.empty()) {
      from += "matters m";
    } else {
      // A period of events: the year's events lead, each matter read once by
      // id (in id order), instead of testing every matter of the kind.
      from += "(SELECT DISTINCT e.matter_id AS id FROM matter_events e WHERE " + group.events.text +
              " ORDER BY e.matter_id) ev JOIN matters m ON m.id = ev.id";
      out.params.insert(out.params.end(), group.events.params.begin(), group.events.params.end());
    }
    from += " WHERE " + group.base.text + ") g" + std::to_string(g);
    out.params.insert(out.params.end(), group.base.params.begin(), group.base.params.end());
  }
  out.text = "SELECT ";
  for (size_t i = 0; i < filters.size(); ++i)
    out.text += (i ? ", g" : "g") + std::to_string(column_of[i].first) + ".c" + std::to_string(column_of[i].second);
  out.text += " FROM " + from;
  return out;
}

}  // namespace fazhi::metrics
