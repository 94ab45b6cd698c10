// 建议提案办理 JSON API: see proposal_api.hpp. Handlers parse, call one store/domain read, render.
#include "modules/jyta/web/proposal_api.hpp"

#include <algorithm>

#include "domain/cache_tags.hpp"
#include "modules/jyta/store/proposal_repository.hpp"
#include "modules/jyta/web/proposal_views.hpp"
#include "store/department_repository.hpp"
#include "web/api_error.hpp"
#include "web/api_params.hpp"
#include "web/api_site.hpp"
#include "web/formatting.hpp"

namespace zwgk::web {

namespace {

using api::Json;

template <class E>
Json code_label(E value) {
  return {{"code", domain::to_code(value)}, {"label", domain::to_label(value)}};
}

Json date_json(const std::optional<domain::Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }

std::string page_url(const std::string& base, const domain::Site& site, std::int64_t id) {
  return base + site.path_prefix + "/jyta/" + std::to_string(id) + "/";
}

// What the list and the record page show of an item (proposal_summary_view).
Json proposal_json(const domain::Proposal& p, const domain::Site& site, const std::string& base, domain::Date today) {
  const bool answered = p.answered();
  return {{"id", p.id},
          {"url", page_url(base, site, p.id)},
          {"kind", code_label(p.kind)},
          {"session", p.session_label()},
          {"year", p.year},
          {"number", domain::number_label(p.kind, p.number)},
          {"title", p.title},
          {"lead", p.lead},
          {"co_signers", p.co_signers.empty() ? Json(nullptr) : Json(p.co_signers)},
          {"unit", {{"id", p.main_department_id}, {"name", p.main_department}}},
          {"co_units", p.co_departments.empty() ? Json(nullptr) : Json(p.co_departments)},
          {"assigned_on", p.assigned_on.iso()},
          {"due_on", p.due_on.iso()},
          {"answered_on", date_json(p.answered_on)},
          {"answered_on_time", answered ? Json(domain::answered_on_time(p)) : Json(nullptr)},
          {"overdue", domain::is_overdue(p, today)},
          {"category", answered && p.result_class ? code_label(*p.result_class) : Json(nullptr)},
          {"satisfaction", p.satisfaction ? code_label(*p.satisfaction) : Json(nullptr)},
          {"publication", answered ? code_label(p.publication) : Json(nullptr)}};
}

Json unit_json(const domain::UnitStatistics& u) {
  return {{"unit", u.unit},         {"received", u.received}, {"answered", u.answered},
          {"answered_on_time", u.answered_on_time}, {"overdue", u.overdue}, {"published", u.published},
          {"a", u.a},               {"b", u.b},               {"c", u.c}};
}

constexpr const char* kUnknown = "本网站没有这件建议提案";

http::Response cached(http::Response r, const domain::Site& site) {
  r.cache_tags = {domain::tag_site(site.id), domain::tag_proposals(site.id)};
  return r;
}

http::Response list(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  store::ProposalQuery q;
  q.page = api::page_param(req);
  q.per_page = api::per_page_param(req);
  q.year = api::year_param(req);
  q.department_id = api::id_query_param(req, "unit");
  if (auto c = api::query_value(req, "category")) {
    q.result_class = domain::result_class_from(*c);
    if (!q.result_class) throw api::bad_request("参数 category 无效：应为办理结果类别 A、B 或 C");
  }
  if (auto t = api::query_value(req, "type")) {
    q.kind = domain::proposal_kind_from(*t);
    if (!q.kind) throw api::bad_request("参数 type 无效：应为 suggestion（人大代表建议）或 proposal（政协委员提案）");
  }
  q.text = api::query_value(req, "q").value_or("");
  if (q.text.size() > 200) throw api::bad_request("参数 q 过长：请控制在60字以内");
  const auto site = api::site_param(db, req);
  q.site_id = site.id;
  if (q.department_id) {
    const auto deps = store::DepartmentRepository(db).by_site(site.id);
    if (std::none_of(deps.begin(), deps.end(), [&](const auto& d) { return d.id == *q.department_id; }))
      throw api::bad_request("参数 unit 无效：本站点没有这个部门编号");
  }
  const auto today = options.today();
  const auto page = store::ProposalRepository(db).list(q);
  Json items = Json::array();
  for (const auto& p : page.items) items.push_back(proposal_json(p, site, base, today));
  return cached(api::json_response({{"total", page.total}, {"page", q.page}, {"per_page", q.per_page}, {"items", std::move(items)}}),
                site);
}

http::Response detail(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  const auto id = api::id_path_param(req, "id");
  const auto site = api::site_param(db, req);
  const auto p = store::ProposalRepository(db).find(id);
  if (!p || p->site_id != site.id) throw api::not_found(kUnknown);
  Json out = proposal_json(*p, site, base, options.today());
  // The answer as the public page shows it: 全文, 摘要, or 不予公开 with its reason (no text).
  const auto shown = domain::published_answer(*p);
  out["answer"] = shown.answered
                      ? Json{{"publication", code_label(shown.publication)},
                             {"text", shown.publication == domain::ProposalPublication::Withheld ? Json(nullptr) : Json(shown.text)},
                             {"withheld_reason", shown.reason.empty() ? Json(nullptr) : Json(shown.reason)}}
                      : Json(nullptr);
  return cached(api::json_response(out), site);
}

http::Response statistics(store::Database& db, const WebOptions& options, const http::Request& req) {
  const auto year = api::year_param(req);
  const auto site = api::site_param(db, req);
  const auto f = proposal_figures(db, site.id, year, options.today());
  Json units = Json::array();
  for (const auto& u : f.statistics.units) units.push_back(unit_json(u));
  return cached(api::json_response({{"year", f.year}, {"units", std::move(units)}, {"total", unit_json(f.statistics.total)}}), site);
}

}  // namespace

void register_proposal_api(http::Router& router, store::Database& db, const WebOptions& options) {
  const std::string base = trim_base_url(options.base_url);
  router.get("/api/v1/sites/{site}/proposals", api::guarded([&db, &options, base](http::Request& req) {
               return list(db, options, base, req);
             }));
  router.get("/api/v1/sites/{site}/proposals/statistics", api::guarded([&db, &options](http::Request& req) {
               return statistics(db, options, req);
             }));
  router.get("/api/v1/sites/{site}/proposals/{id}", api::guarded([&db, &options, base](http::Request& req) {
               return detail(db, options, base, req);
             }));
}

}  // namespace zwgk::web
