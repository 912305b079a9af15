#include "store/database.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

#include "store/postgres/pg_database.h"
#include "store/sqlite/sqlite_database.h"

namespace fazhi::store {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// True when `s` begins with an RFC 3986 scheme followed by ':' ("mysql:",
// "http://"). Bare file paths do not.
bool HasScheme(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(s[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> ParseReal(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

int64_t RealToInt(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9223372036854775807.0) return std::numeric_limits<int64_t>::max();
  if (d <= -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

const char* DialectName(Dialect d) {
  switch (d) {
    case Dialect::kSqlite:
      return "sqlite";
    case Dialect::kPostgres:
      return "postgresql";
  }
  return "unknown";
}

bool Row::IsNull(size_t i) const { return std::holds_alternative<std::monostate>(At(i)); }

int64_t Row::Int(size_t i) const {
  const Value& v = At(i);
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return RealToInt(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    std::string_view t = Trim(*s);
    if (!t.empty() && t.front() == '+') t.remove_prefix(1);
    if (auto n = ParseInt(t)) return *n;
    if (auto d = ParseReal(t)) return RealToInt(*d);
  }
  return 0;
}

double Row::Real(size_t i) const {
  const Value& v = At(i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&v)) {
    std::string_view t = Trim(*s);
    if (!t.empty() && t.front() == '+') t.remove_prefix(1);
    if (auto d = ParseReal(t)) return *d;
  }
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = At(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, *d);  // shortest round trip
    return std::string(buf, ptr);
  }
  return "";
}

Result<std::unique_ptr<Database>> Open(const std::string& url, const Options& options) {
  std::string_view u = url;
  if (StartsWith(u, "postgresql://") || StartsWith(u, "postgres://")) {
    return postgres::PgDatabase::Open(url, options);
  }
  std::string path;
  if (StartsWith(u, "sqlite:")) {
    u.remove_prefix(7);
    // "sqlite:///abs/path.db" and "sqlite://rel.db" are accepted too.
    if (StartsWith(u, "//")) u.remove_prefix(2);
    path = std::string(u);
  } else if (!HasScheme(u)) {
    path = url;
  } else {
    return Status(codes::kInvalid,
                  "不支持的数据库地址 \"" + url +
                      "\"：应为 sqlite:PATH、数据库文件路径，或 postgresql://… / postgres://…");
  }
  if (path.empty()) {
    return Status(codes::kInvalid, "数据库地址缺少 SQLite 文件路径：\"" + url + "\"");
  }
  return sqlite::SqliteDatabase::Open(path, options);
}

}  // namespace fazhi::store
