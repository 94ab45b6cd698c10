// Published versions on the public page: the list with change notes (major ones only), each
// version at P/content/{id}/v{n}.html, the withdrawal reason; pages follow the workflow.
#include <gtest/gtest.h>

#include "modules/publishing/store/workflow_repository.hpp"
#include "web/site_fixture.hpp"
#include "web/urls.hpp"

using namespace zwgk;
using namespace zwgk::test;

namespace {

domain::Account account(std::int64_t id, domain::Role role, const Seed& seed) {
  domain::Account a;
  a.id = id;
  a.username = "user" + std::to_string(id);
  a.role = role;
  a.site_id = seed.site.id;
  a.department_id = seed.department.id;
  return a;
}

TEST(DocumentVersions, EachPublishedVersionHasItsOwnUrlAndTheMajorOnesAreListed) {
  SiteServer s;
  store::WorkflowRepository wf(*s.db);
  const auto editor = account(1, domain::Role::DepartmentEditor, s.seed);
  const auto reviewer = account(2, domain::Role::DepartmentReviewer, s.seed);
  const auto publisher = account(3, domain::Role::Publisher, s.seed);
  const store::Actor who{1, "user1", "127.0.0.1"};
  auto approve = [&](std::int64_t id) {
    wf.submit(editor, id, who);
    wf.start_review(reviewer, id, who);
    wf.decide(reviewer, id, {domain::DisclosureForm::Proactive, std::nullopt, "同意"}, who);
    wf.approve(publisher, id, who);
    return wf.info(id)->latest_revision;
  };

  domain::Document d;
  d.site_id = s.seed.site.id;
  d.title = "邵阳市城区停车管理办法（第一版）";
  d.catalogue_id = s.seed.ghjh.id;
  d.department_id = s.seed.department.id;
  d.published_on = domain::Date::parse("2017-05-02");
  d.disclosure = domain::DisclosureForm::Proactive;
  d.body_html = "<p>第一版正文</p>";
  auto ref = wf.create_draft(editor, d, who, *domain::Date::parse("2026-06-30"));
  const std::string url = web::document_url(s.seed.site, ref.id);
  EXPECT_EQ(s.get(url).status, 404) << "a draft does not exist for the public";
  wf.publish(publisher, ref.id, approve(ref.id), {}, who);
  auto first = s.get(url);
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("第一版正文"), std::string::npos);
  EXPECT_EQ(first.body.find("历史版本"), std::string::npos) << "one version: no history yet";

  // Amend (major), then a minor typo fix.
  auto doc = *store::DocumentRepository(*s.db).by_id(ref.id);
  doc.title = "邵阳市城区停车管理办法";
  doc.body_html = "<p>第二版正文</p>";
  wf.save(editor, doc, wf.info(ref.id)->latest_revision, who);
  EXPECT_NE(s.get(url).body.find("第一版正文"), std::string::npos) << "the amendment is not public yet";
  wf.publish(publisher, ref.id, approve(ref.id), {"调整收费时段", true}, who);
  doc = *store::DocumentRepository(*s.db).by_id(ref.id);
  doc.body_html = "<p>第二版正文（更正错字）</p>";
  wf.save(editor, doc, wf.info(ref.id)->latest_revision, who);
  wf.publish(publisher, ref.id, approve(ref.id), {"更正错别字", false}, who);

  auto page = s.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("第二版正文（更正错字）"), std::string::npos) << "the page follows the publication";
  EXPECT_NE(page.body.find("历史版本"), std::string::npos);
  EXPECT_NE(page.body.find("/content/" + std::to_string(ref.id) + "/v1.html"), std::string::npos);
  EXPECT_NE(page.body.find("/content/" + std::to_string(ref.id) + "/v2.html"), std::string::npos);
  EXPECT_NE(page.body.find("调整收费时段"), std::string::npos);
  EXPECT_EQ(page.body.find("更正错别字"), std::string::npos) << "minor changes are recorded, not announced";

  auto v1 = s.get("/content/" + std::to_string(ref.id) + "/v1.html");
  ASSERT_EQ(v1.status, 200);
  EXPECT_NE(v1.body.find("第一版正文"), std::string::npos);
  EXPECT_NE(v1.body.find("邵阳市城区停车管理办法（第一版）"), std::string::npos);
  EXPECT_NE(v1.body.find("您正在查看本文件的第1版"), std::string::npos);
  auto v3 = s.get("/content/" + std::to_string(ref.id) + "/v3.html");
  ASSERT_EQ(v3.status, 200) << "a minor version is still readable at its URL";
  EXPECT_NE(v3.body.find("第二版正文（更正错字）"), std::string::npos);
  EXPECT_EQ(s.get("/content/" + std::to_string(ref.id) + "/v4.html").status, 404);
  EXPECT_EQ(s.get("/content/" + std::to_string(ref.id) + "/v01.html").status, 404);
  EXPECT_EQ(s.get("/content/" + std::to_string(s.seed.draft_id) + "/v1.html").status, 404);

  // A corrected change note shows on the page (the cache follows).
  wf.correct_change_note(publisher, ref.id, 2, "调整收费时段和收费标准", who);
  EXPECT_NE(s.get(url).body.find("调整收费时段和收费标准"), std::string::npos);

  // Withdrawn: the page stays and says why.
  wf.withdraw(publisher, ref.id, "已被新办法取代", who);
  auto withdrawn = s.get(url);
  ASSERT_EQ(withdrawn.status, 200);
  EXPECT_NE(withdrawn.body.find("该信息已撤回"), std::string::npos);
  EXPECT_NE(withdrawn.body.find("撤回原因：已被新办法取代"), std::string::npos);
  EXPECT_EQ(withdrawn.body.find("第二版正文"), std::string::npos);
}

}  // namespace
