// publish(): metadata check, the 索引号 made once and never changed, concurrency.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "domain/errors.hpp"
#include "store/document_repository.hpp"
#include "store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class PublishTest : public StoreTest {
 protected:
  DocumentRepository docs() { return DocumentRepository(*db); }
};

TEST_F(PublishTest, AssignsAnIndexNumberInTheSiteFormat) {
  const auto id = docs().save(complete_draft("第一份"));
  const auto doc = docs().publish(id);
  EXPECT_EQ(doc.state, domain::DocumentState::Published);
  EXPECT_EQ(doc.index_number, org_code + "/2017-00001");
  EXPECT_FALSE(doc.first_published_at.empty());
  const auto loaded = *docs().by_id(id);
  EXPECT_EQ(loaded.index_number, doc.index_number);
  EXPECT_EQ(loaded.state, domain::DocumentState::Published);
  EXPECT_EQ(loaded.first_published_at, doc.first_published_at);
  EXPECT_TRUE(tagged(domain::tag_document(id)));
  EXPECT_TRUE(tagged(domain::tag_site_lists(site.id)));
  EXPECT_TRUE(tagged(domain::tag_catalogue(catalogue("ghjh"))));
  EXPECT_TRUE(tagged(domain::tag_catalogue(catalogue("fdzdgknr"))));
  EXPECT_EQ(docs().by_index_number(site.id, doc.index_number)->id, id);

  // Serials count per (org, year).
  EXPECT_EQ(docs().publish(docs().save(complete_draft("第二份"))).index_number, org_code + "/2017-00002");
  EXPECT_EQ(docs().publish(docs().save(complete_draft("次年", "2018-01-05"))).index_number,
            org_code + "/2018-00001");
}

TEST_F(PublishTest, TheIndexNumberNeverChanges) {
  const auto id = docs().save(complete_draft("文件"));
  const auto first = docs().publish(id);
  const auto again = docs().publish(id);
  EXPECT_EQ(again.index_number, first.index_number);
  EXPECT_EQ(again.first_published_at, first.first_published_at);

  auto edited = *docs().by_id(id);
  edited.index_number = "HACKED/2017-99999";
  edited.title = "改过的标题";
  edited.published_on = date("2019-01-01");
  docs().save(edited);
  const auto loaded = *docs().by_id(id);
  EXPECT_EQ(loaded.index_number, first.index_number);
  EXPECT_EQ(loaded.title, "改过的标题");
  EXPECT_EQ(loaded.state, domain::DocumentState::Published);  // save keeps the state

  docs().withdraw(id);
  EXPECT_EQ(docs().by_id(id)->state, domain::DocumentState::Withdrawn);
  EXPECT_TRUE(tagged(domain::tag_document(id)));
  const auto republished = docs().publish(id);
  EXPECT_EQ(republished.index_number, first.index_number);
}

TEST_F(PublishTest, TemplateWithMonthAndOwnWidth) {
  auto s = site;
  s.index_number_format = "{org}-{year}{month}-{serial:3}";
  SiteRepository(*db).save(s);
  EXPECT_EQ(docs().publish(docs().save(complete_draft("月", "2017-05-02"))).index_number,
            org_code + "-201705-001");
  EXPECT_EQ(docs().publish(docs().save(complete_draft("月2", "2017-06-02"))).index_number,
            org_code + "-201706-001");
}

TEST_F(PublishTest, MissingMetadataIsRefusedAndChangesNothing) {
  auto d = complete_draft("缺目录");
  d.catalogue_id.reset();
  d.disclosure.reset();
  const auto id = docs().save(d);
  notifications = 0;
  try {
    docs().publish(id);
    FAIL() << "publish must refuse";
  } catch (const domain::ValidationError& e) {
    EXPECT_EQ(e.problems().size(), 2u);
    EXPECT_NE(std::string(e.what()).find("公开目录"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("公开形式"), std::string::npos) << e.what();
  }
  const auto loaded = *docs().by_id(id);
  EXPECT_EQ(loaded.state, domain::DocumentState::Draft);
  EXPECT_EQ(loaded.index_number, "");
  EXPECT_TRUE(loaded.first_published_at.empty());
  EXPECT_EQ(notifications, 0);
  // No serial was consumed.
  EXPECT_EQ(docs().publish(docs().save(complete_draft("完整"))).index_number, org_code + "/2017-00001");
}

TEST_F(PublishTest, DepartmentWithoutCodeIsRefused) {
  domain::Department d;
  d.site_id = site.id;
  d.name = "没有代码的部门";
  const auto dep = DepartmentRepository(*db).save(d);
  auto doc = complete_draft("文件");
  doc.department_id = dep.id;
  const auto id = docs().save(doc);
  try {
    docs().publish(id);
    FAIL();
  } catch (const domain::ValidationError& e) {
    EXPECT_EQ(std::string(e.what()), "公开责任部门缺少统一社会信用代码或组织机构代码，无法生成索引号");
  }
  EXPECT_EQ(docs().by_id(id)->state, domain::DocumentState::Draft);
}

TEST_F(PublishTest, LegacyRecordsPublishWithIncompleteMetadata) {
  domain::Document d;
  d.site_id = site.id;
  d.title = "2009年的旧文件";
  d.legacy = true;
  const auto id = docs().save(d);
  const auto doc = docs().publish(id);
  EXPECT_EQ(doc.state, domain::DocumentState::Published);
  EXPECT_EQ(doc.index_number, "");  // nothing to make one from

  // A legacy record keeps the index number it was imported with.
  auto with_number = complete_draft("带索引号的旧文件", "2012-03-04");
  with_number.legacy = true;
  with_number.index_number = "006796755/2012-00321";
  const auto kept = docs().publish(docs().save(with_number));
  EXPECT_EQ(kept.index_number, "006796755/2012-00321");

  // A complete legacy record gets one made like any other.
  auto complete = complete_draft("完整的旧文件", "2012-03-05");
  complete.legacy = true;
  EXPECT_EQ(docs().publish(docs().save(complete)).index_number, org_code + "/2012-00001");
}

TEST_F(PublishTest, AnImportedNumberIsNeverReissued) {
  auto imported = complete_draft("导入", "2017-01-01");
  imported.legacy = true;
  imported.index_number = org_code + "/2017-00001";
  docs().publish(docs().save(imported));
  EXPECT_EQ(docs().publish(docs().save(complete_draft("新"))).index_number, org_code + "/2017-00002");
}

TEST_F(PublishTest, PublishingAMissingDocumentIsNotFound) {
  EXPECT_THROW(docs().publish(987654), NotFound);
  EXPECT_THROW(docs().withdraw(987654), NotFound);
}

TEST_F(PublishTest, ConcurrentPublishingGivesContiguousDistinctSerials) {
  constexpr int kDocs = 200;
  constexpr int kThreads = 8;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kDocs; ++i) ids.push_back(docs().save(complete_draft("并发" + std::to_string(i))));
  std::vector<std::string> numbers(kDocs);
  std::atomic<int> next{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      DocumentRepository repo(*db);
      for (int i = next++; i < kDocs; i = next++) {
        try {
          numbers[static_cast<std::size_t>(i)] = repo.publish(ids[static_cast<std::size_t>(i)]).index_number;
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::string> distinct(numbers.begin(), numbers.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kDocs));
  std::set<int> serials;
  for (const auto& n : numbers) {
    ASSERT_EQ(n.rfind(org_code + "/2017-", 0), 0u) << n;
    serials.insert(std::stoi(n.substr(n.size() - 5)));
  }
  EXPECT_EQ(*serials.begin(), 1);
  EXPECT_EQ(*serials.rbegin(), kDocs);
  EXPECT_EQ(serials.size(), static_cast<std::size_t>(kDocs));
  EXPECT_EQ(db->pool_stats().in_use, 0u);
}

}  // namespace
}  // namespace zwgk::store::test
