// 情况说明: see consultation_statement.hpp.
#include "modules/yjzj/domain/consultation_statement.hpp"

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

const char* kQuarters[] = {"", "第一季度", "第二季度", "第三季度", "第四季度"};

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}};
}

}  // namespace

std::string quarter_label(int quarter) { return quarter >= 1 && quarter <= 4 ? kQuarters[quarter] : "全年"; }

std::string to_label(StatementPeriod p) {
  if (p.quarter < 1 || p.quarter > 4) return std::to_string(p.year) + "年度";
  return std::to_string(p.year) + "年" + kQuarters[p.quarter];
}

Date first_day(StatementPeriod p) {
  return ymd(p.year, p.quarter >= 1 && p.quarter <= 4 ? static_cast<unsigned>(p.quarter * 3 - 2) : 1u, 1);
}

Date last_day(StatementPeriod p) {
  if (p.quarter < 1 || p.quarter > 4) return ymd(p.year, 12, 31);
  const auto last = std::chrono::year{p.year} / std::chrono::month{static_cast<unsigned>(p.quarter * 3)} / std::chrono::last;
  return Date{std::chrono::year_month_day{last}};
}

bool contains(StatementPeriod p, Date d) { return first_day(p) <= d && d <= last_day(p); }

std::string default_statement_text(const std::string& unit, StatementPeriod p) {
  return "经梳理，" + unit + to_label(p) + "无需要公开征求意见的重大行政决策、规章草案和行政规范性文件事项。";
}

std::vector<std::string> statement_problems(StatementPeriod p, const std::string& text, Date today) {
  std::vector<std::string> problems;
  const bool period_ok = p.year >= 2000 && p.year <= 2100 && p.quarter >= 0 && p.quarter <= 4;
  if (p.year < 2000 || p.year > 2100) problems.push_back("年份应在2000至2100之间");
  if (p.quarter < 0 || p.quarter > 4) problems.push_back("期间应为全年或第一至第四季度");
  if (count_characters(text) > kStatementTextMaxChars)
    problems.push_back("情况说明不能超过" + std::to_string(kStatementTextMaxChars) + "字");
  if (period_ok && today < first_day(p)) problems.push_back(to_label(p) + "尚未开始，不能发布该期间的情况说明");
  return problems;
}

}  // namespace zwgk::domain
