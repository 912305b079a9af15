// IsJsonObject against nlohmann's parser (which the API used to parse stored
// JSON with): the same verdict on hand-picked cases and on many mutations of
// them, and never a crash or a read past the end.
#include "base/json_syntax.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

namespace fazhi {
namespace {

// nlohmann's verdict; nullopt for numbers too large for a double, which
// JSON's grammar allows and nlohmann refuses (IsJsonObject checks syntax).
std::optional<bool> Reference(const std::string& text) {
  try {
    return nlohmann::json::parse(text).is_object();
  } catch (const nlohmann::json::out_of_range&) {
    return std::nullopt;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

const std::string kCases[] = {
    "{}",
    " {\"a\":1} ",
    "{\"title\":[\"旧\",\"新\"],\"n\":[1,2.5,-3e+7,0,-0.0E-2],\"o\":{\"x\":null,\"y\":true,\"z\":false}}",
    "{\"esc\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}",
    "{\"emoji\":\"😀\",\"nested\":[[[[{}]]]]}",
    "[]",
    "[1,2]",
    "1",
    "\"s\"",
    "null",
    "",
    "   ",
    "{",
    "}",
    "{\"a\"}",
    "{\"a\":}",
    "{\"a\":1,}",
    "{,}",
    "{\"a\":1 \"b\":2}",
    "{a:1}",
    "{'a':1}",
    "{\"a\":01}",
    "{\"a\":1.}",
    "{\"a\":.5}",
    "{\"a\":-}",
    "{\"a\":1e}",
    "{\"a\":+1}",
    "{\"a\":tru}",
    "{\"a\":nul}",
    "{\"a\":\"\\x\"}",
    "{\"a\":\"\\u12\"}",
    "{\"a\":\"\\u12G4\"}",
    "{\"a\":\"tab\there\"}",
    "{\"a\":\"\xFF\"}",
    "{\"a\":\"\xE4\xB8\"}",
    "{\"a\":\"\xED\xA0\x80\"}",
    "{\"a\":\"\xC0\xAF\"}",
    "{\"a\":1}{}",
    "{\"a\":1} x",
    "{\"a\":[1,2}",
    "{\"a\":[1,2,]}",
    "{\"a\":\"unterminated}",
    "\xEF\xBB\xBF{}",
    "{\"a\":\"\\uD83D\"}",
    "{\"a\":\"\\uDE00\"}",
    "{\"a\":\"\\uD83D\\u0041\"}",
    "{\"a\":\"\\uD83D\\uDE0\"}",
};

TEST(JsonSyntax, AgreesWithTheParserOnKnownCases) {
  for (const auto& text : kCases) EXPECT_EQ(IsJsonObject(text), Reference(text).value()) << text;
  EXPECT_TRUE(IsJsonObject("{\"big\":1e999}"));  // syntax only
}

TEST(JsonSyntax, AgreesWithTheParserOnMutations) {
  std::mt19937 rnd(7);
  const std::string alphabet = "{}[]\":,.-+eE0129 \\ntfalsu\t\xE4\xB8\xAD\xFF";
  int checked = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text = kCases[rnd() % std::size(kCases)];
    const int edits = 1 + rnd() % 3;
    for (int e = 0; e < edits; ++e) {
      const size_t at = text.empty() ? 0 : rnd() % (text.size() + 1);
      switch (rnd() % 3) {
        case 0:
          text.insert(at, 1, alphabet[rnd() % alphabet.size()]);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1);
          break;
        default:
          if (at < text.size()) text[at] = alphabet[rnd() % alphabet.size()];
      }
    }
    const auto expected = Reference(text);
    if (!expected) continue;
    ASSERT_EQ(IsJsonObject(text), *expected) << text;
    ++checked;
  }
  EXPECT_GT(checked, 27000);
}

TEST(JsonSyntax, DeepNestingIsRefused) {
  std::string deep = "{\"a\":";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  deep += "}";
  EXPECT_FALSE(IsJsonObject(deep));
  std::string fine = "{\"a\":[[[[[[[[]]]]]]]]}";
  EXPECT_TRUE(IsJsonObject(fine));
}

}  // namespace
}  // namespace fazhi
