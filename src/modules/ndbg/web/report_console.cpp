// 政府信息公开工作年度报告 console pages: see report_console.hpp.
#include "modules/ndbg/web/report_console.hpp"

#include "domain/errors.hpp"
#include "modules/ndbg/service/annual_report_service.hpp"
#include "modules/ndbg/web/report_files.hpp"
#include "modules/ndbg/web/report_layout.hpp"
#include "store/department_repository.hpp"
#include "web/attachment_download.hpp"
#include "web/docx_export.hpp"
#include "domain/sheet_rows.hpp"
#include "web/console/page_helpers.hpp"
#include "web/formatting.hpp"
#include "web/query_params.hpp"
#include "web/table_export.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kBase = "/console/annual-reports/";

modules::ndbg::AnnualReportService service_of(const ConsoleRequest& c) {
  return modules::ndbg::AnnualReportService(c.db, domain::or_system_clock(c.app.options().clock));
}

std::string report_url(std::int64_t id) { return std::string(kBase) + std::to_string(id) + "/"; }

// The bodies whose report the user may write: the government (the site) and departments.
struct Body {
  std::optional<std::int64_t> department_id;
  std::string name;
};

std::vector<Body> writable_bodies(const ConsoleRequest& c) {
  std::vector<Body> out;
  if (may(c, "ndbg.edit", service_of(c).target(c.site.id, std::nullopt))) out.push_back({std::nullopt, c.site.name});
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id))
    if (may(c, "ndbg.edit", {c.site.id, d.id})) out.push_back({d.id, d.name});
  return out;
}

// 《条例》第四十九条: last year's reports due this year, for the bodies the user writes, until published.
std::vector<std::string> deadline_notices(const ConsoleRequest& c) {
  const auto today = c.app.today();
  const int year = today.year() - 1;
  std::vector<std::string> out;
  const auto reports = service_of(c).reports(caller_of(c), c.site.id);
  for (const auto& b : writable_bodies(c)) {
    const auto body = b.department_id ? domain::ReportBody::Department : domain::ReportBody::Government;
    const auto due = domain::report_due_on(body, year);
    bool published = false;
    for (const auto& r : reports)
      if (r.year == year && r.department_id == b.department_id && r.state == domain::ReportState::Published) published = true;
    if (published || today.days() - due.days() > std::chrono::days{365}) continue;
    out.push_back(b.name + std::to_string(year) + "年度报告应于" + due.iso() + "前公布" +
                  (today > due ? "，已逾期" : std::string("")) + "（《条例》第四十九条）");
  }
  return out;
}

http::Response list_page(ConsoleRequest& c, const std::vector<std::string>& problems = {}, int status = 200) {
  auto s = service_of(c);
  View v{View::type::object};
  View rows{View::type::list};
  for (const auto& r : s.reports(caller_of(c), c.site.id)) {
    View row{View::type::object};
    row.set("year", std::to_string(r.year));
    row.set("body", r.body_name);
    row.set("url", report_url(r.id));
    row.set("state", domain::to_label(r.state));
    const auto n = domain::check_report(r).size();
    row.set("checks", n == 0 ? std::string("通过") : std::to_string(n) + " 个问题");
    row.set("due_on", domain::report_due_on(r.body(), r.year).iso());
    row.set("updated", utc_to_china_display(r.updated_at));
    rows.push_back(row);
  }
  v.set("reports", rows);
  v.set("has_reports", rows.is_non_empty_list());
  const auto bodies = writable_bodies(c);
  if (!bodies.empty()) {
    v.set("can_prepare", true);
    View options{View::type::list};
    const std::string chosen = field(c, "department");
    for (const auto& b : bodies) {
      View o{View::type::object};
      const std::string value = b.department_id ? std::to_string(*b.department_id) : std::string("");
      o.set("value", value);
      o.set("name", b.name);
      o.set("selected", value == chosen);
      options.push_back(o);
    }
    v.set("bodies", options);
  }
  const std::string year = field(c, "year");
  v.set("year", year.empty() ? std::to_string(c.app.today().year() - 1) : year);
  std::string notices;
  for (const auto& n : deadline_notices(c)) notices += (notices.empty() ? "" : "；") + n;
  if (!notices.empty()) {
    v.set("has_deadline", true);
    v.set("deadline", notices);
    v.set("deadline_late", notices.find("已逾期") != std::string::npos);
  }
  View list{View::type::list};
  for (const auto& p : problems) list.push_back(View(p));
  v.set("problems", list);
  v.set("has_problems", !problems.empty());
  return c.page("政府信息公开工作年度报告", "ndbg/console_reports", v, status);
}

std::string cell_name(const domain::ReportCell& cell) { return cell.row + " · " + cell.column; }

View report_view(ConsoleRequest& c, const modules::ndbg::ReportView& rv) {
  const auto& r = rv.report;
  View v = report_body_view(r);
  v.set("base", report_url(r.id));
  v.set("state", domain::to_label(r.state));
  v.set("due_on", domain::report_due_on(r.body(), r.year).iso());
  if (r.document_id) {
    v.set("document_url", "/console/documents/" + std::to_string(*r.document_id) + "/");
    v.set("document_state", rv.document_state);
  }
  v.set("overview", r.overview);
  v.set("problems_text", r.problems);
  v.set("other", r.other);
  v.set("government", !r.department_id);
  v.set("include_departments", r.include_departments);
  View problems{View::type::list};
  for (const auto& p : rv.problems) {
    View o{View::type::object};
    o.set("where", p.where);
    o.set("message", p.message);
    problems.push_back(o);
  }
  v.set("problems", problems);
  v.set("has_problems", !rv.problems.empty());
  v.set("problem_count", std::to_string(rv.problems.size()));
  View facts{View::type::list};
  for (const auto& f : rv.facts) facts.push_back(View(f.sentence()));
  v.set("facts", facts);
  v.set("has_facts", !rv.facts.empty());
  const domain::Target target{r.site_id, r.responsible_department()};
  v.set("can_edit", may(c, "ndbg.edit", target));
  v.set("can_send", r.responsible_department() && may(c, "ndbg.send", target));
  View corrections{View::type::list}, cells{View::type::list};
  const std::string chosen = field(c, "key");
  for (const auto& cell : domain::report_cells()) {
    const auto computed = r.computed.find(cell.key);
    const auto reason = r.reasons.find(cell.key);
    const std::string value = figure_text(r, cell.key);
    const std::string computed_text =
        computed == r.computed.end() ? std::string() : cell.money ? domain::format_wan_yuan(computed->second)
                                                                  : std::to_string(computed->second);
    View o{View::type::object};
    o.set("key", cell.key);
    o.set("name", cell_name(cell));
    o.set("value", value);
    if (!computed_text.empty()) o.set("computed", computed_text);
    o.set("selected", cell.key == chosen);
    cells.push_back(o);
    if (reason != r.reasons.end() && !reason->second.empty()) {
      View row{View::type::object};
      row.set("name", cell_name(cell));
      row.set("value", value);
      row.set("computed", computed_text.empty() ? std::string("（无记录）") : computed_text);
      row.set("last", rv.last_year ? figure_text(*rv.last_year, cell.key) : std::string("—"));
      row.set("reason", reason->second);
      corrections.push_back(row);
    }
  }
  v.set("cells", cells);
  v.set("corrections", corrections);
  v.set("has_corrections", corrections.is_non_empty_list());
  if (rv.last_year) v.set("last_year", true);
  return v;
}

http::Response report_page(ConsoleRequest& c, std::int64_t id, const std::vector<std::string>& errors = {},
                           int status = 200) {
  const auto rv = service_of(c).view(caller_of(c), id);
  View v = report_view(c, rv);
  View list{View::type::list};
  for (const auto& e : errors) list.push_back(View(e));
  v.set("errors", list);
  v.set("has_errors", !errors.empty());
  v.set("figure_value", field(c, "value"));
  v.set("figure_reason", field(c, "reason"));
  if (!errors.empty() && c.http.method == http::Method::Post && !field(c, "overview").empty()) {
    v.set("overview", field(c, "overview"));  // what was typed stays in the form
    v.set("problems_text", field(c, "problems"));
    v.set("other", field(c, "other"));
  }
  return c.page(domain::report_title(rv.report), "ndbg/console_report", v, status);
}

std::int64_t required_id(const ConsoleRequest& c) {
  const auto id = id_param(c);
  if (!id) throw domain::NotFound("没有这份年度报告");
  return *id;
}

http::Response download(ConsoleRequest& c, bool docx) {
  const auto rv = service_of(c).view(caller_of(c), required_id(c));
  http::Response r;
  r.body = docx ? report_docx(rv.report) : report_xlsx(rv.report);
  r.content_type = docx ? std::string(kDocxContentType) : std::string(kXlsxContentType);
  r.set_header("Content-Disposition", content_disposition("attachment", report_file_name(rv.report, docx ? "docx" : "xlsx")));
  return r;
}

// A figure as typed: a whole number of 件, or 万元 with up to four decimals.
std::optional<long long> parse_figure(const std::string& key, const std::string& text) {
  const auto* cell = domain::find_report_cell(key);
  if (!cell) return std::nullopt;
  if (cell->money) return domain::parse_wan_yuan(text);
  if (text == "0") return 0;
  return parse_positive_integer(text);
}

}  // namespace

void register_report_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions&) {
  const auto viewers = Access::to("ndbg.view");
  app.add_navigation("年度报告", kBase, viewers, 55);
  app.get(router, kBase, viewers, [](ConsoleRequest& c) { return list_page(c); });
  app.post(router, std::string(kBase) + "prepare", Access::to("ndbg.edit"), [](ConsoleRequest& c) {
    const auto year = parse_year(domain::trim_cell(field(c, "year")));
    if (!year) return list_page(c, {"报告年度应为四位数字，如 2025"}, 400);
    std::optional<std::int64_t> department;
    if (const auto d = field(c, "department"); !d.empty()) {
      const auto id = parse_positive_integer(d);
      if (!id) return list_page(c, {"没有这个报告主体"}, 400);
      department = *id;
    }
    try {
      const auto r = service_of(c).prepare(caller_of(c), c.site.id, department, *year);
      return c.see_other(report_url(r.id));
    } catch (const domain::Invalid& e) {
      return list_page(c, e.problems(), 400);
    }
  });
  app.get(router, std::string(kBase) + "{id}/", viewers, [](ConsoleRequest& c) { return report_page(c, required_id(c)); });
  app.get(router, std::string(kBase) + "{id}/preview", viewers, [](ConsoleRequest& c) {
    const auto rv = service_of(c).view(caller_of(c), required_id(c));
    View v = report_body_view(rv.report);
    v.set("back", report_url(rv.report.id));
    return c.page(domain::report_title(rv.report), "ndbg/console_preview", v);
  });
  app.get(router, std::string(kBase) + "{id}/report.docx", viewers, [](ConsoleRequest& c) { return download(c, true); });
  app.get(router, std::string(kBase) + "{id}/report.xlsx", viewers, [](ConsoleRequest& c) { return download(c, false); });
  const auto editors = Access::to("ndbg.edit");
  app.post(router, std::string(kBase) + "{id}/text", editors, [](ConsoleRequest& c) {
    const auto id = required_id(c);
    modules::ndbg::TextEdit edit{domain::trim_cell(field(c, "overview")), domain::trim_cell(field(c, "problems")),
                                 domain::trim_cell(field(c, "other")), field(c, "include_departments") == "1"};
    try {
      service_of(c).save_text(caller_of(c), id, edit);
    } catch (const domain::Invalid& e) {
      return report_page(c, id, e.problems(), 400);
    }
    return c.see_other(report_url(id));
  });
  app.post(router, std::string(kBase) + "{id}/figure", editors, [](ConsoleRequest& c) {
    const auto id = required_id(c);
    const std::string key = field(c, "key");
    const auto value = parse_figure(key, domain::trim_cell(field(c, "value")));
    if (!value) return report_page(c, id, {"数字格式不正确：件数填整数，金额填万元（最多四位小数）"}, 400);
    try {
      service_of(c).set_figure(caller_of(c), id, key, *value, domain::trim_cell(field(c, "reason")));
    } catch (const domain::Invalid& e) {
      return report_page(c, id, e.problems(), 400);
    }
    return c.see_other(report_url(id));
  });
  app.post(router, std::string(kBase) + "{id}/refresh", editors, [](ConsoleRequest& c) {
    const auto id = required_id(c);
    service_of(c).refresh(caller_of(c), id);
    return c.see_other(report_url(id));
  });
  app.post(router, std::string(kBase) + "{id}/send", Access::to("ndbg.send"), [&app](ConsoleRequest& c) {
    const auto id = required_id(c);
    auto s = service_of(c);
    const auto rv = s.view(caller_of(c), id);
    modules::ndbg::ReportRendering rendering{report_html(app.templates(), rv.report), report_docx(rv.report),
                                             report_xlsx(rv.report)};
    try {
      const auto doc = s.send_to_workflow(caller_of(c), id, rendering, app.today());
      return c.see_other("/console/documents/" + std::to_string(doc) + "/");
    } catch (const domain::Invalid& e) {
      return report_page(c, id, e.problems(), 400);
    }
  });
  // 我的工作: the year's deadlines until the reports are published.
  app.add_work_section([&app](ConsoleRequest& c) -> std::string {
    const auto notices = deadline_notices(c);
    if (notices.empty()) return {};
    View v{View::type::object};
    View list{View::type::list};
    for (const auto& n : notices) list.push_back(View(n));
    v.set("notices", list);
    return app.templates().render("ndbg/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
