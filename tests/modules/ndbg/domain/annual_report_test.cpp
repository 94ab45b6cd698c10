// The annual report's rules (国办公开办函〔2021〕30号; ../shared/domain/README.md §4): the
// template's printed checks, the reason a changed figure needs, 万元 figures, the Art. 49
// deadlines, table 二's 规章 / 行政规范性文件 counts from documents, the year-on-year wording.
#include <gtest/gtest.h>

#include "modules/ndbg/domain/annual_report.hpp"
#include "modules/ndbg/domain/regulation_counts.hpp"
#include "modules/ndbg/domain/report_records.hpp"

namespace zwgk::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

bool mentions(const std::vector<ReportProblem>& problems, const std::string& text) {
  for (const auto& p : problems)
    if ((p.where + "：" + p.message).find(text) != std::string::npos) return true;
  return false;
}

// A report whose records hold one application: a natural person's, received and disclosed
// this year, and the hand-entered cells with their sources.
AnnualReport balanced() {
  AnnualReport r;
  r.year = 2025;
  r.body_name = "邵阳市人民政府";
  ReportRecords rec;
  for (const auto& i : all_reply_outcomes()) rec.three.outcomes.push_back({i.outcome, ApplicantRow{}});
  rec.three.new_this_year = {1, 0, 0, 0, 0, 0, 1};
  rec.three.outcomes[0].second = {1, 0, 0, 0, 0, 0, 1};
  rec.three.total = {1, 0, 0, 0, 0, 0, 1};
  apply_records(r, computed_figures(rec));
  for (const char* k : {"2.licensing", "2.penalty", "2.coercion", "2.fees"}) {
    r.values[k] = 0;
    r.reasons[k] = "市政务服务中心统计";
  }
  r.overview = "2025年，本机关认真贯彻《条例》。";
  r.problems = "政策解读形式还不够丰富。";
  r.other = "本年度未收取信息处理费。";
  return r;
}

TEST(AnnualReport, ABalancedReportPassesEveryCheck) {
  const auto problems = check_report(balanced());
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].where + "：" + problems[0].message);
  EXPECT_EQ(report_cells().size(), 10u + 25u * 7u + 15u) << "table 二 10 cells, 三 25 rows × 7, 四 15";
  EXPECT_EQ(report_title(balanced()), "邵阳市人民政府2025年政府信息公开工作年度报告");
}

TEST(AnnualReport, TheTemplatesChecksNameTheColumnAndTheFigures) {
  auto r = balanced();
  // The office types 2 into 一、本年新收 for 自然人 with a reason: the sums no longer hold.
  r.values["3.new.0"] = 2;
  r.reasons["3.new.0"] = "另有一件纸质申请未录入";
  const auto problems = check_report(r);
  EXPECT_TRUE(mentions(problems, "第三部分“自然人”列：一、本年新收 + 二、上年结转（2）应等于（七）总计 + 四、结转下年度继续办理（1）"));
  EXPECT_TRUE(mentions(problems, "第三部分“一、本年新收政府信息公开申请数量”行：总计应等于各类申请人之和：合计应为2，表中为1"));
  r.values["3.forward.0"] = 1;
  r.values["3.forward.6"] = 1;
  r.values["3.new.6"] = 2;
  for (const char* k : {"3.forward.0", "3.forward.6", "3.new.6"}) r.reasons[k] = "另有一件纸质申请未录入";
  EXPECT_TRUE(check_report(r).empty()) << "balanced again, every change with its reason";
  r.values["4.direct.0"] = 1;
  r.reasons["4.direct.0"] = "法院判决";
  EXPECT_TRUE(mentions(check_report(r), "第四部分“行政诉讼 未经复议直接起诉”：总计应等于结果维持、结果纠正、其他结果、尚未审结之和"));
}

TEST(AnnualReport, AFigureThatDiffersFromTheRecordsNeedsAReason) {
  auto r = balanced();
  EXPECT_EQ(figure_problem(r, "3.new.0", 3, ""),
            "一、本年新收政府信息公开申请数量·自然人与记录不一致（记录为1），请说明理由");
  EXPECT_EQ(figure_problem(r, "3.new.0", 3, "含3件信函申请"), "");
  EXPECT_EQ(figure_problem(r, "3.new.0", 1, ""), "") << "the records' own figure needs none";
  EXPECT_EQ(figure_problem(r, "2.licensing", 12, ""), "行政许可·本年处理决定数量不在本系统的记录中，请注明数据来源");
  EXPECT_EQ(figure_problem(r, "2.fees", -1, "x"), "行政事业性收费·本年收费金额（单位：万元）不能为负数");
  EXPECT_EQ(figure_problem(r, "9.nothing", 1, "x"), "报告中没有这一项");
  r.reasons.erase("2.penalty");
  EXPECT_TRUE(mentions(check_report(r), "行政处罚·本年处理决定数量不在本系统的记录中，请注明数据来源"));
  r.overview.clear();
  EXPECT_TRUE(mentions(check_report(r), "一、总体情况：请填写总体情况"));
}

TEST(AnnualReport, ReadingTheRecordsAgainKeepsTheCorrectedFigures) {
  auto r = balanced();
  r.values["3.new.0"] = 5;
  r.reasons["3.new.0"] = "含4件信函申请";
  auto computed = r.computed;
  computed["3.carried.0"] = 2;
  computed["3.new.0"] = 1;
  apply_records(r, computed);
  EXPECT_EQ(r.value("3.carried.0"), 2) << "an uncorrected figure follows the records";
  EXPECT_EQ(r.value("3.new.0"), 5) << "a corrected one stays";
  EXPECT_EQ(r.computed.at("3.carried.0"), 2);
}

TEST(AnnualReport, FeesAreWanYuanWithUpToFourPlaces) {
  EXPECT_EQ(format_wan_yuan(125000), "12.5");
  EXPECT_EQ(format_wan_yuan(0), "0");
  EXPECT_EQ(format_wan_yuan(1), "0.0001");
  EXPECT_EQ(parse_wan_yuan("12.5"), 125000);
  EXPECT_EQ(parse_wan_yuan("3"), 30000);
  EXPECT_EQ(parse_wan_yuan("0.0001"), 1);
  for (const char* bad : {"", "-1", "1.23456", "1.", ".5", "一万", "1,000"}) EXPECT_FALSE(parse_wan_yuan(bad)) << bad;
}

TEST(AnnualReport, Article49Deadlines) {
  EXPECT_EQ(report_due_on(ReportBody::Department, 2025), d("2026-01-31"));
  EXPECT_EQ(report_due_on(ReportBody::Government, 2025), d("2026-03-31"));
}

TEST(AnnualReport, YearOnYear) {
  EXPECT_EQ(compare_with_last_year(120, 100), "比上年增长20%");
  EXPECT_EQ(compare_with_last_year(90, 120), "比上年减少25%");
  EXPECT_EQ(compare_with_last_year(7, 3), "比上年增长133.3%");
  EXPECT_EQ(compare_with_last_year(5, 5), "与上年持平");
  EXPECT_EQ(compare_with_last_year(5, std::nullopt), "");
  EXPECT_EQ(compare_with_last_year(5, 0), "");
  EXPECT_EQ((OfferedFact{"发布政策解读", 12, "篇", 10}.sentence()), "发布政策解读12篇，比上年增长20%。");
}

Document doc(std::int64_t id, const char* number, const char* published, const char* repealed = nullptr) {
  Document x;
  x.id = id;
  x.doc_number = number;
  x.published_on = d(published);
  if (repealed) x.repealed_on = d(repealed);
  x.state = DocumentState::Published;
  return x;
}

TEST(AnnualReport, TableTwoCountsRulesAndNormativeDocumentsFromTheRecords) {
  std::vector<RegulationDocument> docs = {
      {doc(1, "邵阳市人民政府令第1号", "2025-03-01"), "fgwj"},                 // 规章, made 2025, valid
      {doc(2, "邵政发〔2025〕3号", "2025-04-01"), "fgwj"},                     // 规范性文件, made, valid
      {doc(3, "邵政发〔2019〕8号", "2019-06-01", "2025-09-30"), "fgwj"},       // repealed in 2025
      {doc(4, "邵政办发〔2020〕2号", "2020-01-10"), "fgwj"},                   // still valid
      {doc(5, "邵政发〔2025〕9号", "2025-05-01"), "ghjh"},                     // another column: not counted
      {doc(6, "邵政发〔2026〕1号", "2026-01-05"), "fgwj"},                     // next year
  };
  Document expired = doc(7, "邵政发〔2018〕1号", "2018-01-01");
  expired.expires_on = d("2024-12-31");
  docs.push_back({expired, "fgwj"});
  Document interp = doc(8, "", "2025-04-02");
  interp.kind = DocumentKind::Interpretation;
  docs.push_back({interp, "fgwj"});
  const auto c = count_regulations(docs, 2025);
  EXPECT_EQ(c.rules.made, 1);
  EXPECT_EQ(c.rules.valid, 1);
  EXPECT_EQ(c.rules.repealed, 0);
  EXPECT_EQ(c.normative.made, 1);
  EXPECT_EQ(c.normative.repealed, 1);
  EXPECT_EQ(c.normative.valid, 2) << "2 and 4; 3 repealed, 6 not yet published, 7 expired";
  EXPECT_EQ(c.normative.repealed_ids, std::vector<std::int64_t>{3});
  EXPECT_EQ(c.normative.valid_ids, (std::vector<std::int64_t>{2, 4}));
}

}  // namespace
}  // namespace zwgk::domain
