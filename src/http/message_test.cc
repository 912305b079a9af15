#include "http/message.h"

#include <gtest/gtest.h>

namespace fazhi::http {
namespace {

TEST(ParseTarget, PathAndQuery) {
  std::string path;
  std::multimap<std::string, std::string> q;
  ASSERT_TRUE(ParseTarget("/api/v1/matters?q=%E5%90%88%E6%B3%95&page=2&x=a+b&flag", &path, &q));
  EXPECT_EQ(path, "/api/v1/matters");
  EXPECT_EQ(q.find("q")->second, "合法");
  EXPECT_EQ(q.find("page")->second, "2");
  EXPECT_EQ(q.find("x")->second, "a b");
  EXPECT_EQ(q.count("flag"), 1u);
}

TEST(ParseTarget, RejectsBadInput) {
  std::string path;
  std::multimap<std::string, std::string> q;
  EXPECT_FALSE(ParseTarget("api/v1", &path, &q));
  EXPECT_FALSE(ParseTarget("/a%2", &path, &q));
  EXPECT_FALSE(ParseTarget("/a%zz", &path, &q));
  EXPECT_FALSE(ParseTarget("/a%00b", &path, &q));
  EXPECT_FALSE(ParseTarget("/a?x=%", &path, &q));
  EXPECT_FALSE(ParseTarget("", &path, &q));
}

TEST(ParseTarget, DecodesDotSegmentsForLaterChecks) {
  std::string path;
  std::multimap<std::string, std::string> q;
  ASSERT_TRUE(ParseTarget("/%2e%2e/etc/passwd", &path, &q));
  EXPECT_EQ(path, "/../etc/passwd");
}

TEST(Request, CookiesHeadersQuery) {
  Request r;
  r.headers["cookie"] = "a=1; fazhi_session=abc; b=2";
  EXPECT_EQ(r.Cookie("fazhi_session"), "abc");
  EXPECT_EQ(r.Cookie("a"), "1");
  EXPECT_EQ(r.Cookie("missing"), "");
  r.query.emplace("k", "v");
  EXPECT_EQ(r.Query("k"), "v");
  EXPECT_EQ(r.Query("z", "d"), "d");
}

TEST(Response, SetReplacesCaseInsensitively) {
  Response r;
  r.Set("Content-Type", "a");
  r.Set("content-type", "b");
  EXPECT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.Get("CONTENT-TYPE"), "b");
}

}  // namespace
}  // namespace fazhi::http
