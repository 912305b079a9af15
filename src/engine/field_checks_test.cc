#include "engine/field_checks.h"

#include <gtest/gtest.h>

namespace fazhi::engine {
namespace {

// A kind like normative_document and counsel_contract, with their checks.
KindDef Kind() {
  auto k = ParseKind(R"(kind: doc
label: 文件
fields:
  - {key: validity_type, label: 文件性质, type: enum, options: [正式, 暂行, 试行]}
  - {key: published_on, label: 公布日期, type: date}
  - {key: valid_until, label: 有效期至, type: date}
  - {key: service_start, label: 服务期限起, type: date}
  - {key: service_end, label: 服务期限止, type: date}
  - {key: low, label: 下限, type: number}
  - {key: high, label: 上限, type: money}
  - {key: remark, label: 备注, type: text}
checks:
  - {field: service_end, not_before: service_start}
  - {field: valid_until, after: published_on}
  - {field: valid_until, not_after: published_on, plus: {years: 5}}
  - {field: valid_until, not_after: published_on, plus: {years: 2}, when: {validity_type: [暂行, 试行]}}
  - {field: high, not_before: low}
  - {field: low, before: high, message: 下限须低于上限}
states: [open, done]
initial: open
final: [done]
actions:
  - {name: finish, label: 完成, from: [open], to: done, roles: [clerk]}
)",
                     "doc.yaml", {"clerk"});
  EXPECT_TRUE(k.ok()) << k.status().ToString();
  return k.ok() ? k.value() : KindDef{};
}

FieldErrors Evaluate(const Json& after, const std::set<std::string>& changed) {
  static const KindDef kind = Kind();
  FieldErrors errors;
  EvaluateChecks(kind, after, changed, &errors);
  return errors;
}

TEST(ShiftDate, YearsMonthsDaysAndShortMonths) {
  EXPECT_EQ(ShiftDate("2026-03-02", 5, 0, 0), "2031-03-02");
  EXPECT_EQ(ShiftDate("2024-02-29", 1, 0, 0), "2025-02-28");
  EXPECT_EQ(ShiftDate("2024-02-29", 4, 0, 0), "2028-02-29");
  EXPECT_EQ(ShiftDate("2026-01-31", 0, 1, 0), "2026-02-28");
  EXPECT_EQ(ShiftDate("2026-11-30", 0, 3, 0), "2027-02-28");
  EXPECT_EQ(ShiftDate("2026-03-01", 0, -3, 0), "2025-12-01");
  EXPECT_EQ(ShiftDate("2026-12-31", 0, 0, 1), "2027-01-01");
  EXPECT_EQ(ShiftDate("2026-03-01", 0, 0, -1), "2026-02-28");
  EXPECT_EQ(ShiftDate("2026-2-1", 1, 0, 0), "");
  EXPECT_EQ(ShiftDate("9999-06-01", 1, 0, 0), "");
}

TEST(EvaluateChecks, EndNotBeforeStart) {
  EXPECT_TRUE(Evaluate({{"service_start", "2026-03-01"}, {"service_end", "2026-03-01"}},
                       {"service_start", "service_end"}).empty());
  FieldErrors e = Evaluate({{"service_start", "2026-03-01"}, {"service_end", "2026-02-28"}},
                           {"service_start", "service_end"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e["service_end"], "服务期限止不得早于服务期限起（2026-03-01）");
}

TEST(EvaluateChecks, TheErrorGoesToTheFieldBeingChanged) {
  const Json after = {{"service_start", "2026-03-01"}, {"service_end", "2026-02-28"}};
  EXPECT_EQ(Evaluate(after, {"service_end"}).count("service_end"), 1u);
  FieldErrors e = Evaluate(after, {"service_start"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e["service_start"], "服务期限止不得早于服务期限起（2026-03-01）");
}

TEST(EvaluateChecks, UntouchedChecksAndMissingValuesAreNotEvaluated) {
  // Stored values that break a check (older data) do not block other edits.
  const Json after = {{"service_start", "2026-03-01"}, {"service_end", "2026-02-28"}, {"remark", "x"}};
  EXPECT_TRUE(Evaluate(after, {"remark"}).empty());
  EXPECT_TRUE(Evaluate({{"service_end", "2026-02-28"}}, {"service_end"}).empty());
  EXPECT_TRUE(Evaluate({{"service_start", nullptr}, {"service_end", "2026-02-28"}}, {"service_start"}).empty());
}

TEST(EvaluateChecks, ValidityAtMostFiveYearsAfterPublication) {
  Json after = {{"validity_type", "正式"}, {"published_on", "2026-03-02"}, {"valid_until", "2031-03-02"}};
  EXPECT_TRUE(Evaluate(after, {"published_on", "valid_until"}).empty());
  after["valid_until"] = "2031-03-03";
  FieldErrors e = Evaluate(after, {"published_on", "valid_until"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e["valid_until"], "有效期至不得晚于公布日期后5年（2031-03-02）");
  // And after publication: the same day is refused too.
  after["valid_until"] = "2026-03-02";
  EXPECT_EQ(Evaluate(after, {"valid_until"})["valid_until"], "有效期至须晚于公布日期（2026-03-02）");
}

TEST(EvaluateChecks, TemporaryDocumentsAtMostTwoYears) {
  Json after = {{"validity_type", "暂行"}, {"published_on", "2026-03-02"}, {"valid_until", "2028-03-02"}};
  EXPECT_TRUE(Evaluate(after, {"valid_until"}).empty());
  after["valid_until"] = "2028-03-03";
  EXPECT_EQ(Evaluate(after, {"valid_until"})["valid_until"],
            "文件性质为暂行、试行的，有效期至不得晚于公布日期后2年（2028-03-02）");
  after["validity_type"] = "试行";
  EXPECT_EQ(Evaluate(after, {"valid_until"}).size(), 1u);
  // A 正式 document may run five years; turning it into 暂行 is checked too.
  after["validity_type"] = "正式";
  EXPECT_TRUE(Evaluate(after, {"valid_until"}).empty());
  after["validity_type"] = "暂行";
  EXPECT_EQ(Evaluate(after, {"validity_type"}).count("valid_until"), 1u);
}

TEST(EvaluateChecks, NumbersAndOwnMessages) {
  EXPECT_TRUE(Evaluate({{"low", 3}, {"high", 5.5}}, {"low", "high"}).empty());
  // One message per field pair: the first check that fails.
  FieldErrors e = Evaluate({{"low", 8}, {"high", 5.5}}, {"low", "high"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e["high"], "上限不得小于下限（8）");
  // high >= low holds; low < high does not, reported on the field being changed.
  e = Evaluate({{"low", 5.5}, {"high", 5.5}}, {"high"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e["high"], "下限须低于上限");
}

TEST(EvaluateChecks, FieldsWithErrorsAreLeftAlone) {
  FieldErrors errors = {{"service_end", "日期格式须为 YYYY-MM-DD"}};
  static const KindDef kind = Kind();
  EvaluateChecks(kind, {{"service_start", "2026-03-01"}, {"service_end", "2026-02-28"}}, {"service_end"}, &errors);
  EXPECT_EQ(errors.at("service_end"), "日期格式须为 YYYY-MM-DD");
}

}  // namespace
}  // namespace fazhi::engine
