// See docx_export.hpp. WordprocessingML reference: ECMA-376 Part 1 (5th ed.), §17; the
// package: Part 2 (Open Packaging Conventions). The fixed parts are in docx_parts.cpp.
#include "web/docx_export.hpp"

#include <zip.h>

#include <cassert>
#include <ctime>
#include <deque>
#include <numeric>
#include <pugixml.hpp>
#include <sstream>
#include <utility>

#include "domain/utf8.hpp"
#include "web/docx_parts.hpp"
#include "web/docx_table_grid.hpp"

namespace zwgk::web {

static_assert(kDocxTextWidthTwips == docx::kTextWidth, "the public text width is the page's");

namespace {

using namespace docx;

// ---------------------------------------------------------------------------------------
// Text

// Keeps what XML 1.0 allows and a reader expects to see (header, "Text").
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = domain::decode_utf8(s, i);
    i += c.length == 0 ? 1 : c.length;
    const char32_t cp = c.code_point;
    if (cp < 0x20 && cp != '\t' && cp != '\n') continue;
    if (cp >= 0x7F && cp <= 0x9F) continue;
    if (cp == 0xFFFE || cp == 0xFFFF) continue;
    domain::append_utf8(out, cp);
  }
  return out;
}

// One run (w:r, §17.3.2.25) holding the text: w:t pieces, LF as w:br (a line break inside
// the paragraph, §17.3.3.1), TAB as w:tab (§17.3.3.32). No run for an empty text.
void append_text(pugi::xml_node paragraph, std::string_view raw) {
  const std::string text = clean_text(raw);
  if (text.empty()) return;
  pugi::xml_node run = paragraph.append_child("w:r");
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
    if (i > start) {
      pugi::xml_node t = run.append_child("w:t");
      t.append_attribute("xml:space") = "preserve";  // keep leading and trailing spaces (§17.3.3.31)
      t.text().set(text.data() + start, i - start);
    }
    if (i < text.size()) run.append_child(text[i] == '\n' ? "w:br" : "w:tab");
    start = i + 1;
  }
}

void append_value(pugi::xml_node parent, const char* name, const char* value) {
  parent.append_child(name).append_attribute("w:val") = value;
}

void append_value(pugi::xml_node parent, const char* name, int value) {
  parent.append_child(name).append_attribute("w:val") = value;
}

// A paragraph (w:p, §17.3.1.22) of the style, its w:pPr begun. pPr's children follow the
// schema sequence: pStyle, pageBreakBefore, ..., ind, jc; callers add ind and jc after this.
pugi::xml_node append_paragraph(pugi::xml_node parent, const char* style, bool page_break_before = false) {
  pugi::xml_node p = parent.append_child("w:p");
  pugi::xml_node ppr = p.append_child("w:pPr");
  append_value(ppr, "w:pStyle", style);
  if (page_break_before) ppr.append_child("w:pageBreakBefore");
  return p;
}

const char* jc_value(DocxAlign align) {
  switch (align) {
    case DocxAlign::Justify: return "both";
    case DocxAlign::Left: return "left";
    case DocxAlign::Center: return "center";
    case DocxAlign::Right: return "right";
  }
  return "both";
}

void append_width(pugi::xml_node parent, const char* name, int twips) {
  pugi::xml_node w = parent.append_child(name);
  w.append_attribute("w:w") = twips;
  w.append_attribute("w:type") = "dxa";
}

// w:tblPr (§17.4.60) in schema order: style, width, centred, borders, fixed layout. The
// borders are repeated from the table style because not every reader applies table styles.
void append_table_properties(pugi::xml_node tbl, int total_width) {
  pugi::xml_node pr = tbl.append_child("w:tblPr");
  append_value(pr, "w:tblStyle", kTableStyle);
  append_width(pr, "w:tblW", total_width);
  append_value(pr, "w:jc", "center");
  pugi::xml_node borders = pr.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    pugi::xml_node b = borders.append_child(side);
    b.append_attribute("w:val") = "single";
    b.append_attribute("w:sz") = 4;  // eighths of a point: ½pt
    b.append_attribute("w:space") = 0;
    b.append_attribute("w:color") = "auto";
  }
  pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";  // the widths as given, not fitted to the text
  pugi::xml_node look = pr.append_child("w:tblLook");
  look.append_attribute("w:val") = "04A0";
  look.append_attribute("w:firstRow") = 1;
  look.append_attribute("w:lastRow") = 0;
  look.append_attribute("w:firstColumn") = 1;
  look.append_attribute("w:lastColumn") = 0;
  look.append_attribute("w:noHBand") = 0;
  look.append_attribute("w:noVBand") = 1;
}

// w:tc (§17.4.66): w:tcPr in schema order (tcW, gridSpan, vMerge, vAlign), then the one
// paragraph a cell must end with — empty for a continuation cell.
void append_cell(pugi::xml_node tr, const PlacedCell& placed, const std::vector<int>& widths, bool header_row) {
  pugi::xml_node tc = tr.append_child("w:tc");
  pugi::xml_node pr = tc.append_child("w:tcPr");
  const auto first = widths.begin() + placed.first_column;
  append_width(pr, "w:tcW", std::accumulate(first, first + placed.col_span, 0));
  if (placed.col_span > 1) append_value(pr, "w:gridSpan", placed.col_span);
  if (placed.starts_row_span) append_value(pr, "w:vMerge", "restart");
  if (!placed.cell) pr.append_child("w:vMerge");  // no w:val: continue the span above
  append_value(pr, "w:vAlign", "center");

  const DocxCell* cell = placed.cell;
  const bool header = header_row || (cell && cell->header);
  pugi::xml_node p = append_paragraph(tc, header ? kTableHeadingStyle : kTableTextStyle);
  if (!cell) return;
  if (cell->align) append_value(p.child("w:pPr"), "w:jc", jc_value(*cell->align));
  append_text(p, cell->text);
}

// w:trPr (§17.4.82): a row is never split across pages (cantSplit) and the header rows
// repeat on each page (tblHeader, which Word honours for rows contiguous from the first).
void append_row(pugi::xml_node tbl, const std::vector<PlacedCell>& row, const std::vector<int>& widths,
                bool header_row) {
  pugi::xml_node tr = tbl.append_child("w:tr");
  pugi::xml_node pr = tr.append_child("w:trPr");
  pr.append_child("w:cantSplit");
  if (header_row) pr.append_child("w:tblHeader");
  for (const PlacedCell& placed : row) append_cell(tr, placed, widths, header_row);
}

void append_table(pugi::xml_node body, const DocxTable& table, int number) {
  CellGrid grid(table, number);
  const std::vector<int> widths = column_widths(table, grid.columns(), number);
  if (table.header_rows < 0 || static_cast<std::size_t>(table.header_rows) > table.rows.size())
    refuse_table(number, "的表头行数（" + std::to_string(table.header_rows) + "）不在0到表格行数（" +
                             std::to_string(table.rows.size()) + "）之间");

  pugi::xml_node tbl = body.append_child("w:tbl");
  append_table_properties(tbl, std::accumulate(widths.begin(), widths.end(), 0));
  pugi::xml_node columns = tbl.append_child("w:tblGrid");  // §17.4.48
  for (int w : widths) columns.append_child("w:gridCol").append_attribute("w:w") = w;
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    append_row(tbl, grid.place_row(r), widths, r < static_cast<std::size_t>(table.header_rows));
}

// ---------------------------------------------------------------------------------------
// The body (§17.2.2)

// Writes the blocks in order. A page break becomes w:pageBreakBefore on the next paragraph
// (no empty line at the top of the new page), or a paragraph holding w:br type="page"
// (§17.3.3.1) when a table or the end follows.
class BodyWriter {
 public:
  explicit BodyWriter(pugi::xml_node body) : body_(body) {}

  void operator()(const DocxTitle& title) { text_paragraph(kTitleStyle, title.text); }

  void operator()(const DocxHeading& heading) {
    if (heading.level != 1 && heading.level != 2)
      throw DocxExportError("标题级别只能是1或2（收到" + std::to_string(heading.level) + "）");
    text_paragraph(heading.level == 1 ? kHeading1Style : kHeading2Style, heading.text);
  }

  void operator()(const DocxParagraph& paragraph) {
    pugi::xml_node p = append_paragraph(body_, kBodyStyle, take_page_break());
    if (paragraph.align != DocxAlign::Justify) {
      pugi::xml_node ind = p.child("w:pPr").append_child("w:ind");
      ind.append_attribute("w:firstLineChars") = 0;
      ind.append_attribute("w:firstLine") = 0;
      append_value(p.child("w:pPr"), "w:jc", jc_value(paragraph.align));
    }
    append_text(p, paragraph.text);
  }

  void operator()(const DocxTable& table) {
    flush_page_break();
    // Two w:tbl in a row are one table to Word: a paragraph keeps them apart.
    if (last_is_table()) append_paragraph(body_, kBodyStyle);
    append_table(body_, table, ++tables_);
  }

  void operator()(const DocxPageBreak&) {
    flush_page_break();
    page_break_ = true;
  }

  // The body ends with a paragraph (a document whose last block is a table, or that has no
  // block, still has one to put the cursor in), then the section properties (§17.6.17).
  void finish() {
    flush_page_break();
    if (last_is_table() || !body_.first_child()) append_paragraph(body_, kBodyStyle);
    append_section_properties();
  }

 private:
  void text_paragraph(const char* style, const std::string& text) {
    append_text(append_paragraph(body_, style, take_page_break()), text);
  }

  bool take_page_break() { return std::exchange(page_break_, false); }

  void flush_page_break() {
    if (!take_page_break()) return;
    pugi::xml_node p = append_paragraph(body_, kBodyStyle);
    p.append_child("w:r").append_child("w:br").append_attribute("w:type") = "page";
  }

  bool last_is_table() const { return std::string_view(body_.last_child().name()) == "w:tbl"; }

  // sectPr children in schema order: footerReference, pgSz, pgMar.
  void append_section_properties() {
    pugi::xml_node sect = body_.append_child("w:sectPr");
    pugi::xml_node footer = sect.append_child("w:footerReference");
    footer.append_attribute("w:type") = "default";
    footer.append_attribute("r:id") = kFooterRelationship;
    pugi::xml_node size = sect.append_child("w:pgSz");
    size.append_attribute("w:w") = kPageWidth;
    size.append_attribute("w:h") = kPageHeight;
    pugi::xml_node margins = sect.append_child("w:pgMar");
    margins.append_attribute("w:top") = kMarginTop;
    margins.append_attribute("w:right") = kMarginRight;
    margins.append_attribute("w:bottom") = kMarginBottom;
    margins.append_attribute("w:left") = kMarginLeft;
    margins.append_attribute("w:header") = kHeaderDistance;
    margins.append_attribute("w:footer") = kFooterDistance;
    margins.append_attribute("w:gutter") = 0;
  }

  pugi::xml_node body_;
  bool page_break_ = false;
  int tables_ = 0;
};

// ---------------------------------------------------------------------------------------
// Parts with the caller's text

pugi::xml_document xml_part() {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc;
}

std::string serialise(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(out).str();
}

std::string document_xml(const DocxDocument& doc) {
  pugi::xml_document xml = xml_part();
  pugi::xml_node root = xml.append_child("w:document");
  root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  root.append_attribute("xmlns:r") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  BodyWriter writer(root.append_child("w:body"));
  for (const DocxBlock& block : doc.blocks) std::visit(writer, block);
  writer.finish();
  return serialise(xml);
}

// Core properties (Part 2 §11): title and creator only — no dcterms:created, so the bytes
// do not depend on the day they were made.
std::string core_properties_xml(const DocxDocument& doc) {
  pugi::xml_document xml = xml_part();
  pugi::xml_node root = xml.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_child("dc:title").text() = clean_text(doc.title).c_str();
  root.append_child("dc:creator").text() = clean_text(doc.author).c_str();
  root.append_child("dc:language").text() = "zh-CN";
  return serialise(xml);
}

// ---------------------------------------------------------------------------------------
// The package

// A zip archive built in memory (libzip's buffer source: no temporary file).
class ZipWriter {
 public:
  ZipWriter() {
    zip_error_t error;
    zip_error_init(&error);
    buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer_) archive_ = zip_open_from_source(buffer_, ZIP_TRUNCATE, &error);
    if (!archive_) {
      const std::string reason = zip_error_strerror(&error);
      zip_error_fini(&error);
      if (buffer_) zip_source_free(buffer_);
      throw DocxExportError("生成Word文件失败（无法创建压缩包：" + reason + "）");
    }
    zip_error_fini(&error);
    zip_source_keep(buffer_);  // zip_close must leave the buffer for finish() to read
  }
  ~ZipWriter() {
    if (archive_) zip_discard(archive_);
    zip_source_free(buffer_);
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Adds a deflated member; its bytes are kept until finish() writes the archive.
  void add(const char* name, std::string bytes) {
    const std::string& kept = contents_.emplace_back(std::move(bytes));
    zip_source_t* source = zip_source_buffer(archive_, kept.data(), kept.size(), 0);
    if (!source) fail("添加");
    const zip_int64_t index = zip_file_add(archive_, name, source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      fail("添加");
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive_, i, ZIP_CM_DEFLATE, 0) != 0) fail("压缩");
    // A fixed time (2000-01-01): the same document gives the same bytes.
    if (zip_file_set_mtime(archive_, i, kFixedTime, 0) != 0) fail("设置时间");
  }

  // The archive's bytes.
  std::string finish() {
    if (zip_close(archive_) != 0) fail("写入");
    archive_ = nullptr;
    if (zip_source_open(buffer_) != 0) fail_source();
    std::string out;
    char chunk[64 * 1024];
    zip_int64_t n;
    while ((n = zip_source_read(buffer_, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(buffer_);
    if (n < 0) fail_source();
    return out;
  }

 private:
  static constexpr std::time_t kFixedTime = 946684800;

  [[noreturn]] void fail(const char* what) {
    throw DocxExportError(std::string("生成Word文件失败（") + what + "：" + zip_strerror(archive_) + "）");
  }
  [[noreturn]] void fail_source() {
    throw DocxExportError(std::string("生成Word文件失败（读取：") +
                          zip_error_strerror(zip_source_error(buffer_)) + "）");
  }

  zip_source_t* buffer_ = nullptr;
  zip_t* archive_ = nullptr;
  std::deque<std::string> contents_;  // a deque never moves its elements
};

}  // namespace

std::string to_docx(const DocxDocument& doc) {
  std::string document = document_xml(doc);  // first: a bad table throws before any zip work
  ZipWriter zip;
  // [Content_Types].xml first and _rels/.rels next: sniffers (libmagic) look there.
  zip.add(kContentTypesPart, std::string(kContentTypes));
  zip.add(kPackageRelationshipsPart, std::string(kPackageRelationships));
  zip.add(kDocumentPart, std::move(document));
  zip.add(kDocumentRelationshipsPart, std::string(kDocumentRelationships));
  zip.add(kStylesPart, std::string(kStyles));
  zip.add(kSettingsPart, std::string(kSettings));
  zip.add(kFontTablePart, std::string(kFontTable));
  zip.add(kFooterPart, std::string(kFooter));
  zip.add(kCorePropertiesPart, core_properties_xml(doc));
  zip.add(kAppPropertiesPart, std::string(kAppProperties));
  return zip.finish();
}

}  // namespace zwgk::web
