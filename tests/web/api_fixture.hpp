#pragma once
// A real http::Server on an ephemeral port with only the API and feed routes, a fresh
// database on the backend the environment chooses, the page cache wired to the database's
// change listener (as `zwgk serve` does), and helpers to seed data through the repositories.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "domain/catalogue.hpp"
#include "domain/department.hpp"
#include "domain/document.hpp"
#include "domain/site.hpp"
#include "http/metrics.hpp"
#include "http/page_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "support/test_database.hpp"
#include "web/api.hpp"
#include "web/api_client.hpp"

namespace zwgk::web::test {

inline constexpr const char* kBaseUrl = "http://zwgk.test";
// A valid 统一社会信用代码 (check character verified by domain::is_valid_org_code).
inline constexpr const char* kCreditCode = "11441700007280420Y";

class ApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = open_test_database();
    db->set_change_listener([this](const std::vector<std::string>& tags) {
      for (const auto& t : tags) cache.invalidate(t);
    });
  }

  // Registers the routes (after seeding the sites, as `zwgk serve` does) and starts serving.
  void start() {
    register_api_routes(router, *db, kBaseUrl);
    register_feed_routes(router, *db, std::string(kBaseUrl) + "/");  // trailing slash is trimmed
    http::ServerOptions options;
    options.port = 0;
    options.threads = 1;
    options.access_log = false;
    server = std::make_unique<http::Server>(options, router, cache, metrics);
    port = server->start();
    thread = std::thread([this] { server->run(); });
  }

  void TearDown() override {
    if (server) {
      server->stop();
      thread.join();
      server.reset();
    }
    if (db) db->set_change_listener({});
  }

  HttpReply get(const std::string& target) { return http_get(port, target); }

  nlohmann::json get_json(const std::string& target, int expected_status = 200) {
    const auto r = get(target);
    EXPECT_EQ(r.status, expected_status) << target << "\n" << r.body;
    EXPECT_EQ(r.header("content-type").value_or(""), "application/json; charset=utf-8") << target;
    return nlohmann::json::parse(r.body);
  }

  // --- seeding --------------------------------------------------------------------------

  domain::Site add_site(const std::string& code, const std::string& name, const std::string& prefix) {
    domain::Site s;
    s.code = code;
    s.name = name;
    s.path_prefix = prefix;
    s.sponsor = name + "办公室";
    s.phone = "0739-5363114";
    s.site_id_code = "4305000001";
    s.icp_record = "湘ICP备05003342号";
    s.police_record = "湘公网安备 43050202000123号";
    s.domain = code + ".gov.cn";
    return store::SiteRepository(*db).save(s);
  }

  domain::Department add_department(const domain::Site& site, const std::string& name) {
    domain::Department d;
    d.site_id = site.id;
    d.name = name;
    d.short_name = name;
    d.credit_code = kCreditCode;
    return store::DepartmentRepository(*db).save(d);
  }

  domain::CatalogueNode add_node(const domain::Site& site, const std::string& code, const std::string& name,
                                 std::optional<std::int64_t> parent = std::nullopt, int position = 0) {
    domain::CatalogueNode n;
    n.site_id = site.id;
    n.code = code;
    n.name = name;
    n.parent_id = parent;
    n.position = position;
    n.description = name + "的说明";
    return store::CatalogueRepository(*db).add(n);
  }

  // A complete document (all metadata the law asks for); not yet saved.
  static domain::Document make_document(const domain::Site& site, const domain::CatalogueNode& node,
                                        const domain::Department& dep, const std::string& title,
                                        const std::string& published_on) {
    domain::Document d;
    d.site_id = site.id;
    d.title = title;
    d.catalogue_id = node.id;
    d.department_id = dep.id;
    d.issuer = dep.name;
    d.published_on = domain::Date::parse(published_on);
    d.disclosure = domain::DisclosureForm::Proactive;
    d.body_html = "<p>" + title + "正文</p>";
    return d;
  }

  std::int64_t publish(domain::Document d) {
    store::DocumentRepository docs(*db);
    const auto id = docs.save(std::move(d));
    docs.publish(id);
    return id;
  }

  std::int64_t save_draft(domain::Document d) { return store::DocumentRepository(*db).save(std::move(d)); }

  std::unique_ptr<store::Database> db;
  http::Router router;
  http::PageCache cache;
  http::Metrics metrics;
  std::unique_ptr<http::Server> server;
  std::thread thread;
  std::uint16_t port = 0;
};

// A 400/404 envelope with a Chinese message that (for 400) names the parameter.
inline void expect_envelope(const nlohmann::json& j, const std::string& code, const std::string& must_mention = "") {
  ASSERT_TRUE(j.contains("error")) << j.dump();
  const auto& e = j["error"];
  EXPECT_EQ(e["code"], code) << j.dump();
  ASSERT_TRUE(e["message"].is_string());
  const std::string message = e["message"];
  // Chinese: at least one CJK character (UTF-8 lead byte E4-E9).
  EXPECT_NE(message.find_first_of("\xE4\xE5\xE6\xE7\xE8\xE9"), std::string::npos) << message;
  if (!must_mention.empty()) {
    EXPECT_NE(message.find(must_mention), std::string::npos) << message;
  }
  EXPECT_TRUE(e["request_id"].is_string()) << j.dump();
  EXPECT_FALSE(e["request_id"].get<std::string>().empty()) << j.dump();
}

}  // namespace zwgk::web::test
