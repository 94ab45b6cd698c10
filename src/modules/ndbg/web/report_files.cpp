// The annual report's HTML, .docx and .xlsx: see report_files.hpp.
#include "modules/ndbg/web/report_files.hpp"

#include <sstream>

#include "modules/ndbg/web/report_layout.hpp"
#include "web/docx_export.hpp"
#include "web/table_export.hpp"

namespace zwgk::web {

namespace {

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

View text_view(const std::string& text) {
  View list{View::type::list};
  for (const auto& p : paragraphs_of(text)) list.push_back(View(p));
  return list;
}

// Table 三's three label columns get the room its long row labels need (“1.属于国家秘密”);
// table 二's 信息内容 likewise; the figure columns share the rest.
std::vector<int> column_widths(const LayoutTable& t) {
  std::vector<int> labels;
  if (t.columns == 10) labels = {900, 1000, 2300};
  else if (t.columns == 4) labels = {3000};
  else return {};
  int used = 0;
  for (int w : labels) used += w;
  const int figures = t.columns - static_cast<int>(labels.size());
  std::vector<int> out = labels;
  for (int i = 0; i < figures; ++i) out.push_back((kDocxTextWidthTwips - used) / figures);
  return out;
}

DocxTable docx_table(const LayoutTable& t) {
  DocxTable out;
  out.header_rows = t.header_rows;
  out.column_widths_twips = column_widths(t);
  for (const auto& row : t.rows) {
    std::vector<DocxCell> cells;
    for (const auto& c : row) {
      DocxCell d;
      d.text = c.text;
      d.col_span = c.col_span;
      d.row_span = c.row_span;
      d.header = c.header;
      if (!c.key.empty()) d.align = DocxAlign::Center;  // figures centred, labels left, headers centred
      cells.push_back(std::move(d));
    }
    out.rows.push_back(std::move(cells));
  }
  return out;
}

void add_text(DocxDocument& doc, const std::string& text) {
  for (const auto& p : paragraphs_of(text)) doc.blocks.push_back(DocxParagraph{p});
}

}  // namespace

View layout_table_view(const LayoutTable& t, const std::string& caption) {
  // The template's header rows go into <thead>; every header cell is a <th scope="col">
  // (a merged one covers its columns' slots, which is how the HTML table model finds the
  // header of each figure), every row label a <th scope="row">, every figure a <td>.
  View head{View::type::list}, rows{View::type::list};
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    View cells{View::type::list};
    for (const auto& c : t.rows[i]) {
      View cell{View::type::object};
      cell.set("text", c.text);
      if (c.col_span > 1) cell.set("colspan", std::to_string(c.col_span));
      if (c.row_span > 1) cell.set("rowspan", std::to_string(c.row_span));
      cell.set("th", c.header || c.key.empty());
      cell.set("scope", std::string(c.header ? "col" : "row"));
      cell.set("figure", !c.key.empty());
      if (!c.key.empty()) cell.set("key", c.key);
      cell.set("corrected", c.corrected);
      cells.push_back(cell);
    }
    View r{View::type::object};
    r.set("cells", cells);
    (static_cast<int>(i) < t.header_rows ? head : rows).push_back(r);
  }
  View v{View::type::object};
  if (!head.is_empty_list()) {
    v.set("head", head);
    v.set("has_head", true);
  }
  v.set("rows", rows);
  if (!caption.empty()) v.set("caption", caption);
  return v;
}

View report_body_view(const domain::AnnualReport& r) {
  View v{View::type::object};
  v.set("title", domain::report_title(r));
  v.set("overview", text_view(r.overview));
  v.set("table_two", layout_table_view(section_two_layout(r)));
  v.set("table_three", layout_table_view(section_three_layout(r)));
  v.set("table_four", layout_table_view(section_four_layout(r)));
  v.set("problems", text_view(r.problems));
  v.set("other", text_view(r.other));
  return v;
}

std::string report_html(const TemplateRenderer& templates, const domain::AnnualReport& r) {
  return templates.render("ndbg/report_body", report_body_view(r));
}

std::string report_docx(const domain::AnnualReport& r) {
  DocxDocument doc;
  doc.title = domain::report_title(r);
  doc.author = r.body_name;
  doc.blocks.push_back(DocxTitle{doc.title});
  doc.blocks.push_back(DocxHeading{domain::kReportSections[0]});
  add_text(doc, r.overview);
  const LayoutTable tables[] = {section_two_layout(r), section_three_layout(r), section_four_layout(r)};
  for (const auto& t : tables) {
    doc.blocks.push_back(DocxHeading{t.section});
    doc.blocks.push_back(docx_table(t));
  }
  doc.blocks.push_back(DocxHeading{domain::kReportSections[4]});
  add_text(doc, r.problems);
  doc.blocks.push_back(DocxHeading{domain::kReportSections[5]});
  add_text(doc, r.other);
  return to_docx(doc);
}

std::string report_xlsx(const domain::AnnualReport& r) {
  Table t;
  t.header = {"部分", "项目", "栏目", "数值", "单位"};
  for (const auto& cell : domain::report_cells()) {
    const int section = cell.table == domain::ReportTable::Two ? 1 : cell.table == domain::ReportTable::Three ? 2 : 3;
    std::vector<TableCell> row = {std::string(domain::kReportSections[section]), cell.row, cell.column};
    if (cell.money)
      row.emplace_back(static_cast<double>(r.value(cell.key)) / 10000.0);
    else
      row.emplace_back(static_cast<std::int64_t>(r.value(cell.key)));
    row.emplace_back(std::string(cell.money ? "万元" : "件"));
    t.rows.push_back(std::move(row));
  }
  return to_xlsx(t, std::to_string(r.year) + "年度报告");
}

std::string report_file_name(const domain::AnnualReport& r, const std::string& extension) {
  return domain::report_title(r) + "." + extension;
}

}  // namespace zwgk::web
