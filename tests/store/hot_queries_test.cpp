// 本周热门搜索 in the store (store/hot_queries.hpp, store/hot_query_tally.hpp), on the backend
// the environment chooses: the tally is written in batches and bounded; only queries asked
// by N different visitors are listed; personal data is never stored; sensitive words are
// never shown; pin, hide and off work, are audited in their transaction and need the right.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/errors.hpp"
#include "store/audit_log.hpp"
#include "store/hot_queries.hpp"
#include "store/hot_query_tally.hpp"
#include "store/hot_queries_fixture.hpp"

namespace zwgk::store::test {
namespace {


TEST_F(HotQueriesTest, TheTallyIsWrittenInOneBatchAndCountsEverySearch) {
  HotQueryTallyBuffer tally;
  const auto q = *countable_hot_query("政务公开", today);
  for (int i = 0; i < 100; ++i) tally.add(site.id, q, visitor_hash(key, "10.0.0." + std::to_string(i % 4)));
  // Nothing is in the database before the flush: no write per search.
  EXPECT_TRUE(HotQueryRepository(*db).stored_texts(site.id).empty());
  tally.flush(*db, today);
  auto o = HotQueryRepository(*db).overview(site.id, policy, today);
  ASSERT_EQ(o.counted.size(), 1u);
  EXPECT_EQ(o.counted[0].query, "政务公开");
  EXPECT_EQ(o.counted[0].count, 100);
  EXPECT_EQ(o.counted[0].visitors, 4);
  // A second batch adds to the first; a visitor seen before is not counted twice.
  tally.add(site.id, q, visitor_hash(key, "10.0.0.1"));
  tally.flush(*db, today);
  o = HotQueryRepository(*db).overview(site.id, policy, today);
  EXPECT_EQ(o.counted[0].count, 101);
  EXPECT_EQ(o.counted[0].visitors, 4);
  EXPECT_TRUE(tally.take().empty());
}

TEST_F(HotQueriesTest, AFloodOfDistinctQueriesIsBounded) {
  HotQueryTallyBuffer tally({10, 15});
  for (int i = 0; i < 1000; ++i) tally.add(site.id, "检索词" + std::to_string(i), "v" + std::to_string(i));
  for (int i = 0; i < 50; ++i) tally.add(site.id, "检索词0", "w" + std::to_string(i));
  const auto batch = tally.take();
  EXPECT_EQ(batch.size(), 10u);
  std::size_t visitors = 0;
  for (const auto& t : batch) visitors += t.visitors.size();
  EXPECT_LE(visitors, 15u);
  EXPECT_GT(tally.dropped(), 0u);
  // Known keys keep counting searches when the visitor budget is spent.
  const auto zero = std::find_if(batch.begin(), batch.end(), [](const auto& t) { return t.query == "检索词0"; });
  ASSERT_NE(zero, batch.end());
  EXPECT_EQ(zero->searches, 51);
}

TEST_F(HotQueriesTest, AQueryIsListedFromNDifferentVisitorsOn) {
  searches("低保", 2, 50);  // many searches, two visitors: not enough
  EXPECT_TRUE(listed().empty());
  searches("医保", 3);
  EXPECT_EQ(listed(), std::vector<std::string>{"医保"});
  searches("低保", 3);  // visitor 3 is new for 低保
  EXPECT_EQ(listed(), (std::vector<std::string>{"低保", "医保"}));  // equal visitors: more searches first
}

TEST_F(HotQueriesTest, PersonalDataIsNeverStoredNorListed) {
  for (const char* text : {"43052219910317246X", "13812345678", "zhangsan@example.com", "6222021234567890128",
                           "查询 43052219910317246x 的材料", "１３８１２３４５６７８"}) {
    EXPECT_FALSE(countable_hot_query(text, today)) << text;
    searches(text, 10, 5);
  }
  EXPECT_TRUE(HotQueryRepository(*db).stored_texts(site.id).empty());
  EXPECT_TRUE(listed().empty());
  // And the console refuses to pin or hide one.
  EXPECT_THROW(HotQueryRepository(*db).set_rule(account(domain::Role::Publisher, site.id), site.id, "13812345678",
                                                HotQueryRule::Pin, actor, today),
               domain::ValidationError);
}

TEST_F(HotQueriesTest, OnlyTheLastSevenDaysCount) {
  HotQueryTallyBuffer tally;
  for (int v = 0; v < 3; ++v) tally.add(site.id, "旧闻", visitor_hash(key, std::to_string(v)));
  tally.flush(*db, date("2026-02-20"));
  EXPECT_TRUE(listed().empty());
  searches("新闻", 3);  // the flush on `today` also deletes the old rows
  EXPECT_EQ(HotQueryRepository(*db).stored_texts(site.id), std::vector<std::string>{"新闻"});
}

TEST_F(HotQueriesTest, PinHideAndOffWorkAreAuditedAndInvalidateTheSearchPages) {
  HotQueryRepository repo(*db);
  const auto office = account(domain::Role::Publisher, site.id);
  searches("医保", 3);
  searches("低保", 4);
  ASSERT_EQ(listed(), (std::vector<std::string>{"低保", "医保"}));
  const auto before = AuditLog(*db).count();

  repo.set_rule(office, site.id, "防汛", HotQueryRule::Pin, actor, today);  // pinned without any search
  EXPECT_TRUE(tagged(domain::tag_site_search(site.id)));
  EXPECT_EQ(listed(), (std::vector<std::string>{"防汛", "低保", "医保"}));
  repo.set_rule(office, site.id, "低保", HotQueryRule::Hide, actor, today);
  EXPECT_EQ(listed(), (std::vector<std::string>{"防汛", "医保"}));
  EXPECT_EQ(listed(0), std::vector<std::string>{});  // nothing counted across sites
  repo.set_enabled(office, site.id, false, actor);
  EXPECT_TRUE(listed().empty());
  auto o = repo.overview(site.id, policy, today);
  EXPECT_FALSE(o.enabled);
  EXPECT_FALSE(o.enabled_is_default);
  EXPECT_EQ(o.pinned, std::vector<std::string>{"防汛"});
  EXPECT_EQ(o.hidden, std::vector<std::string>{"低保"});
  repo.set_enabled(office, site.id, true, actor);
  repo.set_rule(office, site.id, "低保", HotQueryRule::None, actor, today);
  EXPECT_EQ(listed(), (std::vector<std::string>{"防汛", "低保", "医保"}));

  const auto entries = AuditLog(*db).entries("site", std::to_string(site.id));
  EXPECT_EQ(AuditLog(*db).count(), before + 5);
  int rules = 0, toggles = 0;
  for (const auto& e : entries) {
    if (e.action == "kernel.hot_query_rule") ++rules;
    if (e.action == "kernel.hot_queries_enabled") ++toggles;
    if (e.action == "kernel.hot_query_rule" || e.action == "kernel.hot_queries_enabled") {
      EXPECT_EQ(e.actor.username, "office");
      EXPECT_EQ(e.site_id, site.id);
    }
  }
  EXPECT_EQ(rules, 3);
  EXPECT_EQ(toggles, 2);
  EXPECT_FALSE(AuditLog(*db).verify());
}

TEST_F(HotQueriesTest, OnlyTheOfficeAndTheSiteAdministratorMayChangeTheList) {
  HotQueryRepository repo(*db);
  const auto before = AuditLog(*db).count();
  for (auto role : {domain::Role::DepartmentEditor, domain::Role::DepartmentReviewer, domain::Role::Auditor}) {
    EXPECT_THROW(repo.set_enabled(account(role, site.id), site.id, false, actor), domain::Forbidden);
    EXPECT_THROW(repo.set_rule(account(role, site.id), site.id, "低保", HotQueryRule::Hide, actor, today), domain::Forbidden);
  }
  // Another site's office.
  EXPECT_THROW(repo.set_enabled(account(domain::Role::Publisher, site.id + 1), site.id, false, actor), domain::Forbidden);
  EXPECT_EQ(AuditLog(*db).count(), before);
  EXPECT_TRUE(repo.overview(site.id, policy, today).enabled);
  repo.set_enabled(account(domain::Role::SiteAdmin, site.id), site.id, false, actor);
  EXPECT_FALSE(repo.overview(site.id, policy, today).enabled);
}

TEST_F(HotQueriesTest, TheInstallationDefaultAppliesUntilTheOfficeDecides) {
  searches("医保", 3);
  policy.enabled_by_default = false;
  EXPECT_TRUE(listed().empty());
  HotQueryRepository(*db).set_enabled(account(domain::Role::Publisher, site.id), site.id, true, actor);
  EXPECT_EQ(listed(), std::vector<std::string>{"医保"});
}

TEST(HotQueryVisitor, TheHashIsKeyedAndHidesTheAddress) {
  const auto a = visitor_key("secret one"), b = visitor_key("secret two");
  EXPECT_EQ(visitor_hash(a, "203.0.113.7"), visitor_hash(a, "203.0.113.7"));
  EXPECT_NE(visitor_hash(a, "203.0.113.7"), visitor_hash(b, "203.0.113.7"));
  EXPECT_NE(visitor_hash(a, "203.0.113.7"), visitor_hash(a, "203.0.113.8"));
  EXPECT_EQ(visitor_hash(a, "203.0.113.7").size(), 16u);
  EXPECT_EQ(visitor_hash(a, "203.0.113.7").find("203"), std::string::npos);
}

}  // namespace
}  // namespace zwgk::store::test
