// Status: the one error model inside fazhi. A Status is either ok or carries a
// machine-readable code (snake_case, e.g. "not_found", "state_conflict") and a
// message for people (zh-CN). It is translated to HTTP exactly once, in api/.
#pragma once

#include <string>
#include <utility>

namespace fazhi {

class Status {
 public:
  Status() = default;  // ok
  Status(std::string code, std::string message)
      : code_(std::move(code)), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_.empty(); }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? "ok" : code_ + ": " + message_; }

 private:
  std::string code_;
  std::string message_;
};

// Common codes, so callers do not misspell them.
namespace codes {
inline constexpr const char* kInvalid = "invalid_argument";
inline constexpr const char* kNotFound = "not_found";
inline constexpr const char* kConflict = "conflict";
inline constexpr const char* kUniqueViolation = "unique_violation";
inline constexpr const char* kDatabase = "database_error";
inline constexpr const char* kInternal = "internal";
inline constexpr const char* kIo = "io_error";
}  // namespace codes

}  // namespace fazhi
