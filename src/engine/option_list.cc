// ParseOptionList / LoadOptionLists with yaml-cpp; every exception becomes an
// invalid_definition Status naming the file and line.
#include "engine/option_list.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fazhi::engine {
namespace {

constexpr char kInvalid[] = "invalid_definition";
constexpr size_t kMaxItems = 500;
constexpr size_t kMaxFileBytes = 1 << 20;

Status Error(const std::string& file, int line, const std::string& what) {
  return Status(kInvalid, file + ":" + std::to_string(std::max(line, 1)) + ": " + what);
}

int LineOf(const YAML::Node& n) { return n.Mark().line + 1; }

bool IsName(const std::string& s) {
  static const std::regex name("[a-z][a-z0-9_]*");
  return std::regex_match(s, name);
}

Result<OptionItem> ReadItem(const std::string& file, const YAML::Node& n) {
  if (!n.IsMap()) return Error(file, LineOf(n), "an item must be a mapping with a label");
  OptionItem item;
  item.line = LineOf(n);
  for (auto it = n.begin(); it != n.end(); ++it) {
    const int line = LineOf(it->first);
    if (!it->first.IsScalar() || !IsName(it->first.Scalar()))
      return Error(file, line, "item keys must be names ([a-z][a-z0-9_]*)");
    if (!it->second.IsScalar() || it->second.Scalar().empty())
      return Error(file, line, "item key '" + it->first.Scalar() + "' needs a plain, non-empty value");
    const std::string key = it->first.Scalar();
    if (key == "label") {
      item.label = it->second.Scalar();
    } else if (!item.attrs.emplace(key, it->second.Scalar()).second) {
      return Error(file, line, "duplicate key '" + key + "' in an item");
    }
  }
  if (item.label.empty()) return Error(file, item.line, "an item needs a label");
  return item;
}

}  // namespace

std::string OptionItem::Attr(const std::string& key) const {
  auto it = attrs.find(key);
  return it == attrs.end() ? "" : it->second;
}

std::vector<std::string> OptionList::Labels() const {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.label);
  return out;
}

const OptionItem* OptionList::Item(const std::string& label) const {
  for (const auto& i : items)
    if (i.label == label) return &i;
  return nullptr;
}

Result<OptionList> ParseOptionList(const std::string& yaml_text, const std::string& file) {
  try {
    YAML::Node doc = YAML::Load(yaml_text);
    if (!doc.IsMap()) return Error(file, 1, "expected a mapping with list, label and items");
    OptionList out;
    out.source_file = file;
    YAML::Node items;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      const std::string key = it->first.Scalar();
      const int line = LineOf(it->first);
      if (key == "list" || key == "label") {
        if (!it->second.IsScalar()) return Error(file, line, "'" + key + "' must be a plain value");
        (key == "list" ? out.name : out.label) = it->second.Scalar();
      } else if (key == "items") {
        items = it->second;
      } else {
        return Error(file, line, "unknown key '" + key + "' (allowed: list, label, items)");
      }
    }
    if (!IsName(out.name)) return Error(file, 1, "'list' must be a name ([a-z][a-z0-9_]*)");
    if (out.label.empty()) return Error(file, 1, "'label' is missing");
    if (!items || !items.IsSequence() || items.size() == 0)
      return Error(file, items ? LineOf(items) : 1, "'items' must be a non-empty list");
    if (items.size() > kMaxItems)
      return Error(file, LineOf(items), "more than " + std::to_string(kMaxItems) + " items");
    std::set<std::string> seen;
    for (const auto& n : items) {
      Result<OptionItem> item = ReadItem(file, n);
      if (!item.ok()) return item.status();
      if (!seen.insert(item->label).second)
        return Error(file, item->line, "duplicate item '" + item->label + "'");
      out.items.push_back(std::move(item).value());
    }
    return out;
  } catch (const YAML::Exception& e) {
    return Error(file, e.mark.line + 1, "YAML error: " + e.msg);
  }
}

Result<std::vector<OptionList>> LoadOptionLists(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<OptionList> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) return Status(kInvalid, dir + ": cannot read option lists: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string file = path.string();
    if (fs::file_size(path, ec) > kMaxFileBytes || ec) return Error(file, 1, "unreadable or larger than 1 MiB");
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Result<OptionList> list = ParseOptionList(text.str(), file);
    if (!list.ok()) return list.status();
    if (const OptionList* other = FindOptionList(out, list->name))
      return Error(file, 1, "list '" + list->name + "' is already defined in " + other->source_file);
    out.push_back(std::move(list).value());
  }
  return out;
}

const OptionList* FindOptionList(const std::vector<OptionList>& lists, const std::string& name) {
  for (const auto& l : lists)
    if (l.name == name) return &l;
  return nullptr;
}

}  // namespace fazhi::engine
