#pragma once
// A PDF of the same blocks a .docx is written from (docx_export.hpp: title, headings,
// paragraphs, tables with spans, page breaks), for forms and reports a citizen prints at home
// (ADR 0033). Typeset with Pango on a Cairo PDF surface (libpangocairo), the Chinese text in
// the Noto CJK fonts of fonts-noto-cjk, embedded as subsets, so the file prints the same on
// every machine and its text can be searched and copied (pdftotext reads it back).
//
// Layout, following docx_export's rules where a PDF can:
//  1. A4 portrait (595.28 × 841.89 pt), the .docx margins (37/35/28/26 mm); the page number
//     "— 1 —" centred below the text.
//  2. Title: centred, Noto Serif CJK SC bold 22pt; heading level 1: Noto Sans CJK SC 16pt,
//     level 2: Noto Serif CJK SC bold 16pt; body: Noto Serif CJK SC 14pt, first line indented
//     two characters when justified; tables: 10.5pt, ½pt borders, 4pt cell padding, header
//     cells bold and centred, every cell's text centred vertically.
//  3. A table row is as tall as its tallest cell (at least DocxTable's min_row_height_pt); a
//     row-spanning cell that needs more grows the last row it covers. Rows joined by a row
//     span move to the next page together; the header rows repeat on every page.
//  4. Text wraps at characters (CJK) and words; LF is a line break.
// The table invariants are those of to_docx (docx_export.hpp 4-6) and are checked the same
// way (DocxExportError with the table, row and cell).
#include <string>

#include "web/docx_export.hpp"

namespace zwgk::web {

inline constexpr std::string_view kPdfContentType = "application/pdf";

// The PDF file's bytes. Throws DocxExportError (a table breaks the invariants, Cairo failed).
std::string to_pdf(const DocxDocument& doc);

}  // namespace zwgk::web
