// WriteDocx: fixed package parts as literals, every part that carries text
// or configured font names built with pugixml (which escapes), zipped in
// memory with libzip.
#include "documents/docx_writer.h"

#include <zip.h>

#include <cmath>
#include <pugixml.hpp>
#include <sstream>
#include <utility>
#include <vector>

namespace fazhi::documents {
namespace {

constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kR[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Geometry in twentieths of a point (twips); 1 mm = 56.69 twips.
constexpr int Twips(double mm) { return static_cast<int>(mm * 1440 / 25.4 + 0.5); }
constexpr double kAdvancePt = 156 * 72 / 25.4 / 28;  // one character of the 28-per-line grid
constexpr int kLinePitch = 579;                      // 225 mm / 22 lines, in twips
constexpr int kCharTwips = static_cast<int>(kAdvancePt * 20 + 0.5);

constexpr char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>)";

constexpr char kPackageRels[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>)";

constexpr char kDocumentRels[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
</Relationships>)";

// Odd and even pages get different footers (page number right / left).
constexpr char kSettings[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:defaultTabStop w:val="420"/>
<w:evenAndOddHeaders/>
<w:characterSpacingControl w:val="compressPunctuation"/>
</w:settings>)";

std::string Serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_node Root(pugi::xml_document& doc, const char* name) {
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto root = doc.append_child(name);
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  return root;
}

// Appends <w:NAME w:ATTR=VALUE …/>.
pugi::xml_node El(pugi::xml_node parent, const char* name,
                  std::initializer_list<std::pair<const char*, std::string>> attrs = {}) {
  auto n = parent.append_child(name);
  for (const auto& [k, v] : attrs) n.append_attribute(k) = v.c_str();
  return n;
}

// WordprocessingML checks element order (rFonts, kern, sz, szCs, lang).
void Fonts(pugi::xml_node rpr, const std::string& face, int half_points, bool kern = false) {
  El(rpr, "w:rFonts", {{"w:ascii", face}, {"w:hAnsi", face}, {"w:eastAsia", face}, {"w:cs", face}});
  if (kern) El(rpr, "w:kern", {{"w:val", "2"}});
  El(rpr, "w:sz", {{"w:val", std::to_string(half_points)}});
  El(rpr, "w:szCs", {{"w:val", std::to_string(half_points)}});
}

void ParagraphStyle(pugi::xml_node styles, const char* id, const char* name, const char* align,
                    int first_line_chars, const std::string& face, int half_points,
                    int outline_level = -1) {
  auto s = El(styles, "w:style", {{"w:type", "paragraph"}, {"w:styleId", id}});
  if (std::string(id) == "Normal") s.append_attribute("w:default") = "1";
  El(s, "w:name", {{"w:val", name}});
  if (std::string(id) != "Normal") El(s, "w:basedOn", {{"w:val", "Normal"}});
  El(s, "w:qFormat");
  auto ppr = El(s, "w:pPr");  // order: ind, jc, outlineLvl
  El(ppr, "w:ind",
     {{"w:firstLineChars", std::to_string(first_line_chars)},
      {"w:firstLine", std::to_string(first_line_chars * kCharTwips / 100)}});
  El(ppr, "w:jc", {{"w:val", align}});
  if (outline_level >= 0) El(ppr, "w:outlineLvl", {{"w:val", std::to_string(outline_level)}});
  Fonts(El(s, "w:rPr"), face, half_points);
}

std::string Styles(const FontMap& f) {
  const std::string body = f.body.front(), title = f.title.front(), heading = f.heading.front();
  pugi::xml_document doc;
  auto styles = Root(doc, "w:styles");
  auto defaults = El(styles, "w:docDefaults");
  auto rpr = El(El(defaults, "w:rPrDefault"), "w:rPr");
  Fonts(rpr, body, 32, /*kern=*/true);
  El(rpr, "w:lang", {{"w:val", "en-US"}, {"w:eastAsia", "zh-CN"}, {"w:bidi", "ar-SA"}});
  auto ppr = El(El(defaults, "w:pPrDefault"), "w:pPr");
  // Exactly the grid's line pitch: 22 lines in the 225 mm 版心.
  El(ppr, "w:spacing", {{"w:before", "0"}, {"w:after", "0"}, {"w:line", std::to_string(kLinePitch)},
                        {"w:lineRule", "exact"}});
  ParagraphStyle(styles, "Normal", "Normal", "both", 200, body, 32);
  ParagraphStyle(styles, "Issuer", "发文机关", "center", 0, title, 44);
  ParagraphStyle(styles, "Title", "Title", "center", 0, title, 44);
  ParagraphStyle(styles, "DocNumber", "发文字号", "center", 0, body, 32);
  ParagraphStyle(styles, "Addressee", "主送机关", "left", 0, body, 32);
  ParagraphStyle(styles, "Heading1", "heading 1", "both", 200, heading, 32, 0);
  ParagraphStyle(styles, "Signature", "发文机关署名", "right", 0, body, 32);
  ParagraphStyle(styles, "IssueDate", "成文日期", "right", 0, body, 32);
  ParagraphStyle(styles, "Footer", "footer", "right", 0, f.page_number.front(), 28);
  return Serialize(doc);
}

void Run(pugi::xml_node p, const std::string& text) {
  auto t = El(El(p, "w:r"), "w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(text.c_str());
}

pugi::xml_node Paragraph(pugi::xml_node body, const char* style, const std::string& text) {
  auto p = El(body, "w:p");
  El(El(p, "w:pPr"), "w:pStyle", {{"w:val", style}});
  if (!text.empty()) Run(p, text);
  return p;
}

// Display width in grid characters: ASCII counts half.
double Chars(const std::string& s) {
  double n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c < 0x80) n += 0.5;
    else if ((c & 0xC0) != 0x80) n += 1;
  }
  return n;
}

// Right indents (in hundredths of a character) after GB/T 9704 7.3.5.2: the
// signature ends two characters in; the date starts two characters right of
// the signature, unless that pushes it past two characters in.
std::pair<int, int> SignatureIndents(const std::string& sig, const std::string& date) {
  double sig_right = 2, date_right = 2;
  if (!sig.empty() && !date.empty()) {
    date_right = 2 + Chars(sig) - 2 - Chars(date);
    if (date_right < 2) {
      date_right = 2;
      sig_right = date_right + Chars(date) + 2 - Chars(sig);
    }
  }
  return {static_cast<int>(std::lround(sig_right * 100)), static_cast<int>(std::lround(date_right * 100))};
}

void RightIndent(pugi::xml_node p, int hundredths) {
  El(p.child("w:pPr"), "w:ind",
     {{"w:rightChars", std::to_string(hundredths)}, {"w:right", std::to_string(hundredths * kCharTwips / 100)}});
}

std::string DocumentXml(const Document& d) {
  pugi::xml_document doc;
  auto body = El(Root(doc, "w:document"), "w:body");
  std::string signature, date;
  for (const auto& b : d.blocks) {
    if (b.type == BlockType::kSignature) signature = b.text;
    if (b.type == BlockType::kDate) date = b.text;
  }
  const auto [sig_indent, date_indent] = SignatureIndents(signature, date);
  bool after_header = false, any = false, closing = false;
  for (const auto& b : d.blocks) {
    const bool header = b.type == BlockType::kIssuer || b.type == BlockType::kTitle || b.type == BlockType::kNumber;
    const bool end = b.type == BlockType::kSignature || b.type == BlockType::kDate;
    if (after_header && !header) Paragraph(body, "Addressee", "");  // 标题下空一行
    if (end && !closing && any) Paragraph(body, "Addressee", "");   // 正文下空一行
    after_header = header;
    closing = closing || end;
    any = true;
    switch (b.type) {
      case BlockType::kIssuer: Paragraph(body, "Issuer", b.text); break;
      case BlockType::kTitle: Paragraph(body, "Title", b.text); break;
      case BlockType::kNumber: Paragraph(body, "DocNumber", b.text); break;
      case BlockType::kAddressee: Paragraph(body, "Addressee", b.text); break;
      case BlockType::kHeading: Paragraph(body, "Heading1", b.text); break;
      case BlockType::kParagraph: Paragraph(body, "Normal", b.text); break;
      case BlockType::kSignature: RightIndent(Paragraph(body, "Signature", b.text), sig_indent); break;
      case BlockType::kDate: RightIndent(Paragraph(body, "IssueDate", b.text), date_indent); break;
    }
  }
  auto sect = El(body, "w:sectPr");
  El(sect, "w:footerReference", {{"w:type", "default"}, {"r:id", "rId3"}});
  El(sect, "w:footerReference", {{"w:type", "even"}, {"r:id", "rId4"}});
  El(sect, "w:pgSz", {{"w:w", "11906"}, {"w:h", "16838"}});  // A4
  // 版心 156 × 225 mm: left 28, right 26, top 37, bottom 35 mm; the page
  // number sits 7 mm below the 版心.
  El(sect, "w:pgMar", {{"w:top", std::to_string(Twips(37))}, {"w:right", std::to_string(Twips(26))},
                       {"w:bottom", std::to_string(Twips(35))}, {"w:left", std::to_string(Twips(28))},
                       {"w:header", std::to_string(Twips(15))}, {"w:footer", std::to_string(Twips(23))},
                       {"w:gutter", "0"}});
  // Word's character grid: pitch minus the 16 pt default, in 1/4096 pt.
  El(sect, "w:docGrid", {{"w:type", "linesAndChars"}, {"w:linePitch", std::to_string(kLinePitch)},
                         {"w:charSpace", std::to_string(static_cast<int>(std::lround((kAdvancePt - 16) * 4096)))}});
  return Serialize(doc);
}

// "— N —" with a PAGE field; odd pages right, even pages left, one character in.
std::string Footer(bool odd) {
  pugi::xml_document doc;
  auto p = El(Root(doc, "w:ftr"), "w:p");
  auto ppr = El(p, "w:pPr");
  El(ppr, "w:pStyle", {{"w:val", "Footer"}});
  El(ppr, "w:ind", {{odd ? "w:rightChars" : "w:leftChars", "100"}, {odd ? "w:right" : "w:left", "280"}});
  El(ppr, "w:jc", {{"w:val", odd ? "right" : "left"}});
  Run(p, "— ");
  El(El(p, "w:r"), "w:fldChar", {{"w:fldCharType", "begin"}});
  auto instr = El(El(p, "w:r"), "w:instrText");
  instr.append_attribute("xml:space") = "preserve";
  instr.text().set(" PAGE ");
  El(El(p, "w:r"), "w:fldChar", {{"w:fldCharType", "separate"}});
  Run(p, "1");
  El(El(p, "w:r"), "w:fldChar", {{"w:fldCharType", "end"}});
  Run(p, " —");
  return Serialize(doc);
}

std::string CoreProperties(const Document& d) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_child("dc:title").text().set(d.title.c_str());
  root.append_child("dc:creator").text().set("fazhi");
  return Serialize(doc);
}

// Zips the parts in memory; libzip reads each part when the archive closes.
Result<std::string> Zip(const std::vector<std::pair<const char*, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return Status("render_failed", zip_error_strerror(&error));
  zip_source_keep(buffer);  // we read the bytes back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  auto fail = [&](const std::string& what) {
    zip_source_free(buffer);
    zip_error_fini(&error);
    return Status("render_failed", what);
  };
  if (archive == nullptr) return fail(zip_error_strerror(&error));
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (src == nullptr || zip_file_add(archive, name, src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src != nullptr) zip_source_free(src);
      const std::string what = zip_strerror(archive);
      zip_discard(archive);
      return fail(what);
    }
  }
  if (zip_close(archive) < 0) {
    const std::string what = zip_strerror(archive);
    zip_discard(archive);
    return fail(what);
  }
  std::string out;
  if (zip_source_open(buffer) < 0) return fail("cannot reopen the archive buffer");
  char chunk[16384];
  for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) out.append(chunk, n);
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace

Result<std::string> WriteDocx(const Document& doc, const FontMap& fonts) {
  if (fonts.body.empty() || fonts.title.empty() || fonts.heading.empty() || fonts.page_number.empty())
    return Status("render_failed", "every font role needs at least one face");
  // The strings must outlive Zip(): libzip reads them at zip_close.
  const std::vector<std::pair<const char*, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", kPackageRels},
      {"docProps/core.xml", CoreProperties(doc)},
      {"word/document.xml", DocumentXml(doc)},
      {"word/styles.xml", Styles(fonts)},
      {"word/settings.xml", kSettings},
      {"word/footer1.xml", Footer(true)},
      {"word/footer2.xml", Footer(false)},
      {"word/_rels/document.xml.rels", kDocumentRels},
  };
  return Zip(parts);
}

}  // namespace fazhi::documents
