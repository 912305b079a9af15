#include "base/ids.h"

#include <charconv>
#include <thread>

namespace fazhi {

IdGenerator::IdGenerator(const Clock& clock, int node) : clock_(clock), node_(node & 0x3FF) {}

int64_t IdGenerator::Next() {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t ms = clock_.NowMs() - kEpochMs;
  // Never go backwards: a clock step back reuses the last millisecond.
  if (ms < last_ms_) ms = last_ms_;
  if (ms == last_ms_) {
    if (++seq_ > 0xFFF) {
      // Sequence exhausted: borrow the next millisecond.
      ++ms;
      seq_ = 0;
    }
  } else {
    seq_ = 0;
  }
  last_ms_ = ms;
  return (ms << 22) | (node_ << 12) | seq_;
}

std::string IdToString(int64_t id) { return std::to_string(id); }

int64_t IdFromString(const std::string& s) {
  int64_t v = 0;
  if (s.empty() || s.size() > 19) return 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v <= 0) return 0;
  return v;
}

}  // namespace fazhi
