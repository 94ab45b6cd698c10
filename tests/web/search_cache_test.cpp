// ADR 0015 through the real server, on the backend the environment chooses: search results
// are served from the page cache (their own budget) until a publish or withdrawal that
// matters invalidates them; a flood of distinct queries cannot push a document page out;
// the 本周热门搜索 counter counts cache hits, writes in batches, lists a query only from N
// different visitors and only when it found something, never personal data; the office
// pins, hides and turns the list off in the console, audited, and nobody else may.
#include <gtest/gtest.h>

#include <arpa/inet.h>

#include <nlohmann/json.hpp>

#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/document_repository.hpp"
#include "store/hot_queries.hpp"
#include "web/console/console.hpp"
#include "web/console/hot_query_page.hpp"
#include "web/console_client.hpp"
#include "web/search_request.hpp"
#include "web/site_fixture.hpp"
#include "web/formatting.hpp"
#include "web/urls.hpp"

namespace zwgk::test {
namespace {

// GET from a given loopback source address (127.0.0.0/8 is all loopback on Linux), so the
// server sees different visitors.
HttpResult get_from(std::uint16_t port, const std::string& source, const std::string& target) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket");
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
    ::close(fd);
    throw std::runtime_error("bind " + source);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect");
  }
  const std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[16384];
  while (true) {
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return parse_http_response(out);
}

std::string visitor(int i) { return "127.0.0." + std::to_string(i + 2); }
std::string search(const std::string& text) { return "/search/?q=" + web::url_encode_component(text); }

// The 本周热门搜索 section of a search page ("" if none).
std::string hot_section(const std::string& html) {
  const auto b = html.find("<section class=\"hot-queries\"");
  if (b == std::string::npos) return {};
  return html.substr(b, html.find("</section>", b) - b);
}

class SearchServer : public SiteServer {
 public:
  explicit SearchServer(std::size_t main_cache_bytes = 256u << 20)
      : SiteServer(0, false,
                   [](web::WebOptions& o) {
                     o.hot_query_min_visitors = 3;
                     o.hot_query_flush_seconds = 0;  // flushed by the test
                     o.search_cache_entries = 10;
                   },
                   main_cache_bytes) {}

  double hits() const { return metric("zwgk_page_cache_hits_total"); }

  std::int64_t publish(std::int64_t site_id, const std::string& title) {
    store::DocumentRepository docs(*db);
    domain::Document d;
    d.site_id = site_id;
    d.title = title;
    d.catalogue_id = site_id == seed.site.id ? seed.ghjh.id : store::CatalogueRepository(*db).by_code(site_id, "ghjh")->id;
    d.department_id = site_id == seed.site.id ? seed.department.id : seed.county_department.id;
    d.published_on = domain::Date::parse("2026-01-05");
    d.disclosure = domain::DisclosureForm::Proactive;
    d.body_html = "<p>正文</p>";
    const auto id = docs.save(d);
    docs.publish(id);
    return id;
  }
};

TEST(SearchCache, AResultIsServedFromCacheUntilAMatchingPublishOrWithdrawal) {
  SearchServer s;
  const auto target = search("量子通信试点");
  auto first = s.get(target);
  ASSERT_EQ(first.status, 200);
  const double h0 = s.hits();
  auto second = s.get(target);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(s.hits(), h0 + 1) << "the second request is a cache hit";
  EXPECT_EQ(s.cache.entries(web::kSearchCacheClass), 1u);

  // Publishing a matching document invalidates it (titles are highlighted: look for the link).
  const auto id = s.publish(s.seed.site.id, "量子通信试点工作方案");
  const auto link = "href=\"" + web::document_url(s.seed.site, id) + "\"";
  EXPECT_EQ(first.body.find(link), std::string::npos);
  auto after = s.get(target);
  EXPECT_NE(after.body.find(link), std::string::npos);
  const double h1 = s.hits();
  EXPECT_EQ(s.get(target).body, after.body);
  EXPECT_EQ(s.hits(), h1 + 1);

  // So does withdrawing it.
  store::DocumentRepository(*s.db).withdraw(id);
  EXPECT_EQ(s.get(target).body.find(link), std::string::npos);

  // The cross-site search and the API answer, cached too, see another site's publication.
  const auto all = target + "&site=all";
  const auto api = "/api/v1/search?q=" + web::url_encode_component("量子通信试点");
  EXPECT_EQ(nlohmann::json::parse(s.get(api).body)["total"], 0);
  const auto all_before = s.get(all).body;
  const double h2 = s.hits();
  EXPECT_EQ(s.get(all).body, all_before);
  s.get(api);
  EXPECT_EQ(s.hits(), h2 + 2);
  const auto county_id = s.publish(s.seed.county.id, "新邵县量子通信试点");
  EXPECT_NE(s.get(all).body.find("href=\"" + web::document_url(s.seed.county, county_id) + "\""), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(s.get(api).body)["total"], 1);
}

TEST(SearchCache, AFloodOfDistinctQueriesDoesNotEvictACachedDocumentPage) {
  // A small main budget: 100 search pages of ~20 KB would not fit in it.
  SearchServer s(1u << 20);
  const auto doc = web::document_url(s.seed.site, s.seed.policy_id);
  ASSERT_EQ(s.get(doc).status, 200);
  const auto main_entries = s.cache.entries("");
  ASSERT_GE(main_entries, 1u);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(s.get(search("政务公开 " + std::to_string(i))).status, 200);
  EXPECT_LE(s.cache.entries(web::kSearchCacheClass), 10u);
  EXPECT_EQ(s.cache.entries(""), main_entries);
  const double h = s.hits();
  EXPECT_EQ(s.get(doc).status, 200);
  EXPECT_EQ(s.hits(), h + 1) << "the document page is still served from the cache";
}

TEST(SearchCache, TheHotCounterCountsCacheHitsAndWritesInBatches) {
  SearchServer s;
  store::HotQueryRepository repo(*s.db);
  const double h0 = s.hits();
  for (int i = 0; i < 3; ++i) ASSERT_EQ(get_from(s.port, visitor(i), search("政务公开")).status, 200);
  ASSERT_EQ(get_from(s.port, visitor(2), search("政务公开")).status, 200);
  EXPECT_EQ(s.hits(), h0 + 3) << "one render, three hits";
  EXPECT_TRUE(repo.stored_texts(s.seed.site.id).empty()) << "no database write per search";
  s.app->flush_hot_queries();
  const auto o = repo.overview(s.seed.site.id, {3, true}, domain::Date::today());
  ASSERT_EQ(o.counted.size(), 1u);
  EXPECT_EQ(o.counted[0].query, "政务公开");
  EXPECT_EQ(o.counted[0].count, 4);
  EXPECT_EQ(o.counted[0].visitors, 3);
  EXPECT_NE(hot_section(s.get("/search/").body).find("政务公开"), std::string::npos);
}

TEST(SearchCache, AQueryIsListedFromNVisitorsAndOnlyWhenItFoundSomething) {
  SearchServer s;
  for (int i = 0; i < 2; ++i) get_from(s.port, visitor(i), search("工作要点"));
  for (int i = 0; i < 5; ++i) get_from(s.port, visitor(i), search("查无此词蓝鲸"));
  s.app->flush_hot_queries();
  EXPECT_EQ(hot_section(s.get("/search/").body).find("工作要点"), std::string::npos) << "2 visitors of 3";
  EXPECT_EQ(store::HotQueryRepository(*s.db).stored_texts(s.seed.site.id), std::vector<std::string>{"工作要点"})
      << "a query without results is not even counted";
  get_from(s.port, visitor(2), search("工作要点"));
  s.app->flush_hot_queries();
  const auto hot = hot_section(s.get(search("政务")).body);
  EXPECT_NE(hot.find("工作要点"), std::string::npos) << "3 visitors of 3";
  EXPECT_EQ(hot.find("蓝鲸"), std::string::npos);
}

TEST(SearchCache, AnIdNumberOrAPhoneSearchedManyTimesNeverGetsStoredOrListed) {
  SearchServer s;
  // Make them findable: a published document that carries both.
  s.publish(s.seed.site.id, "关于43052219910317246X和13973955502的说明");
  for (const char* text : {"43052219910317246X", "13973955502", "43052219910317246x"})
    for (int i = 0; i < 6; ++i)
      for (int t = 0; t < 2; ++t) ASSERT_EQ(get_from(s.port, visitor(i), search(text)).status, 200);
  s.app->flush_hot_queries();
  EXPECT_TRUE(store::HotQueryRepository(*s.db).stored_texts(s.seed.site.id).empty());
  const auto page = s.get("/search/").body;
  EXPECT_EQ(page.find("43052219910317246"), std::string::npos);
  EXPECT_EQ(page.find("13973955502"), std::string::npos);
}

class HotQueryConsole : public ::testing::Test {
 protected:
  void SetUp() override {
    s = std::make_unique<SearchServer>();
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = s->base_url();
    console = std::make_unique<web::console::ConsoleApp>(o, *s->db);
    console->register_routes(s->router);
    s->register_module_consoles(*console);
    web::console::register_hot_query_page(*console, s->router, {3, true});
    store::AccountRepository accounts(*s->db);
    for (auto [u, r] : std::vector<std::pair<std::string, domain::Role>>{{"publisher", domain::Role::Publisher},
                                                                         {"admin", domain::Role::SiteAdmin},
                                                                         {"auditor", domain::Role::Auditor},
                                                                         {"editor", domain::Role::DepartmentEditor}}) {
      domain::Account a;
      a.username = u;
      a.display_name = u;
      a.role = r;
      a.site_id = s->seed.site.id;
      if (r == domain::Role::DepartmentEditor) a.department_id = s->seed.department.id;
      accounts.create(a, "correct horse");
    }
    for (int i = 0; i < 3; ++i) get_from(s->port, visitor(i), search("政务公开"));
    s->app->flush_hot_queries();
  }
  std::string hot() { return hot_section(s->get("/search/?q=" + web::url_encode_component("要点")).body); }

  std::unique_ptr<SearchServer> s;
  std::unique_ptr<web::console::ConsoleApp> console;
};

TEST_F(HotQueryConsole, TheOfficePinsHidesAndTurnsTheListOffAudited) {
  auto office = ConsoleSession::login(s->port, "publisher", "correct horse");
  ASSERT_FALSE(office.cookie.empty());
  auto page = office.get("/console/hot-queries/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("政务公开"), std::string::npos);
  EXPECT_NE(page.body.find("热门搜索"), std::string::npos);
  ASSERT_NE(hot().find("政务公开"), std::string::npos);

  EXPECT_EQ(office.post("/console/hot-queries/rule", {{"query", "防汛抗旱"}, {"rule", "pin"}}).status, 303);
  EXPECT_NE(hot().find("防汛抗旱"), std::string::npos);
  EXPECT_EQ(office.post("/console/hot-queries/rule", {{"query", "政务公开"}, {"rule", "hide"}}).status, 303);
  EXPECT_EQ(hot().find("政务公开"), std::string::npos);
  EXPECT_EQ(office.post("/console/hot-queries/enabled", {{"enabled", "0"}}).status, 303);
  EXPECT_TRUE(hot().empty());
  // Bad input: a clear 400, nothing changed.
  EXPECT_EQ(office.post("/console/hot-queries/enabled", {{"enabled", "maybe"}}).status, 400);
  EXPECT_EQ(office.post("/console/hot-queries/rule", {{"query", "13812345678"}, {"rule", "pin"}}).status, 400);

  int rules = 0, toggles = 0;
  for (const auto& e : store::AuditLog(*s->db).entries("site", std::to_string(s->seed.site.id))) {
    if (e.action == "kernel.hot_query_rule") ++rules;
    if (e.action == "kernel.hot_queries_enabled") ++toggles;
  }
  EXPECT_EQ(rules, 2);
  EXPECT_EQ(toggles, 1);

  auto admin = ConsoleSession::login(s->port, "admin", "correct horse");
  EXPECT_EQ(admin.post("/console/hot-queries/enabled", {{"enabled", "1"}}).status, 303);
  EXPECT_NE(hot().find("防汛抗旱"), std::string::npos);
}

TEST_F(HotQueryConsole, OtherRolesAreRefused) {
  auto editor = ConsoleSession::login(s->port, "editor", "correct horse");
  ASSERT_FALSE(editor.cookie.empty());
  EXPECT_EQ(editor.get("/console/hot-queries/").status, 403);
  EXPECT_EQ(editor.post("/console/hot-queries/enabled", {{"enabled", "0"}}).status, 403);
  auto auditor = ConsoleSession::login(s->port, "auditor", "correct horse");
  EXPECT_EQ(auditor.get("/console/hot-queries/").status, 200);
  EXPECT_EQ(auditor.post("/console/hot-queries/rule", {{"query", "政务公开"}, {"rule", "hide"}}).status, 403);
  EXPECT_NE(hot().find("政务公开"), std::string::npos) << "nothing changed";
  for (const auto& e : store::AuditLog(*s->db).entries("site", std::to_string(s->seed.site.id)))
    EXPECT_NE(e.action.rfind("hot_quer", 0), 0u) << e.action;
}

}  // namespace
}  // namespace zwgk::test
