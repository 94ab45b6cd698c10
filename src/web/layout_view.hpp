#pragma once
// The view model every public page shares: <head> identity tags (domain/README §6),
// header and navigation, breadcrumb, footer, large-text links, print mode.
// Templates: head.mustache, header.mustache, breadcrumb.mustache, footer.mustache.
#include <string>
#include <utility>
#include <vector>

#include "http/response.hpp"
#include "web/page_context.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

struct Crumb {
  std::string name;
  std::string url;  // "" = the current page (not a link)
};

struct PageMeta {
  std::string title;  // <title> is "title - site name" (just the site name if empty)
  std::vector<std::pair<std::string, std::string>> meta;  // after SiteName/SiteDomain/SiteIDCode
  std::vector<Crumb> breadcrumb;                          // after 首页
  std::string feed_url;                                   // RSS alternate, "" for none
  std::string feed_title;
  std::string canonical;  // path of the canonical page, "" = none
  std::string nav;        // current navigation key: "home", "xxgk" or a catalogue code
  bool nav_exact = true;  // this page is the navigation target itself (aria-current="page"),
                          // not a page inside its section (aria-current="true")
  bool print = false;     // print view: no navigation, print stylesheet for all media
  bool noindex = false;
  bool with_navigation = true;  // false on error pages that must not touch the database
};

// Column-page identity tags (ColumnName, ColumnDescription, ColumnKeywords, ColumnType).
void add_column_meta(PageMeta& meta, const std::string& name, const std::string& description,
                     const std::string& keywords, const std::string& type);

View layout_view(PageContext& ctx, const PageMeta& meta);

// The navigation key for a page inside the catalogue: the root column's code when the
// header links it (要闻动态, 通知公告, 政策文件, 政策解读), else "xxgk".
std::string nav_key_for(const std::vector<const domain::CatalogueNode*>& chain);

// Renders `template_name` with the view and wraps it in an HTML response.
http::Response render_page(PageContext& ctx, const std::string& template_name, const View& view, int status = 200);

// The large-text preference endpoint for a page: /preferences/large-text?on=1&return=<target>.
std::string large_text_url(bool on, const std::string& return_to);
// The high-contrast preference endpoint: /preferences/contrast?on=1&return=<target>.
std::string contrast_url(bool on, const std::string& return_to);

}  // namespace zwgk::web
