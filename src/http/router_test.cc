#include "http/router.h"

#include <gtest/gtest.h>

namespace fazhi::http {
namespace {

Handler Named(const std::string& name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

std::string Call(const Router::Match& m) {
  Request req;
  return (*m.handler)(req).body;
}

TEST(Router, LiteralAndParameters) {
  Router r;
  r.Add("GET", "/api/v1/users", Named("list"));
  r.Add("GET", "/api/v1/users/{id}", Named("get"));
  r.Add("POST", "/api/v1/users/{id}/roles", Named("roles"));
  r.Add("GET", "/api/v1/users/me", Named("me"));

  auto m = r.Find("GET", "/api/v1/users/42");
  ASSERT_EQ(m.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(m), "get");
  EXPECT_EQ(m.params.at("id"), "42");
  EXPECT_EQ(m.pattern, "/api/v1/users/{id}");

  m = r.Find("GET", "/api/v1/users/me");
  ASSERT_EQ(m.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(m), "me");  // literal wins over parameter

  m = r.Find("POST", "/api/v1/users/7/roles");
  ASSERT_EQ(m.outcome, Router::Outcome::kFound);
  EXPECT_EQ(m.params.at("id"), "7");

  EXPECT_EQ(r.Find("GET", "/api/v1/users/").outcome, Router::Outcome::kFound);  // trailing slash
  EXPECT_EQ(r.Find("GET", "/api/v1/nothing").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(r.Find("GET", "/api/v1/users/7/roles/x").outcome, Router::Outcome::kNotFound);
}

TEST(Router, MethodNotAllowedListsMethods) {
  Router r;
  r.Add("GET", "/a/{x}", Named("g"));
  r.Add("PUT", "/a/{x}", Named("p"));
  auto m = r.Find("DELETE", "/a/1");
  EXPECT_EQ(m.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "PUT"}));
}

TEST(Router, HeadFallsBackToGet) {
  Router r;
  r.Add("GET", "/x", Named("g"));
  auto m = r.Find("HEAD", "/x");
  ASSERT_EQ(m.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(m), "g");
}

TEST(Router, BacktracksFromLiteralDeadEnd) {
  Router r;
  r.Add("GET", "/m/{id}/events", Named("events"));
  r.Add("GET", "/m/special", Named("special"));
  auto m = r.Find("GET", "/m/special/events");
  ASSERT_EQ(m.outcome, Router::Outcome::kFound);
  EXPECT_EQ(Call(m), "events");
  EXPECT_EQ(m.params.at("id"), "special");
}

TEST(Router, RoutesListed) {
  Router r;
  r.Add("GET", "/a", Named("1"));
  r.Add("POST", "/a", Named("2"));
  r.Add("GET", "/a", Named("3"));  // replaces
  EXPECT_EQ(r.Routes().size(), 2u);
}

}  // namespace
}  // namespace fazhi::http
