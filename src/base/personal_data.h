// Personal data (个人信息) helpers: masking for lists and exports, and format
// validators for the identifiers citizens and organisations give us.
//
// Masks: every function returns a string in which the identifying middle
// part is replaced by '*', one '*' per masked character (code point), so the
// length of the original shows but its middle never does. They work on UTF-8
// and never fail; a byte that is not valid UTF-8 counts as one character.
//
// Validators are pure and strict: no trimming, no case folding (normalise
// first, e.g. with FieldCipher::NormalizeForIndex). All functions are
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fazhi {

// 身份证号: 18 characters -> first 6 and last 4 kept ("110101********1234");
// 15 characters (first-generation cards) -> first 6 and last 3 kept. Any other
// length is masked with MaskGeneric.
std::string MaskIdNumber(std::string_view id);

// Phone numbers of 11 or more characters keep the first 3 and last 4
// ("13812345678" -> "138****5678", "0591-87654321" -> "059******4321");
// shorter ones (a local 8-digit number) use MaskGeneric.
std::string MaskPhone(std::string_view phone);

// Person's name: the first character kept, the rest masked ("张三丰" ->
// "张**", "张三" -> "张*"). A one-character name becomes "*".
std::string MaskName(std::string_view name);

// Anything else (addresses, account numbers, e-mail): with n characters,
// n <= 2 masks everything, n == 3 keeps the first; otherwise keeps
// max(1, n/4) characters at each end and masks the rest. At least half of
// the characters are always hidden.
std::string MaskGeneric(std::string_view value);

// 18-character 居民身份证号码 (GB 11643): 17 digits then a check character
// (digit or upper-case 'X') per ISO 7064 MOD 11-2; the first two digits a
// province code (GB/T 2260, including 71/81/82/83 as used on 港澳台居民居住证);
// digits 7-14 a real calendar date between 1900-01-01 and 2099-12-31.
bool IsValidIdNumber(std::string_view id);
// The same, and the birth date is not after today's date in China (UTC+8)
// at now_ms (milliseconds since the Unix epoch; pass Clock::NowMs()).
bool IsValidIdNumber(std::string_view id, int64_t now_ms);

// 18-character 统一社会信用代码 (GB 32100): every character from
// 0-9ABCDEFGHJKLMNPQRTUWXY (no I, O, S, V, Z; upper case only), characters
// 3-8 digits (行政区划码), and the 18th the MOD 31 check character over the
// first 17 with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28.
bool IsValidUscc(std::string_view code);

// Mainland mobile number: 11 digits, "1" then 3-9 then 9 digits. No "+86",
// spaces or dashes.
bool IsValidMobile(std::string_view phone);

// Check characters, exposed so tests and tools can build valid examples.
// Return '\0' unless the argument is 17 characters of the right alphabet
// (digits for the ID number; the USCC alphabet above).
char IdNumberCheckChar(std::string_view first17);
char UsccCheckChar(std::string_view first17);

}  // namespace fazhi
