// The read-side JSON API. docs/api.md is the contract; api_openapi.cpp describes it.
//   GET /api/v1/sites
//   GET /api/v1/sites/{site}/catalogue
//   GET /api/v1/sites/{site}/documents?catalogue=&department=&year=&page=&per_page=
//   GET /api/v1/documents/{id}
//   GET /api/v1/openapi.json
// Every handler is wrapped by guarded(): errors leave as the one JSON envelope. Drafts do
// not exist for the API (404); a withdrawn document is shown without its content.
#include <map>

#include "domain/cache_tags.hpp"
#include "http/router.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "store/site_repository.hpp"
#include "web/api.hpp"
#include "web/api_error.hpp"
#include "web/api_openapi.hpp"
#include "web/api_params.hpp"
#include "web/api_site.hpp"
#include "web/formatting.hpp"
#include "web/json_view.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

using json = api::Json;

using api::site_by_code;

http::Response sites(store::Database& db, const std::string& base_url) {
  json items = json::array();
  for (const auto& s : store::SiteRepository(db).all()) items.push_back(api::site_json(s, base_url));
  const auto total = items.size();
  // Not cached: a new site carries no tag that would invalidate the list.
  return api::json_response({{"items", std::move(items)}, {"total", total}});
}

http::Response catalogue(store::Database& db, const std::string& base_url, const http::Request& req) {
  const auto site = site_by_code(db, req.param("site"));
  const auto nodes = store::CatalogueRepository(db).tree(site.id);
  auto res = api::json_response({{"site", site.code}, {"items", api::catalogue_tree_json(nodes, site, base_url)}});
  res.cache_tags = {domain::tag_site(site.id)};
  for (const auto& n : nodes) res.cache_tags.push_back(domain::tag_catalogue(n.id));
  return res;
}

http::Response documents(store::Database& db, const std::string& base_url, domain::Date today,
                         const http::Request& req) {
  // Parameters that need no database first, so a malformed request costs nothing.
  const int page = api::page_param(req);
  const int per_page = api::per_page_param(req);
  const auto year = api::year_param(req);
  const auto department_id = api::id_query_param(req, "department");
  const auto catalogue_code = api::query_value(req, "catalogue");

  const auto site = site_by_code(db, req.param("site"));
  const auto tree = store::CatalogueRepository(db).tree(site.id);
  std::map<std::int64_t, const domain::CatalogueNode*> nodes;
  for (const auto& n : tree) nodes[n.id] = &n;
  const auto departments = store::DepartmentRepository(db).by_site(site.id);
  std::map<std::int64_t, const domain::Department*> deps;
  for (const auto& d : departments) deps[d.id] = &d;

  store::DocumentQuery q;
  q.today = today;
  q.site_id = site.id;
  q.page = page;
  q.per_page = per_page;
  q.year = year;
  if (catalogue_code) {
    const domain::CatalogueNode* node = nullptr;
    for (const auto& n : tree)
      if (n.code == *catalogue_code) node = &n;
    if (!node) throw api::bad_request("参数 catalogue 无效：本站点没有这个公开目录代码（可用 /api/v1/sites/{site}/catalogue 查询）");
    q.catalogue_id = node->id;
  }
  if (department_id) {
    if (!deps.count(*department_id)) throw api::bad_request("参数 department 无效：本站点没有这个部门编号");
    q.department_id = department_id;
  }

  const auto result = store::DocumentRepository(db).list(q);
  json items = json::array();
  for (const auto& d : result.items) {
    api::DocumentView v;
    v.doc = &d;
    v.site = &site;
    v.today = q.today;
    if (d.catalogue_id)
      if (auto it = nodes.find(*d.catalogue_id); it != nodes.end()) v.catalogue = it->second;
    if (d.department_id)
      if (auto it = deps.find(*d.department_id); it != deps.end()) v.department = it->second;
    items.push_back(api::document_json(v, base_url));
  }
  auto res = api::json_response(
      {{"total", result.total}, {"page", page}, {"per_page", per_page}, {"items", std::move(items)}});
  res.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
  return res;
}

// The URL of another document, which may live on another site.
std::optional<api::RelatedDocument> related(store::SiteRepository& sites, const domain::Site& home,
                                            const domain::Document& d, const std::string& base_url) {
  if (d.state == domain::DocumentState::Draft) return std::nullopt;
  std::optional<domain::Site> other;
  if (d.site_id != home.id) {
    other = sites.by_id(d.site_id);
    if (!other) return std::nullopt;
  }
  return api::RelatedDocument{d.id, base_url + document_url(other ? *other : home, d.id), d.title};
}

http::Response document(store::Database& db, const std::string& base_url, domain::Date today,
                        const http::Request& req) {
  const auto id = api::id_path_param(req, "id");
  store::DocumentRepository docs(db);
  const auto doc = docs.by_id(id);
  if (!doc || doc->state == domain::DocumentState::Draft) throw api::not_found("文件不存在或尚未发布");
  store::SiteRepository sites(db);
  const auto site = sites.by_id(doc->site_id);
  if (!site) throw api::not_found("文件不存在或尚未发布");

  std::optional<domain::CatalogueNode> node;
  if (doc->catalogue_id) node = store::CatalogueRepository(db).by_id(*doc->catalogue_id);
  std::optional<domain::Department> dep;
  if (doc->department_id) dep = store::DepartmentRepository(db).by_id(*doc->department_id);

  api::DocumentView v;
  v.today = today;
  v.doc = &*doc;
  v.site = &*site;
  v.catalogue = node ? &*node : nullptr;
  v.department = dep ? &*dep : nullptr;
  v.detail = true;
  std::vector<std::string> tags = {domain::tag_site(site->id), domain::tag_document(doc->id)};
  if (node) tags.push_back(domain::tag_catalogue(node->id));
  if (doc->interprets_id) {
    tags.push_back(domain::tag_document(*doc->interprets_id));
    if (auto target = docs.by_id(*doc->interprets_id)) v.interprets = related(sites, *site, *target, base_url);
  }
  for (const auto& i : docs.interpretations_of(doc->id)) {
    tags.push_back(domain::tag_document(i.id));
    if (auto r = related(sites, *site, i, base_url)) v.interpretations.push_back(std::move(*r));
  }
  auto res = api::json_response(api::document_json(v, base_url));
  res.cache_tags = std::move(tags);
  return res;
}

}  // namespace

void register_api_routes(http::Router& router, store::Database& db, const std::string& base_url_in,
                         domain::UnixClock clock, const std::vector<std::string>& descriptions) {
  const std::string base = trim_base_url(base_url_in);
  using api::guarded;
  router.get("/api/v1/sites", guarded([&db, base](http::Request&) { return sites(db, base); }));
  router.get("/api/v1/sites/{site}/catalogue",
             guarded([&db, base](http::Request& req) { return catalogue(db, base, req); }));
  router.get("/api/v1/sites/{site}/documents",
             guarded([&db, base, clock](http::Request& req) {
               return documents(db, base, domain::china_date(clock()), req);
             }));
  router.get("/api/v1/documents/{id}", guarded([&db, base, clock](http::Request& req) {
               return document(db, base, domain::china_date(clock()), req);
             }));
  // Built once: it depends on nothing but the base URL.
  auto openapi = std::make_shared<const std::string>(api::dump_json(api::openapi_document(base, descriptions)));
  router.get("/api/v1/openapi.json", guarded([openapi](http::Request&) {
               auto res = api::json_response(api::Json(), 200);
               res.body = *openapi;
               res.cache_tags = {"static"};
               return res;
             }));
  // Any other /api/... path answers with the envelope, not the site's HTML 404 page; so do
  // writes to it (this API is read-only; a more specific route registered elsewhere wins).
  router.get("/api/{rest*}", guarded([](http::Request&) -> http::Response {
               throw api::not_found("接口不存在：请参阅 /api/v1/openapi.json");
             }));
  for (auto method : {http::Method::Post, http::Method::Put, http::Method::Patch, http::Method::Delete}) {
    router.add(method, "/api/{rest*}", [](http::Request& req) {
      auto res = api::error_response(req, 405, "method_not_allowed", "不支持的请求方式：本接口只读，请使用 GET");
      res.set_header("Allow", "GET, HEAD");
      return res;
    });
  }
}

}  // namespace zwgk::web
