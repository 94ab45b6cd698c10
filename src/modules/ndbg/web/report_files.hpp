#pragma once
// The annual report as the citizen and the office read it: the HTML body of the 年报 column's
// document (templates/ndbg/report_body.mustache, the six sections and the tables laid out like
// the template), the .docx for WPS/Word (web/docx_export.hpp) and the .xlsx with one row per
// figure (web/table_export.hpp), which reads back with the same numbers.
#include <string>

#include "modules/ndbg/domain/annual_report.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

struct LayoutTable;

// The view of one laid-out table for templates/ndbg/report_table.mustache (also the 依申请公开
// dashboard's tables 三 and 四); `caption`: the table's <caption>, none when empty.
View layout_table_view(const LayoutTable& t, const std::string& caption = {});
// The view of the whole report for templates/ndbg/report_body.mustache.
View report_body_view(const domain::AnnualReport& r);

std::string report_html(const TemplateRenderer& templates, const domain::AnnualReport& r);
std::string report_docx(const domain::AnnualReport& r);
std::string report_xlsx(const domain::AnnualReport& r);
// "邵阳市人民政府2025年政府信息公开工作年度报告.docx"
std::string report_file_name(const domain::AnnualReport& r, const std::string& extension);

}  // namespace zwgk::web
