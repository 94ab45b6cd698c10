// 工作要点落实 public pages: see work_plan_pages.hpp.
#include "modules/gzyd/web/work_plan_pages.hpp"

#include "modules/gzyd/service/work_plan_service.hpp"
#include "modules/gzyd/web/work_plan_views.hpp"
#include "store/personal_data_key.hpp"
#include "store/blob_store.hpp"
#include "web/attachment_download.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {

namespace {

std::string base_url(const domain::Site& s) { return s.path_prefix + "/gzyd/"; }

PageMeta meta_for(const domain::Site& site, const std::string& title, bool inner) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "xxgk";
  meta.nav_exact = false;
  meta.breadcrumb = {{"工作要点落实", inner ? base_url(site) : ""}};
  if (inner) meta.breadcrumb.push_back({title, ""});
  add_column_meta(meta, "工作要点落实", "政务公开工作要点的任务分工、责任单位和落实情况", "政务公开工作要点,任务分工,落实情况",
                  "信息公开");
  return meta;
}

template <class F>
auto with_service(PageContext& ctx, F&& f) {
  const auto key = store::PersonalDataKey::derive_from(ctx.env.options.secret);
  const auto calendar = ctx.env.options.current_calendar();
  modules::gzyd::WorkPlanService s(ctx.env.db, key, *calendar, domain::or_system_clock(ctx.env.options.clock));
  return f(s);
}

http::Response index_page(PageContext& ctx) {
  View v = layout_view(ctx, meta_for(ctx.site, "工作要点落实", false));
  View plans{View::type::list};
  with_service(ctx, [&](auto& s) {
    for (const auto& p : s.plans(ctx.site.id)) {
      if (!p.published) continue;
      View o{View::type::object};
      o.set("title", p.title);
      o.set("url", base_url(ctx.site) + std::to_string(p.year) + "/");
      o.set("published_on", p.published_on.iso());
      plans.push_back(o);
    }
    return 0;
  });
  v.set("plans", plans);
  v.set("has_plans", plans.is_non_empty_list());
  return render_page(ctx, "gzyd/index", v);
}

http::Response plan_page(PageContext& ctx, int year) {
  auto view = with_service(ctx, [&](auto& s) { return s.public_plan(ctx.site.id, year); });
  if (!view) throw not_found("没有这一年的工作要点。");
  PageMeta meta = meta_for(ctx.site, view->plan.title, true);
  meta.meta.push_back({"ArticleTitle", view->plan.title});
  meta.meta.push_back({"PubDate", view->plan.published_on.iso() + " 00:00"});
  meta.meta.push_back({"ContentSource", ctx.site.name});
  View v = layout_view(ctx, meta);
  v.set("title", view->plan.title);
  v.set("published_on", view->plan.published_on.iso());
  v.set("sections", plan_sections_view(*view, ctx.env.options.today(), true, base_url(ctx.site) + "files/"));
  int units = 0, approved = 0;
  for (const auto& u : view->units) {
    units += u.matched();
    approved += u.matched() && u.state == domain::TaskUnitState::Approved;
  }
  v.set("summary", std::to_string(view->tasks.size() - 1) + " 项任务，" + std::to_string(units) + " 个责任单位次，已落实 " +
                       std::to_string(approved) + " 个");
  return render_page(ctx, "gzyd/plan", v);  // not cached: each report changes it
}

// A passed 落实情况's file; anything else is a 404.
http::Response file_download(PageContext& ctx, std::string_view raw_id) {
  const auto id = canonical_id(raw_id);
  if (!id) throw not_found("没有这个文件。");
  auto found = with_service(ctx, [&](auto& s) { return s.public_file(ctx.site.id, *id); });
  if (!found) throw not_found("没有这个文件。");
  return attachment_response(store::Blob{found->first.sha256, found->first.media_type, std::move(found->second)},
                             found->first.file_name);
}

}  // namespace

std::optional<http::Response> work_plan_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 1) return http::Response::redirect(base_url(ctx.site), 301);
  if (seg.size() == 2 && seg[1].empty()) return index_page(ctx);
  if (seg.size() == 3 && seg[1] == "files") return file_download(ctx, seg[2]);
  const auto year = parse_year(seg[1]);
  if (!year) return std::nullopt;
  if (seg.size() == 2) return http::Response::redirect(base_url(ctx.site) + std::string(seg[1]) + "/", 301);
  if (seg.size() == 3 && seg[2].empty()) return plan_page(ctx, *year);
  return std::nullopt;
}

}  // namespace zwgk::web
