// 自查监测 console pages: see inspection_console.hpp.
#include "modules/zcjc/web/inspection_console.hpp"

#include <sstream>

#include "domain/errors.hpp"
#include "modules/zcjc/service/inspection_service.hpp"
#include "modules/zcjc/web/inspection_views.hpp"
#include "store/personal_data_key.hpp"
#include "store/site_repository.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kBase = "/console/inspection/";

struct Service {
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  store::PersonalDataKey key;
  modules::zcjc::InspectionService service;
  Service(const ConsoleRequest& c, const web::WebOptions& web)
      : calendar(web.current_calendar()),
        key(store::PersonalDataKey::derive_from(web.secret)),
        service(c.db, key, *calendar, domain::or_system_clock(c.app.options().clock)) {}
};

// The site a page is about: ?site=CODE (or the form's site) when the reader may view it, else theirs.
domain::Site chosen_site(const ConsoleRequest& c) {
  const std::string code = field(c, "site");  // GET: the query string; POST: the form
  if (code.empty() || code == c.site.code) return c.site;
  auto site = store::SiteRepository(c.db).by_code(code);
  if (!site || !may(c, "zcjc.view", {site->id, std::nullopt})) throw domain::NotFound("没有这个网站，或无权查看。");
  return *site;
}

std::string with_site(const std::string& path, const domain::Site& site, const ConsoleRequest& c) {
  return site.id == c.site.id ? path : path + "?site=" + site.code;
}

View base_view(const ConsoleRequest& c, const domain::Site& site) {
  View v{View::type::object};
  v.set("site_code", site.code);
  v.set("site_name", site.name);
  v.set("can_run", may(c, "zcjc.run", {site.id, std::nullopt}));
  v.set("can_configure", may(c, "zcjc.configure", {site.id, std::nullopt}));
  int viewable = 0;
  for (const auto& s : store::SiteRepository(c.db).all()) viewable += may(c, "zcjc.view", {s.id, std::nullopt});
  v.set("many_sites", viewable > 1);
  return v;
}

http::Response dashboard(ConsoleRequest& c, const web::WebOptions& web) {
  Service s(c, web);
  const auto site = chosen_site(c);
  View v = base_view(c, site);
  if (auto report = s.service.latest(site.id)) {
    View r = inspection_report_view(*report, 20);
    v.set("report", r);
    v.set("has_report", true);
  }
  const auto runs = s.service.history(site.id, 30);
  if (runs.size() > 1) v.set("chart", inspection_history_chart(runs));
  return c.page("自查监测 · " + site.name, "zcjc/console_dashboard", v);
}

http::Response report_page(ConsoleRequest& c, const web::WebOptions& web) {
  Service s(c, web);
  const auto site = chosen_site(c);
  std::optional<modules::zcjc::InspectionReport> report;
  const std::string day = field(c, "day");
  if (!day.empty()) {
    const auto d = domain::Date::parse(day);
    if (!d) throw domain::Invalid({"日期应为 YYYY-MM-DD"});
    report = s.service.on_day(site.id, *d);
  } else {
    report = s.service.latest(site.id);
  }
  if (!report) throw domain::NotFound("这一天没有自查结果。");
  View v = inspection_report_view(*report, 0);
  v.set("back", with_site(kBase, site, c));
  return c.page(site.name + "自查报告（" + report->on.iso() + "）", "zcjc/console_report", v);
}

http::Response sites_page(ConsoleRequest& c, const web::WebOptions& web) {
  Service s(c, web);
  View rows{View::type::list};
  int vetoes = 0, warnings = 0, none = 0;
  for (const auto& site : store::SiteRepository(c.db).all()) {
    if (!may(c, "zcjc.view", {site.id, std::nullopt})) continue;
    View r{View::type::object};
    r.set("name", site.name);
    r.set("url", std::string(kBase) + "?site=" + site.code);
    if (auto report = s.service.latest(site.id)) {
      r.set("level", domain::to_code(report->level));
      r.set("level_label", domain::to_label(report->level));
      r.set("on", report->on.iso());
      r.set("vetoes", std::to_string(report->vetoes));
      r.set("warnings", std::to_string(report->warnings));
      std::string worst;
      for (const auto& check : report->results)
        if (check.level != domain::CheckLevel::Normal) worst += (worst.empty() ? "" : "、") + check.name;
      r.set("problems", worst.empty() ? std::string("—") : worst);
      vetoes += report->level == domain::CheckLevel::Veto;
      warnings += report->level == domain::CheckLevel::Warning;
    } else {
      r.set("level", std::string("unchecked"));
      r.set("level_label", std::string("尚未自查"));
      r.set("problems", std::string("—"));
      ++none;
    }
    rows.push_back(r);
  }
  View v{View::type::object};
  v.set("rows", rows);
  v.set("summary", std::to_string(vetoes) + " 个网站有单项否决项，" + std::to_string(warnings) + " 个网站有预警" +
                       (none ? "，" + std::to_string(none) + " 个网站尚未自查" : std::string()));
  return c.page("全部网站自查监测", "zcjc/console_sites", v);
}

http::Response columns_page(ConsoleRequest& c, const web::WebOptions& web, const std::vector<std::string>& problems = {},
                            int status = 200) {
  Service s(c, web);
  View v = base_view(c, c.site);
  View rows{View::type::list};
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto k : domain::column_kinds()) kinds.emplace_back(domain::to_code(k), domain::to_label(k));
  for (const auto& col : s.service.columns(c.site.id)) {
    View r{View::type::object};
    r.set("code", col.code);
    r.set("name", col.name);
    r.set("kind_label", domain::to_label(col.rule.kind));
    r.set("period", col.rule.period_days ? std::to_string(col.rule.period_days) + " 天" : std::string("—"));
    r.set("period_days", col.rule.period_days ? std::to_string(col.rule.period_days) : std::string());
    r.set("reason", col.rule.reason);
    r.set("set_by_office", col.rule.set_by_office);
    r.set("grouping", col.has_children);
    r.set("published", std::to_string(col.published));
    r.set("last_update", col.last_update ? col.last_update->iso() : std::string("—"));
    r.set("kinds", select_options(kinds, domain::to_code(col.rule.kind)));
    rows.push_back(r);
  }
  v.set("rows", rows);
  View p{View::type::list};
  for (const auto& m : problems) p.push_back(View(m));
  v.set("problems", p);
  v.set("has_problems", !problems.empty());
  return c.page("栏目更新要求", "zcjc/console_columns", v, status);
}

http::Response wording_page(ConsoleRequest& c, const web::WebOptions& web, const std::vector<std::string>& problems = {},
                            int status = 200) {
  Service s(c, web);
  View v = base_view(c, c.site);
  View rows{View::type::list};
  for (const auto& r : s.service.wording_rules(c.site.id)) {
    View row{View::type::object};
    row.set("id", std::to_string(r.id));
    row.set("wrong", r.wrong);
    row.set("right", r.right);
    row.set("note", r.note);
    row.set("serious", r.serious);
    rows.push_back(row);
  }
  v.set("has_rows", !rows.is_empty_list());
  v.set("rows", rows);
  View p{View::type::list};
  for (const auto& m : problems) p.push_back(View(m));
  v.set("problems", p);
  v.set("has_problems", !problems.empty());
  v.set("wrong", field(c, "wrong"));
  v.set("right", field(c, "right"));
  v.set("note", field(c, "note"));
  return c.page("严重表述错误清单", "zcjc/console_wording", v, status);
}

http::Response settings_page(ConsoleRequest& c, const web::WebOptions& web, const std::vector<std::string>& problems = {},
                             int status = 200) {
  Service s(c, web);
  View v = base_view(c, c.site);
  const auto st = s.service.settings(c.site.id);
  std::string contacts;
  for (const auto& a : st.contacts) contacts += a + "\n";
  const bool posted = !problems.empty();
  v.set("contacts", posted ? field(c, "contacts") : contacts);
  v.set("thresholds",
        posted ? field(c, "thresholds")
               : (st.thresholds.empty() ? domain::format_thresholds(domain::InspectionThresholds{}) : st.thresholds));
  v.set("check_external", posted ? field(c, "check_external") == "1" : st.check_external);
  View p{View::type::list};
  for (const auto& m : problems) p.push_back(View(m));
  v.set("problems", p);
  v.set("has_problems", posted);
  return c.page("自查监测设置", "zcjc/console_settings", v, status);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

}  // namespace

void register_inspection_console_pages(ConsoleApp& app, http::Router& router, const web::WebOptions& web) {
  const Access readers = Access::to("zcjc.view");
  const Access runners = Access::to("zcjc.run");
  const Access configurers = Access::to("zcjc.configure");
  const web::WebOptions* w = &web;
  app.add_navigation("自查监测", kBase, readers, 66);
  app.get(router, kBase, readers, [w](ConsoleRequest& c) { return dashboard(c, *w); });
  app.get(router, std::string(kBase) + "report", readers, [w](ConsoleRequest& c) { return report_page(c, *w); });
  app.get(router, std::string(kBase) + "sites", readers, [w](ConsoleRequest& c) { return sites_page(c, *w); });
  app.post(router, std::string(kBase) + "run", runners, [w](ConsoleRequest& c) {
    const auto site = chosen_site(c);
    Service s(c, *w);
    // No walk over the pages here: this handler runs inside the console's transaction, and the
    // pages it would fetch write too (download counts) — the daily job and `zwgk inspect
    // --crawl` walk them outside any transaction; the run shows their latest walk.
    const auto report = s.service.run(caller_of(c), site.id);
    s.service.send_alerts(report, w->base_url);
    return c.see_other(with_site(kBase, site, c));
  });
  app.get(router, std::string(kBase) + "columns", configurers, [w](ConsoleRequest& c) { return columns_page(c, *w); });
  app.post(router, std::string(kBase) + "columns", configurers, [w](ConsoleRequest& c) {
    const auto code = field(c, "code");
    std::optional<domain::ColumnUpdateRule> rule;
    if (field(c, "reset") != "1") {
      const auto kind = domain::column_kind_from(field(c, "kind"));
      if (!kind) return columns_page(c, *w, {"请选择栏目类型"}, 400);
      domain::ColumnUpdateRule r;
      r.kind = *kind;
      const auto days = field(c, "period_days");
      r.period_days = domain::default_period_days(*kind);
      if (!days.empty()) {
        try {
          std::size_t used = 0;
          r.period_days = std::stoi(days, &used);
          if (used != days.size()) throw std::invalid_argument(days);
        } catch (const std::exception&) {
          return columns_page(c, *w, {"更新周期应为天数（整数）"}, 400);
        }
      }
      r.reason = field(c, "reason");
      rule = r;
    }
    try {
      Service(c, *w).service.set_column_rule(caller_of(c), c.site.id, code, rule);
    } catch (const domain::Invalid& e) {
      return columns_page(c, *w, e.problems(), 400);
    }
    return c.see_other(std::string(kBase) + "columns#col-" + code);
  });
  app.get(router, std::string(kBase) + "wording", configurers, [w](ConsoleRequest& c) { return wording_page(c, *w); });
  app.post(router, std::string(kBase) + "wording", configurers, [w](ConsoleRequest& c) {
    domain::WordingRule r;
    r.wrong = field(c, "wrong");
    r.right = field(c, "right");
    r.note = field(c, "note");
    r.serious = field(c, "serious") == "1";
    try {
      Service(c, *w).service.add_wording_rule(caller_of(c), c.site.id, r);
    } catch (const domain::Invalid& e) {
      return wording_page(c, *w, e.problems(), 400);  // what was typed stays in the form
    }
    return c.see_other(std::string(kBase) + "wording");
  });
  app.post(router, std::string(kBase) + "wording/{id}/remove", configurers, [w](ConsoleRequest& c) {
    const auto id = id_param(c);
    if (!id) throw domain::NotFound("清单中没有这一条");
    Service(c, *w).service.remove_wording_rule(caller_of(c), c.site.id, *id);
    return c.see_other(std::string(kBase) + "wording");
  });
  app.get(router, std::string(kBase) + "settings", configurers, [w](ConsoleRequest& c) { return settings_page(c, *w); });
  app.post(router, std::string(kBase) + "settings", configurers, [w](ConsoleRequest& c) {
    try {
      Service(c, *w).service.save_settings(caller_of(c), c.site.id, lines(field(c, "contacts")), field(c, "thresholds"),
                                           field(c, "check_external") == "1");
    } catch (const domain::Invalid& e) {
      return settings_page(c, *w, e.problems(), 400);
    }
    return c.see_other(std::string(kBase) + "settings");
  });
  // 我的工作: today's 单项否决 findings, for the office and the administrator.
  app.add_work_section([&app, w](ConsoleRequest& c) -> std::string {
    if (!may(c, "zcjc.run", {c.site.id, std::nullopt})) return {};
    Service s(c, *w);
    auto report = s.service.latest(c.site.id);
    if (!report || report->level == domain::CheckLevel::Normal) return {};
    View v = inspection_report_view(*report, 3);
    return app.templates().render("zcjc/console_my_work", v);
  });
  // 严重表述错误 before it is published: the document page warns with the site's own list.
  app.add_text_check([w](ConsoleRequest& c, std::int64_t site_id, const std::string& text) {
    return Service(c, *w).service.wording_warnings(site_id, text);
  });
}

}  // namespace zwgk::web::console
