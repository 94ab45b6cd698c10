// 依申请公开 JSON: the applicant's status (public) and the annual-report counts (office,
// served behind console login by web/console/request_dashboard_page.cpp).
// Contract in docs/api.md. No response here carries personal data.
#include "domain/statutory_deadlines.hpp"
#include "modules/ysqgk/domain/request_annual_counts.hpp"
#include "modules/ysqgk/domain/request_codes.hpp"
#include "domain/tracking_number.hpp"
#include "modules/ysqgk/store/disclosure_request_repository.hpp"
#include "modules/ysqgk/web/request_pages.hpp"
#include "web/api_error.hpp"
#include "web/api_params.hpp"
#include "modules/ysqgk/web/request_annual_report.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

namespace {

using api::Json;

Json row_json(const domain::ApplicantRow& row) {
  Json o = Json::object();
  const auto& labels = domain::applicant_column_labels();
  for (std::size_t i = 0; i < row.size(); ++i) o[std::string(labels[i])] = row[i];
  return o;
}

Json review_json(const domain::ReviewRow& row) {
  return Json{{"结果维持", row[0]}, {"结果纠正", row[1]}, {"其他结果", row[2]}, {"尚未审结", row[3]}, {"总计", row[4]}};
}

}  // namespace

void register_request_public_api(http::Router& router, store::Database& db, const WebOptions& options) {
  router.get("/api/v1/requests/{tracking}", api::guarded([&db, &options](http::Request& req) {
    constexpr const char* kUnknown = "未查询到该申请：申请编号或查询码不正确";
    auto tn = domain::normalise_tracking_number(req.param("tracking"));
    auto code = domain::normalise_query_code(api::query_value(req, "code").value_or(""));
    if (!tn || !code) throw api::not_found(kUnknown);
    const auto key = store::PersonalDataKey::derive_from(options.secret);
    auto found = store::DisclosureRequestRepository(db, key).find_public(*tn, *code);
    if (!found) throw api::not_found(kUnknown);
    const auto& r = found->request;
    Json out;
    out["tracking_number"] = r.tracking_number;
    out["received_on"] = r.received_on.iso();
    out["channel"] = {{"code", domain::to_code(r.channel)}, {"label", domain::to_label(r.channel)}};
    out["state"] = {{"code", domain::to_code(r.state)}, {"label", domain::to_label(r.state)}};
    if (domain::is_terminal(r.state)) {
      out["due_on"] = nullptr;
      out["due_explanation"] = Json::array();
      out["calendar_warning"] = nullptr;
    } else {
      const auto deadline = domain::due_date(r, *options.calendar->current(), options.today());
      out["due_on"] = deadline.due_on.iso();
      out["due_explanation"] = domain::explain_reply_deadline(deadline);
      out["calendar_warning"] = deadline.warning.empty() ? Json(nullptr) : Json(deadline.warning.message());
    }
    out["outcome"] = r.outcome ? Json{{"code", domain::to_code(*r.outcome)}, {"label", domain::to_full_label(*r.outcome)}}
                               : Json(nullptr);
    out["closed_on"] = r.closed_on ? Json(r.closed_on->iso()) : Json(nullptr);
    Json steps = Json::array();
    for (const auto& e : r.history) steps.push_back({{"on", e.on.iso()}, {"step", domain::to_label(e.kind)}});
    out["steps"] = steps;
    auto resp = api::json_response(out);
    resp.set_header("Cache-Control", "no-store");
    return resp;
  }));
}

Json request_annual_report_json(store::Database& db, std::int64_t site, int year,
                                std::optional<std::int64_t> department_id) {
  // The key is not used: counts never read personal data.
  const auto key = store::PersonalDataKey::derive_from(std::string(32, '\0'));
  store::DisclosureRequestRepository repo(db, key);
  const auto three = repo.section_three(site, year, department_id);
  const auto four = repo.section_four(site, year, department_id);
  Json t3;
  t3["columns"] = domain::applicant_column_labels();
  t3["一、本年新收政府信息公开申请数量"] = row_json(three.new_this_year);
  t3["二、上年结转政府信息公开申请数量"] = row_json(three.carried_over);
  Json outcomes = Json::array();
  for (const auto& [o, row] : three.outcomes) {
    const auto& i = domain::info(o);
    outcomes.push_back({{"code", std::string(i.code)},
                        {"group", std::string(i.group_label)},
                        {"row", std::string(i.row_label)},
                        {"counts", row_json(row)}});
  }
  t3["三、本年度办理结果"] = outcomes;
  t3["（七）总计"] = row_json(three.total);
  t3["四、结转下年度继续办理"] = row_json(three.carried_forward);
  Json t4;
  t4["行政复议"] = review_json(four.reconsideration);
  t4["行政诉讼"] = {{"未经复议直接起诉", review_json(four.litigation_direct)},
                    {"复议后起诉", review_json(four.litigation_after_reconsideration)}};
  Json out;
  out["year"] = year;
  out["site"] = site == 0 ? Json(nullptr) : Json(site);
  out["department"] = department_id ? Json(*department_id) : Json(nullptr);
  out["三、收到和处理政府信息公开申请情况"] = t3;
  out["四、政府信息公开行政复议、行政诉讼情况"] = t4;
  return out;
}

}  // namespace zwgk::web
