// The annual report's rules: see annual_report.hpp.
#include "modules/ndbg/domain/annual_report.hpp"

#include <chrono>
#include <cmath>

#include "modules/ysqgk/domain/request_annual_counts.hpp"

namespace zwgk::domain {

std::string to_label(ReportState s) {
  switch (s) {
    case ReportState::Draft: return "草稿";
    case ReportState::InWorkflow: return "已送审";
    case ReportState::Published: return "已发布";
  }
  return "";
}

std::string to_code(ReportState s) {
  switch (s) {
    case ReportState::Draft: return "draft";
    case ReportState::InWorkflow: return "in_workflow";
    case ReportState::Published: return "published";
  }
  return "";
}

std::optional<ReportState> report_state_from(std::string_view code) {
  for (auto s : {ReportState::Draft, ReportState::InWorkflow, ReportState::Published})
    if (to_code(s) == code) return s;
  return std::nullopt;
}

long long AnnualReport::value(const std::string& key) const {
  const auto it = values.find(key);
  return it == values.end() ? 0 : it->second;
}

std::string report_title(const AnnualReport& r) {
  return r.body_name + std::to_string(r.year) + "年政府信息公开工作年度报告";
}

Date report_due_on(ReportBody body, int report_year) {
  const auto next = std::chrono::year{report_year + 1};
  return Date{body == ReportBody::Department ? next / 1 / 31 : next / 3 / 31};
}

namespace {

std::string printed(const ReportCell& cell, long long v) {
  return cell.money ? format_wan_yuan(v) + "万元" : std::to_string(v);
}

std::string cell_name(const ReportCell& cell) { return cell.row + "·" + cell.column; }

}  // namespace

std::string figure_problem(const AnnualReport& r, const std::string& key, long long value, const std::string& reason) {
  const auto* cell = find_report_cell(key);
  if (!cell) return "报告中没有这一项";
  if (value < 0) return cell_name(*cell) + "不能为负数";
  if (!reason.empty()) return {};
  const auto it = r.computed.find(key);
  if (it == r.computed.end()) return cell_name(*cell) + "不在本系统的记录中，请注明数据来源";
  if (it->second != value)
    return cell_name(*cell) + "与记录不一致（记录为" + printed(*cell, it->second) + "），请说明理由";
  return {};
}

namespace {

void check_sum(const AnnualReport& r, std::vector<ReportProblem>& out, const std::string& where,
               const std::string& total_key, const std::vector<std::string>& part_keys, const std::string& rule) {
  long long sum = 0;
  for (const auto& k : part_keys) sum += r.value(k);
  if (sum != r.value(total_key))
    out.push_back({where, rule + "：合计应为" + std::to_string(sum) + "，表中为" + std::to_string(r.value(total_key))});
}

void check_section_three(const AnnualReport& r, std::vector<ReportProblem>& out) {
  const auto& labels = applicant_column_labels();
  const auto& rows = section_three_rows();
  const std::vector<std::string> outcome_rows(rows.begin() + 2, rows.end() - 2);
  for (int c = 0; c < static_cast<int>(labels.size()); ++c) {
    const std::string column = "第三部分“" + std::string(labels[c]) + "”列";
    const long long in = r.value(section_three_key("new", c)) + r.value(section_three_key("carried", c));
    const long long done = r.value(section_three_key("total", c)) + r.value(section_three_key("forward", c));
    if (in != done)
      out.push_back({column, "一、本年新收 + 二、上年结转（" + std::to_string(in) + "）应等于（七）总计 + 四、结转下年度继续办理（" +
                                 std::to_string(done) + "）"});
    std::vector<std::string> parts;
    for (const auto& row : outcome_rows) parts.push_back(section_three_key(row, c));
    check_sum(r, out, column, section_three_key("total", c), parts, "（七）总计应等于各项办理结果之和");
  }
  for (const auto& row : rows) {
    std::vector<std::string> parts;
    for (int c = 0; c < 6; ++c) parts.push_back(section_three_key(row, c));
    const auto* cell = find_report_cell(section_three_key(row, 6));
    check_sum(r, out, "第三部分“" + cell->row + "”行", section_three_key(row, 6), parts, "总计应等于各类申请人之和");
  }
}

void check_section_four(const AnnualReport& r, std::vector<ReportProblem>& out) {
  for (const auto& block : section_four_blocks()) {
    std::vector<std::string> parts;
    for (int c = 0; c < 4; ++c) parts.push_back(section_four_key(block, c));
    const auto* cell = find_report_cell(section_four_key(block, 4));
    check_sum(r, out, "第四部分“" + cell->row + "”", section_four_key(block, 4), parts,
              "总计应等于结果维持、结果纠正、其他结果、尚未审结之和");
  }
}

}  // namespace

std::vector<ReportProblem> check_report(const AnnualReport& r) {
  std::vector<ReportProblem> out;
  if (r.overview.empty()) out.push_back({kReportSections[0], "请填写总体情况"});
  for (const auto& cell : report_cells()) {
    const long long v = r.value(cell.key);
    const auto reason = r.reasons.find(cell.key);
    const std::string why = reason == r.reasons.end() ? std::string() : reason->second;
    if (const auto p = figure_problem(r, cell.key, v, why); !p.empty()) out.push_back({cell_name(cell), p});
  }
  check_section_three(r, out);
  check_section_four(r, out);
  if (r.problems.empty()) out.push_back({kReportSections[4], "请填写存在的主要问题及改进情况"});
  if (r.other.empty()) out.push_back({kReportSections[5], "请填写其他需要报告的事项（含收取信息处理费情况）"});
  return out;
}

std::string compare_with_last_year(long long now, std::optional<long long> last_year) {
  if (!last_year || *last_year <= 0) return {};
  if (now == *last_year) return "与上年持平";
  const double pct = std::round(std::abs(static_cast<double>(now - *last_year)) * 1000.0 / static_cast<double>(*last_year)) / 10.0;
  std::string n = std::to_string(pct);
  n = n.substr(0, n.find('.') + 2);
  if (n.size() > 2 && n.compare(n.size() - 2, 2, ".0") == 0) n.resize(n.size() - 2);
  return std::string(now > *last_year ? "比上年增长" : "比上年减少") + n + "%";
}

}  // namespace zwgk::domain
