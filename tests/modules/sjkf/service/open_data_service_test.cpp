// 数据开放, the use cases on both backends: a file is read into columns and rows when
// uploaded, refused whole when a cell holds an ID number (nothing written); only the office
// opens a dataset and only with a file; downloads are counted in the database; a 有条件开放
// dataset gives no file; a dataset made from a 清单 follows the list's version in force.
#include "modules/sjkf/service/open_data_service.hpp"

#include <gtest/gtest.h>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"
#include "modules/qd/service/list_service.hpp"

namespace zwgk::store::test {
namespace {

using modules::sjkf::OpenDataService;

class OpenDataServiceTest : public WorkflowTest {
 protected:
  OpenDataService on(const char* day) {
    now = domain::china_midnight(date(day)).time_since_epoch().count() + 10 * 3600;
    return OpenDataService(*db, [this] { return now; });
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n.action); };
    return c;
  }
  modules::sjkf::NewDataset bus() {
    modules::sjkf::NewDataset in;
    in.draft.name = "bus-stops";
    in.draft.title = "公交站点";
    in.draft.notes = "全市公交站点的名称、所在道路和线路数。";
    in.draft.field = "dljt";
    in.draft.frequency = "每月";
    in.draft.keywords = {"公交", "站点"};
    in.department_id = department.id;
    return in;
  }
  modules::sjkf::ResourceUpload csv(std::string bytes) {
    modules::sjkf::ResourceUpload u;
    u.file_name = "站点.csv";
    u.bytes = std::move(bytes);
    return u;
  }
  std::int64_t now = 0;
  std::vector<std::string> audited;
};

TEST_F(OpenDataServiceTest, AFileIsDescribedWhenUploaded) {
  auto s = on("2026-03-01");
  const auto id = s.create(caller(editor), bus());
  s.add_resource(caller(editor), id, csv("\xEF\xBB\xBF站点,道路,线路数\r\n火车站,宝庆路,12\r\n市政府,城南路,8\r\n"));
  const auto v = s.staff_view(caller(editor), id);
  ASSERT_EQ(v.resources.size(), 1u);
  const auto& r = v.resources[0];
  EXPECT_EQ(r.name, "站点");
  EXPECT_EQ(r.format, domain::ResourceFormat::Csv);
  EXPECT_EQ(r.table.row_count, 2);
  ASSERT_EQ(r.table.columns.size(), 3u);
  EXPECT_EQ(r.table.columns[2].type, "数值");
  EXPECT_EQ(r.table.preview[0][0], "火车站");
  EXPECT_EQ(audited, (std::vector<std::string>{"sjkf.create", "sjkf.add_resource"}));
  EXPECT_THROW(s.create(caller(editor), bus()), domain::Conflict) << "the name is taken";
  EXPECT_THROW(s.create(caller(other_editor), [&] { auto b = bus(); b.draft.name = "other"; return b; }()),
               domain::Forbidden)
      << "another department's dataset";
}

TEST_F(OpenDataServiceTest, AnIdNumberInACellRefusesTheFileAndWritesNothing) {
  auto s = on("2026-03-01");
  const auto id = s.create(caller(editor), bus());
  try {
    s.add_resource(caller(editor), id, csv("站点,联系人\n火车站,张三 430502199001011125\n"));
    FAIL() << "an ID number was taken";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("第2行「联系人」含有"), std::string::npos) << e.problems()[0];
    EXPECT_EQ(e.problems()[0].find("430502199001011125"), std::string::npos) << "the number is masked in the message";
  }
  EXPECT_TRUE(s.staff_view(caller(editor), id).resources.empty());
  EXPECT_THROW(s.add_resource(caller(editor), id, [] {
    modules::sjkf::ResourceUpload u;
    u.file_name = "站点.xlsx";
    u.bytes = "站点\n火车站\n";
    return u;
  }()), domain::Invalid) << "a CSV named .xlsx";
}

TEST_F(OpenDataServiceTest, OnlyTheOfficeOpensAndOnlyWithAFileAndDownloadsAreCounted) {
  auto s = on("2026-03-01");
  const auto id = s.create(caller(editor), bus());
  EXPECT_THROW(s.publish(caller(publisher), id), domain::Conflict) << "no file yet";
  const auto rid = s.add_resource(caller(editor), id, csv("站点,线路数\n火车站,12\n"));
  EXPECT_THROW(s.publish(caller(editor), id), domain::Forbidden);
  EXPECT_THROW(s.public_view(site.id, "bus-stops"), domain::NotFound) << "a draft is not public";
  s.publish(caller(publisher), id);
  const auto v = s.public_view(site.id, "bus-stops");
  EXPECT_EQ(s.public_view(std::nullopt, v.dataset.uuid).dataset.id, id) << "found by its uuid too";
  const auto uuid = v.resources[0].uuid;
  const auto first = s.download(site.id, "bus-stops", uuid);
  EXPECT_EQ(first.bytes, "站点,线路数\n火车站,12\n");
  EXPECT_EQ(first.file_name, "站点.csv");
  s.download(site.id, "bus-stops", uuid);
  EXPECT_EQ(s.download(site.id, "bus-stops", uuid, /*count=*/false).bytes, first.bytes);
  EXPECT_EQ(s.public_view(site.id, "bus-stops").resources[0].downloads, 2) << "a HEAD or a link check is no download";
  EXPECT_THROW(s.remove_resource(caller(editor), id, rid), domain::Conflict) << "an open dataset keeps one file";
  s.withdraw(caller(publisher), id);
  EXPECT_THROW(s.download(site.id, "bus-stops", uuid), domain::NotFound);
  EXPECT_TRUE(s.catalogue(site.id).empty());
}

TEST_F(OpenDataServiceTest, AConditionalDatasetGivesNoFile) {
  auto s = on("2026-03-01");
  auto in = bus();
  in.draft.condition = domain::OpenCondition::Conditional;
  in.draft.conditions = "向市交通运输局提出申请，说明用途。";
  const auto id = s.create(caller(editor), in);
  s.add_resource(caller(editor), id, csv("站点\n火车站\n"));
  s.publish(caller(publisher), id);
  const auto uuid = s.public_view(site.id, "bus-stops").resources[0].uuid;
  try {
    s.download(site.id, "bus-stops", uuid);
    FAIL() << "a conditional dataset gave its file";
  } catch (const domain::Forbidden& e) {
    EXPECT_NE(std::string(e.what()).find("向市交通运输局提出申请"), std::string::npos);
  }
  EXPECT_EQ(s.public_view(site.id, "bus-stops").resources[0].downloads, 0);
}

TEST_F(OpenDataServiceTest, ADatasetFromAListFollowsItsVersionInForce) {
  auto s = on("2026-03-01");
  modules::qd::ListService lists(*db, [this] { return now; });
  const auto list = lists.create(caller(editor), {"administrative_fees", "行政事业性收费目录清单", department.id});
  auto publish = [&](const std::vector<std::vector<std::string>>& rows, const char* effective) {
    std::vector<domain::SheetRow> sheet = {{1, {"收费单位", "项目名称", "收费标准", "依据", "资金管理方式"}}};
    int n = 2;
    for (const auto& r : rows) sheet.push_back({n++, r});
    lists.upload(caller(editor), list, sheet);
    lists.submit(caller(editor), list);
    lists.review(caller(reviewer), list, true, "");
    lists.publish(caller(publisher), list, effective);
  };
  auto in = bus();
  in.draft.name = "fees";
  in.list_id = list;
  EXPECT_THROW(s.create(caller(editor), in), domain::Invalid) << "the list is not published yet";
  publish({{"市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"}}, "2026-03-01");
  const auto id = s.create(caller(editor), in);
  s.publish(caller(publisher), id);
  auto v = s.public_view(site.id, "fees");
  ASSERT_EQ(v.resources.size(), 3u) << "CSV, XLSX, JSON";
  EXPECT_EQ(v.list_version, 1);
  EXPECT_EQ(v.resources[0].table.row_count, 1);
  EXPECT_EQ(v.resources[0].table.columns[1].name, "项目名称");
  EXPECT_THROW(s.add_resource(caller(editor), id, csv("a\n1\n")), domain::Conflict);
  publish({{"市公安局", "证照工本费", "每证20元", "价费字〔1992〕240号", "缴入国库"},
           {"市财政局", "会计证工本费", "每本10元", "财综〔2003〕1号", "缴入国库"}},
          "2026-03-01");
  v = s.public_view(site.id, "fees");
  EXPECT_EQ(v.list_version, 2);
  EXPECT_EQ(v.resources[0].table.row_count, 2);
  const auto dl = s.download(site.id, "fees", v.resources[0].uuid);
  EXPECT_EQ(dl.list_path, "/qd/" + std::to_string(list) + "/v2.csv");
  EXPECT_EQ(s.public_view(site.id, "fees").resources[0].downloads, 1);
}

}  // namespace
}  // namespace zwgk::store::test
