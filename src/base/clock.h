// Clock: time comes in through this interface so tests can control it.
#pragma once

#include <atomic>
#include <cstdint>

namespace fazhi {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch, UTC.
  virtual int64_t NowMs() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowMs() const override;
};

// A clock that tests (and the server's test mode) move by hand. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_ms) : now_(start_ms) {}
  int64_t NowMs() const override { return now_.load(); }
  void Set(int64_t ms) { now_.store(ms); }
  void Advance(int64_t ms) { now_.fetch_add(ms); }

 private:
  std::atomic<int64_t> now_;
};

// A clock that runs with the system clock plus an adjustable offset; used by
// `serve --test-clock` so API tests can move time forward (idle expiry).
class OffsetClock final : public Clock {
 public:
  int64_t NowMs() const override;
  void Advance(int64_t ms) { offset_.fetch_add(ms); }

 private:
  std::atomic<int64_t> offset_{0};
};

}  // namespace fazhi
