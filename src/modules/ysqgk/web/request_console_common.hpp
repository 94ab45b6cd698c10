#pragma once
// Private to the 依申请公开 console pages (request_*_page(s).cpp): the shared environment,
// who may do what to one application, and small form helpers.
#include <memory>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/permissions.hpp"
#include "domain/tracking_number.hpp"
#include "store/department_repository.hpp"
#include "modules/ysqgk/service/disclosure_request_service.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "store/personal_data_key.hpp"
#include "web/console/page_helpers.hpp"
#include "modules/ysqgk/web/request_console.hpp"

namespace zwgk::web::console {

struct RequestPagesEnv {
  explicit RequestPagesEnv(RequestConsoleOptions o)
      : options(std::move(o)), key(store::PersonalDataKey::derive_from(options.secret)) {}
  RequestConsoleOptions options;
  store::PersonalDataKey key;
  // The calendar as it is now (take it once per page).
  std::shared_ptr<const domain::WorkingDayCalendar> calendar() const {
    return options.calendar ? options.calendar->current() : std::make_shared<const domain::WorkingDayCalendar>();
  }
  store::DisclosureRequestRepository repo(store::Database& db) const { return {db, key}; }
};

// The use cases (modules/ysqgk/service/) on the calendar as it is now and the console's
// clock; one per handler call.
struct RequestUseCases {
  RequestUseCases(const RequestPagesEnv& env, const ConsoleRequest& c)
      : calendar(env.calendar()), run(c.db, env.key, *calendar, c.app.today(), c.app.options().base_url),
        caller(caller_of(c)) {}
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  modules::ysqgk::DisclosureRequestService run;
  domain::Caller caller;
};

// Who may open the requests pages at all: the registry's ysqgk.view (the finer rule is
// domain::permission_refusal on the application, request_refusal below); the office's own
// pages (登记申请): ysqgk.handle.
inline Access request_readers() { return Access::to("ysqgk.view"); }
inline Access request_handlers() { return Access::to("ysqgk.handle"); }

inline std::string request_url(const std::string& tn) { return "/console/requests/" + tn + "/"; }

// The application as a permission target: its site and the department it is assigned to
// (by id: renaming a department keeps its applications).
inline domain::Target request_target(ConsoleRequest&, const store::StoredRequest& r) {
  return domain::Target{r.site_id, r.request.department_id};
}

// Whether the user may view an application of this site assigned to `department_id`
// (ysqgk.view in the registry: department editors only what is assigned to their
// department, by id; the office, administrator and auditor everything of the site).
inline bool visible_to(const ConsoleRequest& c, const std::optional<std::int64_t>& department_id) {
  return domain::may(c.user, "ysqgk.view", domain::Target{c.site.id, department_id});
}

// Whose figures the annual report's tables 三 and 四 show — the dashboard and its JSON
// (/console/api/requests/annual-report) alike, both open to request_readers(): a department
// editor only the applications assigned to their department (none without a department),
// every other reader the whole site.
// The permission registry decides: a reader who may view an application assigned to no
// department (scope: the whole site) sees the whole site's figures.
inline std::optional<std::int64_t> annual_figures_department(const ConsoleRequest& c) {
  if (!domain::permission_refusal(c.user, domain::Action::ViewRequest, domain::Target{c.site.id, std::nullopt}))
    return std::nullopt;
  return c.user.department_id.value_or(-1);
}

inline std::optional<std::string> request_refusal(ConsoleRequest& c, domain::Action a, const store::StoredRequest& r) {
  return domain::permission_refusal(c.user, a, request_target(c, r));
}

// The {tn} route parameter, normalised; nullopt for a malformed number.
inline std::optional<std::string> tracking_param(const ConsoleRequest& c) {
  return domain::normalise_tracking_number(c.http.param("tn"));
}

// An application of the user's site (find: no personal data), or nullopt.
inline std::optional<store::StoredRequest> own_request(ConsoleRequest& c, const RequestPagesEnv& env) {
  auto tn = tracking_param(c);
  if (!tn) return std::nullopt;
  auto found = env.repo(c.db).find(*tn);
  if (!found || found->site_id != c.site.id) return std::nullopt;
  return found;
}

// A date field (YYYY-MM-DD); empty = `fallback`. A malformed date is a ValidationError.
inline domain::Date date_field(const ConsoleRequest& c, const std::string& name, const std::string& label,
                               std::optional<domain::Date> fallback) {
  const std::string v = field(c, name);
  if (v.empty()) {
    if (fallback) return *fallback;
    throw domain::ValidationError({"请填写" + label});
  }
  auto d = domain::Date::parse(v);
  if (!d) throw domain::ValidationError({label + "格式不正确，应为 YYYY-MM-DD，例如 2024-09-27"});
  return *d;
}
// Empty = today (the console's clock).
inline domain::Date date_field(const ConsoleRequest& c, const std::string& name, const std::string& label) {
  return date_field(c, name, label, c.app.today());
}
inline std::optional<domain::Date> optional_date_field(const ConsoleRequest& c, const std::string& name,
                                                       const std::string& label) {
  if (field(c, name).empty()) return std::nullopt;
  return date_field(c, name, label);
}

using EnvPtr = std::shared_ptr<const RequestPagesEnv>;

// One file each.
void register_request_list_pages(ConsoleApp& app, http::Router& router, EnvPtr env);
void register_request_register_page(ConsoleApp& app, http::Router& router, EnvPtr env);
void register_request_detail_page(ConsoleApp& app, http::Router& router, EnvPtr env);
void register_request_action_pages(ConsoleApp& app, http::Router& router, EnvPtr env);
// 我的工作, the 依申请公开 part (request_my_work.cpp).
void register_request_work_section(ConsoleApp& app, EnvPtr env);

}  // namespace zwgk::web::console
