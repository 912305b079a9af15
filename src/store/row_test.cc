#include <gtest/gtest.h>

#include <filesystem>

#include "store/database.h"
#include "base/temp_dir.h"

namespace fazhi::store {
namespace {

TEST(Row, ConvertsBetweenTypes) {
  Row row({std::monostate{}, int64_t{42}, 2.75, std::string("17"), std::string(" -5 "),
           std::string("3.9"), std::string("abc"), std::string("法治")});
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Real(0), 0.0);
  EXPECT_EQ(row.Text(0), "");

  EXPECT_FALSE(row.IsNull(1));
  EXPECT_EQ(row.Int(1), 42);
  EXPECT_EQ(row.Real(1), 42.0);
  EXPECT_EQ(row.Text(1), "42");

  EXPECT_EQ(row.Int(2), 2);
  EXPECT_EQ(row.Real(2), 2.75);
  EXPECT_EQ(row.Text(2), "2.75");

  EXPECT_EQ(row.Int(3), 17);
  EXPECT_EQ(row.Real(3), 17.0);
  EXPECT_EQ(row.Int(4), -5);
  EXPECT_EQ(row.Int(5), 3);
  EXPECT_EQ(row.Real(5), 3.9);
  EXPECT_EQ(row.Int(6), 0);
  EXPECT_EQ(row.Text(7), "法治");
  EXPECT_EQ(row.size(), 8u);
}

TEST(Row, RealTextRoundTrips) {
  Row row({0.1, 1e300, -0.0, int64_t{-9223372036854775807 - 1}});
  EXPECT_EQ(row.Text(0), "0.1");
  EXPECT_EQ(std::stod(row.Text(1)), 1e300);
  EXPECT_EQ(row.Text(3), "-9223372036854775808");
}

TEST(Dialect, Names) {
  EXPECT_STREQ(DialectName(Dialect::kSqlite), "sqlite");
  EXPECT_STREQ(DialectName(Dialect::kPostgres), "postgresql");
}

TEST(Open, RejectsUnknownUrls) {
  for (const char* url : {"", "mysql://root@localhost/fazhi", "http://example.org/x.db",
                          "oracle:foo", "sqlite:", "sqlite://"}) {
    auto db = Open(url);
    ASSERT_FALSE(db.ok()) << url;
    EXPECT_EQ(db.status().code(), codes::kInvalid) << url;
    EXPECT_FALSE(db.status().message().empty());
  }
}

TEST(Open, AcceptsSqliteSpellings) {
  namespace fs = std::filesystem;
  const std::string dir = MakeTempDir("fazhi-open").string();
  ASSERT_FALSE(dir.empty());
  for (const std::string& url : {"sqlite:" + dir + "/a.db", "sqlite://" + dir + "/b.db",
                                 dir + "/c.db", dir + "/sub/d.sqlite3"}) {
    auto db = Open(url);
    ASSERT_TRUE(db.ok()) << url << ": " << db.status().ToString();
    EXPECT_EQ((*db)->dialect(), Dialect::kSqlite);
    EXPECT_TRUE(fs::exists((*db)->FilePath())) << url;
  }
  fs::remove_all(dir);
}

TEST(Open, UnreachablePostgresIsDatabaseError) {
  auto db = Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), codes::kDatabase);
}

}  // namespace
}  // namespace fazhi::store
