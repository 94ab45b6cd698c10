#pragma once
// What a public page handler works with: the shared environment (database, templates,
// options) and, per request, the resolved site plus its catalogue tree loaded at most once.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/site.hpp"
#include "domain/site_profile.hpp"
#include "http/request.hpp"
#include "web/site_app.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::store { class Database; }

namespace zwgk::web {

class HotQueryCounter;

struct PageEnv {
  store::Database& db;
  const TemplateRenderer& templates;
  const WebOptions& options;
  std::string base_url;  // options.base_url without a trailing slash
  std::shared_ptr<HotQueryCounter> hot_queries = {};  // 本周热门搜索 tally; owned by SiteApp
  std::vector<SiteLink> nav_links = {};     // after the kernel's header navigation
  std::vector<SiteLink> footer_links = {};  // after the kernel's footer links
  std::vector<SiteLink> portal_links = {};  // the home page's 信息公开 block, after the kernel's
  std::vector<SearchSource> search_sources = {};  // the modules' parts of the site search
};

class PageContext {
 public:
  PageContext(const PageEnv& page_env, const http::Request& request, domain::Site for_site)
      : env(page_env), req(request), site(std::move(for_site)) {}

  const PageEnv& env;
  const http::Request& req;
  const domain::Site site;

  // The site's catalogue tree, parents before children (one query, on first use).
  const std::vector<domain::CatalogueNode>& tree();
  const domain::CatalogueNode* node_by_id(std::int64_t id);
  const domain::CatalogueNode* node_by_code(const std::string& code);
  const domain::CatalogueNode* node_by_name(const std::string& name);
  // The site's logo, badges, contact details and statements (one query, on first use).
  const domain::SiteProfile& profile();
  // Root first, `id` last; empty if unknown.
  std::vector<const domain::CatalogueNode*> path_to(std::int64_t id);

  // The absolute URL of a path on this installation.
  std::string absolute(const std::string& path) const { return env.base_url + path; }

 private:
  std::optional<std::vector<domain::CatalogueNode>> tree_;
  std::optional<domain::SiteProfile> profile_;
};

}  // namespace zwgk::web
