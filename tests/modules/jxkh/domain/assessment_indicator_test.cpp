// The indicator tree as data: the default set adds up to 100 with a 3% weight, reads back from
// its own text unchanged, and every rule of a set the office edits is refused in Chinese with
// the line it is on.
#include "modules/jxkh/domain/assessment_indicator.hpp"

#include <gtest/gtest.h>

#include "modules/jxkh/domain/points.hpp"

namespace zwgk::domain {
namespace {

bool has(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

TEST(AssessmentIndicators, TheDefaultSetAddsUpToOneHundredWithEveryRuleCitingItsSource) {
  const auto set = default_indicators();
  EXPECT_TRUE(indicator_set_problems(set).empty());
  EXPECT_EQ(set.full_points(), 1000);
  EXPECT_EQ(set.weight, 30);
  EXPECT_EQ(set.leaves().size(), 12u);
  EXPECT_EQ(set.find("zdgk")->points, 400) << "a 一级指标 scores the sum of its children";
  const auto* timely = set.find("zdgk.sx");
  ASSERT_NE(timely, nullptr);
  EXPECT_EQ(timely->points, 150);
  EXPECT_EQ(timely->deduction, 10);
  EXPECT_EQ(timely->cap, 150);
  EXPECT_NE(timely->rule.find("20个工作日内公开（《中华人民共和国政府信息公开条例》第二十六条）"), std::string::npos);
  EXPECT_EQ(set.find("jc.gzyd")->source, "work_plan") << "工作要点 tasks: from the units' reports (gzyd)";
  for (const auto* leaf : set.leaves()) {
    EXPECT_NE(find_fact_source(leaf->source), nullptr) << leaf->code;
    EXPECT_TRUE(leaf->rule.find("《") != std::string::npos) << leaf->code << " cites its rule";
  }
}

TEST(AssessmentIndicators, TheTextFormReadsBackTheSameSet) {
  const auto text = format_indicators(default_indicators());
  std::vector<std::string> problems;
  const auto back = parse_indicators(text, problems);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front());
  EXPECT_EQ(format_indicators(back), text);
  EXPECT_EQ(back.indicators.size(), default_indicators().indicators.size());
}

TEST(AssessmentIndicators, AnEditedSetIsCheckedLineByLine) {
  std::vector<std::string> problems;
  parse_indicators("权重 = 2\n"
                   "a | 甲 | | | | | |\n"
                   "a.one | 甲一 | a | 60 | 1 | 70 | timeliness | 规则\n"
                   "a.two | 甲二 | a | 30 | 0 | | letters | 规则\n",
                   problems);
  EXPECT_TRUE(has(problems, "扣分上限应大于0且不超过分值")) << problems.size();
  EXPECT_TRUE(has(problems, "每项扣分应大于0"));
  EXPECT_TRUE(has(problems, "合计应为100分（现为90分）"));
  EXPECT_TRUE(has(problems, "权重不得低于3%"));

  problems.clear();
  parse_indicators("x | 名 | | 100 | 1 | 100 | nowhere | 规则\nbad line\nY | 名 | | 1 | 1 | 1 | letters | r\n", problems);
  EXPECT_TRUE(has(problems, "第 1 行：没有名为“nowhere”的数据来源"));
  EXPECT_TRUE(has(problems, "第 2 行：应为“权重 = 3”"));
  EXPECT_TRUE(has(problems, "第 3 行：代码“Y”应由小写字母"));

  problems.clear();
  parse_indicators("a | 甲 | | 5 | | | | \nb.one | 乙 | b | 100 | 1 | | letters | r\n", problems);
  EXPECT_TRUE(has(problems, "一级指标的分值为其二级指标之和")) << "a parent has no points of its own";

  problems.clear();
  parse_indicators("b.one | 乙 | b | 100 | 2.5 | | letters | r\n", problems);
  EXPECT_TRUE(has(problems, "上级代码“b”应为写在它前面的一级指标"));

  problems.clear();
  const auto one = parse_indicators("权重=3.5%\nall | 全部 | | 100 | 2.5 | 10 | letters | 规则\n", problems);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front());
  EXPECT_EQ(one.weight, 35);
  EXPECT_EQ(one.find("all")->deduction, 25);
  EXPECT_EQ(one.find("all")->cap, 100);
}

TEST(AssessmentPoints, TenthsOfAPoint) {
  EXPECT_EQ(format_points(150), "15");
  EXPECT_EQ(format_points(25), "2.5");
  EXPECT_EQ(format_points(-15), "-1.5");
  EXPECT_EQ(parse_points("2.5"), 25);
  EXPECT_EQ(parse_points("-3"), -30);
  EXPECT_EQ(parse_points("+1"), 10);
  EXPECT_FALSE(parse_points("2.55"));
  EXPECT_FALSE(parse_points("两分"));
  EXPECT_FALSE(parse_points(""));
  EXPECT_EQ(format_hundredths(285), "2.85");
  EXPECT_EQ(format_hundredths(300), "3.00");
}

}  // namespace
}  // namespace zwgk::domain
