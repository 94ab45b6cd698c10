// The site's sensitive words (发布设置, kept by the publishing module) also keep a query off
// the public 本周热门搜索 list.
#include <gtest/gtest.h>

#include "modules/publishing/store/workflow_repository.hpp"
#include "store/hot_queries_fixture.hpp"

namespace zwgk::store::test {
namespace {

TEST_F(HotQueriesTest, SensitiveWordsAreNotShown) {
  searches("内部机密", 5);
  EXPECT_EQ(listed(), std::vector<std::string>{"内部机密"});
  WorkflowRepository(*db).set_sensitive_words(account(domain::Role::SiteAdmin, site.id), site.id, {"机密"}, actor);
  EXPECT_TRUE(listed().empty());
  EXPECT_TRUE(listed(0).empty());  // the cross-site list honours every site's words
}

}  // namespace
}  // namespace zwgk::store::test
