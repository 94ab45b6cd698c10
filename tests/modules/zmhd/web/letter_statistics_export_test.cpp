// 受理反馈统计 as a table and two charts: the columns, numbers as numbers, "—" for a zero
// denominator, the 合计 row, 12 months, gaps where a month has no rate.
#include "modules/zmhd/web/letter_statistics_export.hpp"

#include <gtest/gtest.h>

namespace {

using namespace zwgk;
using namespace zwgk::web;

domain::LetterStatistics statistics() {
  domain::LetterStatistics s;
  s.period = domain::StatisticsPeriod::of_month(2024, 10);
  domain::LetterFigures housing;
  housing.received = 3;
  housing.accepted = 3;
  housing.answered = 2;
  housing.answered_on_time = 1;
  housing.reply_working_days = 7;
  housing.satisfied = 2;
  housing.default_satisfied = 1;
  domain::LetterFigures unassigned;
  unassigned.received = 2;
  unassigned.rejected = 1;
  unassigned.merged = 1;
  s.by_department = {{"邵阳市住房和城乡建设局", 7, std::nullopt, housing}, {"未转办", std::nullopt, std::nullopt, unassigned}};
  s.total = housing;
  s.total += unassigned;
  return s;
}

TEST(LetterStatisticsExport, TableHasOneRowPerDepartmentAndTheTotal) {
  const auto t = letter_statistics_table(statistics(), LetterStatisticsBreakdown::ByDepartment);
  ASSERT_EQ(t.header.size(), 17u);
  EXPECT_EQ(t.header[0], "承办部门");
  EXPECT_EQ(t.header[8], "按期答复率（%）");
  EXPECT_EQ(t.header[9], "平均答复用时（工作日）");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][0]), "邵阳市住房和城乡建设局");
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][1]), 3);
  EXPECT_EQ(std::get<double>(t.rows[0][8]), 50.0);
  EXPECT_EQ(std::get<double>(t.rows[0][9]), 3.5);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][11]), 1) << "其中默认满意";
  EXPECT_EQ(std::get<double>(t.rows[0][14]), 100.0);
  EXPECT_EQ(std::get<std::string>(t.rows[1][8]), "—") << "nothing answered";
  EXPECT_EQ(std::get<std::string>(t.rows[1][9]), "—");
  EXPECT_EQ(std::get<std::string>(t.rows[2][0]), "合计");
  EXPECT_EQ(std::get<std::int64_t>(t.rows[2][1]), 5);
  const auto csv = to_csv(t);
  EXPECT_NE(csv.find("\r\n合计,5,3,1,1,0,2,1,50,3.5,2,1,0,0,100,0,0\r\n"), std::string::npos) << csv;
  EXPECT_EQ(letter_statistics_file_name(statistics().period, LetterStatisticsBreakdown::ByDepartment, "xlsx"),
            "受理反馈统计-2024-10-按部门.xlsx");
  EXPECT_EQ(letter_statistics_table(statistics(), LetterStatisticsBreakdown::ByCategory).header[0], "来信类别");
}

TEST(LetterStatisticsExport, ChartsHaveTwelveMonthsAndGapsForMissingRates) {
  domain::LetterMonthlySeries s;
  s.year = 2024;
  for (unsigned m = 1; m <= 12; ++m) {
    s.months.push_back(domain::StatisticsPeriod::of_month(2024, m));
    s.figures.emplace_back();
  }
  s.figures[9].received = 9;
  s.figures[9].answered = 5;
  s.figures[9].answered_on_time = 4;
  const auto volume = letter_volume_chart(s);
  ASSERT_EQ(volume.categories.size(), 12u);
  EXPECT_EQ(volume.categories[9], "10月");
  EXPECT_EQ(volume.series[0].values[9], 9.0);
  EXPECT_EQ(volume.title, "2024年来信办理情况");
  const auto rates = letter_rate_chart(s);
  EXPECT_EQ(rates.series[0].values[9], 80.0);
  EXPECT_FALSE(rates.series[0].values[0]) << "January: nothing answered";
  EXPECT_FALSE(rates.series[1].values[9]) << "nothing rated";
  EXPECT_NE(line_chart_svg(rates).find("80.0%"), std::string::npos);
  EXPECT_NE(bar_chart_svg(volume).find("class=\"bar\""), std::string::npos);
}

}  // namespace
