#pragma once
// 情况说明: a unit (a department, or the site's government itself) with nothing to consult
// on in a period publishes a statement saying so (domain/README §10: the scorers count
// 意见征集 and 意见反馈 as separate items and accept a 情况说明 where there was nothing to
// consult). The period is a year or one of its quarters; it must have begun, and the unit
// must not have held a consultation starting in it (ConsultationService checks that).
#include <cstddef>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace zwgk::domain {

struct StatementPeriod {
  int year = 0;
  int quarter = 0;  // 0: the whole year; 1-4
};
std::string to_label(StatementPeriod p);  // "2026年度" | "2026年第四季度"
std::string quarter_label(int quarter);   // "全年" | "第一季度" .. "第四季度"
Date first_day(StatementPeriod p);        // 2026-10-01 for 2026 Q4
Date last_day(StatementPeriod p);         // 2026-12-31
bool contains(StatementPeriod p, Date d);

inline constexpr std::size_t kStatementTextMaxChars = 1000;

// The text the form offers: "经梳理，邵阳市交通运输局2026年第四季度无需要公开征求意见的
// 重大行政决策、规章草案和行政规范性文件事项。"
std::string default_statement_text(const std::string& unit, StatementPeriod p);

// Chinese problems, in form order: the year (2000-2100) and quarter (0-4), the text (at
// most kStatementTextMaxChars characters; empty means default_statement_text), the period
// begun by `today`.
std::vector<std::string> statement_problems(StatementPeriod p, const std::string& text, Date today);

}  // namespace zwgk::domain
