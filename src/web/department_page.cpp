// P/department/{id}/ — a 公开责任部门: its name, its organisation code and its documents.
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

http::Response department_page(PageContext& ctx, std::int64_t id) {
  const auto& site = ctx.site;
  auto dep = store::DepartmentRepository(ctx.env.db).by_id(id);
  if (!dep || dep->site_id != site.id) throw not_found("您访问的部门不存在。");
  const int page = page_param(ctx.req);
  const int per_page = per_page_param(ctx.req);

  store::DocumentRepository documents(ctx.env.db);
  store::DocumentQuery q;
  q.today = ctx.env.options.today();
  q.site_id = site.id;
  q.department_id = dep->id;
  q.page = page;
  q.per_page = per_page;
  const auto result = documents.list(q);
  if (page > 1 && page > page_count(result.total, per_page)) throw not_found("没有这一页：页码超出了文件列表的范围。");

  const std::map<std::int64_t, std::string> names;  // the department is the page's subject
  View items{View::type::list};
  for (const auto& d : result.items) items.push_back(document_item_view(d, site, names, ctx.env.options.today()));

  QueryPairs filters;
  if (per_page != kDefaultPerPage) filters.emplace_back("per_page", std::to_string(per_page));
  const std::string path = department_url(site, dep->id);

  PageMeta meta;
  meta.title = page > 1 ? dep->name + "（第" + std::to_string(page) + "页）" : dep->name;
  meta.nav = "xxgk";
  meta.nav_exact = false;
  meta.canonical = with_query(path, [&] {
    QueryPairs c = filters;
    if (page > 1) c.emplace_back("page", std::to_string(page));
    return c;
  }());
  meta.breadcrumb = {{"信息公开", portal_url(site)}, {dep->name, ""}};
  add_column_meta(meta, dep->name, dep->name + "公开的政府信息", dep->name + "," + dep->short_name + ",政府信息公开",
                  "信息公开");

  View v = layout_view(ctx, meta);
  v.set("department_name", dep->name);
  v.set("short_name", dep->short_name.empty() || dep->short_name == dep->name ? View(false) : View(dep->short_name));
  v.set("credit_code", dep->credit_code.empty() ? View(false) : View(dep->credit_code));
  v.set("credit_code_label", dep->credit_code.size() == 18 ? "统一社会信用代码" : "组织机构代码");
  v.set("items", items);
  v.set("empty", result.items.empty());
  v.set("pagination", pagination_view(result.total, page, per_page, path, filters));

  auto resp = render_page(ctx, "department", v);
  if (!has_unknown_params(ctx.req, {"page", "per_page"})) {
    resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
  }
  return resp;
}

}  // namespace zwgk::web
