#include "web/layout_view.hpp"

#include "domain/date.hpp"

#include "web/formatting.hpp"
#include "web/site_images.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

View meta_tag(const std::string& name, const std::string& content) {
  View v;
  v.set("name", name);
  v.set("content", content);
  return v;
}

// `with_profile`: the logo, badges and 本网站支持IPv6 (one query); off on pages that must
// not touch the database (error pages), which then show the site name and the text fields.
View site_view(PageContext& ctx, bool with_profile) {
  const auto& s = ctx.site;
  View v;
  v.set("name", s.name);
  v.set("home_url", site_home_url(s));
  v.set("portal_url", portal_url(s));
  v.set("sitemap_url", sitemap_page_url(s));
  v.set("contact_url", contact_url(s));
  v.set("statement_url", statement_url(s));
  v.set("privacy_url", privacy_url(s));
  v.set("sponsor", s.sponsor.empty() ? s.name : s.sponsor);
  v.set("phone", s.phone);
  v.set("address", s.address.empty() ? View(false) : View(s.address));
  v.set("site_id_code", s.site_id_code);
  v.set("icp_record", s.icp_record);
  v.set("police_record", s.police_record);
  v.set("domain", s.domain);
  // Set only when present ("" is truthy in this mustache).
  v.set("logo_url", false);
  v.set("conac", false);
  v.set("police_link", false);
  v.set("police_badge", false);
  v.set("ipv6", false);
  if (!with_profile) return v;
  const auto& p = ctx.profile();
  if (!p.logo_sha256.empty()) v.set("logo_url", site_image_url(p.logo_sha256));
  if (!p.conac_badge_sha256.empty()) {
    View conac;
    conac.set("image", site_image_url(p.conac_badge_sha256));
    conac.set("link", p.conac_url.empty() ? View(false) : View(p.conac_url));
    v.set("conac", conac);
  }
  if (auto link = domain::police_record_link(p, s.police_record); !link.empty() && !s.police_record.empty())
    v.set("police_link", link);
  if (!p.police_badge_sha256.empty()) v.set("police_badge", site_image_url(p.police_badge_sha256));
  v.set("ipv6", p.ipv6);
  return v;
}

const char* const kNavColumns[] = {"要闻动态", "通知公告", "政策文件", "政策解读"};

View nav_item(const std::string& name, const std::string& url, bool current, bool exact) {
  View v;
  v.set("name", name);
  v.set("url", url);
  v.set("current", current);
  v.set("current_kind", exact ? "page" : "true");
  return v;
}

}  // namespace

void add_column_meta(PageMeta& meta, const std::string& name, const std::string& description,
                     const std::string& keywords, const std::string& type) {
  meta.meta.emplace_back("ColumnName", name);
  meta.meta.emplace_back("ColumnDescription", description.empty() ? name : description);
  meta.meta.emplace_back("ColumnKeywords", keywords.empty() ? name : keywords);
  meta.meta.emplace_back("ColumnType", type.empty() ? "信息公开" : type);
}

std::string large_text_url(bool on, const std::string& return_to) {
  return std::string("/preferences/large-text?on=") + (on ? "1" : "0") + "&return=" + url_encode_component(return_to);
}

std::string contrast_url(bool on, const std::string& return_to) {
  return std::string("/preferences/contrast?on=") + (on ? "1" : "0") + "&return=" + url_encode_component(return_to);
}

View layout_view(PageContext& ctx, const PageMeta& meta) {
  const auto& s = ctx.site;
  View v;
  v.set("site", site_view(ctx, meta.with_navigation && !meta.print));
  v.set("title", meta.title.empty() ? s.name : meta.title + " - " + s.name);

  View tags{View::type::list};
  tags.push_back(meta_tag("SiteName", s.name));
  tags.push_back(meta_tag("SiteDomain", s.domain));
  tags.push_back(meta_tag("SiteIDCode", s.site_id_code));
  for (const auto& [name, content] : meta.meta) tags.push_back(meta_tag(name, content));
  if (meta.noindex) tags.push_back(meta_tag("robots", "noindex"));
  v.set("meta", tags);

  v.set("canonical", meta.canonical.empty() ? View(false) : View(ctx.absolute(meta.canonical)));
  if (!meta.feed_url.empty()) {
    View feed;
    feed.set("url", meta.feed_url);
    feed.set("title", meta.feed_title.empty() ? s.name : meta.feed_title);
    v.set("feed", feed);
  } else {
    v.set("feed", false);
  }

  View crumbs{View::type::list};
  {
    View home;
    home.set("name", "首页");
    home.set("url", meta.breadcrumb.empty() ? View(false) : View(site_home_url(s)));
    home.set("sep", false);
    crumbs.push_back(home);
  }
  for (const auto& c : meta.breadcrumb) {
    View item;
    item.set("name", c.name);
    item.set("url", c.url.empty() ? View(false) : View(c.url));
    item.set("sep", true);
    crumbs.push_back(item);
  }
  v.set("breadcrumb", crumbs);

  View nav{View::type::list};
  if (meta.with_navigation && !meta.print) {
    const bool exact = meta.nav_exact;
    nav.push_back(nav_item("首页", site_home_url(s), meta.nav == "home", exact));
    auto add_node = [&](const char* name) {
      if (const auto* n = ctx.node_by_name(name)) {
        nav.push_back(nav_item(n->name, catalogue_url(s, n->code), meta.nav == n->code, exact));
      }
    };
    add_node(kNavColumns[0]);
    add_node(kNavColumns[1]);
    nav.push_back(nav_item("信息公开", portal_url(s), meta.nav == "xxgk", exact));
    add_node(kNavColumns[2]);
    add_node(kNavColumns[3]);
    for (const auto& l : ctx.env.nav_links)
      nav.push_back(nav_item(l.label, s.path_prefix + l.path, !l.nav_key.empty() && meta.nav == l.nav_key, exact));
  }
  v.set("has_nav", !nav.is_empty_list());
  v.set("nav", nav);

  // Large-text and high-contrast modes (适老化): both links of each pair are always in the page, which is cached per
  // host+target and so must not depend on the cookie; /preferences/text-size.css (never
  // cached, Vary: Cookie) shows the one that applies. See text_size_preference.cpp.
  v.set("large_on_url", large_text_url(true, ctx.req.target.empty() ? "/" : ctx.req.target));
  v.set("large_off_url", large_text_url(false, ctx.req.target.empty() ? "/" : ctx.req.target));
  v.set("contrast_on_url", contrast_url(true, ctx.req.target.empty() ? "/" : ctx.req.target));
  v.set("contrast_off_url", contrast_url(false, ctx.req.target.empty() ? "/" : ctx.req.target));
  v.set("print", meta.print);
  v.set("search_url", search_url(s));
  v.set("opensearch_url", opensearch_url(s));
  v.set("page_url", ctx.absolute(meta.canonical.empty() ? ctx.req.path : meta.canonical));
  View footer_links{View::type::list};
  for (const auto& l : ctx.env.footer_links) {
    View item{View::type::object};
    item.set("label", l.label);
    item.set("url", s.path_prefix + l.path +
                        (l.with_page_url ? "?url=" + url_encode_component(ctx.absolute(ctx.req.path)) : std::string()));
    footer_links.push_back(item);
  }
  v.set("footer_links", footer_links);
  return v;
}

std::string nav_key_for(const std::vector<const domain::CatalogueNode*>& chain) {
  if (chain.empty()) return "xxgk";
  for (const char* name : kNavColumns) {
    if (chain.front()->name == name) return chain.front()->code;
  }
  return "xxgk";
}

http::Response render_page(PageContext& ctx, const std::string& template_name, const View& view, int status) {
  auto resp = http::Response::html(ctx.env.templates.render(template_name, view), status);
  // 有效性 is derived from today's date (China Standard Time): a cached page must not keep
  // saying 有效 after its document expires at midnight.
  resp.cache_expires_at = domain::today_ends_at_unix();
  return resp;
}

}  // namespace zwgk::web
