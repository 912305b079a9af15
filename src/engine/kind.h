// kind: a matter kind definition (事项类型), read from
// definitions/kinds/*.yaml and validated before the server starts. The engine
// is configured by these; modules add code only where YAML cannot say it.
//
// YAML shape (see definitions/kinds/test_case.yaml for every feature):
//   kind: legality_review          # [a-z][a-z0-9_]*, unique
//   label: 合法性审查
//   version: 1                     # bump when states/fields change meaning
//   number: "{org.short}审〔{year}〕{seq}号"   # optional 文号 pattern: {year},
//                                  # {seq} or {seq:N} (zero-padded to N digits, once),
//                                  # {org.short}, {org.code}, {kind.label}
//   number_on: issue               # action that assigns the number (default: create)
//   title_label: 标题              # optional
//   handled_by: JUS-LR             # optional org code: new matters belong to that
//                                  # org whoever creates them (its staff see them)
//   create_roles: [unit_submitter] # optional: roles that may create (default: any
//                                  # holder of matter:create)
//   fields:   [{key, label, type, required?, options?, max?, min?, pii?, link_kind?,
//              roles?, options_from?}]  # roles: a user field may name only holders of these
//             # an enum takes `options: [...]` or `options_from: LIST`, the labels
//             # of an option list in definitions/lists/ (option_list.h)
//   checks:                        # cross-field checks, on every write (create, PATCH, action)
//     - {field: valid_until, not_after: published_on,   # or not_before / before / after
//        plus: {years: 2, months: 0, days: 0},          # dates only: OTHER shifted
//        when: {validity_type: [暂行, 试行]},           # only when enum fields hold these
//        message: 中文}            # optional; generated from both labels otherwise
//     - {field: catalogue_item, matches: category, attr: category}  # the chosen option's
//                                  # list attribute equals the other field
//   states:   [{name, label}]      # or plain names
//   initial: submitted
//   final: [issued, returned]
//   actions:
//     - {name, label, from: [...], to, roles: [...], require: [field|note|assignee],
//        fields: [...],            # fields the dialog may set (besides require)
//        effect: none|assign|suspend|resume|extend,
//        assignee_roles: [...],    # the assignee must hold one of these roles
//        assignee_only: true,      # only the matter's current assignee may act
//        deadline: name,           # for suspend/resume/extend
//        guards: [{linked: KIND, state_in: [...], outcome_in: [...],
//                  field_in: {FIELD: [OPTION...]}, message: 中文},  # one linked matter meets all
//                 {elapsed: DEADLINE, unless_note: true, message: 中文}],
//        set: {FIELD: VALUE},      # enum fields the action sets to a fixed value
//        document: TEMPLATE,       # issues a document (later)
//        style: danger,            # destructive (废止, 终止, 撤回): red button, confirmation
//        outcome: FIELD}           # the field whose value becomes the matter's outcome
//   deadlines:
//     - {name, label, starts: ACTION|create, length, unit: working_day|calendar_day,
//        extendable: N, ends: [ACTION...], warn: N,   # warn = 黄 within N working days
//        length_by: FIELD, lengths: {OPTION: N, ...}, # per-option length of an enum
//                                  # field required at creation; `length` for the rest
//        due_field: FIELD}         # or: due on the date a date field holds (有效期至),
//                                  # following the field; no length, not extendable
//
// Field types: text, long_text, number, money, date, enum, org, user, party
// (personal data, stored encrypted), attachment, matter_link.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "engine/option_list.h"

namespace fazhi::engine {

enum class FieldType {
  kText, kLongText, kNumber, kMoney, kDate, kEnum, kOrg, kUser, kParty, kAttachment, kMatterLink
};
const char* FieldTypeName(FieldType t);
bool ParseFieldType(const std::string& s, FieldType* out);

struct FieldDef {
  std::string key;
  std::string label;
  FieldType type = FieldType::kText;
  bool required = false;             // required at creation
  std::vector<std::string> options;  // enum
  std::string options_from;          // enum: the option list (definitions/lists/) the
                                     // options were taken from at load ("" = inline)
  std::optional<double> min, max;    // number/money bounds; max = max length for text
  std::string link_kind;             // matter_link: the kind it must point to ("" = any)
  bool pii = false;                  // personal data (stored encrypted); always true for party
  std::vector<std::string> roles;    // user: the named user must hold one of these ("" = anyone)
  // options_from: each option's attributes in its list (option -> key -> value)
  std::map<std::string, std::map<std::string, std::string>> option_attrs;
};

// A cross-field check (`checks:`): FIELD compared with OTHER — dates, or
// numbers — optionally shifted by an offset (dates only) and only when enum
// fields hold given options. Checked whenever a write leaves both with a value.
// `matches`: FIELD is an enum with options_from, and the chosen option's
// attribute `attr` in its list must equal OTHER's value (e.g. a catalogue
// item's category and the review's category).
struct CheckDef {
  enum class Op { kNotBefore, kNotAfter, kBefore, kAfter, kMatches };  // >=, <=, <, >, attr ==
  std::string field;
  Op op = Op::kNotBefore;
  std::string other;
  std::string attr;                                       // kMatches
  int years = 0, months = 0, days = 0;                    // added to OTHER's date
  std::map<std::string, std::vector<std::string>> when;   // enum field -> options
  std::string message;                                    // 中文 ("" = generated)
};
const char* CheckOpName(CheckDef::Op op);  // the YAML key: not_before, not_after, before, after, matches

enum class Effect { kNone, kAssign, kSuspend, kResume, kExtend };
const char* EffectName(Effect e);

// A guard is either about a linked matter (linked + state_in [+ outcome_in])
// or about a minimum period (elapsed: the named deadline must have reached its
// due date; with unless_note a stated reason — the action's note — lets the
// action through early, e.g. a comment window shortened with a reason).
struct GuardDef {
  std::string elapsed;                // a deadline of this kind ("" = a link guard)
  bool unless_note = false;
  std::string linked_kind;            // a linked matter of this kind ...
  std::vector<std::string> state_in;  // ... must be in one of these states
  std::vector<std::string> outcome_in;  // ... and, when listed, have one of these outcomes
  std::map<std::string, std::vector<std::string>> field_in;  // ... and enum fields with these options
  std::string same_org;               // ... and this org field of theirs naming the acted-on
                                      // matter's handling org (its own review, not another unit's)
  std::string message;                // 中文, shown when the guard refuses
};

struct ActionDef {
  std::string name;
  std::string label;
  std::vector<std::string> from;      // source states; a final state only for
                                      // actions with no `to` and effect none
  std::string to;                     // target state ("" = stay)
  std::vector<std::string> roles;     // role codes allowed
  std::vector<std::string> require;   // field keys, or "note", or "assignee"
  std::vector<std::string> fields;    // optional fields the action may set
  Effect effect = Effect::kNone;
  std::string deadline;               // for suspend/resume/extend
  std::vector<GuardDef> guards;
  std::string document;
  std::string outcome_field;
  std::vector<std::string> assignee_roles;  // who may be assigned ("" = any active user)
  bool assignee_only = false;               // only the current assignee may act
  std::map<std::string, std::string> set;   // enum field -> the value this action records
  std::string style;                        // "" (ordinary) | "danger" (destructive)
};

struct DeadlineDef {
  std::string name;
  std::string label;
  std::string starts = "create";      // an action name, or "create"
  int length = 0;
  std::string unit = "working_day";   // working_day | calendar_day
  int extendable = 0;                 // extension length (once); 0 = not extendable
  std::vector<std::string> ends;      // actions that stop it
  int warn = 3;                       // yellow within this many working days
  std::string length_by;              // enum field choosing the length ("" = fixed)
  std::map<std::string, int> lengths; // option -> length; others use `length`
  std::string due_field;              // date field holding the due date ("" = counted)

  // The length for a matter whose `length_by` field holds `option`.
  int LengthFor(const std::string& option) const;
};

struct StateDef {
  std::string name;
  std::string label;
};

struct KindDef {
  std::string kind;
  std::string label;
  int version = 1;
  std::string number_pattern;
  std::string number_on = "create";
  std::string title_label = "标题";
  std::vector<FieldDef> fields;
  std::vector<StateDef> states;
  std::string initial;
  std::vector<std::string> final_states;
  std::vector<ActionDef> actions;
  std::vector<DeadlineDef> deadlines;
  std::vector<CheckDef> checks;
  std::string handled_by;                 // org code new matters are routed to ("" = none)
  std::vector<std::string> create_roles;  // roles that may create ("" = any matter:create)
  std::string source_file;

  const FieldDef* Field(const std::string& key) const;
  const ActionDef* Action(const std::string& name) const;
  const DeadlineDef* Deadline(const std::string& name) const;
  bool IsFinal(const std::string& state) const;
  bool HasState(const std::string& state) const;
  std::string StateLabel(const std::string& state) const;
};

// A problem in a definition's meaning, and where it lies: an item of a
// section (fields[index], ...; kKind = the top level), optionally one of its
// keys, and for a list-valued key one entry. ParseKind maps it to a line.
struct KindProblem {
  enum class Section { kKind, kField, kState, kAction, kDeadline, kCheck };
  Section section = Section::kKind;
  size_t index = 0;
  std::string key;   // "" = the item itself
  size_t entry = 0;  // entry of a list-valued key (from, roles, guards ...)
  std::string what;  // what is wrong, for operators (English)
};

// Checks what a definition means, everything beyond the YAML shape: names
// ([a-z][a-z0-9_]*), labels present, duplicates, field types vs options/min/
// max/link_kind, states/actions/fields/deadlines/roles referenced but not
// declared, effects and their deadlines, guards, the number pattern, and the
// state graph (every state reachable from `initial`; every non-final state has
// an action leaving it and a path to a final state; an action on a final state
// may only stay, with no `to` and effect none), action styles, user fields'
// roles, and cross-field checks (both fields exist, dates with dates or
// numbers with numbers, offsets on dates only, `when` naming enum options).
// Kinds named by link_kind and guards, and their fields (field_in), are not
// checked here (LoadKinds does). Returns the first problem.
std::optional<KindProblem> CheckKind(const KindDef& kind,
                                     const std::vector<std::string>& known_roles);

// Parses and validates one definition. Errors (code "invalid_kind") read
// "FILE:LINE: what is wrong" — unknown keys, unknown types, states/actions/
// fields referenced but not declared, duplicate names, a non-final state with
// no way out, a deadline naming an unknown action, bad number patterns (all
// of CheckKind), and also empty files, more than one YAML document, strings
// over 200 characters, lists over 200 entries, files over 1 MiB. Never throws.
// known_roles: role codes that exist (from the identity catalog).
// lists: the option lists an enum field may name with `options_from` (its
// options are copied from the list; naming an unknown list is an error).
Result<KindDef> ParseKind(const std::string& yaml_text, const std::string& file,
                          const std::vector<std::string>& known_roles,
                          const std::vector<OptionList>& lists = {});

// Loads every *.yaml in dir (sorted by name); the first error stops loading.
// Duplicate kind names across files are errors, and so are link_kind and guard
// kinds (or guard states, outcomes, field_in fields and options) that no loaded
// kind has; the error names the file and line of the reference.
Result<std::vector<KindDef>> LoadKinds(const std::string& dir,
                                       const std::vector<std::string>& known_roles,
                                       const std::vector<OptionList>& lists = {});

}  // namespace fazhi::engine
