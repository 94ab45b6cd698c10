// 预决算公开统一专栏 public page: see budget_pages.hpp.
#include "modules/yjs/web/budget_pages.hpp"

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "modules/yjs/domain/budget_cache_tags.hpp"
#include "modules/yjs/service/budget_service.hpp"
#include "modules/yjs/web/budget_views.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

std::string base_url(const domain::Site& s) { return s.path_prefix + "/yjs/"; }

http::Response index_page(PageContext& ctx) {
  modules::yjs::BudgetService service(ctx.env.db, domain::or_system_clock(ctx.env.options.clock));
  const auto today = service.today();
  int year = today.year();
  if (auto y = single_param(ctx.req, "year")) {
    auto n = parse_positive_integer(*y);
    if (!n || *n < 2000 || *n > 2100) throw bad_request("参数 year 应为2000至2100之间的年份");
    year = static_cast<int>(*n);
  }
  const auto m = service.matrix(ctx.site.id, year, ctx.site.name);
  PageMeta meta;
  meta.title = std::to_string(year) + "年度预决算公开";
  meta.nav = "yjs";
  meta.breadcrumb = {{"预决算公开", ""}};
  add_column_meta(meta, "预决算公开", "政府预算、决算和部门预算、决算及三公经费公开统一专栏", "预决算公开,部门预算,部门决算,三公经费",
                  "财政信息");
  View v = layout_view(ctx, meta);
  const auto& site = ctx.site;
  v.set("matrix", budget_matrix_view(m, [&site](std::int64_t id) { return document_url(site, id); }));
  View years{View::type::list};
  for (int y : m.years) {
    View t{View::type::object};
    t.set("label", std::to_string(y) + "年度");
    t.set("url", base_url(site) + "?year=" + std::to_string(y));
    t.set("current", y == year);
    years.push_back(t);
  }
  v.set("years", years);
  v.set("days", std::to_string(domain::kBudgetDisclosureDays));
  auto resp = render_page(ctx, "yjs/index", v);
  // A cell, a department, or a linked document's publication changes the matrix.
  resp.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_budgets(site.id)};
  resp.cache_expires_at = domain::china_midnight_after(today).time_since_epoch().count();
  return resp;
}

}  // namespace

std::optional<http::Response> budget_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty()) return index_page(ctx);
  return std::nullopt;
}

}  // namespace zwgk::web
