// P/search/?q=&type=&year=&department=&catalogue=&sort=date&site=all&page= — 站内搜索, and
// P/opensearch.xml, the OpenSearch description browsers use to offer the site's search.
// Search pages are page-cached in a class of their own (kSearchCacheClass: its own budget,
// so arbitrary query strings evict only other search pages, never a document page), tagged
//   this site:   site:<id> (header, footer), site:<id>:lists (every change of the site's
//                documents, catalogue or departments), site:<id>:search (its hot-query list)
//   all sites:   site:<id>, search:all (implied by every site's lists), site:0:search
// and re-rendered after kSearchPageCacheSeconds for the 本周热门搜索 list.
// A first-page search that found results counts for that list (web/hot_query_counter.hpp),
// on the render and, through on_cache_hit, on every cache hit; queries with personal data
// are never counted (store::countable_hot_query).
#include <ctime>
#include <map>

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "store/department_repository.hpp"
#include "store/hot_queries.hpp"
#include "store/hot_query_tally.hpp"
#include "store/search_index.hpp"
#include "store/site_repository.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/search_request.hpp"
#include "web/formatting.hpp"
#include "web/hot_query_counter.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

struct Filters {
  std::string q, type, year, department, catalogue, sort, site;
  QueryPairs pairs(const std::string& drop = "") const {
    QueryPairs p;
    auto add = [&](const char* name, const std::string& v) {
      if (!v.empty() && drop != name) p.emplace_back(name, v);
    };
    add("q", q);
    add("site", site);
    add("type", type);
    add("year", year);
    add("department", department);
    add("catalogue", catalogue);
    add("sort", sort);
    return p;
  }
};

View facet_value(const std::string& label, std::int64_t n, const std::string& url, bool selected) {
  View v;
  v.set("label", label);
  v.set("count", std::to_string(n));
  v.set("url", url);
  v.set("selected", selected);
  return v;
}

View facet_group(const std::string& name, View values, const std::string& all_url, bool any_selected) {
  View g;
  g.set("name", name);
  g.set("values", values);
  g.set("all_url", all_url);
  g.set("any_selected", any_selected);
  return g;
}

}  // namespace

http::Response search_page(PageContext& ctx) {
  const auto& site = ctx.site;
  const auto& req = ctx.req;
  Filters f;
  f.q = single_param(req, "q").value_or("");
  if (auto problem = search_text_problem(f.q)) throw bad_request(*problem);
  f.site = single_param(req, "site").value_or("");
  if (!f.site.empty() && f.site != "all") throw bad_request("参数 site 只能是 all（搜索全部网站）");
  const bool all_sites = f.site == "all";
  f.sort = single_param(req, "sort").value_or("");
  if (!f.sort.empty() && f.sort != "date") throw bad_request("参数 sort 只能是 date（按日期排序）");
  const int page = page_param(req);
  constexpr int per_page = 10;

  store::SearchQuery q;
  q.today = ctx.env.options.today();
  q.text = f.q;
  q.site_id = all_sites ? 0 : site.id;
  q.page = page;
  q.per_page = per_page;
  q.sort_by_date = f.sort == "date";
  if (auto t = single_param(req, "type")) {
    q.type = store::search_type_from(*t);
    if (!q.type) throw bad_request("参数 type 只能是 document（文件）、interpretation（政策解读）或 attachment（附件）");
    f.type = *t;
  }
  if (auto y = year_param(req)) {
    q.year = y;
    f.year = std::to_string(*y);
  }
  if (auto d = department_param(req)) {
    q.department_id = d;
    f.department = std::to_string(*d);
  }
  if (auto c = single_param(req, "catalogue")) {
    if (all_sites) throw bad_request("参数 catalogue 只能在本站搜索中使用");
    const auto* node = ctx.node_by_code(*c);
    if (!node) throw bad_request("参数 catalogue 无效：本站没有这个公开目录");
    q.catalogue_id = node->id;
    f.catalogue = *c;
  }

  store::SearchIndex index(ctx.env.db);
  store::SearchResult result;
  const bool asked = !f.q.empty();
  if (asked) result = index.search(q);  // a domain::Invalid (query too long) is the site's 400
  // Counted only when it found something, on the first page, without personal data.
  std::optional<std::string> counted;
  const auto today = ctx.env.options.today();
  if (asked && !result.empty_query && result.total > 0 && page == 1 && ctx.env.hot_queries)
    counted = store::countable_hot_query(f.q, today);
  if (counted) ctx.env.hot_queries->count(q.site_id, *counted, req.remote_address);
  const std::string path = search_url(site);

  // Names for hits and facets.
  std::map<std::int64_t, domain::Site> sites;
  for (const auto& s : store::SiteRepository(ctx.env.db).all()) sites[s.id] = s;
  std::map<std::int64_t, std::string> departments;
  for (const auto& [id, s] : sites)
    if (all_sites || id == site.id)
      for (const auto& d : store::DepartmentRepository(ctx.env.db).by_site(id)) departments[d.id] = d.name;

  View items{View::type::list};
  for (const auto& h : result.items) {
    const auto it = sites.find(h.site_id);
    const domain::Site& hs = it != sites.end() ? it->second : site;
    View v;
    v.set("url", document_url(hs, h.document_id));
    v.set("title_html", h.title_html);
    v.set("doc_number", h.doc_number.empty() ? View(false) : View(h.doc_number));
    v.set("date", h.published_on ? View(iso_date(h.published_on)) : View(false));
    v.set("type", search_type_label(h.type));
    v.set("attachment", h.attachment_name.empty() ? View(false) : View(h.attachment_name));
    v.set("snippet_html", h.snippet_html);
    v.set("site_name", all_sites && hs.id != site.id ? View(hs.name) : View(false));
    items.push_back(v);
  }

  View groups{View::type::list};
  const auto& fc = result.facets;
  auto link = [&](const std::string& name, const std::string& value) {
    QueryPairs p = f.pairs(name);
    p.emplace_back(name, value);
    return with_query(path, p);
  };
  if (asked && result.total > 0) {
    {
      View vals{View::type::list};
      for (const auto& [code, n] : fc.types)
        if (auto t = store::search_type_from(code))
          vals.push_back(facet_value(search_type_label(*t), n, link("type", code), f.type == code));
      groups.push_back(facet_group("类型", vals, with_query(path, f.pairs("type")), !f.type.empty()));
    }
    {
      View vals{View::type::list};
      for (auto it = fc.years.rbegin(); it != fc.years.rend(); ++it)
        vals.push_back(facet_value(std::to_string(it->first) + "年", it->second, link("year", std::to_string(it->first)),
                                   f.year == std::to_string(it->first)));
      groups.push_back(facet_group("年份", vals, with_query(path, f.pairs("year")), !f.year.empty()));
    }
    if (all_sites) {
      View vals{View::type::list};
      for (const auto& [id, n] : fc.sites)
        if (auto it = sites.find(id); it != sites.end())
          vals.push_back(facet_value(it->second.name, n, with_query(search_url(it->second), [&] {
                                       QueryPairs p = f.pairs("site");
                                       return p;
                                     }()), false));
      groups.push_back(facet_group("网站", vals, with_query(path, f.pairs()), false));
    } else {
      View vals{View::type::list};
      for (const auto& [id, n] : fc.catalogues)
        if (const auto* node = ctx.node_by_id(id))
          vals.push_back(facet_value(node->name, n, link("catalogue", node->code), f.catalogue == node->code));
      groups.push_back(facet_group("公开目录", vals, with_query(path, f.pairs("catalogue")), !f.catalogue.empty()));
    }
    {
      View vals{View::type::list};
      for (const auto& [id, n] : fc.departments)
        if (auto it = departments.find(id); it != departments.end())
          vals.push_back(facet_value(it->second, n, link("department", std::to_string(id)), f.department == std::to_string(id)));
      groups.push_back(facet_group("发布部门", vals, with_query(path, f.pairs("department")), !f.department.empty()));
    }
  }

  View hot{View::type::list};
  const store::HotQueryPolicy policy = ctx.env.hot_queries ? ctx.env.hot_queries->policy() : store::HotQueryPolicy{};
  for (const auto& h : store::HotQueryRepository(ctx.env.db).public_list(all_sites ? 0 : site.id, 10, policy, today)) {
    View v;
    v.set("query", h.query);
    v.set("url", with_query(path, all_sites ? QueryPairs{{"q", h.query}, {"site", "all"}} : QueryPairs{{"q", h.query}}));
    hot.push_back(v);
  }

  PageMeta meta;
  meta.title = asked ? "搜索：" + utf8_truncate(f.q, 30) : "站内搜索";
  meta.nav = "";
  meta.noindex = true;
  meta.breadcrumb = {{"站内搜索", ""}};

  View v = layout_view(ctx, meta);
  v.set("q", f.q);
  v.set("asked", asked);
  v.set("all_sites", all_sites);
  v.set("this_site_url", with_query(path, f.pairs("site")));
  v.set("all_sites_url", with_query(path, [&] {
          QueryPairs p = f.pairs("site");
          p.emplace_back("site", "all");
          return p;
        }()));
  v.set("sort_date", q.sort_by_date);
  v.set("relevance_url", with_query(path, f.pairs("sort")));
  v.set("date_url", with_query(path, [&] {
          QueryPairs p = f.pairs("sort");
          p.emplace_back("sort", "date");
          return p;
        }()));
  v.set("empty_query", asked && result.empty_query);
  v.set("no_result", asked && !result.empty_query && result.total == 0);
  v.set("has_results", result.total > 0);
  v.set("total", std::to_string(result.total));
  v.set("total_capped", result.total_capped);
  v.set("facets_approximate", result.facets_approximate);
  v.set("items", items);
  v.set("facets", groups);
  v.set("has_facets", !groups.is_empty_list());
  v.set("hot", hot);
  v.set("has_hot", !hot.is_empty_list());
  v.set("portal_url", portal_url(site));
  v.set("pagination", result.total > per_page ? pagination_view(result.total, page, per_page, path, f.pairs())
                                                : View(false));
  // The modules' results beside the documents (SiteApp::add_search_source).
  View sources{View::type::list};
  std::vector<std::string> source_tags;
  if (asked && !result.empty_query && !all_sites && page == 1) {
    for (const auto& source : ctx.env.search_sources) {
      auto found = source(ctx, f.q);
      if (!found || found->total == 0) continue;
      View sv{View::type::object};
      sv.set("label", found->label);
      sv.set("total", std::to_string(found->total));
      sv.set("more_url", found->more_url);
      View hits{View::type::list};
      for (const auto& h : found->hits) {
        View hv{View::type::object};
        hv.set("title", h.title);
        hv.set("url", h.url);
        hv.set("snippet", h.snippet);
        hv.set("date", h.date);
        hits.push_back(hv);
      }
      sv.set("hits", hits);
      sources.push_back(sv);
      source_tags.insert(source_tags.end(), found->cache_tags.begin(), found->cache_tags.end());
    }
  }
  v.set("sources", sources);
  v.set("has_sources", !sources.is_empty_list());
  http::Response r = render_page(ctx, "search", v);
  if (r.status != 200) return r;
  if (all_sites)
    r.cache_tags = {domain::tag_site(site.id), domain::tag_search_all(), domain::tag_site_search(0)};
  else
    r.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_site_search(site.id)};
  r.cache_tags.insert(r.cache_tags.end(), source_tags.begin(), source_tags.end());
  r.cache_class = kSearchCacheClass;
  r.cache_expires_at = static_cast<long long>(std::time(nullptr)) + kSearchPageCacheSeconds;
  if (counted) r.on_cache_hit = ctx.env.hot_queries->hit_observer(q.site_id, *counted);
  return r;
}

http::Response opensearch_description(PageContext& ctx) {
  const auto& site = ctx.site;
  const std::string name = utf8_truncate(site.name, 16);
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
      "  <ShortName>" + domain::escape_html(name) + "</ShortName>\n"
      "  <Description>" + domain::escape_html(site.name + "站内搜索") + "</Description>\n"
      "  <InputEncoding>UTF-8</InputEncoding>\n"
      "  <Url type=\"text/html\" method=\"get\" template=\"" +
      domain::escape_html(ctx.absolute(search_url(site)) + "?q={searchTerms}") + "\"/>\n"
      "  <Url type=\"application/json\" method=\"get\" template=\"" +
      domain::escape_html(ctx.env.base_url + "/api/v1/search?site=" + site.code + "&q={searchTerms}") + "\"/>\n"
      "</OpenSearchDescription>\n";
  http::Response r;
  r.status = 200;
  r.body = xml;
  r.content_type = "application/opensearchdescription+xml; charset=utf-8";
  r.cache_tags = {domain::tag_site(site.id)};
  return r;
}

}  // namespace zwgk::web
