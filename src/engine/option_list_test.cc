#include "engine/option_list.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "base/temp_dir.h"
#include "engine/field_checks.h"
#include "engine/kind.h"

namespace fazhi::engine {
namespace {

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

constexpr char kList[] =
    "list: colours\n"
    "label: 颜色\n"
    "items:\n"
    "  - {label: 红, code: r}\n"
    "  - {label: 绿}\n";

void ExpectInvalid(const std::string& yaml, int line, const std::string& part) {
  Result<OptionList> l = ParseOptionList(yaml, "l.yaml");
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().code(), "invalid_definition");
  EXPECT_NE(l.status().message().find("l.yaml:" + std::to_string(line) + ": "), std::string::npos)
      << l.status().message();
  EXPECT_NE(l.status().message().find(part), std::string::npos) << l.status().message();
}

TEST(OptionList, ParsesItemsAndAttributes) {
  Result<OptionList> l = ParseOptionList(kList, "l.yaml");
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->name, "colours");
  EXPECT_EQ(l->label, "颜色");
  EXPECT_EQ(l->Labels(), (std::vector<std::string>{"红", "绿"}));
  ASSERT_NE(l->Item("红"), nullptr);
  EXPECT_EQ(l->Item("红")->Attr("code"), "r");
  EXPECT_EQ(l->Item("绿")->Attr("code"), "");
  EXPECT_EQ(l->Item("红")->line, 4);
  EXPECT_EQ(l->Item("蓝"), nullptr);
}

TEST(OptionList, Refusals) {
  ExpectInvalid("list: Colours\nlabel: 颜色\nitems: [{label: 红}]\n", 1, "'list' must be a name");
  ExpectInvalid("list: c\nitems: [{label: 红}]\n", 1, "'label' is missing");
  ExpectInvalid("list: c\nlabel: 颜色\nitems: []\n", 3, "non-empty list");
  ExpectInvalid("list: c\nlabel: 颜色\ncolour: x\nitems: [{label: 红}]\n", 3, "unknown key 'colour'");
  ExpectInvalid("list: c\nlabel: 颜色\nitems:\n  - {label: 红}\n  - {label: 红}\n", 5,
                "duplicate item '红'");
  ExpectInvalid("list: c\nlabel: 颜色\nitems:\n  - {code: r}\n", 4, "needs a label");
  ExpectInvalid("list: c\nlabel: 颜色\nitems:\n  - 红\n", 4, "must be a mapping");
  ExpectInvalid("list: c\nlabel: 颜色\nitems:\n  - {label: 红, code: [a]}\n", 4, "plain, non-empty");
  ExpectInvalid("list: c\nlabel: [颜色\n", 3, "YAML error");
}

TEST(OptionList, LoadsDirectoryAndRefusesDuplicateNames) {
  const auto dir = MakeTempDir("fazhi-lists");
  EXPECT_TRUE(LoadOptionLists((dir / "missing").string())->empty());
  std::ofstream(dir / "a.yaml") << kList;
  Result<std::vector<OptionList>> one = LoadOptionLists(dir.string());
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->size(), 1u);
  EXPECT_NE(FindOptionList(*one, "colours"), nullptr);
  EXPECT_EQ(FindOptionList(*one, "shapes"), nullptr);
  std::ofstream(dir / "b.yaml") << kList;
  Result<std::vector<OptionList>> two = LoadOptionLists(dir.string());
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().message().find("b.yaml:1: list 'colours' is already defined"), std::string::npos)
      << two.status().message();
  std::filesystem::remove_all(dir);
}

// A kind whose enum field takes its options from a list.
std::string KindWith(const std::string& field) {
  return "kind: k\nlabel: 小\nfields:\n" + field +
         "states: [open, done]\ninitial: open\nfinal: [done]\nactions:\n"
         "  - {name: finish, label: 完成, from: [open], to: done, roles: [clerk]}\n";
}

TEST(OptionList, EnumFieldTakesOptionsFromList) {
  std::vector<OptionList> lists{*ParseOptionList(kList, "l.yaml")};
  Result<KindDef> k =
      ParseKind(KindWith("  - {key: colour, label: 颜色, type: enum, options_from: colours}\n"), "k.yaml",
                {"clerk"}, lists);
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->Field("colour")->options, (std::vector<std::string>{"红", "绿"}));
  EXPECT_EQ(k->Field("colour")->options_from, "colours");

  Result<KindDef> unknown =
      ParseKind(KindWith("  - {key: colour, label: 颜色, type: enum, options_from: shapes}\n"), "k.yaml",
                {"clerk"}, lists);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("k.yaml:4: field 'colour': options_from names unknown list 'shapes'"),
            std::string::npos)
      << unknown.status().message();

  Result<KindDef> both = ParseKind(
      KindWith("  - {key: colour, label: 颜色, type: enum, options: [蓝],\n     options_from: colours}\n"),
      "k.yaml", {"clerk"}, lists);
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message().find("k.yaml:5:"), std::string::npos) << both.status().message();

  Result<KindDef> text = ParseKind(
      KindWith("  - {key: colour, label: 颜色, type: text, options_from: colours}\n"), "k.yaml", {"clerk"}, lists);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("applies to enum fields"), std::string::npos);
}

// A kind whose list-backed field must agree with another field through an
// attribute of the chosen item (`matches`).
Result<KindDef> KindWithMatch(const std::string& code_field, const std::string& check) {
  std::vector<OptionList> lists{*ParseOptionList(kList, "l.yaml")};
  return ParseKind("kind: k\nlabel: 小\nfields:\n"
                   "  - {key: colour, label: 颜色, type: enum, options_from: colours}\n"
                   "  - {key: plain, label: 普通, type: enum, options: [甲]}\n" +
                       code_field + "checks:\n" + check +
                       "states: [open, done]\ninitial: open\nfinal: [done]\nactions:\n"
                       "  - {name: finish, label: 完成, from: [open], to: done, roles: [clerk]}\n",
                   "k.yaml", {"clerk"}, lists);
}

TEST(OptionList, MatchesChecksTheChosenItemsAttribute) {
  Result<KindDef> k = KindWithMatch("  - {key: code, label: 代码, type: enum, options: [r, g]}\n",
                                    "  - {field: colour, matches: code, attr: code}\n");
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  auto check = [&](const Json& after, const std::set<std::string>& changed) {
    FieldErrors errors;
    EvaluateChecks(*k, after, changed, &errors);
    return errors;
  };
  EXPECT_TRUE(check({{"colour", "红"}, {"code", "r"}}, {"colour", "code"}).empty());
  FieldErrors e = check({{"colour", "红"}, {"code", "g"}}, {"colour", "code"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e["colour"], "颜色所选事项对应的代码为「r」，与所填代码不一致");
  EXPECT_EQ(check({{"colour", "红"}, {"code", "g"}}, {"code"}).count("code"), 1u);  // the field being changed
  EXPECT_TRUE(check({{"colour", "绿"}, {"code", "g"}}, {"colour"}).empty());      // 绿 names no code
  EXPECT_TRUE(check({{"colour", "红"}}, {"colour"}).empty());                      // no code given
}

TEST(OptionList, MatchesRefusals) {
  const std::string code = "  - {key: code, label: 代码, type: text}\n";
  auto error = [&](const std::string& field, const std::string& check) {
    Result<KindDef> k = KindWithMatch(field, check);
    return k.ok() ? std::string("ok") : k.status().message();
  };
  EXPECT_EQ(error(code, "  - {field: colour, matches: code, attr: code}\n"), "ok");  // a text field too
  EXPECT_NE(error(code, "  - {field: plain, matches: code, attr: code}\n").find("applies to enum fields with options_from"),
            std::string::npos);
  EXPECT_NE(error(code, "  - {field: colour, matches: code}\n").find("matches needs 'attr'"), std::string::npos);
  EXPECT_NE(error(code, "  - {field: colour, matches: code, attr: size}\n").find("no item of list 'colours' has attribute 'size'"),
            std::string::npos);
  EXPECT_NE(error("  - {key: code, label: 代码, type: enum, options: [x]}\n",
                  "  - {field: colour, matches: code, attr: code}\n")
                .find("item '红' has code 'r', which is not an option of field 'code'"),
            std::string::npos);
  EXPECT_NE(error(code, "  - {field: colour, not_before: code, attr: code}\n").find("'attr' applies to matches only"),
            std::string::npos);
}

TEST(OptionList, ShippedListsLoad) {
  Result<std::vector<OptionList>> lists = LoadOptionLists(SourceDir() + "/definitions/lists");
  ASSERT_TRUE(lists.ok()) << lists.status().ToString();
  const OptionList* catalogue = FindOptionList(*lists, "review_catalogue");
  ASSERT_NE(catalogue, nullptr);
  EXPECT_EQ(catalogue->label, "合法性审查事项目录清单");
  EXPECT_GE(catalogue->items.size(), 7u);
}

}  // namespace
}  // namespace fazhi::engine
