// KindDef accessors, enum names, and CheckKind: what a definition means,
// independent of YAML (kind_parser.cc reads the YAML and reports lines).
#include "engine/kind.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <span>
#include <utility>

namespace fazhi::engine {
namespace {

using Section = KindProblem::Section;
using Problem = std::optional<KindProblem>;

// The YAML spelling of each field type.
std::span<const std::pair<FieldType, const char*>> FieldTypeNames() {
  static constexpr std::pair<FieldType, const char*> kNames[] = {
      {FieldType::kText, "text"},       {FieldType::kLongText, "long_text"},
      {FieldType::kNumber, "number"},   {FieldType::kMoney, "money"},
      {FieldType::kDate, "date"},       {FieldType::kEnum, "enum"},
      {FieldType::kOrg, "org"},         {FieldType::kUser, "user"},
      {FieldType::kParty, "party"},     {FieldType::kAttachment, "attachment"},
      {FieldType::kMatterLink, "matter_link"},
  };
  return kNames;
}

Problem At(Section section, size_t index, std::string key, std::string what, size_t entry = 0) {
  return KindProblem{section, index, std::move(key), entry, std::move(what)};
}

bool IsName(const std::string& s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string NotAName(const std::string& what, const std::string& name) {
  return what + " '" + name + "' is not a valid name ([a-z][a-z0-9_]*, at most 64 characters)";
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Checks a 文号 pattern: known placeholders only, exactly one {seq}.
std::string NumberPatternProblem(const std::string& p) {
  int seqs = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '}') return "stray '}' in number pattern";
    if (p[i] != '{') continue;
    size_t close = p.find('}', i);
    if (close == std::string::npos) return "unclosed '{' in number pattern";
    std::string ph = p.substr(i + 1, close - i - 1);
    i = close;
    if (ph == "seq") {
      ++seqs;
    } else if (ph.rfind("seq:", 0) == 0) {
      std::string w = ph.substr(4);
      bool digits = !w.empty() && w.size() <= 2 &&
                    std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || std::stoi(w) < 1 || std::stoi(w) > 12)
        return "placeholder {" + ph + "} needs a width from 1 to 12";
      ++seqs;
    } else if (ph != "year" && ph != "org.short" && ph != "org.code" && ph != "kind.label") {
      return "unknown placeholder {" + ph +
             "} in number pattern (known: {year}, {seq}, {seq:N}, {org.short}, {org.code}, "
             "{kind.label})";
    }
  }
  if (seqs == 0) return "number pattern has no {seq}";
  if (seqs > 1) return "number pattern has more than one {seq}";
  return "";
}

Problem CheckTop(const KindDef& k) {
  if (k.kind.empty()) return At(Section::kKind, 0, "kind", "the definition needs 'kind'");
  if (!IsName(k.kind)) return At(Section::kKind, 0, "kind", NotAName("kind name", k.kind));
  const std::string what = "kind '" + k.kind + "'";
  if (k.label.empty()) return At(Section::kKind, 0, "label", what + " needs a label");
  if (k.version < 1) return At(Section::kKind, 0, "version", "version must be at least 1");
  if (k.title_label.empty())
    return At(Section::kKind, 0, "title_label", "title_label must not be empty");
  if (!k.number_pattern.empty()) {
    std::string problem = NumberPatternProblem(k.number_pattern);
    if (!problem.empty()) return At(Section::kKind, 0, "number", problem);
  }
  if (k.number_on != "create") {
    if (k.number_pattern.empty())
      return At(Section::kKind, 0, "number_on", "'number_on' is set but 'number' is not");
    if (!k.Action(k.number_on))
      return At(Section::kKind, 0, "number_on",
                "number_on names unknown action '" + k.number_on + "'");
  }
  return std::nullopt;
}

Problem CheckFields(const KindDef& k, const std::vector<std::string>& roles) {
  for (size_t i = 0; i < k.fields.size(); ++i) {
    const FieldDef& f = k.fields[i];
    const std::string what = "field '" + f.key + "'";
    auto at = [&](const char* key, const std::string& problem, size_t entry = 0) {
      return At(Section::kField, i, key, problem, entry);
    };
    if (f.key.empty()) return at("", "a field needs 'key'");
    if (!IsName(f.key)) return at("key", NotAName("field key", f.key));
    if (f.key == "note" || f.key == "assignee") return at("key", what + ": key is reserved");
    for (size_t j = 0; j < i; ++j)
      if (k.fields[j].key == f.key) return at("key", "duplicate field key '" + f.key + "'");
    if (f.label.empty()) return at("", what + " needs a label");

    const bool is_enum = f.type == FieldType::kEnum;
    if (is_enum && f.options.empty()) return at("", "enum " + what + " needs options");
    if (!is_enum && !f.options.empty())
      return at("options", what + ": options apply to enum fields only");
    for (size_t j = 0; j < f.options.size(); ++j) {
      if (std::find(f.options.begin(), f.options.begin() + j, f.options[j]) !=
          f.options.begin() + j)
        return at("options", what + ": duplicate option '" + f.options[j] + "'", j);
    }

    const bool numeric = f.type == FieldType::kNumber || f.type == FieldType::kMoney;
    const bool text = f.type == FieldType::kText || f.type == FieldType::kLongText;
    if ((f.min && !std::isfinite(*f.min)) || (f.max && !std::isfinite(*f.max)))
      return at("", what + ": min and max must be finite numbers");
    if (f.min && !numeric) return at("min", what + ": min applies to number and money only");
    if (f.max && !numeric && !text)
      return at("max", what + ": max applies to number, money, text and long_text only");
    if (f.max && text && *f.max < 1) return at("max", what + ": max length must be at least 1");
    if (f.min && f.max && *f.min > *f.max) return at("min", what + ": min is greater than max");

    if (!f.link_kind.empty() && f.type != FieldType::kMatterLink)
      return at("link_kind", what + ": link_kind applies to matter_link fields only");
    if (!f.link_kind.empty() && !IsName(f.link_kind))
      return at("link_kind", what + ": " + NotAName("link_kind", f.link_kind));
    if (!f.roles.empty() && f.type != FieldType::kUser)
      return at("roles", what + ": roles apply to user fields only");
    for (size_t j = 0; j < f.roles.size(); ++j)
      if (!Contains(roles, f.roles[j])) return at("roles", what + ": unknown role '" + f.roles[j] + "'", j);
  }
  return std::nullopt;
}

// Cross-field checks: two different fields of this kind, both dates or both
// numbers; offsets only on dates and within a century; `when` on enum fields
// and their options.
Problem CheckCrossField(const KindDef& k) {
  for (size_t i = 0; i < k.checks.size(); ++i) {
    const CheckDef& c = k.checks[i];
    const std::string what = "check on field '" + c.field + "'";
    auto at = [&](const char* key, const std::string& problem, size_t entry = 0) {
      return At(Section::kCheck, i, key, problem, entry);
    };
    const FieldDef* f = k.Field(c.field);
    if (!f) return at("field", what + ": unknown field '" + c.field + "'");
    const char* op = CheckOpName(c.op);
    const FieldDef* o = k.Field(c.other);
    if (!o) return at(op, what + ": " + op + " names unknown field '" + c.other + "'");
    if (o == f) return at(op, what + ": compares the field with itself");
    if (c.op == CheckDef::Op::kMatches) {
      if (f->type != FieldType::kEnum || f->options_from.empty())
        return at("field", what + ": matches applies to enum fields with options_from");
      if (c.attr.empty()) return at(op, what + ": matches needs 'attr', an attribute of the list's items");
      bool any = false;
      for (const auto& [option, attrs] : f->option_attrs) any = any || attrs.count(c.attr);
      if (!any) return at("attr", what + ": no item of list '" + f->options_from + "' has attribute '" + c.attr + "'");
      if (c.years || c.months || c.days) return at("plus", what + ": 'plus' applies to date fields only");
      if (o->type == FieldType::kEnum)
        for (const auto& [option, attrs] : f->option_attrs)
          if (auto it = attrs.find(c.attr); it != attrs.end() && !Contains(o->options, it->second))
            return at("attr", what + ": item '" + option + "' has " + c.attr + " '" + it->second +
                                  "', which is not an option of field '" + c.other + "'");
      continue;
    }
    if (!c.attr.empty()) return at("attr", what + ": 'attr' applies to matches only");
    auto numeric = [](const FieldDef* x) { return x->type == FieldType::kNumber || x->type == FieldType::kMoney; };
    const bool dates = f->type == FieldType::kDate && o->type == FieldType::kDate;
    if (!dates && !(numeric(f) && numeric(o)))
      return at(op, what + ": compares dates with dates or numbers (number, money) with numbers");
    const bool shifted = c.years != 0 || c.months != 0 || c.days != 0;
    if (shifted && !dates) return at("plus", what + ": 'plus' applies to date fields only");
    if (std::abs(c.years) > 100 || std::abs(c.months) > 1200 || std::abs(c.days) > 36600)
      return at("plus", what + ": 'plus' is more than a century");
    const bool forward = c.years > 0 || c.months > 0 || c.days > 0;
    const bool back = c.years < 0 || c.months < 0 || c.days < 0;
    if (forward && back) return at("plus", what + ": years, months and days in 'plus' must have the same sign");
    size_t entry = 0;
    for (const auto& [key, options] : c.when) {
      const FieldDef* w = k.Field(key);
      if (!w || w->type != FieldType::kEnum)
        return at("when", what + ": when names '" + key + "', which is no enum field", entry);
      for (const auto& option : options)
        if (!Contains(w->options, option))
          return at("when", what + ": '" + option + "' is not an option of field '" + key + "'", entry);
      ++entry;
    }
  }
  return std::nullopt;
}

Problem CheckStates(const KindDef& k) {
  if (k.states.empty()) return At(Section::kKind, 0, "states", "the definition needs 'states'");
  for (size_t i = 0; i < k.states.size(); ++i) {
    const StateDef& s = k.states[i];
    if (!IsName(s.name)) return At(Section::kState, i, "name", NotAName("state name", s.name));
    for (size_t j = 0; j < i; ++j)
      if (k.states[j].name == s.name)
        return At(Section::kState, i, "name", "duplicate state '" + s.name + "'");
    if (s.label.empty())
      return At(Section::kState, i, "label", "state '" + s.name + "' needs a label");
  }
  if (k.initial.empty()) return At(Section::kKind, 0, "initial", "the definition needs 'initial'");
  if (!k.HasState(k.initial))
    return At(Section::kKind, 0, "initial",
              "initial state '" + k.initial + "' is not declared in states");
  if (k.final_states.empty())
    return At(Section::kKind, 0, "final", "the definition needs 'final' states");
  for (size_t j = 0; j < k.final_states.size(); ++j) {
    const std::string& s = k.final_states[j];
    if (!k.HasState(s))
      return At(Section::kKind, 0, "final", "final state '" + s + "' is not declared in states",
                j);
    if (std::count(k.final_states.begin(), k.final_states.end(), s) > 1)
      return At(Section::kKind, 0, "final", "final state '" + s + "' is listed twice", j);
  }
  if (k.IsFinal(k.initial))
    return At(Section::kKind, 0, "initial", "initial state '" + k.initial + "' is final");
  return std::nullopt;
}

// length_by / lengths: the length of a deadline chosen by an enum field that
// every matter has from creation on, with a length for each listed option.
Problem CheckLengths(const KindDef& k, size_t i) {
  const DeadlineDef& d = k.deadlines[i];
  const std::string what = "deadline '" + d.name + "'";
  auto at = [&](const char* key, const std::string& problem, size_t entry = 0) {
    return At(Section::kDeadline, i, key, problem, entry);
  };
  if (!d.due_field.empty()) {
    const FieldDef* f = k.Field(d.due_field);
    if (!f) return at("due_field", what + ": due_field names unknown field '" + d.due_field + "'");
    if (f->type != FieldType::kDate) return at("due_field", what + ": due_field must name a date field");
    if (!d.length_by.empty() || d.length != 0 || d.extendable != 0)
      return at("due_field", what + ": a due_field deadline has no length, length_by or extendable");
  }
  if (d.length_by.empty()) {
    if (!d.lengths.empty()) return at("lengths", what + ": 'lengths' needs 'length_by'");
    return std::nullopt;
  }
  const FieldDef* f = k.Field(d.length_by);
  if (!f) return at("length_by", what + ": length_by names unknown field '" + d.length_by + "'");
  if (f->type != FieldType::kEnum || !f->required)
    return at("length_by", what + ": length_by must name an enum field with required: true");
  if (d.lengths.empty()) return at("length_by", what + ": length_by needs 'lengths'");
  size_t entry = 0;
  for (const auto& [option, days] : d.lengths) {
    if (!Contains(f->options, option))
      return at("lengths", what + ": '" + option + "' is not an option of field '" + f->key + "'",
                entry);
    if (days < 0) return at("lengths", what + ": lengths must not be negative", entry);
    ++entry;
  }
  return std::nullopt;
}

Problem CheckDeadlines(const KindDef& k) {
  for (size_t i = 0; i < k.deadlines.size(); ++i) {
    const DeadlineDef& d = k.deadlines[i];
    const std::string what = "deadline '" + d.name + "'";
    auto at = [&](const char* key, const std::string& problem, size_t entry = 0) {
      return At(Section::kDeadline, i, key, problem, entry);
    };
    if (d.name.empty()) return at("", "a deadline needs 'name'");
    if (!IsName(d.name)) return at("name", NotAName("deadline name", d.name));
    for (size_t j = 0; j < i; ++j)
      if (k.deadlines[j].name == d.name) return at("name", "duplicate deadline '" + d.name + "'");
    if (d.label.empty()) return at("", what + " needs a label");
    if (d.starts != "create" && !k.Action(d.starts))
      return at("starts", what + ": starts names unknown action '" + d.starts + "'");
    if (d.length < 0) return at("length", what + ": length must not be negative");
    if (d.unit != "working_day" && d.unit != "calendar_day")
      return at("unit",
                what + ": unknown unit '" + d.unit + "' (known: working_day, calendar_day)");
    if (d.extendable < 0) return at("extendable", what + ": extendable must not be negative");
    if (d.warn < 0) return at("warn", what + ": warn must not be negative");
    for (size_t j = 0; j < d.ends.size(); ++j) {
      if (!k.Action(d.ends[j]))
        return at("ends", what + ": ends names unknown action '" + d.ends[j] + "'", j);
    }
    if (Problem p = CheckLengths(k, i)) return p;
  }
  return std::nullopt;
}

// The references of one action: states, roles, fields, deadline, guards.
Problem CheckActionRefs(const KindDef& k, size_t i, const std::vector<std::string>& roles) {
  const ActionDef& a = k.actions[i];
  const std::string what = "action '" + a.name + "'";
  auto at = [&](const char* key, const std::string& problem, size_t entry = 0) {
    return At(Section::kAction, i, key, problem, entry);
  };
  if (!a.to.empty() && !k.HasState(a.to))
    return at("to", what + ": to names undeclared state '" + a.to + "'");
  if (a.from.empty()) return at("", what + " needs 'from' states");
  for (size_t j = 0; j < a.from.size(); ++j) {
    if (!k.HasState(a.from[j]))
      return at("from", what + ": from names undeclared state '" + a.from[j] + "'", j);
    // A final state is final: an action may still record something there
    // (e.g. 采纳情况反馈 after the opinion is issued) but may not leave it or
    // touch a deadline's clock.
    if (k.IsFinal(a.from[j]) && (!a.to.empty() || a.effect != Effect::kNone))
      return at("from", what + ": from names final state '" + a.from[j] +
                            "'; an action on a final state may only stay (no to, no effect)", j);
  }
  if (a.roles.empty()) return at("", what + " needs 'roles'");
  for (size_t j = 0; j < a.roles.size(); ++j)
    if (!Contains(roles, a.roles[j]))
      return at("roles", what + ": unknown role '" + a.roles[j] + "'", j);
  const std::pair<const char*, const std::vector<std::string>*> field_lists[] = {
      {"require", &a.require}, {"fields", &a.fields}};
  for (const auto& [key, list] : field_lists) {
    for (size_t j = 0; j < list->size(); ++j) {
      const std::string& f = (*list)[j];
      if (f != "note" && f != "assignee" && !k.Field(f))
        return at(key, what + ": " + key + " names unknown field '" + f + "'", j);
    }
  }
  for (size_t j = 0; j < a.assignee_roles.size(); ++j)
    if (!Contains(roles, a.assignee_roles[j]))
      return at("assignee_roles", what + ": unknown role '" + a.assignee_roles[j] + "'", j);
  if (!a.assignee_roles.empty() && !Contains(a.require, "assignee"))
    return at("assignee_roles", what + ": assignee_roles needs 'assignee' in require");
  for (size_t j = 0; j < a.guards.size(); ++j) {
    const GuardDef& g = a.guards[j];
    if (!g.elapsed.empty()) {
      if (!g.linked_kind.empty() || !g.state_in.empty() || !g.outcome_in.empty() || !g.field_in.empty() ||
          !g.same_org.empty())
        return at("guards", what + ": a guard is either 'elapsed' or 'linked', not both", j);
      if (!k.Deadline(g.elapsed))
        return at("guards", what + ": guard names unknown deadline '" + g.elapsed + "'", j);
      continue;
    }
    if (g.unless_note) return at("guards", what + ": 'unless_note' applies to 'elapsed' guards", j);
    if (g.linked_kind.empty()) return at("guards", what + ": a guard needs 'linked' or 'elapsed'", j);
    if (!IsName(g.linked_kind))
      return at("guards", what + ": guard " + NotAName("linked kind", g.linked_kind), j);
    if (g.state_in.empty())
      return at("guards", what + ": a guard needs a non-empty 'state_in'", j);
  }
  size_t entry = 0;
  for (const auto& [key, value] : a.set) {
    const FieldDef* f = k.Field(key);
    if (!f) return at("set", what + ": set names unknown field '" + key + "'", entry);
    if (f->type != FieldType::kEnum || !Contains(f->options, value))
      return at("set", what + ": set needs an enum field and one of its options ('" + value + "')", entry);
    ++entry;
  }
  if (!a.outcome_field.empty() && !k.Field(a.outcome_field))
    return at("outcome", what + ": outcome names unknown field '" + a.outcome_field + "'");
  return std::nullopt;
}

Problem CheckActions(const KindDef& k, const std::vector<std::string>& roles) {
  if (k.actions.empty()) return At(Section::kKind, 0, "actions", "the definition needs 'actions'");
  for (size_t i = 0; i < k.actions.size(); ++i) {
    const ActionDef& a = k.actions[i];
    const std::string what = "action '" + a.name + "'";
    auto at = [&](const char* key, const std::string& problem) {
      return At(Section::kAction, i, key, problem);
    };
    if (a.name.empty()) return at("", "an action needs 'name'");
    if (!IsName(a.name)) return at("name", NotAName("action name", a.name));
    if (a.name == "create") return at("name", "action name 'create' is reserved");
    for (size_t j = 0; j < i; ++j)
      if (k.actions[j].name == a.name) return at("name", "duplicate action '" + a.name + "'");
    if (a.label.empty()) return at("", what + " needs a label");
    if (Problem p = CheckActionRefs(k, i, roles)) return p;

    if (a.effect == Effect::kAssign && !Contains(a.require, "assignee"))
      return at("effect", what + ": effect assign needs 'assignee' in require");
    const bool clock = a.effect == Effect::kSuspend || a.effect == Effect::kResume ||
                       a.effect == Effect::kExtend;
    if (!clock && !a.deadline.empty())
      return at("deadline", what + ": 'deadline' applies only to effects suspend, resume, extend");
    if (clock && a.deadline.empty())
      return at("effect", what + ": effect " + EffectName(a.effect) + " needs 'deadline'");
    const DeadlineDef* d = clock ? k.Deadline(a.deadline) : nullptr;
    if (clock && !d) return at("deadline", what + ": names unknown deadline '" + a.deadline + "'");
    if (d && !d->due_field.empty())
      return at("deadline", what + ": deadline '" + a.deadline + "' is due on a date field; change the field instead");
    if (a.effect == Effect::kExtend && d->extendable == 0)
      return at("deadline",
                what + ": deadline '" + a.deadline + "' is not extendable (extendable: 0)");
    if (!a.document.empty() && !IsName(a.document))
      return at("document", what + ": " + NotAName("document template", a.document));
    if (!a.style.empty() && a.style != "danger")
      return at("style", what + ": unknown style '" + a.style + "' (known: danger)");
  }
  return std::nullopt;
}

// Every state reachable from `initial`; every non-final state with an action
// leaving it and a path to some final state.
Problem CheckGraph(const KindDef& k) {
  std::multimap<std::string, std::string> next, prev;
  for (const auto& a : k.actions) {
    if (a.to.empty()) continue;
    for (const auto& f : a.from) {
      next.emplace(f, a.to);
      prev.emplace(a.to, f);
    }
  }
  auto reach = [](const std::multimap<std::string, std::string>& edges,
                  std::vector<std::string> todo) {
    std::set<std::string> seen(todo.begin(), todo.end());
    while (!todo.empty()) {
      auto [lo, hi] = edges.equal_range(todo.back());
      todo.pop_back();
      for (auto it = lo; it != hi; ++it)
        if (seen.insert(it->second).second) todo.push_back(it->second);
    }
    return seen;
  };
  const auto from_initial = reach(next, {k.initial});
  const auto to_final = reach(prev, k.final_states);
  for (size_t i = 0; i < k.states.size(); ++i) {
    const std::string& s = k.states[i].name;
    auto [lo, hi] = next.equal_range(s);
    bool leaves = std::any_of(lo, hi, [&](const auto& e) { return e.second != s; });
    if (!k.IsFinal(s) && !leaves)
      return At(Section::kState, i, "", "state '" + s + "' is not final and no action leaves it");
    if (!from_initial.count(s))
      return At(Section::kState, i, "",
                "state '" + s + "' cannot be reached from the initial state");
    if (!to_final.count(s))
      return At(Section::kState, i, "", "state '" + s + "' cannot reach a final state");
  }
  return std::nullopt;
}

}  // namespace

const char* FieldTypeName(FieldType t) {
  for (const auto& [type, name] : FieldTypeNames())
    if (type == t) return name;
  return "unknown";
}

bool ParseFieldType(const std::string& s, FieldType* out) {
  for (const auto& [type, name] : FieldTypeNames()) {
    if (s == name) {
      *out = type;
      return true;
    }
  }
  return false;
}

const char* CheckOpName(CheckDef::Op op) {
  switch (op) {
    case CheckDef::Op::kNotBefore: return "not_before";
    case CheckDef::Op::kNotAfter: return "not_after";
    case CheckDef::Op::kBefore: return "before";
    case CheckDef::Op::kAfter: return "after";
    case CheckDef::Op::kMatches: return "matches";
  }
  return "unknown";
}

const char* EffectName(Effect e) {
  switch (e) {
    case Effect::kNone: return "none";
    case Effect::kAssign: return "assign";
    case Effect::kSuspend: return "suspend";
    case Effect::kResume: return "resume";
    case Effect::kExtend: return "extend";
  }
  return "unknown";
}

// create_roles must be roles that exist; handled_by an org code (checked
// against the database when a matter is created: orgs are data).
Problem CheckCreation(const KindDef& k, const std::vector<std::string>& roles) {
  for (size_t j = 0; j < k.create_roles.size(); ++j)
    if (!Contains(roles, k.create_roles[j]))
      return At(Section::kKind, 0, "create_roles", "create_roles: unknown role '" + k.create_roles[j] + "'", j);
  if (k.handled_by.find_first_of(" \t\n") != std::string::npos)
    return At(Section::kKind, 0, "handled_by", "handled_by must be an org code without spaces");
  return std::nullopt;
}

std::optional<KindProblem> CheckKind(const KindDef& kind,
                                     const std::vector<std::string>& known_roles) {
  if (Problem p = CheckTop(kind)) return p;
  if (Problem p = CheckCreation(kind, known_roles)) return p;
  if (Problem p = CheckFields(kind, known_roles)) return p;
  if (Problem p = CheckCrossField(kind)) return p;
  if (Problem p = CheckStates(kind)) return p;
  if (Problem p = CheckDeadlines(kind)) return p;
  if (Problem p = CheckActions(kind, known_roles)) return p;
  return CheckGraph(kind);
}

const FieldDef* KindDef::Field(const std::string& key) const {
  for (const auto& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

const ActionDef* KindDef::Action(const std::string& name) const {
  for (const auto& a : actions)
    if (a.name == name) return &a;
  return nullptr;
}

const DeadlineDef* KindDef::Deadline(const std::string& name) const {
  for (const auto& d : deadlines)
    if (d.name == name) return &d;
  return nullptr;
}

int DeadlineDef::LengthFor(const std::string& option) const {
  auto it = lengths.find(option);
  return it == lengths.end() ? length : it->second;
}

bool KindDef::IsFinal(const std::string& state) const {
  return std::find(final_states.begin(), final_states.end(), state) != final_states.end();
}

bool KindDef::HasState(const std::string& state) const {
  for (const auto& s : states)
    if (s.name == state) return true;
  return false;
}

std::string KindDef::StateLabel(const std::string& state) const {
  for (const auto& s : states)
    if (s.name == state) return s.label;
  return state;
}

}  // namespace fazhi::engine
