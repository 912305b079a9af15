// ParseKind / LoadKinds: reads kind definitions with yaml-cpp. This file
// checks the YAML shape (mappings, known keys, value types, sizes) and keeps
// every item's node so that CheckKind's problems and LoadKinds' cross-kind
// checks can name a line. yaml-cpp throws; ParseOne catches every exception
// and turns it into an invalid_kind Status with file and line.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "engine/kind.h"

namespace fazhi::engine {
namespace {

constexpr char kInvalidKind[] = "invalid_kind";
constexpr size_t kMaxFileBytes = 1 << 20;
constexpr size_t kMaxText = 200;   // code points in any string (label, message, pattern ...)
constexpr size_t kMaxItems = 200;  // entries in any list (fields, states, options ...)

Status Error(const std::string& file, int line, const std::string& what) {
  return Status(kInvalidKind, file + ":" + std::to_string(std::max(line, 1)) + ": " + what);
}

int LineOf(const YAML::Node& n) { return n.Mark().line + 1; }

size_t CodePoints(const std::string& s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

// One YAML mapping (or, for a plain state name, one scalar) with its keys in
// order, and what it is ("field 'x'") for messages.
struct MapView {
  struct Entry {
    std::string key;
    int key_line;
    YAML::Node value;
  };
  YAML::Node node;
  std::vector<Entry> entries;
  std::string what;

  const YAML::Node* Find(const std::string& key) const {
    for (const auto& e : entries)
      if (e.key == key) return &e.value;
    return nullptr;
  }
};

// Every item's node, to turn a KindProblem into a line after parsing.
struct Locator {
  MapView top;
  std::vector<MapView> fields, states, actions, deadlines, checks;

  int Line(const KindProblem& p) const {
    const std::vector<MapView>* items = nullptr;
    switch (p.section) {
      case KindProblem::Section::kKind: break;
      case KindProblem::Section::kField: items = &fields; break;
      case KindProblem::Section::kState: items = &states; break;
      case KindProblem::Section::kAction: items = &actions; break;
      case KindProblem::Section::kDeadline: items = &deadlines; break;
      case KindProblem::Section::kCheck: items = &checks; break;
    }
    const MapView& m = items && p.index < items->size() ? (*items)[p.index] : top;
    const YAML::Node* n = p.key.empty() ? nullptr : m.Find(p.key);
    if (n == nullptr) return LineOf(m.node);
    if (n->IsSequence() && p.entry < n->size()) return LineOf((*n)[p.entry]);
    if (n->IsMap() && p.entry < n->size()) {  // entry-th key (lengths: sorted by key)
      std::vector<std::pair<std::string, int>> keys;
      for (auto it = n->begin(); it != n->end(); ++it)
        keys.emplace_back(it->first.Scalar(), LineOf(it->first));
      std::sort(keys.begin(), keys.end());
      return keys[p.entry].second;
    }
    return LineOf(*n);
  }
};

// The state of parsing one file.
struct Ctx {
  const std::string& file;
  Locator* locator;
  const std::vector<OptionList>& lists;

  Status Err(int line, const std::string& what) const { return Error(file, line, what); }
};

// Reads a mapping; refuses duplicate keys and keys not in `allowed`.
Status ReadMap(const Ctx& c, const YAML::Node& n, const std::string& what,
               std::initializer_list<const char*> allowed, MapView* m) {
  if (!n.IsMap()) return c.Err(LineOf(n), what + " must be a mapping");
  m->node = n;
  m->what = what;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const int line = LineOf(it->first);
    if (!it->first.IsScalar()) return c.Err(line, "keys in " + what + " must be names");
    const std::string key = it->first.Scalar();
    if (m->Find(key)) return c.Err(line, "duplicate key '" + key + "' in " + what);
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return c.Err(line, "unknown key '" + key + "' in " + what + " (allowed: " + list + ")");
    }
    m->entries.push_back({key, line, it->second});
  }
  return Status::Ok();
}

// The mapping's `key` (e.g. "name"), read early so messages can say which
// item they concern; the value is checked again when the item is read.
std::string Peek(const YAML::Node& n, const char* key) {
  if (!n.IsMap()) return "";
  for (auto it = n.begin(); it != n.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key && it->second.IsScalar())
      return it->second.Scalar();
  return "";
}

std::string What(const char* kind, const YAML::Node& n, const char* key) {
  std::string name = Peek(n, key);
  return name.empty() ? std::string("a ") + kind : std::string(kind) + " '" + name + "'";
}

Status Str(const Ctx& c, const MapView& m, const std::string& key, std::string* out) {
  const YAML::Node* n = m.Find(key);
  if (n == nullptr) return Status::Ok();
  if (!n->IsScalar()) return c.Err(LineOf(*n), m.what + ": '" + key + "' must be a string");
  if (CodePoints(n->Scalar()) > kMaxText)
    return c.Err(LineOf(*n), m.what + ": '" + key + "' is longer than 200 characters");
  *out = n->Scalar();
  return Status::Ok();
}

template <typename T>
Status Scalar(const Ctx& c, const MapView& m, const std::string& key, const char* expected,
              T* out) {
  const YAML::Node* n = m.Find(key);
  T v{};
  if (n && (!n->IsScalar() || !YAML::convert<T>::decode(*n, v)))
    return c.Err(LineOf(*n), m.what + ": '" + key + "' must be " + expected);
  if (n) *out = v;
  return Status::Ok();
}

Status Require(const Ctx& c, const MapView& m, const std::string& key) {
  return m.Find(key) ? Status::Ok() : c.Err(LineOf(m.node), m.what + " needs '" + key + "'");
}

Status Seq(const Ctx& c, const MapView& m, const std::string& key, std::vector<YAML::Node>* out) {
  const YAML::Node* n = m.Find(key);
  if (n == nullptr || n->IsNull()) return Status::Ok();
  if (!n->IsSequence()) return c.Err(LineOf(*n), m.what + ": '" + key + "' must be a list");
  if (n->size() > kMaxItems) return c.Err(LineOf(*n), m.what + ": more than 200 " + key);
  for (const auto& item : *n) out->push_back(item);
  return Status::Ok();
}

// A list of strings: a sequence of scalars, or one scalar standing for itself.
Status List(const Ctx& c, const MapView& m, const std::string& key,
            std::vector<std::string>* out) {
  const YAML::Node* n = m.Find(key);
  std::vector<YAML::Node> items;
  if (n && n->IsScalar()) {
    items.push_back(*n);
  } else {
    FAZHI_RETURN_IF_ERROR(Seq(c, m, key, &items));
  }
  for (const auto& item : items) {
    if (!item.IsScalar() || item.Scalar().empty())
      return c.Err(LineOf(item), m.what + ": every entry of '" + key + "' must be a string");
    if (CodePoints(item.Scalar()) > kMaxText)
      return c.Err(LineOf(item), m.what + ": an entry of '" + key + "' is over 200 characters");
    out->push_back(item.Scalar());
  }
  return Status::Ok();
}

// `lengths`: a mapping from an enum option to a whole number of days.
Status Lengths(const Ctx& c, const MapView& m, std::map<std::string, int>* out) {
  const YAML::Node* n = m.Find("lengths");
  if (n == nullptr || n->IsNull()) return Status::Ok();
  if (!n->IsMap()) return c.Err(LineOf(*n), m.what + ": 'lengths' must be a mapping option: days");
  if (n->size() > kMaxItems) return c.Err(LineOf(*n), m.what + ": more than 200 lengths");
  for (auto it = n->begin(); it != n->end(); ++it) {
    const int line = LineOf(it->first);
    if (!it->first.IsScalar() || it->first.Scalar().empty())
      return c.Err(line, m.what + ": every key of 'lengths' must be an option");
    const std::string option = it->first.Scalar();
    if (CodePoints(option) > kMaxText)
      return c.Err(line, m.what + ": a key of 'lengths' is over 200 characters");
    int days = 0;
    if (!it->second.IsScalar() || !YAML::convert<int>::decode(it->second, days))
      return c.Err(LineOf(it->second), m.what + ": lengths['" + option + "'] must be a whole number");
    if (!out->emplace(option, days).second)
      return c.Err(line, m.what + ": duplicate option '" + option + "' in 'lengths'");
  }
  return Status::Ok();
}

// `set`: a mapping from a field key to the value an action records.
Status StringMap(const Ctx& c, const MapView& m, const std::string& key,
                 std::map<std::string, std::string>* out) {
  const YAML::Node* n = m.Find(key);
  if (n == nullptr || n->IsNull()) return Status::Ok();
  if (!n->IsMap()) return c.Err(LineOf(*n), m.what + ": '" + key + "' must be a mapping field: value");
  for (auto it = n->begin(); it != n->end(); ++it) {
    const int line = LineOf(it->first);
    if (!it->first.IsScalar() || !it->second.IsScalar() || it->second.Scalar().empty())
      return c.Err(line, m.what + ": every entry of '" + key + "' must be field: value");
    if (CodePoints(it->second.Scalar()) > kMaxText)
      return c.Err(line, m.what + ": a value of '" + key + "' is over 200 characters");
    if (!out->emplace(it->first.Scalar(), it->second.Scalar()).second)
      return c.Err(line, m.what + ": duplicate field '" + it->first.Scalar() + "' in '" + key + "'");
  }
  return Status::Ok();
}

// `when` / `field_in`: a mapping from a field key to a list of options (one
// option may stand for itself).
Status ListMap(const Ctx& c, const MapView& m, const std::string& key,
               std::map<std::string, std::vector<std::string>>* out) {
  const YAML::Node* n = m.Find(key);
  if (n == nullptr || n->IsNull()) return Status::Ok();
  if (!n->IsMap()) return c.Err(LineOf(*n), m.what + ": '" + key + "' must be a mapping field: [options]");
  if (n->size() > kMaxItems) return c.Err(LineOf(*n), m.what + ": more than 200 entries in '" + key + "'");
  for (auto it = n->begin(); it != n->end(); ++it) {
    const int line = LineOf(it->first);
    if (!it->first.IsScalar() || it->first.Scalar().empty())
      return c.Err(line, m.what + ": every key of '" + key + "' must be a field");
    const std::string field = it->first.Scalar();
    std::vector<std::string> options;
    std::vector<YAML::Node> items;
    if (it->second.IsScalar()) items.push_back(it->second);
    else if (it->second.IsSequence())
      for (size_t i = 0; i < it->second.size(); ++i) items.push_back(it->second[i]);
    else return c.Err(LineOf(it->second), m.what + ": " + key + "['" + field + "'] must be a list of options");
    if (items.empty() || items.size() > kMaxItems)
      return c.Err(LineOf(it->second), m.what + ": " + key + "['" + field + "'] needs 1 to 200 options");
    for (const auto& item : items) {
      if (!item.IsScalar() || item.Scalar().empty() || CodePoints(item.Scalar()) > kMaxText)
        return c.Err(LineOf(item), m.what + ": every option in " + key + "['" + field +
                                       "'] must be a string of at most 200 characters");
      options.push_back(item.Scalar());
    }
    if (!out->emplace(field, std::move(options)).second)
      return c.Err(line, m.what + ": duplicate field '" + field + "' in '" + key + "'");
  }
  return Status::Ok();
}

Status ReadField(const Ctx& c, const YAML::Node& n, KindDef* k) {
  MapView m;
  FieldDef f;
  FAZHI_RETURN_IF_ERROR(ReadMap(
      c, n, What("field", n, "key"),
      {"key", "label", "type", "required", "options", "options_from", "min", "max", "pii",
       "link_kind", "roles"},
      &m));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "key", &f.key));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "label", &f.label));
  std::string type;
  FAZHI_RETURN_IF_ERROR(Require(c, m, "type"));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "type", &type));
  if (!ParseFieldType(type, &f.type))
    return c.Err(LineOf(*m.Find("type")),
                 m.what + ": unknown field type '" + type +
                     "' (known: text, long_text, number, money, date, enum, org, user, party, "
                     "attachment, matter_link)");
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "required", "true or false", &f.required));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "pii", "true or false", &f.pii));
  if (f.type == FieldType::kParty) f.pii = true;
  FAZHI_RETURN_IF_ERROR(List(c, m, "options", &f.options));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "options_from", &f.options_from));
  if (const YAML::Node* from = m.Find("options_from")) {
    if (f.type != FieldType::kEnum || m.Find("options"))
      return c.Err(LineOf(*from), m.what + ": options_from applies to enum fields without options");
    const OptionList* list = FindOptionList(c.lists, f.options_from);
    if (!list)
      return c.Err(LineOf(*from), m.what + ": options_from names unknown list '" + f.options_from +
                                      "' (lists are read from definitions/lists/)");
    f.options = list->Labels();
    for (const OptionItem& item : list->items) f.option_attrs[item.label] = item.attrs;
  }
  double min = 0, max = 0;
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "min", "a number", &min));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "max", "a number", &max));
  if (m.Find("min")) f.min = min;
  if (m.Find("max")) f.max = max;
  FAZHI_RETURN_IF_ERROR(Str(c, m, "link_kind", &f.link_kind));
  FAZHI_RETURN_IF_ERROR(List(c, m, "roles", &f.roles));
  k->fields.push_back(std::move(f));
  c.locator->fields.push_back(std::move(m));
  return Status::Ok();
}

Status ReadState(const Ctx& c, const YAML::Node& n, KindDef* k) {
  MapView m;
  StateDef s;
  if (n.IsScalar()) {  // a plain name, its own label
    m.node = n;
    s.name = s.label = n.Scalar();
  } else {
    FAZHI_RETURN_IF_ERROR(ReadMap(c, n, What("state", n, "name"), {"name", "label"}, &m));
    FAZHI_RETURN_IF_ERROR(Str(c, m, "name", &s.name));
    FAZHI_RETURN_IF_ERROR(Str(c, m, "label", &s.label));
  }
  k->states.push_back(std::move(s));
  c.locator->states.push_back(std::move(m));
  return Status::Ok();
}

Status ReadDeadline(const Ctx& c, const YAML::Node& n, KindDef* k) {
  MapView m;
  DeadlineDef d;
  FAZHI_RETURN_IF_ERROR(
      ReadMap(c, n, What("deadline", n, "name"),
              {"name", "label", "starts", "length", "unit", "extendable", "ends", "warn",
               "length_by", "lengths", "due_field"},
              &m));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "name", &d.name));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "label", &d.label));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "starts", &d.starts));
  if (!m.Find("due_field")) FAZHI_RETURN_IF_ERROR(Require(c, m, "length"));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "length", "a whole number", &d.length));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "due_field", &d.due_field));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "unit", &d.unit));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "extendable", "a whole number", &d.extendable));
  FAZHI_RETURN_IF_ERROR(List(c, m, "ends", &d.ends));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "warn", "a whole number", &d.warn));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "length_by", &d.length_by));
  FAZHI_RETURN_IF_ERROR(Lengths(c, m, &d.lengths));
  k->deadlines.push_back(std::move(d));
  c.locator->deadlines.push_back(std::move(m));
  return Status::Ok();
}

Status ReadGuard(const Ctx& c, const YAML::Node& n, const std::string& action, ActionDef* a) {
  MapView m;
  GuardDef g;
  FAZHI_RETURN_IF_ERROR(
      ReadMap(c, n, "a guard of " + action,
              {"linked", "state_in", "outcome_in", "field_in", "same_org", "elapsed", "unless_note", "message"},
              &m));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "linked", &g.linked_kind));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "elapsed", &g.elapsed));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "unless_note", "true or false", &g.unless_note));
  FAZHI_RETURN_IF_ERROR(List(c, m, "state_in", &g.state_in));
  FAZHI_RETURN_IF_ERROR(List(c, m, "outcome_in", &g.outcome_in));
  FAZHI_RETURN_IF_ERROR(ListMap(c, m, "field_in", &g.field_in));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "same_org", &g.same_org));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "message", &g.message));
  a->guards.push_back(std::move(g));
  return Status::Ok();
}

Status ReadAction(const Ctx& c, const YAML::Node& n, KindDef* k) {
  MapView m;
  ActionDef a;
  FAZHI_RETURN_IF_ERROR(ReadMap(c, n, What("action", n, "name"),
                                {"name", "label", "from", "to", "roles", "require", "fields",
                                 "effect", "deadline", "guards", "document", "outcome",
                                 "assignee_roles", "assignee_only", "set", "style"},
                                &m));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "name", &a.name));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "label", &a.label));
  FAZHI_RETURN_IF_ERROR(List(c, m, "from", &a.from));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "to", &a.to));
  FAZHI_RETURN_IF_ERROR(List(c, m, "roles", &a.roles));
  FAZHI_RETURN_IF_ERROR(List(c, m, "require", &a.require));
  FAZHI_RETURN_IF_ERROR(List(c, m, "fields", &a.fields));
  std::string effect = "none";
  FAZHI_RETURN_IF_ERROR(Str(c, m, "effect", &effect));
  int e = 0;
  while (e <= static_cast<int>(Effect::kExtend) && effect != EffectName(Effect(e))) ++e;
  if (e > static_cast<int>(Effect::kExtend))
    return c.Err(LineOf(*m.Find("effect")), m.what + ": unknown effect '" + effect +
                                                "' (known: none, assign, suspend, resume, extend)");
  a.effect = Effect(e);
  FAZHI_RETURN_IF_ERROR(Str(c, m, "deadline", &a.deadline));
  std::vector<YAML::Node> guards;
  FAZHI_RETURN_IF_ERROR(Seq(c, m, "guards", &guards));
  for (const auto& g : guards) FAZHI_RETURN_IF_ERROR(ReadGuard(c, g, m.what, &a));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "document", &a.document));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "outcome", &a.outcome_field));
  FAZHI_RETURN_IF_ERROR(List(c, m, "assignee_roles", &a.assignee_roles));
  FAZHI_RETURN_IF_ERROR(Scalar(c, m, "assignee_only", "true or false", &a.assignee_only));
  FAZHI_RETURN_IF_ERROR(StringMap(c, m, "set", &a.set));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "style", &a.style));
  k->actions.push_back(std::move(a));
  c.locator->actions.push_back(std::move(m));
  return Status::Ok();
}

// `plus`: {years, months, days}, whole numbers.
Status Offset(const Ctx& c, const MapView& m, CheckDef* d) {
  const YAML::Node* n = m.Find("plus");
  if (n == nullptr || n->IsNull()) return Status::Ok();
  if (!n->IsMap()) return c.Err(LineOf(*n), m.what + ": 'plus' must be a mapping {years, months, days}");
  for (auto it = n->begin(); it != n->end(); ++it) {
    const std::string unit = it->first.IsScalar() ? it->first.Scalar() : "";
    int* slot = unit == "years" ? &d->years : unit == "months" ? &d->months : unit == "days" ? &d->days : nullptr;
    if (!slot)
      return c.Err(LineOf(it->first), m.what + ": unknown key '" + unit + "' in 'plus' (allowed: years, months, days)");
    if (!it->second.IsScalar() || !YAML::convert<int>::decode(it->second, *slot))
      return c.Err(LineOf(it->second), m.what + ": plus." + unit + " must be a whole number");
  }
  return Status::Ok();
}

// A cross-field check: `field`, exactly one comparison naming the other field,
// and optionally plus, when, message.
Status ReadCheck(const Ctx& c, const YAML::Node& n, KindDef* k) {
  MapView m;
  CheckDef d;
  FAZHI_RETURN_IF_ERROR(ReadMap(c, n, What("check on field", n, "field"),
                                {"field", "not_before", "not_after", "before", "after", "matches", "attr",
                                 "plus", "when", "message"},
                                &m));
  FAZHI_RETURN_IF_ERROR(Require(c, m, "field"));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "field", &d.field));
  int comparisons = 0;
  for (CheckDef::Op op : {CheckDef::Op::kNotBefore, CheckDef::Op::kNotAfter, CheckDef::Op::kBefore,
                          CheckDef::Op::kAfter, CheckDef::Op::kMatches}) {
    if (!m.Find(CheckOpName(op))) continue;
    ++comparisons;
    d.op = op;
    FAZHI_RETURN_IF_ERROR(Str(c, m, CheckOpName(op), &d.other));
  }
  if (comparisons != 1)
    return c.Err(LineOf(n), m.what + ": a check needs exactly one of not_before, not_after, before, after, "
                                     "matches (naming the other field)");
  FAZHI_RETURN_IF_ERROR(Str(c, m, "attr", &d.attr));
  FAZHI_RETURN_IF_ERROR(Offset(c, m, &d));
  FAZHI_RETURN_IF_ERROR(ListMap(c, m, "when", &d.when));
  FAZHI_RETURN_IF_ERROR(Str(c, m, "message", &d.message));
  k->checks.push_back(std::move(d));
  c.locator->checks.push_back(std::move(m));
  return Status::Ok();
}

Status Read(const Ctx& c, const YAML::Node& root, KindDef* k) {
  MapView& top = c.locator->top;
  FAZHI_RETURN_IF_ERROR(ReadMap(c, root, "the kind definition",
                                {"kind", "label", "version", "number", "number_on",
                                 "title_label", "fields", "states", "initial", "final",
                                 "actions", "deadlines", "handled_by", "create_roles", "checks"},
                                &top));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "kind", &k->kind));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "label", &k->label));
  FAZHI_RETURN_IF_ERROR(Scalar(c, top, "version", "a whole number", &k->version));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "number", &k->number_pattern));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "number_on", &k->number_on));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "title_label", &k->title_label));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "initial", &k->initial));
  FAZHI_RETURN_IF_ERROR(List(c, top, "final", &k->final_states));
  FAZHI_RETURN_IF_ERROR(Str(c, top, "handled_by", &k->handled_by));
  FAZHI_RETURN_IF_ERROR(List(c, top, "create_roles", &k->create_roles));
  const std::pair<const char*, Status (*)(const Ctx&, const YAML::Node&, KindDef*)> sections[] = {
      {"fields", ReadField},
      {"states", ReadState},
      {"deadlines", ReadDeadline},
      {"actions", ReadAction},
      {"checks", ReadCheck},
  };
  for (const auto& [key, read] : sections) {
    std::vector<YAML::Node> items;
    FAZHI_RETURN_IF_ERROR(Seq(c, top, key, &items));
    for (const auto& n : items) FAZHI_RETURN_IF_ERROR(read(c, n, k));
  }
  return Status::Ok();
}

Result<KindDef> ParseOne(const std::string& text, const std::string& file,
                         const std::vector<std::string>& roles,
                         const std::vector<OptionList>& lists, Locator* locator) {
  if (text.size() > kMaxFileBytes) return Error(file, 1, "file is larger than 1 MiB");
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(text);
    if (docs.empty() || (docs.size() == 1 && docs[0].IsNull()))
      return Error(file, 1, "file is empty; expected a kind definition");
    if (docs.size() > 1) return Error(file, LineOf(docs[1]), "more than one YAML document");
    KindDef k;
    k.source_file = file;
    Ctx c{file, locator, lists};
    FAZHI_RETURN_IF_ERROR(Read(c, docs[0], &k));
    if (std::optional<KindProblem> p = CheckKind(k, roles))
      return Error(file, locator->Line(*p), p->what);
    return k;
  } catch (const YAML::Exception& e) {
    return Error(file, e.mark.line + 1, "YAML error: " + e.msg);
  } catch (const std::exception& e) {
    return Error(file, 1, std::string("cannot read definition: ") + e.what());
  }
}

Status ReadFile(const std::filesystem::path& path, std::string* out) {
  std::error_code ec;
  const std::string file = path.string();
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error(file, 1, "cannot read: " + ec.message());
  if (size > kMaxFileBytes) return Error(file, 1, "file is larger than 1 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(file, 1, "cannot open file");
  std::stringstream text;
  if (size > 0) text << in.rdbuf();
  *out = text.str();
  return Status::Ok();
}

// Every kind named by a matter_link field or a guard must be loaded, and a
// guard's states, outcomes and field_in fields and options must exist in the
// kind it names.
Status CheckLinks(const std::vector<KindDef>& kinds, const std::vector<Locator>& locators) {
  using Section = KindProblem::Section;
  auto find = [&](const std::string& name) -> const KindDef* {
    for (const auto& k : kinds)
      if (k.kind == name) return &k;
    return nullptr;
  };
  for (size_t i = 0; i < kinds.size(); ++i) {
    const KindDef& k = kinds[i];
    const Locator& where = locators[i];
    for (size_t f = 0; f < k.fields.size(); ++f) {
      const std::string& target = k.fields[f].link_kind;
      if (target.empty() || find(target)) continue;
      return Error(k.source_file, where.Line({Section::kField, f, "link_kind", 0, ""}),
                   "field '" + k.fields[f].key + "': link_kind names unknown kind '" + target +
                       "'");
    }
    for (size_t a = 0; a < k.actions.size(); ++a) {
      for (size_t g = 0; g < k.actions[a].guards.size(); ++g) {
        const GuardDef& guard = k.actions[a].guards[g];
        if (!guard.elapsed.empty()) continue;  // about this kind's own deadline (CheckKind)
        const int line = where.Line({Section::kAction, a, "guards", g, ""});
        const std::string what = "a guard of action '" + k.actions[a].name + "'";
        const KindDef* linked = find(guard.linked_kind);
        if (!linked)
          return Error(k.source_file, line,
                       what + " names unknown kind '" + guard.linked_kind + "'");
        for (const auto& s : guard.state_in) {
          if (!linked->HasState(s))
            return Error(k.source_file, line,
                         what + ": kind '" + guard.linked_kind + "' has no state '" + s + "'");
        }
        // An outcome is the value of an action's outcome field: each listed
        // one must be an option of such a field of the linked kind.
        for (const auto& o : guard.outcome_in) {
          bool possible = false;
          for (const auto& la : linked->actions) {
            const FieldDef* f = la.outcome_field.empty() ? nullptr : linked->Field(la.outcome_field);
            possible = possible || (f && std::find(f->options.begin(), f->options.end(), o) != f->options.end());
          }
          if (!possible)
            return Error(k.source_file, line,
                         what + ": kind '" + guard.linked_kind + "' has no outcome '" + o + "'");
        }
        // field_in: enum fields of the linked kind, and their options.
        for (const auto& [key, options] : guard.field_in) {
          const FieldDef* f = linked->Field(key);
          if (!f || f->type != FieldType::kEnum)
            return Error(k.source_file, line,
                         what + ": field_in names '" + key + "', which is no enum field of kind '" +
                             guard.linked_kind + "'");
          for (const auto& o : options)
            if (std::find(f->options.begin(), f->options.end(), o) == f->options.end())
              return Error(k.source_file, line,
                           what + ": '" + o + "' is not an option of field '" + key + "' of kind '" +
                               guard.linked_kind + "'");
        }
        if (!guard.same_org.empty()) {
          const FieldDef* f = linked->Field(guard.same_org);
          if (!f || f->type != FieldType::kOrg)
            return Error(k.source_file, line,
                         what + ": same_org names '" + guard.same_org + "', which is no org field of kind '" +
                             guard.linked_kind + "'");
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<KindDef> ParseKind(const std::string& yaml_text, const std::string& file,
                          const std::vector<std::string>& known_roles,
                          const std::vector<OptionList>& lists) {
  Locator locator;
  return ParseOne(yaml_text, file, known_roles, lists, &locator);
}

Result<std::vector<KindDef>> LoadKinds(const std::string& dir,
                                       const std::vector<std::string>& known_roles,
                                       const std::vector<OptionList>& lists) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return Status(kInvalidKind, dir + ": cannot read kind definitions: " + ec.message());
  std::sort(files.begin(), files.end());

  std::vector<KindDef> kinds;
  std::vector<Locator> locators(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    std::string text;
    FAZHI_RETURN_IF_ERROR(ReadFile(files[i], &text));
    Result<KindDef> k = ParseOne(text, files[i].string(), known_roles, lists, &locators[i]);
    if (!k.ok()) return k.status();
    for (const auto& other : kinds) {
      if (other.kind == k->kind)
        return Error(k->source_file,
                     locators[i].Line({KindProblem::Section::kKind, 0, "kind", 0, ""}),
                     "kind '" + k->kind + "' is already defined in " + other.source_file);
    }
    kinds.push_back(std::move(k).value());
  }
  FAZHI_RETURN_IF_ERROR(CheckLinks(kinds, locators));
  return kinds;
}

}  // namespace fazhi::engine
