// 自查监测's walk over a real site: the seed site served by the real server on loopback
// (tests/web/site_fixture.hpp), a second small server on 127.0.0.2 standing in for another
// organisation's site. A broken internal link and a broken attachment are found with the
// page they are on; an external link that starts answering with a redirect to another
// domain is flagged 外链变质; a site whose 网站标识码 is empty has pages with an empty
// SiteIDCode tag; the crawl's results join the day's report. No request leaves the machine.
#include <gtest/gtest.h>

#include <atomic>

#include "http/test_server.hpp"
#include "modules/zcjc/service/inspection_service.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/holiday_calendar.hpp"
#include "web/site_fixture.hpp"
#include "web/urls.hpp"

namespace zwgk::test {
namespace {

using domain::CheckLevel;

const domain::CheckResult& result(const std::vector<domain::CheckResult>& results, const std::string& code) {
  for (const auto& c : results)
    if (c.code == code) return c;
  throw std::runtime_error("no check " + code);
}

const domain::Evidence* evidence_for(const domain::CheckResult& r, const std::string& subject) {
  for (const auto& e : r.evidence)
    if (e.subject == subject) return &e;
  return nullptr;
}

std::string dump(const domain::CheckResult& r) {
  std::string out = r.summary + "\n";
  for (const auto& e : r.evidence) out += e.subject + " — " + e.detail + "\n";
  return out;
}

class InspectionCrawlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    other.options.address = "127.0.0.2";
    other.router.get("/zcfg/notice.html", [this](http::Request&) {
      http::Response r;
      if (moved) {
        r.status = 302;
        r.set_header("Location", "http://127.0.0.3:" + std::to_string(other.port) + "/casino/");
      } else {
        r.status = 200;
        r.content_type = "text/html; charset=utf-8";
        r.body = "<html><head><title>通知</title></head><body>通知</body></html>";
      }
      return r;
    });
    other.start();
  }

  // A published page of the seed site with the links under test; returns its id.
  std::int64_t publish_links_page(SiteServer& srv) {
    domain::Document d;
    d.site_id = srv.seed.site.id;
    d.title = "关于做好政务公开工作的通知";
    d.catalogue_id = srv.seed.ghjh.id;
    d.department_id = srv.seed.department.id;
    d.published_on = domain::Date::parse("2026-11-20");
    d.disclosure = domain::DisclosureForm::Proactive;
    d.body_html = "<p>详见<a href=\"/content/999999.html\">已删除的文件</a>和附件"
                  "<a href=\"" + web::attachment_url(std::string(64, '0'), "旧附件.pdf") + "\">旧附件.pdf</a>，"
                  "以及省政府<a href=\"http://127.0.0.2:" + std::to_string(other.port) + "/zcfg/notice.html\">通知</a>。</p>";
    store::DocumentRepository docs(*srv.db);
    const auto id = docs.save(d);
    docs.publish(id);
    return id;
  }

  modules::zcjc::InspectionService service(SiteServer& srv) {
    return modules::zcjc::InspectionService(*srv.db, key, calendar(), [] { return 1795000000LL; });
  }

  TestServer other;
  std::atomic<bool> moved{false};
  store::PersonalDataKey key = store::PersonalDataKey::derive_from(std::string(32, 'k'));
};

TEST_F(InspectionCrawlTest, ABrokenInternalLinkAndABrokenAttachmentAreFoundWithThePageTheyAreOn) {
  SiteServer srv;
  // The site's 信箱 exist, so the footer's 我为政府网站找错 link works (without them it is a 404
  // on every page, which this check would report).
  store::MailboxRepository(*srv.db).ensure_default_mailboxes(srv.seed.site.id, "市长信箱");
  const auto id = publish_links_page(srv);
  const std::string page = srv.base_url() + "/content/" + std::to_string(id) + ".html";
  modules::zcjc::SiteAddress address;
  address.base_url = srv.base_url();
  int progress_calls = 0;
  address.progress = [&](int, int) { ++progress_calls; };
  auto s = service(srv);
  const auto results = s.crawl(srv.seed.site.id, address);
  const auto& links = result(results, "links");
  EXPECT_EQ(links.level, CheckLevel::Warning) << links.summary;
  EXPECT_EQ(links.findings, 2) << dump(links) << " — external links are not checked by default";
  const auto* dead = evidence_for(links, srv.base_url() + "/content/999999.html");
  ASSERT_NE(dead, nullptr) << links.summary;
  EXPECT_NE(dead->detail.find("站内链接：页面不存在（404）"), std::string::npos) << dead->detail;
  EXPECT_NE(dead->detail.find("所在页面 " + page), std::string::npos) << dead->detail;
  EXPECT_NE(dead->detail.find("已删除的文件"), std::string::npos) << dead->detail;
  EXPECT_EQ(dead->url, page);
  const auto* attachment = evidence_for(links, srv.base_url() + web::attachment_url(std::string(64, '0'), "旧附件.pdf"));
  ASSERT_NE(attachment, nullptr) << links.summary;
  EXPECT_NE(attachment->detail.find("404"), std::string::npos) << attachment->detail;
  EXPECT_NE(attachment->detail.find("所在页面 " + page), std::string::npos);
  EXPECT_GT(progress_calls, 5);
  // The seed's pages carry every tag the 指引 asks for.
  const auto& tags = result(results, "page_identity");
  EXPECT_TRUE(tags.checked);
  EXPECT_EQ(tags.level, CheckLevel::Normal) << dump(tags);
  // The day's report shows what the walk found.
  const auto report = s.run(srv.seed.site.id);
  EXPECT_EQ(result(report.results, "links").findings, 2);
  EXPECT_NE(result(report.results, "links").summary.find("巡检于"), std::string::npos);
}

TEST_F(InspectionCrawlTest, AnExternalLinkThatStartsRedirectingToAnotherDomainIsFlagged) {
  SiteServer srv;
  store::MailboxRepository(*srv.db).ensure_default_mailboxes(srv.seed.site.id, "市长信箱");
  publish_links_page(srv);
  modules::zcjc::SiteAddress address;
  address.base_url = srv.base_url();
  address.check_external = true;
  auto s = service(srv);
  const std::string external = "http://127.0.0.2:" + std::to_string(other.port) + "/zcfg/notice.html";
  auto before = result(s.crawl(srv.seed.site.id, address), "links");
  EXPECT_EQ(evidence_for(before, external), nullptr) << "the other site still answers";
  moved = true;
  auto after = result(s.crawl(srv.seed.site.id, address), "links");
  const auto* flagged = evidence_for(after, external);
  ASSERT_NE(flagged, nullptr) << after.summary;
  EXPECT_NE(flagged->detail.find("外部链接：外链变质（跳转到其他域名 127.0.0.3）"), std::string::npos) << flagged->detail;
  EXPECT_EQ(after.findings, before.findings + 1);
}

TEST_F(InspectionCrawlTest, PagesOfASiteWithoutItsIdentificationCodeHaveAnEmptySiteIDCode) {
  SiteServer srv;
  auto site = srv.seed.site;
  site.site_id_code = "";
  store::SiteRepository(*srv.db).save(site);
  srv.cache.invalidate_all();
  modules::zcjc::SiteAddress address;
  address.base_url = srv.base_url();
  address.max_pages = 20;
  const auto tags = result(service(srv).crawl(site.id, address), "page_identity");
  EXPECT_EQ(tags.level, CheckLevel::Warning);
  ASSERT_FALSE(tags.evidence.empty());
  const auto* home = evidence_for(tags, srv.base_url() + "/");
  ASSERT_NE(home, nullptr) << tags.evidence.front().subject;
  EXPECT_NE(home->detail.find("首页"), std::string::npos) << home->detail;
  EXPECT_NE(home->detail.find("SiteIDCode"), std::string::npos) << home->detail;
}

}  // namespace
}  // namespace zwgk::test
