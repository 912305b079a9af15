#include "store/migrations.h"

#include <gtest/gtest.h>

namespace fazhi::store {
namespace {

TEST(Migrations, BaseComesFirst) {
  for (Dialect d : {Dialect::kSqlite, Dialect::kPostgres}) {
    auto list = ListMigrations(d);
    ASSERT_FALSE(list.empty()) << DialectName(d);
    EXPECT_EQ(list[0], (std::pair<int, std::string>{1, "base"})) << DialectName(d);
  }
}

TEST(Migrations, AscendingAndUnique) {
  for (Dialect d : {Dialect::kSqlite, Dialect::kPostgres}) {
    auto list = ListMigrations(d);
    for (size_t i = 1; i < list.size(); ++i) {
      EXPECT_LT(list[i - 1].first, list[i].first) << DialectName(d);
    }
  }
}

// Every change exists for both dialects under the same number and name.
TEST(Migrations, DialectsListTheSameFiles) {
  EXPECT_EQ(ListMigrations(Dialect::kSqlite), ListMigrations(Dialect::kPostgres))
      << "each src/store/migrations/sqlite/NNNN_name.sql needs a postgresql/NNNN_name.sql twin";
}

}  // namespace
}  // namespace fazhi::store
