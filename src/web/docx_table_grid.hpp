#pragma once
// The table grid shared by to_docx and to_pdf (docx_export.hpp invariants 4-6): places each
// listed cell of a DocxTable on the grid, row by row, with the continuation cells of row
// spans, and the column widths. Private to src/web/docx_*.cpp and pdf_export.cpp.
#include <cassert>
#include <string>
#include <vector>

#include "web/docx_export.hpp"
#include "web/docx_parts.hpp"

namespace zwgk::web::docx {

// ---------------------------------------------------------------------------------------
// Tables

[[noreturn]] inline void refuse_table(int table_number, const std::string& what) {
  throw DocxExportError("第" + std::to_string(table_number) + "个表格" + what);
}

inline std::string row_cell(std::size_t row, std::size_t cell) {
  return "第" + std::to_string(row + 1) + "行第" + std::to_string(cell + 1) + "个单元格";
}

// A w:tc to write: a listed cell, or the continuation of a row span from above
// (cell == nullptr), which Word needs as a cell of its own with w:vMerge (§17.4.85).
struct PlacedCell {
  const DocxCell* cell;
  int first_column;
  int col_span;
  bool starts_row_span;
};

// The grid of one table: places each listed cell on it, row by row, and inserts the
// continuation cells of row spans (invariants 4 and 5). rows_below_[col] counts the rows
// below the current one that a span from above still covers at that column; span_at_[col]
// is that span's width, at its first column.
class CellGrid {
 public:
  CellGrid(const DocxTable& table, int number) : table_(table), number_(number) {
    check_spans();
    columns_ = first_row_width();
    rows_below_.assign(columns_, 0);
    span_at_.assign(columns_, 0);
  }

  int columns() const { return columns_; }

  // Rows must be placed in order, each once.
  std::vector<PlacedCell> place_row(std::size_t r) {
    check_row_width(r);
    std::vector<PlacedCell> row;
    int col = 0;
    const auto& cells = table_.rows[r];
    for (std::size_t c = 0; c < cells.size(); ++c) {
      continue_spans_from_above(row, col);
      place(row, col, r, c);
      col += cells[c].col_span;
    }
    continue_spans_from_above(row, col);
    assert(col == columns_);  // check_row_width counted exactly these columns
    return row;
  }

 private:
  void check_spans() const {
    for (std::size_t r = 0; r < table_.rows.size(); ++r)
      for (std::size_t c = 0; c < table_.rows[r].size(); ++c) {
        const DocxCell& cell = table_.rows[r][c];
        if (cell.col_span < 1 || cell.row_span < 1) refuse_table(number_, row_cell(r, c) + "合并的行数和列数至少为1");
        if (cell.col_span > kMaxTableColumns) refuse_table(number_, row_cell(r, c) + "合并的列数超出了表格");
      }
  }

  // Invariant 4: the first row gives the number of columns.
  int first_row_width() const {
    if (table_.rows.empty()) refuse_table(number_, "没有任何行");
    int width = 0;
    for (const DocxCell& cell : table_.rows.front()) width += cell.col_span;
    if (width == 0) refuse_table(number_, "第1行没有单元格");
    if (width > kMaxTableColumns)
      refuse_table(number_, "有" + std::to_string(width) + "列，超过了Word表格最多" +
                                std::to_string(kMaxTableColumns) + "列的限制");
    return width;
  }

  // Invariant 4: the listed cells' spans plus the columns covered from above.
  void check_row_width(std::size_t r) const {
    int width = 0;
    for (const DocxCell& cell : table_.rows[r]) width += cell.col_span;
    for (int below : rows_below_) width += below > 0 ? 1 : 0;
    if (width != columns_)
      refuse_table(number_, "第" + std::to_string(r + 1) + "行共有" + std::to_string(width) + "列，与第1行的" +
                                std::to_string(columns_) + "列不一致");
  }

  // Continuation cells (w:vMerge without a value) for the spans from above that start at col.
  void continue_spans_from_above(std::vector<PlacedCell>& row, int& col) {
    while (col < columns_ && rows_below_[col] > 0) {
      const int span = span_at_[col];
      assert(span > 0);  // place() never leaves col inside a span: it refuses the overlap
      row.push_back({nullptr, col, span, false});
      for (int k = col; k < col + span; ++k) --rows_below_[k];
      col += span;
    }
  }

  // Invariant 5: the cell covers free columns and its row span ends inside the table.
  void place(std::vector<PlacedCell>& row, int col, std::size_t r, std::size_t c) {
    const DocxCell& cell = table_.rows[r][c];
    for (int k = col; k < col + cell.col_span; ++k)
      if (k >= columns_ || rows_below_[k] > 0) refuse_table(number_, row_cell(r, c) + "与上方跨行合并的单元格重叠");
    if (r + static_cast<std::size_t>(cell.row_span) > table_.rows.size())
      refuse_table(number_, row_cell(r, c) + "向下合并" + std::to_string(cell.row_span) + "行，超出了表格的最后一行");
    if (cell.row_span > 1) {
      for (int k = col; k < col + cell.col_span; ++k) rows_below_[k] = cell.row_span - 1;
      span_at_[col] = cell.col_span;
    }
    row.push_back({&cell, col, cell.col_span, cell.row_span > 1});
  }

  const DocxTable& table_;
  int number_;
  int columns_ = 0;
  std::vector<int> rows_below_, span_at_;
};

// Column widths in twips (invariant 6): the caller's, or the text width shared equally
// (the remainder to the first columns, so that the table is exactly as wide as the text).
inline std::vector<int> column_widths(const DocxTable& table, int columns, int number) {
  if (!table.column_widths_twips.empty()) {
    if (static_cast<int>(table.column_widths_twips.size()) != columns)
      refuse_table(number, "给出了" + std::to_string(table.column_widths_twips.size()) + "个列宽，但表格有" +
                               std::to_string(columns) + "列");
    for (std::size_t c = 0; c < table.column_widths_twips.size(); ++c)
      if (table.column_widths_twips[c] <= 0 || table.column_widths_twips[c] > kMaxColumnWidth)
        refuse_table(number, "第" + std::to_string(c + 1) + "列的列宽必须在1到" + std::to_string(kMaxColumnWidth) +
                                 "缇之间");
    return table.column_widths_twips;
  }
  std::vector<int> widths(columns, kTextWidth / columns);
  for (int c = 0; c < kTextWidth % columns; ++c) ++widths[c];
  return widths;
}


}  // namespace zwgk::web::docx
