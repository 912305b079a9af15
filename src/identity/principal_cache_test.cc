// PrincipalCache: entries are found only under the stamp they were stored
// with, a changed stamp drops them, and the cache never holds more than its
// capacity (least recently used first out).
#include "identity/principal_cache.h"

#include <gtest/gtest.h>

namespace fazhi::identity {
namespace {

Principal Named(const std::string& name) {
  Principal p;
  p.username = name;
  p.permissions = {"matter:read"};
  return p;
}

TEST(PrincipalCache, FindsOnlyUnderTheSameStamp) {
  PrincipalCache cache(8);
  const PrincipalStamp stamp{1, 10, false, 5};
  cache.Put("t1", stamp, Named("clerk"));
  auto hit = cache.Find("t1", stamp);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->username, "clerk");
  EXPECT_TRUE(hit->Can("matter:read"));
  EXPECT_FALSE(cache.Find("t2", stamp).has_value());

  for (PrincipalStamp other : {PrincipalStamp{2, 10, false, 5}, PrincipalStamp{1, 11, false, 5},
                               PrincipalStamp{1, 10, true, 5}, PrincipalStamp{1, 10, false, 6}}) {
    cache.Put("t1", stamp, Named("clerk"));
    EXPECT_FALSE(cache.Find("t1", other).has_value());
    // The stale entry is gone, even for its old stamp.
    EXPECT_FALSE(cache.Find("t1", stamp).has_value());
  }
}

TEST(PrincipalCache, StaysWithinItsCapacity) {
  PrincipalCache cache(3);
  const PrincipalStamp stamp{1, 1, false, 0};
  cache.Put("a", stamp, Named("a"));
  cache.Put("b", stamp, Named("b"));
  cache.Put("c", stamp, Named("c"));
  ASSERT_TRUE(cache.Find("a", stamp).has_value());  // a is now the most recent
  cache.Put("d", stamp, Named("d"));                 // b goes
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.Find("b", stamp).has_value());
  EXPECT_TRUE(cache.Find("a", stamp).has_value());
  EXPECT_TRUE(cache.Find("c", stamp).has_value());
  EXPECT_TRUE(cache.Find("d", stamp).has_value());
  cache.Put("d", stamp, Named("d2"));  // replacing does not grow it
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.Find("d", stamp)->username, "d2");
  cache.Erase("d");
  EXPECT_FALSE(cache.Find("d", stamp).has_value());
  EXPECT_EQ(cache.size(), 2u);

  PrincipalCache off(0);
  off.Put("a", stamp, Named("a"));
  EXPECT_FALSE(off.Find("a", stamp).has_value());
}

}  // namespace
}  // namespace fazhi::identity
