// The site-level pages every government portal links from its footer:
//   P/sitemap/    网站地图: the 栏目 as a tree (the catalogue), the modules' pages (依申请公开,
//                 政民互动, …) and these pages; P/sitemap.xml stays for crawlers
//   P/contact/    联系我们: 主办单位, 承办单位, 地址, 邮政编码, 联系电话, 电子邮箱, 办公时间
//   P/statement/  网站声明 and P/privacy/ 隐私声明: the site's text or the default
//                 (domain/site_profile.hpp)
// All are cached under site:<id>, which every change of the site's settings, catalogue or
// departments invalidates.
#include <functional>
#include <set>

#include "domain/cache_tags.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/pages.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

View link_view(const std::string& name, const std::string& url) {
  View v;
  v.set("name", name);
  v.set("url", url);
  v.set("has_children", false);
  v.set("children", View{View::type::list});
  return v;
}

http::Response finish(PageContext& ctx, const std::string& title, const std::string& canonical,
                      const std::string& template_name, const std::function<void(View&)>& fill) {
  PageMeta meta;
  meta.title = title;
  meta.canonical = canonical;
  meta.breadcrumb = {{title, ""}};
  add_column_meta(meta, title, ctx.site.name + title, title, "网站信息");
  View v = layout_view(ctx, meta);
  v.set("page_title", title);
  fill(v);
  auto resp = render_page(ctx, template_name, v);
  if (!has_unknown_params(ctx.req, {})) resp.cache_tags = {domain::tag_site(ctx.site.id)};
  return resp;
}

http::Response sitemap_page(PageContext& ctx) {
  const auto& site = ctx.site;
  // The modules' public pages, each once (a module may link the same page from the header
  // and the 信息公开 block); links that carry the current page's address (我为政府网站找错)
  // are listed without it.
  View modules{View::type::list};
  std::set<std::string> seen;
  for (const auto* links : {&ctx.env.portal_links, &ctx.env.nav_links, &ctx.env.footer_links})
    for (const auto& l : *links)
      if (seen.insert(l.path).second) modules.push_back(link_view(l.label, site.path_prefix + l.path));
  View about{View::type::list};
  about.push_back(link_view("联系我们", contact_url(site)));
  about.push_back(link_view("网站声明", statement_url(site)));
  about.push_back(link_view("隐私声明", privacy_url(site)));
  about.push_back(link_view("站内搜索", search_url(site)));
  return finish(ctx, "网站地图", sitemap_page_url(site), "sitemap", [&](View& v) {
    v.set("tree", catalogue_tree_view(site, ctx.tree()));
    v.set("modules", modules);
    v.set("has_modules", !modules.is_empty_list());
    v.set("about", about);
    v.set("portal_url", portal_url(site));
    v.set("xml_url", site.path_prefix + "/sitemap.xml");
  });
}

http::Response contact_page(PageContext& ctx) {
  const auto& s = ctx.site;
  const auto& p = ctx.profile();
  View rows{View::type::list};
  auto row = [&](const char* label, const std::string& value, const std::string& href = {}) {
    if (value.empty()) return;
    View r;
    r.set("label", label);
    r.set("value", value);
    r.set("href", href.empty() ? View(false) : View(href));
    rows.push_back(r);
  };
  row("主办单位", s.sponsor.empty() ? s.name : s.sponsor);
  row("承办单位", p.organizer);
  row("地址", s.address);
  row("邮政编码", p.postcode);
  row("联系电话", s.phone, s.phone.empty() ? std::string() : "tel:" + s.phone);
  row("电子邮箱", p.email, p.email.empty() ? std::string() : "mailto:" + p.email);
  row("办公时间", p.office_hours);
  row("网站标识码", s.site_id_code);
  return finish(ctx, "联系我们", contact_url(s), "contact", [&](View& v) { v.set("rows", rows); });
}

http::Response text_page(PageContext& ctx, const std::string& title, const std::string& canonical,
                         const std::string& text) {
  View blocks{View::type::list};
  for (const auto& b : domain::text_blocks(text)) {
    View bv;
    bv.set("heading", b.heading);
    bv.set("text", b.text);
    blocks.push_back(bv);
  }
  return finish(ctx, title, canonical, "site_text", [&](View& v) { v.set("blocks", blocks); });
}

}  // namespace

bool is_site_info_page(std::string_view segment) {
  return segment == "sitemap" || segment == "contact" || segment == "statement" || segment == "privacy";
}

http::Response site_info_page(PageContext& ctx, std::string_view segment) {
  if (segment == "sitemap") return sitemap_page(ctx);
  if (segment == "contact") return contact_page(ctx);
  if (segment == "statement")
    return text_page(ctx, "网站声明", statement_url(ctx.site), domain::statement_text(ctx.profile(), ctx.site));
  return text_page(ctx, "隐私声明", privacy_url(ctx.site), domain::privacy_text(ctx.profile(), ctx.site));
}

}  // namespace zwgk::web
