// RateLimiter: token buckets keyed by (bucket name, client address), for the
// public endpoints. Each bucket holds up to `burst` tokens and refills at
// `per_minute` tokens a minute. Thread-safe; time comes from a Clock. State
// is per process (each node of a cluster limits on its own).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "base/clock.h"

namespace fazhi::http {

class RateLimiter {
 public:
  struct Rule {
    double burst = 30;
    double per_minute = 60;
  };

  explicit RateLimiter(const Clock& clock) : clock_(clock) {}

  // Takes one token; false (and the seconds until one is back) when empty.
  bool Allow(const std::string& bucket, const Rule& rule, const std::string& client,
             int* retry_after_seconds);

 private:
  struct State {
    double tokens = 0;
    int64_t last_ms = 0;
  };
  const Clock& clock_;
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, State> states_;  // GUARDED_BY(mu_)
};

}  // namespace fazhi::http
