// P/zmhd/stats/ (受理反馈统计) and its spreadsheets: see letter_views.hpp. The national
// inspection (国办秘函〔2019〕19号) deducts points when these figures are not published. The
// figures are the domain's (letter_statistics.hpp), the same the console's dashboard counts.
#include <ctime>

#include "domain/cache_tags.hpp"
#include "modules/zmhd/domain/letter_cache_tags.hpp"
#include "modules/zmhd/domain/letter_statistics.hpp"
#include "modules/zmhd/store/letter_repository.hpp"
#include "modules/zmhd/store/mailbox_repository.hpp"
#include "modules/zmhd/web/letter_statistics_export.hpp"
#include "modules/zmhd/web/letter_views.hpp"
#include "web/attachment_download.hpp"
#include "web/layout_view.hpp"
#include "web/page_error.hpp"
#include "web/query_params.hpp"

namespace zwgk::web {

namespace {

struct Figures {
  domain::StatisticsPeriod period;
  domain::LetterStatistics statistics;
  domain::LetterMonthlySeries series;
  LetterStatisticsBreakdown breakdown = LetterStatisticsBreakdown::ByDepartment;
};

Figures figures(PageContext& ctx) {
  const auto today = ctx.env.options.today();
  Figures f{domain::StatisticsPeriod::of_year(today.year()), {}, {}, LetterStatisticsBreakdown::ByDepartment};
  if (auto p = single_param(ctx.req, "period"); p && !p->empty()) {
    auto parsed = domain::parse_statistics_period(*p);
    if (!parsed || parsed->year < 2000 || parsed->year > today.year() + 1)
      throw bad_request("统计期间格式不正确，应为年份（如 2024）或年月（如 2024-10）。");
    f.period = *parsed;
  }
  if (auto by = single_param(ctx.req, "by"); by && *by == "category") f.breakdown = LetterStatisticsBreakdown::ByCategory;
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));  // figures read no personal data
  const auto year = domain::StatisticsPeriod::of_year(f.period.year);
  std::vector<domain::Letter> letters;
  for (auto& s : store::LetterRepository(ctx.env.db, key).for_statistics(ctx.site.id, year.first(), year.last()))
    letters.push_back(std::move(s.letter));
  const auto settings = store::MailboxRepository(ctx.env.db).settings(ctx.site.id);
  const auto calendar = ctx.env.options.calendar->current();
  f.statistics = domain::compute_letter_statistics(letters, f.period, today, *calendar, settings.deadlines);
  f.series = domain::compute_letter_monthly_series(letters, f.period.year, today, *calendar, settings.deadlines);
  return f;
}

View table_view(const Table& t) {
  View v{View::type::object};
  View header{View::type::list};
  for (std::size_t i = 1; i < t.header.size(); ++i) header.push_back(View(t.header[i]));
  v.set("first", t.header.empty() ? std::string() : t.header.front());
  v.set("header", header);
  View rows{View::type::list};
  auto text = [](const TableCell& c) -> std::string {
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::get<double>(c));
    return buf;
  };
  for (const auto& r : t.rows) {
    View row{View::type::object};
    View cells{View::type::list};
    for (std::size_t i = 1; i < r.size(); ++i) cells.push_back(View(text(r[i])));
    row.set("name", r.empty() ? std::string() : text(r.front()));
    row.set("cells", cells);
    rows.push_back(row);
  }
  v.set("rows", rows);
  return v;
}

http::Response statistics_page(PageContext& ctx) {
  const auto f = figures(ctx);
  const std::string base = ctx.site.path_prefix + "/zmhd/";
  PageMeta meta;
  meta.title = "受理反馈统计";
  meta.nav = "zmhd";
  meta.nav_exact = false;
  meta.breadcrumb = {{"政民互动", base}, {"受理反馈统计", ""}};
  add_column_meta(meta, "受理反馈统计", "来信受理、答复、按期答复率和满意率统计", "受理反馈统计,按期答复率,满意率", "互动交流");
  View v = layout_view(ctx, meta);
  const auto& t = f.statistics.total;
  v.set("period", f.period.label());
  v.set("period_code", f.period.code());
  v.set("received", std::to_string(t.received));
  v.set("accepted", std::to_string(t.accepted));
  v.set("rejected", std::to_string(t.rejected));
  v.set("answered", std::to_string(t.answered));
  v.set("answered_on_time", std::to_string(t.answered_on_time));
  v.set("on_time_rate", t.on_time_rate().text());
  v.set("average_days", t.average_reply_time().text());
  v.set("satisfaction_rate", t.satisfaction_rate().text());
  v.set("default_satisfied", std::to_string(t.default_satisfied));
  v.set("by_department", table_view(letter_statistics_table(f.statistics, LetterStatisticsBreakdown::ByDepartment)));
  v.set("by_category", table_view(letter_statistics_table(f.statistics, LetterStatisticsBreakdown::ByCategory)));
  const std::string q = "?period=" + f.period.code();
  v.set("csv_department", base + "stats.csv" + q);
  v.set("xlsx_department", base + "stats.xlsx" + q);
  v.set("csv_category", base + "stats.csv" + q + "&by=category");
  v.set("xlsx_category", base + "stats.xlsx" + q + "&by=category");
  v.set("action", base + "stats/");
  v.set("warning", f.statistics.warning.empty() ? View(false) : View(f.statistics.warning.message()));
  // The charts are server-drawn SVG, escaped by the chart code itself (svg_chart.hpp).
  v.set("charts_html", bar_chart_svg(letter_volume_chart(f.series)) + line_chart_svg(letter_rate_chart(f.series)));
  auto resp = render_page(ctx, "zmhd/stats", v);
  resp.cache_tags.clear();  // 默认满意 and 超期 move with the day, not with a write
  resp.set_header("Cache-Control", "public, max-age=300");
  return resp;
}

http::Response statistics_download(PageContext& ctx, bool xlsx) {
  const auto f = figures(ctx);
  const Table table = letter_statistics_table(f.statistics, f.breakdown);
  http::Response r;
  if (xlsx) {
    r.body = to_xlsx(table, "受理反馈统计");
    r.content_type = std::string(kXlsxContentType);
  } else {
    r.body = to_csv(table);
    r.content_type = std::string(kCsvContentType);
  }
  r.set_header("Content-Disposition",
               content_disposition("attachment", letter_statistics_file_name(f.period, f.breakdown, xlsx ? "xlsx" : "csv")));
  r.set_header("Cache-Control", "public, max-age=300");
  return r;
}

}  // namespace

std::optional<http::Response> letter_statistics_page(PageContext& ctx, const std::vector<std::string_view>& seg) {
  if (ctx.req.method == http::Method::Post) return std::nullopt;
  if (seg.size() == 3 && seg[1] == "stats" && seg[2].empty()) return statistics_page(ctx);
  if (seg.size() == 2 && seg[1] == "stats") return http::Response::redirect(ctx.site.path_prefix + "/zmhd/stats/", 301);
  if (seg.size() == 2 && seg[1] == "stats.csv") return statistics_download(ctx, false);
  if (seg.size() == 2 && seg[1] == "stats.xlsx") return statistics_download(ctx, true);
  return std::nullopt;
}

}  // namespace zwgk::web
