// 工作要点 and 任务督办 console pages: see work_plan_console.hpp.
#include "modules/gzyd/web/work_plan_console.hpp"


#include "domain/errors.hpp"
#include "domain/sheet_rows.hpp"
#include "domain/text_lines.hpp"
#include "modules/gzyd/service/work_plan_service.hpp"
#include "modules/gzyd/web/work_plan_views.hpp"
#include "ingest/file_type.hpp"
#include "store/blob_store.hpp"
#include "store/department_repository.hpp"
#include "web/attachment_download.hpp"
#include "store/personal_data_key.hpp"
#include "web/console/page_helpers.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kBase = "/console/work-plans/";

struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  store::PersonalDataKey key;
  modules::gzyd::WorkPlanService service;
  Service(const ConsoleRequest& c, const web::WebOptions& web)
      : calendar(web.current_calendar()),
        key(store::PersonalDataKey::derive_from(web.secret)),
        service(c.db, key, *calendar, domain::or_system_clock(c.app.options().clock)) {}
};

std::string plan_url(std::int64_t id) { return std::string(kBase) + std::to_string(id) + "/"; }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& line : domain::non_empty_lines(text))
    if (auto t = domain::trim_cell(line); !t.empty()) out.push_back(t);
  return out;
}

View list_of(const std::vector<std::string>& items) {
  View out{View::type::list};
  for (const auto& s : items) out.push_back(View(s));
  return out;
}

View my_tasks_view(ConsoleRequest& c, Service& s) {
  View rows{View::type::list};
  const auto today = c.app.today();
  for (const auto& [task, u] : s.service.my_units(caller_of(c))) {
    View r{View::type::object};
    r.set("id", std::to_string(u.id));
    r.set("code", task.code);
    r.set("title", task.title);
    r.set("due_on", task.due_on.iso());
    r.set("state", domain::to_label(u.state));
    r.set("unit", u.unit_name);
    if (domain::is_overdue(u.state, task.due_on, today)) r.set("overdue", true);
    if (!u.review_note.empty()) r.set("review_note", u.review_note);
    r.set("report", u.report);
    std::string links;
    for (const auto& l : u.links) links += l + "\n";
    r.set("links", links);
    r.set("can_report", u.state != domain::TaskUnitState::Approved);
    rows.push_back(r);
  }
  return rows;
}

http::Response list_page(ConsoleRequest& c, const web::WebOptions& web, const std::vector<std::string>& problems = {},
                         int status = 200) {
  Service s(c, web);
  View v{View::type::object};
  View plans{View::type::list};
  for (const auto& p : s.service.plans(c.site.id)) {
    View o{View::type::object};
    o.set("title", p.title);
    o.set("year", std::to_string(p.year));
    o.set("url", plan_url(p.id));
    o.set("published_on", p.published_on.iso());
    plans.push_back(o);
  }
  v.set("plans", plans);
  v.set("has_plans", plans.is_non_empty_list());
  if (may(c, "gzyd.manage")) {
    v.set("can_import", true);
    const std::string year = field(c, "year");
    v.set("year", year.empty() ? std::to_string(c.app.today().year()) : year);
    v.set("published_on", field(c, "published_on").empty() ? c.app.today().iso() : field(c, "published_on"));
    v.set("text", field(c, "text"));
    v.set("overdue_count", std::to_string(s.service.overdue(c.site.id, c.app.today()).size()));
  }
  const auto mine = my_tasks_view(c, s);
  v.set("my_tasks", mine);
  v.set("has_my_tasks", mine.is_non_empty_list());
  v.set("problems", list_of(problems));
  v.set("has_problems", !problems.empty());
  return c.page("工作要点和任务督办", "gzyd/console_plans", v, status);
}

http::Response plan_page(ConsoleRequest& c, const web::WebOptions& web, std::int64_t id,
                         const std::vector<std::string>& problems = {}, int status = 200) {
  Service s(c, web);
  const auto pv = s.service.plan(caller_of(c), id);
  View v{View::type::object};
  v.set("plan_id", std::to_string(id));
  v.set("base", plan_url(id));
  v.set("published_on", pv.plan.published_on.iso());
  v.set("warnings", list_of(pv.plan.warnings));
  v.set("has_warnings", !pv.plan.warnings.empty());
  const bool manage = may(c, "gzyd.manage", {pv.plan.site_id, std::nullopt});
  v.set("can_manage", manage);
  View departments{View::type::list};
  for (const auto& d : store::DepartmentRepository(c.db).by_site(pv.plan.site_id)) {
    View o{View::type::object};
    o.set("id", std::to_string(d.id));
    o.set("name", d.name);
    departments.push_back(o);
  }
  View unmatched{View::type::list};
  for (const auto& m : pv.unmatched) {
    View o{View::type::object};
    o.set("mention", m);
    o.set("departments", departments);
    unmatched.push_back(o);
  }
  v.set("unmatched", unmatched);
  v.set("has_unmatched", unmatched.is_non_empty_list());
  v.set("unmatched_count", std::to_string(pv.unmatched.size()));
  const auto today = c.app.today();
  View overdue{View::type::list};
  for (const auto& [task, u] : s.service.overdue(pv.plan.site_id, today)) {
    if (task.plan_id != id) continue;
    View o{View::type::object};
    o.set("unit", u.unit_name);
    o.set("task", task.code + " " + task.title);
    o.set("due_on", task.due_on.iso());
    o.set("notified", !u.overdue_notified_on.empty());
    overdue.push_back(o);
  }
  v.set("overdue", overdue);
  v.set("has_overdue", overdue.is_non_empty_list());
  v.set("sections", plan_sections_view(pv, today, false, std::string(kBase) + "files/"));
  v.set("problems", list_of(problems));
  v.set("has_problems", !problems.empty());
  return c.page(pv.plan.title, "gzyd/console_plan", v, status);
}

std::int64_t required_id(const ConsoleRequest& c) {
  const auto id = id_param(c);
  if (!id) throw domain::NotFound("没有这份工作要点");
  return *id;
}

// Where a unit's form sends the user back: the page it came from (a plan, or the list).
std::string back_to(const ConsoleRequest& c) {
  const auto plan = field(c, "plan");
  return plan.empty() ? std::string(kBase) : std::string(kBase) + plan + "/";
}

}  // namespace

void register_work_plan_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web) {
  const auto* w = &web;
  const auto viewers = Access::to("gzyd.view");
  const auto office = Access::to("gzyd.manage");
  app.add_navigation("工作要点", kBase, viewers, 56);
  app.get(router, kBase, viewers, [w](ConsoleRequest& c) { return list_page(c, *w); });
  app.post(router, std::string(kBase) + "import", office, [w](ConsoleRequest& c) {
    const auto year = parse_year(domain::trim_cell(field(c, "year")));
    const auto on = domain::Date::parse(domain::trim_cell(field(c, "published_on")));
    std::vector<std::string> problems;
    if (!year) problems.push_back("年份应为四位数字，如 2026");
    if (!on) problems.push_back("公布日期应为 YYYY-MM-DD");
    if (field(c, "text").empty()) problems.push_back("请粘贴工作要点全文");
    if (!problems.empty()) return list_page(c, *w, problems, 400);
    try {
      const auto summary = Service(c, *w).service.import_plan(caller_of(c), c.site.id, {*year, field(c, "text"), *on});
      return c.see_other(plan_url(summary.plan_id));
    } catch (const domain::Invalid& e) {
      return list_page(c, *w, e.problems(), 400);
    } catch (const domain::Conflict& e) {
      return list_page(c, *w, {e.what()}, 409);
    }
  });
  app.get(router, std::string(kBase) + "{id}/", viewers, [w](ConsoleRequest& c) { return plan_page(c, *w, required_id(c)); });
  app.post(router, std::string(kBase) + "{id}/map", office, [w](ConsoleRequest& c) {
    const auto id = required_id(c);
    const auto dept = parse_positive_integer(field(c, "department_id"));
    try {
      if (!dept) throw domain::Invalid({"请选择部门"});
      Service(c, *w).service.map_unit(caller_of(c), id, field(c, "mention"), *dept);
    } catch (const domain::Invalid& e) {
      return plan_page(c, *w, id, e.problems(), 400);
    }
    return c.see_other(plan_url(id));
  });
  app.post(router, std::string(kBase) + "{id}/notify", office, [w](ConsoleRequest& c) {
    const auto id = required_id(c);
    Service(c, *w).service.notify_overdue(c.site.id, c.app.today(), c.app.options().base_url);
    return c.see_other(plan_url(id));
  });
  app.post(router, std::string(kBase) + "tasks/{id}/due", office, [w](ConsoleRequest& c) {
    const auto id = required_id(c);
    const auto on = domain::Date::parse(domain::trim_cell(field(c, "due_on")));
    if (!on) return c.refuse("完成时限应为 YYYY-MM-DD", 400);
    Service(c, *w).service.set_due(caller_of(c), id, *on);
    return c.see_other(back_to(c));
  });
  app.post(router, std::string(kBase) + "units/{id}/report", Access::to("gzyd.report"), [w](ConsoleRequest& c) {
    const auto id = required_id(c);
    std::vector<modules::gzyd::ProgressFile> files;
    for (const auto& f : c.form.files)
      if (f.field == "files" && !f.data.empty()) files.push_back({f.file_name, f.data, ingest::sniff_media_type(f.data)});
    try {
      Service(c, *w).service.report(caller_of(c), id, domain::trim_cell(field(c, "report")), lines(field(c, "links")),
                                    files);
    } catch (const domain::Invalid& e) {
      return list_page(c, *w, e.problems(), 400);
    }
    return c.see_other(std::string(kBase));
  });
  app.get(router, std::string(kBase) + "files/{id}", viewers, [w](ConsoleRequest& c) {
    const auto id = required_id(c);
    auto [f, bytes] = Service(c, *w).service.file(caller_of(c), id);
    return attachment_response(store::Blob{f.sha256, f.media_type, std::move(bytes)}, f.file_name);
  });
  app.post(router, std::string(kBase) + "units/{id}/review", office, [w](ConsoleRequest& c) {
    const auto id = required_id(c);
    const bool approve = field(c, "decision") == "approve";
    try {
      Service(c, *w).service.review(caller_of(c), id, approve, domain::trim_cell(field(c, "note")));
    } catch (const domain::Invalid& e) {
      const auto plan = parse_positive_integer(field(c, "plan"));
      if (plan) return plan_page(c, *w, *plan, e.problems(), 400);
      return list_page(c, *w, e.problems(), 400);
    }
    return c.see_other(back_to(c));
  });
  // 我的工作: what the caller's unit has still to report, and the office's overdue units.
  app.add_work_section([&app, w](ConsoleRequest& c) -> std::string {
    if (!may(c, "gzyd.view", {c.site.id, c.user.department_id})) return {};
    Service s(c, *w);
    View v{View::type::object};
    int pending = 0, late = 0;
    const auto today = c.app.today();
    for (const auto& [task, u] : s.service.my_units(caller_of(c))) {
      if (u.state == domain::TaskUnitState::Approved || u.state == domain::TaskUnitState::Submitted) continue;
      ++pending;
      late += domain::is_overdue(u.state, task.due_on, today);
    }
    int overdue = 0;
    if (may(c, "gzyd.manage")) overdue = static_cast<int>(s.service.overdue(c.site.id, today).size());
    if (pending == 0 && overdue == 0) return {};
    if (pending > 0) v.set("pending", "本单位有 " + std::to_string(pending) + " 项工作要点任务待报送落实情况" +
                                          (late ? "，其中 " + std::to_string(late) + " 项已逾期" : std::string()));
    if (overdue > 0) v.set("overdue", std::to_string(overdue) + " 个责任单位逾期未报送");
    return app.templates().render("gzyd/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
