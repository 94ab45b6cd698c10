// 依申请公开 in the console: the list, the dashboard (due within 3 working days, overdue,
// paused, by department; the annual report's sections 三 and 四) and the counts as JSON.
// The list names the applicant as the viewer may see it (domain::listed_applicant_name: the
// full name for ysqgk.view_identity, else masked; never an ID number) and marks overdue and
// due-soon rows with a class and the words (已逾期 N 个工作日 / 即将到期). Tables 三 and 四 are
// laid out as the 年报 module prints them (国办公开办函〔2021〕30号: modules/ndbg/web/
// report_layout.hpp, templates/ndbg/report_table.mustache), one layout for both pages.
#include <memory>

#include "modules/ysqgk/domain/request_codes.hpp"
#include "modules/ysqgk/domain/request_annual_counts.hpp"
#include "modules/ysqgk/domain/request_work.hpp"
#include "modules/ndbg/domain/report_records.hpp"
#include "modules/ndbg/web/report_files.hpp"
#include "modules/ndbg/web/report_layout.hpp"
#include "http/router.hpp"
#include "web/api_params.hpp"
#include "web/list_views.hpp"
#include "modules/ysqgk/web/request_console_common.hpp"
#include "modules/ysqgk/web/request_annual_report.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kTitle = "依申请公开";
constexpr int kPerPage = 50;
constexpr std::size_t kSummaryChars = 40;

View open_row(const store::OpenRequest& o, const domain::WorkingDayCalendar& cal, domain::Date today) {
  View r{View::type::object};
  r.set("due_words", domain::due_words(o.status, o.deadline.due_on, today, cal));
  r.set("tracking_number", o.tracking_number);
  r.set("url", request_url(o.tracking_number));
  r.set("department", o.department.empty() ? std::string("未分办") : o.department);
  r.set("state", domain::to_label(o.state));
  r.set("received_on", o.received_on.iso());
  r.set("due_on", o.deadline.due_on.iso());
  r.set("status", domain::to_label(o.status));
  if (!o.deadline.warning.empty()) r.set("warning", o.deadline.warning.message());
  return r;
}

View open_rows(ConsoleRequest& c, const std::vector<store::OpenRequest>& list, const domain::WorkingDayCalendar& cal,
               domain::Date today) {
  View rows{View::type::list};
  for (const auto& o : list)
    if (visible_to(c, o.department_id)) rows.push_back(open_row(o, cal, today));
  return rows;
}

// Table 三 and 四 of the annual report for `year`, as the dashboard shows them (a department
// editor's: their department's figures, annual_figures_department), in the template's layout.
View annual_view(ConsoleRequest& c, const EnvPtr& env, int year) {
  auto repo = env->repo(c.db);
  const auto department = annual_figures_department(c);
  domain::ReportRecords records;
  records.three = repo.section_three(c.site.id, year, department);
  records.four = repo.section_four(c.site.id, year, department);
  domain::AnnualReport figures;
  figures.year = year;
  figures.values = domain::computed_figures(records);
  View v{View::type::object};
  v.set("year", std::to_string(year));
  if (department) v.set("department_only", true);
  v.set("three", layout_table_view(section_three_layout(figures), "三、收到和处理政府信息公开申请情况"));
  v.set("four", layout_table_view(section_four_layout(figures), "四、政府信息公开行政复议、行政诉讼情况"));
  v.set("json_url", "/console/api/requests/annual-report?year=" + std::to_string(year));
  return v;
}

}  // namespace

void register_request_list_pages(ConsoleApp& app, http::Router& router, EnvPtr env) {
  app.get(router, "/console/requests/", request_readers(), [env](ConsoleRequest& c) {
    std::optional<domain::RequestState> state;
    const std::string wanted = field(c, "state");
    if (!wanted.empty()) {
      state = domain::request_state_from(wanted);
      if (!state) throw domain::ValidationError({"未知的办理状态：" + wanted});
    }
    const auto calendar = env->calendar();
    const auto& cal = *calendar;
    const auto today = c.app.today();
    View rows{View::type::list};
    // Paged in SQL; department editors only their department's (by id).
    store::RequestListQuery q;
    q.site_id = c.site.id;
    q.state = state;
    q.per_page = kPerPage;
    if (!field(c, "page").empty()) {
      auto p = parse_positive_integer(field(c, "page"));
      if (!p || *p > 1000000) throw domain::ValidationError({"页码不正确，应为正整数"});
      q.page = static_cast<int>(*p);
    }
    // Department-scoped readers list only their department's applications (the registry).
    const bool editor = domain::permission_registry().scope_of(c.user.role, "ysqgk.view") ==
                        domain::PermissionScope::OwnDepartment;
    if (editor) q.department_id = c.user.department_id.value_or(-1);
    auto repo = env->repo(c.db);
    const auto listed = repo.list(q);
    std::vector<std::int64_t> ids;
    for (const auto& s : listed.items) ids.push_back(s.id);
    const auto names = repo.applicant_names(ids);
    for (const auto& s : listed.items) {
      const auto& r = s.request;
      // The full name to whoever may see the applicant's identity on this application.
      const bool identity = !request_refusal(c, domain::Action::ViewApplicantIdentity, s);
      const auto name = names.find(s.id);
      View row{View::type::object};
      row.set("tracking_number", r.tracking_number);
      row.set("url", request_url(r.tracking_number));
      row.set("applicant", domain::listed_applicant_name(r.applicant.kind,
                                                         name == names.end() ? std::string() : name->second, identity));
      row.set("applicant_kind", domain::to_label(r.applicant.kind));
      row.set("summary", shorten(r.description, kSummaryChars));
      row.set("channel", domain::to_label(r.channel));
      row.set("received_on", r.received_on.iso());
      row.set("state", domain::to_label(r.state));
      row.set("department", r.department.empty() ? std::string("未分办") : r.department);
      if (domain::is_terminal(r.state)) {
        row.set("due_on", std::string("—"));
        row.set("due_words", domain::to_label(domain::DueStatus::Closed));
      } else {
        const auto due_on = domain::due_date(r, cal, today).due_on;
        const auto status = domain::classify_due(r, cal, today);
        row.set("due_on", due_on.iso());
        row.set("due_words", domain::due_words(status, due_on, today, cal));
        if (status == domain::DueStatus::Overdue) row.set("late", true);
        if (status == domain::DueStatus::DueSoon) row.set("soon", true);
      }
      rows.push_back(row);
    }
    View states{View::type::list};
    for (auto st : {domain::RequestState::Received, domain::RequestState::CorrectionRequested,
                    domain::RequestState::Corrected, domain::RequestState::Assigned,
                    domain::RequestState::ConsultingThirdParty, domain::RequestState::Replied,
                    domain::RequestState::ClosedNoCorrection, domain::RequestState::Withdrawn}) {
      View o{View::type::object};
      o.set("code", domain::to_code(st));
      o.set("label", domain::to_label(st));
      if (state == st) o.set("selected", true);
      states.push_back(o);
    }
    View v{View::type::object};
    v.set("rows", rows);
    v.set("has_rows", !rows.is_empty_list());
    v.set("states", states);
    if (may(c, "ysqgk.handle")) v.set("can_register", true);
    QueryPairs filters;
    if (state) filters.push_back({"state", domain::to_code(*state)});
    v.set("pagination", pagination_view(listed.total, listed.page, listed.per_page, "/console/requests/", filters));
    return c.page("政府信息公开申请", "ysqgk/console_requests", v);
  });

  app.get(router, "/console/requests/dashboard", request_readers(), [env](ConsoleRequest& c) {
    const auto today = c.app.today();
    int year = today.year();
    if (!field(c, "year").empty()) {
      auto y = parse_positive_integer(field(c, "year"));
      if (!y || *y < 2008 || *y > 2100) throw domain::ValidationError({"年份不正确，请填写四位年份，例如 2024"});
      year = static_cast<int>(*y);
    }
    const auto calendar = env->calendar();
    const auto dash = env->repo(c.db).dashboard(c.site.id, *calendar, today);
    View v{View::type::object};
    v.set("today", today.iso());
    // Department editors count and see only their department's applications.
    auto visible = [&c](const std::vector<store::OpenRequest>& list) {
      std::vector<store::OpenRequest> out;
      for (const auto& o : list)
        if (visible_to(c, o.department_id)) out.push_back(o);
      return out;
    };
    const auto due_soon = visible(dash.due_soon), overdue = visible(dash.overdue), paused = visible(dash.paused),
               on_time = visible(dash.on_time);
    v.set("due_soon", open_rows(c, due_soon, *calendar, today));
    v.set("overdue", open_rows(c, overdue, *calendar, today));
    v.set("paused", open_rows(c, paused, *calendar, today));
    v.set("due_soon_count", std::to_string(due_soon.size()));
    v.set("overdue_count", std::to_string(overdue.size()));
    v.set("paused_count", std::to_string(paused.size()));
    v.set("on_time_count", std::to_string(on_time.size()));
    View deps{View::type::list};
    for (const auto& [name, list] : dash.by_department) {
      if (list.empty() || !visible_to(c, list.front().department_id)) continue;
      View d{View::type::object};
      d.set("name", name.empty() ? std::string("未分办") : name);
      d.set("count", std::to_string(list.size()));
      int late = 0, soon = 0;
      for (const auto& o : list) {
        late += o.status == domain::DueStatus::Overdue;
        soon += o.status == domain::DueStatus::DueSoon;
      }
      d.set("overdue", std::to_string(late));
      d.set("due_soon", std::to_string(soon));
      deps.push_back(d);
    }
    v.set("departments", deps);
    v.set("annual", annual_view(c, env, year));
    return c.page("依申请公开办理情况", "ysqgk/console_request_dashboard", v);
  });

  // The annual report's counts as JSON (docs/api.md), behind console login, own site only;
  // the same readers and the same figures as the dashboard's tables.
  app.get(router, "/console/api/requests/annual-report", request_readers(),
          [](ConsoleRequest& c) {
            auto error = [](const std::string& message) {
              api::Json e;
              e["error"] = {{"code", "bad_request"}, {"message", message}};
              return api::json_response(e, 400);
            };
            const std::string y = field(c, "year");
            if (y.empty()) return error("请用参数 year 指定年份，例如 ?year=2024");
            auto year = parse_positive_integer(y);
            if (!year || y.size() != 4) return error("参数 year 应为四位年份，例如 ?year=2024");
            auto resp = api::json_response(request_annual_report_json(c.db, c.site.id, static_cast<int>(*year),
                                                                              annual_figures_department(c)));
            resp.set_header("Cache-Control", "no-store");
            resp.cache_tags.clear();
            return resp;
          });
}

void register_request_console_pages(ConsoleApp& app, http::Router& router, RequestConsoleOptions options) {
  // Shared by every handler (each keeps it alive as long as the router holds the handler).
  auto env = std::make_shared<const RequestPagesEnv>(std::move(options));
  app.add_navigation(kTitle, "/console/requests/", request_readers());
  app.add_navigation("申请办理情况", "/console/requests/dashboard", request_readers());
  register_request_list_pages(app, router, env);
  register_request_register_page(app, router, env);
  register_request_detail_page(app, router, env);
  register_request_action_pages(app, router, env);
  register_request_work_section(app, env);
}

}  // namespace zwgk::web::console
