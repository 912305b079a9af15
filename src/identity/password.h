// Passwords: argon2id hashing in the PHC string format, and the password
// policy (等保 2.0 complexity + a common-password list). Design:
// ARCHITECTURE.md §5, QUALITY.md "Security".
//
// Hashes look like "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" (16-byte
// random salt, 32-byte hash, unpadded Base64). Stored hashes carry their own
// parameters, so raising the constants below keeps old hashes verifiable;
// NeedsRehash tells the login path to re-hash after a successful verify.
//
// All functions are thread-safe. Hashing costs ~19 MiB and tens of
// milliseconds of CPU per call, by design.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/result.h"
#include "base/status.h"

namespace fazhi {

inline constexpr uint32_t kArgon2MemoryKib = 19456;
inline constexpr uint32_t kArgon2Iterations = 2;
inline constexpr uint32_t kArgon2Parallelism = 1;
inline constexpr size_t kArgon2SaltSize = 16;
inline constexpr size_t kArgon2HashSize = 32;

// Status code of every PasswordPolicy::Check failure.
inline constexpr const char* kWeakPassword = "weak_password";

// Hashes password with argon2id and a fresh random salt. Errors (code
// internal) only if libargon2 fails, e.g. it cannot allocate its memory.
Result<std::string> HashPassword(std::string_view password);

// True iff encoded is an argon2id PHC string and password matches it
// (constant-time compare inside libargon2). False for anything malformed,
// other argon2 variants, or parameters beyond sane bounds (m > 1 GiB, t > 64,
// p > 64: a tampered row must not be able to exhaust the server).
bool VerifyPassword(std::string_view password, std::string_view encoded);

// True iff encoded should be replaced by a fresh HashPassword: it is not a
// well-formed argon2id v=19 string, or its memory, iterations, salt or hash
// length are below the current constants.
bool NeedsRehash(std::string_view encoded);

// The password policy. Check reports every rule a password breaks:
//   - at least kMinLength and at most kMaxLength characters (UTF-8 code points);
//   - at least kMinClasses of: upper-case A-Z, lower-case a-z, digit 0-9,
//     other (anything else, including non-ASCII);
//   - not on the common-password list (case-insensitive for ASCII);
//   - does not contain the username (case-insensitive for ASCII).
// Immutable after construction; Check is thread-safe.
class PasswordPolicy {
 public:
  static constexpr size_t kMinLength = 8;
  static constexpr size_t kMaxLength = 128;
  static constexpr int kMinClasses = 3;

  // A policy without a common-password list.
  PasswordPolicy() = default;
  // A policy with the given common passwords (compared lower-cased).
  explicit PasswordPolicy(const std::unordered_set<std::string>& common);

  // Loads the common list from a text file: one password per line; blank
  // lines and lines starting with '#' are skipped; surrounding whitespace is
  // trimmed. Errors: unreadable file (io_error) or no entries (invalid_argument).
  static Result<PasswordPolicy> LoadCommonList(const std::string& path);

  // Ok, or Status(kWeakPassword, "<Chinese list of what is wrong>").
  // An empty username skips the username rule.
  Status Check(std::string_view password, std::string_view username = {}) const;

  bool IsCommon(std::string_view password) const;
  size_t common_count() const { return common_.size(); }

 private:
  std::unordered_set<std::string> common_;  // ASCII lower-cased
};

}  // namespace fazhi
