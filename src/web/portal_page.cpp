// P/xxgk/ — 信息公开: the 公开目录 tree, the guide / rules / annual reports, departments.
#include <map>

#include "domain/cache_tags.hpp"
#include "store/department_repository.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

const char* const kPortalLinks[] = {"政府信息公开指南", "政府信息公开制度", "政府信息公开年报"};

}  // namespace

http::Response portal_page(PageContext& ctx) {
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

  View deps{View::type::list};
  for (const auto& d : store::DepartmentRepository(ctx.env.db).by_site(site.id)) {
    View dv;
    dv.set("name", d.name);
    dv.set("url", department_url(site, d.id));
    deps.push_back(dv);
  }

  PageMeta meta;
  meta.title = "信息公开";
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

  auto resp = render_page(ctx, "portal", v);
  if (!has_unknown_params(ctx.req, {})) {
    resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
  }
  return resp;
}

}  // namespace zwgk::web
