#include "base/clock.h"

#include <chrono>

namespace fazhi {

int64_t SystemClock::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t OffsetClock::NowMs() const { return SystemClock().NowMs() + offset_.load(); }

}  // namespace fazhi
