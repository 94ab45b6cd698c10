#pragma once
// 受理反馈统计 as the generic pieces a page shows and offers for download: a table (for the
// page's <table>, the CSV and the XLSX: web/table_export.hpp) and the two charts of a year
// (web/svg_chart.hpp). Only wording and layout here; every figure comes from
// domain/letter_statistics.hpp.
//
// The table's columns (kLetterStatisticsColumns): the breakdown's name, then 收到, 受理,
// 不予受理, 已合并, 待受理, 已答复, 按期答复, 按期答复率（%）, 平均答复用时（工作日）, 满意
// (含默认满意), 其中默认满意, 基本满意, 不满意, 满意率（%）, 超期未答复, 超过两个月未答复.
// Counts are integer cells; rates and averages are number cells (93.5, 3.5) so a
// spreadsheet can sum and sort them, and the text "—" when their denominator is 0. The
// last row is 合计 (the period's total, which the rows add up to).
#include <string>
#include <vector>

#include "modules/zmhd/domain/letter_statistics.hpp"
#include "web/svg_chart.hpp"
#include "web/table_export.hpp"

namespace zwgk::web {

enum class LetterStatisticsBreakdown { ByDepartment, ByCategory };

const std::vector<std::string>& letter_statistics_columns();  // without the first (name) column

Table letter_statistics_table(const domain::LetterStatistics& statistics, LetterStatisticsBreakdown breakdown);

// 收到 and 已答复 per month (grouped bars); 按期答复率 and 满意率 per month (lines, a gap where
// the month has nothing to rate). Titles start with the year: "2024年来信办理情况".
ChartData letter_volume_chart(const domain::LetterMonthlySeries& series);
ChartData letter_rate_chart(const domain::LetterMonthlySeries& series);

// File names for the downloads: "受理反馈统计-2024-10-按部门.csv" / ".xlsx".
std::string letter_statistics_file_name(const domain::StatisticsPeriod& period, LetterStatisticsBreakdown breakdown,
                                        const std::string& extension);

}  // namespace zwgk::web
