// PdfWriter::Write places every line of the document on the GB/T 9704 grid itself
// (rather than letting Pango space lines), so a page holds exactly 22 lines
// and page breaks fall between lines wherever a paragraph runs over.
#include "documents/pdf_writer.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace fazhi::documents {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kPtPerMm, kPageH = 297 * kPtPerMm;
constexpr double kLeft = 28 * kPtPerMm, kTop = 37 * kPtPerMm;
constexpr double kTextW = 156 * kPtPerMm, kTextH = 225 * kPtPerMm;
constexpr int kLinesPerPage = 22, kCharsPerLine = 28;
constexpr double kPitch = kTextH / kLinesPerPage;    // 28.99 pt between lines
constexpr double kAdvance = kTextW / kCharsPerLine;  // 15.79 pt per character
constexpr double kBodySize = 16;                     // 3号
constexpr double kTitleSize = 22;                    // 2号
constexpr double kPageNumberSize = 14;               // 4号
constexpr double kPageNumberGap = 7 * kPtPerMm;      // 版心 bottom → page number

template <typename T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
void UnrefObject(void* p) { g_object_unref(p); }
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
using FontDesc =
    std::unique_ptr<PangoFontDescription, Deleter<PangoFontDescription, pango_font_description_free>>;
using Context = std::unique_ptr<PangoContext, Deleter<void, UnrefObject>>;
using Layout = std::unique_ptr<PangoLayout, Deleter<void, UnrefObject>>;
using Attrs = std::unique_ptr<PangoAttrList, Deleter<PangoAttrList, pango_attr_list_unref>>;
using Iter = std::unique_ptr<PangoLayoutIter, Deleter<PangoLayoutIter, pango_layout_iter_free>>;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One text style: a face at a size, with the letter spacing that puts the
// characters of 3号 text on the 28-per-line grid.
struct Style {
  std::string font;
  double size = kBodySize;
  double spacing = 0;  // letter spacing, pt
};

// Lays text out into grid lines, then paginates and draws them. Planning
// first lets the closing lines (署名, 成文日期) pull the last body lines
// onto their page instead of standing alone on one.
class Composer {
 public:
  Composer(cairo_t* cr, PangoContext* ctx, std::string page_number_font)
      : cr_(cr), ctx_(ctx), page_number_font_(std::move(page_number_font)) {}

  Layout Make(const Style& s, const std::string& text, double width) const {
    Layout layout(pango_layout_new(ctx_));
    PangoLayout* l = layout.get();
    FontDesc desc(pango_font_description_from_string(s.font.c_str()));
    pango_font_description_set_size(desc.get(), static_cast<int>(s.size * PANGO_SCALE));
    pango_layout_set_font_description(l, desc.get());
    Attrs attrs(pango_attr_list_new());
    if (s.spacing != 0)
      pango_attr_list_insert(attrs.get(),
                             pango_attr_letter_spacing_new(static_cast<int>(s.spacing * PANGO_SCALE)));
    // A Latin word broken at the line end gets no hyphen: official text
    // (文号, names, codes) must read back exactly.
    pango_attr_list_insert(attrs.get(), pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l, attrs.get());
    if (width > 0) {
      pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(l, text.c_str(), -1);
    return layout;
  }

  // Every line of `layout` on successive grid lines; x is the layout's left
  // edge. keep_with_next: its last line never ends a page (headings).
  void Flow(Layout layout, double size, double x, bool keep_with_next = false) {
    auto shared = std::make_shared<Layout>(std::move(layout));
    Iter it(pango_layout_get_iter(shared->get()));
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it.get(), nullptr, &logical);
      lines_.push_back({shared, pango_layout_iter_get_line_readonly(it.get()), x + Pt(logical.x), size});
    } while (pango_layout_iter_next_line(it.get()));
    lines_.back().keep_with_next = keep_with_next;
  }

  // A single-line layout at x, part of the closing group.
  void PutClosing(Layout layout, double size, double x) {
    auto shared = std::make_shared<Layout>(std::move(layout));
    lines_.push_back({shared, pango_layout_get_line_readonly(shared->get(), 0), x, size});
    lines_.back().closing = true;
  }

  // An empty grid line (dropped at the top of a page).
  void Skip(bool closing = false) {
    lines_.push_back({});
    lines_.back().closing = closing;
  }

  static double Width(const Layout& layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return Pt(logical.width);
  }

  // Paginates and draws everything; returns the number of pages.
  int Draw() {
    const std::vector<Slot> slots = Paginate();
    int page = 0;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (slots[i].page < 0) continue;  // a dropped empty line
      while (page < slots[i].page) EndPage(page++);
      if (lines_[i].line == nullptr) continue;
      const double baseline = kTop + slots[i].line * kPitch + kPitch / 2 + 0.38 * lines_[i].size;
      cairo_move_to(cr_, lines_[i].x, baseline);
      pango_cairo_show_layout_line(cr_, lines_[i].line);
    }
    DrawPageNumber(page);
    return page + 1;
  }

 private:
  struct Line {
    std::shared_ptr<Layout> layout;  // keeps `line` alive
    PangoLayoutLine* line = nullptr;  // null: an empty grid line
    double x = 0, size = 0;
    bool keep_with_next = false;
    bool closing = false;
  };
  struct Slot {
    int page = -1, line = 0;
  };

  static double Pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

  std::vector<Slot> Paginate() const {
    std::vector<Slot> slots(lines_.size());
    int page = 0, line = 0;
    auto place = [&](size_t i) {
      if (line >= kLinesPerPage || (lines_[i].keep_with_next && line == kLinesPerPage - 1)) {
        ++page;
        line = 0;
      }
      if (lines_[i].line == nullptr && line == 0) return;  // no empty line atop a page
      slots[i] = {page, line++};
    };
    size_t closing = 0;
    while (closing < lines_.size() && !lines_[closing].closing) place(closing++);
    const int group = static_cast<int>(lines_.size() - closing);
    if (group > 0 && line + group > kLinesPerPage) {
      // GB/T 9704 7.3.5: no page with only the signature and date. The last
      // (up to) two body lines move over with them.
      size_t first = closing;
      int carried = 0;
      while (first > 0 && carried < 2 && slots[first - 1].page == page) {
        --first;
        carried += lines_[first].line != nullptr;
      }
      ++page;
      line = 0;
      for (size_t i = first; i < closing; ++i) slots[i] = {-1, 0}, place(i);
    }
    for (size_t i = closing; i < lines_.size(); ++i) place(i);
    return slots;
  }

  void EndPage(int page) {
    DrawPageNumber(page);
    cairo_show_page(cr_);
  }

  // GB/T 9704 7.5: "— N —" in 4号, odd pages right and even pages left, one
  // character in from the 版心 edge, 7 mm below it.
  void DrawPageNumber(int page) {
    const Style s{page_number_font_, kPageNumberSize, 0};
    Layout number = Make(s, "— " + std::to_string(page + 1) + " —", -1);
    const double w = Width(number);
    const bool odd = page % 2 == 0;
    const double x = odd ? kLeft + kTextW - kPageNumberSize - w : kLeft + kPageNumberSize;
    cairo_move_to(cr_, x, kTop + kTextH + kPageNumberGap + 0.88 * kPageNumberSize);
    pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(number.get(), 0));
  }

  cairo_t* cr_;
  PangoContext* ctx_;
  std::string page_number_font_;
  std::vector<Line> lines_;
};

bool IsHeader(BlockType t) {
  return t == BlockType::kIssuer || t == BlockType::kTitle || t == BlockType::kNumber;
}

// GB/T 9704 7.3.5.2: the signature right-aligned two characters in; the date
// below it, starting two characters right of the signature's start; when the
// date is longer, the date keeps its place and the signature moves left.
void SignatureAndDate(Composer& c, const Style& body, const std::string& signature,
                      const std::string& date) {
  Layout sig = c.Make(body, signature, -1), day = c.Make(body, date, -1);
  const double right = kLeft + kTextW - 2 * kAdvance;
  double sig_x = right - (signature.empty() ? 0 : Composer::Width(sig));
  double date_x = sig_x + 2 * kAdvance;
  if (!date.empty() && date_x + Composer::Width(day) > right) {
    date_x = right - Composer::Width(day);
    sig_x = std::min(sig_x, date_x - 2 * kAdvance);
  }
  if (signature.empty()) date_x = right - Composer::Width(day);
  if (!signature.empty()) c.PutClosing(std::move(sig), body.size, sig_x);
  if (!date.empty()) c.PutClosing(std::move(day), body.size, date_x);
}

// The first of `choices` whose family `map` has, else the last one.
std::string Resolve(PangoFontMap* map, const std::vector<std::string>& choices) {
  if (choices.empty()) return "Serif";
  PangoFontFamily** families = nullptr;
  int n = 0;
  pango_font_map_list_families(map, &families, &n);
  std::set<std::string> installed;
  for (int i = 0; i < n; ++i) installed.insert(Lower(pango_font_family_get_name(families[i])));
  g_free(families);
  for (const auto& choice : choices) {
    FontDesc desc(pango_font_description_from_string(choice.c_str()));
    const char* family = pango_font_description_get_family(desc.get());
    if (family != nullptr && installed.count(Lower(family))) return choice;
  }
  return choices.back();
}

}  // namespace

struct PdfWriter::State {
  PangoFontMap* map = nullptr;  // owned; used on `thread` only once it runs
  std::string title_font, body_font, heading_font, page_number_font;

  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::function<void()>> jobs;  // GUARDED_BY(mu)
  bool stop = false;                       // GUARDED_BY(mu)
  std::thread thread;

  // Renders on the rendering thread.
  Result<std::string> Draw(const Document& doc, PdfStats* stats) const;

  void Loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [this] { return stop || !jobs.empty(); });
        if (jobs.empty()) return;  // stopping, and nothing left to do
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      job();
    }
  }

  // Runs f on the rendering thread and returns its result.
  template <typename F>
  auto Run(F f) -> decltype(f()) {
    // The job shares the task: it may still be returning from task() when
    // the caller, woken by the result, has already left.
    auto task = std::make_shared<std::packaged_task<decltype(f())()>>(std::move(f));
    auto result = task->get_future();
    {
      std::lock_guard<std::mutex> lock(mu);
      jobs.emplace_back([task] { (*task)(); });
    }
    cv.notify_one();
    return result.get();
  }
};

PdfWriter::PdfWriter(FontMap fonts) : state_(std::make_unique<State>()) {
  state_->map = pango_cairo_font_map_new();
  // Pango assumes 96 dpi; at 72 a 16 pt font is 16 units of PDF space.
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(state_->map), 72);
  state_->title_font = Resolve(state_->map, fonts.title);
  state_->body_font = Resolve(state_->map, fonts.body);
  state_->heading_font = Resolve(state_->map, fonts.heading);
  state_->page_number_font = Resolve(state_->map, fonts.page_number);
  state_->thread = std::thread([s = state_.get()] { s->Loop(); });
}

PdfWriter::~PdfWriter() {
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->stop = true;
  }
  state_->cv.notify_one();
  state_->thread.join();
  g_object_unref(state_->map);
}

std::string PdfWriter::ResolveFont(const std::vector<std::string>& choices) const {
  return state_->Run([&] { return Resolve(state_->map, choices); });
}

Result<std::string> PdfWriter::Write(const Document& doc, PdfStats* stats) const {
  return state_->Run([&] { return state_->Draw(doc, stats); });
}

Result<std::string> PdfWriter::State::Draw(const Document& doc, PdfStats* stats) const {
  std::string out;
  Surface surface(cairo_pdf_surface_create_for_stream(AppendToString, &out, kPageW, kPageH));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return Status("render_failed", cairo_status_to_string(cairo_surface_status(surface.get())));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "fazhi");
  Cairo cr(cairo_create(surface.get()));
  Context ctx(pango_font_map_create_context(map));
  PangoContext* pc = ctx.get();
  pango_cairo_update_context(cr.get(), pc);
  pango_cairo_context_set_resolution(pc, 72);
  pango_context_set_language(pc, pango_language_from_string("zh-cn"));
  pango_context_set_round_glyph_positions(pc, FALSE);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pc, options);
  cairo_font_options_destroy(options);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);

  // A CJK face advances 1 em per character: shrinking each advance to
  // 156 mm / 28 gives the 28-character line of the standard.
  const Style body{body_font, kBodySize, kAdvance - kBodySize};
  const Style title{title_font, kTitleSize, 0};
  const Style heading{heading_font, kBodySize, kAdvance - kBodySize};
  Composer c(cr.get(), pc, page_number_font);
  // A little slack so rounding never pushes the 28th character to the next line.
  const double width = kTextW + 1;

  bool any = false, after_header = false;
  std::string signature, date;
  for (const auto& b : doc.blocks) {
    if (b.type == BlockType::kSignature) {
      signature = b.text;
      continue;
    }
    if (b.type == BlockType::kDate) {
      date = b.text;
      continue;
    }
    // 标题下空一行: one empty line between the header group and the text.
    if (after_header && !IsHeader(b.type)) c.Skip();
    after_header = IsHeader(b.type);
    any = true;
    switch (b.type) {
      case BlockType::kIssuer:
      case BlockType::kTitle: {
        Layout l = c.Make(title, b.text, width);
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
        c.Flow(std::move(l), title.size, kLeft);
        break;
      }
      case BlockType::kNumber: {
        Layout l = c.Make(body, b.text, width);
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
        c.Flow(std::move(l), body.size, kLeft);
        break;
      }
      case BlockType::kAddressee:
        c.Flow(c.Make(body, b.text, width), body.size, kLeft);
        break;
      case BlockType::kHeading:
      case BlockType::kParagraph: {
        const Style& s = b.type == BlockType::kHeading ? heading : body;
        Layout l = c.Make(s, b.text, width);
        pango_layout_set_indent(l.get(), static_cast<int>(2 * kAdvance * PANGO_SCALE));  // 首行缩进二字
        pango_layout_set_justify(l.get(), TRUE);
        c.Flow(std::move(l), s.size, kLeft, /*keep_with_next=*/b.type == BlockType::kHeading);
        break;
      }
      case BlockType::kSignature:
      case BlockType::kDate:
        break;
    }
  }
  if (!signature.empty() || !date.empty()) {
    if (any) c.Skip(/*closing=*/true);  // 正文下空一行
    SignatureAndDate(c, body, signature, date);
  }
  const int pages = c.Draw();
  ctx.reset();
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return Status("render_failed", cairo_status_to_string(cairo_surface_status(surface.get())));
  surface.reset();
  if (stats) *stats = {pages, title.font, body.font};
  return out;
}

}  // namespace fazhi::documents
