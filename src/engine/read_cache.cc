#include "engine/read_cache.h"

#include <charconv>

namespace fazhi::engine {

Result<int64_t> ContentVersion(store::Transaction& tx) {
  auto rows = tx.Query("SELECT value FROM content_version WHERE id = 1");
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status("database_error", "content_version 缺少记录");
  return rows->rows[0].Int(0);
}

std::string SqlCacheKey(std::string_view sql, const std::vector<store::Value>& params) {
  std::string key;
  key.reserve(sql.size() + 24 * params.size() + 16);
  auto number = [&key](auto v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    key.append(buf, end);
  };
  number(sql.size());
  key += ':';
  key += sql;
  for (const auto& v : params) {
    if (const auto* i = std::get_if<int64_t>(&v)) {
      key += "|i";
      number(*i);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      key += "|s";
      number(s->size());
      key += ':';
      key += *s;
    } else if (const auto* d = std::get_if<double>(&v)) {
      key += "|d";
      number(*d);
    } else {
      key += "|n";
    }
  }
  return key;
}

}  // namespace fazhi::engine
