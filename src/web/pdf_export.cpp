// See pdf_export.hpp. Pango lays the text out (line breaking by UAX #14, so CJK text wraps
// between any two characters), Cairo's PDF surface writes the pages and embeds the glyphs
// used as font subsets. Units: points (1/72 inch); the .docx geometry is in twips (1/20 pt).
#include "web/pdf_export.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <variant>

#include "domain/utf8.hpp"
#include "web/docx_table_grid.hpp"

namespace zwgk::web {

namespace {

using namespace docx;

constexpr double pt(int twips) { return twips / 20.0; }
constexpr double kPageW = pt(kPageWidth), kPageH = pt(kPageHeight);
constexpr double kLeft = pt(kMarginLeft), kTop = pt(kMarginTop), kBottom = kPageH - pt(kMarginBottom);
constexpr double kWidth = pt(kTextWidth);
constexpr double kPadding = 4;        // inside a table cell
constexpr double kMinRowHeight = 24;  // a row with one line of 10.5pt text and its padding
constexpr double kBlockGap = 8;       // after a paragraph or a table

// Valid UTF-8 without the controls a reader does not expect (as docx_export's clean_text);
// TAB becomes a space.
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = domain::decode_utf8(s, i);
    i += c.length == 0 ? 1 : c.length;
    char32_t cp = c.code_point;
    if (cp == '\t') cp = ' ';
    if (cp < 0x20 && cp != '\n') continue;
    if ((cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) continue;
    domain::append_utf8(out, cp);
  }
  return out;
}

struct Font {
  const char* family;
  double size;
  bool bold;
};
constexpr Font kTitleFont{"Noto Serif CJK SC", 22, true};
constexpr Font kHeading1Font{"Noto Sans CJK SC", 16, false};
constexpr Font kHeading2Font{"Noto Serif CJK SC", 16, true};
constexpr Font kBodyFont{"Noto Serif CJK SC", 14, false};
constexpr Font kTableFont{"Noto Serif CJK SC", 10.5, false};
constexpr Font kPageNumberFont{"Noto Serif CJK SC", 14, false};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

class Writer {
 public:
  Writer() {
    surface_ = cairo_pdf_surface_create_for_stream(&Writer::append, &bytes_, kPageW, kPageH);
    cr_ = cairo_create(surface_);
  }
  ~Writer() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void metadata(const std::string& title, const std::string& author) {
    if (!title.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, clean_text(title).c_str());
    if (!author.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, clean_text(author).c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "zwgk");
  }

  void block(const DocxTitle& t) {
    auto l = layout(t.text, kTitleFont, kWidth, PANGO_ALIGN_CENTER);
    flow(l.get(), kLeft, 12);
  }
  void block(const DocxHeading& h) {
    if (h.level != 1 && h.level != 2)
      throw DocxExportError("标题级别只能是1或2（收到" + std::to_string(h.level) + "）");
    auto l = layout(h.text, h.level == 1 ? kHeading1Font : kHeading2Font, kWidth, PANGO_ALIGN_LEFT);
    flow(l.get(), kLeft, 4);
  }
  void block(const DocxParagraph& p) {
    const PangoAlignment a = p.align == DocxAlign::Center  ? PANGO_ALIGN_CENTER
                             : p.align == DocxAlign::Right ? PANGO_ALIGN_RIGHT
                                                           : PANGO_ALIGN_LEFT;
    auto l = layout(p.text, kBodyFont, kWidth, a);
    if (p.align == DocxAlign::Justify) {
      pango_layout_set_justify(l.get(), TRUE);
      pango_layout_set_indent(l.get(), static_cast<int>(2 * kBodyFont.size * PANGO_SCALE));  // two characters
    }
    flow(l.get(), kLeft, kBlockGap);
  }
  void block(const DocxPageBreak&) { new_page(); }
  void block(const DocxTable& t) { table(t); }

  std::string finish() {
    page_number();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
      throw DocxExportError(std::string("生成PDF文件失败（") + cairo_status_to_string(cairo_surface_status(surface_)) + "）");
    return std::move(bytes_);
  }

  int tables = 0;

 private:
  static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  Layout layout(const std::string& text, const Font& f, double width, PangoAlignment align) {
    Layout l(pango_cairo_create_layout(cr_));
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family(d, f.family);
    pango_font_description_set_absolute_size(d, f.size * PANGO_SCALE);
    pango_font_description_set_weight(d, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l.get(), d);
    pango_font_description_free(d);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), align);
    const std::string clean = clean_text(text);
    pango_layout_set_text(l.get(), clean.c_str(), static_cast<int>(clean.size()));
    return l;
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void draw(PangoLayout* l, double x, double y) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  // A text block: on this page if it fits, else on the next (a block taller than a page is
  // drawn from the top of a page and runs off; no block here is that long).
  void flow(PangoLayout* l, double x, double gap_after) {
    const double h = height(l);
    if (y_ + h > kBottom && y_ > kTop) new_page();
    draw(l, x, y_);
    y_ += h + gap_after;
  }

  void new_page() {
    page_number();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }

  // "— 1 —" centred below the text (GB/T 9704 §7.5).
  void page_number() {
    auto l = layout("— " + std::to_string(page_) + " —", kPageNumberFont, kWidth, PANGO_ALIGN_CENTER);
    draw(l.get(), kLeft, kBottom + 14);
  }

  struct Cell {
    const DocxCell* cell;
    int row, col, col_span;
    double x, width;
    Layout text;
  };

  void table(const DocxTable& t) {
    const int number = ++tables;
    CellGrid grid(t, number);
    const int columns = grid.columns();
    const std::vector<int> widths_twips = column_widths(t, columns, number);
    if (t.header_rows < 0 || t.header_rows > static_cast<int>(t.rows.size()))
      refuse_table(number, "的表头行数（" + std::to_string(t.header_rows) + "）不在0到表格行数（" +
                               std::to_string(t.rows.size()) + "）之间");
    std::vector<double> x(columns + 1, 0);
    const double total = pt(std::accumulate(widths_twips.begin(), widths_twips.end(), 0));
    x[0] = kLeft + std::max(0.0, (kWidth - total) / 2);  // centred on the page
    for (int c = 0; c < columns; ++c) x[c + 1] = x[c] + pt(widths_twips[c]);

    // Lay every listed cell out; a row is as tall as its single-row cells need.
    const int rows = static_cast<int>(t.rows.size());
    std::vector<Cell> cells;
    std::vector<double> row_h(rows, kMinRowHeight);
    std::vector<int> group_end(rows);  // the last row a span starting at or above r reaches
    for (int r = 0; r < rows; ++r) {
      group_end[r] = r;
      for (const PlacedCell& p : grid.place_row(static_cast<std::size_t>(r))) {
        if (!p.cell) continue;
        const bool header = p.cell->header || r < t.header_rows;
        const PangoAlignment a = p.cell->align ? (*p.cell->align == DocxAlign::Center  ? PANGO_ALIGN_CENTER
                                                  : *p.cell->align == DocxAlign::Right ? PANGO_ALIGN_RIGHT
                                                                                       : PANGO_ALIGN_LEFT)
                                 : header ? PANGO_ALIGN_CENTER
                                          : PANGO_ALIGN_LEFT;
        const double w = x[p.first_column + p.col_span] - x[p.first_column];
        Font f = kTableFont;
        f.bold = header;
        Cell cell{p.cell, r, p.first_column, p.col_span, x[p.first_column], w,
                  layout(p.cell->text, f, std::max(1.0, w - 2 * kPadding), a)};
        if (p.cell->row_span == 1) row_h[r] = std::max(row_h[r], height(cell.text.get()) + 2 * kPadding);
        group_end[r] = std::max(group_end[r], r + p.cell->row_span - 1);
        cells.push_back(std::move(cell));
      }
      if (r > 0 && group_end[r - 1] >= r) group_end[r] = std::max(group_end[r], group_end[r - 1]);
    }
    // A row-spanning cell that needs more than its rows grows the last of them.
    for (const Cell& c : cells) {
      const int last = c.row + c.cell->row_span - 1;
      if (last == c.row) continue;
      double have = 0;
      for (int r = c.row; r <= last; ++r) have += row_h[r];
      const double need = height(c.text.get()) + 2 * kPadding;
      if (need > have) row_h[last] += need - have;
    }

    // Draw group by group (rows joined by a row span stay on one page); header rows repeat.
    const auto draw_rows = [&](int from, int to, double top) {
      std::vector<double> y(rows + 1, 0);
      y[from] = top;
      for (int r = from; r <= to; ++r) y[r + 1] = y[r] + row_h[r];
      cairo_set_line_width(cr_, 0.5);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      for (const Cell& c : cells) {
        if (c.row < from || c.row > to) continue;
        const double h = y[c.row + c.cell->row_span] - y[c.row];
        cairo_rectangle(cr_, c.x, y[c.row], c.width, h);
        cairo_stroke(cr_);
        const double th = height(c.text.get());
        draw(c.text.get(), c.x + kPadding, y[c.row] + std::max(kPadding, (h - th) / 2));  // centred vertically
      }
      return y[to + 1];
    };
    const int header_rows = t.header_rows;
    double header_h = 0;
    for (int r = 0; r < header_rows; ++r) header_h += row_h[r];
    int r = 0;
    while (r < rows) {
      const int end = std::max(group_end[r], r < header_rows ? header_rows - 1 : r);
      double h = 0;
      for (int k = r; k <= end; ++k) h += row_h[k];
      if (y_ + h > kBottom && y_ > kTop) {
        new_page();
        if (r >= header_rows && header_rows > 0) y_ = draw_rows(0, header_rows - 1, y_);
      }
      y_ = draw_rows(r, end, y_);
      r = end + 1;
    }
    y_ += kBlockGap;
  }

  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int page_ = 1;
  double y_ = kTop;
};

}  // namespace

std::string to_pdf(const DocxDocument& doc) {
  Writer w;
  w.metadata(doc.title, doc.author);
  for (const DocxBlock& b : doc.blocks) std::visit([&](const auto& block) { w.block(block); }, b);
  return w.finish();
}

}  // namespace zwgk::web
