// Who may download a stored file (ADR 0011), over a real socket: /attachments/ serves only
// files of published documents (current or past published version); drafts' files, files only
// in an unpublished revision, files disclosed to one applicant and the bytes of a refused
// upload are 404; withdrawal drops the file, cached response included; the console serves a
// draft's file to users who may see the document and refuses others.
#include <gtest/gtest.h>

#include "modules/ysqgk/domain/disclosure_request.hpp"
#include "ingest/ingest_samples.hpp"
#include "store/account_repository.hpp"
#include "store/blob_store.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/personal_data_key.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "web/console/console.hpp"
#include "web/console_client.hpp"
#include "web/site_fixture.hpp"
#include "web/site_resolver.hpp"
#include "web/urls.hpp"

namespace zwgk::test {
namespace {

class AttachmentServer : public SiteServer {
 public:
  AttachmentServer() {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    console->register_routes(router);
    register_module_consoles(*console);
    domain::Department other;
    other.site_id = seed.site.id;
    other.name = "邵阳市财政局";
    other_department = store::DepartmentRepository(*db).save(other);
    make("editor", domain::Role::DepartmentEditor, seed.site.id, seed.department.id);
    make("other", domain::Role::DepartmentEditor, seed.site.id, other_department.id);
    make("county", domain::Role::SiteAdmin, seed.county.id, std::nullopt);
  }
  void make(const std::string& u, domain::Role r, std::int64_t site, std::optional<std::int64_t> dep) {
    domain::Account a;
    a.username = u;
    a.display_name = u;
    a.role = r;
    a.site_id = site;
    a.department_id = dep;
    store::AccountRepository(*db).create(a, "correct horse");
  }
  ConsoleSession login(const std::string& user) const {
    auto c = ConsoleSession::login(port, user, "correct horse");
    EXPECT_FALSE(c.cookie.empty()) << user;
    return c;
  }
  std::unique_ptr<web::console::ConsoleApp> console;
  domain::Department other_department;
};

// POST /console/documents/{id}/attachments, multipart.
HttpResult upload(const ConsoleSession& s, std::int64_t id, int expected_revision, const std::string& file_name,
                  const std::string& data) {
  const std::string boundary = "----zwgkAttachmentBoundary";
  std::string body;
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"csrf_token", s.csrf}, {"expected_revision", std::to_string(expected_revision)}})
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
  const std::string req = "POST /console/documents/" + std::to_string(id) +
                          "/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " + s.cookie +
                          "\r\nContent-Type: multipart/form-data; boundary=" + boundary +
                          "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return parse_http_response(http_exchange(s.port, req));
}

domain::Account account(std::int64_t id, domain::Role role, const Seed& seed) {
  domain::Account a;
  a.id = id;
  a.username = "workflow" + std::to_string(id);
  a.role = role;
  a.site_id = seed.site.id;
  a.department_id = seed.department.id;
  return a;
}

TEST(AttachmentAccess, PublicFilesFollowPublicationAndTheConsoleServesDrafts) {
  AttachmentServer s;
  store::WorkflowRepository wf(*s.db);
  const auto editor_account = account(9001, domain::Role::DepartmentEditor, s.seed);
  const auto reviewer = account(9002, domain::Role::DepartmentReviewer, s.seed);
  const auto publisher = account(9003, domain::Role::Publisher, s.seed);
  const store::Actor who{9001, "workflow9001", "127.0.0.1"};
  auto approve = [&](std::int64_t id) {
    wf.submit(editor_account, id, who);
    wf.start_review(reviewer, id, who);
    wf.decide(reviewer, id, {domain::DisclosureForm::Proactive, std::nullopt, "同意"}, who);
    wf.approve(publisher, id, who);
    return wf.info(id)->latest_revision;
  };
  domain::Document d;
  d.site_id = s.seed.site.id;
  d.title = "邵阳市城区停车管理办法";
  d.catalogue_id = s.seed.ghjh.id;
  d.department_id = s.seed.department.id;
  d.published_on = domain::Date::parse("2017-05-02");
  d.disclosure = domain::DisclosureForm::Proactive;
  d.body_html = "<p>正文</p>";
  const auto id = wf.create_draft(editor_account, d, who, *domain::Date::parse("2026-06-30")).id;
  const std::string doc_console = "/console/documents/" + std::to_string(id);

  // A draft's file: not public; the console serves it to the editor of the department.
  auto editor = s.login("editor");
  const std::string v1 = ingest::testing::make_pdf({"Parking rules, version one"});
  ASSERT_EQ(upload(editor, id, 1, "第一版.pdf", v1).status, 303);
  const std::string url1 = web::attachment_url(store::sha256_hex(v1), "第一版.pdf");
  EXPECT_EQ(s.get(url1).status, 404) << "a draft's attachment";
  auto mine = editor.get(doc_console + url1);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body, v1);
  EXPECT_NE(mine.header("cache-control").value_or("").find("no-store"), std::string::npos);
  EXPECT_NE(editor.get(doc_console + "/edit").body.find(doc_console + url1), std::string::npos)
      << "the draft's editor links the console route";
  EXPECT_NE(editor.get(doc_console + "/").body.find(doc_console + url1), std::string::npos);
  EXPECT_EQ(s.login("other").get(doc_console + url1).status, 403) << "another department";
  EXPECT_EQ(s.login("county").get(doc_console + url1).status, 403) << "another site";
  EXPECT_NE(s.get(doc_console + url1).status, 200) << "not signed in";
  EXPECT_EQ(editor.get(doc_console + web::attachment_url(s.seed.pdf_sha, "x.pdf")).status, 404)
      << "a file of another document";

  // An upload refused with 409 (stale revision) leaves no bytes anywhere.
  const std::string refused = ingest::testing::make_pdf({"Refused upload"});
  EXPECT_EQ(upload(editor, id, 1, "冲突.pdf", refused).status, 409);
  EXPECT_FALSE(store::BlobStore(*s.db).get(store::sha256_hex(refused)));
  EXPECT_EQ(s.get(web::attachment_url(store::sha256_hex(refused), "冲突.pdf")).status, 404) << "a refused upload";

  // Published: downloadable, revalidated by browsers, kept in the page cache.
  wf.publish(publisher, id, approve(id), {}, who);
  const auto before = s.cache.entries();
  auto pub = s.get(url1);
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(pub.body, v1);
  EXPECT_EQ(pub.header("cache-control").value_or(""), "public, no-cache");
  EXPECT_GT(s.cache.entries(), before) << "public attachments are page-cached";

  // An amendment replaces the file: the new one exists only in an unpublished revision.
  const std::string v2 = ingest::testing::make_pdf({"Parking rules, version two"});
  ASSERT_EQ(upload(editor, id, wf.info(id)->latest_revision, "第二版.pdf", v2).status, 303);
  ASSERT_EQ(editor.post(doc_console + "/attachments/remove",
                        {{"expected_revision", std::to_string(wf.info(id)->latest_revision)}, {"position", "0"}})
                .status,
            303);
  const std::string url2 = web::attachment_url(store::sha256_hex(v2), "第二版.pdf");
  EXPECT_EQ(s.get(url2).status, 404) << "a file only in an unpublished revision";
  EXPECT_EQ(editor.get(doc_console + url2).status, 200);
  EXPECT_EQ(s.get(url1).status, 200) << "the published version still lists it";

  wf.publish(publisher, id, approve(id), {"更换附件", true}, who);
  EXPECT_EQ(s.get(url2).status, 200);
  auto past = s.get(url1);
  EXPECT_EQ(past.status, 200) << "a file of a published past version (v1)";
  EXPECT_EQ(past.body, v1);
  ASSERT_EQ(s.get("/content/" + std::to_string(id) + "/v1.html").status, 200);

  // Withdrawal: both files gone, the cached responses too.
  ASSERT_EQ(s.get(url1).status, 200);
  ASSERT_EQ(s.get(url2).status, 200);
  wf.withdraw(publisher, id, "内容有误", who);
  EXPECT_EQ(s.get(url1).status, 404);
  EXPECT_EQ(s.get(url2).status, 404);
  EXPECT_EQ(editor.get(doc_console + url2).status, 200) << "the console still has it";
}

TEST(AttachmentAccess, SeededPublishedFilesDownloadAndDraftRowsDoNot) {
  SiteServer s;
  auto ok = s.get(web::attachment_url(s.seed.pdf_sha, s.seed.pdf_name));
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, s.seed.pdf_bytes);
  // A draft saved straight into the documents row (no workflow) with its own file.
  store::DocumentRepository docs(*s.db);
  auto draft = *docs.by_id(s.seed.draft_id);
  domain::Attachment a;
  a.file_name = "草稿附件.pdf";
  a.media_type = "application/pdf";
  a.sha256 = store::BlobStore(*s.db).put("%PDF-1.4 draft only", "application/pdf");
  a.size = 19;
  draft.attachments = {a};
  docs.save(draft);
  EXPECT_EQ(s.get(web::attachment_url(a.sha256, a.file_name)).status, 404);
  // Published straight through the repository, then withdrawn: the file follows.
  docs.publish(s.seed.draft_id);
  EXPECT_EQ(s.get(web::attachment_url(a.sha256, a.file_name)).status, 200);
  docs.withdraw(s.seed.draft_id);
  EXPECT_EQ(s.get(web::attachment_url(a.sha256, a.file_name)).status, 404);
}

TEST(AttachmentAccess, DisclosedFilesOnlyThroughTheirPrivateLink) {
  SiteServer s;
  store::DisclosureRequestRepository repo(*s.db, store::PersonalDataKey::derive_from(std::string(32, '\0')));
  domain::Applicant applicant;
  applicant.kind = domain::ApplicantKind::NaturalPerson;
  applicant.person.name = "张小明";
  applicant.person.id_number = "43050219900101123X";
  applicant.person.address = "湖南省邵阳市大祥区红旗路12号";
  applicant.person.phone = "13873912345";
  domain::ReceiptEvents ev;
  ev.both_sides_confirmed = domain::Date::parse("2024-09-27");
  const auto reg = repo.insert(
      s.seed.site.id, domain::new_disclosure_request(domain::RequestChannel::Online, ev, applicant, "停车场建设批复"));
  const std::string bytes = "%PDF-1.4 disclosed to one applicant";
  const auto f = repo.insert_disclosed_file(reg.id, "reply.pdf", bytes, "application/pdf");
  EXPECT_EQ(s.get(web::attachment_url(f.sha256, "reply.pdf")).status, 404) << "bypassing the private link";
  auto link = s.get("/ysqgk-files/" + f.download_token + "/reply.pdf");
  ASSERT_EQ(link.status, 200);
  EXPECT_EQ(link.body, bytes);
  EXPECT_NE(link.header("x-content-type-options").value_or(""), "");
}

TEST(AttachmentAccess, AFilesSitesAreTheSitesServedOnTheRequestsHost) {
  std::vector<domain::Site> sites(3);
  sites[0].id = 1;                           // the city portal, any host
  sites[1].id = 2;
  sites[1].path_prefix = "/xinshao";         // a county under the same host
  sites[2].id = 3;
  sites[2].host = "www.dongkou.gov.cn";      // a county on a host of its own
  EXPECT_EQ(web::sites_served_on_host(sites, "www.dongkou.gov.cn"), std::vector<std::int64_t>{3});
  EXPECT_EQ(web::sites_served_on_host(sites, "WWW.DONGKOU.GOV.CN"), std::vector<std::int64_t>{3});
  EXPECT_EQ(web::sites_served_on_host(sites, "127.0.0.1"), (std::vector<std::int64_t>{1, 2, 3}));
}

}  // namespace
}  // namespace zwgk::test
