// Reading a 领域's 标准目录 from a sheet (flat, or the State Council template with a two-row
// header and √ ticks; wrapped 公开内容 rows; merged 一级事项), and the status of an item
// against its 公开时限 from what is filed in its column.
#include "modules/bzml/domain/catalogue_item.hpp"

#include <gtest/gtest.h>

#include "modules/bzml/domain/catalogue_item_status.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

std::vector<SheetRow> rows(std::vector<std::vector<std::string>> cells) {
  std::vector<SheetRow> out;
  int n = 0;
  for (auto& c : cells) out.push_back({++n, std::move(c)});
  return out;
}

TEST(CatalogueImport, TheFlatFormWithATitleRowAndWrappedContent) {
  const auto plan = plan_catalogue_import(rows({
      {"财政预决算领域基层政务公开标准目录"},
      {"序号", "一级事项", "二级事项", "公开内容\n（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象",
       "公开方式", "公开层级", "备注"},
      {"1", "政府预决算", "政府预算", "一般公共预算；政府性基金预算", "《中华人民共和国预算法》",
       "本级人民代表大会或其常务委员会批准后20日内", "县级财政部门", "政府网站", "全社会", "主动", "县级", ""},
      {"", "", "", "国有资本经营预算；社会保险基金预算"},
      {"2", "", "政府决算", "一般公共预算决算", "《中华人民共和国预算法》", "本级人民代表大会常务委员会批准后20日内",
       "县级财政部门", "政府网站", "全社会", "主动", "县级", ""},
      {},
      {"3", "部门预决算", "部门预算", "部门收支总表；三公经费", "《中华人民共和国预算法》第十四条", "财政部门批复后20日内",
       "各部门", "政府网站、部门网站", "全社会", "主动", "县级、乡级", "x"},
  }));
  ASSERT_TRUE(plan.problems.empty()) << plan.problems.front();
  ASSERT_EQ(plan.items.size(), 3u);
  EXPECT_EQ(plan.items[0].content, "一般公共预算；政府性基金预算；国有资本经营预算；社会保险基金预算")
      << "the row with only 公开内容 continues the item above";
  EXPECT_EQ(plan.items[1].level1, "政府预决算") << "an empty 一级事项 repeats the one above";
  EXPECT_EQ(plan.items[1].level2, "政府决算");
  EXPECT_EQ(plan.items[2].time_limit, "财政部门批复后20日内");
  EXPECT_EQ(plan.items[2].levels, "县级、乡级");
  EXPECT_EQ(plan.items[2].seq, 3);
  ASSERT_EQ(plan.ignored_columns.size(), 1u);
  EXPECT_EQ(plan.ignored_columns[0], "备注");
}

TEST(CatalogueImport, TheTemplateFormTicksAudienceMannerAndLevel) {
  const auto plan = plan_catalogue_import(rows({
      {"序号", "公开事项", "公开事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象",
       "公开对象", "公开方式", "公开方式", "公开层级", "公开层级"},
      {"", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"},
      {"1", "安全生产行政执法", "行政处罚", "处罚决定书", "《安全生产法》", "自作出行政处罚决定之日起7个工作日内",
       "县级应急管理部门", "政府网站", "√", "", "√", "", "√", ""},
      {"2", "安全生产行政执法", "行政检查", "检查计划；检查结果", "《安全生产法》", "及时", "县级应急管理部门",
       "政府网站", "√", "√", "■", "√", "√", "√"},
  }));
  ASSERT_TRUE(plan.problems.empty()) << plan.problems.front();
  ASSERT_EQ(plan.items.size(), 2u);
  EXPECT_EQ(plan.items[0].audience, "全社会");
  EXPECT_EQ(plan.items[0].manner, "主动");
  EXPECT_EQ(plan.items[0].levels, "县级");
  EXPECT_EQ(plan.items[1].audience, "全社会、特定群体");
  EXPECT_EQ(plan.items[1].manner, "主动、依申请");
  EXPECT_EQ(plan.items[1].levels, "县级、乡级");
  EXPECT_TRUE(plan.ignored_columns.empty());
}

TEST(CatalogueImport, ProblemsNameTheRowAndNothingIsTaken) {
  const auto plan = plan_catalogue_import(rows({
      {"序号", "一级事项", "二级事项", "公开内容（要素）", "公开时限", "全社会"},
      {"1", "政府预决算", "政府预算", "一般公共预算", "批准后20日内", "√"},
      {"2", "政府预决算", "政府决算", "", "批准后20日内", "√"},
      {"三", "政府预决算", "专项资金", "资金分配", "及时", "有"},
  }));
  EXPECT_TRUE(plan.items.empty()) << "with any problem nothing is taken";
  ASSERT_EQ(plan.problems.size(), 3u);
  EXPECT_EQ(plan.problems[0], "第3行缺少“公开内容（要素）”");
  EXPECT_EQ(plan.problems[1], "第4行“全社会”应打“√”或留空，而不是“有”");
  EXPECT_EQ(plan.problems[2], "第4行的序号“三”不是数字");
  const auto headless = plan_catalogue_import(rows({{"项目名称", "收费标准"}, {"不动产登记费", "80元"}}));
  ASSERT_EQ(headless.problems.size(), 1u);
  EXPECT_NE(headless.problems[0].find("未找到表头"), std::string::npos);
  EXPECT_TRUE(is_catalogue_field_code("caizheng-yujuesuan"));
  EXPECT_FALSE(is_catalogue_field_code("Caizheng"));
  EXPECT_FALSE(is_catalogue_field_code("财政"));
}

TEST(CatalogueItemStatus, WithinTwentyWorkingDaysOfTheInformationBeingMade) {
  const auto limit = parse_time_limit("自信息形成或者变更之日起20个工作日内");
  const auto& cal = zwgk::test::calendar();
  // Made 2026-09-28: due 2026-10-30 on the State Council calendar (国庆 skipped).
  EXPECT_EQ(catalogue_item_status(limit, false, {}, d("2026-11-02"), cal).state, CatalogueItemState::Unmapped);
  EXPECT_EQ(catalogue_item_status(limit, true, {}, d("2026-11-02"), cal).state, CatalogueItemState::NoRecords);
  const std::vector<PublicationRecord> on_time{{d("2026-09-28"), d("2026-10-30")}};
  auto s = catalogue_item_status(limit, true, on_time, d("2026-11-02"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::OnTime);
  EXPECT_EQ(s.text(), "按时公开（2026-10-30）");
  const std::vector<PublicationRecord> late{{d("2026-09-28"), d("2026-11-02")}};
  EXPECT_EQ(catalogue_item_status(limit, true, late, d("2026-11-03"), cal).state, CatalogueItemState::Late);
  // A draft made 2026-09-28 and not published: 待公开 until 10-30, 逾期未公开 the day after.
  const std::vector<PublicationRecord> draft{{d("2026-09-01"), d("2026-09-10")}, {d("2026-09-28"), std::nullopt}};
  s = catalogue_item_status(limit, true, draft, d("2026-10-30"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::Pending);
  EXPECT_EQ(s.text(), "待公开（2026-10-30前）");
  s = catalogue_item_status(limit, true, draft, d("2026-10-31"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::Overdue);
  EXPECT_EQ(s.text(), "逾期未公开（应于2026-10-30前公开）");
  EXPECT_TRUE(s.missing());
  EXPECT_EQ(s.last_published, d("2026-09-10"));
}

TEST(CatalogueItemStatus, ByADateEachYearAndPeriodically) {
  const auto& cal = zwgk::test::calendar();
  const auto yearly = parse_time_limit("每年3月31日前");
  const std::vector<PublicationRecord> last_year{{std::nullopt, d("2026-03-20")}};
  EXPECT_EQ(catalogue_item_status(yearly, true, last_year, d("2026-12-01"), cal).state, CatalogueItemState::OnTime);
  auto s = catalogue_item_status(yearly, true, last_year, d("2027-02-01"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::Pending);
  EXPECT_EQ(s.due, d("2027-03-31"));
  EXPECT_EQ(catalogue_item_status(yearly, true, last_year, d("2027-04-01"), cal).state, CatalogueItemState::Overdue);
  const std::vector<PublicationRecord> after{{std::nullopt, d("2026-03-20")}, {std::nullopt, d("2027-04-03")}};
  EXPECT_EQ(catalogue_item_status(yearly, true, after, d("2027-04-05"), cal).state, CatalogueItemState::Late);

  const auto quarterly = parse_time_limit("每季度");
  const std::vector<PublicationRecord> q3{{std::nullopt, d("2026-08-15")}};
  s = catalogue_item_status(quarterly, true, q3, d("2026-09-30"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::OnTime);
  s = catalogue_item_status(quarterly, true, q3, d("2026-11-10"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::Pending) << "the last quarter's is out; this quarter's is due by its end";
  EXPECT_EQ(s.due, d("2026-12-31"));
  s = catalogue_item_status(quarterly, true, q3, d("2027-01-05"), cal);
  EXPECT_EQ(s.state, CatalogueItemState::Overdue);
  EXPECT_EQ(s.due, d("2026-12-31"));

  const auto promptly = parse_time_limit("及时");
  EXPECT_EQ(catalogue_item_status(promptly, true, q3, d("2027-01-05"), cal).state, CatalogueItemState::Untimed);
  EXPECT_EQ(to_label(CatalogueItemState::Untimed), "已公开");
}

}  // namespace
}  // namespace zwgk::domain
