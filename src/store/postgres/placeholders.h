// Rewrites fazhi's positional `?` placeholders into PostgreSQL's `$1, $2, ...`.
//
// A `?` is a placeholder only in SQL text proper: it is left alone inside
// 'single-quoted' literals (with '' escapes, and backslash escapes in E'...'),
// "quoted identifiers", $tag$dollar-quoted$tag$ strings, -- line comments and
// /* nested block comments */. `??` outside those stands for one literal `?`
// (PostgreSQL's jsonb operators ?, ?| and ?& are written ??, ??| and ??&).
// SQL without any `?` comes back unchanged. Pure function, no I/O.
#pragma once

#include <string>
#include <string_view>

namespace fazhi::store::postgres {

struct RewrittenSql {
  std::string sql;
  int placeholders = 0;  // number of `?` turned into $n
};

RewrittenSql RewritePlaceholders(std::string_view sql);

}  // namespace fazhi::store::postgres
