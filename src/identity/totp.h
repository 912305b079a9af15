// TOTP second factor (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second
// steps, 6 digits — the parameters every authenticator app supports.
// Secrets travel as unpadded upper-case Base32 (RFC 4648), as in the
// otpauth:// URI that enrolment shows as a QR code.
//
// Replay: VerifyTotp returns the time step that matched. Callers store the
// last accepted step per user and refuse a step <= it, so a code observed in
// use cannot be replayed within its validity window.
//
// Pure functions apart from NewTotpSecret (CSPRNG); time comes in as an
// argument. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fazhi {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr size_t kTotpSecretSize = 20;  // bytes (160 bits, as RFC 4226 recommends)
inline constexpr int kTotpMaxWindow = 10;

// RFC 4226 HOTP value of counter under the raw key, zero-padded to `digits`.
// REQUIRES: 1 <= digits <= 9.
std::string HotpCode(std::string_view key, uint64_t counter, int digits = kTotpDigits);

// The 6-digit code for unix_seconds. Errors: secret is not valid Base32.
// REQUIRES: unix_seconds >= 0.
Result<std::string> TotpCode(std::string_view secret_base32, int64_t unix_seconds);

// If code (exactly 6 ASCII digits) matches the step of unix_seconds or one
// of the `window` steps either side, returns the matched step
// (unix_seconds / 30 +- k); otherwise nullopt. The current step is tried
// first, then +-1, +-2, ... Codes are compared in constant time. Also nullopt
// for an invalid secret, a negative time, or window outside [0, 10].
std::optional<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code,
                                  int64_t unix_seconds, int window = 1);

// A new random secret: 20 bytes, Base32 (32 characters).
std::string NewTotpSecret();

// otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
// issuer and account are UTF-8 and percent-encoded (RFC 3986 unreserved
// characters kept); an empty issuer omits both issuer parts. The secret is
// put in as given (use NewTotpSecret's output).
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_base32);

}  // namespace fazhi
