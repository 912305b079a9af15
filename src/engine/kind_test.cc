#include "engine/kind.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace fazhi::engine {
namespace {

namespace fs = std::filesystem;

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

// Role codes from definitions/identity/roles.yaml ("  - code: X" lines), so
// the test kind is checked against the roles that really exist.
std::vector<std::string> CatalogRoles() {
  std::ifstream in(SourceDir() + "/definitions/identity/roles.yaml");
  std::vector<std::string> roles;
  const std::string marker = "- code: ";
  for (std::string line; std::getline(in, line);) {
    size_t at = line.find(marker);
    if (at != std::string::npos) roles.push_back(line.substr(at + marker.size()));
  }
  return roles;
}

// The roles the small test definitions use.
std::vector<std::string> TestRoles() { return {"clerk", "boss"}; }

// A small valid definition; tests change single lines of it. Line numbers
// matter: the negative tests assert them.
constexpr const char* kBase[] = {
    /* 1 */ "kind: t",
    /* 2 */ "label: 测试",
    /* 3 */ "number: \"{seq}\"",
    /* 4 */ "fields:",
    /* 5 */ "  - {key: title, label: 标题, type: text}",
    /* 6 */ "  - {key: result, label: 结论, type: enum, options: [合格, 不合格]}",
    /* 7 */ "states: [open, done, dropped]",
    /* 8 */ "initial: open",
    /* 9 */ "final: [done, dropped]",
    /* 10 */ "actions:",
    /* 11 */ "  - {name: finish, label: 完成, from: [open], to: done, roles: [clerk], "
             "outcome: result}",
    /* 12 */ "  - {name: drop, label: 放弃, from: [open], to: dropped, roles: [clerk], "
             "require: [note]}",
    /* 13 */ "deadlines:",
    /* 14 */ "  - {name: period, label: 期限, starts: create, length: 5, ends: [finish]}",
};

// kBase with lines replaced (1-based; a replacement may hold several lines)
// and lines appended after line 14.
std::string Yaml(const std::map<int, std::string>& replace = {},
                 const std::vector<std::string>& append = {}) {
  std::string out;
  int n = 0;
  for (const char* line : kBase) {
    auto it = replace.find(++n);
    out += (it != replace.end() ? it->second : std::string(line)) + "\n";
  }
  for (const auto& line : append) out += line + "\n";
  return out;
}

Result<KindDef> Parse(const std::string& yaml) { return ParseKind(yaml, "t.yaml", TestRoles()); }

// Asserts that `yaml` is refused with "t.yaml:LINE: ..." containing `phrase`.
void ExpectInvalid(const std::string& yaml, int line, const std::string& phrase) {
  Result<KindDef> k = Parse(yaml);
  ASSERT_FALSE(k.ok()) << "accepted:\n" << yaml;
  EXPECT_EQ(k.status().code(), "invalid_kind");
  const std::string prefix = "t.yaml:" + std::to_string(line) + ": ";
  EXPECT_EQ(k.status().message().substr(0, prefix.size()), prefix) << k.status().message();
  EXPECT_NE(k.status().message().find(phrase), std::string::npos) << k.status().message();
}

TEST(ParseKind, BaseDefinitionIsValid) {
  Result<KindDef> k = Parse(Yaml());
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->kind, "t");
  EXPECT_EQ(k->source_file, "t.yaml");
  EXPECT_EQ(k->title_label, "标题");
  EXPECT_EQ(k->number_on, "create");
  EXPECT_EQ(k->StateLabel("open"), "open");  // plain state names are their own label
  EXPECT_EQ(k->Deadline("period")->unit, "working_day");
  EXPECT_EQ(k->Deadline("period")->warn, 3);
  EXPECT_EQ(k->Action("finish")->outcome_field, "result");
  EXPECT_EQ(k->Action("drop")->require, std::vector<std::string>{"note"});
  EXPECT_TRUE(k->IsFinal("done"));
  EXPECT_FALSE(k->IsFinal("open"));
  EXPECT_EQ(k->Field("nope"), nullptr);
}

TEST(ParseKind, ScalarListsAndStayActionOnFinalState) {
  // `ends: finish` (one name) is a list of one; an action may stay on a final
  // state when it has no `to` and no effect.
  Result<KindDef> k = Parse(Yaml({{12, "  - {name: drop, label: 放弃, from: open, to: dropped, "
                                       "roles: clerk}\n  - {name: remark, label: 备注, "
                                       "from: [done], roles: [boss], require: [note]}"},
                                  {14, "  - {name: period, label: 期限, length: 5, "
                                       "ends: finish}"}}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Deadline("period")->ends, std::vector<std::string>{"finish"});
  EXPECT_EQ(k->Action("remark")->to, "");
}

// --- YAML shape --------------------------------------------------------------

TEST(ParseKindShape, EmptyFile) {
  ExpectInvalid("", 1, "empty");
  ExpectInvalid("# only a comment\n", 1, "empty");
}

TEST(ParseKindShape, NotAMapping) { ExpectInvalid("- a\n- b\n", 1, "must be a mapping"); }

TEST(ParseKindShape, MoreThanOneDocument) {
  ExpectInvalid(Yaml() + "---\nkind: u\n", 16, "more than one YAML document");
}

TEST(ParseKindShape, SyntaxErrorHasLine) {
  ExpectInvalid(Yaml({{2, "label: 测试: 又一个"}}), 2, "YAML error: illegal map value");
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: text}}"}}), 5, "YAML error");
}

TEST(ParseKindShape, UnknownTopLevelKey) {
  ExpectInvalid(Yaml({}, {"lable: 测试"}), 15, "unknown key 'lable' in the kind definition");
}

TEST(ParseKindShape, DuplicateKey) {
  ExpectInvalid(Yaml({}, {"label: 又一个"}), 15, "duplicate key 'label'");
}

TEST(ParseKindShape, UnknownFieldKey) {
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: text, requird: true}"}}), 5,
                "unknown key 'requird' in field 'title'");
}

TEST(ParseKindShape, UnknownActionKey) {
  ExpectInvalid(Yaml({{11, "  - {name: finish, label: 完成, from: [open], to: done, "
                           "role: [clerk]}"}}),
                11, "unknown key 'role' in action 'finish'");
}

TEST(ParseKindShape, UnknownDeadlineKey) {
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, length: 5, extendible: 5}"}}), 14,
                "unknown key 'extendible' in deadline 'period'");
}

TEST(ParseKindShape, UnknownGuardKey) {
  ExpectInvalid(Yaml({{11, "  - name: finish\n    label: 完成\n    from: [open]\n    to: done\n"
                           "    roles: [clerk]\n    guards:\n      - {linked: t, state: [done]}"}}),
                17, "unknown key 'state' in a guard of action 'finish'");
}

TEST(ParseKindShape, UnknownFieldType) {
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: txt}"}}), 5,
                "unknown field type 'txt'");
}

TEST(ParseKindShape, MissingFieldType) {
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题}"}}), 5, "field 'title' needs 'type'");
}

TEST(ParseKindShape, UnknownEffect) {
  ExpectInvalid(Yaml({{12, "  - {name: drop, label: 放弃, from: [open], to: dropped,"
                           "\n     roles: [clerk], effect: pause}"}}),
                13, "unknown effect 'pause'");
}

TEST(ParseKindShape, WrongValueTypes) {
  ExpectInvalid(Yaml({{2, "label: [测试]"}}), 2, "'label' must be a string");
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, length: five}"}}), 14,
                "'length' must be a whole number");
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: text, required: maybe}"}}), 5,
                "'required' must be true or false");
  ExpectInvalid(Yaml({{7, "states: open"}}), 7, "'states' must be a list");
}

TEST(ParseKindShape, DeadlineNeedsLength) {
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限}"}}), 14, "needs 'length'");
}

TEST(ParseKindShape, LabelTooLong) {
  std::string label;
  for (int i = 0; i < 201; ++i) label += "字";
  ExpectInvalid(Yaml({{2, "label: " + label}}), 2, "longer than 200 characters");
  label.resize(label.size() - 3);  // 200 characters are fine
  EXPECT_TRUE(Parse(Yaml({{2, "label: " + label}})).ok());
}

TEST(ParseKindShape, TooManyFields) {
  std::string fields = "fields:";
  for (int i = 0; i < 201; ++i)
    fields += "\n  - {key: f" + std::to_string(i) + ", label: 字段, type: text}";
  ExpectInvalid(Yaml({{4, fields}, {5, ""}, {6, ""}}), 5, "more than 200 fields");
}

// --- meaning -------------------------------------------------------------------

TEST(ParseKindMeaning, MissingKindName) {
  ExpectInvalid(Yaml({{1, "# no kind"}}), 2, "needs 'kind'");
}

TEST(ParseKindMeaning, IllFormedKindName) {
  ExpectInvalid(Yaml({{1, "kind: Legality-Review"}}), 1, "is not a valid name");
}

TEST(ParseKindMeaning, MissingLabel) {
  ExpectInvalid(Yaml({{5, "  - {key: title, type: text}"}}), 5, "field 'title' needs a label");
}

TEST(ParseKindMeaning, EnumWithoutOptions) {
  ExpectInvalid(Yaml({{6, "  - {key: result, label: 结论, type: enum}"}}), 6,
                "enum field 'result' needs options");
}

TEST(ParseKindMeaning, FieldAttributesMustFitTheType) {
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: text, options: [a]}"}}), 5,
                "options apply to enum fields only");
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: date, max: 3}"}}), 5,
                "max applies to number, money, text and long_text only");
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: number, min: 5, max: 3}"}}), 5,
                "min is greater than max");
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: text, link_kind: t}"}}), 5,
                "link_kind applies to matter_link fields only");
}

TEST(ParseKindMeaning, DuplicateOption) {
  ExpectInvalid(Yaml({{6, "  - key: result\n    label: 结论\n    type: enum\n"
                          "    options:\n      - 合格\n      - 合格"}}),
                11, "duplicate option '合格'");
}

TEST(ParseKindMeaning, DuplicateFieldKey) {
  ExpectInvalid(Yaml({{6, "  - {key: title, label: 结论, type: enum, options: [合格]}"}}), 6,
                "duplicate field key 'title'");
}

TEST(ParseKindMeaning, ReservedFieldKey) {
  ExpectInvalid(Yaml({{5, "  - {key: note, label: 说明, type: text}"}}), 5, "reserved");
}

TEST(ParseKindMeaning, DuplicateState) {
  ExpectInvalid(Yaml({{7, "states:\n  - open\n  - done\n  - dropped\n  - done"}}), 11,
                "duplicate state 'done'");
}

TEST(ParseKindMeaning, DuplicateAction) {
  ExpectInvalid(Yaml({{12, "  - {name: finish, label: 放弃, from: [open], to: dropped, "
                           "roles: [clerk]}"}}),
                12, "duplicate action 'finish'");
}

TEST(ParseKindMeaning, DuplicateDeadline) {
  ExpectInvalid(Yaml({}, {"  - {name: period, label: 又一个, length: 3}"}), 15,
                "duplicate deadline 'period'");
}

TEST(ParseKindMeaning, InitialNotDeclared) {
  ExpectInvalid(Yaml({{8, "initial: opened"}}), 8, "initial state 'opened' is not declared");
}

TEST(ParseKindMeaning, ToNotDeclared) {
  ExpectInvalid(Yaml({{11, "  - {name: finish, label: 完成, from: [open], to: finished, "
                           "roles: [clerk]}"}}),
                11, "to names undeclared state 'finished'");
}

TEST(ParseKindMeaning, FromNotDeclared) {
  ExpectInvalid(Yaml({{11, "  - name: finish\n    label: 完成\n    from:\n      - open\n"
                           "      - opn\n    to: done\n    roles: [clerk]"}}),
                15, "from names undeclared state 'opn'");
}

TEST(ParseKindMeaning, FinalNotDeclared) {
  ExpectInvalid(Yaml({{9, "final: [done, dropped, gone]"}}), 9,
                "final state 'gone' is not declared");
}

TEST(ParseKindMeaning, ActionMayNotLeaveFinalState) {
  ExpectInvalid(Yaml({{12, "  - {name: drop, label: 放弃, from: [open, done], to: dropped, "
                           "roles: [clerk]}"}}),
                12, "from names final state 'done'");
}

TEST(ParseKindMeaning, StateWithNoWayOut) {
  ExpectInvalid(Yaml({{7, "states:\n  - open\n  - waiting\n  - done\n  - dropped"},
                      {11, "  - {name: finish, label: 完成, from: [open], to: waiting, "
                           "roles: [clerk]}"}}),
                9, "state 'waiting' is not final and no action leaves it");
}

TEST(ParseKindMeaning, StateThatCannotReachFinal) {
  // open -> a <-> b: a and b leave, but never reach done or dropped.
  ExpectInvalid(Yaml({{7, "states: [open, a, b, done, dropped]"},
                      {12, "  - {name: drop, label: 放弃, from: [open], to: dropped, "
                           "roles: [clerk]}\n"
                           "  - {name: go, label: 去, from: [open, b], to: a, roles: [clerk]}\n"
                           "  - {name: back, label: 回, from: [a], to: b, roles: [clerk]}"}}),
                7, "state 'a' cannot reach a final state");
}

TEST(ParseKindMeaning, StateUnreachableFromInitial) {
  ExpectInvalid(Yaml({{7, "states:\n  - open\n  - orphan\n  - done\n  - dropped"},
                      {12, "  - {name: drop, label: 放弃, from: [open, orphan], to: dropped, "
                           "roles: [clerk]}"}}),
                9, "state 'orphan' cannot be reached from the initial state");
}

TEST(ParseKindMeaning, RequireNamesUnknownField) {
  ExpectInvalid(Yaml({{12, "  - {name: drop, label: 放弃, from: [open], to: dropped, "
                           "roles: [clerk], require: [note, reason]}"}}),
                12, "require names unknown field 'reason'");
}

TEST(ParseKindMeaning, FieldsNamesUnknownField) {
  ExpectInvalid(Yaml({{12, "  - {name: drop, label: 放弃, from: [open], to: dropped, "
                           "roles: [clerk], fields: [titel]}"}}),
                12, "fields names unknown field 'titel'");
}

TEST(ParseKindMeaning, UnknownRole) {
  ExpectInvalid(Yaml({{11, "  - {name: finish, label: 完成, from: [open], to: done, "
                           "roles: [clark]}"}}),
                11, "unknown role 'clark'");
  ExpectInvalid(Yaml({{11, "  - {name: finish, label: 完成, from: [open], to: done}"}}), 11,
                "needs 'roles'");
}

TEST(ParseKindMeaning, AssignNeedsAssignee) {
  ExpectInvalid(Yaml({{12, "  - {name: drop, label: 放弃, from: [open], to: dropped, "
                           "roles: [clerk], effect: assign}"}}),
                12, "effect assign needs 'assignee'");
}

// kBase with one more action, on line 13.
std::string WithAction(const std::string& action) {
  return Yaml({{12, std::string(kBase[11]) + "\n" + action}});
}

// Per-option lengths (length_by / lengths), on line 14 with the result field
// made required on line 6.
TEST(ParseKindMeaning, LengthsByAnEnumField) {
  const std::string required_result =
      "  - {key: result, label: 结论, type: enum, required: true, options: [合格, 不合格]}";
  Result<KindDef> k = Parse(Yaml({{6, required_result},
                                  {14, "  - {name: period, label: 期限, length: 5, length_by: result,\n"
                                       "     lengths: {合格: 3, 不合格: 9}}"}}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  const DeadlineDef& d = k->deadlines.at(0);
  EXPECT_EQ(d.LengthFor("合格"), 3);
  EXPECT_EQ(d.LengthFor("不合格"), 9);
  EXPECT_EQ(d.LengthFor(""), 5);  // not listed: `length`

  ExpectInvalid(Yaml({{6, required_result},
                      {14, "  - {name: period, label: 期限, length: 5, length_by: result,\n"
                           "     lengths: {合格: 3,\n       待定: 9}}"}}),
                16, "'待定' is not an option of field 'result'");
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, length: 5, length_by: result, lengths: {合格: 3}}"}}),
                14, "enum field with required: true");
  ExpectInvalid(Yaml({{6, required_result},
                      {14, "  - {name: period, label: 期限, length: 5, length_by: reslt, lengths: {合格: 3}}"}}),
                14, "unknown field 'reslt'");
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, length: 5, lengths: {合格: 3}}"}}), 14,
                "'lengths' needs 'length_by'");
  ExpectInvalid(Yaml({{6, required_result}, {14, "  - {name: period, label: 期限, length: 5, length_by: result}"}}),
                14, "length_by needs 'lengths'");
  ExpectInvalid(Yaml({{6, required_result},
                      {14, "  - {name: period, label: 期限, length: 5, length_by: result, lengths: {合格: x}}"}}),
                14, "lengths['合格'] must be a whole number");
  ExpectInvalid(Yaml({{6, required_result},
                      {14, "  - {name: period, label: 期限, length: 5, length_by: result, lengths: [3]}"}}),
                14, "'lengths' must be a mapping");
}

TEST(ParseKindMeaning, DueOnADateField) {
  const std::string date_field = "  - {key: title, label: 标题, type: text}\n  - {key: until, label: 有效期至, type: date}";
  Result<KindDef> k = Parse(Yaml({{5, date_field},
                                  {14, "  - {name: period, label: 有效期, starts: create, due_field: until, ends: [finish]}"}}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->deadlines.at(0).due_field, "until");
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 有效期, due_field: title}"}}), 14, "due_field must name a date field");
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 有效期, due_field: untl}"}}), 14, "unknown field 'untl'");
  ExpectInvalid(Yaml({{5, date_field}, {14, "  - {name: period, label: 有效期, due_field: until, length: 5}"}}), 15,
                "has no length");
  ExpectInvalid(Yaml({{5, date_field},
                      {12, std::string(kBase[11]) +
                               "\n  - {name: hold, label: 中止, from: [open], roles: [clerk], effect: suspend, deadline: period}"},
                      {14, "  - {name: period, label: 有效期, due_field: until}"}}),
                14, "due on a date field");
}

TEST(ParseKindMeaning, AssigneeRolesAndAssigneeOnly) {
  Result<KindDef> k = Parse(WithAction("  - {name: hand, label: 分流, from: [open], roles: [clerk], "
                                       "require: [assignee], effect: assign, assignee_roles: [boss]}\n"
                                       "  - {name: work, label: 办理, from: [open], roles: [boss], "
                                       "assignee_only: true}"));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Action("hand")->assignee_roles, std::vector<std::string>{"boss"});
  EXPECT_TRUE(k->Action("work")->assignee_only);
  EXPECT_FALSE(k->Action("hand")->assignee_only);
  ExpectInvalid(WithAction("  - {name: hand, label: 分流, from: [open], roles: [clerk], "
                           "require: [assignee], effect: assign, assignee_roles: [bos]}"),
                13, "unknown role 'bos'");
  ExpectInvalid(WithAction("  - {name: hand, label: 分流, from: [open], roles: [clerk], assignee_roles: [boss]}"),
                13, "assignee_roles needs 'assignee' in require");
  ExpectInvalid(WithAction("  - {name: work, label: 办理, from: [open], roles: [boss], assignee_only: yes please}"),
                13, "'assignee_only' must be true or false");
}

TEST(ParseKindMeaning, CreationRules) {
  Result<KindDef> k = Parse(Yaml({{2, "label: 测试\nhandled_by: JUS-LR\ncreate_roles: [clerk]"}}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->handled_by, "JUS-LR");
  EXPECT_EQ(k->create_roles, std::vector<std::string>{"clerk"});
  ExpectInvalid(Yaml({{2, "label: 测试\ncreate_roles: [clerk, nobody]"}}), 3, "create_roles: unknown role 'nobody'");
  ExpectInvalid(Yaml({{2, "label: 测试\nhandled_by: JUS LR"}}), 3, "handled_by must be an org code");
}


TEST(ParseKindMeaning, ClockEffectNeedsDeadline) {
  ExpectInvalid(WithAction("  - {name: hold, label: 中止, from: [open], roles: [clerk], "
                           "effect: suspend}"),
                13, "effect suspend needs 'deadline'");
}

TEST(ParseKindMeaning, ClockEffectNamesUnknownDeadline) {
  ExpectInvalid(WithAction("  - {name: hold, label: 恢复, from: [open], roles: [clerk], "
                           "effect: resume, deadline: perid}"),
                13, "names unknown deadline 'perid'");
}

TEST(ParseKindMeaning, ExtendNeedsExtendableDeadline) {
  ExpectInvalid(WithAction("  - {name: more, label: 延期, from: [open], roles: [boss], "
                           "effect: extend, deadline: period}"),
                13, "deadline 'period' is not extendable");
  EXPECT_TRUE(Parse(Yaml({{12, std::string(kBase[11]) +
                                   "\n  - {name: more, label: 延期, from: [open], roles: [boss], "
                                   "effect: extend, deadline: period}"},
                          {14, "  - {name: period, label: 期限, length: 5, extendable: 5}"}}))
                  .ok());
}

TEST(ParseKindMeaning, DeadlineOnlyForClockEffects) {
  ExpectInvalid(WithAction("  - {name: note, label: 备注, from: [open], roles: [clerk], "
                           "deadline: period}"),
                13, "'deadline' applies only to effects suspend, resume, extend");
}

TEST(ParseKindMeaning, ActionNameCreateIsReserved) {
  ExpectInvalid(WithAction("  - {name: create, label: 新建, from: [open], roles: [clerk]}"), 13,
                "'create' is reserved");
}

TEST(ParseKindMeaning, DeadlineStartsUnknownAction) {
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, starts: begin, length: 5}"}}), 14,
                "starts names unknown action 'begin'");
}

TEST(ParseKindMeaning, DeadlineEndsUnknownAction) {
  ExpectInvalid(Yaml({{14, "  - name: period\n    label: 期限\n    length: 5\n    ends:\n"
                           "      - finish\n      - finsh"}}),
                19, "ends names unknown action 'finsh'");
}

TEST(ParseKindMeaning, DeadlineUnknownUnit) {
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, length: 5, unit: work_day}"}}), 14,
                "unknown unit 'work_day'");
}

TEST(ParseKindMeaning, DeadlineNegativeLength) {
  ExpectInvalid(Yaml({{14, "  - {name: period, label: 期限, length: -1}"}}), 14,
                "length must not be negative");
}

TEST(ParseKindMeaning, NumberPattern) {
  ExpectInvalid(Yaml({{3, "number: \"{org.short}〔{yr}〕{seq}号\""}}), 3,
                "unknown placeholder {yr}");
  ExpectInvalid(Yaml({{3, "number: \"{org.short}〔{year}〕号\""}}), 3, "has no {seq}");
  ExpectInvalid(Yaml({{3, "number: \"{seq}-{seq:3}\""}}), 3, "more than one {seq}");
  ExpectInvalid(Yaml({{3, "number: \"{seq:x}\""}}), 3, "needs a width from 1 to 12");
  ExpectInvalid(Yaml({{3, "number: \"{seq\""}}), 3, "unclosed '{'");
  Result<KindDef> k =
      Parse(Yaml({{3, "number: \"{org.short}{org.code}{kind.label}〔{year}〕{seq:4}号\""}}));
  EXPECT_TRUE(k.ok()) << k.status().ToString();
}

TEST(ParseKindMeaning, NumberOnUnknownAction) {
  ExpectInvalid(Yaml({}, {"number_on: issue"}), 15, "number_on names unknown action 'issue'");
  ExpectInvalid(Yaml({{3, "title_label: 名称"}}, {"number_on: finish"}), 15,
                "'number_on' is set but 'number' is not");
  Result<KindDef> k = Parse(Yaml({}, {"number_on: finish"}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->number_on, "finish");
}

TEST(ParseKindMeaning, OutcomeNamesUnknownField) {
  ExpectInvalid(Yaml({{11, "  - {name: finish, label: 完成, from: [open], to: done, "
                           "roles: [clerk], outcome: reslt}"}}),
                11, "outcome names unknown field 'reslt'");
}

TEST(ParseKindMeaning, GuardNeedsLinked) {
  ExpectInvalid(WithAction("  - {name: check, label: 核对, from: [open], roles: [clerk],\n"
                           "     guards: [{state_in: [done]}]}"),
                14, "a guard needs 'linked'");
}

TEST(ParseKindMeaning, GuardNeedsStates) {
  ExpectInvalid(WithAction("  - name: check\n    label: 核对\n    from: [open]\n"
                           "    roles: [clerk]\n"
                           "    guards:\n      - {linked: t, state_in: [done]}\n"
                           "      - {linked: t, state_in: []}"),
                19, "a guard needs a non-empty 'state_in'");
}

// --- accessors and names ----------------------------------------------------

TEST(Kind, FieldTypeNamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(FieldType::kMatterLink); ++i) {
    FieldType parsed;
    ASSERT_TRUE(ParseFieldType(FieldTypeName(FieldType(i)), &parsed)) << i;
    EXPECT_EQ(parsed, FieldType(i));
  }
  FieldType t = FieldType::kDate;
  EXPECT_FALSE(ParseFieldType("txt", &t));
  EXPECT_EQ(t, FieldType::kDate);
  EXPECT_STREQ(FieldTypeName(FieldType::kMatterLink), "matter_link");
  EXPECT_STREQ(EffectName(Effect::kExtend), "extend");
  EXPECT_STREQ(EffectName(Effect::kNone), "none");
}

// --- LoadKinds ----------------------------------------------------------------

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("fazhi-kind-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// A minimal valid kind named `name`, with extra lines appended to its fields.
std::string SmallKind(const std::string& name, const std::string& extra_fields = "") {
  return "kind: " + name +
         "\nlabel: 小\nfields:\n  - {key: title, label: 标题, type: text}\n" + extra_fields +
         "states: [open, done]\ninitial: open\nfinal: [done]\nactions:\n"
         "  - {name: finish, label: 完成, from: [open], to: done, roles: [clerk]}\n";
}

TEST(LoadKinds, TestKindUsesEveryFeature) {
  Result<std::vector<KindDef>> kinds =
      LoadKinds(SourceDir() + "/definitions/kinds-test", CatalogRoles());
  ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
  const KindDef* k = nullptr;
  for (const auto& kind : *kinds)
    if (kind.kind == "test_case") k = &kind;
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->label, "测试事项");
  EXPECT_NE(k->source_file.find("test_case.yaml"), std::string::npos);

  std::set<FieldType> types;
  for (const auto& f : k->fields) types.insert(f.type);
  EXPECT_EQ(types.size(), static_cast<size_t>(FieldType::kMatterLink) + 1)
      << "a field type is unused";
  EXPECT_TRUE(k->Field("party")->pii);
  EXPECT_EQ(k->Field("related")->link_kind, "test_case");
  EXPECT_EQ(k->Field("page_count")->min, 1);
  EXPECT_EQ(k->Field("page_count")->max, 1000);
  EXPECT_EQ(k->Field("category")->options.size(), 4u);

  for (const char* s : {"submitted", "accepted", "assigned", "drafted", "approved", "closed",
                        "returned"})
    EXPECT_TRUE(k->HasState(s)) << s;
  EXPECT_EQ(k->initial, "submitted");
  EXPECT_EQ(k->final_states, (std::vector<std::string>{"closed", "returned"}));
  EXPECT_EQ(k->StateLabel("closed"), "已办结");

  EXPECT_EQ(k->number_pattern, "{org.short}测〔{year}〕{seq}号");
  EXPECT_EQ(k->number_on, "close");
  EXPECT_EQ(k->Action("assign")->effect, Effect::kAssign);
  EXPECT_EQ(k->Action("suspend")->effect, Effect::kSuspend);
  EXPECT_EQ(k->Action("resume")->effect, Effect::kResume);
  EXPECT_EQ(k->Action("extend")->effect, Effect::kExtend);
  EXPECT_EQ(k->Action("close")->outcome_field, "conclusion");
  ASSERT_EQ(k->Action("confirm_link")->guards.size(), 1u);
  EXPECT_EQ(k->Action("confirm_link")->guards[0].linked_kind, "test_case");
  EXPECT_EQ(k->Action("feedback")->from, std::vector<std::string>{"closed"});

  const DeadlineDef* handling = k->Deadline("handling");
  ASSERT_NE(handling, nullptr);
  EXPECT_EQ(handling->label, "办理期限");
  EXPECT_EQ(handling->starts, "accept");
  EXPECT_EQ(handling->length, 7);
  EXPECT_EQ(handling->unit, "working_day");
  EXPECT_EQ(handling->extendable, 7);
  EXPECT_EQ(handling->ends, (std::vector<std::string>{"close", "return"}));
  EXPECT_EQ(handling->warn, 2);
  ASSERT_NE(k->Deadline("feedback_due"), nullptr);
  EXPECT_EQ(k->Deadline("feedback_due")->unit, "calendar_day");

  std::set<std::string> roles;
  for (const auto& a : k->actions) roles.insert(a.roles.begin(), a.roles.end());
  for (const char* r : {"review_clerk", "chief_counsel", "external_counsel", "counsel_assistant",
                        "unit_submitter", "leader"})
    EXPECT_TRUE(roles.count(r)) << r;
}

TEST(LoadKinds, UnknownRoleInTestKind) {
  // The catalog's roles are what make the test kind valid.
  Result<std::vector<KindDef>> kinds =
      LoadKinds(SourceDir() + "/definitions/kinds-test", {"review_clerk"});
  ASSERT_FALSE(kinds.ok());
  EXPECT_NE(kinds.status().message().find("unknown role"), std::string::npos);
}

TEST(LoadKinds, SortedByFileNameAndLinksAcrossFiles) {
  TempDir dir;
  dir.Write("b.yaml", SmallKind("beta"));
  dir.Write("a.yaml", SmallKind("alpha", "  - {key: ref, label: 关联, type: matter_link, "
                                         "link_kind: beta}\n"));
  dir.Write("notes.txt", "not a kind");
  Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
  ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
  ASSERT_EQ(kinds->size(), 2u);
  EXPECT_EQ((*kinds)[0].kind, "alpha");
  EXPECT_EQ((*kinds)[1].kind, "beta");
}

TEST(LoadKinds, DuplicateKindAcrossFiles) {
  TempDir dir;
  dir.Write("a.yaml", SmallKind("same"));
  dir.Write("b.yaml", "# the same kind again\n" + SmallKind("same"));
  Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
  ASSERT_FALSE(kinds.ok());
  EXPECT_EQ(kinds.status().code(), "invalid_kind");
  const std::string& msg = kinds.status().message();
  EXPECT_EQ(msg.substr(0, (dir.path() + "/b.yaml:2: ").size()), dir.path() + "/b.yaml:2: ") << msg;
  EXPECT_NE(msg.find("already defined in " + dir.path() + "/a.yaml"), std::string::npos) << msg;
}

TEST(LoadKinds, UnknownLinkKind) {
  TempDir dir;
  dir.Write("a.yaml", SmallKind("alpha", "  - {key: ref, label: 关联, type: matter_link, "
                                         "link_kind: gamma}\n"));
  dir.Write("b.yaml", SmallKind("beta"));
  Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
  ASSERT_FALSE(kinds.ok());
  const std::string& msg = kinds.status().message();
  EXPECT_EQ(msg.substr(0, (dir.path() + "/a.yaml:5: ").size()), dir.path() + "/a.yaml:5: ") << msg;
  EXPECT_NE(msg.find("link_kind names unknown kind 'gamma'"), std::string::npos) << msg;
}

TEST(LoadKinds, GuardKindAndStatesMustExist) {
  const std::string guarded =
      SmallKind("alpha") +
      "  - {name: check, label: 核对, from: [open], roles: [clerk],\n"
      "     guards: [{linked: beta, state_in: [done]}]}\n";
  {
    TempDir dir;
    dir.Write("a.yaml", guarded);
    Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
    ASSERT_FALSE(kinds.ok());
    EXPECT_NE(kinds.status().message().find("/a.yaml:11: "), std::string::npos)
        << kinds.status().message();
    EXPECT_NE(kinds.status().message().find("names unknown kind 'beta'"), std::string::npos);
  }
  {
    TempDir dir;
    dir.Write("a.yaml", guarded);
    std::string beta = SmallKind("beta");
    beta.replace(beta.find("[open, done]"), 12, "[open, finished]");
    beta.replace(beta.find("final: [done]"), 13, "final: [finished]");
    beta.replace(beta.find("to: done"), 8, "to: finished");
    dir.Write("b.yaml", beta);
    Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
    ASSERT_FALSE(kinds.ok());
    EXPECT_NE(kinds.status().message().find("/a.yaml:11: "), std::string::npos)
        << kinds.status().message();
    EXPECT_NE(kinds.status().message().find("kind 'beta' has no state 'done'"), std::string::npos)
        << kinds.status().message();
  }
}

// outcome_in names values of an enum outcome field of the linked kind.
TEST(LoadKinds, GuardOutcomesMustBePossible) {
  std::string beta = SmallKind("beta", "  - {key: verdict, label: 结论, type: enum, options: [合法, 不合法]}\n");
  beta.replace(beta.find("roles: [clerk]}"), 15, "roles: [clerk], outcome: verdict}");
  auto guarded = [](const std::string& outcomes) {
    return SmallKind("alpha") +
           "  - {name: check, label: 核对, from: [open], roles: [clerk],\n"
           "     guards: [{linked: beta, state_in: [done], outcome_in: [" + outcomes + "]}]}\n";
  };
  {
    TempDir dir;
    dir.Write("a.yaml", guarded("合法"));
    dir.Write("b.yaml", beta);
    Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
    ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
    EXPECT_EQ((*kinds)[0].Action("check")->guards[0].outcome_in, std::vector<std::string>{"合法"});
  }
  {
    TempDir dir;
    dir.Write("a.yaml", guarded("合法, 合规"));
    dir.Write("b.yaml", beta);
    Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
    ASSERT_FALSE(kinds.ok());
    EXPECT_NE(kinds.status().message().find("/a.yaml:11: "), std::string::npos) << kinds.status().message();
    EXPECT_NE(kinds.status().message().find("kind 'beta' has no outcome '合规'"), std::string::npos)
        << kinds.status().message();
  }
}

TEST(ParseKindMeaning, ElapsedGuards) {
  Result<KindDef> k = Parse(WithAction("  - {name: close, label: 结束, from: [open], to: done, roles: [clerk], "
                                       "guards: [{elapsed: period, unless_note: true, message: 期限未满}]}"));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Action("close")->guards.at(0).elapsed, "period");
  EXPECT_TRUE(k->Action("close")->guards.at(0).unless_note);
  ExpectInvalid(WithAction("  - {name: close, label: 结束, from: [open], to: done, roles: [clerk], "
                           "guards: [{elapsed: perod}]}"),
                13, "unknown deadline 'perod'");
  ExpectInvalid(WithAction("  - {name: close, label: 结束, from: [open], to: done, roles: [clerk], "
                           "guards: [{elapsed: period, linked: t, state_in: [done]}]}"),
                13, "either 'elapsed' or 'linked'");
  ExpectInvalid(WithAction("  - {name: close, label: 结束, from: [open], to: done, roles: [clerk], "
                           "guards: [{linked: t, state_in: [done], unless_note: true}]}"),
                13, "'unless_note' applies to 'elapsed' guards");
}

TEST(ParseKindMeaning, SetFixesAnEnumValue) {
  Result<KindDef> k = Parse(WithAction("  - {name: pass, label: 合格, from: [open], to: done, roles: [clerk], "
                                       "set: {result: 合格}}"));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Action("pass")->set.at("result"), "合格");
  ExpectInvalid(WithAction("  - {name: pass, label: 合格, from: [open], to: done, roles: [clerk], set: {result: 优秀}}"),
                13, "one of its options ('优秀')");
  ExpectInvalid(WithAction("  - {name: pass, label: 合格, from: [open], to: done, roles: [clerk], set: {title: 合格}}"),
                13, "set needs an enum field");
  ExpectInvalid(WithAction("  - {name: pass, label: 合格, from: [open], to: done, roles: [clerk], set: {reslt: 合格}}"),
                13, "unknown field 'reslt'");
  ExpectInvalid(WithAction("  - {name: pass, label: 合格, from: [open], to: done, roles: [clerk], set: [result]}"),
                13, "'set' must be a mapping");
}

// --- user fields, action styles, cross-field checks, field_in ------------------

TEST(ParseKindMeaning, UserFieldRoles) {
  Result<KindDef> k = Parse(Yaml({{5, "  - {key: title, label: 顾问, type: user, roles: [boss, clerk]}"}}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Field("title")->roles, (std::vector<std::string>{"boss", "clerk"}));
  ExpectInvalid(Yaml({{5, "  - key: title\n    label: 顾问\n    type: user\n    roles: [boss,\n      bos]"}}), 9,
                "field 'title': unknown role 'bos'");
  ExpectInvalid(Yaml({{5, "  - {key: title, label: 标题, type: text, roles: [boss]}"}}), 5,
                "roles apply to user fields only");
}

TEST(ParseKindMeaning, ActionStyle) {
  Result<KindDef> k = Parse(WithAction("  - {name: scrap, label: 作废, from: [open], to: dropped, roles: [clerk], style: danger}"));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Action("scrap")->style, "danger");
  EXPECT_EQ(k->Action("finish")->style, "");
  ExpectInvalid(WithAction("  - {name: scrap, label: 作废, from: [open], to: dropped, roles: [clerk], style: red}"), 13,
                "unknown style 'red' (known: danger)");
}

// kBase with date fields start/end, a number n and money m after line 6
// (lines 7-10), and `checks:` on line 19, the first check on line 20.
std::string WithChecks(const std::vector<std::string>& checks) {
  std::vector<std::string> append = {"checks:"};
  append.insert(append.end(), checks.begin(), checks.end());
  return Yaml({{6, std::string(kBase[5]) +
                       "\n  - {key: start, label: 起, type: date}\n  - {key: end, label: 止, type: date}"
                       "\n  - {key: n, label: 数, type: number}\n  - {key: m, label: 额, type: money}"}},
              append);
}

TEST(ParseKindChecks, ComparisonsOffsetsAndConditions) {
  Result<KindDef> k = Parse(WithChecks({"  - {field: end, not_before: start}",
                                        "  - {field: end, not_after: start, plus: {years: 1, months: 6},",
                                        "     when: {result: [合格]}, message: 不超过一年半}",
                                        "  - {field: m, after: n}"}));
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  ASSERT_EQ(k->checks.size(), 3u);
  EXPECT_EQ(k->checks[0].op, CheckDef::Op::kNotBefore);
  EXPECT_EQ(k->checks[0].other, "start");
  const CheckDef& c = k->checks[1];
  EXPECT_EQ(c.op, CheckDef::Op::kNotAfter);
  EXPECT_EQ(std::make_tuple(c.years, c.months, c.days), std::make_tuple(1, 6, 0));
  EXPECT_EQ(c.when.at("result"), std::vector<std::string>{"合格"});
  EXPECT_EQ(c.message, "不超过一年半");
  EXPECT_EQ(k->checks[2].op, CheckDef::Op::kAfter);
  EXPECT_STREQ(CheckOpName(CheckDef::Op::kBefore), "before");
}

TEST(ParseKindChecks, ProblemsNameTheirLine) {
  const std::string ok = "  - {field: end, not_before: start}";
  ExpectInvalid(WithChecks({ok, "  - {field: ned, not_before: start}"}), 21, "unknown field 'ned'");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: strat}"}), 20, "not_before names unknown field 'strat'");
  ExpectInvalid(WithChecks({"  - {field: end}"}), 20, "exactly one of not_before, not_after, before, after");
  ExpectInvalid(WithChecks({"  - {field: end, before: start, after: start}"}), 20, "exactly one of");
  ExpectInvalid(WithChecks({"  - {not_before: start}"}), 20, "needs 'field'");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, colour: red}"}), 20, "unknown key 'colour'");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: n}"}), 20, "compares dates with dates");
  ExpectInvalid(WithChecks({"  - {field: n, not_before: n}"}), 20, "compares the field with itself");
  ExpectInvalid(WithChecks({"  - {field: m, not_before: n, plus: {days: 3}}"}), 20, "'plus' applies to date fields only");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, plus: {weeks: 1}}"}), 20, "unknown key 'weeks' in 'plus'");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, plus: {years: x}}"}), 20, "plus.years must be a whole number");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, plus: {years: 1, days: -1}}"}), 20, "same sign");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, plus: {years: 200}}"}), 20, "more than a century");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, when: {title: [x]}}"}), 20,
                "when names 'title', which is no enum field");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start,", "     when: {result: [优秀]}}"}), 21,
                "'优秀' is not an option of field 'result'");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, when: {result: []}}"}), 20, "needs 1 to 200 options");
  ExpectInvalid(WithChecks({"  - {field: end, not_before: start, when: [result]}"}), 20, "'when' must be a mapping");
}

// field_in: enum fields of the linked kind and their options.
TEST(LoadKinds, GuardFieldConditionsMustExist) {
  const std::string beta = SmallKind("beta", "  - {key: verdict, label: 类别, type: enum, options: [甲, 乙]}\n");
  auto guarded = [](const std::string& field_in) {
    return SmallKind("alpha") +
           "  - {name: check, label: 核对, from: [open], roles: [clerk],\n"
           "     guards: [{linked: beta, state_in: [done], field_in: " + field_in + "}]}\n";
  };
  auto load = [&](const std::string& field_in) {
    TempDir dir;
    dir.Write("a.yaml", guarded(field_in));
    dir.Write("b.yaml", beta);
    return LoadKinds(dir.path(), TestRoles());
  };
  Result<std::vector<KindDef>> kinds = load("{verdict: [甲]}");
  ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
  EXPECT_EQ((*kinds)[0].Action("check")->guards[0].field_in.at("verdict"), std::vector<std::string>{"甲"});
  for (const auto& [field_in, phrase] : std::vector<std::pair<std::string, std::string>>{
           {"{verdict: [丙]}", "'丙' is not an option of field 'verdict' of kind 'beta'"},
           {"{title: [x]}", "field_in names 'title', which is no enum field of kind 'beta'"},
           {"{nope: [x]}", "field_in names 'nope'"}}) {
    kinds = load(field_in);
    ASSERT_FALSE(kinds.ok()) << field_in;
    EXPECT_NE(kinds.status().message().find("/a.yaml:11: "), std::string::npos) << kinds.status().message();
    EXPECT_NE(kinds.status().message().find(phrase), std::string::npos) << kinds.status().message();
  }
  ExpectInvalid(WithAction("  - {name: close, label: 结束, from: [open], to: done, roles: [clerk], "
                           "guards: [{elapsed: period, field_in: {result: [合格]}}]}"),
                13, "either 'elapsed' or 'linked'");
}

// same_org: an org field of the linked kind.
TEST(LoadKinds, GuardSameOrgNamesAnOrgFieldOfTheLinkedKind) {
  const std::string beta = SmallKind("beta", "  - {key: unit, label: 报送单位, type: org}\n"
                                             "  - {key: verdict, label: 类别, type: enum, options: [甲, 乙]}\n");
  auto load = [&](const std::string& same_org) {
    TempDir dir;
    dir.Write("a.yaml", SmallKind("alpha") +
                            "  - {name: check, label: 核对, from: [open], roles: [clerk],\n"
                            "     guards: [{linked: beta, state_in: [done], same_org: " + same_org + "}]}\n");
    dir.Write("b.yaml", beta);
    return LoadKinds(dir.path(), TestRoles());
  };
  Result<std::vector<KindDef>> kinds = load("unit");
  ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
  EXPECT_EQ((*kinds)[0].Action("check")->guards[0].same_org, "unit");
  for (const std::string bad : {"verdict", "nope"}) {
    kinds = load(bad);
    ASSERT_FALSE(kinds.ok()) << bad;
    EXPECT_NE(kinds.status().message().find("/a.yaml:11: "), std::string::npos) << kinds.status().message();
    EXPECT_NE(kinds.status().message().find("same_org names '" + bad + "', which is no org field of kind 'beta'"),
              std::string::npos)
        << kinds.status().message();
  }
  ExpectInvalid(WithAction("  - {name: close, label: 结束, from: [open], to: done, roles: [clerk], "
                           "guards: [{elapsed: period, same_org: unit}]}"),
                13, "either 'elapsed' or 'linked'");
}

TEST(LoadKinds, FirstBadFileStopsLoading) {
  TempDir dir;
  dir.Write("a.yaml", SmallKind("alpha"));
  dir.Write("b.yaml", "");
  Result<std::vector<KindDef>> kinds = LoadKinds(dir.path(), TestRoles());
  ASSERT_FALSE(kinds.ok());
  EXPECT_NE(kinds.status().message().find("/b.yaml:1: "), std::string::npos);
  EXPECT_NE(kinds.status().message().find("empty"), std::string::npos);
}

TEST(LoadKinds, EmptyAndMissingDirectories) {
  TempDir dir;
  Result<std::vector<KindDef>> none = LoadKinds(dir.path(), TestRoles());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  Result<std::vector<KindDef>> missing = LoadKinds(dir.path() + "/nope", TestRoles());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), "invalid_kind");
}

}  // namespace
}  // namespace fazhi::engine
