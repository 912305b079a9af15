#include "base/json_syntax.h"

#include <cstddef>

#include "base/utf8.h"

namespace fazhi {
namespace {

constexpr int kMaxDepth = 64;

class Checker {
 public:
  explicit Checker(std::string_view s) : s_(s) {}

  bool Document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a byte order mark, as JSON parsers allow
    Space();
    if (!At('{') || !Value(0)) return false;
    Space();
    return i_ == s_.size();
  }

 private:
  bool At(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool Digits() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }
  bool Number() {
    if (At('-')) ++i_;
    if (At('0')) {
      ++i_;
    } else if (!Digits()) {
      return false;
    }
    if (At('.')) {
      ++i_;
      if (!Digits()) return false;
    }
    if (At('e') || At('E')) {
      ++i_;
      if (At('+') || At('-')) ++i_;
      if (!Digits()) return false;
    }
    return true;
  }
  // The four hex digits at s_[at]; false when there are not four.
  bool CodeUnit(size_t at, int* unit) const {
    if (at + 4 > s_.size()) return false;
    *unit = 0;
    for (size_t k = at; k < at + 4; ++k) {
      const char c = s_[k];
      int v = 0;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
      } else {
        return false;
      }
      *unit = *unit * 16 + v;
    }
    return true;
  }
  // A string; i_ is on its opening quote.
  bool String() {
    ++i_;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i_ >= s_.size()) return false;
        const char e = s_[i_];
        if (e == 'u') {
          // i_ is on the 'u'; a high surrogate must be followed by "\\u" and
          // a low one, and a low one may not stand alone.
          int unit = 0;
          if (!CodeUnit(i_ + 1, &unit)) return false;
          i_ += 5;
          if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            int low = 0;
            if (!At('\\') || i_ + 1 >= s_.size() || s_[i_ + 1] != 'u' || !CodeUnit(i_ + 2, &low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return false;
            i_ += 6;
          }
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
          ++i_;
        } else {
          return false;
        }
      } else if (c >= 0x80) {
        const size_t n = Utf8SequenceLength(s_, i_);
        if (n == 0) return false;
        i_ += n;
      } else {
        ++i_;
      }
    }
    return false;
  }
  bool Value(int depth) {
    if (i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{': return Container('}', depth, true);
      case '[': return Container(']', depth, false);
      case '"': return String();
      case 't': return Literal("true");
      case 'f': return Literal("false");
      case 'n': return Literal("null");
      default: return Number();
    }
  }
  // An object (members "key": value) or an array; i_ is on its opening bracket.
  bool Container(char close, int depth, bool object) {
    if (depth >= kMaxDepth) return false;
    ++i_;
    Space();
    if (At(close)) {
      ++i_;
      return true;
    }
    for (;;) {
      if (object) {
        if (!At('"') || !String()) return false;
        Space();
        if (!At(':')) return false;
        ++i_;
        Space();
      }
      if (!Value(depth + 1)) return false;
      Space();
      if (At(close)) {
        ++i_;
        return true;
      }
      if (!At(',')) return false;
      ++i_;
      Space();
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

bool IsJsonObject(std::string_view text) { return Checker(text).Document(); }

}  // namespace fazhi
