// MetricService on both backends: every figure of a year in one go, ratios,
// org subtrees, and drill-down within the caller's data scope.
#include "metrics/metric_service.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "metrics/compiler.h"
#include "metrics/test_support.h"
#include "store/test_database.h"

namespace fazhi::metrics {
namespace {

constexpr char kMetrics[] = R"(group: 测试事项
metrics:
  - id: t.received
    label: 收到
    unit: 件
    filter: {kind: test_case, period: received}
  - id: t.on_time
    label: 按期率
    unit: '%'
    type: ratio
    numerator: {kind: test_case, on_time: handling, period: closed}
    denominator: {kind: test_case, deadline: handling, period: closed}
  - id: t.lawful_share
    label: 合法占比
    unit: '%'
    type: ratio
    numerator: {kind: test_case, outcome_in: [合法, 修改后合法], period: closed}
    denominator: {kind: test_case, state_in: [closed], period: closed}
)";

identity::Principal Reader(identity::Scope scope, int64_t org_id, const std::string& org_path) {
  identity::Principal p;
  p.user_id = 900;
  p.username = "reader";
  p.org_id = org_id;
  p.org_path = org_path;
  identity::Assignment a;
  a.role = "leader";
  a.scope = scope;
  a.permissions = {"matter:read", "dashboard:read"};
  p.assignments.push_back(a);
  p.permissions = a.permissions;
  return p;
}

class MetricServiceTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = store::TestDatabase::Create(GetParam(), std::string("metric_service_") + info->name());
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_db_ = std::move(*created);
    ASSERT_TRUE(db().Migrate().ok());
    ASSERT_TRUE(testing::SeedSample(db(), YearStartMs(2025)).ok());
    kinds_ = testing::LoadRegistry({"kinds-test"});
    ASSERT_NE(kinds_, nullptr);
    auto defs = ParseMetrics(kMetrics, "t.yaml", *kinds_);
    ASSERT_TRUE(defs.ok()) << defs.status().ToString();
    registry_ = std::make_unique<MetricRegistry>(std::move(defs).value());
    dir_ = MakeTempDir("fazhi-metrics");
    ASSERT_FALSE(dir_.empty());
    audit_ = std::make_unique<audit::AuditLog>((dir_ / "checkpoint").string());
    calendar_ = std::make_unique<calendar::CalendarStore>(db(), *audit_, clock_);
    service_ = std::make_unique<MetricService>(db(), *kinds_, *registry_, *calendar_, clock_);
  }
  void TearDown() override {
    service_.reset();
    calendar_.reset();
    test_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  store::Database& db() { return test_db_->db(); }

  ManualClock clock_{1735689600000};  // 2025-01-01T00:00:00Z
  std::unique_ptr<store::TestDatabase> test_db_;
  std::unique_ptr<engine::KindRegistry> kinds_;
  std::unique_ptr<MetricRegistry> registry_;
  std::filesystem::path dir_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<calendar::CalendarStore> calendar_;
  std::unique_ptr<MetricService> service_;
};

TEST_P(MetricServiceTest, ComputesEveryMetric) {
  auto values = service_->Compute(2024);
  ASSERT_TRUE(values.ok()) << values.status().ToString();
  ASSERT_EQ(values->size(), 3u);
  const MetricValue& received = values.value()[0];
  EXPECT_EQ(received.def->id, "t.received");
  EXPECT_EQ(received.count, 4);
  EXPECT_EQ(received.value, 4.0);
  const MetricValue& on_time = values.value()[1];
  EXPECT_EQ(on_time.numerator, 1);
  EXPECT_EQ(on_time.denominator, 2);
  EXPECT_EQ(on_time.value, 50.0);
  const MetricValue& lawful = values.value()[2];
  EXPECT_EQ(lawful.numerator, 2);    // 101 106
  EXPECT_EQ(lawful.denominator, 3);  // 101 102 106
  EXPECT_EQ(lawful.value, 66.7);

  auto subtree = service_->Compute(2024, 1);  // orgs 1 and 2
  ASSERT_TRUE(subtree.ok());
  EXPECT_EQ(subtree.value()[0].count, 4);  // 101 103 104 106
  EXPECT_EQ(subtree.value()[1].denominator, 1);
  auto empty_year = service_->Compute(2030);
  ASSERT_TRUE(empty_year.ok());
  EXPECT_EQ(empty_year.value()[0].value, 0.0);
  EXPECT_FALSE(empty_year.value()[1].value.has_value());  // 0 / 0

  EXPECT_EQ(service_->Compute(1999).status().code(), "invalid_argument");
  EXPECT_EQ(service_->Compute(2024, 77).status().code(), "not_found");
}

TEST_P(MetricServiceTest, DrillDownListsTheMattersBehindEachFigure) {
  const identity::Principal all = Reader(identity::Scope::kAll, 1, "/1/");
  auto received = service_->DrillDown(all, "t.received", 2024, Part::kValue, 1, 20);
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->total, 4);
  ASSERT_EQ(received->items.size(), 4u);
  EXPECT_EQ(received->items[0].id, 103);  // newest first
  EXPECT_EQ(received->items[0].org_name, "单位2");
  EXPECT_EQ(received->items[0].kind_label, "测试事项");
  auto page2 = service_->DrillDown(all, "t.received", 2024, Part::kValue, 2, 3);
  ASSERT_TRUE(page2.ok());
  EXPECT_EQ(page2->total, 4);
  ASSERT_EQ(page2->items.size(), 1u);
  EXPECT_EQ(page2->items[0].id, 101);

  auto num = service_->DrillDown(all, "t.on_time", 2024, Part::kNumerator, 1, 20);
  auto den = service_->DrillDown(all, "t.on_time", 2024, Part::kDenominator, 1, 20);
  ASSERT_TRUE(num.ok() && den.ok());
  EXPECT_EQ(num->total, 1);
  EXPECT_EQ(den->total, 2);
  EXPECT_EQ(service_->DrillDown(all, "t.on_time", 2024, Part::kValue, 1, 20)->total, 1);  // = numerator

  EXPECT_EQ(service_->DrillDown(all, "t.received", 2024, Part::kNumerator, 1, 20).status().code(),
            "invalid_argument");
  EXPECT_EQ(service_->DrillDown(all, "no.such", 2024, Part::kValue, 1, 20).status().code(), "not_found");
  EXPECT_EQ(service_->DrillDown(all, "t.received", 3000, Part::kValue, 1, 20).status().code(), "invalid_argument");
  EXPECT_EQ(service_->DrillDown(all, "t.received", 2024, Part::kValue, 0, 20).status().code(), "invalid_argument");
}

TEST_P(MetricServiceTest, DrillDownStaysWithinTheCallersScope) {
  // Org 3 alone: of 2024's received matters none; of the closed ones, 102.
  const identity::Principal org3 = Reader(identity::Scope::kOrg, 3, "/3/");
  EXPECT_EQ(service_->DrillDown(org3, "t.received", 2024, Part::kValue, 1, 20)->total, 0);
  auto closed = service_->DrillDown(org3, "t.lawful_share", 2024, Part::kDenominator, 1, 20);
  ASSERT_TRUE(closed.ok());
  ASSERT_EQ(closed->total, 1);
  EXPECT_EQ(closed->items[0].id, 102);
  // Org 1 and below: 101 103 104 106.
  const identity::Principal below = Reader(identity::Scope::kOrgAndBelow, 1, "/1/");
  EXPECT_EQ(service_->DrillDown(below, "t.received", 2024, Part::kValue, 1, 20)->total, 4);
  // Self scope: only what the reader created or is assigned (nothing here).
  identity::Principal self = Reader(identity::Scope::kSelf, 1, "/1/");
  EXPECT_EQ(service_->DrillDown(self, "t.received", 2024, Part::kValue, 1, 20)->total, 0);
  self.user_id = 1;  // the creator of every sample row
  EXPECT_EQ(service_->DrillDown(self, "t.received", 2024, Part::kValue, 1, 20)->total, 4);
  // Without matter:read, nothing.
  identity::Principal none = Reader(identity::Scope::kAll, 1, "/1/");
  none.permissions = {"dashboard:read"};
  none.assignments[0].permissions = none.permissions;
  EXPECT_EQ(service_->DrillDown(none, "t.received", 2024, Part::kValue, 1, 20)->total, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MetricServiceTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<store::Dialect>& info) {
                           return info.param == store::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace fazhi::metrics
