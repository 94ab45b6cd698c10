#pragma once
// The annual report's tables laid out as the template prints them (国办公开办函〔2021〕30号):
// header cells merged across and down, the row labels of table 三 nested in three columns, one
// cell per figure. One layout, three renderings: the HTML of the console and of the published
// page (templates/ndbg/report_table.mustache), the .docx (web/docx_export.hpp) and the .xlsx.
#include <string>
#include <vector>

#include "modules/ndbg/domain/annual_report.hpp"

namespace zwgk::web {

struct LayoutCell {
  std::string text;
  int col_span = 1;
  int row_span = 1;
  bool header = false;
  std::string key;        // a figure's cell key ("" for labels)
  bool corrected = false; // the figure differs from the records (with its reason)
};

struct LayoutTable {
  std::string section;  // "三、收到和处理政府信息公开申请情况"
  int columns = 0;
  int header_rows = 0;
  std::vector<std::vector<LayoutCell>> rows;  // a cell covered by a span is not listed
};

LayoutTable section_two_layout(const domain::AnnualReport& r);
LayoutTable section_three_layout(const domain::AnnualReport& r);
LayoutTable section_four_layout(const domain::AnnualReport& r);

// A figure as printed: "12", "3.5" (万元).
std::string figure_text(const domain::AnnualReport& r, const std::string& key);

}  // namespace zwgk::web
