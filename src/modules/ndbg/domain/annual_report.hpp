#pragma once
// 政府信息公开工作年度报告 (《政府信息公开条例》第四十九条、第五十条; format 国办公开办函〔2021〕
// 30号, ../shared/domain/README.md §4): one report per body (a government — a site — or one of
// its departments) and year. Six sections in the template's order: 一、五、六 are text the
// office writes; 二、三、四 are tables of figures (report_cells.hpp).
//
// Each figure keeps what the records give (`computed`) beside what the report says
// (`values`): a figure that differs from the records is allowed only with a written reason
// (`reasons`), which is kept and printed nowhere but the console. A figure the records do not
// hold (行政许可, 行政处罚, 行政强制, 行政事业性收费 until a module keeps them) is entered by hand
// with its source, in the same `reasons` slot — never invented.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/ndbg/domain/report_cells.hpp"

namespace zwgk::domain {

enum class ReportBody { Government, Department };  // 政府 (31 March) / 部门 (31 January)
enum class ReportState { Draft, InWorkflow, Published };  // 草稿 / 已送审 / 已发布

std::string to_label(ReportState);  // "草稿" | "已送审" | "已发布"
std::string to_code(ReportState);   // "draft" | "in_workflow" | "published"
std::optional<ReportState> report_state_from(std::string_view code);

// The sections in order, as printed.
inline constexpr const char* kReportSections[] = {
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

struct AnnualReport {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // nullopt: the government's own report
  // The government's report: the department of its 政府信息公开工作机构 (e.g. 市政府办公室),
  // whose editors write it with the office and send it to the workflow.
  std::optional<std::int64_t> office_department_id;
  int year = 0;
  std::string body_name;              // 邵阳市人民政府 / 邵阳市财政局
  bool include_departments = false;   // a government's report counting its departments' applications
  std::string overview;               // 一、总体情况
  std::string problems;               // 五、存在的主要问题及改进情况
  std::string other;                  // 六、其他需要报告的事项
  std::map<std::string, long long> values;    // cell key -> the report's figure
  std::map<std::string, long long> computed;  // cell key -> the records' figure (absent: not in the records)
  std::map<std::string, std::string> reasons; // cell key -> why it differs / where it comes from
  ReportState state = ReportState::Draft;
  std::optional<std::int64_t> document_id;    // the 年报 column's document, once sent to the workflow
  std::string updated_at;                     // ISO timestamp, UTC
  std::string updated_by;

  ReportBody body() const { return department_id ? ReportBody::Department : ReportBody::Government; }
  // The department whose staff write and send it: its own, or the government's office's.
  std::optional<std::int64_t> responsible_department() const {
    return department_id ? department_id : office_department_id;
  }
  long long value(const std::string& key) const;  // 0 when unset
};

// "邵阳市人民政府2025年政府信息公开工作年度报告".
std::string report_title(const AnnualReport& r);

// Art. 49: a department publishes last year's report by 31 January, a government by 31 March.
Date report_due_on(ReportBody body, int report_year);

// What is wrong with one figure the office sets: a cell that does not exist, a negative
// figure, or one that differs from the records (or is not in them) without a reason.
// Empty = it may be stored.
std::string figure_problem(const AnnualReport& r, const std::string& key, long long value, const std::string& reason);

struct ReportProblem {
  std::string where;    // a section ("三、收到和处理政府信息公开申请情况") or a cell's row and column
  std::string message;  // Chinese, with the figures
};

// The checks printed on the template and the report's own rules, before publication:
//  - table 三, every column: 一 + 二 = （七）总计 + 四; （七） = the sum of the outcome rows;
//    every row: 总计 = the sum of the six applicant columns;
//  - table 四, every block: 总计 = the sum of its four columns;
//  - every figure ≥ 0;
//  - every figure that differs from the records, or is not in them, has its reason / source;
//  - sections 一, 五 and 六 are written.
// (A partially disclosed application is counted only under （二）: count_section_three does so.)
std::vector<ReportProblem> check_report(const AnnualReport& r);

// "比上年增长25%" / "比上年减少10%" / "与上年持平" / "" when last year's figure is unknown or 0.
std::string compare_with_last_year(long long now, std::optional<long long> last_year);

}  // namespace zwgk::domain
