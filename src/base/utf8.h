// UTF-8 well-formedness, byte by byte (Unicode 15, table 3-7): what JSON
// writers and checkers need to pass valid text through and catch the rest.
#pragma once

#include <cstddef>
#include <string_view>

namespace fazhi {

// Length (2–4) of the well-formed UTF-8 sequence starting at s[i], a byte
// >= 0x80; 0 when the bytes there are not one (a stray continuation byte,
// an overlong form, a surrogate, a code point past U+10FFFF, a cut-off end).
inline size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

}  // namespace fazhi
