#include "modules/review_catalogue/catalogue_check.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace fazhi::review_catalogue {
namespace {

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

// A review kind with a category, and a decision kind whose `decide` action
// carries `guard` (YAML, or "" for none).
std::vector<engine::KindDef> Kinds(const std::string& guard) {
  const std::string review =
      "kind: legality_review\nlabel: 审查\nfields:\n"
      "  - {key: category, label: 类别, type: enum, options: [政策文件, 行政协议]}\n"
      "states: [open, issued]\ninitial: open\nfinal: [issued]\nactions:\n"
      "  - {name: issue, label: 出具, from: [open], to: issued, roles: [clerk]}\n";
  const std::string decision =
      "kind: decision\nlabel: 决策\nfields:\n  - {key: t, label: 标题, type: text}\n"
      "states: [open, decided]\ninitial: open\nfinal: [decided]\nactions:\n"
      "  - {name: decide, label: 决定, from: [open], to: decided, roles: [clerk]" +
      (guard.empty() ? std::string() : ",\n     guards: [" + guard + "]") + "}\n";
  std::vector<engine::KindDef> out;
  for (const auto& [yaml, file] : {std::pair{review, "r.yaml"}, std::pair{decision, "d.yaml"}}) {
    Result<engine::KindDef> k = engine::ParseKind(yaml, file, {"clerk"});
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    if (k.ok()) out.push_back(std::move(k).value());
  }
  return out;
}

constexpr char kGuard[] = "{linked: legality_review, state_in: [issued], message: 须先审查}";

engine::OptionList Catalogue(const std::string& items) {
  Result<engine::OptionList> l =
      engine::ParseOptionList("list: review_catalogue\nlabel: 目录清单\nitems:\n" + items, "c.yaml");
  EXPECT_TRUE(l.ok()) << l.status().ToString();
  return l.ok() ? *l : engine::OptionList{};
}

void ExpectRefused(const std::string& items, const std::string& guard, const std::string& part) {
  Status s = CheckCatalogue(Catalogue(items), Kinds(guard));
  ASSERT_FALSE(s.ok()) << items;
  EXPECT_EQ(s.code(), "invalid_definition");
  EXPECT_NE(s.message().find("c.yaml:4: "), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(part), std::string::npos) << s.message();
}

TEST(ReviewCatalogue, GuardedDecisionPasses) {
  Status s = CheckCatalogue(Catalogue("  - {label: 决策事项, category: 政策文件, kind: decision, decision: decide}\n"
                                      "  - {label: 协议, category: 行政协议}\n"),
                            Kinds(kGuard));
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(ReviewCatalogue, Refusals) {
  ExpectRefused("  - {label: 决策事项, category: 政策文件, kind: decision, decision: decide}\n", "",
                "could be decided without review");
  ExpectRefused("  - {label: 决策事项, category: 政策文件, kind: decision, decision: decide}\n",
                "{linked: legality_review, state_in: [open, issued]}", "could be decided without review");
  ExpectRefused("  - {label: 决策事项, category: 规章}\n", kGuard, "category '规章' is not an option");
  ExpectRefused("  - {label: 决策事项}\n", kGuard, "category '' is not an option");
  ExpectRefused("  - {label: 决策事项, category: 政策文件, kind: decision}\n", kGuard, "kind and decision go together");
  ExpectRefused("  - {label: 决策事项, category: 政策文件, kind: plan, decision: decide}\n", kGuard,
                "unknown kind 'plan'");
  ExpectRefused("  - {label: 决策事项, category: 政策文件, kind: decision, decision: vote}\n", kGuard,
                "has no action 'vote'");
  ExpectRefused("  - {label: 决策事项, category: 政策文件, owner: x}\n", kGuard, "unknown attribute 'owner'");
}

TEST(ReviewCatalogue, ShippedCatalogueMatchesShippedKinds) {
  std::vector<std::string> roles;
  std::ifstream in(SourceDir() + "/definitions/identity/roles.yaml");
  for (std::string line; std::getline(in, line);)
    if (size_t at = line.find("- code: "); at != std::string::npos) roles.push_back(line.substr(at + 8));
  auto lists = engine::LoadOptionLists(SourceDir() + "/definitions/lists");
  ASSERT_TRUE(lists.ok()) << lists.status().ToString();
  auto kinds = engine::LoadKinds(SourceDir() + "/definitions/kinds", roles, *lists);
  ASSERT_TRUE(kinds.ok()) << kinds.status().ToString();
  const engine::OptionList* catalogue = engine::FindOptionList(*lists, kListName);
  ASSERT_NE(catalogue, nullptr);
  Status s = CheckCatalogue(*catalogue, *kinds);
  EXPECT_TRUE(s.ok()) << s.ToString();
  // Every review category has at least one catalogue item.
  for (const auto& k : *kinds) {
    if (k.kind != kReviewKind) continue;
    for (const auto& option : k.Field("category")->options) {
      bool found = false;
      for (const auto& item : catalogue->items) found = found || item.Attr("category") == option;
      EXPECT_TRUE(found) << option;
    }
  }
}

}  // namespace
}  // namespace fazhi::review_catalogue
