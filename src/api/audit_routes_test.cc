// GET /api/v1/audit through Api::Handle, on a SQLite test database.
#include "api/audit_routes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "api/errors.h"
#include "store/test_database.h"

namespace fazhi::api {
namespace {

identity::Principal Auditor(bool can_read) {
  identity::Principal p;
  p.user_id = 7;
  p.username = "auditor";
  p.csrf_token = "tok";
  if (can_read) p.permissions = {"audit:read"};
  return p;
}

class AuditRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = store::TestDatabase::Create(store::Dialect::kSqlite, "audit_routes");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    test_db_ = std::move(*created);
    ASSERT_TRUE(test_db_->db().Migrate().ok());
    log_ = std::make_unique<audit::AuditLog>("");
    api_ = std::make_unique<Api>(std::make_unique<http::StaticFiles>("/nonexistent"),
                                 [](const http::Request& req) -> Result<identity::Principal> {
                                   const std::string who = req.Cookie("fazhi_session");
                                   if (who == "auditor") return Auditor(true);
                                   if (who == "clerk") return Auditor(false);
                                   return Status("unauthenticated", "请先登录");
                                 });
    AddAuditRoutes(*api_, test_db_->db(), *log_);

    Status s = test_db_->db().Write([&](store::Transaction& tx) {
      for (int i = 1; i <= 25; ++i) {
        audit::Record r;
        r.at_ms = 1717200000000 + i * 1000;
        r.user_id = 9007199254740993;  // past 2^53: must travel as a string
        r.username = i % 2 ? "张三" : "lisi";
        r.ip = "10.0.0.1";
        r.action = i % 3 ? "session.sign_in" : "user.create";
        r.object = "user:" + std::to_string(i);
        r.result = i % 5 ? "success" : "failure";
        r.detail = "第" + std::to_string(i) + "条";
        FAZHI_RETURN_IF_ERROR(log_->Append(tx, r));
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  http::Response Get(const std::string& target, const std::string& session = "auditor") {
    http::Request req;
    req.method = "GET";
    req.target = target;
    EXPECT_TRUE(http::ParseTarget(target, &req.path, &req.query));
    req.headers["host"] = "127.0.0.1:8080";
    if (!session.empty()) req.headers["cookie"] = "fazhi_session=" + session;
    return api_->Handle(req);
  }

  std::unique_ptr<store::TestDatabase> test_db_;
  std::unique_ptr<audit::AuditLog> log_;
  std::unique_ptr<Api> api_;
};

TEST_F(AuditRoutesTest, NeedsSessionAndPermission) {
  EXPECT_EQ(Get("/api/v1/audit", "").status, 401);
  EXPECT_EQ(Get("/api/v1/audit", "clerk").status, 403);
  EXPECT_EQ(Get("/api/v1/audit").status, 200);
}

TEST_F(AuditRoutesTest, ListsNewestFirstWithPaging) {
  http::Response r = Get("/api/v1/audit?page=2&pageSize=10");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = Json::parse(r.body);
  EXPECT_EQ(body["total"], 25);
  EXPECT_EQ(body["page"], 2);
  EXPECT_EQ(body["pageSize"], 10);
  ASSERT_EQ(body["items"].size(), 10u);
  const Json& first = body["items"][0];
  EXPECT_EQ(first["seq"], 15);
  EXPECT_TRUE(first["seq"].is_number_integer());
  EXPECT_EQ(first["time"], 1717200000000 + 15 * 1000);
  EXPECT_EQ(first["userId"], "9007199254740993");
  EXPECT_EQ(first["username"], "张三");
  EXPECT_EQ(first["action"], "user.create");
  EXPECT_EQ(first["object"], "user:15");
  EXPECT_EQ(first["result"], "failure");
  EXPECT_EQ(first["detail"], "第15条");
  EXPECT_EQ(first["ip"], "10.0.0.1");
  EXPECT_EQ(first["hash"].get<std::string>().size(), 64u);

  body = Json::parse(Get("/api/v1/audit").body);
  EXPECT_EQ(body["page"], 1);
  EXPECT_EQ(body["pageSize"], 20);
  EXPECT_EQ(body["items"].size(), 20u);
  EXPECT_EQ(body["items"][0]["seq"], 25);
}

TEST_F(AuditRoutesTest, Filters) {
  auto total = [&](const std::string& query) {
    http::Response r = Get("/api/v1/audit?" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return Json::parse(r.body)["total"].get<int64_t>();
  };
  EXPECT_EQ(total("username=%E5%BC%A0%E4%B8%89"), 13);  // 张三, odd i
  EXPECT_EQ(total("action=session."), 17);              // i % 3 != 0
  EXPECT_EQ(total("action=user"), 8);
  EXPECT_EQ(total("result=failure"), 5);
  EXPECT_EQ(total("from=1717200010000"), 16);                                // i >= 10
  EXPECT_EQ(total("to=1717200010000"), 9);                                   // i < 10
  EXPECT_EQ(total("from=1717200005000&to=1717200007000&username=lisi"), 1);  // i = 6
  EXPECT_EQ(total("username=&action=&result=&from=&to="), 25);               // empty = absent
}

TEST_F(AuditRoutesTest, BadParametersAre400) {
  const std::vector<std::string> queries = {"page=0",
                                            "page=-1",
                                            "page=abc",
                                            "page=1.5",
                                            "pageSize=0",
                                            "pageSize=201",
                                            "pageSize=20x",
                                            "result=ok",
                                            "from=-5",
                                            "from=yesterday",
                                            "to=1e12",
                                            "from=2000&to=1000",
                                            "from=1000&to=1000",
                                            "username=" + std::string(201, 'a'),
                                            "from=99999999999999999999"};
  for (const std::string& query : queries) {
    http::Response r = Get("/api/v1/audit?" + query);
    EXPECT_EQ(r.status, 400) << query;
    Json body = Json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "invalid_query") << query;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  }
}

TEST(ParseAuditQuery, Defaults) {
  http::Request req;
  audit::Filter f;
  f.page = 99;
  ASSERT_TRUE(ParseAuditQuery(req, &f).ok());
  EXPECT_EQ(f.page, 1);
  EXPECT_EQ(f.page_size, 20);
  EXPECT_TRUE(f.username.empty());
  EXPECT_EQ(f.from_ms, 0);
  EXPECT_EQ(f.to_ms, 0);
}

}  // namespace
}  // namespace fazhi::api
