// 基层政务公开标准目录 public pages: see catalogue_pages.hpp.
#include "modules/bzml/web/catalogue_pages.hpp"

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "modules/bzml/domain/catalogue_cache_tags.hpp"
#include "modules/bzml/domain/standard_fields.hpp"
#include "modules/bzml/service/standard_catalogue_service.hpp"
#include "modules/bzml/web/catalogue_views.hpp"
#include "modules/qd/domain/list_cache_tags.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

std::string base_url(const domain::Site& s) { return s.path_prefix + "/bzml/"; }

struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::bzml::StandardCatalogueService service;
  explicit Service(PageContext& ctx)
      : calendar(ctx.env.options.calendar ? ctx.env.options.calendar->current()
                                          : std::make_shared<const domain::WorkingDayCalendar>()),
        service(ctx.env.db, *calendar, domain::or_system_clock(ctx.env.options.clock)) {}
};

http::Response finish(PageContext& ctx, http::Response resp, domain::Date today) {
  // A catalogue, a mapping, a document of a mapped column or a list's version changes the page.
  resp.cache_tags = {domain::tag_site(ctx.site.id), domain::tag_site_lists(ctx.site.id),
                     domain::tag_standard_catalogues(ctx.site.id), domain::tag_lists(ctx.site.id)};
  resp.cache_expires_at = domain::china_midnight_after(today).time_since_epoch().count();
  return resp;
}

http::Response index_page(PageContext& ctx) {
  Service s(ctx);
  PageMeta meta;
  meta.title = "基层政务公开标准目录";
  meta.nav = "bzml";
  meta.breadcrumb = {{"标准目录", ""}};
  add_column_meta(meta, "基层政务公开标准目录", "按照国办发〔2019〕54号确定的试点领域标准目录，逐项公开事项、依据、时限和主体",
                  "基层政务公开,标准目录,标准化规范化", "信息公开");
  View v = layout_view(ctx, meta);
  View rows{View::type::list};
  for (const auto& c : s.service.catalogues(ctx.site.id)) {
    const auto full = s.service.catalogue(ctx.site.id, c.code);
    View r = catalogue_view(full, [](const std::string&, const std::string&) { return std::string(); });
    r.set("url", base_url(ctx.site) + c.code + "/");
    rows.push_back(r);
  }
  v.set("has_rows", !rows.is_empty_list());
  v.set("rows", rows);
  v.set("fields", std::to_string(domain::standard_fields().size()));
  return finish(ctx, render_page(ctx, "bzml/index", v), s.service.today());
}

http::Response field_page(PageContext& ctx, const std::string& code) {
  Service s(ctx);
  const auto c = s.service.catalogue(ctx.site.id, code);  // NotFound -> 404
  PageMeta meta;
  meta.title = c.catalogue.field + "领域基层政务公开标准目录";
  meta.nav = "bzml";
  meta.breadcrumb = {{"标准目录", base_url(ctx.site)}, {c.catalogue.field, ""}};
  add_column_meta(meta, meta.title, c.catalogue.field + "领域的公开事项、公开内容、依据、时限、主体和渠道",
                  c.catalogue.field + ",基层政务公开,标准目录", "信息公开");
  View v = layout_view(ctx, meta);
  const auto& site = ctx.site;
  v.set("catalogue", catalogue_view(c, [&site](const std::string& kind, const std::string& target) {
          return kind == "list" ? site.path_prefix + "/qd/" + target + "/" : catalogue_url(site, target);
        }));
  v.set("index_url", base_url(site));
  return finish(ctx, render_page(ctx, "bzml/field", v), s.service.today());
}

}  // namespace

std::optional<http::Response> standard_catalogue_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty()) return index_page(ctx);
  const std::string code = seg.size() >= 2 ? std::string(seg[1]) : std::string();
  if (seg.size() == 2 && domain::is_catalogue_field_code(code))
    return http::Response::redirect(base_url(ctx.site) + code + "/", 301);
  if (seg.size() == 3 && seg[2].empty() && domain::is_catalogue_field_code(code)) return field_page(ctx, code);
  return std::nullopt;
}

}  // namespace zwgk::web
