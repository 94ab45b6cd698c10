// 清单 domain rules: the shipped types carry the columns the seed names; a site's own type in
// its text form; an office's sheet matched by header with each bad cell named by row and
// column and nothing taken; the change summary of a second version lists exactly the added,
// removed and changed items cell by cell; the version in force on a date; the 黑名单's
// current entries.
#include <gtest/gtest.h>

#include "modules/qd/domain/list_rows.hpp"
#include "modules/qd/domain/list_type.hpp"
#include "modules/qd/domain/list_version.hpp"

namespace zwgk::domain {
namespace {

Date d(const char* s) { return *Date::parse(s); }

std::optional<std::string> departments(const std::string& name) {
  if (name == "市财政局" || name == "邵阳市财政局") return std::string("邵阳市财政局");
  if (name == "市自然资源局" || name == "邵阳市自然资源和规划局") return std::string("邵阳市自然资源和规划局");
  return std::nullopt;
}

TEST(ListType, TheShippedTypesAreTheSeeds) {
  const auto* power = shipped_list_type("power_list");
  ASSERT_TRUE(power);
  EXPECT_EQ(power->name, "权力清单");
  std::vector<std::string> labels;
  for (const auto& c : power->columns) labels.push_back(c.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "责任事项", "追责情形"}));
  EXPECT_EQ(power->column("事项类型")->options.size(), 10u);
  EXPECT_EQ(power->column("事项类型")->options.front(), "行政许可");
  const auto* fees = shipped_list_type("administrative_fees");
  ASSERT_TRUE(fees);
  EXPECT_TRUE(fees->column("收费单位")->key && fees->column("项目名称")->key) << "收费单位 + 项目名称 identify an item";
  EXPECT_TRUE(fees->column("资金管理方式"));
  EXPECT_EQ(shipped_list_types().size(), 14u);
  for (const auto& t : shipped_list_types()) EXPECT_TRUE(list_type_problems(t).empty()) << t.code;
  EXPECT_TRUE(shipped_list_type("safety_blacklist")->exit_column);
}

TEST(ListType, ASitesOwnTypeInItsTextForm) {
  const auto parsed = parse_list_type(
      "名称：林木采伐许可事项清单\n代码：forest_permits\n事项编码，文本，主键\n事项名称，文本，必填\n"
      "办理层级，选项：市级/县级，必填\n实施主体，部门\n公布日期，日期\n");
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems.front();
  EXPECT_EQ(parsed.type.columns.size(), 5u);
  EXPECT_EQ(parsed.type.columns[2].options, (std::vector<std::string>{"市级", "县级"}));
  EXPECT_TRUE(parsed.type.columns[0].key && parsed.type.columns[0].required);
  EXPECT_EQ(parse_list_type(format_list_type(parsed.type)).type.columns.size(), 5u) << "the text form round-trips";
  const auto bad = parse_list_type("名称：测试\n代码：Bad-Code\n事项名称，表格\n事项名称，文本，可选\n");
  ASSERT_EQ(bad.problems.size(), 2u);
  EXPECT_EQ(bad.problems[0], "第3行：未知的列类型“表格”，应为文本、数字、日期、选项、部门或链接");
  EXPECT_EQ(bad.problems[1], "第4行：不认识“可选”，可写“必填”“主键”");
  const auto no_key = parse_list_type("名称：测试\n代码：test\n事项名称，文本\n");
  ASSERT_FALSE(no_key.problems.empty());
  EXPECT_NE(no_key.problems.back().find("至少指定一列为主键"), std::string::npos);
}

TEST(ListRows, ABadSheetIsRefusedByRowAndColumnAndNothingIsTaken) {
  const auto& blacklist = *shipped_list_type("safety_blacklist");
  std::vector<SheetRow> rows = {
      {1, {"序号", "统一社会信用代码", "生产经营单位名称", "失信行为", "认定部门", "纳入日期", "移出日期"}},
      {2, {"1", "91430500MA4L000001", "邵阳某化工有限公司", "瞒报事故", "市应急管理局", "2026/3/1", ""}},
      {3, {"2", "91430500MA4L000002", "", "非法生产", "市应急管理局", "2026-13-01", ""}},
      {4, {"", "", "", "", "", "", ""}},
      {5, {"3", "91430500MA4L000001", "邵阳某化工有限公司", "再次瞒报", "市应急管理局", "45352", ""}}};
  auto plan = plan_list_import(blacklist, rows, departments);
  EXPECT_TRUE(plan.items.empty()) << "nothing is taken";
  ASSERT_EQ(plan.problems.size(), 3u);
  EXPECT_EQ(plan.problems[0], "第3行「生产经营单位名称」：必填，不能为空");
  EXPECT_EQ(plan.problems[1], "第3行「纳入日期」：“2026-13-01”不是有效日期，请写成2026-03-01");
  EXPECT_EQ(plan.problems[2], "第5行：与第2行是同一事项（91430500MA4L000001）");
  EXPECT_EQ(plan.ignored_columns, std::vector<std::string>{"序号"});

  rows.erase(rows.begin() + 4);
  rows[2].cells[2] = "邵阳某矿业有限公司";
  rows[2].cells[5] = "2026年3月5日";
  plan = plan_list_import(blacklist, rows, departments);
  ASSERT_TRUE(plan.problems.empty()) << plan.problems.front();
  ASSERT_EQ(plan.items.size(), 2u);
  EXPECT_EQ(plan.items[0][4], "2026-03-01") << "dates normalised";
  EXPECT_EQ(plan.items[1][4], "2026-03-05");

  const std::vector<SheetRow> headless = {{1, {"项目名称", "收费标准"}}};
  plan = plan_list_import(*shipped_list_type("administrative_fees"), headless, departments);
  EXPECT_EQ(plan.problems.front(), "第1行（表头）缺少必填列「收费单位」");
}

TEST(ListRows, CellsByTheirColumnType) {
  std::string problem;
  const ListColumn number{"金额", ColumnType::Number, false, false, {}};
  EXPECT_EQ(normalise_cell(number, " 1,200.50 ", departments, problem), "1200.5");
  EXPECT_EQ(normalise_cell(number, "１２０", departments, problem), "120") << "full-width digits";
  normalise_cell(number, "每件10元", departments, problem);
  EXPECT_EQ(problem, "“每件10元”不是数字");
  const ListColumn dep{"实施主体", ColumnType::Department, true, false, {}};
  EXPECT_EQ(normalise_cell(dep, "市财政局", departments, problem), "邵阳市财政局");
  normalise_cell(dep, "市教育局", departments, problem);
  EXPECT_EQ(problem, "找不到单位“市教育局”");
  const ListColumn kind = shipped_list_type("power_list")->columns[2];
  normalise_cell(kind, "许可", departments, problem);
  EXPECT_NE(problem.find("“许可”不是可选的值，应为行政许可、行政处罚"), std::string::npos);
  const ListColumn link{"办事指南", ColumnType::Link, false, false, {}};
  normalise_cell(link, "javascript:alert(1)", departments, problem);
  EXPECT_EQ(problem, "“javascript:alert(1)”不是以 http:// 或 https:// 开头的网址");
  EXPECT_EQ(normalise_cell(link, "　", departments, problem), "") << "a full-width space is empty";
  EXPECT_TRUE(problem.empty());
}

TEST(ListVersion, TheChangeSummaryListsExactlyWhatChanged) {
  const auto& fees = *shipped_list_type("administrative_fees");
  // 收费单位, 项目名称, 收费标准, 依据, 资金管理方式
  const std::vector<ListItem> v1 = {{"邵阳市自然资源和规划局", "不动产登记费", "每件550元", "发改价格规〔2016〕2559号", "缴入国库"},
                                    {"邵阳市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"},
                                    {"邵阳市财政局", "会计证工本费", "每本10元", "财综〔2003〕1号", "缴入国库"}};
  const std::vector<ListItem> v2 = {{"邵阳市自然资源和规划局", "不动产登记费", "每件80元", "发改价格规〔2016〕2559号", "缴入国库"},
                                    {"邵阳市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"},
                                    {"邵阳市住房和城乡建设局", "城市道路占用费", "按日计收", "湘价费〔2009〕1号", "缴入国库"}};
  const auto changes = compare_versions(fees, v1, v2);
  ASSERT_EQ(changes.added.size(), 1u);
  EXPECT_EQ(changes.added[0][1], "城市道路占用费");
  ASSERT_EQ(changes.removed.size(), 1u);
  EXPECT_EQ(changes.removed[0][1], "会计证工本费");
  ASSERT_EQ(changes.changed.size(), 1u);
  EXPECT_EQ(changes.changed[0].key, "邵阳市自然资源和规划局 / 不动产登记费");
  ASSERT_EQ(changes.changed[0].cells.size(), 1u);
  EXPECT_EQ(changes.changed[0].cells[0].column, "收费标准");
  EXPECT_EQ(changes.changed[0].cells[0].before, "每件550元");
  EXPECT_EQ(changes.changed[0].cells[0].after, "每件80元");
  EXPECT_EQ(changes.summary(), "新增1项，删除1项，修改1项");
  EXPECT_EQ(compare_versions(fees, v2, v2).summary(), "与上一版相同");
  EXPECT_EQ(compare_versions(fees, {}, v1).summary(), "新增3项") << "the first version";
}

TEST(ListVersion, TheVersionInForceOnADate) {
  const std::vector<VersionDate> versions = {{1, d("2025-01-01")}, {2, d("2026-03-01")}, {3, d("2026-07-01")}};
  EXPECT_FALSE(version_in_force(versions, d("2024-12-31"))) << "before the first took effect";
  EXPECT_EQ(version_in_force(versions, d("2026-02-28")), 1);
  EXPECT_EQ(version_in_force(versions, d("2026-03-01")), 2) << "in force from its effective date";
  EXPECT_EQ(version_in_force(versions, d("2026-12-01")), 3);
  EXPECT_EQ(version_in_force({{1, d("2026-01-01")}, {2, d("2026-01-01")}}, d("2026-01-01")), 2) << "a correction the same day";
  const auto& blacklist = *shipped_list_type("safety_blacklist");
  const ListItem in{"91430500MA4L000001", "某公司", "瞒报事故", "市应急管理局", "2025-03-01", ""};
  const ListItem out{"91430500MA4L000002", "某公司", "非法生产", "市应急管理局", "2025-03-01", "2026-03-01"};
  EXPECT_TRUE(item_current(blacklist, in, d("2026-06-01")));
  EXPECT_FALSE(item_current(blacklist, out, d("2026-06-01")));
  EXPECT_TRUE(item_current(blacklist, out, d("2026-02-28")));
}

}  // namespace
}  // namespace zwgk::domain
