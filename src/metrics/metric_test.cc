// Metric definitions: the shape, every name checked against the kinds, and
// errors that name the file and line. Also loads the shipped definitions.
#include "metrics/metric.h"

#include <gtest/gtest.h>

#include "metrics/test_support.h"

namespace fazhi::metrics {
namespace {

class MetricDefTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kinds_ = testing::LoadRegistry({"kinds-test"});
    ASSERT_NE(kinds_, nullptr);
  }

  // Parses a file whose metrics list holds `body` (indented by the caller).
  Result<std::vector<MetricDef>> Parse(const std::string& body) {
    return ParseMetrics("group: 测试\nmetrics:\n" + body, "m.yaml", *kinds_);
  }

  std::string Error(const std::string& body) {
    auto r = Parse(body);
    if (r.ok()) return "ok";
    EXPECT_EQ(r.status().code(), "invalid_metric");
    return r.status().message();
  }

  std::unique_ptr<engine::KindRegistry> kinds_;
};

TEST_F(MetricDefTest, ParsesCountAndRatio) {
  auto r = Parse(
      "  - id: test.closed_policy\n"
      "    label: 办结的行政规范性文件\n"
      "    unit: 件\n"
      "    filter:\n"
      "      kind: test_case\n"
      "      state_in: [closed]\n"
      "      outcome_in: [合法, 修改后合法]\n"
      "      fields: {category: [行政规范性文件, 行政协议], subject: 甲}\n"
      "      event: {action: feedback}\n"
      "      linked: {kind: test_case, state_in: closed}\n"
      "      not_linked: {kind: test_case, state_in: [submitted]}\n"
      "      period: event:close\n"
      "    flag: nonzero\n"
      "  - id: test.on_time\n"
      "    label: 按期办结率\n"
      "    unit: '%'\n"
      "    type: ratio\n"
      "    numerator: {kind: test_case, on_time: handling, period: closed}\n"
      "    denominator: {kind: test_case, deadline: handling, period: closed}\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const MetricDef& a = r.value()[0];
  EXPECT_EQ(a.id, "test.closed_policy");
  EXPECT_EQ(a.group, "测试");
  EXPECT_EQ(a.type, MetricType::kCount);
  EXPECT_EQ(a.line, 3);
  EXPECT_EQ(a.filter.state_in, std::vector<std::string>{"closed"});
  EXPECT_EQ(a.filter.outcome_in.size(), 2u);
  ASSERT_EQ(a.filter.fields.size(), 2u);
  EXPECT_EQ(a.filter.fields[0].key, "category");
  EXPECT_EQ(a.filter.fields[0].values.size(), 2u);
  EXPECT_EQ(a.filter.fields[1].values, std::vector<std::string>{"甲"});
  EXPECT_EQ(a.filter.event_action, "feedback");
  ASSERT_TRUE(a.filter.linked.has_value());
  EXPECT_EQ(a.filter.linked->state_in, std::vector<std::string>{"closed"});
  ASSERT_TRUE(a.filter.not_linked.has_value());
  EXPECT_EQ(a.filter.not_linked->state_in, std::vector<std::string>{"submitted"});
  EXPECT_TRUE(a.flag_nonzero);
  EXPECT_EQ(a.filter.period.basis, PeriodBasis::kEvent);
  EXPECT_EQ(a.filter.period.action, "close");
  const MetricDef& b = r.value()[1];
  EXPECT_EQ(b.type, MetricType::kRatio);
  EXPECT_EQ(b.numerator.on_time, "handling");
  EXPECT_EQ(b.denominator.deadline, "handling");
  EXPECT_EQ(b.denominator.period.basis, PeriodBasis::kClosed);
  auto fields = Parse(
      "  - id: t.by_date\n    label: 甲\n    unit: 件\n    filter: {kind: test_case, period: 'field:requested_by'}\n"
      "  - id: t.by_year\n    label: 乙\n    unit: 件\n    filter: {kind: test_case, period: 'field:page_count'}\n");
  ASSERT_TRUE(fields.ok()) << fields.status().ToString();
  EXPECT_EQ(fields.value()[0].filter.period.basis, PeriodBasis::kDateField);
  EXPECT_EQ(fields.value()[0].filter.period.field, "requested_by");
  EXPECT_EQ(fields.value()[1].filter.period.basis, PeriodBasis::kYearField);
}

TEST_F(MetricDefTest, ErrorsNameFileAndLine) {
  const std::string head = "  - id: t.a\n    label: 甲\n    unit: 件\n";
  EXPECT_EQ(Error(head + "    filter: {kind: nope, period: closed}\n"), "m.yaml:6: unknown kind 'nope'");
  EXPECT_EQ(Error(head + "    colour: red\n    filter: {kind: test_case, period: closed}\n"),
            "m.yaml:6: unknown key 'colour' in a metric (allowed: id, label, unit, type, filter, numerator, "
            "denominator, flag)");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      state_in: [closed, lost]\n      period: closed\n"),
            "m.yaml:8: state_in: kind 'test_case' has no state 'lost'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      fields: {colour: red}\n      period: closed\n"),
            "m.yaml:8: fields: kind 'test_case' has no field 'colour'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      fields:\n        category: [其他, 政策]\n"
                         "      period: closed\n"),
            "m.yaml:9: fields.category: '政策' is not an option of field 'category'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      fields: {amount: 3}\n      period: closed\n"),
            "m.yaml:8: fields: field 'amount' is of type money; only enum, text, date, org and user fields can be "
            "matched");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      outcome_in: [好]\n      period: closed\n"),
            "m.yaml:8: outcome_in: '好' is not an outcome of kind 'test_case'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      event: {action: fly}\n      period: closed\n"),
            "m.yaml:8: event: kind 'test_case' has no action 'fly'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      on_time: 期限\n      period: closed\n"),
            "m.yaml:8: on_time: kind 'test_case' has no deadline '期限'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      period: event:fly\n"),
            "m.yaml:8: period: kind 'test_case' has no action 'fly'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      period: someday\n"),
            "m.yaml:8: metric 't.a' filter: period must be received, closed, event:ACTION or field:KEY, not 'someday'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      period: field:subject\n"),
            "m.yaml:8: period: field 'subject' must be a date or a number (a year)");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      period: field:nope\n"),
            "m.yaml:8: period: kind 'test_case' has no field 'nope'");
  EXPECT_EQ(Error(head + "    filter: {kind: test_case}\n"), "m.yaml:6: metric 't.a' filter needs 'period'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      linked: {kind: test_case, state_in: [x]}\n"
                         "      period: closed\n"),
            "m.yaml:8: linked.state_in: kind 'test_case' has no state 'x'");
  EXPECT_EQ(Error(head + "    filter:\n      kind: test_case\n      not_linked: {kind: nokind}\n"
                         "      period: closed\n"),
            "m.yaml:8: unknown kind 'nokind'");
  EXPECT_EQ(Error(head + "    flag: always\n    filter: {kind: test_case, period: closed}\n"),
            "m.yaml:6: metric 't.a': flag must be nonzero, and only on a count");
  EXPECT_EQ(Error(head + "    type: ratio\n    filter: {kind: test_case, period: closed}\n"),
            "m.yaml:7: metric 't.a': a ratio has numerator and denominator, not filter");
  EXPECT_EQ(Error(head + "    type: ratio\n    numerator: {kind: test_case, period: closed}\n"
                         "    denominator: {kind: test_case, period: closed}\n"),
            "m.yaml:5: metric 't.a': the unit of a ratio is %");
  EXPECT_EQ(Error("  - id: Bad\n    label: 甲\n    unit: 件\n    filter: {kind: test_case, period: closed}\n"),
            "m.yaml:3: metric id 'Bad' is not valid ([a-z][a-z0-9_.]*, at most 64 characters)");
  EXPECT_EQ(Error(head + "    filter: {kind: test_case, period: closed}\n" + head +
                  "    filter: {kind: test_case, period: closed}\n"),
            "m.yaml:7: duplicate metric id 't.a'");
  EXPECT_EQ(Error("  - id: t.a\n    label: 甲\n    filter: {kind: test_case, period: closed}\n"),
            "m.yaml:3: metric 't.a' needs 'unit'");
  EXPECT_EQ(Error("  - [oops\n"), "m.yaml:4: YAML error: end of sequence flow not found");
}

TEST_F(MetricDefTest, FileLevelErrors) {
  auto empty = ParseMetrics("", "e.yaml", *kinds_);
  EXPECT_EQ(empty.status().message(), "e.yaml:1: file is empty; expected group and metrics");
  auto no_group = ParseMetrics("metrics: []\n", "g.yaml", *kinds_);
  EXPECT_EQ(no_group.status().message(), "g.yaml:1: the metrics file needs 'group'");
  auto no_list = ParseMetrics("group: 甲\nmetrics: []\n", "l.yaml", *kinds_);
  EXPECT_EQ(no_list.status().message(), "l.yaml:2: 'metrics' must be a non-empty list");
}

TEST(MetricDefinitions, ShippedDefinitionsLoadAgainstShippedKinds) {
  auto kinds = testing::LoadRegistry({"kinds"});
  ASSERT_NE(kinds, nullptr) << "definitions/kinds does not load";
  auto metrics = LoadMetrics(testing::SourceDir() + "/definitions/metrics", *kinds);
  ASSERT_TRUE(metrics.ok()) << metrics.status().message();
  auto test_kinds = testing::LoadRegistry({"kinds", "kinds-test"});
  ASSERT_NE(test_kinds, nullptr);
  auto test_metrics = LoadMetrics(testing::SourceDir() + "/definitions/metrics-test", *test_kinds);
  ASSERT_TRUE(test_metrics.ok()) << test_metrics.status().message();
  EXPECT_FALSE(test_metrics->empty());
  MetricRegistry registry(std::move(metrics).value());
  for (const auto& m : registry.All()) EXPECT_EQ(registry.Find(m.id), &m);
  EXPECT_EQ(registry.Find("no.such"), nullptr);
}

}  // namespace
}  // namespace fazhi::metrics
