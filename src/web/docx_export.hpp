#pragma once
// A Word document (.docx) written from a list of blocks — a title, headings, paragraphs,
// tables, page breaks — for reports that offices download and open in WPS or Word
// (ADR 0030). A page handler builds the DocxDocument, calls to_docx and sends the bytes with
// kDocxContentType and content_disposition("attachment", name) (web/attachment_download.hpp).
//
// The package (ECMA-376 Part 2, Open Packaging Conventions) is written with libzip in memory,
// every part deflated, [Content_Types].xml first (what libmagic and other sniffers look
// for), and the same document always gives the same bytes (fixed zip timestamps, no dates
// in docProps/core.xml). The text is WordprocessingML (ECMA-376 Part 1, §17) built with
// pugixml, so every text is escaped.
//
// Typesetting, as Chinese offices expect (GB/T 9704-2012 党政机关公文格式 where it says):
//  1. A4 portrait (11906 × 16838 twips); margins top 2098, bottom 1984, left 1588, right 1474
//     twips (37/35/28/26 mm, GB/T 9704 §5.2.2); the page number "— 1 —" centred below the text
//     in 宋体 14pt (§7.5, without its odd/even left/right alternation).
//  2. Title: centred, 方正小标宋简体 22pt (二号, §7.3.2). Heading level 1: 黑体 16pt; level 2:
//     楷体_GB2312 16pt (§7.3.3: "第一层用黑体字、第二层用楷体字"). Body: 仿宋_GB2312 16pt (三号),
//     justified, first line indented two characters, lines exactly 28pt apart. Latin letters
//     and digits: Times New Roman. Each Chinese font names its fallback in the font table
//     (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体) for machines without it.
//  3. Tables: 宋体 10.5pt (五号), single ½pt borders, centred on the page, cells centred
//     vertically; a header cell is bold and centred; the first header_rows rows are header
//     cells and repeat at the top of each page; no row is split across pages.
// Tables (invariants to_docx checks, else DocxExportError):
//  4. The first row, spans counted, gives the number of columns (at most 63, Word's limit);
//     every row, counting the cells covered by a row span from above, has exactly as many.
//  5. A cell covered by a span from above or from the left is not listed: rows list only the
//     cells that begin there. A row span stays inside the table and never overlaps a cell.
//  6. column_widths_twips is empty (the text width is shared equally) or has one width per
//     column, 1..31680 twips. header_rows is between 0 and the number of rows; a table has
//     a row.
// Text: ill-formed UTF-8 becomes U+FFFD; C0 and C1 controls other than TAB and LF, DEL and
// U+FFFE/U+FFFF (not XML characters) are dropped; LF is a line break inside the same
// paragraph or cell, TAB a tab.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace zwgk::web {

// The width a table may take (the page less its margins, 156 mm): what column_widths_twips add up to.
inline constexpr int kDocxTextWidthTwips = 8844;

inline constexpr std::string_view kDocxContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

enum class DocxAlign { Justify, Left, Center, Right };

// The centred title at the top ("2024年政府信息公开工作年度报告").
struct DocxTitle {
  std::string text;
};

// A heading: level 1 ("一、总体情况") or 2 ("（一）主动公开情况").
struct DocxHeading {
  std::string text;
  int level = 1;
};

// Body text. Justified paragraphs have the two-character first-line indent; a paragraph
// aligned otherwise (a right-aligned signature or date, a centred note) has none.
struct DocxParagraph {
  std::string text;
  DocxAlign align = DocxAlign::Justify;
};

struct DocxCell {
  std::string text;
  int col_span = 1;
  int row_span = 1;
  bool header = false;  // also every cell of the table's first header_rows rows
  std::optional<DocxAlign> align;  // unset: header cells centred, others left
};

struct DocxTable {
  std::vector<std::vector<DocxCell>> rows;  // see invariants 4-6 above
  std::vector<int> column_widths_twips;     // empty: equal columns over the text width
  int header_rows = 1;
};

struct DocxPageBreak {};

using DocxBlock = std::variant<DocxTitle, DocxHeading, DocxParagraph, DocxTable, DocxPageBreak>;

struct DocxDocument {
  std::string title;   // docProps/core.xml dc:title (what the file's properties show)
  std::string author;  // dc:creator
  std::vector<DocxBlock> blocks;
};

// The document cannot be written: a table breaks invariants 4-6, a heading level is not 1
// or 2, or libzip failed. The message is Chinese and names the table, row and cell.
class DocxExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The .docx file's bytes. Throws DocxExportError.
std::string to_docx(const DocxDocument& doc);

}  // namespace zwgk::web
