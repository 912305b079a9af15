// CalendarStore on both backends: seeding, reload, audited edits, snapshots.
// PostgreSQL runs need FAZHI_TEST_PG_URL (scripts/pgtemp start DIR).
#include "calendar/calendar_store.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "calendar/official_data_for_test.h"
#include "store/test_database.h"

namespace fazhi::calendar {
namespace {

using testutil::D;

identity::Principal Admin() {
  identity::Principal p;
  p.user_id = 42;
  p.username = "sysadmin";
  p.permissions = {"config:manage"};
  return p;
}

class CalendarStoreTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto created = store::TestDatabase::Create(GetParam(), std::string("calendar_") + info->name());
    ASSERT_TRUE(created.ok()) << created.status().message();
    test_db_ = std::move(*created);
    auto migrated = db().Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
    dir_ = MakeTempDir("fazhi-calstore");
    ASSERT_FALSE(dir_.empty());
    log_ = std::make_unique<audit::AuditLog>((dir_ / "checkpoint").string());
    store_ = std::make_unique<CalendarStore>(db(), *log_, clock_);
    auto years = LoadCalendarDir(testutil::OfficialDir());
    ASSERT_TRUE(years.ok()) << years.status().ToString();
    official_ = std::move(*years);
  }
  void TearDown() override {
    store_.reset();
    test_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  store::Database& db() { return test_db_->db(); }

  int64_t Count(const std::string& sql) {
    int64_t n = -1;
    Status st = db().Read([&](store::Transaction& tx) -> Status {
      auto rows = tx.Query(sql);
      if (!rows.ok()) return rows.status();
      n = rows->rows.at(0).Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return n;
  }

  std::string Due(const char* from, int n, Unit unit = Unit::kWorkingDay) {
    auto due = store_->Current()->Due(D(from), n, unit);
    return due.ok() ? due->ToString() : due.status().code();
  }

  ManualClock clock_{1727654400000};  // 2024-09-30T00:00:00Z
  std::unique_ptr<store::TestDatabase> test_db_;
  std::filesystem::path dir_;
  std::unique_ptr<audit::AuditLog> log_;
  std::unique_ptr<CalendarStore> store_;
  std::vector<YearData> official_;
};

TEST_P(CalendarStoreTest, StartsEmptyThenSeedsTheShippedYears) {
  EXPECT_EQ(store_->version(), 0);
  EXPECT_FALSE(store_->Current()->HasYear(2024));
  EXPECT_EQ(Due("2024-09-30", 5), "calendar_missing");

  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  EXPECT_EQ(store_->version(), 1);
  EXPECT_EQ(store_->Current()->Years(), (std::vector<int>{2024, 2025, 2026}));
  EXPECT_EQ(Due("2024-09-30", 5), "2024-10-12");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calendar_days"), 28 + 8 + 28 + 5 + 33 + 6);
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM calendar_days WHERE year = 2024 AND type = 'makeup_workday'"), 8);
  // Seeding is not an edit: nothing audited.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), 0);

  // Seeding again changes nothing.
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  EXPECT_EQ(store_->version(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calendar_days"), 108);
}

TEST_P(CalendarStoreTest, SetYearReplacesAuditsAndSwapsTheSnapshot) {
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  std::shared_ptr<const Calendar> before = store_->Current();
  const int64_t v = store_->version();

  // Drop the 2024-10-12 make-up Saturday: 5 wd from 9/30 now end on 10/14.
  YearData edited = *before->Year(2024);
  edited.makeup.erase(D("2024-10-12"));
  edited.holidays.insert(D("2024-12-31"));
  ASSERT_TRUE(store_->SetYear(Admin(), "10.1.2.3", edited).ok());
  EXPECT_EQ(store_->version(), v + 1);
  EXPECT_EQ(Due("2024-09-30", 5), "2024-10-14");
  EXPECT_EQ(*store_->Current()->Year(2024), edited);
  // The old snapshot is untouched.
  EXPECT_EQ(before->Due(D("2024-09-30"), 5, Unit::kWorkingDay)->ToString(), "2024-10-12");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calendar_days WHERE year = 2024"), 29 + 7);

  auto page = log_->List(db(), audit::Filter{});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->second, 1);
  const audit::StoredRecord& r = page->first.at(0);
  EXPECT_EQ(r.action, "calendar.update");
  EXPECT_EQ(r.object, "calendar:2024");
  EXPECT_EQ(r.username, "sysadmin");
  EXPECT_EQ(r.user_id, 42);
  EXPECT_EQ(r.ip, "10.1.2.3");
  EXPECT_EQ(r.result, "success");
  EXPECT_EQ(r.at_ms, 1727654400000);
  EXPECT_EQ(r.detail,
            "{\"year\":2024,\"holidays\":29,\"makeupWorkdays\":7,"
            "\"previous\":{\"holidays\":28,\"makeupWorkdays\":8},\"recounted\":0,\"recountedIds\":[]}");

  // A restart (a fresh store on the same database) sees the edit, and the
  // shipped definitions do not overwrite it.
  CalendarStore again(db(), *log_, clock_);
  ASSERT_TRUE(again.SeedFromDefinitions(official_).ok());
  EXPECT_EQ(*again.Current()->Year(2024), edited);
  EXPECT_EQ(*again.Current(), *store_->Current());
}

TEST_P(CalendarStoreTest, SetYearAddsANewYear) {
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  EXPECT_EQ(Due("2026-12-30", 2), "calendar_missing");
  YearData y2027{2027, {D("2027-01-01")}, {}};
  ASSERT_TRUE(store_->SetYear(Admin(), "::1", y2027).ok());
  EXPECT_EQ(Due("2026-12-30", 2), "2027-01-04");
  auto page = log_->List(db(), audit::Filter{});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->first.at(0).detail,
            "{\"year\":2027,\"holidays\":1,\"makeupWorkdays\":0,"
            "\"previous\":{\"holidays\":0,\"makeupWorkdays\":0},\"recounted\":0,\"recountedIds\":[]}");
}

// The edit hook runs inside the edit's transaction with the edited calendar;
// what it changed is listed in the audit record, and its failure undoes the
// whole edit.
TEST_P(CalendarStoreTest, EditHookRunsInTheSameTransaction) {
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  std::string seen_due;
  bool fail = false;
  int64_t rows_expected = 28 + 7;
  store_->OnEdit([&](store::Transaction& tx, const Calendar& edited, const identity::Principal& actor)
                     -> Result<std::vector<int64_t>> {
    EXPECT_EQ(actor.username, "sysadmin");
    // The hook sees the edited year, and the new rows inside the transaction.
    seen_due = edited.Due(D("2024-09-30"), 5, Unit::kWorkingDay)->ToString();
    auto rows = tx.Query("SELECT COUNT(*) FROM calendar_days WHERE year = 2024", {});
    if (!rows.ok()) return rows.status();
    EXPECT_EQ(rows->rows[0].Int(0), rows_expected);
    if (fail) return Status("calendar_missing", "缺少 2027 年的法定节假日安排");
    return std::vector<int64_t>{7, 9};
  });
  YearData edited = *store_->Current()->Year(2024);
  edited.makeup.erase(D("2024-10-12"));
  ASSERT_TRUE(store_->SetYear(Admin(), "::1", edited).ok());
  EXPECT_EQ(seen_due, "2024-10-14");
  auto page = log_->List(db(), audit::Filter{});
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->first.at(0).detail.find("\"recounted\":2,\"recountedIds\":[\"7\",\"9\"]"),
            std::string::npos)
      << page->first.at(0).detail;

  fail = true;
  rows_expected = 29 + 7;
  const int64_t v = store_->version();
  YearData again = edited;
  again.holidays.insert(D("2024-12-31"));
  Status st = store_->SetYear(Admin(), "::1", again);
  EXPECT_EQ(st.code(), "calendar_missing");
  EXPECT_EQ(store_->version(), v);
  EXPECT_EQ(*store_->Current()->Year(2024), edited);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calendar_days WHERE year = 2024"), 28 + 7);
  ASSERT_EQ(log_->List(db(), audit::Filter{})->second, 1);
}

TEST_P(CalendarStoreTest, InvalidEditsChangeNothing) {
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  const int64_t v = store_->version();
  std::shared_ptr<const Calendar> before = store_->Current();

  YearData weekday_makeup = *before->Year(2024);
  weekday_makeup.makeup.insert(D("2024-10-14"));  // a Monday
  EXPECT_EQ(store_->SetYear(Admin(), "ip", weekday_makeup).code(), "validation_failed");
  YearData no_holidays{2024, {}, {D("2024-10-12")}};
  Status st = store_->SetYear(Admin(), "ip", no_holidays);
  EXPECT_EQ(st.code(), "validation_failed");
  EXPECT_NE(st.message().find("至少"), std::string::npos);

  EXPECT_EQ(store_->version(), v);
  EXPECT_EQ(store_->Current(), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calendar_days WHERE year = 2024"), 36);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), 0);

  // Bad shipped data is refused as a whole.
  std::vector<YearData> bad = {YearData{2030, {}, {}}};
  EXPECT_EQ(store_->SeedFromDefinitions(bad).code(), "validation_failed");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM calendar_days WHERE year = 2030"), 0);
}

TEST_P(CalendarStoreTest, ReloadPicksUpChangesFromElsewhere) {
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  const int64_t v = store_->version();
  ASSERT_TRUE(store_->Reload().ok());
  EXPECT_EQ(store_->version(), v);  // same data: no bump

  // Another node edits the database.
  CalendarStore other(db(), *log_, clock_);
  ASSERT_TRUE(other.Reload().ok());
  YearData y = *other.Current()->Year(2025);
  y.holidays.insert(D("2025-12-31"));
  ASSERT_TRUE(other.SetYear(Admin(), "ip", y).ok());
  EXPECT_FALSE(store_->Current()->Year(2025)->holidays.count(D("2025-12-31")));
  ASSERT_TRUE(store_->Reload().ok());
  EXPECT_EQ(store_->version(), v + 1);
  EXPECT_TRUE(store_->Current()->Year(2025)->holidays.count(D("2025-12-31")));

  // Rows that break the rules (written around the store) fail the reload
  // and keep the snapshot.
  std::shared_ptr<const Calendar> good = store_->Current();
  ASSERT_TRUE(db().Write([](store::Transaction& tx) -> Status {
                    auto r = tx.Exec(
                        "INSERT INTO calendar_days (day, year, type) VALUES ('2025-03-03', 2025, "
                        "'makeup_workday')");
                    return r.ok() ? Status::Ok() : r.status();
                  })
                  .ok());
  Status st = store_->Reload();
  EXPECT_EQ(st.code(), "invalid_definition");
  EXPECT_NE(st.message().find("2025"), std::string::npos) << st.message();
  EXPECT_EQ(store_->Current(), good);
}

TEST_P(CalendarStoreTest, ReadersKeepWorkingDuringEdits) {
  ASSERT_TRUE(store_->SeedFromDefinitions(official_).ok());
  YearData with = *store_->Current()->Year(2024);
  YearData without = with;
  without.makeup.erase(D("2024-10-12"));
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        auto due = store_->Current()->Due(D("2024-09-30"), 5, Unit::kWorkingDay);
        if (!due.ok() || (due->ToString() != "2024-10-12" && due->ToString() != "2024-10-14"))
          ++bad;
      }
    });
  }
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(store_->SetYear(Admin(), "ip", i % 2 == 0 ? without : with).ok());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(Due("2024-09-30", 5), "2024-10-12");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.update'"), 10);
  auto verified = audit::Verify(db(), log_->checkpoint_path());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, CalendarStoreTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<store::Dialect>& info) {
                           return info.param == store::Dialect::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace fazhi::calendar
