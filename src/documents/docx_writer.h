// DOCX output of an issued document: a minimal valid WordprocessingML
// package (libzip + pugixml) laid out like the PDF — A4, margins 37 mm top,
// 28 mm left, 26 mm right, 35 mm bottom (版心 156 × 225 mm), a 22-line grid,
// 3号 text — with East-Asian font names set (w:rFonts w:eastAsia) so Word
// and WPS use the official faces (仿宋_GB2312, 方正小标宋简体, 黑体) when the
// reader has them. Page numbers "— N —" in the footers.
//
// Parts: [Content_Types].xml, _rels/.rels, word/document.xml,
// word/styles.xml, word/settings.xml, word/footer1.xml (odd pages),
// word/footer2.xml (even pages), word/_rels/document.xml.rels.
#pragma once

#include <string>

#include "base/result.h"
#include "documents/fonts.h"
#include "documents/template.h"

namespace fazhi::documents {

// Returns the .docx bytes. Each role's font is the *first* entry of the
// FontMap (the official name, installed or not). Thread-safe.
// Errors: "render_failed" with libzip's message.
Result<std::string> WriteDocx(const Document& doc, const FontMap& fonts = {});

}  // namespace fazhi::documents
