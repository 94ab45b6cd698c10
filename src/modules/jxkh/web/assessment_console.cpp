// 政务公开绩效考核 console pages: see assessment_console.hpp.
#include "modules/jxkh/web/assessment_console.hpp"

#include <charconv>
#include <memory>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/sheet_rows.hpp"
#include "modules/jxkh/domain/points.hpp"
#include "modules/jxkh/service/assessment_service.hpp"
#include "modules/jxkh/web/assessment_views.hpp"
#include "web/attachment_download.hpp"
#include "web/console/page_helpers.hpp"
#include "web/table_export.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kBase = "/console/assessment/";

// The service on the calendar as it is now (kept alive for the call).
struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::jxkh::AssessmentService service;
  Service(const ConsoleRequest& c, const web::WebOptions& web)
      : calendar(web.current_calendar()),
        service(c.db, *calendar, domain::or_system_clock(c.app.options().clock)) {}
};

std::string year_url(int year) { return std::string(kBase) + "?year=" + std::to_string(year); }
std::string unit_url(int year, std::int64_t id) {
  return std::string(kBase) + std::to_string(year) + "/units/" + std::to_string(id) + "/";
}

std::optional<int> parse_year(const std::string& text) {
  int v = 0;
  const auto* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, v);
  if (text.size() != 4 || r.ec != std::errc() || r.ptr != end || v < 2008) return std::nullopt;
  return v;
}

int route_year(const ConsoleRequest& c) {
  const auto y = parse_year(c.http.param("year"));
  if (!y) throw domain::NotFound("没有这一年度的考核");
  return *y;
}

bool may_see(const ConsoleRequest& c, const domain::UnitScore& u) {
  return may(c, "jxkh.view", {c.site.id, u.department_id});
}

View errors_view(View& v, const std::vector<std::string>& errors) {
  View list{View::type::list};
  for (const auto& e : errors) list.push_back(View(e));
  v.set("errors", list);
  v.set("has_errors", !errors.empty());
  return v;
}

http::Response year_page(ConsoleRequest& c, const web::WebOptions& web, std::optional<int> chosen = std::nullopt,
                         const std::vector<std::string>& errors = {}, int status = 200) {
  Service s(c, web);
  int year = chosen.value_or(s.service.today().year() - 1);
  if (!chosen) {
    if (const auto y = field(c, "year"); !y.empty()) {
      const auto parsed = parse_year(y);
      if (!parsed) throw domain::Invalid({"考核年度应为四位数字，如 2025"});
      year = *parsed;
    }
  }
  View v{View::type::object};
  v.set("year", std::to_string(year));
  std::vector<std::pair<std::string, std::string>> years;
  bool listed = false;
  for (const auto& r : s.service.runs(c.site.id)) {
    years.emplace_back(std::to_string(r.year), std::to_string(r.year) + "年度（" + domain::to_label(r.state) + "）");
    listed = listed || r.year == year;
  }
  if (!listed) years.insert(years.begin(), {std::to_string(year), std::to_string(year) + "年度（未计算）"});
  v.set("years", select_options(years, std::to_string(year)));
  const domain::Target site_target{c.site.id, std::nullopt};
  const auto set = s.service.indicator_set(c.site.id, year);
  v.set("weight", weight_sentence(set));
  v.set("indicators_url", std::string(kBase) + std::to_string(year) + "/indicators");
  const auto result = s.service.result(c.site.id, year);
  const bool released = result && result->run.state == domain::AssessmentState::Released;
  v.set("can_run", !released && may(c, "jxkh.run", site_target));
  if (result) {
    v.set("computed", true);
    v.set("state", domain::to_label(result->run.state));
    v.set("released", released);
    v.set("computed_at", utc_to_china_display(result->run.computed_at));
    v.set("computed_by", result->run.computed_by);
    if (released) {
      v.set("released_at", utc_to_china_display(result->run.released_at));
      v.set("public_url", c.site.path_prefix + "/jxkh/" + std::to_string(year) + "/");
    }
    v.set("can_release", !released && may(c, "jxkh.release", site_target));
    v.set("changed", result->run.indicators != s.service.indicators(c.site.id, year));
    v.set("xlsx_url", std::string(kBase) + std::to_string(year) + "/assessment.xlsx");
    v.set("release_url", std::string(kBase) + std::to_string(year) + "/release");
    v.set("full", domain::format_points(result->set.full_points()));
    View rows{View::type::list};
    int pending = 0;
    for (const auto& u : result->units) {
      if (!may_see(c, u)) continue;
      rows.push_back(unit_row_view(*result, u, unit_url(year, u.department_id)));
      pending += u.pending();
    }
    v.set("rows", rows);
    v.set("has_rows", rows.is_non_empty_list());
    if (pending > 0) v.set("pending", std::to_string(pending));
  }
  errors_view(v, errors);
  return c.page(std::to_string(year) + "年度政务公开绩效考核", "jxkh/console_year", v, status);
}

struct UnitForm {
  std::string points, reason;               // 调整
  std::string indicator, count, note;       // 手工填报
};

http::Response unit_page(ConsoleRequest& c, const web::WebOptions& web, const std::vector<std::string>& errors = {},
                         const UnitForm& form = {}, int status = 200) {
  Service s(c, web);
  const int year = route_year(c);
  const auto id = id_param(c);
  const auto result = s.service.result(c.site.id, year);
  if (!result || !id) throw domain::NotFound("本年度尚未计算，或没有这个单位");
  const domain::UnitScore* unit = nullptr;
  for (const auto& u : result->units)
    if (u.department_id == *id) unit = &u;
  if (!unit) throw domain::NotFound("本年度考核中没有这个单位");
  if (!may_see(c, *unit)) return c.refuse("您只能查看本单位的考核结果");
  const bool released = result->run.state == domain::AssessmentState::Released;
  const bool can_run = !released && may(c, "jxkh.run", {c.site.id, std::nullopt});
  View v = unit_detail_view(*result, *unit, true);
  v.set("year", std::to_string(year));
  v.set("back", year_url(year));
  v.set("base", unit_url(year, unit->department_id));
  v.set("state", domain::to_label(result->run.state));
  v.set("can_run", can_run);
  v.set("weight", weight_sentence(result->set));
  View history{View::type::list};
  for (const auto& a : s.service.adjustment_history(c.site.id, year, unit->department_id)) {
    View h{View::type::object};
    h.set("points", signed_points(a.points));
    h.set("reason", a.reason);
    h.set("by", a.by);
    h.set("at", utc_to_china_display(a.at));
    history.push_back(h);
  }
  v.set("history", history);
  v.set("has_history", history.is_non_empty_list());
  std::vector<std::pair<std::string, std::string>> manual;
  for (const auto& i : unit->results)
    if (i.source == domain::kManualSource) manual.emplace_back(i.code, i.name);
  if (can_run && !manual.empty()) {
    v.set("can_figure", true);
    v.set("manual", select_options(manual, form.indicator));
  }
  v.set("adj_points", form.points);
  v.set("adj_reason", form.reason);
  v.set("fig_count", form.count);
  v.set("fig_note", form.note);
  errors_view(v, errors);
  return c.page(std::to_string(year) + "年度考核 · " + unit->name, "jxkh/console_unit", v, status);
}

http::Response indicators_page(ConsoleRequest& c, const web::WebOptions& web, const std::string& typed = {},
                               const std::vector<std::string>& errors = {}, int status = 200) {
  Service s(c, web);
  const int year = route_year(c);
  View v{View::type::object};
  v.set("year", std::to_string(year));
  v.set("back", year_url(year));
  v.set("action", std::string(kBase) + std::to_string(year) + "/indicators");
  v.set("text", errors.empty() ? s.service.indicators(c.site.id, year) : typed);
  const auto result = s.service.result(c.site.id, year);
  const bool released = result && result->run.state == domain::AssessmentState::Released;
  v.set("can_configure", !released && may(c, "jxkh.configure", {c.site.id, std::nullopt}));
  v.set("released", released);
  View sources{View::type::list};
  for (const auto& src : domain::fact_sources()) {
    View o{View::type::object};
    o.set("code", std::string(src.code));
    o.set("label", std::string(src.label));
    o.set("query", std::string(src.query));
    sources.push_back(o);
  }
  v.set("sources", sources);
  const auto set = s.service.indicator_set(c.site.id, year);
  View rows{View::type::list};
  for (const auto& i : set.indicators) {
    View o{View::type::object};
    o.set("name", i.name);
    o.set("child", !i.parent.empty());
    o.set("points", domain::format_points(i.points));
    if (i.leaf()) {
      o.set("deduction", domain::format_points(i.deduction));
      o.set("cap", domain::format_points(i.cap));
      if (const auto* src = domain::find_fact_source(i.source)) o.set("source", std::string(src->label));
    }
    o.set("rule", i.rule);
    rows.push_back(o);
  }
  v.set("rows", rows);
  v.set("weight", weight_sentence(set));
  errors_view(v, errors);
  return c.page(std::to_string(year) + "年度考核指标", "jxkh/console_indicators", v, status);
}

}  // namespace

void register_assessment_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web) {
  const web::WebOptions* w = &web;
  const Access viewers = Access::to("jxkh.view");
  const Access runners = Access::to("jxkh.run");
  app.add_navigation("绩效考核", kBase, viewers, 67);
  app.get(router, kBase, viewers, [w](ConsoleRequest& c) { return year_page(c, *w); });
  app.post(router, std::string(kBase) + "compute", runners, [w](ConsoleRequest& c) {
    const auto year = parse_year(domain::trim_cell(field(c, "year")));
    if (!year) return year_page(c, *w, std::nullopt, {"考核年度应为四位数字，如 2025"}, 400);
    Service s(c, *w);
    try {
      s.service.compute(caller_of(c), c.site.id, *year);
    } catch (const domain::Invalid& e) {
      return year_page(c, *w, std::nullopt, e.problems(), 400);
    }
    return c.see_other(year_url(*year));
  });
  app.get(router, std::string(kBase) + "{year}/units/{id}/", viewers, [w](ConsoleRequest& c) { return unit_page(c, *w); });
  app.post(router, std::string(kBase) + "{year}/units/{id}/adjust", runners, [w](ConsoleRequest& c) {
    const int year = route_year(c);
    const auto id = id_param(c);
    if (!id) throw domain::NotFound("没有这个单位");
    UnitForm form;
    form.points = domain::trim_cell(field(c, "points"));
    form.reason = domain::trim_cell(c.form.value("reason"));
    const auto points = domain::parse_points(form.points);
    if (!points) return unit_page(c, *w, {"调整分值应为最多一位小数的数字，如 -2 或 1.5"}, form, 400);
    Service s(c, *w);
    try {
      s.service.adjust(caller_of(c), c.site.id, year, *id, *points, form.reason);
    } catch (const domain::Invalid& e) {
      return unit_page(c, *w, e.problems(), form, 400);
    }
    return c.see_other(unit_url(year, *id));
  });
  app.post(router, std::string(kBase) + "{year}/units/{id}/figure", runners, [w](ConsoleRequest& c) {
    const int year = route_year(c);
    const auto id = id_param(c);
    if (!id) throw domain::NotFound("没有这个单位");
    UnitForm form;
    form.indicator = field(c, "indicator");
    form.count = domain::trim_cell(field(c, "count"));
    form.note = domain::trim_cell(c.form.value("note"));
    int count = -1;
    const auto* end = form.count.data() + form.count.size();
    if (const auto r = std::from_chars(form.count.data(), end, count); r.ec != std::errc() || r.ptr != end)
      return unit_page(c, *w, {"填报的项数应为0至999之间的整数"}, form, 400);
    Service s(c, *w);
    try {
      s.service.set_figure(caller_of(c), c.site.id, year, *id, form.indicator, count, form.note);
    } catch (const domain::Invalid& e) {
      return unit_page(c, *w, e.problems(), form, 400);
    }
    return c.see_other(unit_url(year, *id));
  });
  app.get(router, std::string(kBase) + "{year}/indicators", viewers, [w](ConsoleRequest& c) { return indicators_page(c, *w); });
  app.post(router, std::string(kBase) + "{year}/indicators", Access::to("jxkh.configure"), [w](ConsoleRequest& c) {
    const int year = route_year(c);
    const std::string text = c.form.value("indicators");
    Service s(c, *w);
    try {
      s.service.save_indicators(caller_of(c), c.site.id, year, text);
    } catch (const domain::Invalid& e) {
      return indicators_page(c, *w, text, e.problems(), 400);
    }
    return c.see_other(std::string(kBase) + std::to_string(year) + "/indicators");
  });
  app.post(router, std::string(kBase) + "{year}/release", Access::to("jxkh.release"), [w](ConsoleRequest& c) {
    const int year = route_year(c);
    Service s(c, *w);
    s.service.release(caller_of(c), c.site.id, year);
    return c.see_other(year_url(year));
  });
  app.get(router, std::string(kBase) + "{year}/assessment.xlsx", viewers, [w](ConsoleRequest& c) {
    const int year = route_year(c);
    Service s(c, *w);
    const auto result = s.service.result(c.site.id, year);
    if (!result) throw domain::NotFound("本年度尚未计算考核得分");
    http::Response r;
    r.body = to_xlsx(assessment_table(*result, [&c](const domain::UnitScore& u) { return may_see(c, u); }),
                     std::to_string(year) + "年度绩效考核");
    r.content_type = std::string(kXlsxContentType);
    r.set_header("Content-Disposition",
                 content_disposition("attachment", domain::assessment_title(c.site.name, year) + ".xlsx"));
    return r;
  });
}

}  // namespace zwgk::web::console
