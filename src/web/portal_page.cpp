// P/xxgk/ — 信息公开: the 公开目录 tree, the guide / rules / annual reports, departments.
#include <map>

#include "domain/cache_tags.hpp"
#include "store/department_repository.hpp"
#include "web/layout_view.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

const char* const kPortalLinks[] = {"政府信息公开指南", "政府信息公开制度", "政府信息公开年报"};

// A node with its children; every node sets "children" (possibly empty) so the recursive
// partial never picks up its parent's list through Mustache's context lookup.
View tree_view(const domain::Site& site, const std::vector<domain::CatalogueNode>& nodes,
               const std::multimap<std::int64_t, const domain::CatalogueNode*>& children, const domain::CatalogueNode& n,
               int depth) {
  View v;
  v.set("name", n.name);
  v.set("url", catalogue_url(site, n.code));
  View kids{View::type::list};
  if (depth < 16) {
    auto [b, e] = children.equal_range(n.id);
    for (auto it = b; it != e; ++it) kids.push_back(tree_view(site, nodes, children, *it->second, depth + 1));
  }
  v.set("has_children", !kids.is_empty_list());
  v.set("children", kids);
  return v;
}

}  // namespace

http::Response portal_page(PageContext& ctx) {
  const auto& site = ctx.site;
  const auto& nodes = ctx.tree();
  std::multimap<std::int64_t, const domain::CatalogueNode*> children;  // parent id -> child, in tree order
  View roots{View::type::list};
  for (const auto& n : nodes) {
    if (n.parent_id) children.emplace(*n.parent_id, &n);
  }
  for (const auto& n : nodes) {
    if (!n.parent_id) roots.push_back(tree_view(site, nodes, children, n, 0));
  }

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
