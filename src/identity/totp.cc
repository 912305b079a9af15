#include "identity/totp.h"

#include "base/crypto.h"

namespace fazhi {
namespace {

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

bool IsSixDigits(std::string_view code) {
  if (code.size() != static_cast<size_t>(kTotpDigits)) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string HotpCode(std::string_view key, uint64_t counter, int digits) {
  std::string message(8, '\0');
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<char>(counter & 0xFF);
    counter >>= 8;
  }
  std::string mac = HmacSha1(key, message);
  // RFC 4226 §5.3 dynamic truncation.
  size_t offset = static_cast<unsigned char>(mac[mac.size() - 1]) & 0x0F;
  uint32_t binary = (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset]) & 0x7F) << 24) |
                    (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 1])) << 16) |
                    (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 2])) << 8) |
                    static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 3]));
  Wipe(mac);
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  if (code.size() < static_cast<size_t>(digits)) code.insert(0, digits - code.size(), '0');
  return code;
}

Result<std::string> TotpCode(std::string_view secret_base32, int64_t unix_seconds) {
  Result<std::string> key = Base32Decode(secret_base32);
  if (!key.ok() || key->empty()) return Status(codes::kInvalid, "动态口令密钥格式不正确");
  std::string code =
      HotpCode(key.value(), static_cast<uint64_t>(unix_seconds / kTotpStepSeconds));
  Wipe(key.value());
  return code;
}

std::optional<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code,
                                  int64_t unix_seconds, int window) {
  if (unix_seconds < 0 || window < 0 || window > kTotpMaxWindow || !IsSixDigits(code)) {
    return std::nullopt;
  }
  Result<std::string> key = Base32Decode(secret_base32);
  if (!key.ok() || key->empty()) return std::nullopt;
  const int64_t now_step = unix_seconds / kTotpStepSeconds;
  std::optional<int64_t> matched;
  for (int distance = 0; distance <= window && !matched; ++distance) {
    for (int64_t step : {now_step - distance, now_step + distance}) {
      if (step < 0 || matched) continue;
      if (ConstantTimeEquals(HotpCode(key.value(), static_cast<uint64_t>(step)), code)) {
        matched = step;
      }
      if (distance == 0) break;  // +0 and -0 are the same step
    }
  }
  Wipe(key.value());
  return matched;
}

std::string NewTotpSecret() {
  std::string key = RandomBytes(kTotpSecretSize);
  std::string secret = Base32Encode(key);
  Wipe(key);
  return secret;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_base32) {
  std::string uri = "otpauth://totp/";
  if (!issuer.empty()) uri += PercentEncode(issuer) + ":";
  uri += PercentEncode(account);
  uri += "?secret=" + std::string(secret_base32);
  if (!issuer.empty()) uri += "&issuer=" + PercentEncode(issuer);
  uri += "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
  return uri;
}

}  // namespace fazhi
