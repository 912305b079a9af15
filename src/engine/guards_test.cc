#include "engine/guards.h"

#include <gtest/gtest.h>

namespace fazhi::engine {
namespace {

// The guards of normative_document's 集体审议, in their order.
ActionDef Deliberate() {
  ActionDef a;
  a.name = "deliberate";
  GuardDef issued;
  issued.linked_kind = "legality_review";
  issued.state_in = {"issued"};
  issued.message = "未经合法性审核";
  GuardDef category = issued;
  category.field_in = {{"category", {"行政规范性文件"}}};
  category.message = "类别不符";
  GuardDef lawful = category;
  lawful.outcome_in = {"合法", "修改后合法"};
  lawful.message = "审核认定不合法";
  a.guards = {issued, category, lawful};
  return a;
}

LinkedMatter Review(const std::string& state, const std::string& category, const std::string& outcome = "") {
  return {"legality_review", state, outcome, Json{{"category", category}}};
}

std::optional<std::string> Refusal(const std::vector<LinkedMatter>& linked) {
  return GuardRefusal(Deliberate(), {}, calendar::Date{2026, 3, 2}, "", linked);
}

TEST(LinkGuard, FieldInNeedsTheLinkedMattersEnumValue) {
  GuardDef g = Deliberate().guards[1];
  EXPECT_TRUE(LinkGuardHolds(g, {Review("issued", "行政规范性文件")}));
  EXPECT_FALSE(LinkGuardHolds(g, {Review("issued", "重大行政决策")}));
  EXPECT_FALSE(LinkGuardHolds(g, {Review("drafted", "行政规范性文件")}));
  EXPECT_FALSE(LinkGuardHolds(g, {{"legality_review", "issued", "", Json::object()}}));  // no category
  EXPECT_FALSE(LinkGuardHolds(g, {{"legality_review", "issued", "", Json{{"category", 1}}}}));
  EXPECT_FALSE(LinkGuardHolds(g, {{"major_decision", "issued", "", Json{{"category", "行政规范性文件"}}}}));
  EXPECT_FALSE(LinkGuardHolds(g, {}));
}

TEST(LinkGuard, SameOrgNeedsTheReviewOfTheMattersOwnUnit) {
  GuardDef g = Deliberate().guards[1];
  g.same_org = "submitting_org";
  auto review = [](const std::string& org) {
    return LinkedMatter{"legality_review", "issued", "合法", Json{{"category", "行政规范性文件"}, {"submitting_org", org}}};
  };
  EXPECT_TRUE(LinkGuardHolds(g, {review("42")}, 42));
  EXPECT_FALSE(LinkGuardHolds(g, {review("43")}, 42));  // another unit's review
  EXPECT_TRUE(LinkGuardHolds(g, {review("43"), review("42")}, 42));
  EXPECT_FALSE(LinkGuardHolds(g, {{"legality_review", "issued", "", Json{{"category", "行政规范性文件"}}}}, 42));
  EXPECT_FALSE(LinkGuardHolds(g, {review("42")}));  // no org given: nothing matches
}

TEST(LinkGuard, OneLinkedMatterMustMeetEveryCondition) {
  // An issued, lawful review of another category and a lawful-category review
  // still in progress do not add up to one that passes.
  EXPECT_EQ(Refusal({Review("issued", "重大行政决策", "合法"), Review("assigned", "行政规范性文件")}), "类别不符");
  EXPECT_EQ(Refusal({Review("issued", "重大行政决策", "合法"), Review("issued", "行政规范性文件", "不合法")}),
            "审核认定不合法");
  EXPECT_EQ(Refusal({Review("issued", "重大行政决策", "合法"), Review("issued", "行政规范性文件", "修改后合法")}),
            std::nullopt);
}

TEST(LinkGuard, TheFirstGuardThatFailsSpeaks) {
  EXPECT_EQ(Refusal({}), "未经合法性审核");
  EXPECT_EQ(Refusal({Review("approved", "行政规范性文件")}), "未经合法性审核");
  EXPECT_EQ(Refusal({Review("issued", "重大行政决策", "合法")}), "类别不符");
  EXPECT_EQ(Refusal({Review("issued", "行政规范性文件", "不合法")}), "审核认定不合法");
  EXPECT_EQ(Refusal({Review("issued", "行政规范性文件", "合法")}), std::nullopt);
}

TEST(ElapsedGuard, RunningPeriodRefusesUnlessAReasonIsGiven) {
  ActionDef close;
  GuardDef g;
  g.elapsed = "comment_window";
  g.unless_note = true;
  close.guards = {g};
  DeadlineRecord d;
  d.name = "comment_window";
  d.status = "running";
  d.due_on = "2026-03-11";
  const calendar::Date today{2026, 3, 2};
  EXPECT_EQ(GuardRefusal(close, {d}, today, "", {}), "期限未满，不能执行此操作");
  EXPECT_EQ(GuardRefusal(close, {d}, today, "经批准缩短", {}), std::nullopt);
  EXPECT_EQ(GuardRefusal(close, {d}, calendar::Date{2026, 3, 11}, "", {}), std::nullopt);
  close.guards[0].unless_note = false;
  EXPECT_TRUE(GuardRefusal(close, {d}, today, "经批准缩短", {}).has_value());
}

}  // namespace
}  // namespace fazhi::engine
