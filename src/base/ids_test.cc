#include "base/ids.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace fazhi {
namespace {

TEST(IdGenerator, IncreasingAndEncodesTimeAndNode) {
  ManualClock clock(IdGenerator::kEpochMs + 5000);
  IdGenerator gen(clock, 7);
  int64_t a = gen.Next();
  int64_t b = gen.Next();
  EXPECT_GT(b, a);
  EXPECT_EQ(IdGenerator::TimestampMs(a), IdGenerator::kEpochMs + 5000);
  EXPECT_EQ(IdGenerator::Node(a), 7);
  clock.Advance(1);
  int64_t c = gen.Next();
  EXPECT_GT(c, b);
  EXPECT_EQ(IdGenerator::TimestampMs(c), IdGenerator::kEpochMs + 5001);
}

TEST(IdGenerator, ClockGoingBackwardsStillIncreases) {
  ManualClock clock(IdGenerator::kEpochMs + 10000);
  IdGenerator gen(clock, 1);
  int64_t a = gen.Next();
  clock.Set(IdGenerator::kEpochMs + 9000);
  EXPECT_GT(gen.Next(), a);
}

TEST(IdGenerator, SequenceOverflowBorrowsNextMillisecond) {
  ManualClock clock(IdGenerator::kEpochMs + 1);
  IdGenerator gen(clock, 0);
  int64_t last = 0;
  for (int i = 0; i < 5000; ++i) {
    int64_t id = gen.Next();
    ASSERT_GT(id, last);
    last = id;
  }
}

TEST(IdGenerator, UniqueAcrossThreads) {
  SystemClock clock;
  IdGenerator gen(clock, 3);
  std::vector<std::vector<int64_t>> out(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20000; ++i) out[t].push_back(gen.Next());
    });
  for (auto& th : threads) th.join();
  std::set<int64_t> all;
  for (auto& v : out) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), 80000u);
}

TEST(IdStrings, RoundTripAndRejects) {
  EXPECT_EQ(IdFromString(IdToString(123456789012345678)), 123456789012345678);
  EXPECT_EQ(IdFromString(""), 0);
  EXPECT_EQ(IdFromString("-5"), 0);
  EXPECT_EQ(IdFromString("12a"), 0);
  EXPECT_EQ(IdFromString("99999999999999999999"), 0);
  EXPECT_EQ(IdFromString("0"), 0);
}

}  // namespace
}  // namespace fazhi
