#pragma once
// A real zwgk server for the web tests: a fresh migrated database (SQLite or PostgreSQL,
// tests/support/test_database.hpp) seeded through the store repositories, SiteApp's routes
// on a real http::Server bound to an ephemeral port, the store's change listener wired to
// PageCache::invalidate exactly as `zwgk serve` does it.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <thread>

#include "app/demo.hpp"
#include "domain/cache_tags.hpp"
#include "domain/caller.hpp"
#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "store/account_repository.hpp"
#include "store/blob_store.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "modules/module.hpp"
#include "support/holiday_calendar.hpp"
#include "web/console/console.hpp"
#include "support/test_database.hpp"
#include "web/http_client.hpp"
#include "web/site_app.hpp"

namespace zwgk::test {

// What the seed put in, for assertions.
struct Seed {
  domain::Site site;            // default site, path_prefix ""
  domain::Site county;          // "/xinshao"
  domain::Department department;
  domain::Department county_department;
  domain::CatalogueNode ghjh;   // 规划计划
  domain::CatalogueNode zcjd;   // 政策解读
  std::int64_t policy_id = 0;         // published, with two attachments
  std::int64_t interpretation_id = 0; // interprets policy_id
  std::int64_t draft_id = 0;
  std::int64_t withdrawn_id = 0;
  std::int64_t repealed_id = 0;
  std::int64_t county_doc_id = 0;
  std::string pdf_sha;
  std::string pdf_bytes;
  std::string pdf_name = "附件1：2017年政务公开工作要点分工表.pdf";
  std::string policy_index_number;
};

inline std::string bytes_of(std::size_t n) {
  std::string s = "%PDF-1.4\n";
  for (std::size_t i = s.size(); i < n; ++i) s += static_cast<char>('a' + i % 26);
  return s;
}

inline Seed seed_database(store::Database& db, int extra_documents = 0) {
  Seed seed;
  store::SiteRepository sites(db);
  domain::Site s;
  s.code = "shaoyang";
  s.name = "邵阳市人民政府";
  s.sponsor = "邵阳市数据局";
  s.phone = "0739-5365203";
  s.site_id_code = "4305000001";
  s.icp_record = "湘ICP备05001234号";
  s.police_record = "湘公网安备43050202000123号";
  s.domain = "www.shaoyang.gov.cn";
  s.address = "湖南省邵阳市双清区宝庆东路1号";
  seed.site = sites.save(s);

  domain::Site c;
  c.code = "xinshao";
  c.name = "新邵县人民政府";
  c.path_prefix = "/xinshao";
  c.sponsor = "新邵县人民政府办公室";
  c.phone = "0739-3612345";
  c.site_id_code = "4305220001";
  c.icp_record = "湘ICP备05005678号";
  c.police_record = "湘公网安备43052202000456号";
  c.domain = "www.xinshao.gov.cn";
  seed.county = sites.save(c);

  store::CatalogueRepository cats(db);
  cats.ensure_default(seed.site.id);
  cats.ensure_default(seed.county.id);
  seed.ghjh = *cats.by_code(seed.site.id, "ghjh");
  seed.zcjd = *cats.by_code(seed.site.id, "zcjd");

  store::DepartmentRepository deps(db);
  domain::Department d;
  d.site_id = seed.site.id;
  d.name = "邵阳市人民政府办公室";
  d.short_name = "市政府办";
  d.credit_code = app::make_credit_code("430500", "00696755");
  seed.department = deps.save(d);
  domain::Department cd;
  cd.site_id = seed.county.id;
  cd.name = "新邵县人民政府办公室";
  cd.short_name = "县政府办";
  cd.credit_code = app::make_credit_code("430522", "00712345");
  seed.county_department = deps.save(cd);

  store::BlobStore blobs(db);
  seed.pdf_bytes = bytes_of(5000);
  seed.pdf_sha = blobs.put(seed.pdf_bytes, "application/pdf");
  const std::string html_sha = blobs.put("<script>alert(1)</script>", "text/html");

  store::DocumentRepository docs(db);
  auto base = [&](const std::string& title) {
    domain::Document doc;
    doc.site_id = seed.site.id;
    doc.title = title;
    doc.catalogue_id = seed.ghjh.id;
    doc.department_id = seed.department.id;
    doc.issuer = "邵阳市人民政府办公室";
    doc.published_on = domain::Date::parse("2017-05-02");
    doc.written_on = domain::Date::parse("2017-04-28");
    doc.effective_on = domain::Date::parse("2017-05-02");
    doc.disclosure = domain::DisclosureForm::Proactive;
    doc.body_html = "<p>正文</p>";
    return doc;
  };

  auto policy = base("2017年邵阳市政务公开工作要点");
  policy.doc_number = "邵政办发〔2017〕12号";
  policy.topic = "政务公开<b>&amp;";
  policy.summary = "全面推进决策、执行、管理、服务、结果公开。";
  policy.body_html =
      "<p>2017年邵阳市政务公开工作的总体要求是：认真落实《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）。</p>"
      "<p onclick=\"evil()\">做好政务舆情回应。</p><script>alert('x')</script>";
  domain::Attachment a1;
  a1.file_name = seed.pdf_name;
  a1.sha256 = seed.pdf_sha;
  a1.media_type = "application/pdf";
  a1.size = static_cast<std::int64_t>(seed.pdf_bytes.size());
  a1.position = 0;
  domain::Attachment a2;
  a2.file_name = "说明.html";
  a2.sha256 = html_sha;
  a2.media_type = "text/html";
  a2.size = 25;
  a2.position = 1;
  policy.attachments = {a1, a2};
  seed.policy_id = docs.save(policy);
  seed.policy_index_number = docs.publish(seed.policy_id).index_number;

  auto interp = base("《2017年邵阳市政务公开工作要点》政策解读");
  interp.kind = domain::DocumentKind::Interpretation;
  interp.catalogue_id = seed.zcjd.id;
  interp.interprets_id = seed.policy_id;
  interp.body_html = "<p>一、出台背景</p>";
  seed.interpretation_id = docs.save(interp);
  docs.publish(seed.interpretation_id);

  seed.draft_id = docs.save(base("尚未发布的草稿"));

  seed.withdrawn_id = docs.save(base("已撤回的通知"));
  docs.publish(seed.withdrawn_id);
  docs.withdraw(seed.withdrawn_id);

  auto repealed = base("邵阳市旧办法");
  repealed.published_on = domain::Date::parse("2015-03-01");
  repealed.repealed_on = domain::Date::parse("2018-01-01");
  seed.repealed_id = docs.save(repealed);
  docs.publish(seed.repealed_id);

  for (int i = 0; i < extra_documents; ++i) {
    auto d2 = base("规划计划文件" + std::to_string(i + 1));
    d2.published_on = domain::Date::parse("2016-0" + std::to_string(1 + i % 9) + "-15");
    docs.publish(docs.save(d2));
  }

  domain::Document county_doc;
  county_doc.site_id = seed.county.id;
  county_doc.title = "新邵县政务公开实施方案";
  county_doc.catalogue_id = cats.by_code(seed.county.id, "ghjh")->id;
  county_doc.department_id = seed.county_department.id;
  county_doc.published_on = domain::Date::parse("2017-06-01");
  county_doc.disclosure = domain::DisclosureForm::Proactive;
  county_doc.body_html = "<p>县级正文</p>";
  seed.county_doc_id = docs.save(county_doc);
  docs.publish(seed.county_doc_id);
  return seed;
}

class SiteServer {
 public:
  // `configure` adjusts the web options before SiteApp is built; `cache_bytes` is the page
  // cache's main budget.
  explicit SiteServer(int extra_documents = 0, bool access_log = false,
                      const std::function<void(web::WebOptions&)>& configure = {},
                      std::size_t cache_bytes = 256u << 20)
      : cache(cache_bytes) {
    db = open_test_database(4);
    seed = seed_database(*db, extra_documents);
    // Exactly as `zwgk serve` wires it (src/app/serve_command.cpp).
    db->set_change_listener([this](const std::vector<std::string>& tags) {
      for (const auto& t : tags) cache.invalidate(t);
    });
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    options.access_log = access_log;
    server = std::make_unique<http::Server>(options, router, cache, metrics);
    port = server->start();
    web::WebOptions web_options = web::default_web_options();
    web_options.calendar = domain::fixed_calendar(zwgk::test::calendar());
    web_options.base_url = "http://127.0.0.1:" + std::to_string(port);
    if (configure) configure(web_options);
    if (web_options.clock) cache.set_clock(web_options.clock);  // as `zwgk serve` does
    app = std::make_unique<web::SiteApp>(web_options, *db, cache, metrics);
    modules::register_public({*db, router, *app});  // as `zwgk serve` does
    app->register_routes(router);
    thread = std::thread([this] { server->run(); });
  }
  ~SiteServer() {
    server->stop();
    if (thread.joinable()) thread.join();
    db->set_change_listener({});
  }

  // Every module's console pages on `console` (as `zwgk serve` does); `secret` replaces the
  // installation secret the pages use to open ID numbers.
  void register_module_consoles(web::console::ConsoleApp& on, const std::string& secret = {}) {
    module_web = std::make_unique<web::WebOptions>(app->options());
    if (!secret.empty()) module_web->secret = secret;
    modules::register_console({*db, router, on, *module_web});
  }

  // The console on this server, as `zwgk serve` mounts it: on the site's clock when the test
  // set one, every module's console pages. `configure` adjusts its options first; `secret`
  // as for register_module_consoles.
  web::console::ConsoleApp& mount_console(const std::function<void(web::console::ConsoleOptions&)>& configure = {},
                                          const std::string& secret = {}) {
    web::console::ConsoleOptions o;
    o.templates_dir = web::default_web_options().templates_dir;
    o.base_url = base_url();
    o.clock = app->options().clock;
    if (configure) configure(o);
    console = std::make_unique<web::console::ConsoleApp>(o, *db);
    console->register_routes(router);
    register_module_consoles(*console, secret);
    return *console;
  }

  // An office account on the seed site, password "correct horse".
  domain::Account add_account(const std::string& username, domain::Role role,
                              std::optional<std::int64_t> department_id = std::nullopt, std::string display_name = {}) {
    domain::Account a;
    a.username = username;
    a.display_name = display_name.empty() ? username : std::move(display_name);
    a.role = role;
    a.site_id = seed.site.id;
    a.department_id = department_id;
    return store::AccountRepository(*db).create(a, "correct horse");
  }

  // The service caller for `account`, as the console makes it (audit notes dropped).
  static domain::Caller caller_of(const domain::Account& account) {
    domain::Caller c;
    c.account = account;
    c.name = account.display_name;
    c.audit = [](const domain::AuditNote&) {};
    return c;
  }

  HttpResult get(const std::string& target, const std::vector<std::string>& headers = {}) const {
    return http_get(port, target, headers);
  }

  // A counter or gauge from /metrics.
  double metric(const std::string& name) const {
    auto r = get("/metrics");
    std::regex re("(^|\\n)" + name + " ([0-9.e+]+)");
    std::smatch m;
    if (!std::regex_search(r.body, m, re)) return -1;
    return std::stod(m[2]);
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port); }

  std::unique_ptr<store::Database> db;
  Seed seed;
  http::PageCache cache;
  http::Metrics metrics;
  http::Router router;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<web::SiteApp> app;
  std::unique_ptr<web::WebOptions> module_web;
  std::unique_ptr<web::console::ConsoleApp> console;  // after mount_console()
  std::uint16_t port = 0;
  std::thread thread;
};

// Small HTML assertions.
inline int count_of(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + needle.size())) ++n;
  return n;
}

// The content of <meta name="NAME" content="...">, or nullopt.
inline std::optional<std::string> meta_content(const std::string& html, const std::string& name) {
  const std::string key = "<meta name=\"" + name + "\" content=\"";
  auto p = html.find(key);
  if (p == std::string::npos) return std::nullopt;
  p += key.size();
  return html.substr(p, html.find('"', p) - p);
}

// Text with tags removed, whitespace collapsed and &gt; &lt; &amp; decoded (what a reader
// sees, roughly).
inline std::string visible_text(const std::string& html) {
  std::string text;
  bool in_tag = false, space = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
      space = true;
    } else if (!in_tag) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = true;
      } else {
        if (space && !text.empty()) text += ' ';
        space = false;
        text += c;
      }
    }
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "&gt;") == 0) { out += '>'; i += 3; }
    else if (text.compare(i, 4, "&lt;") == 0) { out += '<'; i += 3; }
    else if (text.compare(i, 5, "&amp;") == 0) { out += '&'; i += 4; }
    else out += text[i];
  }
  return out;
}

}  // namespace zwgk::test
