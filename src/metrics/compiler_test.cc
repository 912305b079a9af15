// The metric compiler: the SQL it writes for each dialect, and what that SQL
// counts on both backends (PostgreSQL needs FAZHI_TEST_PG_URL; see
// scripts/pgtemp).
#include "metrics/compiler.h"

#include <gtest/gtest.h>

#include "metrics/test_support.h"
#include "store/test_database.h"

namespace fazhi::metrics {
namespace {

using testing::At;

Filter Full() {
  Filter f;
  f.kind = "test_case";
  f.state_in = {"closed"};
  f.outcome_in = {"合法", "修改后合法"};
  f.fields = {{"category", {"行政规范性文件", "行政协议"}}};
  f.event_action = "feedback";
  f.deadline = "handling";
  f.on_time = "handling";
  f.linked = LinkedMatch{"test_case", {"submitted"}};
  f.period = {PeriodBasis::kEvent, "close", ""};
  return f;
}

TEST(YearStart, IsLocalMidnightInShanghai) {
  EXPECT_EQ(YearStartMs(2024), 1704038400000);  // 2023-12-31T16:00:00Z
  EXPECT_EQ(YearStartMs(2025) - YearStartMs(2024), 366LL * 86400000);
}

TEST(PathUpperBound, BoundsTheSubtree) {
  EXPECT_EQ(PathUpperBound("/1/5/"), "/1/50");
  EXPECT_LT(std::string("/1/5/9/"), PathUpperBound("/1/5/"));
  EXPECT_GE(std::string("/1/50/"), PathUpperBound("/1/5/"));
  EXPECT_EQ(PathUpperBound(""), "");
}

TEST(Compile, SqliteText) {
  auto sql = CompileCount(Full(), 2024, "/1/", store::Dialect::kSqlite);
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->text,
            "SELECT COUNT(*) FROM matters m WHERE m.kind = ? AND m.id IN (SELECT e.matter_id FROM matter_events "
            "e WHERE e.action = ? AND e.at >= ? AND e.at < ?) AND m.org_path >= ? AND m.org_path < ? AND "
            "m.state IN (?) AND m.outcome IN (?, ?) AND (m.data ->> '$.category') IN (?, ?) AND EXISTS (SELECT "
            "1 FROM matter_events ev WHERE ev.matter_id = m.id AND ev.action = ?) AND EXISTS (SELECT 1 FROM "
            "matter_deadlines d WHERE d.matter_id = m.id AND d.name = ? AND d.due_on <> '') AND EXISTS (SELECT "
            "1 FROM matter_deadlines dt WHERE dt.matter_id = m.id AND dt.name = ? AND dt.status = 'stopped' AND "
            "dt.due_on <> '' AND dt.stopped_on <> '' AND dt.stopped_on <= dt.due_on) AND (EXISTS (SELECT 1 FROM "
            "matter_links l JOIN matters t ON t.id = l.to_id WHERE l.from_id = m.id AND t.kind = ? AND t.state "
            "IN (?)) OR EXISTS (SELECT 1 FROM matter_links l JOIN matters t ON t.id = l.from_id WHERE l.to_id = "
            "m.id AND t.kind = ? AND t.state IN (?)))");
  const std::vector<store::Value> expected = {
      std::string("test_case"), std::string("close"), YearStartMs(2024), YearStartMs(2025), std::string("/1/"),
      std::string("/10"), std::string("closed"), std::string("合法"), std::string("修改后合法"),
      std::string("行政规范性文件"), std::string("行政协议"), std::string("feedback"), std::string("handling"),
      std::string("handling"), std::string("test_case"), std::string("submitted"), std::string("test_case"),
      std::string("submitted")};
  EXPECT_EQ(sql->params, expected);
}

TEST(Compile, PostgresReadsJsonThroughJsonb) {
  Filter f;
  f.kind = "test_case";
  f.fields = {{"category", {"行政协议"}}};
  f.period = {PeriodBasis::kClosed, "", ""};
  auto sql = CompileCount(f, 2023, "", store::Dialect::kPostgres);
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->text,
            "SELECT COUNT(*) FROM matters m WHERE m.kind = ? AND m.closed_at >= ? AND m.closed_at < ? AND "
            "((m.data::jsonb) ->> 'category') IN (?)");
  EXPECT_EQ(sql->params, (std::vector<store::Value>{std::string("test_case"), YearStartMs(2023),
                                                    YearStartMs(2024), std::string("行政协议")}));
  f.period = {PeriodBasis::kReceived, "", ""};
  f.fields.clear();
  EXPECT_EQ(CompileCondition(f, 2023, "", store::Dialect::kPostgres)->text,
            "m.kind = ? AND m.received_at >= ? AND m.received_at < ?");
}

TEST(Compile, CountsShareOnePassPerKindAndPeriod) {
  Filter all, closed, again, other;
  all.kind = closed.kind = again.kind = "test_case";
  other.kind = "other_kind";
  closed.state_in = {"closed"};
  again = closed;
  auto sql = CompileCounts({&all, &closed, &other, &again}, 2024, "", store::Dialect::kSqlite);
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->text,
            "SELECT g0.c0, g0.c1, g1.c2, g0.c1 FROM (SELECT COUNT(*) AS c0, COUNT(CASE WHEN m.state IN (?) THEN 1 "
            "END) AS c1 FROM matters m WHERE m.kind = ? AND m.received_at >= ? AND m.received_at < ?) g0, (SELECT "
            "COUNT(*) AS c2 FROM matters m WHERE m.kind = ? AND m.received_at >= ? AND m.received_at < ?) g1");
  EXPECT_EQ(sql->params,
            (std::vector<store::Value>{std::string("closed"), std::string("test_case"), YearStartMs(2024),
                                       YearStartMs(2025), std::string("other_kind"), YearStartMs(2024),
                                       YearStartMs(2025)}));
}

TEST(Compile, RefusesKeysThatAreNotNames) {
  Filter f;
  f.kind = "test_case";
  f.fields = {{"x') OR 1=1 --", {"a"}}};
  EXPECT_EQ(CompileCondition(f, 2024, "", store::Dialect::kSqlite).status().code(), "invalid_argument");
  EXPECT_EQ(CompileCounts({}, 2024, "", store::Dialect::kSqlite).status().code(), "invalid_argument");
}

class CompiledCountTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = store::TestDatabase::Create(GetParam(), std::string("metrics_") + info->name());
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_db_ = std::move(*created);
    auto migrated = test_db_->db().Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
    Status st = testing::SeedSample(test_db_->db(), YearStartMs(2025));
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  int64_t Count(const Filter& f, int year = 2024, const std::string& org_path = "") {
    auto sql = CompileCount(f, year, org_path, test_db_->db().dialect());
    EXPECT_TRUE(sql.ok());
    int64_t n = -1;
    Status st = test_db_->db().Read([&](store::Transaction& tx) -> Status {
      auto rows = tx.Query(sql->text, sql->params);
      if (!rows.ok()) return rows.status();
      n = rows->rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return n;
  }

  static Filter Of(PeriodBasis basis, const std::string& action = "") {
    Filter f;
    f.kind = "test_case";
    f.period = {basis, action, ""};
    return f;
  }

  std::unique_ptr<store::TestDatabase> test_db_;
};

TEST_P(CompiledCountTest, Periods) {
  EXPECT_EQ(Count(Of(PeriodBasis::kReceived)), 4);           // 101 103 104 106
  EXPECT_EQ(Count(Of(PeriodBasis::kReceived), 2023), 1);     // 102
  EXPECT_EQ(Count(Of(PeriodBasis::kClosed)), 3);             // 101 102 106 (103 is 2025)
  EXPECT_EQ(Count(Of(PeriodBasis::kClosed), 2025), 1);       // 103
  EXPECT_EQ(Count(Of(PeriodBasis::kEvent, "close")), 3);     // as closed
  EXPECT_EQ(Count(Of(PeriodBasis::kEvent, "feedback")), 0);  // given in 2025
  EXPECT_EQ(Count(Of(PeriodBasis::kEvent, "feedback"), 2025), 1);
}

TEST_P(CompiledCountTest, Conditions) {
  Filter f = Of(PeriodBasis::kClosed);
  f.state_in = {"closed"};
  f.fields = {{"category", {"行政规范性文件"}}};
  EXPECT_EQ(Count(f), 1);  // 101
  f.fields = {{"category", {"行政规范性文件", "行政协议"}}};
  EXPECT_EQ(Count(f), 3);
  f = Of(PeriodBasis::kClosed);
  f.outcome_in = {"合法", "修改后合法"};
  EXPECT_EQ(Count(f), 2);  // 101 106
  f = Of(PeriodBasis::kClosed);
  f.event_action = "feedback";
  EXPECT_EQ(Count(f), 1);  // 101, whenever the feedback came
  f = Of(PeriodBasis::kClosed);
  f.deadline = "handling";
  EXPECT_EQ(Count(f), 2);  // 101 102 (103: no due date, and 2025)
  f.deadline.clear();
  f.on_time = "handling";
  EXPECT_EQ(Count(f), 1);  // 101
  f = Of(PeriodBasis::kClosed);
  f.linked = LinkedMatch{"test_case", {"submitted"}};
  EXPECT_EQ(Count(f), 1);  // 101 -> 104
  f = Of(PeriodBasis::kReceived);
  f.linked = LinkedMatch{"test_case", {"closed"}};
  EXPECT_EQ(Count(f), 1);  // 104 <- 101
  f.linked = LinkedMatch{"test_case", {}};
  EXPECT_EQ(Count(f), 2);  // 101 and 104
  f.linked.reset();
  f.not_linked = LinkedMatch{"test_case", {}};
  EXPECT_EQ(Count(f), 2);  // 103 106: the received ones linked to nothing
  f.not_linked = LinkedMatch{"test_case", {"submitted"}};
  EXPECT_EQ(Count(f), 3);  // 103 104 106 (104's link is to 101, closed)
  f = Of(PeriodBasis::kClosed);
  f.kind = "other_kind";
  EXPECT_EQ(Count(f), 1);
  EXPECT_EQ(Count(Of(PeriodBasis::kClosed), 2024, "/1/"), 2);    // 101 (org 2) 106 (org 1)
  EXPECT_EQ(Count(Of(PeriodBasis::kClosed), 2024, "/1/2/"), 1);  // 101
  EXPECT_EQ(Count(Full()), 1);  // 101 passes every condition at once
}

TEST_P(CompiledCountTest, FieldPeriods) {
  Status st = test_db_->db().Write([](store::Transaction& tx) -> Status {
    const std::pair<int64_t, const char*> rows[] = {
        {201, R"({"requested_by":"2024-12-31","page_count":2024.0})"},
        {202, R"({"requested_by":"2025-01-01","page_count":2023.0})"},
        {203, "{}"}};
    for (const auto& [id, data] : rows) {
      testing::TestMatter m;
      m.id = id;
      m.org_id = 1;
      m.org_path = "/1/";
      m.received_at = At("2020-01-01");
      m.data = data;
      FAZHI_RETURN_IF_ERROR(testing::InsertMatter(tx, m));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  Filter date = Of(PeriodBasis::kDateField);
  date.period.field = "requested_by";
  EXPECT_EQ(Count(date, 2024), 1);
  EXPECT_EQ(Count(date, 2025), 1);
  EXPECT_EQ(Count(date, 2023), 0);
  Filter year = Of(PeriodBasis::kYearField);
  year.period.field = "page_count";
  EXPECT_EQ(Count(year, 2024), 1);
  EXPECT_EQ(Count(year, 2023), 1);
  EXPECT_EQ(Count(year, 2025), 0);
  EXPECT_EQ(CompileCondition(year, 2024, "", store::Dialect::kPostgres)->text,
            "m.kind = ? AND CAST(((m.data::jsonb) ->> 'page_count') AS DOUBLE PRECISION) = ?");
  EXPECT_EQ(CompileCondition(date, 2024, "", store::Dialect::kSqlite)->text,
            "m.kind = ? AND (m.data ->> '$.requested_by') >= ? AND (m.data ->> '$.requested_by') < ?");
}

TEST_P(CompiledCountTest, ManyCountsInOneStatement) {
  Filter a = Of(PeriodBasis::kReceived), b = Of(PeriodBasis::kClosed), c = Of(PeriodBasis::kClosed);
  c.on_time = "handling";
  Filter other = Of(PeriodBasis::kClosed), none = Of(PeriodBasis::kClosed), lawful = Of(PeriodBasis::kClosed);
  other.kind = "other_kind";
  none.kind = "no_such_kind";
  lawful.outcome_in = {"合法"};
  lawful.fields = {{"category", {"行政规范性文件"}}};
  auto sql = CompileCounts({&a, &b, &c, &other, &none, &c, &lawful}, 2024, "", test_db_->db().dialect());
  ASSERT_TRUE(sql.ok());
  Status st = test_db_->db().Read([&](store::Transaction& tx) -> Status {
    auto rows = tx.Query(sql->text, sql->params);
    if (!rows.ok()) return rows.status();
    const store::Row& r = rows->rows.at(0);
    EXPECT_EQ(r.size(), 7u);
    EXPECT_EQ(r.Int(0), 4);
    EXPECT_EQ(r.Int(1), 3);
    EXPECT_EQ(r.Int(2), 1);
    EXPECT_EQ(r.Int(3), 1);  // 105
    EXPECT_EQ(r.Int(4), 0);  // a pass over no rows
    EXPECT_EQ(r.Int(5), 1);
    EXPECT_EQ(r.Int(6), 1);  // 101
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
}

// Periods of events are counted from the events (each matter once, however
// many such events it has in the year); the one statement must agree with
// counting each filter on its own, for every year, org and mix of filters.
TEST_P(CompiledCountTest, EventPeriodsInOneStatementMatchSeparateCounts) {
  ASSERT_TRUE(test_db_->db().Write([&](store::Transaction& tx) -> Status {
    // A second close event for 101 in 2024 and one for 106 in 2025.
    FAZHI_RETURN_IF_ERROR(testing::InsertEvent(tx, 1013, 101, 4, "close", At("2024-03-11")));
    return testing::InsertEvent(tx, 1062, 106, 3, "close", At("2025-02-01"));
  }).ok());
  std::vector<Filter> filters;
  auto event = [](const std::string& action) {
    Filter f = Of(PeriodBasis::kEvent);
    f.period.action = action;
    return f;
  };
  filters.push_back(event("close"));
  filters.push_back(event("close"));
  filters.back().outcome_in = {"合法"};
  filters.push_back(event("close"));
  filters.back().fields = {{"category", {"行政协议"}}};
  filters.push_back(event("create"));
  filters.push_back(event("create"));
  filters.back().state_in = {"submitted"};
  filters.push_back(event("feedback"));
  filters.push_back(event("close"));
  filters.back().kind = "other_kind";
  filters.push_back(Of(PeriodBasis::kReceived));
  filters.push_back(event("no_such_action"));
  std::vector<const Filter*> all;
  for (const auto& f : filters) all.push_back(&f);
  for (int year : {2023, 2024, 2025}) {
    for (const std::string org : {"", "/1/", "/1/2/", "/3/"}) {
      auto sql = CompileCounts(all, year, org, test_db_->db().dialect());
      ASSERT_TRUE(sql.ok());
      Status st = test_db_->db().Read([&](store::Transaction& tx) -> Status {
        auto rows = tx.Query(sql->text, sql->params);
        if (!rows.ok()) return rows.status();
        for (size_t i = 0; i < filters.size(); ++i) {
          auto one = CompileCount(filters[i], year, org, tx.dialect());
          if (!one.ok()) return one.status();
          auto single = tx.Query(one->text, one->params);
          if (!single.ok()) return single.status();
          EXPECT_EQ(rows->rows.at(0).Int(i), single->rows.at(0).Int(0)) << "filter " << i << ", " << year << " " << org;
        }
        return Status::Ok();
      });
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
  }
  // The sample really has events in those years (the check above is not empty).
  EXPECT_EQ(Count(event("close"), 2024), 3);  // 101 (twice), 102 and 106
  EXPECT_EQ(Count(event("close"), 2025), 2);  // 103 and the second close of 106
}

INSTANTIATE_TEST_SUITE_P(Backends, CompiledCountTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<store::Dialect>& info) {
                           return info.param == store::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace fazhi::metrics
