#include "store/postgres/placeholders.h"

#include <gtest/gtest.h>

namespace fazhi::store::postgres {
namespace {

struct Case {
  const char* in;
  const char* out;
  int placeholders;
};

class PlaceholdersTest : public ::testing::TestWithParam<Case> {};

TEST_P(PlaceholdersTest, Rewrites) {
  const Case& c = GetParam();
  RewrittenSql r = RewritePlaceholders(c.in);
  EXPECT_EQ(r.sql, c.out) << "input: " << c.in;
  EXPECT_EQ(r.placeholders, c.placeholders) << "input: " << c.in;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlaceholdersTest,
    ::testing::Values(
        Case{"SELECT 1", "SELECT 1", 0},
        Case{"", "", 0},
        Case{"SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = $1 AND b = $2", 2},
        Case{"INSERT INTO t VALUES (?,?,?)", "INSERT INTO t VALUES ($1,$2,$3)", 3},
        Case{"a=?", "a=$1", 1},
        Case{"SELECT '?' , ?", "SELECT '?' , $1", 1},
        Case{"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1},
        Case{"SELECT '''?''' || ?", "SELECT '''?''' || $1", 1},
        Case{"SELECT E'\\'?' , ?", "SELECT E'\\'?' , $1", 1},
        Case{"SELECT e'a\\\\' , ?", "SELECT e'a\\\\' , $1", 1},
        Case{"SELECT 'a\\' , ?", "SELECT 'a\\' , $1", 1},  // standard strings: \ is plain
        Case{"SELECT name'x?' FROM t", "SELECT name'x?' FROM t", 0},
        Case{"SELECT \"col?\" FROM t WHERE x = ?", "SELECT \"col?\" FROM t WHERE x = $1", 1},
        Case{"SELECT \"a\"\"?\" , ?", "SELECT \"a\"\"?\" , $1", 1},
        Case{"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2},
        Case{"SELECT ? /* a ? /* nested ? */ still? */ , ?",
             "SELECT $1 /* a ? /* nested ? */ still? */ , $2", 2},
        Case{"SELECT $$ ? $$, ?", "SELECT $$ ? $$, $1", 1},
        Case{"SELECT $fn$ it's ? $x$ $fn$, ?", "SELECT $fn$ it's ? $x$ $fn$, $1", 1},
        Case{"SELECT $1, ?", "SELECT $1, $1", 1},
        Case{"SELECT a$b, ?", "SELECT a$b, $1", 1},
        Case{"SELECT doc ?? 'k' FROM t WHERE id = ?", "SELECT doc ? 'k' FROM t WHERE id = $1", 1},
        Case{"SELECT doc ??| array['a'] , ?", "SELECT doc ?| array['a'] , $1", 1},
        Case{"SELECT '中文？?' , ?", "SELECT '中文？?' , $1", 1},
        Case{"SELECT 'unterminated ?", "SELECT 'unterminated ?", 0},
        Case{"SELECT ?, 'x' /* open ?", "SELECT $1, 'x' /* open ?", 1},
        Case{"?????", "??$1", 1}));

TEST(Placeholders, TenAndMore) {
  RewrittenSql r = RewritePlaceholders("VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  EXPECT_EQ(r.sql, "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
  EXPECT_EQ(r.placeholders, 11);
}

}  // namespace
}  // namespace fazhi::store::postgres
