// Template parsing (yaml-cpp) and rendering. yaml-cpp throws; ParseTemplate
// catches everything and reports "FILE:LINE: what" as invalid_template.
#include "documents/template.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace fazhi::documents {
namespace {

constexpr char kInvalid[] = "invalid_template";
constexpr size_t kMaxText = 2000;          // code points in one text
constexpr size_t kMaxFileBytes = 256 * 1024;

Status Error(const std::string& file, int line, const std::string& what) {
  return Status(kInvalid, file + ":" + std::to_string(std::max(line, 1)) + ": " + what);
}

int LineOf(const YAML::Node& n) { return n.Mark().line + 1; }

size_t CodePoints(const std::string& s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

bool IsFieldKey(const std::string& k) {
  if (k.empty() || k[0] < 'a' || k[0] > 'z') return false;
  return std::all_of(k.begin(), k.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool KnownPlaceholder(const std::string& name) {
  if (name == "number" || name == "title" || name == "org.name" || name == "date") return true;
  return name.rfind("fields.", 0) == 0 && IsFieldKey(name.substr(7));
}

// Walks `text`, calling literal(piece) and placeholder(name) in order.
// Returns an error message for unbalanced braces or an unknown placeholder.
std::string Scan(const std::string& text, const std::function<void(const std::string&)>& literal,
                 const std::function<void(const std::string&)>& placeholder) {
  std::string run;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      run += '{';
      ++i;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      run += '}';
      ++i;
    } else if (c == '{') {
      const size_t close = text.find('}', i + 1);
      if (close == std::string::npos) return "unclosed '{' (write {{ for a literal brace)";
      const std::string name = text.substr(i + 1, close - i - 1);
      if (name.find('{') != std::string::npos) return "unclosed '{' (write {{ for a literal brace)";
      if (!KnownPlaceholder(name))
        return "unknown placeholder {" + name +
               "} (known: {number} {title} {org.name} {date} {fields.KEY})";
      if (!run.empty()) literal(run);
      run.clear();
      placeholder(name);
      i = close;
    } else if (c == '}') {
      return "unmatched '}' (write }} for a literal brace)";
    } else {
      run += c;
    }
  }
  if (!run.empty()) literal(run);
  return "";
}

std::string Fill(const std::string& text, const DocumentData& d) {
  std::string out;
  Scan(
      text, [&](const std::string& s) { out += s; },
      [&](const std::string& name) {
        if (name == "number") {
          out += d.number;
        } else if (name == "title") {
          out += d.title;
        } else if (name == "org.name") {
          out += d.org_name;
        } else if (name == "date") {
          out += ChineseDate(d.date);
        } else {
          auto it = d.fields.find(name.substr(7));
          out += it == d.fields.end() || it->second.empty() ? kMissingValue : it->second;
        }
      });
  return out;
}

std::string Trim(const std::string& s) {
  const char* ws = " \t\r\n";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

struct Parser {
  const std::string& file;
  Template* t;

  Status Text(const YAML::Node& n, const std::string& what, std::string* out) const {
    if (!n.IsScalar()) return Error(file, LineOf(n), what + " must be text");
    *out = n.Scalar();
    if (CodePoints(*out) > kMaxText)
      return Error(file, LineOf(n), what + " is longer than " + std::to_string(kMaxText) + " characters");
    const std::string bad = Scan(*out, [](const std::string&) {}, [](const std::string&) {});
    if (!bad.empty()) return Error(file, LineOf(n), what + ": " + bad);
    return Status::Ok();
  }

  Status Add(BlockType type, const YAML::Node& n, const std::string& what) const {
    TemplateBlock b{type, "", LineOf(n)};
    FAZHI_RETURN_IF_ERROR(Text(n, what, &b.text));
    t->blocks.push_back(std::move(b));
    return Status::Ok();
  }

  Status Body(const YAML::Node& n) const {
    if (!n.IsSequence() || n.size() == 0)
      return Error(file, LineOf(n), "body must be a non-empty list of paragraphs");
    for (size_t i = 0; i < n.size(); ++i) {
      const YAML::Node item = n[i];
      const std::string what = "body[" + std::to_string(i) + "]";
      if (item.IsScalar()) {
        FAZHI_RETURN_IF_ERROR(Add(BlockType::kParagraph, item, what));
        continue;
      }
      if (!item.IsMap() || item.size() != 1 || !item.begin()->first.IsScalar() ||
          item.begin()->first.Scalar() != "heading")
        return Error(file, LineOf(item), what + " must be text or {heading: text}");
      FAZHI_RETURN_IF_ERROR(Add(BlockType::kHeading, item.begin()->second, what + ".heading"));
    }
    return Status::Ok();
  }

  Status Flag(const YAML::Node& n, const std::string& what, bool* out) const {
    if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false"))
      return Error(file, LineOf(n), what + " must be true or false");
    *out = n.Scalar() == "true";
    return Status::Ok();
  }

  Status Kinds(const YAML::Node& n) const {
    if (!n.IsSequence()) return Error(file, LineOf(n), "kinds must be a list of kind names");
    for (const auto& k : n) {
      if (!k.IsScalar() || !IsFieldKey(k.Scalar()))
        return Error(file, LineOf(k), "kinds entries must be kind names ([a-z][a-z0-9_]*)");
      t->kinds.push_back(k.Scalar());
    }
    return Status::Ok();
  }

  Status Run(const YAML::Node& root) const {
    if (!root.IsMap()) return Error(file, LineOf(root), "a template must be a mapping");
    // Blocks come out in document order whatever the key order in the file.
    static constexpr std::pair<const char*, BlockType> kOrder[] = {
        {"issuer", BlockType::kIssuer},       {"title", BlockType::kTitle},
        {"number", BlockType::kNumber},       {"addressee", BlockType::kAddressee},
        {"body", BlockType::kParagraph},      {"signature", BlockType::kSignature},
        {"date", BlockType::kDate}};
    std::map<std::string, YAML::Node> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
      const int line = LineOf(it->first);
      if (!it->first.IsScalar()) return Error(file, line, "keys must be names");
      const std::string key = it->first.Scalar();
      if (seen.count(key)) return Error(file, line, "duplicate key '" + key + "'");
      const bool block = std::any_of(std::begin(kOrder), std::end(kOrder),
                                     [&](const auto& o) { return key == o.first; });
      if (!block && key != "requires_number" && key != "kinds")
        return Error(file, line,
                     "unknown key '" + key +
                         "' (allowed: issuer, title, number, addressee, body, signature, date, "
                         "requires_number, kinds)");
      seen[key] = it->second;
    }
    if (!seen.count("title")) return Error(file, LineOf(root), "missing key 'title'");
    if (!seen.count("body")) return Error(file, LineOf(root), "missing key 'body'");
    for (const auto& [key, type] : kOrder) {
      auto it = seen.find(key);
      if (it == seen.end()) continue;
      if (type == BlockType::kParagraph) {
        FAZHI_RETURN_IF_ERROR(Body(it->second));
      } else {
        FAZHI_RETURN_IF_ERROR(Add(type, it->second, key));
      }
    }
    if (auto it = seen.find("requires_number"); it != seen.end())
      FAZHI_RETURN_IF_ERROR(Flag(it->second, "requires_number", &t->requires_number));
    if (auto it = seen.find("kinds"); it != seen.end()) FAZHI_RETURN_IF_ERROR(Kinds(it->second));
    return Status::Ok();
  }
};

}  // namespace

const char* BlockTypeName(BlockType t) {
  switch (t) {
    case BlockType::kIssuer: return "issuer";
    case BlockType::kTitle: return "title";
    case BlockType::kNumber: return "number";
    case BlockType::kAddressee: return "addressee";
    case BlockType::kHeading: return "heading";
    case BlockType::kParagraph: return "paragraph";
    case BlockType::kSignature: return "signature";
    case BlockType::kDate: return "date";
  }
  return "paragraph";
}

bool Template::AppliesTo(const std::string& kind) const {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string ChineseDate(const IssueDate& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

Document Render(const Template& t, const DocumentData& data) {
  Document doc;
  for (const auto& tb : t.blocks) {
    const std::string text = Fill(tb.text, data);
    if (tb.type == BlockType::kParagraph) {
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);)
        if (std::string p = Trim(line); !p.empty()) doc.blocks.push_back({tb.type, std::move(p)});
      continue;
    }
    // Other blocks are single lines: line breaks in a value become spaces.
    std::string one = text;
    std::replace(one.begin(), one.end(), '\n', ' ');
    one = Trim(one);
    if (one.empty()) continue;
    if (tb.type == BlockType::kTitle && doc.title.empty()) doc.title = one;
    doc.blocks.push_back({tb.type, std::move(one)});
  }
  doc.file_stem = !data.number.empty() ? data.number : !data.title.empty() ? data.title : doc.title;
  return doc;
}

Result<Template> ParseTemplate(const std::string& yaml_text, const std::string& file,
                               const std::string& name) {
  if (yaml_text.size() > kMaxFileBytes) return Error(file, 1, "file is larger than 256 KiB");
  Template t;
  t.name = name;
  t.source_file = file;
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(yaml_text);
    if (docs.empty() || docs[0].IsNull()) return Error(file, 1, "empty template");
    if (docs.size() > 1) return Error(file, LineOf(docs[1]), "more than one YAML document");
    FAZHI_RETURN_IF_ERROR((Parser{file, &t}.Run(docs[0])));
  } catch (const YAML::Exception& e) {
    return Error(file, e.mark.line + 1, e.msg);
  } catch (const std::exception& e) {
    return Error(file, 1, e.what());
  }
  return t;
}

Result<std::map<std::string, Template>> LoadTemplates(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status(kInvalid, dir + ": template directory not found");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  if (ec) return Status(kInvalid, dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::map<std::string, Template> out;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in) return Status(kInvalid, path.string() + ": cannot read");
    const std::string stem = path.stem().string();
    if (!IsFieldKey(stem))
      return Error(path.string(), 1, "template file names must be [a-z][a-z0-9_]*.yaml");
    auto t = ParseTemplate(ss.str(), path.string(), stem);
    if (!t.ok()) return t.status();
    out.emplace(stem, std::move(t).value());
  }
  return out;
}

}  // namespace fazhi::documents
