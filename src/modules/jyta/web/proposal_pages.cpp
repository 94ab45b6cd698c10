// 建议提案办理 public pages: see proposal_pages.hpp.
#include "modules/jyta/web/proposal_pages.hpp"

#include "domain/cache_tags.hpp"
#include "modules/jyta/store/proposal_repository.hpp"
#include "modules/jyta/web/proposal_views.hpp"
#include "store/department_repository.hpp"
#include "web/attachment_download.hpp"
#include "web/layout_view.hpp"
#include "web/list_views.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {

namespace {

std::string base_url(const domain::Site& s) { return s.path_prefix + "/jyta/"; }

PageMeta meta_for(PageContext& ctx, const std::string& title, const std::string& crumb) {
  PageMeta meta;
  meta.title = title;
  meta.nav = "jyta";
  meta.nav_exact = crumb.empty();
  meta.breadcrumb = {{"建议提案办理", crumb.empty() ? "" : base_url(ctx.site)}};
  if (!crumb.empty()) meta.breadcrumb.push_back({crumb, ""});
  return meta;
}

void add_proposal_column_meta(PageMeta& meta) {
  add_column_meta(meta, "建议提案办理", "人大代表建议和政协委员提案的办理结果公开", "建议提案,人大代表建议,政协委员提案,办理结果",
                  "互动交流");
}

http::Response cached(http::Response r, const domain::Site& site) {
  r.cache_tags = {domain::tag_site(site.id), domain::tag_proposals(site.id)};
  return r;
}

View options(const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected) {
  View out{View::type::list};
  for (const auto& [value, label] : items) {
    View o{View::type::object};
    o.set("value", value);
    o.set("label", label);
    o.set("selected", value == selected);
    out.push_back(o);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> year_options(PageContext& ctx) {
  std::vector<std::pair<std::string, std::string>> out;
  for (int y : store::ProposalRepository(ctx.env.db).years(ctx.site.id)) out.push_back({std::to_string(y), std::to_string(y) + "年"});
  return out;
}

http::Response list_page(PageContext& ctx) {
  const auto& site = ctx.site;
  store::ProposalQuery q;
  q.site_id = site.id;
  q.page = page_param(ctx.req);
  q.year = year_param(ctx.req);
  q.department_id = department_param(ctx.req);
  QueryPairs filters;
  if (auto c = single_param(ctx.req, "class")) {
    q.result_class = domain::result_class_from(*c);
    if (!q.result_class) throw bad_request("参数 class 应为办理结果类别 A、B 或 C");
    filters.push_back({"class", domain::to_code(*q.result_class)});
  }
  if (auto t = single_param(ctx.req, "type")) {
    q.kind = domain::proposal_kind_from(*t);
    if (!q.kind) throw bad_request("参数 type 应为 suggestion（人大代表建议）或 proposal（政协委员提案）");
    filters.push_back({"type", domain::to_code(*q.kind)});
  }
  q.text = single_param(ctx.req, "q").value_or("");
  if (q.text.size() > 200) throw bad_request("搜索词过长，请控制在60字以内。");
  if (!q.text.empty()) filters.push_back({"q", q.text});
  if (q.year) filters.push_back({"year", std::to_string(*q.year)});
  if (q.department_id) filters.push_back({"department", std::to_string(*q.department_id)});
  const auto today = ctx.env.options.today();
  const auto page = store::ProposalRepository(ctx.env.db).list(q);

  PageMeta meta = meta_for(ctx, "建议提案办理", "");
  add_proposal_column_meta(meta);
  View v = layout_view(ctx, meta);
  View items{View::type::list};
  for (const auto& p : page.items) items.push_back(proposal_summary_view(p, base_url(site) + std::to_string(p.id) + "/", today));
  v.set("items", items);
  v.set("has_items", !items.is_empty_list());
  v.set("total", std::to_string(page.total));
  v.set("q", q.text);
  v.set("action", base_url(site));
  v.set("stats_url", base_url(site) + "stats/");
  v.set("years", options(year_options(ctx), q.year ? std::to_string(*q.year) : ""));
  std::vector<std::pair<std::string, std::string>> deps;
  for (const auto& d : store::DepartmentRepository(ctx.env.db).by_site(site.id)) deps.push_back({std::to_string(d.id), d.name});
  v.set("departments", options(deps, q.department_id ? std::to_string(*q.department_id) : ""));
  std::vector<std::pair<std::string, std::string>> classes;
  for (auto c : domain::result_classes()) classes.push_back({domain::to_code(c), domain::to_label(c)});
  v.set("classes", options(classes, q.result_class ? domain::to_code(*q.result_class) : ""));
  v.set("types", options({{"suggestion", "人大代表建议"}, {"proposal", "政协委员提案"}}, q.kind ? domain::to_code(*q.kind) : ""));
  v.set("pagination", pagination_view(page.total, page.page, page.per_page, base_url(site), filters));
  auto r = cached(render_page(ctx, "jyta/list", v), site);
  if (has_unknown_params(ctx.req, {"q", "year", "department", "class", "type", "page"})) r.cache_tags.clear();
  return r;
}

http::Response record_page(PageContext& ctx, std::string_view raw_id) {
  auto id = canonical_id(raw_id);
  auto p = id ? store::ProposalRepository(ctx.env.db).find(*id) : std::nullopt;
  if (!p || p->site_id != ctx.site.id) throw not_found("您访问的建议提案不存在。");
  const auto today = ctx.env.options.today();
  PageMeta meta = meta_for(ctx, p->title, p->session_label() + domain::number_label(p->kind, p->number));
  meta.breadcrumb.back().url.clear();
  const auto shown = domain::published_answer(*p);
  add_proposal_column_meta(meta);  // a content page carries its column's tags, then its own
  meta.meta.insert(meta.meta.end(), {{"ArticleTitle", p->title},
               {"PubDate", p->answered_on ? p->answered_on->iso() + " 00:00" : p->assigned_on.iso() + " 00:00"},
               {"ContentSource", p->main_department},
               {"Keywords", domain::to_label(p->kind) + ",建议提案办理," + p->main_department},
               {"Description", p->session_label() + domain::number_label(p->kind, p->number) + "的办理结果"},
               {"Url", ctx.absolute(base_url(ctx.site) + std::to_string(p->id) + "/")}});
  View v = layout_view(ctx, meta);
  v.set("p", proposal_summary_view(*p, "", today));
  v.set("answered", shown.answered);
  v.set("full", shown.answered && shown.publication == domain::ProposalPublication::Full);
  v.set("summary", shown.answered && shown.publication == domain::ProposalPublication::Summary);
  v.set("withheld", shown.answered && shown.publication == domain::ProposalPublication::Withheld);
  v.set("answer_text", shown.text);
  v.set("withheld_reason", shown.reason);
  v.set("list_url", base_url(ctx.site));
  return cached(render_page(ctx, "jyta/record", v), ctx.site);
}

ProposalFigures figures(PageContext& ctx) {
  return proposal_figures(ctx.env.db, ctx.site.id, year_param(ctx.req), ctx.env.options.today());
}

View table_view(const Table& t) {
  View v{View::type::object};
  View header{View::type::list};
  for (std::size_t i = 1; i < t.header.size(); ++i) header.push_back(View(t.header[i]));
  v.set("first", t.header.front());
  v.set("header", header);
  View rows{View::type::list};
  for (const auto& r : t.rows) {
    View row{View::type::object};
    View cells{View::type::list};
    for (std::size_t i = 1; i < r.size(); ++i) cells.push_back(View(std::to_string(std::get<std::int64_t>(r[i]))));
    row.set("name", std::get<std::string>(r.front()));
    row.set("cells", cells);
    rows.push_back(row);
  }
  v.set("rows", rows);
  return v;
}

http::Response stats_page(PageContext& ctx) {
  const auto f = figures(ctx);
  PageMeta meta = meta_for(ctx, std::to_string(f.year) + "年建议提案办理统计", "办理统计");
  add_column_meta(meta, "建议提案办理统计", "各主办单位建议提案的收到、答复、按期答复、公开和A、B、C类统计",
                  "建议提案,办理统计,按期答复", "互动交流");
  View v = layout_view(ctx, meta);
  v.set("year", std::to_string(f.year));
  v.set("years", options(year_options(ctx), std::to_string(f.year)));
  v.set("action", base_url(ctx.site) + "stats/");
  v.set("table", table_view(proposal_statistics_table(f.statistics)));
  v.set("xlsx_url", base_url(ctx.site) + "stats.xlsx?year=" + std::to_string(f.year));
  v.set("list_url", base_url(ctx.site));
  // Server-drawn SVG, escaped by the chart code (svg_chart.hpp).
  v.set("chart_html", bar_chart_svg(proposal_class_chart(f.statistics, f.year)));
  auto resp = render_page(ctx, "jyta/stats", v);
  resp.cache_tags.clear();  // 超期 moves with the day, not with a write
  resp.set_header("Cache-Control", "public, max-age=300");
  return resp;
}

http::Response stats_download(PageContext& ctx) {
  const auto f = figures(ctx);
  http::Response r;
  r.body = to_xlsx(proposal_statistics_table(f.statistics), std::to_string(f.year) + "年建议提案办理统计");
  r.content_type = std::string(kXlsxContentType);
  r.set_header("Content-Disposition", content_disposition("attachment", std::to_string(f.year) + "年建议提案办理统计.xlsx"));
  r.set_header("Cache-Control", "public, max-age=300");
  return r;
}

}  // namespace

std::optional<http::Response> proposal_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  const std::string base = base_url(ctx.site);
  if (seg.size() == 1) return http::Response::redirect(base, 301);
  if (seg.size() == 2 && seg[1].empty()) return list_page(ctx);
  if (seg.size() == 3 && seg[1] == "stats" && seg[2].empty()) return stats_page(ctx);
  if (seg.size() == 2 && seg[1] == "stats") return http::Response::redirect(base + "stats/", 301);
  if (seg.size() == 2 && seg[1] == "stats.xlsx") return stats_download(ctx);
  if (seg.size() == 3 && seg[2].empty()) return record_page(ctx, seg[1]);
  if (seg.size() == 2 && canonical_id(seg[1])) return http::Response::redirect(base + std::string(seg[1]) + "/", 301);
  return std::nullopt;
}

}  // namespace zwgk::web
