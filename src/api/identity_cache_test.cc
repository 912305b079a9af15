// IdentityCache finds a value only for the very object it was stored for.
#include "api/identity_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace fazhi::api {
namespace {

TEST(IdentityCache, OnlyTheSameLivingObjectFindsItsValue) {
  IdentityCache<std::string, int> cache(4);
  auto a = std::make_shared<const std::string>("a");
  auto a_copy = std::make_shared<const std::string>("a");
  EXPECT_EQ(cache.Find(a), nullptr);
  cache.Put(a, std::make_shared<const int>(1));
  ASSERT_NE(cache.Find(a), nullptr);
  EXPECT_EQ(*cache.Find(a), 1);
  EXPECT_EQ(cache.Find(a_copy), nullptr);  // equal contents, another object
  // An object made at a dead one's address does not get its value.
  const void* old_address = a.get();
  a.reset();
  for (int i = 0; i < 100; ++i) {
    auto b = std::make_shared<const std::string>("b");
    EXPECT_EQ(cache.Find(b), nullptr) << (b.get() == old_address ? "same address" : "");
  }
}

TEST(IdentityCache, DropsTheLeastRecentlyUsed) {
  IdentityCache<int, int> cache(2);
  auto x = std::make_shared<const int>(1), y = std::make_shared<const int>(2), z = std::make_shared<const int>(3);
  cache.Put(x, x);
  cache.Put(y, y);
  ASSERT_NE(cache.Find(x), nullptr);
  cache.Put(z, z);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(cache.Find(x), nullptr);
  EXPECT_EQ(cache.Find(y), nullptr);
  EXPECT_NE(cache.Find(z), nullptr);
  IdentityCache<int, int> none(0);
  none.Put(x, x);
  EXPECT_EQ(none.Find(x), nullptr);
}

}  // namespace
}  // namespace fazhi::api
