// P/xxgk/{code}/ — a 公开目录 column: its documents (and its descendants'), newest first,
// paginated, filtered by 公开责任部门, year of 发文日期 and 有效性 through a GET form and links.
#include <map>

#include "domain/cache_tags.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

const domain::Validity kValidities[] = {domain::Validity::Valid, domain::Validity::Expired, domain::Validity::Repealed,
                                        domain::Validity::Amended, domain::Validity::NotYetEffective};

View option(const std::string& value, const std::string& label, bool selected) {
  View o;
  o.set("value", value);
  o.set("label", label);
  o.set("selected", selected);
  return o;
}

}  // namespace

http::Response catalogue_page(PageContext& ctx, const std::string& code) {
  const auto& site = ctx.site;
  const auto* node = domain::is_valid_catalogue_code(code) ? ctx.node_by_code(code) : nullptr;
  if (!node) throw not_found("您访问的栏目不存在。");

  // Validate every parameter before touching the documents.
  const int page = page_param(ctx.req);
  const int per_page = per_page_param(ctx.req);
  const auto department_id = department_param(ctx.req);
  const auto year = year_param(ctx.req);
  const auto validity = validity_param(ctx.req);

  const auto departments = store::DepartmentRepository(ctx.env.db).by_site(site.id);
  std::map<std::int64_t, std::string> department_names;
  for (const auto& d : departments) department_names[d.id] = d.name;
  if (department_id && !department_names.count(*department_id)) {
    throw bad_request("参数 department 指定的部门不存在");
  }

  store::DocumentRepository documents(ctx.env.db);
  store::DocumentQuery q;
  q.today = ctx.env.options.today();
  q.site_id = site.id;
  q.catalogue_id = node->id;
  q.department_id = department_id;
  q.year = year;
  q.validity = validity;
  q.page = page;
  q.per_page = per_page;
  const auto result = documents.list(q);
  if (page > 1 && page > page_count(result.total, per_page)) throw not_found("没有这一页：页码超出了文件列表的范围。");

  // Filters kept across pages and in links.
  QueryPairs filters;
  if (department_id) filters.emplace_back("department", std::to_string(*department_id));
  if (year) filters.emplace_back("year", std::to_string(*year));
  if (validity) filters.emplace_back("validity", domain::to_code(*validity));
  if (per_page != kDefaultPerPage) filters.emplace_back("per_page", std::to_string(per_page));
  const std::string path = catalogue_url(site, node->code);

  View items{View::type::list};
  for (const auto& d : result.items) items.push_back(document_item_view(d, site, department_names, ctx.env.options.today()));

  View dep_options{View::type::list};
  for (const auto& d : departments) {
    dep_options.push_back(option(std::to_string(d.id), d.name, department_id && *department_id == d.id));
  }
  View year_options{View::type::list};
  View year_links{View::type::list};
  for (int y : documents.years(site.id, node->id)) {  // only years this column has documents in
    year_options.push_back(option(std::to_string(y), std::to_string(y) + "年", year && *year == y));
    QueryPairs f;
    if (department_id) f.emplace_back("department", std::to_string(*department_id));
    f.emplace_back("year", std::to_string(y));
    if (validity) f.emplace_back("validity", domain::to_code(*validity));
    View l;
    l.set("label", std::to_string(y));
    l.set("url", with_query(path, f));
    l.set("current", year && *year == y);
    year_links.push_back(l);
  }
  View validity_options{View::type::list};
  View validity_links{View::type::list};
  for (auto val : kValidities) {
    validity_options.push_back(option(domain::to_code(val), domain::to_label(val), validity && *validity == val));
    QueryPairs f;
    if (department_id) f.emplace_back("department", std::to_string(*department_id));
    if (year) f.emplace_back("year", std::to_string(*year));
    f.emplace_back("validity", domain::to_code(val));
    View l;
    l.set("label", domain::to_label(val));
    l.set("url", with_query(path, f));
    l.set("current", validity && *validity == val);
    validity_links.push_back(l);
  }

  // Children of this column, as sub-navigation.
  View subcolumns{View::type::list};
  for (const auto& n : ctx.tree()) {
    if (n.parent_id && *n.parent_id == node->id) {
      View c;
      c.set("name", n.name);
      c.set("url", catalogue_url(site, n.code));
      subcolumns.push_back(c);
    }
  }

  PageMeta meta;
  meta.title = page > 1 ? node->name + "（第" + std::to_string(page) + "页）" : node->name;
  const auto chain = ctx.path_to(node->id);
  meta.nav = nav_key_for(chain);
  meta.nav_exact = chain.size() == 1 && meta.nav == node->code && page == 1;
  meta.canonical = with_query(path, [&] {
    QueryPairs c = filters;
    if (page > 1) c.emplace_back("page", std::to_string(page));
    return c;
  }());
  meta.breadcrumb.push_back({"信息公开", portal_url(site)});
  for (const auto* n : chain) meta.breadcrumb.push_back({n->name, n == node ? "" : catalogue_url(site, n->code)});
  add_column_meta(meta, node->name, node->description, node->keywords, node->column_type);
  meta.feed_url = feed_url(site, node->code);
  meta.feed_title = node->name + " - " + site.name;

  View v = layout_view(ctx, meta);
  v.set("column_name", node->name);
  v.set("column_description", node->description.empty() ? View(false) : View(node->description));
  v.set("form_action", path);
  v.set("items", items);
  v.set("empty", result.items.empty());
  v.set("filtered", department_id || year || validity);
  // The folded filters' summary names what is applied (筛选：2017年 · 有效).
  std::string applied;
  auto add_applied = [&](const std::string& t) { applied += (applied.empty() ? "" : " · ") + t; };
  if (department_id) add_applied(department_names[*department_id]);
  if (year) add_applied(std::to_string(*year) + "年");
  if (validity) add_applied(domain::to_label(*validity));
  v.set("filters_applied", applied.empty() ? View(false) : View(applied));
  v.set("reset_url", path);
  v.set("department_options", dep_options);
  v.set("year_options", year_options);
  v.set("validity_options", validity_options);
  v.set("year_links", year_links);
  v.set("validity_links", validity_links);
  v.set("subcolumns", subcolumns);
  v.set("has_subcolumns", !subcolumns.is_empty_list());
  v.set("pagination", pagination_view(result.total, page, per_page, path, filters));
  v.set("feed_url", feed_url(site, node->code));
  v.set("per_page", per_page == kDefaultPerPage ? View(false) : View(std::to_string(per_page)));

  auto resp = render_page(ctx, "catalogue", v);
  if (!has_unknown_params(ctx.req, {"page", "per_page", "department", "year", "validity"})) {
    resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_catalogue(node->id)};
  }
  return resp;
}

}  // namespace zwgk::web
