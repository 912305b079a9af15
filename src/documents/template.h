// Document templates (文书模板): the wording of an issued document — 审查意见书,
// 通知书 … — kept as data in definitions/templates/<name>.yaml and validated
// when the server starts. Render() fills a template from one matter's data
// and yields a Document: a list of typed blocks that the PDF and DOCX writers
// lay out (GB/T 9704). Pure: no I/O except LoadTemplate(s).
//
// YAML shape (every text may hold placeholders):
//   title: 合法性审查意见书          # required
//   issuer: "{org.name}"            # 发文机关 line above the title (optional)
//   number: "{number}"              # 文号 line under the title (optional)
//   addressee: "{fields.submitting_org}："   # 主送 (optional)
//   body:                           # required, at least one entry
//     - "…{fields.subject}…"        # a paragraph (indented two characters)
//     - {heading: 一、审查结论}      # a first-level heading (黑体)
//   signature: "{org.name}"         # 署名 (optional)
//   date: "{date}"                  # 成文日期 (optional)
//   requires_number: true           # refuse to render before the matter has a 文号
//   kinds: [legality_review]        # kinds it applies to (optional; absent = any)
//
// Placeholders: {number} {title} {org.name} {date} {fields.KEY} (KEY is
// [a-z][a-z0-9_]*); "{{" and "}}" stand for literal braces. A field that is
// absent or empty at render time shows kMissingValue.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace fazhi::documents {

// Shown for a {fields.KEY} whose value is absent or empty.
inline constexpr char kMissingValue[] = "（未填写）";

enum class BlockType {
  kIssuer,     // 发文机关 line
  kTitle,      // 标题
  kNumber,     // 文号
  kAddressee,  // 主送机关
  kHeading,    // 一级标题 inside the body
  kParagraph,  // 正文段落
  kSignature,  // 发文机关署名
  kDate,       // 成文日期
};
const char* BlockTypeName(BlockType t);

// One template text: a block type and its source (with placeholders).
struct TemplateBlock {
  BlockType type = BlockType::kParagraph;
  std::string text;
  int line = 0;  // where it stands in the file, for messages
};

struct Template {
  std::string name;                   // file stem, e.g. "review_opinion"
  std::vector<TemplateBlock> blocks;  // in document order
  bool requires_number = false;
  std::vector<std::string> kinds;     // empty = any kind
  std::string source_file;

  // True when the template may be rendered for a matter of `kind`.
  bool AppliesTo(const std::string& kind) const;
};

// A calendar date; rendered as 2024年10月8日 (GB/T 9704: Arabic numerals).
struct IssueDate {
  int year = 0, month = 0, day = 0;
};
std::string ChineseDate(const IssueDate& d);

// What a template is filled with. Field values are display text already:
// org and user names resolved, party fields masked (never clear values).
struct DocumentData {
  std::string number;  // 文号, "" when not assigned yet
  std::string title;   // the matter's title
  std::string org_name;
  std::map<std::string, std::string> fields;
  IssueDate date;
};

struct Block {
  BlockType type = BlockType::kParagraph;
  std::string text;
};

struct Document {
  std::string title;              // the rendered title block (PDF metadata)
  std::string file_stem;          // 文号, or the title when there is none
  std::vector<Block> blocks;
};

// Fills `t` from `data`. Blocks whose text renders empty are dropped (no
// number yet → no 文号 line); a paragraph whose text holds line breaks
// (a long_text field) becomes several paragraphs. Never fails: placeholders
// were checked when the template was loaded.
Document Render(const Template& t, const DocumentData& data);

// Parses one template. Errors (code "invalid_template") read
// "FILE:LINE: what is wrong": bad YAML, unknown keys, a missing title or
// body, unknown or malformed placeholders, unbalanced braces, texts over
// 2000 characters. `name` becomes Template::name. Never throws.
Result<Template> ParseTemplate(const std::string& yaml_text, const std::string& file,
                               const std::string& name);

// Loads every *.yaml in `dir` (sorted), keyed by file stem. The first error
// stops loading. A missing directory is an error.
Result<std::map<std::string, Template>> LoadTemplates(const std::string& dir);

}  // namespace fazhi::documents
