// 工作要点, the parser: first the seed (《2017年邵阳市政务公开工作要点》 as scraped from the
// portal, ../shared/data/demo), with facts counted by hand in the file — 6 parts of 4, 4, 3, 5,
// 3 and 8 tasks; 21 responsibility clauses naming 79 units, 39 different; part 六 names none —
// then the rules one by one on small texts.
#include "modules/gzyd/domain/work_plan_parser.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "support/shared_data.hpp"

namespace zwgk::domain {
namespace {

const char* const kSeed = "data/demo/shaoyang-2017-zwgk-gongzuo-yaodian.txt";

const std::string& seed_text() {
  static const std::string text = test::read_shared_file(kSeed).value_or("");
  return text;
}

const WorkPlan& seed() {
  static const WorkPlan plan = parse_work_plan(seed_text());
  return plan;
}

#define REQUIRE_SEED() \
  ASSERT_FALSE(seed_text().empty()) << "the seed is read from " << test::shared_path(kSeed) << " (set ZWGK_SHARED_DIR to ../shared)"

const WorkTask& task(const WorkPlan& plan, const std::string& code) {
  for (const auto& s : plan.sections)
    for (const auto& t : s.tasks)
      if (t.code == code) return t;
  throw std::runtime_error("no task " + code);
}

std::vector<std::string> names(const TaskAssignment& a) {
  std::vector<std::string> out;
  for (const auto& u : a.units) out.push_back(u.name);
  return out;
}

bool has_warning(const WorkPlan& plan, const std::string& w) {
  return std::find(plan.warnings.begin(), plan.warnings.end(), w) != plan.warnings.end();
}

// ------------------------------------------------------------------ the seed

TEST(WorkPlanSeed, TitlePartsAndTasksAsCountedInTheFile) {
  REQUIRE_SEED();
  const auto& plan = seed();
  EXPECT_EQ(plan.title, "2017年邵阳市政务公开工作要点");
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"一", "以政务公开助力稳增长"}, {"二", "以政务公开助力促改革"}, {"三", "以政务公开助力调结构"},
      {"四", "以政务公开助力惠民生"}, {"五", "以政务公开助力防风险"}, {"六", "增强政务公开实效"}};
  const std::vector<std::size_t> tasks = {4, 4, 3, 5, 3, 8};
  ASSERT_EQ(plan.sections.size(), parts.size());
  std::size_t total = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(plan.sections[i].number, parts[i].first);
    EXPECT_EQ(plan.sections[i].title, parts[i].second);
    EXPECT_EQ(plan.sections[i].tasks.size(), tasks[i]) << parts[i].first;
    EXPECT_TRUE(plan.sections[i].intro.empty());
    total += plan.sections[i].tasks.size();
  }
  EXPECT_EQ(total, 27u);
  EXPECT_EQ(task(plan, "一(四)").title, "推进政府和社会资本合作(PPP)项目信息公开");
  EXPECT_EQ(task(plan, "六(八)").title, "加强政务公开和政府网站督查考核");
  EXPECT_EQ(task(plan, "一(一)").number, "(一)");
}

TEST(WorkPlanSeed, FirstTaskHasThreeClausesEachClosingItsOwnSentences) {
  REQUIRE_SEED();
  const auto& t = task(seed(), "一(一)");
  EXPECT_EQ(t.title, "做好政策解读宣传和预期引导");
  EXPECT_TRUE(t.text.starts_with("做好政策解读宣传和预期引导。围绕大力振兴实体经济"));
  EXPECT_TRUE(t.text.ends_with("(市审计局负责落实)"));
  ASSERT_EQ(t.assignments.size(), 3u);
  EXPECT_EQ(names(t.assignments[0]),
            (std::vector<std::string>{"市政府新闻办", "市发改委", "市财政局", "市经信委", "市人社局", "市住建局", "市商务局"}));
  EXPECT_EQ(names(t.assignments[1]), std::vector<std::string>{"市统计局"});
  EXPECT_EQ(names(t.assignments[2]), std::vector<std::string>{"市审计局"});
  EXPECT_TRUE(t.assignments[0].lead_split) << "按职责分工分别负责落实";
  EXPECT_FALSE(t.assignments[1].lead_split);
  EXPECT_TRUE(t.assignments[0].text.starts_with("做好政策解读宣传和预期引导。"));
  EXPECT_TRUE(t.assignments[0].text.ends_with("主动解释说明收支运行中可能引发社会关注的热点问题。"));
  EXPECT_TRUE(t.assignments[1].text.starts_with("及时组织召开经济运行情况新闻发布会"));
  EXPECT_TRUE(t.assignments[1].text.ends_with("引导社会各界正确认识经济形势。"));
  EXPECT_EQ(t.assignments[2].text, "适时公开上级党委政府重大政策措施落实情况跟踪审计结果及整改情况,促进政策落地生根。");
  EXPECT_EQ(t.assignments[1].clause, "(市统计局负责落实)");
  for (const auto& a : t.assignments)
    for (const auto& u : a.units) EXPECT_EQ(u.role, UnitRole::Responsible) << "the seed has no 牵头/配合";
}

TEST(WorkPlanSeed, CountyGovernmentsAreNamedAsOneUnitInTwoTasks) {
  REQUIRE_SEED();
  std::vector<std::string> codes;
  for (const auto& s : seed().sections)
    for (const auto& t : s.tasks)
      for (const auto& a : t.assignments)
        for (const auto& u : a.units)
          if (u.name == "各县市区政府") codes.push_back(t.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"二(一)", "三(二)"}));
  const auto& t = task(seed(), "二(一)");
  ASSERT_EQ(t.assignments.size(), 1u);
  EXPECT_EQ(names(t.assignments[0]), (std::vector<std::string>{"市编办", "市发改委", "市财政局", "市人社局", "市工商局", "市质监局",
                                                               "市政务服务中心", "市电子政务管理办", "各县市区政府"}));
}

TEST(WorkPlanSeed, ParenthesesThatAssignNobodyAreNotUnits) {
  REQUIRE_SEED();
  const auto& plan = seed();
  EXPECT_NE(plan.preamble.find("(以下简称《意见》及《实施细则》)"), std::string::npos);
  EXPECT_NE(plan.preamble.find("(以下统称“五公开”)"), std::string::npos);
  for (const auto& name : distinct_unit_mentions(plan)) {
    EXPECT_EQ(name.find("以下简称"), std::string::npos) << name;
    EXPECT_EQ(name.find("PPP"), std::string::npos) << name;
    EXPECT_EQ(name.find("所有权"), std::string::npos) << name;
    EXPECT_EQ(name.find("政务服务中心)"), std::string::npos) << name;
  }
  const auto& ppp = task(plan, "一(四)");
  ASSERT_EQ(ppp.assignments.size(), 1u) << "(PPP) is not a clause";
  EXPECT_EQ(names(ppp.assignments[0]), (std::vector<std::string>{"市发改委", "市财政局", "市住建局"}));
  const auto& land = task(plan, "二(三)");
  ASSERT_EQ(land.assignments.size(), 1u) << "(所有权、承包权、经营权分置) is not a clause";
  EXPECT_EQ(names(land.assignments[0]), (std::vector<std::string>{"市发改委", "市农委", "市商务局", "市粮食局"}));
  EXPECT_NE(land.assignments[0].text.find("“三权分置”(所有权、承包权、经营权分置)"), std::string::npos);
}

// A second way of counting: every "负责落实)" in the raw file, back to its "(", split at 、.
TEST(WorkPlanSeed, UnitMentionsAgreeWithACountOverTheRawFile) {
  REQUIRE_SEED();
  const std::string& raw = seed_text();
  std::multiset<std::string> by_scan;
  std::size_t clauses = 0;
  const std::string close = "负责落实)", qualifier = "按职责分工分别";
  for (std::size_t at = raw.find(close); at != std::string::npos; at = raw.find(close, at + close.size())) {
    ++clauses;
    const std::size_t open = raw.rfind('(', at);
    std::string inside = raw.substr(open + 1, at - open - 1);
    if (inside.ends_with(qualifier)) inside.resize(inside.size() - qualifier.size());
    for (std::size_t from = 0;;) {
      const std::size_t sep = inside.find("、", from);
      by_scan.insert(inside.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
      if (sep == std::string::npos) break;
      from = sep + std::string("、").size();
    }
  }
  std::size_t assignments = 0;
  for (const auto& s : seed().sections)
    for (const auto& t : s.tasks) assignments += t.assignments.size();
  const auto mentions = unit_mentions(seed());
  EXPECT_EQ(clauses, 21u);
  EXPECT_EQ(assignments, clauses);
  EXPECT_EQ(by_scan.size(), 79u);
  EXPECT_EQ(mentions.size(), by_scan.size());
  EXPECT_EQ(std::multiset<std::string>(mentions.begin(), mentions.end()), by_scan);
  EXPECT_EQ(distinct_unit_mentions(seed()).size(), 39u);
  EXPECT_EQ(std::set<std::string>(by_scan.begin(), by_scan.end()).size(), 39u);
  EXPECT_EQ(distinct_unit_mentions(seed()).front(), "市政府新闻办");
  EXPECT_EQ(std::count(mentions.begin(), mentions.end(), "市发改委"), 8);
  EXPECT_EQ(std::count(mentions.begin(), mentions.end(), "市财政局"), 8);
}

TEST(WorkPlanSeed, ChromeMetadataAndFooterAreSkippedAndTheClosingIsKept) {
  REQUIRE_SEED();
  const auto& plan = seed();
  EXPECT_TRUE(plan.preamble.starts_with("2017年邵阳市政务公开工作的总体要求是:全面贯彻党的十八大"));
  EXPECT_TRUE(plan.preamble.ends_with("以优异成绩迎接党的十九大胜利召开。"));
  ASSERT_EQ(plan.closing.size(), 1u);
  EXPECT_TRUE(plan.closing[0].starts_with("各级各部门都要结合本辖区、本部门、本单位工作实际"));
  EXPECT_NE(plan.closing[0].find("20个工作日内"), std::string::npos);
  const auto& last = task(plan, "六(八)");
  EXPECT_TRUE(last.text.ends_with("依法依纪追究相关单位和人员的责任。")) << "neither the closing nor the footer belongs to it";
  for (const auto& s : plan.sections)
    for (const auto& t : s.tasks)
      // (not 联系电话 alone: 六(五) itself asks for a 咨询联系电话 in the 依申请公开指南)
      for (const char* chrome : {"扫一扫", "主办单位", "0739-5365203", "市数据局", "索引号", "分享到"})
        EXPECT_EQ(t.text.find(chrome), std::string::npos) << t.code << " " << chrome;
}

TEST(WorkPlanSeed, WhatTheScrapeLostIsKeptVerbatimAndReported) {
  REQUIRE_SEED();
  const auto& plan = seed();
  EXPECT_NE(plan.preamble.find("(中办发〔20168号)"), std::string::npos);
  EXPECT_EQ(task(plan, "六(四)").title, "进一上完善回应机制") << "the original's own typo";
  EXPECT_NE(plan.closing[0].find("1220日前"), std::string::npos);
  // Every warning, checked against the file by hand: the four 文号 without 〕 (data/demo/README.md
  // lists the same four) and part 六, whose eight tasks name no unit.
  const std::vector<std::string> expected = {
      "引言：文号“中办发〔20168号”缺少“〕”（原文照录，未更正）",
      "引言：文号“国办发〔201747号”缺少“〕”（原文照录，未更正）",
      "引言：文号“湘办发〔201641号”缺少“〕”（原文照录，未更正）",
      "第六部分(一)没有注明责任单位",
      "第六部分(二)没有注明责任单位",
      "第六部分(三)没有注明责任单位",
      "第六部分(四)：文号“国办发〔201661号”缺少“〕”（原文照录，未更正）",
      "第六部分(四)没有注明责任单位",
      "第六部分(五)没有注明责任单位",
      "第六部分(六)没有注明责任单位",
      "第六部分(七)没有注明责任单位",
      "第六部分(八)没有注明责任单位",
  };
  EXPECT_EQ(plan.warnings, expected);
}

TEST(WorkPlanSeed, CodesAreUniqueAndSpellPartAndTask) {
  REQUIRE_SEED();
  std::vector<std::string> codes;
  for (const auto& s : seed().sections)
    for (const auto& t : s.tasks) codes.push_back(t.code);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());
  EXPECT_EQ(codes.front(), "一(一)");
  EXPECT_EQ(codes[4], "二(一)");
  EXPECT_EQ(codes.back(), "六(八)");
}

// ------------------------------------------------------------------ the rules on small texts

// A title, a part and the given task lines.
WorkPlan plan_of(const std::string& tasks) { return parse_work_plan("2026年某市政务公开工作要点\n\n一、第一部分\n" + tasks); }

TEST(WorkPlanClauses, LeadAndSupportingUnits) {
  const auto plan = plan_of("(一)做好甲。做好乙。(市发改委牵头，市财政局、市统计局配合)\n");
  const auto& a = task(plan, "一(一)").assignments;
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(a[0].units.size(), 3u);
  EXPECT_EQ(a[0].units[0].name, "市发改委");
  EXPECT_EQ(a[0].units[0].role, UnitRole::Lead);
  EXPECT_EQ(a[0].units[1].name, "市财政局");
  EXPECT_EQ(a[0].units[1].role, UnitRole::Supporting);
  EXPECT_EQ(a[0].units[2].role, UnitRole::Supporting);
  EXPECT_FALSE(a[0].lead_split);
  EXPECT_EQ(a[0].text, "做好甲。做好乙。");
  EXPECT_TRUE(plan.warnings.empty()) << plan.warnings.front();
  EXPECT_EQ(to_label(UnitRole::Lead), "牵头");
  EXPECT_EQ(to_label(UnitRole::Supporting), "配合");
  EXPECT_EQ(to_label(UnitRole::Responsible), "负责");
}

TEST(WorkPlanClauses, FullWidthParenthesesAndNestedOnesInAUnitName) {
  const auto plan = plan_of("（一）做好甲。（市发改委牵头负责，各县（市、区）人民政府配合落实）做好乙。（市财政局负责）\n");
  const auto& t = task(plan, "一(一)");
  EXPECT_EQ(t.number, "(一)") << "numbers come back half-width";
  ASSERT_EQ(t.assignments.size(), 2u);
  ASSERT_EQ(t.assignments[0].units.size(), 2u);
  EXPECT_EQ(t.assignments[0].units[0].name, "市发改委");
  EXPECT_EQ(t.assignments[0].units[0].role, UnitRole::Lead);
  EXPECT_EQ(t.assignments[0].units[1].name, "各县（市、区）人民政府");
  EXPECT_EQ(t.assignments[0].units[1].role, UnitRole::Supporting);
  EXPECT_EQ(names(t.assignments[1]), std::vector<std::string>{"市财政局"});
  EXPECT_EQ(t.assignments[1].text, "做好乙。");
}

TEST(WorkPlanClauses, SeparatorsAndTheJoiningHeAndJi) {
  const auto plan = plan_of(
      "(一)甲。(市发改委，市财政局,市统计局；市审计局负责落实)\n"
      "(二)乙。(市财政局和市统计局负责落实)\n"
      "(三)丙。(市发展和改革委员会负责)\n"
      "(四)丁。(市人力资源和社会保障局及市财政局按职责分工负责落实)\n");
  EXPECT_EQ(names(task(plan, "一(一)").assignments[0]), (std::vector<std::string>{"市发改委", "市财政局", "市统计局", "市审计局"}));
  EXPECT_EQ(names(task(plan, "一(二)").assignments[0]), (std::vector<std::string>{"市财政局", "市统计局"}));
  EXPECT_EQ(names(task(plan, "一(三)").assignments[0]), std::vector<std::string>{"市发展和改革委员会"});
  EXPECT_EQ(names(task(plan, "一(四)").assignments[0]), (std::vector<std::string>{"市人力资源和社会保障局", "市财政局"}));
  EXPECT_TRUE(task(plan, "一(四)").assignments[0].lead_split);
  EXPECT_FALSE(task(plan, "一(三)").assignments[0].lead_split);
}

TEST(WorkPlanClauses, ParenthesesNotEndingInAResponsibilityPhraseAreText) {
  const auto plan = plan_of("(一)推进政府和社会资本合作(PPP)项目信息公开。落实《意见》(以下简称《意见》)和“三权分置”(所有权、承包权、经营权分置)。\n");
  const auto& t = task(plan, "一(一)");
  EXPECT_TRUE(t.assignments.empty());
  EXPECT_EQ(t.title, "推进政府和社会资本合作(PPP)项目信息公开");
  EXPECT_EQ(plan.warnings, std::vector<std::string>{"第一部分(一)没有注明责任单位"});
}

TEST(WorkPlanClauses, TextAfterTheLastClauseIsReported) {
  const auto plan = plan_of("(一)甲。(市财政局负责落实)乙也要做。\n");
  ASSERT_EQ(task(plan, "一(一)").assignments.size(), 1u);
  EXPECT_TRUE(has_warning(plan, "第一部分(一)：最后一段“乙也要做。”没有注明责任单位"));
}

TEST(WorkPlanClauses, OddClausesAreReported) {
  const auto plan = plan_of(
      "(一)甲。(市财政局等负责落实)\n"
      "(二)乙。(负责落实)\n"
      "(三)丙。(今年内完成本项工作并向社会公开结果的市级各有关部门负责)\n"
      "(四)丁。(市财政局负责落实\n"
      "(五)戊。(市发改委牵头，市财政局、市统计局等单位配合)\n");
  EXPECT_EQ(names(task(plan, "一(一)").assignments[0]), std::vector<std::string>{"市财政局"});
  EXPECT_TRUE(has_warning(plan, "第一部分(一)：责任单位“市财政局等”没有列全"));
  EXPECT_TRUE(task(plan, "一(二)").assignments[0].units.empty());
  EXPECT_TRUE(has_warning(plan, "第一部分(二)：“(负责落实)”没有写明负责单位"));
  EXPECT_TRUE(has_warning(plan, "第一部分(三)：责任单位“今年内完成本项工作并向社会公开结果的市级……”超过20个字，可能不是单位名称"));
  EXPECT_TRUE(has_warning(plan, "第一部分(四)：“(市财政局负责落实”的括号没有闭合"));
  EXPECT_TRUE(has_warning(plan, "第一部分(四)没有注明责任单位"));
  EXPECT_EQ(names(task(plan, "一(五)").assignments[0]), (std::vector<std::string>{"市发改委", "市财政局", "市统计局"}));
  EXPECT_TRUE(has_warning(plan, "第一部分(五)：责任单位“市财政局、市统计局等”没有列全"));
}

TEST(WorkPlanStructure, NumberingGapsAndTasksBeforeAnyPartAreReported) {
  const auto plan = parse_work_plan("某县政务公开工作要点\n(一)先于部分的条目。(县财政局负责)\n一、甲\n(一)a。(县财政局负责)\n(三)c。(县财政局负责)\n三、丙\n");
  ASSERT_EQ(plan.sections.size(), 3u);
  EXPECT_EQ(plan.sections[0].number, "");
  EXPECT_EQ(plan.sections[0].tasks[0].code, "(一)");
  EXPECT_TRUE(has_warning(plan, "条目(一)出现在第一部分之前"));
  EXPECT_TRUE(has_warning(plan, "第一部分：条目(一)之后是(三)"));
  EXPECT_TRUE(has_warning(plan, "部分编号不连续：“一”之后是“三”"));
  EXPECT_TRUE(has_warning(plan, "第三部分没有条目"));
}

TEST(WorkPlanStructure, ContinuationIntroAndClosingParagraphs) {
  const auto plan = parse_work_plan(
      "您现在所在的位置: 首页 > 信息公开\n某市政务公开工作要点\n索引号: 123\n发文日期 : \n\n总体要求段。\n"
      "一、甲\n本部分的说明。\n(一)a。\n续写的一段。(市财政局负责)\n二、乙\n(一)b。(市统计局负责)\n"
      "结尾的要求。\n另一段结尾。\n【打印】 关闭窗口\n主办单位:某市\n");
  EXPECT_EQ(plan.title, "某市政务公开工作要点");
  EXPECT_EQ(plan.preamble, "总体要求段。");
  EXPECT_EQ(plan.sections[0].intro, "本部分的说明。");
  const auto& a = task(plan, "一(一)");
  EXPECT_EQ(a.text, "a。\n续写的一段。(市财政局负责)");
  ASSERT_EQ(a.assignments.size(), 1u);
  EXPECT_EQ(a.assignments[0].text, "a。\n续写的一段。");
  EXPECT_EQ(plan.closing, (std::vector<std::string>{"结尾的要求。", "另一段结尾。"}));
  EXPECT_TRUE(plan.warnings.empty()) << plan.warnings.front();
}

TEST(WorkPlanStructure, TitleFromTheMetadataOrAWarning) {
  EXPECT_EQ(parse_work_plan("文件名称：某市政务公开工作要点\n一、甲\n(一)a。(市财政局负责)\n").title, "某市政务公开工作要点");
  const auto none = parse_work_plan("一、甲\n(一)a。(市财政局负责)\n");
  EXPECT_EQ(none.title, "");
  EXPECT_EQ(none.warnings, std::vector<std::string>{"没有找到标题（含“工作要点”的一行）"});
  EXPECT_EQ(none.sections.size(), 1u);
  EXPECT_TRUE(parse_work_plan("").warnings.size() == 2u) << "no title, no part";
}

}  // namespace
}  // namespace zwgk::domain
