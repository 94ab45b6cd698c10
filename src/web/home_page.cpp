// P/ — the site home: the latest documents of 要闻动态, 通知公告, 政策文件, 政策解读 and the
// entrances to 信息公开.
#include <map>

#include "domain/cache_tags.hpp"
#include "store/department_repository.hpp"
#include "store/document_repository.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

constexpr int kBlockSize = 8;
const char* const kBlocks[] = {"要闻动态", "通知公告", "政策文件", "政策解读"};
const char* const kPortalLinks[] = {"政府信息公开指南", "政府信息公开制度", "政府信息公开年报"};

}  // namespace

http::Response home_page(PageContext& ctx) {
  const auto& site = ctx.site;
  store::DocumentRepository documents(ctx.env.db);
  std::map<std::int64_t, std::string> departments;  // names are not shown in the blocks

  View blocks{View::type::list};
  for (const char* name : kBlocks) {
    const auto* node = ctx.node_by_name(name);
    if (!node) continue;
    store::DocumentQuery q;
    q.today = ctx.env.options.today();
    q.site_id = site.id;
    q.catalogue_id = node->id;
    q.per_page = kBlockSize;
    auto page = documents.list(q);
    View items{View::type::list};
    for (const auto& d : page.items) items.push_back(document_item_view(d, site, departments, ctx.env.options.today()));
    View block;
    block.set("name", node->name);
    block.set("code", node->code);
    block.set("url", catalogue_url(site, node->code));
    block.set("items", items);
    block.set("empty", page.items.empty());
    blocks.push_back(block);
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
  for (const auto& m : ctx.env.portal_links) {  // the modules' entrances: 依申请公开, …
    View l;
    l.set("name", m.label);
    l.set("url", site.path_prefix + m.path);
    links.push_back(l);
  }

  PageMeta meta;
  meta.nav = "home";
  meta.canonical = site_home_url(site);
  meta.meta.emplace_back("Keywords", site.name + ",政务公开,信息公开");
  meta.meta.emplace_back("Description", site.name + "门户网站：要闻动态、通知公告、政策文件、政策解读与政府信息公开。");
  View v = layout_view(ctx, meta);
  v.set("blocks", blocks);
  v.set("portal_links", links);
  v.set("portal_url", portal_url(site));

  auto resp = render_page(ctx, "home", v);
  if (!has_unknown_params(ctx.req, {})) {
    resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id)};
  }
  return resp;
}

}  // namespace zwgk::web
