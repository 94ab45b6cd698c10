// 政务公开绩效考核 public pages: see assessment_pages.hpp.
#include "modules/jxkh/web/assessment_pages.hpp"

#include <charconv>
#include <memory>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "modules/jxkh/domain/assessment_cache_tags.hpp"
#include "modules/jxkh/domain/points.hpp"
#include "modules/jxkh/service/assessment_service.hpp"
#include "modules/jxkh/web/assessment_views.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"

namespace zwgk::web {

namespace {

std::string base_url(const domain::Site& s) { return s.path_prefix + "/jxkh/"; }
std::string year_url(const domain::Site& s, int year) { return base_url(s) + std::to_string(year) + "/"; }

PageMeta meta_for(const std::string& title, bool inner, const domain::Site& site) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "xxgk";
  meta.nav_exact = false;
  meta.breadcrumb = {{"信息公开", site.path_prefix + "/xxgk/"}, {"政务公开绩效考核", inner ? base_url(site) : ""}};
  if (inner) meta.breadcrumb.push_back({title, ""});
  // Every page of the column carries its tags; the year's page adds its own after them.
  add_column_meta(meta, "政务公开绩效考核", "政府办公室对各单位政务公开工作的年度绩效考核评分结果",
                  "绩效考核,政务公开,考核结果,评分", "信息公开");
  return meta;
}

struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::jxkh::AssessmentService service;
  explicit Service(PageContext& ctx)
      : calendar(ctx.env.options.current_calendar()),
        service(ctx.env.db, *calendar, domain::or_system_clock(ctx.env.options.clock)) {}
};

http::Response cached(http::Response r, const domain::Site& site) {
  r.cache_tags = {domain::tag_site(site.id), domain::tag_assessments(site.id)};
  return r;
}

http::Response index_page(PageContext& ctx) {
  Service s(ctx);
  PageMeta meta = meta_for("政务公开绩效考核", false, ctx.site);
  View v = layout_view(ctx, meta);
  View years{View::type::list};
  for (int y : s.service.released_years(ctx.site.id)) {
    View o{View::type::object};
    o.set("title", domain::assessment_title(ctx.site.name, y));
    o.set("url", year_url(ctx.site, y));
    if (auto r = s.service.released(ctx.site.id, y))
      o.set("released_on", domain::format_china_minute_of_unix(domain::unix_of_utc_iso(r->run.released_at)).substr(0, 10));
    years.push_back(o);
  }
  v.set("years", years);
  v.set("has_years", years.is_non_empty_list());
  return cached(render_page(ctx, "jxkh/index", v), ctx.site);
}

http::Response year_page(PageContext& ctx, int year) {
  Service s(ctx);
  const auto result = s.service.released(ctx.site.id, year);
  if (!result) throw not_found("该年度的考核结果尚未发布。");
  const std::string title = domain::assessment_title(ctx.site.name, year);
  PageMeta meta = meta_for(title, true, ctx.site);
  const std::string released = domain::format_china_minute_of_unix(domain::unix_of_utc_iso(result->run.released_at));
  meta.meta.insert(meta.meta.end(), {{"ArticleTitle", title},
                                     {"PubDate", released},
                                     {"ContentSource", ctx.site.sponsor.empty() ? ctx.site.name : ctx.site.sponsor},
                                     {"Keywords", "绩效考核,政务公开," + std::to_string(year) + "年度"},
                                     {"Description", title},
                                     {"Url", ctx.absolute(year_url(ctx.site, year))}});
  View v = layout_view(ctx, meta);
  v.set("heading", title);
  v.set("released_on", released.substr(0, 10));
  v.set("source", ctx.site.sponsor.empty() ? ctx.site.name : ctx.site.sponsor);
  v.set("weight", weight_sentence(result->set));
  v.set("full", domain::format_points(result->set.full_points()));
  View rows{View::type::list}, units{View::type::list};
  for (const auto& u : result->units) {
    const std::string anchor = "unit-" + std::to_string(u.department_id);
    rows.push_back(unit_row_view(*result, u, "#" + anchor));
    View d = unit_detail_view(*result, u, false);
    d.set("anchor", anchor);
    units.push_back(d);
  }
  v.set("rows", rows);
  v.set("units", units);
  View indicators{View::type::list};
  for (const auto& i : result->set.indicators) {
    View o{View::type::object};
    o.set("name", i.name);
    o.set("child", !i.parent.empty());
    o.set("points", domain::format_points(i.points));
    o.set("rule", i.rule);
    indicators.push_back(o);
  }
  v.set("indicators", indicators);
  v.set("index_url", base_url(ctx.site));
  return cached(render_page(ctx, "jxkh/year", v), ctx.site);
}

}  // namespace

std::optional<http::Response> assessment_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty()) return index_page(ctx);
  if (seg.size() == 3 && seg[2].empty() && seg[1].size() == 4) {
    int year = 0;
    const auto* end = seg[1].data() + seg[1].size();
    if (const auto r = std::from_chars(seg[1].data(), end, year); r.ec == std::errc() && r.ptr == end && year >= 2008)
      return year_page(ctx, year);
  }
  return std::nullopt;
}

}  // namespace zwgk::web
