#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace fazhi::http {

bool RateLimiter::Allow(const std::string& bucket, const Rule& rule, const std::string& client,
                        int* retry_after_seconds) {
  const int64_t now = clock_.NowMs();
  std::lock_guard<std::mutex> lock(mu_);
  // Forget idle clients now and then so the map stays small.
  if (states_.size() > 50000) {
    for (auto it = states_.begin(); it != states_.end();)
      it = now - it->second.last_ms > 10 * 60 * 1000 ? states_.erase(it) : std::next(it);
  }
  auto [it, fresh] = states_.try_emplace({bucket, client});
  State& s = it->second;
  if (fresh) {
    s.tokens = rule.burst;
  } else {
    const double refill = (now - s.last_ms) / 60000.0 * rule.per_minute;
    s.tokens = std::min(rule.burst, s.tokens + std::max(0.0, refill));
  }
  s.last_ms = now;
  if (s.tokens >= 1) {
    s.tokens -= 1;
    return true;
  }
  *retry_after_seconds = static_cast<int>(std::ceil((1 - s.tokens) * 60.0 / rule.per_minute));
  return false;
}

}  // namespace fazhi::http
