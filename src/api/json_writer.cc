#include "api/json_writer.h"

#include <array>
#include <charconv>

#include "base/utf8.h"

namespace fazhi::api {
namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bytes copied as they are: printable ASCII other than '"' and '\\'.
constexpr std::array<bool, 256> PlainBytes() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return t;
}
constexpr std::array<bool, 256> kPlain = PlainBytes();

// Whether any of the 8 bytes in x is not plain: >= 0x80, < 0x20, '"' or '\\'.
// (The zero-byte tests may also fire next to a byte >= 0x80, which is not
// plain anyway.)
bool AnyNotPlain(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  return ((x & kHigh) | ((x - 0x20 * kOnes) & ~x & kHigh) | has_zero(x ^ ('"' * kOnes)) |
          has_zero(x ^ ('\\' * kOnes))) != 0;
}

// Writes s escaped, with its quotes, at out (room for 6 * s.size() + 2 bytes);
// returns the end.
char* EscapeInto(std::string_view s, char* out) {
  *out++ = '"';
  size_t run = 0;  // start of the bytes that are copied as they are
  size_t i = 0;
  const auto flush = [&](size_t to) {
    std::memcpy(out, s.data() + run, to - run);
    out += to - run;
  };
  while (i < s.size()) {
    // Runs of plain ASCII eight bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      if (AnyNotPlain(x)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (kPlain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // Runs of the common three-byte sequences (lead E1–EC or EE–EF: any
      // two continuation bytes follow), checked without the general rule.
      const size_t at = i;
      while (i + 3 <= s.size()) {
        const unsigned char a = static_cast<unsigned char>(s[i]);
        const unsigned char b = static_cast<unsigned char>(s[i + 1]);
        const unsigned char d = static_cast<unsigned char>(s[i + 2]);
        if (a < 0xE1 || a > 0xEF || a == 0xED || (b & 0xC0) != 0x80 || (d & 0xC0) != 0x80) break;
        i += 3;
      }
      if (i > at) continue;
      if (const size_t n = Utf8SequenceLength(s, i); n > 0) {
        i += n;
        continue;
      }
    }
    flush(i);
    const auto put = [&out](std::string_view text) {
      std::memcpy(out, text.data(), text.size());
      out += text.size();
    };
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      default:
        if (c >= 0x80) {
          put(kReplacement);  // not UTF-8: 3 bytes for 1
        } else {
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          put(std::string_view(esc, 6));
        }
    }
    run = ++i;
  }
  flush(i);
  *out++ = '"';
  return out;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  const size_t at = out->size();
  out->resize(at + 6 * s.size() + 2);
  char* end = EscapeInto(s, out->data() + at);
  out->resize(static_cast<size_t>(end - out->data()));
}

void JsonWriter::Grow(size_t n) {
  size_t size = buf_.size() * 2;
  if (size < len_ + n) size = len_ + n;
  buf_.resize(size);
}

void JsonWriter::Escaped(std::string_view s) {
  char* end = EscapeInto(s, buf_.data() + len_);
  len_ = static_cast<size_t>(end - buf_.data());
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Ensure(6 * key.size() + 3);
  BeforeValue();
  Escaped(key);
  Put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Ensure(6 * s.size() + 2);
  BeforeValue();
  Escaped(s);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  Ensure(24);
  BeforeValue();
  auto [end, ec] = std::to_chars(buf_.data() + len_, buf_.data() + len_ + 24, v);
  len_ = static_cast<size_t>(end - buf_.data());
  return *this;
}

JsonWriter& JsonWriter::IntString(int64_t v) {
  Ensure(26);
  BeforeValue();
  Put('"');
  auto [end, ec] = std::to_chars(buf_.data() + len_, buf_.data() + len_ + 24, v);
  len_ = static_cast<size_t>(end - buf_.data());
  Put('"');
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  Ensure(5);
  BeforeValue();
  b ? Copy("true", 4) : Copy("false", 5);
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Ensure(4);
  BeforeValue();
  Copy("null", 4);
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Ensure(json.size());
  BeforeValue();
  Copy(json.data(), json.size());
  return *this;
}

JsonWriter& JsonWriter::Value(const Json& j) {
  return Raw(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace fazhi::api
