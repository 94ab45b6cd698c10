// Batch: many repository writes in one transaction, each call a savepoint (bulk import).
#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "domain/errors.hpp"
#include "store/database.hpp"
#include "store/store_fixture.hpp"

namespace zwgk::store::test {
namespace {

class BatchTest : public StoreTest {};

TEST_F(BatchTest, CommittedWritesAreVisibleAndNotifiedOnceAfterCommit) {
  DocumentRepository docs(*db);
  notifications = 0;
  std::int64_t a = 0, b = 0;
  {
    Batch batch(*db);
    batch.step([&] { a = docs.save(complete_draft("批量一")); });
    batch.step([&] { b = docs.publish(docs.save(complete_draft("批量二"))).id; });
    // Reads on this thread see the batch's own writes.
    ASSERT_TRUE(docs.by_id(a));
    EXPECT_EQ(docs.by_id(b)->state, domain::DocumentState::Published);
    EXPECT_EQ(notifications, 0) << "nothing is announced before the batch commits";
    batch.commit();
  }
  EXPECT_EQ(notifications, 1);
  EXPECT_TRUE(tagged(domain::tag_document(a)));
  EXPECT_TRUE(tagged(domain::tag_document(b)));
  EXPECT_EQ(docs.by_id(a)->title, "批量一");
  EXPECT_FALSE(docs.by_id(b)->index_number.empty());
  EXPECT_EQ(db->pool_stats().in_use, 0u);
}

TEST_F(BatchTest, ABatchNotCommittedLeavesNothing) {
  DocumentRepository docs(*db);
  notifications = 0;
  std::int64_t a = 0;
  {
    Batch batch(*db);
    batch.step([&] { a = docs.save(complete_draft("不会保存")); });
  }
  EXPECT_FALSE(docs.by_id(a));
  EXPECT_EQ(notifications, 0);
  EXPECT_EQ(db->pool_stats().in_use, 0u);
}

TEST_F(BatchTest, AFailingStepIsUndoneAloneAndTheBatchGoesOn) {
  DocumentRepository docs(*db);
  DepartmentRepository deps(*db);
  std::int64_t kept = 0;
  Batch batch(*db);
  batch.step([&] { kept = docs.save(complete_draft("保留")); });
  EXPECT_THROW(batch.step([&] {
                 deps.find_or_create(site.id, "半途而废的部门");
                 auto bad = complete_draft("缺少发文日期");
                 bad.published_on.reset();
                 docs.publish(docs.save(bad));  // ValidationError: 发文日期 missing
               }),
               domain::ValidationError);
  // A failing SQL statement inside a step must not poison the transaction (PostgreSQL).
  EXPECT_THROW(batch.step([&] {
                 domain::Department dup;
                 dup.site_id = site.id;
                 dup.name = department.name;  // unique per site
                 deps.save(dup);
               }),
               std::exception);
  std::int64_t after = 0;
  batch.step([&] { after = docs.save(complete_draft("之后")); });
  batch.commit();
  EXPECT_TRUE(docs.by_id(kept));
  EXPECT_TRUE(docs.by_id(after));
  EXPECT_FALSE(deps.by_name(site.id, "半途而废的部门")) << "the failed step's department is rolled back";
  DocumentQuery q;
  q.site_id = site.id;
  q.published_only = false;
  EXPECT_EQ(docs.list(q).total, 2);
}

TEST_F(BatchTest, OtherThreadsDoNotSeeUncommittedWrites) {
  // SQLite in WAL mode and PostgreSQL alike: readers see the last committed state.
  DocumentRepository docs(*db);
  Batch batch(*db);
  std::int64_t a = 0;
  batch.step([&] { a = docs.save(complete_draft("未提交")); });
  bool seen = true;
  std::thread([&] { seen = docs.by_id(a).has_value(); }).join();
  EXPECT_FALSE(seen);
  batch.commit();
  std::thread([&] { seen = docs.by_id(a).has_value(); }).join();
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace zwgk::store::test
