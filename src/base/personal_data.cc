#include "base/personal_data.h"

#include <chrono>
#include <optional>
#include <vector>

namespace fazhi {
namespace {

// Splits UTF-8 into characters. A byte that does not start a well-formed
// sequence becomes a character of its own, so masking never fails.
std::vector<std::string_view> SplitChars(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char lead = static_cast<unsigned char>(s[i]);
    size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                               : (lead >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (!ok) len = 1;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Keeps `head` characters at the start and `tail` at the end, '*' between.
std::string KeepEnds(const std::vector<std::string_view>& chars, size_t head, size_t tail) {
  std::string out;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (i < head || i + tail >= chars.size()) {
      out.append(chars[i]);
    } else {
      out.push_back('*');
    }
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int UsccValue(char c) {
  size_t pos = kUsccAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

bool IsProvinceCode(int code) {
  static constexpr int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                       35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                       53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
  for (int p : kProvinces) {
    if (p == code) return true;
  }
  return false;
}

// Birth date (YYYYMMDD at positions 7-14) as a calendar date, if it is one.
std::optional<std::chrono::year_month_day> BirthDate(std::string_view id) {
  using namespace std::chrono;
  year_month_day date{year(Number(id.substr(6, 4))), month(Number(id.substr(10, 2))),
                      day(Number(id.substr(12, 2)))};
  if (!date.ok() || date.year() < year(1900) || date.year() > year(2099)) return std::nullopt;
  return date;
}

}  // namespace

std::string MaskIdNumber(std::string_view id) {
  std::vector<std::string_view> chars = SplitChars(id);
  if (chars.size() == 18) return KeepEnds(chars, 6, 4);
  if (chars.size() == 15) return KeepEnds(chars, 6, 3);
  return MaskGeneric(id);
}

std::string MaskPhone(std::string_view phone) {
  std::vector<std::string_view> chars = SplitChars(phone);
  if (chars.size() >= 11) return KeepEnds(chars, 3, 4);
  return MaskGeneric(phone);
}

std::string MaskName(std::string_view name) {
  std::vector<std::string_view> chars = SplitChars(name);
  if (chars.size() <= 1) return std::string(chars.size(), '*');
  return KeepEnds(chars, 1, 0);
}

std::string MaskGeneric(std::string_view value) {
  std::vector<std::string_view> chars = SplitChars(value);
  size_t n = chars.size();
  if (n <= 2) return std::string(n, '*');
  if (n == 3) return KeepEnds(chars, 1, 0);
  size_t keep = n / 4 > 0 ? n / 4 : 1;
  return KeepEnds(chars, keep, keep);
}

char IdNumberCheckChar(std::string_view first17) {
  if (first17.size() != 17 || !AllDigits(first17)) return '\0';
  // Weight of position i (0-based) is 2^(17-i) mod 11.
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

bool IsValidIdNumber(std::string_view id) {
  if (id.size() != 18) return false;
  std::string_view body = id.substr(0, 17);
  if (!AllDigits(body)) return false;
  if (id[17] != IdNumberCheckChar(body)) return false;
  if (!IsProvinceCode(Number(id.substr(0, 2)))) return false;
  return BirthDate(id).has_value();
}

bool IsValidIdNumber(std::string_view id, int64_t now_ms) {
  if (!IsValidIdNumber(id)) return false;
  using namespace std::chrono;
  constexpr int64_t kChinaOffsetMs = 8LL * 3600 * 1000;
  sys_days today = floor<days>(sys_time<milliseconds>(milliseconds(now_ms + kChinaOffsetMs)));
  return sys_days(*BirthDate(id)) <= today;
}

char UsccCheckChar(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = UsccValue(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  return kUsccAlphabet[(31 - sum % 31) % 31];
}

bool IsValidUscc(std::string_view code) {
  if (code.size() != 18) return false;
  if (!AllDigits(code.substr(2, 6))) return false;
  char check = UsccCheckChar(code.substr(0, 17));
  return check != '\0' && code[17] == check;
}

bool IsValidMobile(std::string_view phone) {
  return phone.size() == 11 && AllDigits(phone) && phone[0] == '1' && phone[1] >= '3';
}

}  // namespace fazhi
