// 清单, the use cases on both backends: a sheet with a bad row is refused by row and column
// and writes nothing; an ID number in a cell stops the version at submission; the version
// goes 草稿 → 待审核 → 审核通过 → 已发布 only in that order and by the right people; the second
// version's change summary lists exactly what was added, removed and changed; the page shows
// the version in force on a chosen date.
#include "modules/qd/service/list_service.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "ingest/sheet_file.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"

namespace zwgk::store::test {
namespace {

using modules::qd::ListService;
using domain::SheetRow;

const std::vector<std::string> kFeeHeader = {"序号", "收费单位", "项目名称", "收费标准", "依据", "资金管理方式"};

class ListServiceTest : public WorkflowTest {
 protected:
  ListService on(const char* day) {
    now = domain::china_midnight(date(day)).time_since_epoch().count() + 10 * 3600;
    return ListService(*db, [this] { return now; });
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n.action); };
    return c;
  }
  std::vector<SheetRow> fees(const std::vector<std::vector<std::string>>& rows) {
    std::vector<SheetRow> out = {{1, kFeeHeader}};
    int n = 2;
    for (const auto& r : rows) out.push_back({n++, r});
    return out;
  }
  std::int64_t fee_list(ListService& s) {
    return s.create(caller(editor), {"administrative_fees", "邵阳市行政事业性收费目录清单", department.id});
  }
  void to_published(ListService& s, std::int64_t id, const char* effective) {
    s.submit(caller(editor), id);
    s.review(caller(reviewer), id, true, "");
    s.publish(caller(publisher), id, effective);
  }
  std::int64_t now = 0;
  std::vector<std::string> audited;
};

TEST_F(ListServiceTest, ABadSheetIsRefusedByRowAndColumnAndWritesNothing) {
  auto s = on("2026-03-01");
  const auto id = fee_list(s);
  try {
    s.upload(caller(editor), id, fees({{"1", "邵阳市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"},
                                       {"2", "邵阳市财政局", "", "每本10元", "财综〔2003〕1号", "上缴"}}));
    FAIL() << "a bad sheet was taken";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0], "第3行「项目名称」：必填，不能为空");
    EXPECT_EQ(e.problems()[1], "第3行「资金管理方式」：“上缴”不是可选的值，应为缴入国库、缴入财政专户之一");
  }
  EXPECT_FALSE(ListRepository(*db).working(id)) << "nothing written";
  EXPECT_THROW(s.upload(caller(other_editor), id, fees({})), domain::Forbidden) << "another department's list";
}

TEST_F(ListServiceTest, AnIdNumberInACellStopsTheVersion) {
  auto s = on("2026-03-01");
  const auto id = s.create(caller(editor), {"power_list", "邵阳市人民政府办公室权力清单", department.id});
  const std::vector<SheetRow> rows = {
      {1, {"事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "责任事项", "追责情形"}},
      {2, {"XK-001", "政府信息公开申请", "其他", "《中华人民共和国政府信息公开条例》", department.name, "依法答复",
           "经办人张三，身份证号430502199001011125"}}};
  EXPECT_EQ(s.upload(caller(editor), id, rows), 1u);
  try {
    s.submit(caller(editor), id);
    FAIL() << "an ID number went to review";
  } catch (const domain::Invalid& e) {
    EXPECT_EQ(e.code(), "privacy");
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("第1项「追责情形」含有身份证号码"), std::string::npos) << e.problems()[0];
    EXPECT_EQ(e.problems()[0].find("430502199001011125"), std::string::npos) << "the number itself is not repeated";
  }
  EXPECT_EQ(ListRepository(*db).working(id)->state, ListVersionState::Draft);
}

TEST_F(ListServiceTest, TheWorkflowAndTheSecondVersionsChanges) {
  auto s = on("2026-03-01");
  const auto id = fee_list(s);
  s.upload(caller(editor), id, fees({{"1", "邵阳市自然资源和规划局", "不动产登记费", "每件550元", "发改价格规〔2016〕2559号", "缴入国库"},
                                     {"2", "邵阳市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"},
                                     {"3", "邵阳市财政局", "会计证工本费", "每本10元", "财综〔2003〕1号", "缴入国库"}}));
  EXPECT_THROW(s.publish(caller(publisher), id, "2026-03-01"), domain::Conflict) << "not reviewed";
  s.submit(caller(editor), id);
  EXPECT_THROW(s.upload(caller(editor), id, fees({})), domain::Conflict) << "locked while in review";
  EXPECT_THROW(s.review(caller(editor), id, true, ""), domain::Forbidden) << "the editor does not review";
  EXPECT_THROW(s.review(caller(reviewer), id, false, " "), domain::Invalid) << "a return needs its reason";
  s.review(caller(reviewer), id, true, "");
  EXPECT_THROW(s.publish(caller(reviewer), id, "2026-03-01"), domain::Forbidden);
  EXPECT_THROW(s.publish(caller(publisher), id, "三月一日"), domain::Invalid);
  EXPECT_EQ(s.publish(caller(publisher), id, "2026-03-01"), 1);
  EXPECT_EQ(audited.back(), "qd.publish");

  auto later = on("2026-06-10");
  later.upload(caller(editor), id, fees({{"1", "邵阳市自然资源和规划局", "不动产登记费", "每件80元", "发改价格规〔2016〕2559号", "缴入国库"},
                                         {"2", "邵阳市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"},
                                         {"3", "邵阳市住房和城乡建设局", "城市道路占用费", "按日计收", "湘价费〔2009〕1号", "缴入国库"}}));
  to_published(later, id, "2026-07-01");
  const auto versions = ListRepository(*db).published(id);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].change_summary, "首次发布，共3项");
  EXPECT_EQ(versions[1].change_summary, "新增1项，删除1项，修改1项");

  // The page on a date: before 07-01 version 1 applies, from it version 2 with its changes.
  auto june = later.public_view(site.id, id, date("2026-06-30"));
  EXPECT_TRUE(june.in_force);
  EXPECT_EQ(*june.versions[*june.shown].number, 1);
  auto july = later.public_view(site.id, id, date("2026-07-01"));
  EXPECT_EQ(*july.versions[*july.shown].number, 2);
  ASSERT_EQ(july.changes.changed.size(), 1u);
  EXPECT_EQ(july.changes.changed[0].cells[0].before, "每件550元");
  EXPECT_EQ(july.changes.removed.at(0)[1], "会计证工本费");
  auto early = later.public_view(site.id, id, date("2026-01-01"));
  EXPECT_FALSE(early.in_force) << "before the first version took effect";
  EXPECT_THROW(later.public_view(site.id + 1000, id), domain::NotFound);
}

// A sheet as LibreOffice saves it — a title row merged over the columns, the header below it,
// date cells in 年月日 form — in .xlsx and in .xls: the same two entries either way.
TEST_F(ListServiceTest, ATitledSheetSavedByLibreOfficeInBothForms) {
  auto s = on("2026-07-01");
  for (const char* file : {"blacklist.xlsx", "blacklist.xls"}) {
    const auto id = s.create(caller(editor), {"safety_blacklist", std::string("安全生产黑名单 ") + file, department.id});
    std::ifstream in(std::string(ZWGK_SOURCE_DIR) + "/tests/fixtures/sheets/" + file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(s.upload(caller(editor), id, ingest::read_sheet_file(bytes)), 2u) << file;
    const auto w = ListRepository(*db).working(id);
    ASSERT_TRUE(w) << file;
    EXPECT_EQ(w->items[0][1], "示例化工有限公司") << file;
    EXPECT_EQ(w->items[0][4], "2026-03-01") << file;
    EXPECT_EQ(w->items[1][5], "2026-06-15") << file;
  }
}

TEST_F(ListServiceTest, ASiteDefinesItsOwnType) {
  auto s = on("2026-03-01");
  auto admin = account(9, "admin1", domain::Role::SiteAdmin, std::nullopt);
  const std::string text = "名称：林木采伐许可事项清单\n代码：forest_permits\n事项编码，文本，主键\n事项名称，文本，必填\n";
  EXPECT_THROW(s.define_type(caller(editor), text), domain::Forbidden);
  s.define_type(caller(admin), text);
  EXPECT_THROW(s.define_type(caller(admin), text), domain::Conflict);
  bool found = false;
  for (const auto& t : s.types(site.id)) found = found || t.code == "forest_permits";
  EXPECT_TRUE(found);
  EXPECT_NO_THROW(s.create(caller(editor), {"forest_permits", "林木采伐许可事项清单", department.id}));
  EXPECT_THROW(s.create(caller(editor), {"nonsense", "", department.id}), domain::Invalid);
}

}  // namespace
}  // namespace zwgk::store::test

namespace zwgk::store::test {
namespace {

// 工作要点 二(一): the 随机抽查事项清单 links its 抽查结果 once the results list is published.
TEST_F(ListServiceTest, TheRandomInspectionListFindsItsResults) {
  auto s = on("2026-03-01");
  const auto items = s.create(caller(editor), {"random_inspection", "邵阳市人民政府办公室随机抽查事项清单", department.id});
  s.upload(caller(editor), items,
           {{1, {"事项编码", "抽查事项", "抽查依据", "抽查主体", "抽查内容", "抽查方式", "抽查比例和频次"}},
            {2, {"CC-001", "政府信息公开工作检查", "《中华人民共和国政府信息公开条例》", department.name, "主动公开情况",
                 "书面检查", "每年一次"}}});
  to_published(s, items, "2026-03-01");
  EXPECT_FALSE(s.public_view(site.id, items).results_list_id) << "no results published yet";
  const auto results = s.create(caller(editor), {"random_inspection_results", "邵阳市人民政府办公室随机抽查结果", department.id});
  try {
    s.upload(caller(editor), results,
             {{1, {"事项编码", "抽查对象", "抽查日期", "抽查结果", "发现问题", "查处情况", "检查部门"}},
              {2, {"CC-001", "某县人民政府", "2026-13-01", "合格", "", "", department.name}}});
    FAIL() << "a bad 抽查日期 is refused";
  } catch (const domain::Invalid& e) {
    EXPECT_NE(e.problems()[0].find("抽查日期"), std::string::npos) << e.problems()[0];
  }
  s.upload(caller(editor), results,
           {{1, {"事项编码", "抽查对象", "抽查日期", "抽查结果", "发现问题", "查处情况", "检查部门"}},
            {2, {"CC-001", "某县人民政府", "2026-04-10", "基本合格", "政策解读未与文件同步发布", "已责令限期整改", department.name}}});
  EXPECT_FALSE(s.public_view(site.id, items).results_list_id) << "a draft is not linked";
  to_published(s, results, "2026-04-15");
  EXPECT_EQ(s.public_view(site.id, items).results_list_id, results);
}

}  // namespace
}  // namespace zwgk::store::test
