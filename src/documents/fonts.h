// FontMap: which faces the issued documents use, by role. Each role lists
// Pango font descriptions (family, optionally a style word: "Noto Serif CJK
// SC Bold") in order of preference: the official face first (仿宋_GB2312,
// 方正小标宋简体 …), then faces found on a stock Debian machine. The PDF
// writer uses the first one installed; the DOCX writer names the first one,
// since Word/WPS on the reader's machine have the official fonts.
#pragma once

#include <string>
#include <vector>

namespace fazhi::documents {

struct FontMap {
  // 标题、发文机关: 小标宋-like.
  std::vector<std::string> title = {"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S",
                                    "Noto Serif CJK SC Bold", "AR PL UKai CN"};
  // 正文、文号、署名、日期: 仿宋-like.
  std::vector<std::string> body = {"仿宋_GB2312", "FangSong_GB2312", "仿宋",          "FangSong",
                                   "STFangsong",  "Noto Serif CJK SC", "AR PL UKai CN"};
  // 一级标题: 黑体-like.
  std::vector<std::string> heading = {"黑体", "SimHei", "Noto Sans CJK SC Bold",
                                      "Noto Serif CJK SC Bold"};
  // 页码: 宋体-like.
  std::vector<std::string> page_number = {"宋体", "SimSun", "Noto Serif CJK SC"};
};

}  // namespace fazhi::documents
