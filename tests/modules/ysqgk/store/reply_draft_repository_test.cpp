// 答复意见稿 (migration 0007) on both backends: saved, replaced by a new draft, per
// application; and the console's list of one site's applications, newest received first.
#include <gtest/gtest.h>

#include "modules/ysqgk/store/request_fixture.hpp"
#include "modules/ysqgk/store/reply_draft_repository.hpp"

namespace zwgk::store::test {
namespace {

using domain::RequestState;

TEST_F(RequestStoreTest, ReplyDraftIsSavedAndReplaced) {
  auto r = repo();
  const auto a = r.insert(site.id, person_request("2024-09-27"));
  const auto b = r.insert(site.id, person_request("2024-09-30"));
  ReplyDraftRepository drafts(*db);
  EXPECT_FALSE(drafts.find(a.id));
  ReplyDraft d;
  d.outcome = domain::ReplyOutcome::PartiallyDisclosed;
  d.legal_basis = "第三十七条";
  d.note = "涉及第三方的部分已作区分处理";
  d.drafted_by = "陈发改";
  d.drafted_on = date("2024-10-08");
  drafts.save(a.id, d);
  auto got = drafts.find(a.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->outcome, domain::ReplyOutcome::PartiallyDisclosed);
  EXPECT_EQ(got->legal_basis, "第三十七条");
  EXPECT_EQ(got->note, "涉及第三方的部分已作区分处理");
  EXPECT_EQ(got->drafted_by, "陈发改");
  EXPECT_EQ(got->drafted_on, date("2024-10-08"));
  d.outcome = domain::ReplyOutcome::Disclosed;
  d.note.clear();
  drafts.save(a.id, d);
  got = drafts.find(a.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->outcome, domain::ReplyOutcome::Disclosed);
  EXPECT_EQ(got->note, "");
  EXPECT_FALSE(drafts.find(b.id));
}

TEST_F(RequestStoreTest, ListIsOneSiteNewestFirstAndFiltersByState) {
  auto r = repo();
  const auto a = r.insert(site.id, person_request("2024-09-27"));
  const auto b = r.insert(site.id, person_request("2024-10-08"));
  ASSERT_TRUE(office().assign(a.tracking_number, date("2024-10-08"), named_department("市政府办"), "tester", cal()));
  auto all = r.list(site.id, std::nullopt);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].request.tracking_number, b.tracking_number);
  EXPECT_EQ(all[1].request.tracking_number, a.tracking_number);
  auto assigned = r.list(site.id, RequestState::Assigned);
  ASSERT_EQ(assigned.size(), 1u);
  EXPECT_EQ(assigned[0].request.tracking_number, a.tracking_number);
  EXPECT_EQ(r.list(site.id, std::nullopt, 1).size(), 1u);
  EXPECT_TRUE(r.list(site.id + 1000, std::nullopt).empty());
}

}  // namespace
}  // namespace zwgk::store::test
