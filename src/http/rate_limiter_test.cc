#include "http/rate_limiter.h"

#include <gtest/gtest.h>

namespace fazhi::http {
namespace {

TEST(RateLimiter, BurstThenRefill) {
  ManualClock clock(1000000);
  RateLimiter limiter(clock);
  RateLimiter::Rule rule{3, 6};  // 3 at once, then one every 10 s
  int retry = 0;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("c", rule, "1.2.3.4", &retry));
  EXPECT_FALSE(limiter.Allow("c", rule, "1.2.3.4", &retry));
  EXPECT_EQ(retry, 10);
  EXPECT_TRUE(limiter.Allow("c", rule, "5.6.7.8", &retry));  // other clients unaffected
  EXPECT_TRUE(limiter.Allow("d", rule, "1.2.3.4", &retry));  // other buckets unaffected
  clock.Advance(10000);
  EXPECT_TRUE(limiter.Allow("c", rule, "1.2.3.4", &retry));
  EXPECT_FALSE(limiter.Allow("c", rule, "1.2.3.4", &retry));
}

}  // namespace
}  // namespace fazhi::http
