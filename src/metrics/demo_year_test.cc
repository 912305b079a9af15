// The demo years against the shipped kinds and metrics, on both backends:
// the reference report's 2024 figures come out of the generated records,
// every figure drills down to exactly its matters, seeding happens once.
#include "metrics/demo_year.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>

#include "calendar/calendar_loader.h"
#include "metrics/compiler.h"
#include "metrics/metric_service.h"
#include "metrics/test_support.h"
#include "store/test_database.h"

namespace fazhi::metrics {
namespace {

// The demo county's orgs and accounts (identity/demo.yaml), written directly.
Status SeedCounty(store::Database& db) {
  return db.Write([](store::Transaction& tx) -> Status {
    const std::vector<std::tuple<int64_t, int64_t, const char*, const char*, const char*>> orgs = {
        {1, 0, "GOV", "示范县人民政府", "示范县政府"},   {2, 1, "JUS", "示范县司法局", "县司法局"},
        {3, 2, "JUS-LR", "合法性审查办公室", "审查办"},    {4, 1, "SCJG", "示范县市场监督管理局", "县市场监管局"},
        {5, 1, "STHJ", "示范县生态环境分局", "县生态环境分局"}, {6, 1, "ZRZY", "示范县自然资源局", "县自然资源局"},
        {7, 1, "ZJJ", "示范县住房和城乡建设局", "县住建局"}, {8, 1, "JYJ", "示范县教育局", "县教育局"},
        {9, 1, "CGZ", "城关镇人民政府", "城关镇"},          {10, 0, "LAW1", "明理律师事务所", "明理律所"}};
    std::map<int64_t, std::string> paths;
    for (const auto& [id, parent, code, name, short_name] : orgs) {
      paths[id] = (parent ? paths[parent] : std::string("/")) + std::to_string(id) + "/";
      auto r = tx.Exec("INSERT INTO orgs (id, parent_id, code, name, short_name, type, path, created_at) "
                       "VALUES (?, ?, ?, ?, ?, 'department', ?, 0)",
                       {id, parent ? store::Value(parent) : store::Value(), code, name, short_name, paths[id]});
      if (!r.ok()) return r.status();
    }
    const std::vector<std::tuple<int64_t, const char*, int64_t>> users = {
        {101, "clerk", 3}, {102, "chief", 2}, {103, "counsel", 10}, {104, "unit", 4},
        {105, "leader", 1}, {106, "undertaker", 7}, {107, "filer", 2}};
    for (const auto& [id, name, org] : users) {
      auto r = tx.Exec("INSERT INTO users (id, username, display_name, org_id, password_hash, password_changed_at, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, '', 0, 0, 0)",
                       {id, name, name, org});
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  });
}

class DemoYearTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = store::TestDatabase::Create(GetParam(), std::string("demo_year_") + info->name());
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_db_ = std::move(*created);
    ASSERT_TRUE(db().Migrate().ok());
    Status county = SeedCounty(db());
    ASSERT_TRUE(county.ok()) << county.ToString();
    kinds_ = testing::LoadRegistry({"kinds"});
    ASSERT_NE(kinds_, nullptr);
    auto defs = LoadMetrics(testing::SourceDir() + "/definitions/metrics", *kinds_);
    ASSERT_TRUE(defs.ok()) << defs.status().message();
    registry_ = std::make_unique<MetricRegistry>(std::move(defs).value());
    auto years = calendar::LoadCalendarDir(testing::SourceDir() + "/definitions/calendar");
    ASSERT_TRUE(years.ok());
    for (const auto& y : years.value()) ASSERT_TRUE(calendar_.SetYear(y).ok());
    dir_ = MakeTempDir("fazhi-demo-year");
    ASSERT_FALSE(dir_.empty());
    audit_ = std::make_unique<audit::AuditLog>((dir_ / "checkpoint").string());
    store_ = std::make_unique<calendar::CalendarStore>(db(), *audit_, clock_);
    service_ = std::make_unique<MetricService>(db(), *kinds_, *registry_, *store_, clock_);
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    test_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  store::Database& db() { return test_db_->db(); }

  std::map<std::string, MetricValue> Figures(int year) {
    auto values = service_->Compute(year);
    EXPECT_TRUE(values.ok()) << values.status().ToString();
    std::map<std::string, MetricValue> out;
    if (values.ok())
      for (const auto& v : values.value()) out[v.def->id] = v;
    return out;
  }

  ManualClock clock_{1795132800000};  // 2026-11-20
  IdGenerator ids_{clock_, 7};
  calendar::Calendar calendar_;
  std::unique_ptr<store::TestDatabase> test_db_;
  std::unique_ptr<engine::KindRegistry> kinds_;
  std::unique_ptr<MetricRegistry> registry_;
  std::filesystem::path dir_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<calendar::CalendarStore> store_;
  std::unique_ptr<MetricService> service_;
};

TEST_P(DemoYearTest, ReproducesTheReportAndDrillsDown) {
  auto seeded = SeedDemoYears(db(), *kinds_, calendar_, ids_, clock_);
  ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
  EXPECT_GT(seeded.value(), 1000);
  auto again = SeedDemoYears(db(), *kinds_, calendar_, ids_, clock_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value(), 0);

  auto f = Figures(2024);
  EXPECT_EQ(f["legality_review.reviewed_lists"].count, 75);
  EXPECT_EQ(f["legality_review.reviewed_policies"].count, 95);
  EXPECT_EQ(f["legality_review.reviewed_agreements"].count, 57);
  EXPECT_EQ(f["legality_review.opinions_issued"].count, 233);
  EXPECT_EQ(f["normative_document.issued"].count, 10);
  EXPECT_EQ(f["normative_document.review_rate"].value, 100.0);
  EXPECT_EQ(f["normative_document.filing_rate"].value, 100.0);
  EXPECT_EQ(f["normative_document.timely_filing_rate"].value, 90.0);
  EXPECT_EQ(f["filing_review.received"].count, 10);
  EXPECT_EQ(f["normative_document.cleanup_abolished"].count, 2);
  EXPECT_EQ(f["normative_document.cleanup_invalidated"].count, 4);
  EXPECT_EQ(f["major_decision.catalogued"].count, 3);
  EXPECT_EQ(f["major_decision.completed"].count, 3);
  EXPECT_EQ(f["major_decision.post_evaluations"].count, 1);
  EXPECT_EQ(f["counsel.opinions"].count, 312);
  EXPECT_EQ(f["counsel.meetings_trainings"].count, 89);
  ASSERT_TRUE(f["legality_review.on_time_rate"].value.has_value());
  EXPECT_GT(*f["legality_review.on_time_rate"].value, 90.0);
  EXPECT_GT(*f["legality_review.adoption_rate"].value, 90.0);
  // The review catalogue's control figures: every decision and deliberation
  // in the demo had its issued review (the guards see to it).
  EXPECT_GT(f["major_decision.collective_decisions"].count, 0);
  EXPECT_EQ(f["major_decision.decided_unreviewed"].count, 0);
  EXPECT_EQ(f["normative_document.deliberated_unreviewed"].count, 0);

  auto old = Figures(2023);
  EXPECT_EQ(old["legality_review.reviewed_lists"].count, 32);
  EXPECT_EQ(old["normative_document.issued"].count, 6);
  EXPECT_EQ(old["major_decision.catalogued"].count, 3);
  EXPECT_EQ(old["major_decision.completed"].count, 2);
  EXPECT_EQ(old["counsel.opinions"].count, 192);
  EXPECT_FALSE(old["legality_review.on_time_rate"].value.has_value());  // no calendar for 2023

  identity::Principal all;
  all.user_id = 1;
  identity::Assignment a;
  a.role = "leader";
  a.scope = identity::Scope::kAll;
  a.permissions = {"matter:read", "dashboard:read"};
  all.assignments = {a};
  all.permissions = a.permissions;
  for (const auto& [id, v] : f) {
    if (v.def->type == MetricType::kCount) {
      EXPECT_EQ(service_->DrillDown(all, id, 2024, Part::kValue, 1, 5)->total, v.count) << id;
    } else {
      EXPECT_EQ(service_->DrillDown(all, id, 2024, Part::kNumerator, 1, 5)->total, v.numerator) << id;
      EXPECT_EQ(service_->DrillDown(all, id, 2024, Part::kDenominator, 1, 5)->total, v.denominator) << id;
    }
  }

  // A decision whose review link is lost (say, a record imported from an
  // older system) is what the control figure exists to catch.
  Status unlinked = db().Write([&](store::Transaction& tx) -> Status {
    auto r = tx.Exec(
        "DELETE FROM matter_links WHERE from_id IN (SELECT m.id FROM matters m JOIN matter_events e "
        "ON e.matter_id = m.id WHERE m.kind = 'major_decision' AND e.action = 'collective_decision' "
        "AND e.at >= ? AND e.at < ? ORDER BY m.id LIMIT 1) OR to_id IN (SELECT m.id FROM matters m "
        "JOIN matter_events e ON e.matter_id = m.id WHERE m.kind = 'major_decision' AND "
        "e.action = 'collective_decision' AND e.at >= ? AND e.at < ? ORDER BY m.id LIMIT 1)",
        {YearStartMs(2024), YearStartMs(2025), YearStartMs(2024), YearStartMs(2025)});
    return r.ok() ? Status::Ok() : r.status();
  });
  ASSERT_TRUE(unlinked.ok()) << unlinked.ToString();
  auto after = Figures(2024);
  EXPECT_EQ(after["major_decision.decided_unreviewed"].count, 1);
  EXPECT_EQ(service_->DrillDown(all, "major_decision.decided_unreviewed", 2024, Part::kValue, 1, 5)->total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoYearTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<store::Dialect>& info) {
                           return info.param == store::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace fazhi::metrics
