// PostgreSQL-specific behaviour: a pooled connection the server dropped is
// replaced transparently. Needs FAZHI_TEST_PG_URL like the other PG tests.
#include <gtest/gtest.h>

#include <cmath>

#include "store/database.h"
#include "store/test_database.h"

namespace fazhi::store {
namespace {

int64_t BackendPid(Database& db) {
  int64_t pid = -1;
  Status s = db.Read([&](Transaction& tx) {
    auto r = tx.Query("SELECT pg_backend_pid()");
    if (!r.ok()) return r.status();
    pid = r->rows.at(0).Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return pid;
}

Status Terminate(const std::string& url, int64_t pid) {
  auto other = Open(url);
  if (!other.ok()) return other.status();
  return (*other)->Write([&](Transaction& tx) {
    auto r = tx.Query("SELECT pg_terminate_backend(?)", {pid});
    return r.ok() ? Status::Ok() : r.status();
  });
}

TEST(PgDatabase, ReplacesConnectionDroppedByServer) {
  Options options;
  options.read_connections = 1;  // so the next call must reuse the dropped one
  auto t = TestDatabase::Create(Dialect::kPostgres, "reconnect", options);
  ASSERT_TRUE(t.ok()) << t.status().message();
  Database& db = (*t)->db();
  EXPECT_EQ(db.FilePath(), "");

  int64_t first = BackendPid(db);
  ASSERT_GT(first, 0);
  ASSERT_TRUE(Terminate((*t)->url(), first).ok());

  int64_t second = BackendPid(db);  // read after the drop: retried on a new connection
  EXPECT_GT(second, 0);
  EXPECT_NE(second, first);

  ASSERT_TRUE(Terminate((*t)->url(), second).ok());
  Status s = db.Write([](Transaction& tx) {  // and a write
    return tx.ExecScript("CREATE TABLE after_reconnect (id BIGINT PRIMARY KEY)");
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(PgDatabase, TextComesBackAsTextAndNumericAsReal) {
  auto t = TestDatabase::Create(Dialect::kPostgres, "types");
  ASSERT_TRUE(t.ok()) << t.status().message();
  Status s = (*t)->db().Read([](Transaction& tx) {
    auto r = tx.Query(
        "SELECT 1::int2, 2::int4, 3::int8, 1.5::float4, 2.5::float8, 3.25::numeric, true, false, "
        "'2024-05-01'::date, NULL::int8, 'NaN'::float8, ?::text",
        {std::string("文本")});
    if (!r.ok()) return r.status();
    const Row& row = r->rows.at(0);
    EXPECT_EQ(row.At(0), Value(int64_t{1}));
    EXPECT_EQ(row.At(1), Value(int64_t{2}));
    EXPECT_EQ(row.At(2), Value(int64_t{3}));
    EXPECT_EQ(row.At(3), Value(1.5));
    EXPECT_EQ(row.At(4), Value(2.5));
    EXPECT_EQ(row.At(5), Value(3.25));
    EXPECT_EQ(row.At(6), Value(int64_t{1}));
    EXPECT_EQ(row.At(7), Value(int64_t{0}));
    EXPECT_EQ(row.At(8), Value(std::string("2024-05-01")));
    EXPECT_TRUE(row.IsNull(9));
    EXPECT_TRUE(std::isnan(row.Real(10)));
    EXPECT_EQ(row.Text(11), "文本");
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

}  // namespace
}  // namespace fazhi::store
