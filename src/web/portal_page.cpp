// P/xxgk/ — 信息公开: the 公开目录 tree, the guide / rules / annual reports, the newest
// documents, departments (in the order the console lists them), and the 高级检索:
//   P/xxgk/?title=&index_number=&doc_number=&from=&to=&topic=&page=
// by 标题, 索引号, 文号 (parts of them), a 发文日期 range (inclusive) and 主题分类 (one of the
// values the site's documents have), through the listings' DocumentQuery. A page with a
// search goes to the search pages' cache class (any text makes a page).
#include <map>

#include "domain/cache_tags.hpp"
#include "domain/doc_number.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/search_request.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

const char* const kPortalLinks[] = {"政府信息公开指南", "政府信息公开制度", "政府信息公开年报"};

constexpr int kLatestDocuments = 10;
constexpr std::size_t kMaxFieldCharacters = 100;

// A 发文日期 bound as a date field sends it (2017-05-02); a clear Chinese 400 otherwise.
std::optional<domain::Date> date_param(const http::Request& req, const char* name, const char* label) {
  const auto raw = single_param(req, name);
  if (!raw) return std::nullopt;
  auto d = domain::Date::parse(*raw);
  if (!d) throw bad_request(std::string("发文日期") + label + "“" + *raw + "”不是有效的日期，请按“2017-05-02”的格式填写。");
  return d;
}

std::string text_param(const http::Request& req, const char* name, const char* label) {
  auto v = single_param(req, name).value_or("");
  if (auto problem = search_text_problem(v)) throw bad_request(std::string(label) + "：" + *problem);
  if (v.size() > kMaxFieldCharacters * 4) throw bad_request(std::string(label) + "太长了，请只填写其中的一部分。");
  return v;
}

// 索引号 are ASCII (organisation code / year - serial): compared in upper case.
std::string upper_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

http::Response portal_page(PageContext& ctx) {
  // 高级检索 parameters first: a malformed request costs nothing.
  const auto& req = ctx.req;
  store::DocumentQuery search;
  search.site_id = ctx.site.id;
  search.today = ctx.env.options.today();
  search.title_contains = text_param(req, "title", "标题");
  search.index_number_contains = upper_ascii(text_param(req, "index_number", "索引号"));
  const std::string doc_number = text_param(req, "doc_number", "文号");
  search.doc_number_contains = doc_number.empty() ? std::string() : domain::normalize_doc_number(doc_number);
  search.topic = text_param(req, "topic", "主题分类");
  search.published_from = date_param(req, "from", "起始日期");
  search.published_to = date_param(req, "to", "截止日期");
  if (search.published_from && search.published_to && *search.published_from > *search.published_to)
    throw bad_request("发文日期的起始日期不能晚于截止日期。");
  const bool searched = !search.title_contains.empty() || !search.index_number_contains.empty() ||
                        !search.doc_number_contains.empty() || !search.topic.empty() || search.published_from ||
                        search.published_to;
  search.page = page_param(req);
  search.per_page = kDefaultPerPage;

  const auto& site = ctx.site;
  View roots = catalogue_tree_view(site, ctx.tree());

  View links{View::type::list};
  for (const char* name : kPortalLinks) {
    if (const auto* node = ctx.node_by_name(name)) {
      View l;
      l.set("name", node->name);
      l.set("url", catalogue_url(site, node->code));
      links.push_back(l);
    }
  }
  {
    View l;
    l.set("name", "依申请公开");
    l.set("url", site.path_prefix + "/ysqgk/");
    links.push_back(l);
  }

  // The site's configured order (排序号, then name: DepartmentRepository::by_site).
  const auto departments = store::DepartmentRepository(ctx.env.db).by_site(site.id);
  std::map<std::int64_t, std::string> department_names;
  for (const auto& d : departments) department_names[d.id] = d.name;
  View deps{View::type::list};
  for (const auto& d : departments) {
    View dv;
    dv.set("name", d.name);
    dv.set("url", department_url(site, d.id));
    deps.push_back(dv);
  }

  store::DocumentRepository documents(ctx.env.db);
  const auto today = ctx.env.options.today();
  View latest{View::type::list};
  {
    store::DocumentQuery q;
    q.site_id = site.id;
    q.today = today;
    q.per_page = kLatestDocuments;
    for (const auto& d : documents.list(q).items) latest.push_back(document_item_view(d, site, department_names, today));
  }

  View topics{View::type::list};
  for (const auto& t : documents.topics(site.id)) {
    View tv;
    tv.set("value", t);
    tv.set("selected", t == search.topic);
    topics.push_back(tv);
  }

  View results{View::type::list};
  View pagination = false;
  std::int64_t total = 0;
  QueryPairs kept;
  if (searched) {
    const auto found = documents.list(search);
    total = found.total;
    if (search.page > 1 && search.page > page_count(found.total, search.per_page))
      throw not_found("没有这一页：页码超出了检索结果的范围。");
    for (const auto& d : found.items) results.push_back(document_item_view(d, site, department_names, today));
    auto keep = [&](const char* name) {
      if (auto v = single_param(req, name)) kept.emplace_back(name, *v);
    };
    for (const char* name : {"title", "index_number", "doc_number", "from", "to", "topic"}) keep(name);
    pagination = pagination_view(found.total, search.page, search.per_page, portal_url(site), kept);
  }

  PageMeta meta;
  meta.title = searched ? "信息公开高级检索" : "信息公开";
  meta.nav = "xxgk";
  meta.canonical = portal_url(site);
  meta.breadcrumb = {{"信息公开", ""}};
  add_column_meta(meta, "信息公开", site.name + "政府信息公开", "政府信息公开,公开目录,政府信息公开指南,政府信息公开年报",
                  "信息公开");
  View v = layout_view(ctx, meta);
  v.set("tree", roots);
  v.set("portal_links", links);
  v.set("departments", deps);
  v.set("has_departments", !deps.is_empty_list());
  v.set("latest", latest);
  v.set("has_latest", !latest.is_empty_list());
  v.set("portal_url", portal_url(site));
  v.set("topics", topics);
  v.set("has_topics", !topics.is_empty_list());
  auto field = [&](const char* key, const std::string& value) { v.set(key, value.empty() ? View(false) : View(value)); };
  field("f_title", search.title_contains);
  field("f_index_number", single_param(req, "index_number").value_or(""));
  field("f_doc_number", doc_number);
  field("f_from", search.published_from ? search.published_from->iso() : std::string());
  field("f_to", search.published_to ? search.published_to->iso() : std::string());
  v.set("searched", searched);
  v.set("results", results);
  v.set("no_results", searched && total == 0);
  v.set("total", std::to_string(total));
  v.set("pagination", pagination);

  auto resp = render_page(ctx, "portal", v);
  if (!has_unknown_params(ctx.req, {"title", "index_number", "doc_number", "from", "to", "topic", "page"})) {
    resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
    if (searched) resp.cache_class = kSearchCacheClass;
  }
  return resp;
}

}  // namespace zwgk::web
