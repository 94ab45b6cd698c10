// 基层政务公开标准目录, the use cases on both backends: the office loads a shipped 领域 and its
// own sheet (a bad sheet is refused with the row and writes nothing; an ID number is caught),
// maps an item to a 公开目录 column and a 清单 type (its items go to the 领域's own column by
// default), re-importing keeps the mapping, and the item's status follows the column's
// documents: a draft past its 公开时限 is 逾期未公开. Editors may read, not write; every write
// is audited. Every shipped data file reads without a problem.
#include "modules/bzml/service/standard_catalogue_service.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/bzml/domain/standard_fields.hpp"
#include "modules/publishing/store/workflow_fixture.hpp"
#include "store/document_repository.hpp"
#include "support/holiday_calendar.hpp"

namespace zwgk::store::test {
namespace {

using modules::bzml::StandardCatalogueService;

const char* kCsvHeader = "序号,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n";

class StandardCatalogueServiceTest : public WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    dir = std::filesystem::temp_directory_path() / ("zwgk-bzml-" + std::to_string(::getpid()) + "-" +
                                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(dir);
    write("catalogues.csv", "文件,领域,主管部门,来源,核对\ncaizheng-yujuesuan.csv,财政预决算,财政部,https://example.gov.cn/czyjs,2026-12-03\n");
    write("caizheng-yujuesuan.csv",
          std::string(kCsvHeader) +
              "1,政府预决算,政府预算,一般公共预算；政府性基金预算,《中华人民共和国预算法》,本级人民代表大会或其常务委员会批准后20日内,县级财政部门,政府网站,全社会,主动,县级\n"
              "2,部门预决算,部门预算,部门收支总表；三公经费,《中华人民共和国预算法》第十四条,自信息形成或者变更之日起20个工作日内,各部门,政府网站,全社会,主动,县级\n");
  }
  void TearDown() override {
    std::filesystem::remove_all(dir);
    WorkflowTest::TearDown();
  }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; }
  StandardCatalogueService on(const char* day) {
    now = domain::china_midnight(date(day)).time_since_epoch().count() + 10 * 3600;
    return StandardCatalogueService(*db, zwgk::test::calendar(), [this] { return now; });
  }
  domain::Caller caller(const domain::Account& a) {
    domain::Caller c;
    c.account = a;
    c.name = a.username;
    c.audit = [this](const domain::AuditNote& n) { audited.push_back(n); };
    return c;
  }
  const modules::bzml::CatalogueItemView& item(const modules::bzml::CatalogueView& v, const std::string& level2) {
    for (const auto& i : v.items)
      if (i.stored.item.level2 == level2) return i;
    throw std::runtime_error("no item " + level2);
  }
  std::filesystem::path dir;
  std::int64_t now = 0;
  std::vector<domain::AuditNote> audited;
};

TEST_F(StandardCatalogueServiceTest, TheOfficeLoadsAShippedFieldItsItemsGoToTheFieldsColumn) {
  auto s = on("2026-11-02");
  EXPECT_THROW(s.import_shipped(caller(editor), "caizheng-yujuesuan", dir), domain::Forbidden);
  EXPECT_EQ(s.import_shipped(caller(publisher), "caizheng-yujuesuan", dir), 2);
  EXPECT_EQ(audited.back().action, "bzml.import");
  EXPECT_EQ(audited.back().object_id, "caizheng-yujuesuan");
  EXPECT_THROW(s.import_shipped(caller(publisher), "anquan-shengchan", dir), domain::NotFound);
  const auto v = s.catalogue(site.id, "caizheng-yujuesuan");
  EXPECT_EQ(v.catalogue.field, "财政预决算");
  EXPECT_EQ(v.catalogue.ministry, "财政部");
  EXPECT_EQ(v.catalogue.source, "https://example.gov.cn/czyjs");
  ASSERT_EQ(v.items.size(), 2u);
  const auto& budget = item(v, "部门预算");
  EXPECT_EQ(budget.stored.node_code, "czyjs") << "the 领域's own column of the default 公开目录";
  EXPECT_EQ(budget.status.state, domain::CatalogueItemState::NoRecords);
  EXPECT_EQ(budget.limit.kind, domain::TimeLimitKind::WithinDays);
  EXPECT_TRUE(budget.limit.working_days);
  EXPECT_THROW(s.catalogue(site.id, "jiuzai"), domain::NotFound);
}

TEST_F(StandardCatalogueServiceTest, TheStatusFollowsTheColumnsDocumentsAndTheMappingSurvivesAReimport) {
  auto s = on("2026-09-28");
  s.import_shipped(caller(publisher), "caizheng-yujuesuan", dir);
  auto v = s.catalogue(site.id, "caizheng-yujuesuan");
  const auto id = item(v, "部门预算").stored.id;
  EXPECT_THROW(s.map_item(caller(editor), id, "ghjh", ""), domain::Forbidden);
  try {
    s.map_item(caller(publisher), id, "nosuch", "nosuch_type");
    FAIL() << "an unknown column and type are refused";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0], "本网站的公开目录中没有代码为“nosuch”的栏目");
    EXPECT_EQ(e.problems()[1], "没有代码为“nosuch_type”的清单类型");
  }
  s.map_item(caller(publisher), id, "ghjh", "administrative_fees");
  EXPECT_EQ(audited.back().action, "bzml.map");
  // A draft of the column written on 2026-09-28, not published: due on the 20th working day, 10-30.
  DocumentRepository docs(*db);
  auto draft = complete_draft("邵阳市财政局2026年部门预算");
  draft.written_on = date("2026-09-28");
  docs.save(draft);
  EXPECT_EQ(item(on("2026-10-30").catalogue(site.id, "caizheng-yujuesuan"), "部门预算").status.state,
            domain::CatalogueItemState::Pending);
  const auto late = on("2026-11-02").catalogue(site.id, "caizheng-yujuesuan");
  const auto& i = item(late, "部门预算");
  EXPECT_EQ(i.status.state, domain::CatalogueItemState::Overdue);
  EXPECT_EQ(i.status.text(), "逾期未公开（应于2026-10-30前公开）");
  EXPECT_EQ(late.overdue, 1);
  EXPECT_EQ(i.stored.node_name, "规划计划");
  EXPECT_EQ(i.list_type_name, "行政事业性收费目录清单");
  ASSERT_EQ(on("2026-11-02").overdue(site.id).size(), 1u);

  // Re-imported with one item more: the mapped one keeps its column and type.
  write("caizheng-yujuesuan.csv",
        std::string(kCsvHeader) +
            "1,政府预决算,政府预算,一般公共预算,《中华人民共和国预算法》,本级人民代表大会或其常务委员会批准后20日内,县级财政部门,政府网站,全社会,主动,县级\n"
            "2,部门预决算,部门预算,部门收支总表,《中华人民共和国预算法》第十四条,自信息形成或者变更之日起20个工作日内,各部门,政府网站,全社会,主动,县级\n"
            "3,部门预决算,部门决算,部门决算报表,《中华人民共和国预算法》第十四条,财政部门批复后20日内,各部门,政府网站,全社会,主动,县级\n");
  EXPECT_EQ(on("2026-11-02").import_shipped(caller(publisher), "caizheng-yujuesuan", dir), 3);
  v = on("2026-11-02").catalogue(site.id, "caizheng-yujuesuan");
  ASSERT_EQ(v.items.size(), 3u);
  EXPECT_EQ(item(v, "部门预算").stored.node_code, "ghjh");
  EXPECT_EQ(item(v, "部门预算").stored.list_type, "administrative_fees");
  EXPECT_EQ(item(v, "部门决算").stored.node_code, "czyjs");
}

TEST_F(StandardCatalogueServiceTest, TheOfficesOwnSheetABadOneWritesNothing) {
  auto s = on("2026-11-02");
  modules::bzml::SheetImport in;
  in.code = "shuili-gongcheng";
  in.field = "水利工程领域";
  in.source = "本县标准目录";
  in.bytes = std::string(kCsvHeader) + "1,工程建设,项目审批,批复文件,《水法》,及时,县级水利部门,政府网站,全社会,主动,县级\n" +
             "2,工程建设,招标投标,,《招标投标法》,及时,县级水利部门,政府网站,全社会,主动,县级\n";
  try {
    s.import_sheet(caller(publisher), in);
    FAIL() << "a row without 公开内容 is refused";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0], "第3行缺少“公开内容（要素）”");
  }
  EXPECT_TRUE(s.catalogues(site.id).empty()) << "nothing was written";
  in.bytes = std::string(kCsvHeader) + "1,工程建设,项目审批,批复文件；联系人身份证430502199001011125,《水法》,及时,县级水利部门,政府网站,全社会,主动,县级\n";
  try {
    s.import_sheet(caller(publisher), in);
    FAIL() << "an ID number is caught";
  } catch (const domain::Invalid& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("第1项含有身份证号码"), std::string::npos) << e.problems()[0];
    EXPECT_EQ(e.problems()[0].find("430502199001011125"), std::string::npos) << "the message masks it";
  }
  EXPECT_TRUE(s.catalogues(site.id).empty());
  in.code = "Bad Code";
  EXPECT_THROW(s.import_sheet(caller(publisher), in), domain::Invalid);
  in.code = "shuili-gongcheng";
  in.bytes = std::string(kCsvHeader) + "1,工程建设,项目审批,批复文件,《水法》,及时,县级水利部门,政府网站,全社会,主动,县级\n";
  EXPECT_EQ(s.import_sheet(caller(publisher), in), 1);
  const auto v = s.catalogue(site.id, "shuili-gongcheng");
  EXPECT_EQ(v.catalogue.field, "水利工程") << "the trailing 领域 is dropped";
  EXPECT_FALSE(v.items[0].stored.node_id) << "a 领域 of the site's own has no default column";
  EXPECT_EQ(v.items[0].status.state, domain::CatalogueItemState::Unmapped);
  // A standard 领域 named by its name gets its code.
  in.code = "";
  in.field = "救灾";
  EXPECT_EQ(s.import_sheet(caller(publisher), in), 1);
  EXPECT_EQ(s.catalogue(site.id, "jiuzai").catalogue.ministry, "应急管理部");
}

TEST_F(StandardCatalogueServiceTest, EveryShippedDataFileReadsWithoutAProblem) {
  const auto shipped = modules::bzml::shipped_catalogues();
  ASSERT_GE(shipped.size(), 2u) << "data/bzml/catalogues.csv lists the 领域 that could be checked";
  auto s = on("2026-12-03");
  for (const auto& c : shipped) {
    SCOPED_TRACE(c.file);
    ASSERT_NE(domain::find_standard_field(c.code), nullptr) << "a code of the 26 领域";
    EXPECT_EQ(domain::find_standard_field(c.code)->name, c.field);
    EXPECT_FALSE(c.source.empty()) << "the source is noted";
    const int n = s.import_shipped(caller(publisher), c.code);
    EXPECT_GE(n, 3);
    const auto v = s.catalogue(site.id, c.code);
    int timed = 0;
    for (const auto& i : v.items) {
      EXPECT_FALSE(i.stored.item.time_limit.empty()) << i.stored.item.level2;
      if (i.limit.kind != domain::TimeLimitKind::Unparsed) ++timed;
    }
    EXPECT_GT(timed * 2, n) << "most 公开时限 are read into a rule";
  }
}

}  // namespace
}  // namespace zwgk::store::test
