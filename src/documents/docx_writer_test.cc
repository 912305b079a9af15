#include "documents/docx_writer.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "documents/test_util.h"

namespace fazhi::documents {
namespace {

using test_util::Shell;
using test_util::TempDir;

Document Sample() {
  Document d;
  d.title = "事项办理结果通知书";
  d.file_stem = "审查办测〔2024〕3号";
  d.blocks = {
      {BlockType::kIssuer, "合法性审查办公室"},
      {BlockType::kTitle, "事项办理结果通知书"},
      {BlockType::kNumber, "审查办测〔2024〕3号"},
      {BlockType::kAddressee, "县市场监管局："},
      {BlockType::kHeading, "一、办理结论"},
      {BlockType::kParagraph, "修改后合法 & <第三条> 应当删除。"},
      {BlockType::kSignature, "合法性审查办公室"},
      {BlockType::kDate, "2024年10月8日"},
  };
  return d;
}

class DocxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto docx = WriteDocx(Sample());
    ASSERT_TRUE(docx.ok()) << docx.status().ToString();
    file_ = dir_.Write("sample.docx", docx.value());
  }
  std::string Part(const std::string& name) { return Shell("unzip -p '" + file_ + "' '" + name + "'"); }

  TempDir dir_;
  std::string file_;
};

TEST_F(DocxWriterTest, IsAZipWithEveryPart) {
  const std::string test = Shell("unzip -t '" + file_ + "'");
  EXPECT_NE(test.find("No errors detected"), std::string::npos) << test;
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/settings.xml", "word/footer1.xml", "word/footer2.xml",
                           "word/_rels/document.xml.rels", "docProps/core.xml"}) {
    pugi::xml_document xml;
    const std::string text = Part(part == std::string("[Content_Types].xml") ? "\\[Content_Types].xml" : part);
    EXPECT_TRUE(xml.load_string(text.c_str())) << part << " is not well-formed XML: " << text;
  }
}

TEST_F(DocxWriterTest, DocumentHoldsTheTextInStyledParagraphs) {
  const std::string xml = Part("word/document.xml");
  for (const char* want : {"事项办理结果通知书", "审查办测〔2024〕3号", "县市场监管局：", "2024年10月8日",
                           "修改后合法 &amp; &lt;第三条&gt; 应当删除。", "w:val=\"Title\"",
                           "w:val=\"DocNumber\"", "w:val=\"Heading1\""})
    EXPECT_NE(xml.find(want), std::string::npos) << want;
  // A4 with the GB/T 9704 margins (37 mm top, 28 mm left) and the 22-line grid.
  EXPECT_NE(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(xml.find("w:top=\"2098\""), std::string::npos);
  EXPECT_NE(xml.find("w:left=\"1587\""), std::string::npos);
  EXPECT_NE(xml.find("w:linePitch=\"579\""), std::string::npos);
}

TEST_F(DocxWriterTest, StylesNameTheOfficialEastAsianFonts) {
  const std::string xml = Part("word/styles.xml");
  EXPECT_NE(xml.find("w:eastAsia=\"仿宋_GB2312\""), std::string::npos);
  EXPECT_NE(xml.find("w:eastAsia=\"方正小标宋简体\""), std::string::npos);
  EXPECT_NE(xml.find("w:eastAsia=\"黑体\""), std::string::npos);
  EXPECT_NE(xml.find("<w:sz w:val=\"32\"/>"), std::string::npos);  // 3号 = 16 pt
  EXPECT_NE(xml.find("<w:sz w:val=\"44\"/>"), std::string::npos);  // 2号 = 22 pt
  EXPECT_NE(xml.find("w:eastAsia=\"zh-CN\""), std::string::npos);
}

TEST_F(DocxWriterTest, FootersCarryPageNumbers) {
  const std::string odd = Part("word/footer1.xml"), even = Part("word/footer2.xml");
  EXPECT_NE(odd.find(" PAGE "), std::string::npos);
  EXPECT_NE(odd.find("w:val=\"right\""), std::string::npos);
  EXPECT_NE(even.find("w:val=\"left\""), std::string::npos);
  EXPECT_NE(Part("word/settings.xml").find("evenAndOddHeaders"), std::string::npos);
}

TEST(DocxWriterFontsTest, ConfiguredFontsAreUsed) {
  FontMap fonts;
  fonts.body = {"仿宋"};
  auto docx = WriteDocx(Sample(), fonts);
  ASSERT_TRUE(docx.ok());
  TempDir dir;
  const std::string styles = Shell("unzip -p '" + dir.Write("f.docx", docx.value()) + "' word/styles.xml");
  EXPECT_NE(styles.find("w:eastAsia=\"仿宋\""), std::string::npos);
  EXPECT_EQ(styles.find("仿宋_GB2312"), std::string::npos);
  fonts.title.clear();
  EXPECT_FALSE(WriteDocx(Sample(), fonts).ok());
}

}  // namespace
}  // namespace fazhi::documents
