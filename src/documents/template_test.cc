#include "documents/template.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fazhi::documents {
namespace {

std::string SourceDir() {
  const char* env = std::getenv("FAZHI_SOURCE_DIR");
  return env != nullptr ? env : FAZHI_DEFAULT_SOURCE_DIR;
}

// Line numbers matter: the error tests assert them.
constexpr char kNotice[] =
    "title: 测试通知书\n"                          // 1
    "issuer: \"{org.name}\"\n"                     // 2
    "number: \"{number}\"\n"                       // 3
    "addressee: \"{fields.unit}：\"\n"             // 4
    "body:\n"                                      // 5
    "  - \"关于“{title}”的结论：{fields.result}。\"\n"  // 6
    "  - {heading: 一、意见}\n"                    // 7
    "  - \"{fields.opinion}\"\n"                   // 8
    "signature: \"{org.name}\"\n"                  // 9
    "date: \"{date}\"\n";                          // 10

DocumentData Sample() {
  DocumentData d;
  d.number = "审查办测〔2024〕7号";
  d.title = "示范县停车管理办法";
  d.org_name = "合法性审查办公室";
  d.fields = {{"unit", "县市场监管局"}, {"result", "修改后合法"}, {"opinion", "第三条应当删除。\n第五条表述不明确。"}};
  d.date = {2024, 10, 8};
  return d;
}

std::vector<std::pair<BlockType, std::string>> Blocks(const Document& doc) {
  std::vector<std::pair<BlockType, std::string>> out;
  for (const auto& b : doc.blocks) out.emplace_back(b.type, b.text);
  return out;
}

TEST(TemplateTest, ChineseDateUsesArabicNumeralsWithoutPadding) {
  EXPECT_EQ(ChineseDate({2024, 10, 8}), "2024年10月8日");
  EXPECT_EQ(ChineseDate({2025, 1, 31}), "2025年1月31日");
}

TEST(TemplateTest, RendersBlocksInDocumentOrder) {
  auto t = ParseTemplate(kNotice, "notice.yaml", "notice");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const Document doc = Render(t.value(), Sample());
  const std::vector<std::pair<BlockType, std::string>> expected = {
      {BlockType::kIssuer, "合法性审查办公室"},
      {BlockType::kTitle, "测试通知书"},
      {BlockType::kNumber, "审查办测〔2024〕7号"},
      {BlockType::kAddressee, "县市场监管局："},
      {BlockType::kParagraph, "关于“示范县停车管理办法”的结论：修改后合法。"},
      {BlockType::kHeading, "一、意见"},
      {BlockType::kParagraph, "第三条应当删除。"},  // a long_text value: one paragraph per line
      {BlockType::kParagraph, "第五条表述不明确。"},
      {BlockType::kSignature, "合法性审查办公室"},
      {BlockType::kDate, "2024年10月8日"},
  };
  EXPECT_EQ(Blocks(doc), expected);
  EXPECT_EQ(doc.title, "测试通知书");
  EXPECT_EQ(doc.file_stem, "审查办测〔2024〕7号");
}

TEST(TemplateTest, MissingFieldsShowPlaceholderTextAndEmptyBlocksDrop) {
  auto t = ParseTemplate(kNotice, "notice.yaml", "notice");
  ASSERT_TRUE(t.ok());
  DocumentData d = Sample();
  d.number.clear();
  d.fields.erase("result");
  d.fields["opinion"] = "";
  const Document doc = Render(t.value(), d);
  for (const auto& b : doc.blocks) EXPECT_NE(b.type, BlockType::kNumber) << b.text;
  EXPECT_EQ(doc.blocks[3].text, "关于“示范县停车管理办法”的结论：（未填写）。");
  EXPECT_EQ(doc.blocks[5].text, "（未填写）");
  EXPECT_EQ(doc.file_stem, "示范县停车管理办法");  // no 文号: the title names the file
}

TEST(TemplateTest, DoubledBracesAreLiteral) {
  auto t = ParseTemplate("title: 通知\nbody: [\"{{示例}} {number}}}\"]\n", "t.yaml", "t");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  DocumentData d;
  d.number = "7号";
  EXPECT_EQ(Render(t.value(), d).blocks[1].text, "{示例} 7号}");
}

TEST(TemplateTest, FlagsAndKinds) {
  auto t = ParseTemplate("title: x\nbody: [y]\nrequires_number: true\nkinds: [legality_review]\n", "t.yaml", "t");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->requires_number);
  EXPECT_TRUE(t->AppliesTo("legality_review"));
  EXPECT_FALSE(t->AppliesTo("test_case"));
  auto any = ParseTemplate("title: x\nbody: [y]\n", "t.yaml", "t");
  ASSERT_TRUE(any.ok());
  EXPECT_FALSE(any->requires_number);
  EXPECT_TRUE(any->AppliesTo("test_case"));
}

// Replaces line `n` (1-based) of kNotice.
std::string WithLine(int n, const std::string& text) {
  std::string out;
  std::istringstream in(kNotice);
  int i = 0;
  for (std::string line; std::getline(in, line);) out += (++i == n ? text : line) + "\n";
  return out;
}

void ExpectError(const std::string& yaml, const std::string& where, const std::string& what) {
  auto t = ParseTemplate(yaml, "bad.yaml", "bad");
  ASSERT_FALSE(t.ok()) << yaml;
  EXPECT_EQ(t.status().code(), "invalid_template");
  EXPECT_EQ(t.status().message().rfind(where, 0), 0u) << t.status().message();
  EXPECT_NE(t.status().message().find(what), std::string::npos) << t.status().message();
}

TEST(TemplateTest, BadTemplatesNameFileAndLine) {
  ExpectError(WithLine(6, "  - \"{fields.result} {party.name}\""), "bad.yaml:6:", "unknown placeholder {party.name}");
  ExpectError(WithLine(8, "  - \"{fields.Opinion}\""), "bad.yaml:8:", "unknown placeholder {fields.Opinion}");
  ExpectError(WithLine(3, "number: \"{number\""), "bad.yaml:3:", "unclosed '{'");
  ExpectError(WithLine(9, "signature: \"机关}\""), "bad.yaml:9:", "unmatched '}'");
  ExpectError(WithLine(10, "stamp: 公章"), "bad.yaml:10:", "unknown key 'stamp'");
  ExpectError(WithLine(7, "  - {headline: 一、意见}"), "bad.yaml:7:", "{heading: text}");
  ExpectError(WithLine(1, "# no title"), "bad.yaml:2:", "missing key 'title'");
  ExpectError(WithLine(6, "  - [\"a\""), "bad.yaml:", "");  // YAML syntax: a line, whatever it is
  ExpectError("title: x\nbody: []\n", "bad.yaml:2:", "non-empty list");
  ExpectError("title: x\nbody: [y]\nrequires_number: yes please\n", "bad.yaml:3:", "true or false");
  ExpectError("title: x\nbody: [y]\nkinds: [Bad-Name]\n", "bad.yaml:3:", "kind names");
  ExpectError("", "bad.yaml:1:", "empty template");
  ExpectError("title: a\n---\ntitle: b\n", "bad.yaml:", "more than one YAML document");
  ExpectError("title: x\ntitle: y\nbody: [z]\n", "bad.yaml:2:", "duplicate key 'title'");
}

TEST(TemplateTest, ProjectTemplatesLoad) {
  auto all = LoadTemplates(SourceDir() + "/definitions/templates");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_TRUE(all->count("review_opinion"));
  ASSERT_TRUE(all->count("generic_notice"));
  const Template& review = all->at("review_opinion");
  EXPECT_TRUE(review.requires_number);
  EXPECT_TRUE(review.AppliesTo("legality_review"));
  DocumentData d = Sample();
  d.fields = {{"submitting_org", "县市场监管局"}, {"category", "行政规范性文件"}, {"conclusion", "合法"}};
  const Document doc = Render(review, d);
  EXPECT_EQ(doc.title, "合法性审查意见书");
  bool missing_reasons = false;
  for (const auto& b : doc.blocks) missing_reasons |= b.text == kMissingValue;
  EXPECT_TRUE(missing_reasons) << "reasons absent → （未填写）";
}

TEST(TemplateTest, LoadTemplatesReportsTheBadFile) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("fazhi-templates-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "good.yaml") << "title: 好\nbody: [段落]\n";
  std::ofstream(dir / "worse.yaml") << "title: 坏\nbody:\n  - \"{nope}\"\n";
  auto all = LoadTemplates(dir.string());
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("worse.yaml:3:"), std::string::npos) << all.status().message();
  EXPECT_FALSE(LoadTemplates((dir / "absent").string()).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fazhi::documents
