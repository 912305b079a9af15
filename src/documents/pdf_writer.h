// PDF output of an issued document with Pango + Cairo, laid out after
// GB/T 9704-2012 (党政机关公文格式): A4 paper, 版心 156 × 225 mm (top margin
// 37 mm, left 28 mm), 22 lines × 28 characters of 3号 (16 pt) 仿宋-like text,
// titles in a 2号 小标宋-like face, headings 黑体-like, page numbers "— N —"
// in 4号 below the 版心 (odd pages right, even pages left, one character in).
// Lines sit on the fixed 22-line grid, so long bodies break across pages.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "documents/fonts.h"
#include "documents/template.h"

namespace fazhi::documents {

struct PdfStats {
  int pages = 0;
  std::string title_font, body_font;  // the font descriptions used
};

// One writer per process. It owns a Pango font map and one rendering
// thread: the font map (not thread-safe) loads the CJK faces once, and the
// tens of MB Cairo allocates while subsetting them for each PDF stay in that
// thread's malloc arena instead of every server worker keeping its own.
class PdfWriter {
 public:
  // Chooses each role's face once: the first entry of the FontMap installed
  // on this machine, else the role's last entry (left to fontconfig).
  explicit PdfWriter(FontMap fonts = {});
  // Finishes the queued renders, then stops the thread.
  ~PdfWriter();
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Renders `doc` and returns the PDF bytes; fills *stats when given.
  // Thread-safe: callers block while their render runs on the writer's
  // thread, in arrival order; a one- or two-page document takes some tens
  // of milliseconds. Errors: "render_failed" with Cairo's message.
  Result<std::string> Write(const Document& doc, PdfStats* stats = nullptr) const;

  // The entry of `choices` this writer would use. Thread-safe.
  std::string ResolveFont(const std::vector<std::string>& choices) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace fazhi::documents
