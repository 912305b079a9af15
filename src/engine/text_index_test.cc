#include "engine/text_index.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace fazhi::engine {
namespace {

bool Has(const std::string& tokens, const std::string& t) {
  std::string padded = " " + tokens + " ";
  return padded.find(" " + t + " ") != std::string::npos;
}

TEST(TextIndex, UnigramsAndBigramsPerRun) {
  const std::string t = IndexTokens("合法性审查（规范性文件）");
  for (const char* tok : {"合", "法", "性", "合法", "法性", "性审", "审查", "规范", "文件"}) EXPECT_TRUE(Has(t, tok)) << tok;
  EXPECT_FALSE(Has(t, "查规"));  // punctuation breaks runs
}

TEST(TextIndex, FoldsFullWidthAndCase) {
  EXPECT_EQ(IndexTokens("ＡＢ"), IndexTokens("ab"));
  EXPECT_EQ(QueryTokens("ＡＢ"), QueryTokens("Ab"));
}

TEST(TextIndex, QueryTokens) {
  EXPECT_EQ(QueryTokens("审"), (std::vector<std::string>{"审"}));
  EXPECT_EQ(QueryTokens("审查"), (std::vector<std::string>{"审查"}));
  auto three = QueryTokens("合法性");
  std::sort(three.begin(), three.end());
  EXPECT_EQ(three, (std::vector<std::string>{"合法", "法性"}));
  EXPECT_TRUE(QueryTokens("，。 !").empty());
}

TEST(TextIndex, EveryQueryTokenOfASubstringIsIndexed) {
  const std::string doc = "关于示范县2024年度行政执法案卷评查工作的通知";
  const std::string tokens = IndexTokens(doc);
  auto cps = DecodeUtf8(doc);
  for (size_t i = 0; i < cps.size(); ++i)
    for (size_t n = 1; n <= 4 && i + n <= cps.size(); ++n) {
      std::string q = EncodeUtf8(std::vector<char32_t>(cps.begin() + i, cps.begin() + i + n));
      for (const auto& t : QueryTokens(q)) EXPECT_TRUE(Has(tokens, t)) << q << " / " << t;
    }
}

TEST(TextIndex, Utf8RoundTripAndInvalidBytes) {
  const std::string s = "法治 ok 𠀀";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
  EXPECT_EQ(DecodeUtf8(std::string("a\xFF" "b")).size(), 2u);
}

}  // namespace
}  // namespace fazhi::engine
