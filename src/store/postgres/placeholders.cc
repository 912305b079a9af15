#include "store/postgres/placeholders.h"

namespace fazhi::store::postgres {
namespace {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsTagStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Returns the index just past a quoted run that starts at `i` (the opening
// quote) and ends at an unescaped `quote`; doubled quotes are escapes, and so
// are backslashes when `backslash` is set. Unterminated runs end at the end.
size_t SkipQuoted(std::string_view s, size_t i, char quote, bool backslash) {
  for (++i; i < s.size(); ++i) {
    if (backslash && s[i] == '\\') {
      ++i;
    } else if (s[i] == quote) {
      if (i + 1 < s.size() && s[i + 1] == quote) {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return s.size();
}

size_t SkipBlockComment(std::string_view s, size_t i) {
  int depth = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "/*") == 0) {
      ++depth;
      i += 2;
    } else if (s.compare(i, 2, "*/") == 0) {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return s.size();
}

// If a dollar-quote opening tag ($$ or $tag$) starts at `i`, returns the index
// just past the matching closing tag; otherwise returns `i`.
size_t SkipDollarQuoted(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && IsTagStart(s[j])) {
    while (j < s.size() && IsIdentChar(s[j]) && s[j] != '$') ++j;
  }
  if (j >= s.size() || s[j] != '$') return i;
  std::string_view tag = s.substr(i, j - i + 1);
  size_t close = s.find(tag, j + 1);
  return close == std::string_view::npos ? s.size() : close + tag.size();
}

}  // namespace

RewrittenSql RewritePlaceholders(std::string_view sql) {
  RewrittenSql out;
  if (sql.find('?') == std::string_view::npos) {
    out.sql = std::string(sql);
    return out;
  }
  out.sql.reserve(sql.size() + 16);
  size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    bool prev_ident = i > 0 && IsIdentChar(sql[i - 1]);
    size_t end = i;
    if (c == '\'') {
      // E'...' (not the tail of an identifier such as `name'`) allows \ escapes.
      bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                     !(i > 1 && IsIdentChar(sql[i - 2]));
      end = SkipQuoted(sql, i, '\'', escapes);
    } else if (c == '"') {
      end = SkipQuoted(sql, i, '"', false);
    } else if (c == '-' && sql.compare(i, 2, "--") == 0) {
      end = sql.find('\n', i);
      end = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '/' && sql.compare(i, 2, "/*") == 0) {
      end = SkipBlockComment(sql, i);
    } else if (c == '$' && !prev_ident) {
      end = SkipDollarQuoted(sql, i);
    } else if (c == '?') {
      if (i + 1 < sql.size() && sql[i + 1] == '?') {
        out.sql += '?';
        i += 2;
      } else {
        out.sql += '$';
        out.sql += std::to_string(++out.placeholders);
        ++i;
      }
      continue;
    }
    if (end == i) end = i + 1;  // ordinary character
    out.sql.append(sql.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace fazhi::store::postgres
