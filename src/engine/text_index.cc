#include "engine/text_index.h"

#include <set>

namespace fazhi::engine {

std::vector<char32_t> DecodeUtf8(const std::string& s) {
  std::vector<char32_t> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) out.push_back(cp);
    i += ok ? len : 1;
  }
  return out;
}

std::string EncodeUtf8(const std::vector<char32_t>& cps) {
  std::string out;
  for (char32_t cp : cps) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

namespace {

char32_t Fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII → ASCII
  if (c >= 'A' && c <= 'Z') c += 32;
  return c;
}

bool Searchable(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  if (c >= 0x3400 && c <= 0x4DBF) return true;    // CJK extension A
  if (c >= 0x4E00 && c <= 0x9FFF) return true;    // CJK unified ideographs
  if (c >= 0xF900 && c <= 0xFAFF) return true;    // compatibility ideographs
  if (c >= 0x20000 && c <= 0x2FA1F) return true;  // extensions B–F
  if (c >= 0x00C0 && c <= 0x024F) return true;    // Latin letters with marks
  return false;
}

std::string Token(const std::u32string& run, size_t start, size_t len) {
  return EncodeUtf8(std::vector<char32_t>(run.begin() + start, run.begin() + start + len));
}

}  // namespace

std::vector<std::u32string> NormalizedRuns(const std::string& text) {
  std::vector<std::u32string> runs;
  std::u32string cur;
  for (char32_t c : DecodeUtf8(text)) {
    c = Fold(c);
    if (Searchable(c)) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      runs.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) runs.push_back(cur);
  return runs;
}

std::string IndexTokens(const std::string& text) {
  std::set<std::string> tokens;
  for (const auto& run : NormalizedRuns(text)) {
    for (size_t i = 0; i < run.size(); ++i) {
      tokens.insert(Token(run, i, 1));
      if (i + 1 < run.size()) tokens.insert(Token(run, i, 2));
    }
  }
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<std::string> QueryTokens(const std::string& query) {
  std::set<std::string> tokens;
  for (const auto& run : NormalizedRuns(query)) {
    if (run.size() == 1) {
      tokens.insert(Token(run, 0, 1));
      continue;
    }
    for (size_t i = 0; i + 1 < run.size(); ++i) tokens.insert(Token(run, i, 2));
  }
  return {tokens.begin(), tokens.end()};
}

}  // namespace fazhi::engine
