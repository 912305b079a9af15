#include "documents/pdf_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <sstream>
#include <thread>
#include <vector>

#include "documents/test_util.h"

namespace fazhi::documents {
namespace {

using test_util::Shell;
using test_util::Squeeze;
using test_util::TempDir;

Document Sample() {
  Document d;
  d.title = "合法性审查意见书";
  d.file_stem = "审查办〔2024〕12号";
  d.blocks = {
      {BlockType::kIssuer, "示范县司法局"},
      {BlockType::kTitle, "合法性审查意见书"},
      {BlockType::kNumber, "审查办〔2024〕12号"},
      {BlockType::kAddressee, "县市场监管局："},
      {BlockType::kParagraph, "你单位报送的《示范县城市道路停车管理办法》收悉，经审查，提出意见如下。"},
      {BlockType::kHeading, "一、审查结论"},
      {BlockType::kParagraph, "修改后合法。"},
      {BlockType::kSignature, "示范县司法局"},
      {BlockType::kDate, "2024年10月8日"},
  };
  return d;
}

// One writer for every test, as in the server.
const PdfWriter& Writer() {
  static const PdfWriter* writer = new PdfWriter();
  return *writer;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!Squeeze(line).empty()) out.push_back(Squeeze(line));
  return out;
}

// Characters (code points) in a UTF-8 string.
size_t Chars(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(PdfWriterTest, RendersReadableA4Text) {
  PdfStats stats;
  auto pdf = Writer().Write(Sample(), &stats);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_EQ(stats.pages, 1);
  TempDir dir;
  const std::string file = dir.Write("sample.pdf", pdf.value());
  const std::string text = Squeeze(Shell("pdftotext -enc UTF-8 '" + file + "' -"));
  for (const char* want : {"示范县司法局", "合法性审查意见书", "审查办〔2024〕12号", "县市场监管局：",
                           "你单位报送的《示范县城市道路停车管理办法》收悉", "一、审查结论",
                           "2024年10月8日", "—1—"})
    EXPECT_NE(text.find(want), std::string::npos) << want << " not in: " << text;
  const std::string info = Squeeze(Shell("pdfinfo '" + file + "'"));
  EXPECT_NE(info.find("Pages:1"), std::string::npos) << info;
  EXPECT_NE(info.find("Pagesize:595.276x841.89pts(A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:合法性审查意见书"), std::string::npos) << info;
}

TEST(PdfWriterTest, FontsAreEmbedded) {
  auto pdf = Writer().Write(Sample());
  ASSERT_TRUE(pdf.ok());
  TempDir dir;
  const std::string file = dir.Write("fonts.pdf", pdf.value());
  const std::string fonts = Shell("pdffonts '" + file + "'");
  EXPECT_NE(fonts.find("Noto"), std::string::npos) << fonts;  // the fallback faces here
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << "every font embedded:\n" << fonts;
}

// 16 pt at 72 dpi on a 15.79 pt pitch: 28 characters a line. At Pango's
// default 96 dpi the face would be 21.3 pt and only 20 would fit.
TEST(PdfWriterTest, BodyLinesHoldTwentyEightCharacters) {
  Document d;
  d.title = "网格";
  d.blocks = {{BlockType::kParagraph, std::string()}};
  for (int i = 0; i < 100; ++i) d.blocks[0].text += "法";
  auto pdf = Writer().Write(d);
  ASSERT_TRUE(pdf.ok());
  TempDir dir;
  const auto lines = Lines(Shell("pdftotext -enc UTF-8 '" + dir.Write("grid.pdf", pdf.value()) + "' -"));
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(Chars(lines[0]), 26u) << "first line indented two characters";
  EXPECT_EQ(Chars(lines[1]), 28u);
  EXPECT_EQ(Chars(lines[2]), 28u);
  EXPECT_EQ(Chars(lines[3]), 18u);
}

TEST(PdfWriterTest, LatinWordsBreakWithoutHyphens) {
  Document d;
  d.title = "编号";
  d.blocks = {{BlockType::kParagraph, "编号" + std::string(90, 'x') + "结束"}};
  auto pdf = Writer().Write(d);
  ASSERT_TRUE(pdf.ok());
  TempDir dir;
  const std::string text = Squeeze(Shell("pdftotext -enc UTF-8 '" + dir.Write("x.pdf", pdf.value()) + "' -"));
  EXPECT_NE(text.find("编号" + std::string(90, 'x') + "结束"), std::string::npos) << text;
}

TEST(PdfWriterTest, LongBodiesBreakAcrossPagesOnTheTwentyTwoLineGrid) {
  Document d;
  d.title = "长文";
  d.blocks = {{BlockType::kTitle, "长文"}};
  for (int i = 1; i <= 60; ++i) d.blocks.push_back({BlockType::kParagraph, "第" + std::to_string(i) + "段。"});
  d.blocks.push_back({BlockType::kSignature, "示范县司法局"});
  d.blocks.push_back({BlockType::kDate, "2024年10月8日"});
  PdfStats stats;
  auto pdf = Writer().Write(d, &stats);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(stats.pages, 3);
  TempDir dir;
  const std::string file = dir.Write("long.pdf", pdf.value());
  EXPECT_NE(Squeeze(Shell("pdfinfo '" + file + "'")).find("Pages:3"), std::string::npos);
  // Page 1: title, an empty line, then 20 paragraphs; page 2: 22 paragraphs.
  auto page = [&](int n) { return Lines(Shell("pdftotext -enc UTF-8 -f " + std::to_string(n) + " -l " +
                                            std::to_string(n) + " '" + file + "' -")); };
  const auto p1 = page(1), p2 = page(2), p3 = page(3);
  ASSERT_FALSE(p1.empty());
  EXPECT_EQ(p1.front(), "长文");
  EXPECT_NE(std::find(p1.begin(), p1.end(), "第20段。"), p1.end());
  EXPECT_EQ(p2.front(), "第21段。");
  EXPECT_NE(std::find(p2.begin(), p2.end(), "第42段。"), p2.end());
  EXPECT_NE(std::find(p2.begin(), p2.end(), "—2—"), p2.end());
  EXPECT_EQ(p3.front(), "第43段。");
  EXPECT_NE(std::find(p3.begin(), p3.end(), "2024年10月8日"), p3.end());
  EXPECT_NE(std::find(p3.begin(), p3.end(), "—3—"), p3.end());
}

// A document whose page 1 holds the title, an empty line and `paragraphs`
// one-line paragraphs, then `tail` blocks.
std::vector<std::vector<std::string>> PagesOf(int paragraphs, const std::vector<Block>& tail) {
  Document d;
  d.title = "分页";
  d.blocks = {{BlockType::kTitle, "分页"}};
  for (int i = 1; i <= paragraphs; ++i) d.blocks.push_back({BlockType::kParagraph, "第" + std::to_string(i) + "段。"});
  d.blocks.insert(d.blocks.end(), tail.begin(), tail.end());
  PdfStats stats;
  auto pdf = Writer().Write(d, &stats);
  TempDir dir;
  const std::string file = dir.Write("p.pdf", pdf.value());
  std::vector<std::vector<std::string>> pages;
  for (int n = 1; n <= stats.pages; ++n)
    pages.push_back(Lines(Shell("pdftotext -enc UTF-8 -f " + std::to_string(n) + " -l " + std::to_string(n) +
                                " '" + file + "' -")));
  return pages;
}

TEST(PdfWriterTest, SignatureNeverStandsAloneOnAPage) {
  // 20 paragraphs fill page 1; the last two move over with the signature.
  const auto pages = PagesOf(20, {{BlockType::kSignature, "示范县司法局"}, {BlockType::kDate, "2024年10月8日"}});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].end()[-2], "第18段。");  // then the page number
  EXPECT_EQ(pages[1].front(), "第19段。");
  EXPECT_EQ(pages[1][1], "第20段。");
  EXPECT_EQ(pages[1][2], "示范县司法局");
}

TEST(PdfWriterTest, HeadingsStayWithTheirText) {
  // Paragraphs fill all but the last line of page 1: the heading moves on.
  const auto pages = PagesOf(19, {{BlockType::kHeading, "三、审查意见"}, {BlockType::kParagraph, "正文。"}});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].end()[-2], "第19段。");
  EXPECT_EQ(pages[1].front(), "三、审查意见");
}

TEST(PdfWriterTest, MissingOfficialFontsFallBack) {
  EXPECT_EQ(Writer().ResolveFont({"仿宋_GB2312_不存在", "Noto Serif CJK SC"}), "Noto Serif CJK SC");
  EXPECT_EQ(Writer().ResolveFont({"No Such Face", "Noto Serif CJK SC Bold"}), "Noto Serif CJK SC Bold");
  EXPECT_EQ(Writer().ResolveFont({"No Such Face", "Nor This"}), "Nor This");  // left to fontconfig
  PdfStats stats;
  ASSERT_TRUE(Writer().Write(Sample(), &stats).ok());
  EXPECT_EQ(stats.body_font, Writer().ResolveFont(FontMap().body));
  EXPECT_FALSE(stats.title_font.empty());
  // A configured map: the official face is absent here, the next one is used.
  FontMap fonts;
  fonts.body = {"仿宋_GB2312_不存在", "AR PL UKai CN", "Noto Serif CJK SC"};
  PdfWriter custom(fonts);
  ASSERT_TRUE(custom.Write(Sample(), &stats).ok());
  EXPECT_EQ(stats.body_font, custom.ResolveFont(fonts.body));
}

TEST(PdfWriterTest, ConcurrentWritesShareOneWriter) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (int j = 0; j < 3; ++j) ok += Writer().Write(Sample()).ok();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 12);
}

}  // namespace
}  // namespace fazhi::documents
