// option_list: named lists of choices kept as data in definitions/lists/ —
// e.g. 合法性审查事项目录清单, which changes when the county revises it, not
// when the kind does. An enum field takes its options from one with
// `options_from: NAME` (kind.h).
//
// YAML, one list per file:
//   list: review_catalogue            # [a-z][a-z0-9_]*, unique across files
//   label: 合法性审查事项目录清单
//   items:
//     - {label: 重大行政决策事项, category: 重大行政决策, kind: major_decision}
// Every item needs a label, unique within the list (it is the stored value);
// its other keys are attributes (plain strings) that module checks read.
// Errors (code "invalid_definition") read "FILE:LINE: what is wrong".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace fazhi::engine {

struct OptionItem {
  std::string label;
  std::map<std::string, std::string> attrs;
  int line = 0;

  // The attribute's value, "" when absent.
  std::string Attr(const std::string& key) const;
};

struct OptionList {
  std::string name;
  std::string label;
  std::string source_file;
  std::vector<OptionItem> items;

  std::vector<std::string> Labels() const;
  const OptionItem* Item(const std::string& label) const;
};

Result<OptionList> ParseOptionList(const std::string& yaml_text, const std::string& file);

// Every *.yaml in dir, sorted by file name; a missing dir holds no lists.
Result<std::vector<OptionList>> LoadOptionLists(const std::string& dir);

const OptionList* FindOptionList(const std::vector<OptionList>& lists, const std::string& name);

}  // namespace fazhi::engine
