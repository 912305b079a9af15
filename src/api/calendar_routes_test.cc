// The calendar routes through Api::Handle, on a SQLite test database seeded
// with the shipped definitions.
#include "api/calendar_routes.h"
#include "base/temp_dir.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "api/errors.h"
#include "calendar/calendar_loader.h"
#include "store/test_database.h"

// CTest sets FAZHI_SOURCE_DIR; this fallback serves direct runs.
#ifndef FAZHI_DEFAULT_SOURCE_DIR
#define FAZHI_DEFAULT_SOURCE_DIR "."
#endif

namespace fazhi::api {
namespace {

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr && *env != '\0' ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

identity::Principal User(const std::string& name, bool admin) {
  identity::Principal p;
  p.user_id = admin ? 1 : 2;
  p.username = name;
  p.csrf_token = "tok";
  if (admin) p.permissions = {"config:manage"};
  return p;
}

class CalendarRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = store::TestDatabase::Create(store::Dialect::kSqlite, "calendar_routes");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    test_db_ = std::move(*created);
    ASSERT_TRUE(test_db_->db().Migrate().ok());
    dir_ = MakeTempDir("fazhi-calapi");
    ASSERT_FALSE(dir_.empty());
    log_ = std::make_unique<audit::AuditLog>((dir_ / "checkpoint").string());
    store_ = std::make_unique<calendar::CalendarStore>(test_db_->db(), *log_, clock_);
    auto years = calendar::LoadCalendarDir(SourceDir() + "/definitions/calendar");
    ASSERT_TRUE(years.ok()) << years.status().ToString();
    ASSERT_TRUE(store_->SeedFromDefinitions(*years).ok());
    api_ = std::make_unique<Api>(std::make_unique<http::StaticFiles>("/nonexistent"),
                                 [](const http::Request& req) -> Result<identity::Principal> {
                                   const std::string who = req.Cookie("fazhi_session");
                                   if (who == "sysadmin") return User(who, true);
                                   if (who == "clerk") return User(who, false);
                                   return Status("unauthenticated", "请先登录");
                                 });
    AddCalendarRoutes(*api_, *store_);
  }
  void TearDown() override {
    api_.reset();
    store_.reset();
    test_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  http::Response Call(const std::string& method, const std::string& target,
                      const std::string& session = "clerk", const std::string& body = "") {
    http::Request req;
    req.method = method;
    req.target = target;
    EXPECT_TRUE(http::ParseTarget(target, &req.path, &req.query));
    req.headers["host"] = "127.0.0.1:8080";
    req.headers["content-type"] = "application/json";
    req.headers["x-csrf-token"] = "tok";
    req.remote_ip = "10.9.8.7";
    req.body = body;
    if (!session.empty()) req.headers["cookie"] = "fazhi_session=" + session;
    return api_->Handle(req);
  }

  Json Deadline(const std::string& query, int expect_status = 200) {
    http::Response r = Call("GET", "/api/v1/calendar/deadline?" + query);
    EXPECT_EQ(r.status, expect_status) << query << ": " << r.body;
    return Json::parse(r.body);
  }

  ManualClock clock_{1727654400000};
  std::unique_ptr<store::TestDatabase> test_db_;
  std::filesystem::path dir_;
  std::unique_ptr<audit::AuditLog> log_;
  std::unique_ptr<calendar::CalendarStore> store_;
  std::unique_ptr<Api> api_;
};

TEST_F(CalendarRoutesTest, Deadline) {
  Json j = Deadline("from=2024-09-30&days=5&unit=working_day");
  EXPECT_EQ(
      j,
      (Json{{"due", "2024-10-12"}, {"from", "2024-09-30"}, {"days", 5}, {"unit", "working_day"}}));
  EXPECT_EQ(Deadline("from=2024-09-27&days=5&unit=working_day")["due"], "2024-10-10");
  EXPECT_EQ(Deadline("from=2024-09-22&days=10&unit=calendar_day")["due"], "2024-10-08");
  EXPECT_EQ(Deadline("from=2025-01-24&days=5&unit=working_day")["due"], "2025-02-07");
}

TEST_F(CalendarRoutesTest, DeadlineErrorsAre422) {
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"days=5&unit=working_day", "from"},
           {"from=2024-2-3&days=5&unit=working_day", "from"},
           {"from=2024-02-30&days=5&unit=working_day", "from"},
           {"from=2024-09-30&unit=working_day", "days"},
           {"from=2024-09-30&days=-1&unit=working_day", "days"},
           {"from=2024-09-30&days=5", "unit"},
           {"from=2024-09-30&days=5&unit=weeks", "unit"}}) {
    Json j = Deadline(query, 422);
    EXPECT_EQ(j["error"]["code"], "validation_failed") << query;
    EXPECT_TRUE(j["error"]["details"]["fields"].contains(field)) << query << ": " << j.dump();
  }
  Json missing = Deadline("from=2026-12-20&days=15&unit=calendar_day", 422);
  EXPECT_EQ(missing["error"]["code"], "calendar_missing");
  EXPECT_EQ(missing["error"]["message"], "缺少 2027 年的法定节假日安排，无法按工作日计算期限");
  EXPECT_EQ(
      Call("GET", "/api/v1/calendar/deadline?from=2024-09-30&days=5&unit=working_day", "").status,
      401);
}

TEST_F(CalendarRoutesTest, GetYear) {
  http::Response r = Call("GET", "/api/v1/calendar/2024");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  EXPECT_EQ(j["year"], 2024);
  ASSERT_EQ(j["days"].size(), 366u);
  EXPECT_EQ(j["days"][0], (Json{{"date", "2024-01-01"}, {"type", "holiday"}, {"weekday", 1}}));
  EXPECT_EQ(j["days"][1]["type"], "workday");
  EXPECT_EQ(j["days"][5]["type"], "weekend");  // 01-06 Saturday
  EXPECT_EQ(j["days"][59]["date"], "2024-02-29");
  EXPECT_EQ(j["days"][285],
            (Json{{"date", "2024-10-12"}, {"type", "makeup_workday"}, {"weekday", 6}}));
  EXPECT_EQ(j["days"][365]["date"], "2024-12-31");
  EXPECT_EQ(j["holidays"].size(), 28u);
  EXPECT_EQ(j["makeupWorkdays"].size(), 8u);
  EXPECT_EQ(Json::parse(Call("GET", "/api/v1/calendar/2025").body)["days"].size(), 365u);
  EXPECT_EQ(Call("GET", "/api/v1/calendar/2027").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/calendar/24").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/calendar/abcd").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/calendar/2024", "").status, 401);
}

TEST_F(CalendarRoutesTest, PutYearNeedsConfigManageAndIsAudited) {
  const std::string body =
      R"({"holidays":["2027-01-01","2027-02-06"],"makeupWorkdays":["2027-02-13"]})";
  EXPECT_EQ(Call("PUT", "/api/v1/calendar/2027", "clerk", body).status, 403);
  EXPECT_EQ(Call("PUT", "/api/v1/calendar/2027", "", body).status, 401);
  http::Response r = Call("PUT", "/api/v1/calendar/2027", "sysadmin", body);
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  EXPECT_EQ(j["year"], 2027);
  EXPECT_EQ(j["days"].size(), 365u);
  EXPECT_EQ(j["makeupWorkdays"], Json::array({"2027-02-13"}));
  EXPECT_EQ(Deadline("from=2026-12-20&days=15&unit=calendar_day")["due"], "2027-01-04");

  auto page = log_->List(test_db_->db(), audit::Filter{});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->second, 1);
  EXPECT_EQ(page->first[0].action, "calendar.update");
  EXPECT_EQ(page->first[0].object, "calendar:2027");
  EXPECT_EQ(page->first[0].ip, "10.9.8.7");
}

TEST_F(CalendarRoutesTest, PutYearValidation) {
  auto put = [&](const std::string& year, const std::string& body) {
    http::Response r = Call("PUT", "/api/v1/calendar/" + year, "sysadmin", body);
    Json j = r.body.empty() ? Json() : Json::parse(r.body);
    return std::make_pair(r.status, j);
  };
  auto [status, j] = put("2099", "{}");
  EXPECT_EQ(status, 422);
  EXPECT_TRUE(j["error"]["details"]["fields"].contains("holidays"));
  std::tie(status, j) = put("2024", R"({"holidays":["2024-01-01"]})");
  EXPECT_EQ(status, 422);
  EXPECT_TRUE(j["error"]["details"]["fields"].contains("makeupWorkdays"));
  std::tie(status, j) = put("2024", R"({"holidays":["2025-01-01"],"makeupWorkdays":[]})");
  EXPECT_EQ(status, 422);
  std::tie(status, j) = put("2024", R"({"holidays":["2024-1-1"],"makeupWorkdays":[]})");
  EXPECT_EQ(status, 422);
  std::tie(status, j) = put("2024", R"({"holidays":[20240101],"makeupWorkdays":[]})");
  EXPECT_EQ(status, 422);
  std::tie(status, j) =
      put("2024", R"({"holidays":["2024-01-01","2024-01-01"],"makeupWorkdays":[]})");
  EXPECT_EQ(status, 422);
  std::tie(status, j) =
      put("2024", R"({"holidays":["2024-01-01"],"makeupWorkdays":["2024-10-14"]})");
  EXPECT_EQ(status, 422);  // a Monday
  EXPECT_EQ(j["error"]["code"], "validation_failed");
  std::tie(status, j) = put("2024", R"({"holidays":[],"makeupWorkdays":[]})");
  EXPECT_EQ(status, 422);
  std::tie(status, j) = put("2024", "not json");
  EXPECT_EQ(status, 400);
  std::tie(status, j) = put("abcd", R"({"holidays":["2024-01-01"],"makeupWorkdays":[]})");
  EXPECT_EQ(status, 404);
  // Nothing changed, nothing audited.
  EXPECT_EQ(Deadline("from=2024-09-30&days=5&unit=working_day")["due"], "2024-10-12");
  EXPECT_EQ(log_->List(test_db_->db(), audit::Filter{})->second, 0);
}

}  // namespace
}  // namespace fazhi::api
