// ReadCache keeps a value only for the content version it was stored under,
// drops the least recently used beyond its capacity; SqlCacheKey tells apart
// every statement and parameter list that could give another answer.
#include "engine/read_cache.h"

#include <gtest/gtest.h>

namespace fazhi::engine {
namespace {

using store::Value;

TEST(ReadCache, FindsOnlyUnderTheVersionItWasStoredWith) {
  ReadCache<std::string, int> cache(4);
  EXPECT_EQ(cache.Find("a", 1), nullptr);
  cache.Put("a", 1, std::make_shared<const int>(10));
  ASSERT_NE(cache.Find("a", 1), nullptr);
  EXPECT_EQ(*cache.Find("a", 1), 10);
  // Another version (newer or older, the token is random): not used.
  EXPECT_EQ(cache.Find("a", 2), nullptr);
  EXPECT_EQ(*cache.Find("a", 1), 10);
  // A new value replaces the old one.
  cache.Put("a", 2, std::make_shared<const int>(20));
  cache.Put("a", 3, std::make_shared<const int>(30));
  EXPECT_EQ(cache.Find("a", 2), nullptr);
  EXPECT_EQ(cache.Find("a", 1), nullptr);
  EXPECT_EQ(*cache.Find("a", 3), 30);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(ReadCache, DropsTheLeastRecentlyUsedBeyondCapacity) {
  ReadCache<int64_t, int> cache(2);
  cache.Put(1, 7, std::make_shared<const int>(1));
  cache.Put(2, 7, std::make_shared<const int>(2));
  ASSERT_NE(cache.Find(1, 7), nullptr);  // 1 is now the most recent
  cache.Put(3, 7, std::make_shared<const int>(3));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(cache.Find(1, 7), nullptr);
  EXPECT_EQ(cache.Find(2, 7), nullptr);
  EXPECT_NE(cache.Find(3, 7), nullptr);
}

TEST(ReadCache, CapacityZeroKeepsNothing) {
  ReadCache<int64_t, int> cache(0);
  cache.Put(1, 1, std::make_shared<const int>(1));
  EXPECT_EQ(cache.Find(1, 1), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SqlCacheKey, DiffersForEveryDifferentInput) {
  const std::string sql = "SELECT 1 WHERE a = ? AND b = ?";
  const std::vector<std::vector<Value>> params = {
      {int64_t{1}, std::string("x")},
      {int64_t{1}, std::string("y")},
      {int64_t{2}, std::string("x")},
      {std::string("1"), std::string("x")},  // text "1" is not the integer 1
      {int64_t{1}, Value()},                 // NULL is not ""
      {int64_t{1}, std::string("")},
      {int64_t{1}, 1.0},
      {std::string("a|sb"), std::string("")},  // separators inside text
      {std::string("a"), std::string("b")},
      {std::string("a|s1:b")},
      {int64_t{1}},
      {},
  };
  std::vector<std::string> keys;
  for (const auto& p : params) keys.push_back(SqlCacheKey(sql, p));
  keys.push_back(SqlCacheKey("SELECT 1 WHERE a = ?", {int64_t{1}}));
  keys.push_back(SqlCacheKey("SELECT 1 WHERE a = ?|i1", {}));
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t j = i + 1; j < keys.size(); ++j) EXPECT_NE(keys[i], keys[j]) << i << " vs " << j;
  // The same input, the same key.
  EXPECT_EQ(SqlCacheKey(sql, params[0]), SqlCacheKey(sql, params[0]));
}

}  // namespace
}  // namespace fazhi::engine
