// IdGenerator: 64-bit, time-ordered ids, unique across nodes.
// Layout (most significant first): 41 bits milliseconds since 2024-01-01 UTC,
// 10 bits node id, 12 bits sequence within the millisecond. Ids are positive
// int64 values; in JSON they travel as decimal strings.
// Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include "base/clock.h"

namespace fazhi {

class IdGenerator {
 public:
  static constexpr int64_t kEpochMs = 1704067200000;  // 2024-01-01T00:00:00Z
  // REQUIRES: 0 <= node < 1024; clock outlives the generator.
  IdGenerator(const Clock& clock, int node);
  int64_t Next();

  static int64_t TimestampMs(int64_t id) { return (id >> 22) + kEpochMs; }
  static int Node(int64_t id) { return static_cast<int>((id >> 12) & 0x3FF); }

 private:
  const Clock& clock_;
  const int64_t node_;
  std::mutex mu_;
  int64_t last_ms_ = 0;  // GUARDED_BY(mu_)
  int64_t seq_ = 0;      // GUARDED_BY(mu_)
};

std::string IdToString(int64_t id);
// Parses a decimal id; returns 0 for anything that is not a positive int64.
int64_t IdFromString(const std::string& s);

}  // namespace fazhi
