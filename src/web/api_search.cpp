// GET /api/v1/search?q=&site=&catalogue=&department=&year=&type=&sort=&page=&per_page=
// 站内搜索 as JSON (docs/api.md). Cached like the search page, in the page cache's class
// for search (kSearchCacheClass: any query string would do, so its own budget), tagged
// site:<id> + site:<id>:lists for one site, search:all across sites. Not counted for
// 本周热门搜索 (that list is the page's). Query text is searched literally; bad parameters
// are the usual 400 envelope.
#include <map>

#include "domain/cache_tags.hpp"

#include "domain/errors.hpp"
#include "http/router.hpp"
#include "store/catalogue_repository.hpp"
#include "store/department_repository.hpp"
#include "store/search_index.hpp"
#include "store/site_repository.hpp"
#include "web/api.hpp"
#include "web/api_error.hpp"
#include "web/api_params.hpp"
#include "web/formatting.hpp"
#include "web/search_request.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

using json = api::Json;

http::Response search(store::Database& db, const std::string& base_url, const http::Request& req) {
  const auto text = api::query_value(req, "q");
  if (!text) throw api::bad_request("参数 q 不能为空：请提供检索词");
  if (auto problem = search_text_problem(*text)) throw api::bad_request("参数 q 无效：" + *problem);
  const int page = api::page_param(req);
  const int per_page = api::per_page_param(req);
  const auto year = api::year_param(req);
  const auto department_id = api::id_query_param(req, "department");
  const auto site_code = api::query_value(req, "site");
  const auto catalogue_code = api::query_value(req, "catalogue");
  const auto type_code = api::query_value(req, "type");
  const auto sort = api::query_value(req, "sort");

  store::SearchQuery q;
  q.text = *text;
  q.page = page;
  q.per_page = per_page;
  q.year = year;
  q.department_id = department_id;
  if (type_code) {
    q.type = store::search_type_from(*type_code);
    if (!q.type) throw api::bad_request("参数 type 无效：只能是 document、interpretation 或 attachment");
  }
  if (sort) {
    if (*sort != "date" && *sort != "relevance") throw api::bad_request("参数 sort 无效：只能是 relevance 或 date");
    q.sort_by_date = *sort == "date";
  }

  std::map<std::int64_t, domain::Site> sites;
  for (const auto& s : store::SiteRepository(db).all()) sites[s.id] = s;
  std::vector<domain::CatalogueNode> tree;
  if (site_code && *site_code != "all") {
    const domain::Site* site = nullptr;
    for (const auto& [id, s] : sites)
      if (s.code == *site_code) site = &s;
    if (!site) throw api::not_found("站点不存在：请检查站点代码（可用 /api/v1/sites 查询）");
    q.site_id = site->id;
    tree = store::CatalogueRepository(db).tree(site->id);
  }
  if (catalogue_code) {
    if (!q.site_id) throw api::bad_request("参数 catalogue 需要同时指定 site（公开目录代码按站点区分）");
    for (const auto& n : tree)
      if (n.code == *catalogue_code) q.catalogue_id = n.id;
    if (!q.catalogue_id) throw api::bad_request("参数 catalogue 无效：该站点没有这个公开目录代码");
  }

  // A domain::Invalid from the index (query too long) is a 400 through guarded().
  const auto result = store::SearchIndex(db).search(q);
  if (result.empty_query)
    throw api::bad_request("参数 q 无效：检索词里至少要有一个汉字、字母或数字");

  std::map<std::int64_t, std::string> departments;
  for (const auto& [id, s] : sites)
    if (!q.site_id || id == q.site_id)
      for (const auto& d : store::DepartmentRepository(db).by_site(id)) departments[d.id] = d.name;

  json items = json::array();
  for (const auto& h : result.items) {
    const auto it = sites.find(h.site_id);
    if (it == sites.end()) continue;
    json item = {{"id", h.document_id},
                 {"url", base_url + document_url(it->second, h.document_id)},
                 {"site", it->second.code},
                 {"type", store::to_code(h.type)},
                 {"title", h.title},
                 {"title_html", h.title_html},
                 {"doc_number", h.doc_number},
                 {"date", h.published_on ? json(iso_date(h.published_on)) : json(nullptr)},
                 {"snippet_html", h.snippet_html}};
    if (h.attachment_id) item["attachment"] = h.attachment_name;
    items.push_back(std::move(item));
  }

  const auto& f = result.facets;
  json types = json::array(), years = json::array(), deps = json::array(), cats = json::array(), site_facet = json::array();
  for (const auto& [code, n] : f.types)
    if (auto t = store::search_type_from(code)) types.push_back({{"value", code}, {"label", search_type_label(*t)}, {"count", n}});
  for (auto it = f.years.rbegin(); it != f.years.rend(); ++it) years.push_back({{"value", it->first}, {"count", it->second}});
  for (const auto& [id, n] : f.departments)
    if (auto it = departments.find(id); it != departments.end())
      deps.push_back({{"value", id}, {"label", it->second}, {"count", n}});
  for (const auto& [id, n] : f.catalogues)
    for (const auto& node : tree)
      if (node.id == id) cats.push_back({{"value", node.code}, {"label", node.name}, {"count", n}});
  for (const auto& [id, n] : f.sites)
    if (auto it = sites.find(id); it != sites.end())
      site_facet.push_back({{"value", it->second.code}, {"label", it->second.name}, {"count", n}});

  json facets = {{"approximate", result.facets_approximate}, {"type", std::move(types)}, {"year", std::move(years)},
                 {"department", std::move(deps)}};
  if (q.site_id) facets["catalogue"] = std::move(cats);
  else facets["site"] = std::move(site_facet);

  http::Response r = api::json_response({{"total", result.total},
                             {"total_capped", result.total_capped},
                             {"page", page},
                             {"per_page", per_page},
                             {"terms", result.terms},
                             {"items", std::move(items)},
                             {"facets", std::move(facets)}});
  if (q.site_id)
    r.cache_tags = {domain::tag_site(q.site_id), domain::tag_site_lists(q.site_id)};
  else
    r.cache_tags = {domain::tag_search_all()};
  r.cache_class = kSearchCacheClass;
  return r;
}

}  // namespace

void register_search_api(http::Router& router, store::Database& db, const std::string& base_url) {
  const std::string base = trim_base_url(base_url);
  router.get("/api/v1/search", api::guarded([&db, base](http::Request& req) { return search(db, base, req); }));
}

}  // namespace zwgk::web
