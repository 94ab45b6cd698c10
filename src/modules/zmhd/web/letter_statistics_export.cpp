// See letter_statistics_export.hpp.
#include "modules/zmhd/web/letter_statistics_export.hpp"

namespace zwgk::web {

namespace {

TableCell rate_cell(const domain::Rate& r) {
  if (const auto p = r.percent()) return *p;
  return std::string(r.text());
}

TableCell average_cell(const domain::AverageWorkingDays& a) {
  if (const auto v = a.value()) return *v;
  return std::string(a.text());
}

std::vector<TableCell> row_of(const std::string& name, const domain::LetterFigures& f) {
  return {name,
          std::int64_t{f.received},
          std::int64_t{f.accepted},
          std::int64_t{f.rejected},
          std::int64_t{f.merged},
          std::int64_t{f.awaiting_screening},
          std::int64_t{f.answered},
          std::int64_t{f.answered_on_time},
          rate_cell(f.on_time_rate()),
          average_cell(f.average_reply_time()),
          std::int64_t{f.satisfied},
          std::int64_t{f.default_satisfied},
          std::int64_t{f.basically_satisfied},
          std::int64_t{f.dissatisfied},
          rate_cell(f.satisfaction_rate()),
          std::int64_t{f.overdue},
          std::int64_t{f.unanswered_too_long}};
}

std::vector<std::string> month_labels(const domain::LetterMonthlySeries& s) {
  std::vector<std::string> labels;
  for (const auto& m : s.months) labels.push_back(std::to_string(m.month.value_or(0)) + "月");
  return labels;
}

}  // namespace

const std::vector<std::string>& letter_statistics_columns() {
  static const std::vector<std::string> columns = {
      "收到",     "受理",     "不予受理", "已合并", "待受理",   "已答复",   "按期答复",         "按期答复率（%）",
      "平均答复用时（工作日）", "满意",     "其中默认满意", "基本满意", "不满意", "满意率（%）", "超期未答复",
      "超过两个月未答复"};
  return columns;
}

Table letter_statistics_table(const domain::LetterStatistics& s, LetterStatisticsBreakdown breakdown) {
  Table t;
  t.header.push_back(breakdown == LetterStatisticsBreakdown::ByDepartment ? "承办部门" : "来信类别");
  for (const auto& c : letter_statistics_columns()) t.header.push_back(c);
  const auto& rows = breakdown == LetterStatisticsBreakdown::ByDepartment ? s.by_department : s.by_category;
  for (const auto& r : rows) t.rows.push_back(row_of(r.label, r.figures));
  t.rows.push_back(row_of("合计", s.total));
  return t;
}

ChartData letter_volume_chart(const domain::LetterMonthlySeries& s) {
  ChartData c;
  c.title = std::to_string(s.year) + "年来信办理情况";
  c.description = "各月收到来信和已答复来信的件数";
  c.categories = month_labels(s);
  ChartSeries received{"收到", {}}, answered{"已答复", {}};
  for (const auto& f : s.figures) {
    received.values.push_back(f.received);
    answered.values.push_back(f.answered);
  }
  c.series = {received, answered};
  c.y_label = "单位：件";
  return c;
}

ChartData letter_rate_chart(const domain::LetterMonthlySeries& s) {
  ChartData c;
  c.title = std::to_string(s.year) + "年按期答复率和满意率";
  c.description = "各月按期答复率和满意率；当月没有答复或评价的，该月无数值";
  c.categories = month_labels(s);
  ChartSeries on_time{"按期答复率", {}}, satisfied{"满意率", {}};
  for (const auto& f : s.figures) {
    on_time.values.push_back(f.on_time_rate().percent());
    satisfied.values.push_back(f.satisfaction_rate().percent());
  }
  c.series = {on_time, satisfied};
  c.y_label = "单位：%";
  c.value_suffix = "%";
  c.decimals = 1;
  c.y_max = 100;
  return c;
}

std::string letter_statistics_file_name(const domain::StatisticsPeriod& period, LetterStatisticsBreakdown breakdown,
                                        const std::string& extension) {
  return "受理反馈统计-" + period.code() + (breakdown == LetterStatisticsBreakdown::ByDepartment ? "-按部门." : "-按类别.") +
         extension;
}

}  // namespace zwgk::web
