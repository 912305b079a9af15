#include "engine/attachment_type.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "engine/text_index.h"

namespace fazhi::engine {
namespace {

// Feeds content in pieces of the given size.
std::string TypeInPieces(const std::string& content, size_t piece, const std::string& name) {
  AttachmentTypeSniffer s;
  for (size_t i = 0; i < content.size(); i += piece) s.Update(std::string_view(content).substr(i, piece));
  return s.Type(name);
}

TEST(AttachmentType, MagicBytes) {
  EXPECT_EQ(SniffAttachmentType("%PDF-1.4\n", "a.pdf"), "application/pdf");
  EXPECT_EQ(SniffAttachmentType(std::string("\x89PNG\r\n\x1a\n\0\0", 10), "x"), "image/png");
  EXPECT_EQ(SniffAttachmentType("\xFF\xD8\xFF\xE0", "x.jpg"), "image/jpeg");
  EXPECT_EQ(SniffAttachmentType("PK\x03\x04rest", "报告.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(SniffAttachmentType("PK\x03\x04rest", "表.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(SniffAttachmentType("PK\x03\x04rest", "公文.ofd"), "application/ofd");
  EXPECT_EQ(SniffAttachmentType("PK\x03\x04rest", ".docx"), "application/zip");
  EXPECT_EQ(SniffAttachmentType("\xD0\xCF\x11\xE0\xA1\xB1", "a.doc"), "application/msword");
  // The claimed name never makes bytes acceptable.
  EXPECT_EQ(SniffAttachmentType(std::string("MZ\x90\0\x03\0", 6), "a.pdf"), "");
  EXPECT_EQ(SniffAttachmentType("%PDF", "a.pdf"), "text/plain; charset=utf-8");  // too short for the magic
}

TEST(AttachmentType, MagicSplitAcrossPieces) {
  const std::string png("\x89PNG\r\n\x1a\n\0\x01\x02", 11);
  for (size_t piece = 1; piece <= png.size(); ++piece) EXPECT_EQ(TypeInPieces(png, piece, "p"), "image/png") << piece;
}

TEST(AttachmentType, PlainText) {
  EXPECT_EQ(SniffAttachmentType("第一条 为了规范……\r\n\t第二条", "a.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(SniffAttachmentType("", "a.txt"), "");
  EXPECT_EQ(SniffAttachmentType(std::string("a\0b", 3), "a.txt"), "");   // control byte
  EXPECT_EQ(SniffAttachmentType("\xC0\xAF", "a.txt"), "");               // overlong '/'
  EXPECT_EQ(SniffAttachmentType("\xE4\xB8", "a.txt"), "");               // cut off at the end
  EXPECT_EQ(SniffAttachmentType("\x80x", "a.txt"), "");                  // stray continuation
  EXPECT_EQ(SniffAttachmentType("\xF0\x9F\x98\x80", "a.txt"), "text/plain; charset=utf-8");
}

// The streamed check gives the verdict of the whole-buffer rule it replaced
// (a UTF-8 round trip without control bytes), for any input in any pieces.
TEST(AttachmentType, TextVerdictMatchesRoundTripRule) {
  std::mt19937 rng(20260302);
  const std::string alphabet = std::string("aZ \t\n\r\x01\x7F", 8) + "\x80\xBF\xC0\xC1\xC2\xDF\xE0\xE4\xED\xEF\xF0\xF4\xF7\xF8\xFF" +
                               "中文";
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
    bool text = !s.empty() && EncodeUtf8(DecodeUtf8(s)) == s;
    for (unsigned char ch : s)
      if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') text = false;
    const std::string expected = text ? "text/plain; charset=utf-8" : "";
    const size_t piece = 1 + rng() % 5;
    ASSERT_EQ(TypeInPieces(s, piece, "a.txt"), expected) << ::testing::PrintToString(s) << " piece " << piece;
  }
}

}  // namespace
}  // namespace fazhi::engine
