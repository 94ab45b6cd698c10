// 回应关切 console pages: see incident_console.hpp. Handlers parse, call one use case
// (modules/hygq/service/incident_service.hpp), render.
#include "modules/hygq/web/incident_console.hpp"

#include <memory>

#include "domain/errors.hpp"
#include "modules/hygq/service/incident_service.hpp"
#include "modules/hygq/store/incident_repository.hpp"
#include "store/department_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/console/page_helpers.hpp"
#include "web/query_params.hpp"

namespace zwgk::web::console {

namespace {

using domain::ClockState;

struct Env {
  explicit Env(IncidentConsoleOptions o) : options(std::move(o)), key(store::PersonalDataKey::derive_from(options.secret)) {}
  IncidentConsoleOptions options;
  store::PersonalDataKey key;
};
using EnvPtr = std::shared_ptr<const Env>;

const char* kBase = "/console/incidents/";
std::string incident_url(std::int64_t id) { return std::string(kBase) + std::to_string(id) + "/"; }

modules::hygq::IncidentService service(ConsoleRequest& c, const Env& env) {
  const auto& clock = c.app.options().clock;
  return modules::hygq::IncidentService(c.db, env.key, domain::or_system_clock(clock),
                                        c.app.options().base_url);
}

std::int64_t incident_id(ConsoleRequest& c) {
  auto id = id_param(c);
  if (!id) throw domain::NotFound("本网站没有这个事件。");
  return *id;
}

// An incident of the user's site, else NotFound.
domain::Incident own_incident(ConsoleRequest& c) {
  auto found = store::IncidentRepository(c.db).find(incident_id(c));
  if (!found || found->site_id != c.site.id) throw domain::NotFound("本网站没有这个事件。");
  return std::move(*found);
}

std::optional<std::int64_t> optional_id(ConsoleRequest& c, const std::string& name, const std::string& what) {
  const std::string v = field(c, name);
  if (v.empty()) return std::nullopt;
  auto n = parse_positive_integer(v);
  if (!n) throw domain::Invalid({what + "编号应为正整数：" + v});
  return *n;
}

domain::IncidentInput incident_input(ConsoleRequest& c) {
  domain::IncidentInput in;
  in.level = field(c, "level");
  in.known_at = field(c, "known_at");
  in.title = field(c, "title");
  in.summary = field(c, "summary");
  in.department_id = optional_id(c, "department_id", "部门");
  return in;
}

View clock_view(const domain::ClockStatus& s) {
  View v{View::type::object};
  v.set("label", domain::to_label(s.clock));
  v.set("hours", std::to_string(s.hours));
  v.set("due", domain::format_china_minute(s.due));
  v.set("due_utc", domain::to_utc_iso(s.due));
  v.set("state", domain::to_label(s.state));
  v.set("state_code", std::string(s.state == ClockState::Running ? "running" : s.state == ClockState::Met ? "met" : "missed"));
  v.set("running", s.state == ClockState::Running);
  v.set("text", domain::describe(s));
  v.set("met_at", s.met_at ? View(domain::format_china_minute(*s.met_at)) : View(false));
  return v;
}

View levels_view(const std::string& chosen) {
  std::vector<std::pair<std::string, std::string>> v;
  for (auto l : domain::incident_levels()) v.push_back({domain::to_code(l), domain::to_label(l)});
  return select_options(v, chosen);
}

View departments_view(ConsoleRequest& c, std::optional<std::int64_t> chosen) {
  std::vector<std::pair<std::string, std::string>> v;
  for (const auto& d : store::DepartmentRepository(c.db).by_site(c.site.id)) v.push_back({std::to_string(d.id), d.name});
  return select_options(v, chosen ? std::to_string(*chosen) : std::string());
}

View incident_row(const domain::Incident& i, const std::vector<domain::ClockStatus>& clocks) {
  View r{View::type::object};
  r.set("id", std::to_string(i.id));
  r.set("url", incident_url(i.id));
  r.set("title", shorten(i.title, 40));
  r.set("level", domain::to_label(i.level));
  r.set("known_at", domain::format_china_minute(i.known_at));
  r.set("department", i.department.empty() ? std::string("—") : i.department);
  View cv{View::type::list};
  bool missed = false;
  for (const auto& s : clocks) {
    cv.push_back(clock_view(s));
    missed = missed || s.state == ClockState::Missed;
  }
  r.set("clocks", cv);
  r.set("has_clocks", !clocks.empty());
  r.set("missed", missed);
  return r;
}

http::Response incidents_page(ConsoleRequest& c, const Env& env) {
  auto svc = service(c, env);
  store::IncidentRepository repo(c.db);
  const auto settings = repo.settings(c.site.id);
  View rows{View::type::list};
  for (const auto& i : repo.of_site(c.site.id)) rows.push_back(incident_row(i, svc.clocks(i, settings)));
  View v{View::type::object};
  v.set("rows", rows);
  v.set("has_rows", !rows.is_empty_list());
  v.set("can_record", may(c, "hygq.record"));
  v.set("can_manage", may(c, "hygq.manage"));
  v.set("levels", levels_view(""));
  v.set("departments", departments_view(c, std::nullopt));
  v.set("now", domain::format_china_local_input(svc.now()));
  return c.page("回应关切", "hygq/console_incidents", v);
}

http::Response incident_page(ConsoleRequest& c, const Env& env) {
  const auto i = own_incident(c);
  auto svc = service(c, env);
  store::IncidentRepository repo(c.db);
  const auto settings = repo.settings(c.site.id);
  const domain::Target target{i.site_id, i.department_id};
  View v{View::type::object};
  v.set("id", std::to_string(i.id));
  v.set("url", incident_url(i.id));
  v.set("title", i.title);
  v.set("level", domain::to_label(i.level));
  v.set("known_at", domain::format_china_minute(i.known_at));
  v.set("department", i.department.empty() ? std::string("—") : i.department);
  v.set("summary", i.summary);
  View clocks{View::type::list};
  for (const auto& s : svc.clocks(i, settings)) clocks.push_back(clock_view(s));
  v.set("has_clocks", !clocks.is_empty_list());
  v.set("clocks", clocks);
  View links{View::type::list};
  for (const auto& l : repo.links(i.id)) {
    View lv{View::type::object};
    lv.set("id", std::to_string(l.id));
    lv.set("kind", std::string(l.document_id ? "文件" : "活动"));
    lv.set("target", std::to_string(l.document_id ? *l.document_id : *l.event_id));
    lv.set("title", l.title);
    lv.set("state", l.state);
    lv.set("at", l.at ? domain::format_china_minute(*l.at) : std::string("—"));
    std::string meets;
    for (auto k : l.meets()) meets += (meets.empty() ? "" : "、") + domain::to_label(k);
    lv.set("meets", meets.empty() ? std::string("尚不计入（未发布或未举行）") : meets);
    links.push_back(lv);
  }
  v.set("has_links", !links.is_empty_list());
  v.set("links", links);
  View responses{View::type::list};
  for (const auto& r : repo.responses(i.id)) {
    View rv{View::type::object};
    rv.set("clock", domain::to_label(r.clock));
    rv.set("at", domain::format_china_minute(r.at));
    rv.set("what", r.what);
    rv.set("link", r.url.empty() ? View(false) : View(r.url));
    rv.set("by", r.created_by);
    responses.push_back(rv);
  }
  v.set("has_responses", !responses.is_empty_list());
  v.set("responses", responses);
  const bool respond = may(c, "hygq.respond", target);
  v.set("can_respond", respond);
  v.set("can_edit", may(c, "hygq.record"));
  v.set("levels", levels_view(domain::to_code(i.level)));
  v.set("departments", departments_view(c, i.department_id));
  v.set("known_at_input", domain::format_china_local_input(i.known_at));
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto k : domain::clock_kinds()) kinds.push_back({domain::to_code(k), domain::to_label(k)});
  v.set("clock_kinds", select_options(kinds, ""));
  v.set("now", domain::format_china_local_input(svc.now()));
  // The document picker: ?q= searches the site's documents by title.
  const std::string q = field(c, "q");
  v.set("q", q);
  if (respond && !q.empty()) {
    View found{View::type::list};
    for (const auto& d : repo.documents_titled(c.site.id, q)) {
      View dv{View::type::object};
      dv.set("id", std::to_string(d.id));
      dv.set("title", d.title);
      dv.set("state", std::string(d.state == "published" ? "已发布" : "未发布"));
      found.push_back(dv);
    }
    v.set("searched", true);
    v.set("has_found", !found.is_empty_list());
    v.set("found", found);
  }
  return c.page("回应关切：" + shorten(i.title, 20), "hygq/console_incident", v);
}

// ---- settings ----

http::Response settings_page(ConsoleRequest& c) {
  const auto s = store::IncidentRepository(c.db).settings(c.site.id);
  View levels{View::type::list};
  for (auto l : domain::incident_levels()) {
    View lv{View::type::object};
    lv.set("label", domain::to_label(l));
    View cells{View::type::list};
    for (auto k : domain::clock_kinds()) {
      View cv{View::type::object};
      cv.set("name", "hours_" + domain::to_code(l) + "." + domain::to_code(k));
      cv.set("label", domain::to_label(l) + domain::to_label(k));
      std::string hours;
      for (const auto& r : s.rules)
        if (r.level == l && r.clock == k) hours = std::to_string(r.hours);
      cv.set("hours", hours);
      cells.push_back(cv);
    }
    lv.set("cells", cells);
    levels.push_back(lv);
  }
  View v{View::type::object};
  View heads{View::type::list};
  for (auto k : domain::clock_kinds()) heads.push_back(View(domain::to_label(k)));
  v.set("heads", heads);
  v.set("levels", levels);
  v.set("notice_minutes", domain::format_notice_minutes(s.notice_minutes));
  v.set("public_clock", s.public_clock);
  v.set("notify_email", s.notify_email);
  v.set("max_hours", std::to_string(domain::kMaxClockHours));
  return c.page("回应关切设置", "hygq/console_settings", v);
}

// The form's grid (hours_<level>.<clock>, empty = no clock) as the rules text the domain parses.
modules::hygq::SettingsInput settings_input(ConsoleRequest& c) {
  modules::hygq::SettingsInput in;
  for (auto l : domain::incident_levels())
    for (auto k : domain::clock_kinds()) {
      const std::string key = domain::to_code(l) + "." + domain::to_code(k);
      const std::string hours = field(c, "hours_" + key);
      if (hours.empty()) continue;
      in.clocks += (in.clocks.empty() ? "" : ",") + key + "=" + hours;
    }
  in.notice_minutes = field(c, "notice_minutes");
  in.public_clock = c.form.value("public_clock") == "1";
  in.notify_email = field(c, "notify_email");
  return in;
}

}  // namespace

void register_incident_console_pages(ConsoleApp& app, http::Router& router, IncidentConsoleOptions options) {
  auto env = std::make_shared<const Env>(std::move(options));
  const Access readers = Access::to("hygq.view");
  app.add_navigation("回应关切", kBase, readers, 57);
  app.get(router, "/console/incidents/settings", Access::to("hygq.manage"), [](ConsoleRequest& c) { return settings_page(c); });
  app.post(router, "/console/incidents/settings", Access::to("hygq.manage"), [env](ConsoleRequest& c) {
    service(c, *env).save_settings(caller_of(c), settings_input(c));
    return c.see_other("/console/incidents/settings");
  });
  app.get(router, kBase, readers, [env](ConsoleRequest& c) { return incidents_page(c, *env); });
  app.post(router, kBase, Access::to("hygq.record"), [env](ConsoleRequest& c) {
    const auto id = service(c, *env).record(caller_of(c), incident_input(c));
    return c.see_other(incident_url(id));
  });
  app.get(router, "/console/incidents/{id}/", readers, [env](ConsoleRequest& c) { return incident_page(c, *env); });
  app.post(router, "/console/incidents/{id}/edit", Access::to("hygq.record"), [env](ConsoleRequest& c) {
    const auto id = incident_id(c);
    service(c, *env).edit(caller_of(c), id, incident_input(c));
    return c.see_other(incident_url(id));
  });
  app.post(router, "/console/incidents/{id}/link", Access::to("hygq.respond"), [env](ConsoleRequest& c) {
    const auto id = incident_id(c);
    auto svc = service(c, *env);
    const auto document = optional_id(c, "document_id", "文件");
    const auto event = optional_id(c, "event_id", "活动");
    if (document)
      svc.link_document(caller_of(c), id, *document);
    else if (event)
      svc.link_event(caller_of(c), id, *event);
    else
      throw domain::Invalid({"请填写要关联的文件编号或新闻发布会编号"});
    return c.see_other(incident_url(id));
  });
  app.post(router, "/console/incidents/{id}/unlink", Access::to("hygq.respond"), [env](ConsoleRequest& c) {
    const auto id = incident_id(c);
    auto link = optional_id(c, "link_id", "关联");
    if (!link) throw domain::Invalid({"请指明要取消的关联"});
    service(c, *env).unlink(caller_of(c), id, *link);
    return c.see_other(incident_url(id));
  });
  app.post(router, "/console/incidents/{id}/response", Access::to("hygq.respond"), [env](ConsoleRequest& c) {
    const auto id = incident_id(c);
    domain::ResponseInput in{field(c, "clock"), field(c, "at"), field(c, "what"), field(c, "url")};
    service(c, *env).record_response(caller_of(c), id, in);
    return c.see_other(incident_url(id));
  });
  // 我的工作: the running and missed-but-unmet clocks of the site's incidents.
  app.add_work_section([env, &app](ConsoleRequest& c) -> std::string {
    if (!may(c, "hygq.view")) return {};
    auto svc = service(c, *env);
    store::IncidentRepository repo(c.db);
    const auto settings = repo.settings(c.site.id);
    View rows{View::type::list};
    for (const auto& i : repo.of_site(c.site.id, 50)) {
      std::vector<domain::ClockStatus> open;
      for (const auto& s : svc.clocks(i, settings))
        if (s.state == ClockState::Running || (s.state == ClockState::Missed && !s.met_at)) open.push_back(s);
      if (!open.empty()) rows.push_back(incident_row(i, open));
    }
    if (rows.is_empty_list()) return {};
    View v{View::type::object};
    v.set("rows", rows);
    return app.templates().render("hygq/console_my_work", v);
  });
}

}  // namespace zwgk::web::console
