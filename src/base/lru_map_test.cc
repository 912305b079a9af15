#include "base/lru_map.h"

#include <gtest/gtest.h>

#include <string>

namespace fazhi {
namespace {

const auto kAny = [](const std::string&) { return true; };

TEST(LruMap, ForgetsTheLeastRecentlyUsedFirst) {
  LruMap<int, std::string> m(2);
  m.Put(1, "a");
  m.Put(2, "b");
  ASSERT_NE(m.Use(1, kAny), nullptr);  // 1 is now the most recent
  m.Put(3, "c");                       // so 2 goes
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m.Use(2, kAny), nullptr);
  EXPECT_EQ(*m.Use(1, kAny), "a");
  EXPECT_EQ(*m.Use(3, kAny), "c");
}

TEST(LruMap, PutReplacesAndARefusedEntryKeepsItsPlace) {
  LruMap<int, std::string> m(2);
  m.Put(1, "a");
  m.Put(2, "b");
  m.Put(1, "A");  // replaced, and the most recent
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m.Use(1, [](const std::string& v) { return v == "a"; }), nullptr);
  EXPECT_EQ(m.Use(2, [](const std::string& v) { return v == "x"; }), nullptr);  // refused: not made recent
  m.Put(3, "c");  // 2 is still the least recent
  EXPECT_EQ(m.Use(2, kAny), nullptr);
  EXPECT_EQ(*m.Use(1, kAny), "A");
}

TEST(LruMap, EraseAndZeroCapacity) {
  LruMap<int, std::string> m(2);
  m.Put(1, "a");
  m.Erase(1);
  m.Erase(7);
  EXPECT_EQ(m.size(), 0u);
  LruMap<int, std::string> none(0);
  none.Put(1, "a");
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(none.Use(1, kAny), nullptr);
}

}  // namespace
}  // namespace fazhi
