// 数据开放, the pure rules: what a dataset must say before it is saved, how keywords are
// typed, what a file's columns are, and package_search's parameters and matching.
#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "modules/sjkf/domain/dataset.hpp"
#include "modules/sjkf/domain/dataset_search.hpp"
#include "modules/sjkf/domain/resource_table.hpp"

namespace zwgk::domain {
namespace {

DatasetDraft good() {
  DatasetDraft d;
  d.name = "bus-routes";
  d.title = "公交线路及站点";
  d.notes = "全市公交线路、站点名称和首末班时间。";
  d.field = "dljt";
  d.frequency = "每月";
  return d;
}

TEST(Dataset, ProblemsNameTheirField) {
  EXPECT_TRUE(dataset_problems(good()).empty());
  auto d = good();
  d.name = "Bus Routes";
  d.frequency = "每两周";
  d.condition = OpenCondition::Conditional;
  const auto p = dataset_problems(d);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(p[0].find("数据集标识"), std::string::npos);
  EXPECT_EQ(p[1], "请选择更新频率");
  EXPECT_NE(p[2].find("开放条件"), std::string::npos);
  EXPECT_FALSE(is_dataset_name("a"));
  EXPECT_TRUE(is_dataset_name("fees_2026"));
}

TEST(Dataset, KeywordsAsOfficesTypeThem) {
  EXPECT_EQ(parse_keywords("交通, 公交、线路；站点，交通"), (std::vector<std::string>{"交通", "公交", "线路", "站点"}));
  EXPECT_EQ(join_keywords({"交通", "公交"}), "交通、公交");
  EXPECT_TRUE(parse_keywords(" 、 ").empty());
}

TEST(ResourceTable, ColumnsTypedByEveryCell) {
  const std::vector<SheetRow> rows = {{1, {"", ""}},
                                      {2, {"线路", "站点数", "开通日期"}},
                                      {3, {"1路", "24", "2001-05-01"}},
                                      {4, {"2路", "", "2003年7月1日"}},
                                      {5, {"K3路", "18.5", "不详"}}};
  const auto t = describe_rows(rows);
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].name, "线路");
  EXPECT_EQ(t.columns[0].type, "文本");
  EXPECT_EQ(t.columns[1].type, "数值") << "an empty cell does not make it text";
  EXPECT_EQ(t.columns[2].type, "文本") << "one cell is no date";
  EXPECT_EQ(t.row_count, 3);
  ASSERT_EQ(t.preview.size(), 3u);
  EXPECT_EQ(t.preview[1][2], "2003年7月1日");
  EXPECT_THROW(describe_rows({{1, {"线路"}}}), Invalid) << "a header alone";
  EXPECT_THROW(describe_rows({{1, {"线路", "", "日期"}}, {2, {"1", "2", "3"}}}), Invalid) << "a column without a name";
}

TEST(ResourceTable, JsonArraysOfObjectsOrRows) {
  const auto t = describe_json(R"([{"站点":"火车站","日期":"2026-03-01"},{"站点":"汽车站","日期":"2026-03-02","备注":null}])");
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].type, "日期");
  EXPECT_EQ(t.row_count, 2);
  EXPECT_EQ(t.preview[0][2], "");
  EXPECT_EQ(describe_json(R"({"data": [["a","b"],[1,2]]})").columns[0].type, "数值");
  EXPECT_THROW(describe_json("{\"a\": 1}"), Invalid);
  EXPECT_THROW(describe_json("[1, 2"), Invalid);
}

std::vector<DatasetRecord> records() {
  DatasetRecord a{"bus-routes", "公交线路", "全市公交线路和站点", "dept-1", "市交通运输局", "dljt", "道路交通",
                  {"公交", "交通"}, {"CSV", "JSON"}, {"线路表"}, "cc-by-4.0", "unconditional",
                  "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"};
  DatasetRecord b{"fees", "行政事业性收费目录", "收费项目和标准", "dept-2", "市财政局", "csjr", "财税金融",
                  {"收费"}, {"CSV", "XLSX", "JSON"}, {"收费清单"}, "cc-by-4.0", "unconditional",
                  "2026-02-01T00:00:00Z", "2026-02-15T00:00:00Z"};
  DatasetRecord c{"bus-gps", "公交车辆实时位置", "公交车辆位置，按申请开放", "dept-1", "市交通运输局", "dljt", "道路交通",
                  {"公交"}, {"JSON"}, {"位置"}, "gov-open-data", "conditional",
                  "2026-02-10T00:00:00Z", "2026-02-20T00:00:00Z"};
  return {a, b, c};
}

TEST(DatasetSearch, WordsFiltersSortAndPages) {
  const auto r = records();
  DatasetQuery q;
  q.q = "公交";
  auto m = search_datasets(r, q);
  EXPECT_EQ(m.count, 2);
  q.filters = {{"res_format", "CSV"}};
  m = search_datasets(r, q);
  ASSERT_EQ(m.count, 1);
  EXPECT_EQ(r[m.results[0]].name, "bus-routes");
  DatasetQuery all;
  all.sort = "metadata_modified desc";
  all.rows = 2;
  all.start = 1;
  m = search_datasets(r, all);
  EXPECT_EQ(m.count, 3);
  ASSERT_EQ(m.results.size(), 2u);
  EXPECT_EQ(r[m.results[0]].name, "bus-gps");
  EXPECT_EQ(r[m.results[1]].name, "fees");
  all.sort = "name asc";
  all.start = 0;
  all.rows = 10;
  EXPECT_EQ(r[search_datasets(r, all).results[0]].name, "bus-gps");
}

TEST(DatasetSearch, FacetsCountTheMatches) {
  DatasetQuery q;
  q.facet_fields = {"organization", "res_format"};
  const auto m = search_datasets(records(), q);
  const auto& orgs = m.facets.at("organization");
  ASSERT_EQ(orgs.size(), 2u);
  EXPECT_EQ(orgs[0].name, "dept-1");
  EXPECT_EQ(orgs[0].display_name, "市交通运输局");
  EXPECT_EQ(orgs[0].count, 2);
  const auto& formats = m.facets.at("res_format");
  EXPECT_EQ(formats[0].name, "JSON");
  EXPECT_EQ(formats[0].count, 3) << "a dataset counts once per format";
}

TEST(DatasetSearch, ParametersAreCheckedAndNamed) {
  DatasetQueryText t;
  t.q = "*:*";
  t.fq = "organization:dept-1 tags:\"公交 线路\"";
  t.rows = "5";
  t.facet_field = R"(["groups","tags"])";
  auto p = parse_dataset_query(t);
  EXPECT_TRUE(p.problems.empty());
  EXPECT_EQ(p.query.q, "");
  ASSERT_EQ(p.query.filters.size(), 2u);
  EXPECT_EQ(p.query.filters[1].second, "公交 线路");
  EXPECT_EQ(p.query.rows, 5);
  EXPECT_EQ(p.query.facet_fields.size(), 2u);
  DatasetQueryText bad;
  bad.rows = "很多";
  bad.sort = "random()";
  bad.fq = "author:someone";
  bad.facet_field = "organization";
  p = parse_dataset_query(bad);
  ASSERT_EQ(p.problems.size(), 4u);
  EXPECT_EQ(p.problems[0].first, "fq");
  EXPECT_EQ(p.problems[1].first, "sort");
  EXPECT_EQ(p.problems[2].first, "rows");
  EXPECT_EQ(p.problems[3].first, "facet.field");
}

}  // namespace
}  // namespace zwgk::domain
