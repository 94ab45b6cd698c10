// `zwgk demo`: the seed document with complete metadata and what the scrape lost restored,
// its interpretation, county sites, generated content, and idempotency. Once per backend.
#include "app/demo.hpp"

#include <gtest/gtest.h>

#include "modules/sjkf/store/dataset_repository.hpp"

#include <regex>

#include "domain/index_number.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"

namespace {

using namespace zwgk;
const char* kDemoDir = ZWGK_SOURCE_DIR "/data/demo";

TEST(Demo, CreditCodesHaveValidCheckCharacters) {
  // The domain layer's validator agrees with the generator.
  EXPECT_EQ(app::make_credit_code("430500", "00696755"), "114305000069675548");
  for (const char* base : {"00696763", "00696771", "00712301", "00718244", "12345678"})
    EXPECT_TRUE(domain::is_valid_org_code(app::make_credit_code("430522", base))) << base;
}

TEST(Demo, SeedTextBecomesHeadingsAndParagraphs) {
  const auto html = app::seed_text_to_html("总体要求。\n\n一、以政务公开助力稳增长\n\n(一)做好解读。正文<内容>。\n");
  EXPECT_EQ(html,
            "<p>总体要求。</p>\n<h2>一、以政务公开助力稳增长</h2>\n"
            "<p><strong>(一)做好解读。</strong>正文&lt;内容&gt;。</p>\n");
}

TEST(Demo, LoadsTheSeedDocumentWithFullMetadata) {
  auto db = open_test_database();
  const auto stats = app::load_demo(*db, kDemoDir, 1);
  ASSERT_TRUE(stats.errors.empty()) << stats.errors.front();
  EXPECT_EQ(stats.sites, 3);
  EXPECT_GT(stats.documents, 30);

  store::SiteRepository sites(*db);
  const auto city = sites.by_code("shaoyang");
  ASSERT_TRUE(city);
  EXPECT_EQ(city->name, "邵阳市人民政府");
  EXPECT_EQ(city->path_prefix, "");
  EXPECT_EQ(city->sponsor, "邵阳市人民政府办公室");
  EXPECT_EQ(city->site_id_code, "4305000001");
  EXPECT_EQ(city->domain, "www.shaoyang.gov.cn");
  EXPECT_FALSE(city->icp_record.empty());
  EXPECT_FALSE(city->police_record.empty());
  EXPECT_EQ(sites.by_code("xinshao")->path_prefix, "/xinshao");
  EXPECT_EQ(sites.by_code("shaodong")->path_prefix, "/shaodong");

  store::DocumentRepository docs(*db);
  const auto seed = docs.by_external_id(city->id, app::kSeedExternalId);
  ASSERT_TRUE(seed);
  EXPECT_EQ(seed->title, "2017年邵阳市政务公开工作要点");
  EXPECT_EQ(seed->state, domain::DocumentState::Published);
  EXPECT_FALSE(seed->legacy);
  EXPECT_TRUE(domain::missing_publication_metadata(*seed).empty());
  EXPECT_EQ(store::CatalogueRepository(*db).by_id(*seed->catalogue_id)->name, "规划计划");
  const auto dep = store::DepartmentRepository(*db).by_id(*seed->department_id);
  ASSERT_TRUE(dep);
  EXPECT_EQ(dep->name, "邵阳市人民政府办公室");
  EXPECT_TRUE(domain::is_valid_org_code(dep->credit_code)) << dep->credit_code;
  ASSERT_TRUE(seed->published_on && seed->effective_on && seed->expires_on && seed->written_on);
  EXPECT_EQ(seed->published_on->year(), 2017);
  EXPECT_EQ(seed->published_on->iso().substr(0, 7), "2017-05");
  EXPECT_EQ(seed->disclosure, domain::DisclosureForm::Proactive);

  // 索引号 with the organisation code the real page lacked.
  std::smatch m;
  ASSERT_TRUE(std::regex_match(seed->index_number, m, std::regex("([0-9A-Z]{18})/2017-(\\d{5})")))
      << seed->index_number;
  EXPECT_EQ(m[1].str(), dep->credit_code);

  // What the scrape lost, restored; the original's own typo kept.
  const auto& body = seed->body_html;
  for (const char* s : {"中办发〔2016〕8号", "国办发〔2017〕47号", "湘办发〔2016〕41号", "国办发〔2016〕61号", "舆论引导",
                        "政务舆情", "舆情反映", "12月20日前", "进一上完善", "<h2>一、以政务公开助力稳增长</h2>"})
    EXPECT_NE(body.find(s), std::string::npos) << s;
  for (const char* s : {"〔20168号", "政务情", "和论引导", "1220日前", "扫一扫", "主办单位", "分享到"})
    EXPECT_EQ(body.find(s), std::string::npos) << s;

  // Its interpretation, linked both ways.
  const auto jd = docs.by_external_id(city->id, app::kSeedInterpretationExternalId);
  ASSERT_TRUE(jd);
  EXPECT_EQ(jd->kind, domain::DocumentKind::Interpretation);
  EXPECT_EQ(jd->interprets_id, seed->id);
  EXPECT_EQ(store::CatalogueRepository(*db).by_id(*jd->catalogue_id)->name, "政策解读");
  const auto list = docs.interpretations_of(seed->id);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list.front().id, jd->id);
}

TEST(Demo, EveryHomeColumnAndSeveralCatalogueNodesHaveContent) {
  auto db = open_test_database();
  ASSERT_TRUE(app::load_demo(*db, kDemoDir, 2).errors.empty());
  store::SiteRepository sites(*db);
  store::CatalogueRepository catalogues(*db);
  store::DocumentRepository docs(*db);
  for (const char* site_code : {"shaoyang", "xinshao", "shaodong"}) {
    const auto site = sites.by_code(site_code);
    ASSERT_TRUE(site);
    const auto counts = docs.count_by_catalogue(site->id, true);
    for (const char* code : {"ywdt", "tzgg", "zcwj", "zcjd", "ghjh", "czyjs", "rsxx", "fdzdgknr"}) {
      const auto node = catalogues.by_code(site->id, code);
      ASSERT_TRUE(node) << code;
      EXPECT_GT(counts.count(node->id) ? counts.at(node->id) : 0, 0) << site_code << " " << code;
    }
  }
  // Some documents carry attachments, some are no longer in force.
  const auto city = sites.by_code("shaoyang");
  int with_attachments = 0, expired = 0, repealed = 0;
  docs.for_each(city->id, [&](const domain::Document& d) {
    if (!d.attachments.empty()) ++with_attachments;
    const auto v = domain::derive_validity(d, domain::Date::today());
    if (v == domain::Validity::Expired) ++expired;
    if (v == domain::Validity::Repealed) ++repealed;
  });
  EXPECT_GT(with_attachments, 0);
  EXPECT_GT(expired, 0);
  EXPECT_GT(repealed, 0);
}

TEST(Demo, RunningTwiceChangesNothing) {
  auto db = open_test_database();
  const auto first = app::load_demo(*db, kDemoDir, 1);
  ASSERT_TRUE(first.errors.empty()) << first.errors.front();
  EXPECT_GT(first.created, 0);
  const auto city = store::SiteRepository(*db).by_code("shaoyang");
  const auto seed = store::DocumentRepository(*db).by_external_id(city->id, app::kSeedExternalId);
  const auto departments = store::DepartmentRepository(*db).by_site(city->id).size();

  const auto second = app::load_demo(*db, kDemoDir, 1);
  EXPECT_TRUE(second.errors.empty());
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.unchanged, first.created);
  const auto seed_again = store::DocumentRepository(*db).by_external_id(city->id, app::kSeedExternalId);
  EXPECT_EQ(seed_again->index_number, seed->index_number);
  EXPECT_EQ(seed_again->updated_at, seed->updated_at);
  EXPECT_EQ(store::DepartmentRepository(*db).by_site(city->id).size(), departments);
  EXPECT_EQ(store::SiteRepository(*db).all().size(), 3u);
  // 数据开放: a file dataset and one following the 收费目录清单, once.
  const auto datasets = store::DatasetRepository(*db).published();
  ASSERT_EQ(datasets.size(), 2u);
  EXPECT_EQ(store::DatasetRepository(*db).resources(datasets[0].id).at(0).table.row_count, 3);
  EXPECT_TRUE(datasets[1].list_id.has_value());
}

TEST(Demo, WorksWithoutTheCorpus) {
  auto db = open_test_database();
  const auto stats = app::load_demo(*db, kDemoDir, 1, "/nonexistent/docs.jsonl");
  EXPECT_TRUE(stats.errors.empty());
  EXPECT_FALSE(stats.corpus_used);
  EXPECT_GT(stats.documents, 30);
}

}  // namespace
