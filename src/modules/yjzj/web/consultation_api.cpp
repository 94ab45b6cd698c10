// 意见征集 JSON API: see consultation_api.hpp. Handlers parse, call one ConsultationService
// read, render.
#include "modules/yjzj/web/consultation_api.hpp"

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "modules/yjzj/domain/consultation_cache_tags.hpp"
#include "modules/yjzj/service/consultation_service.hpp"
#include "store/personal_data_key.hpp"
#include "web/api_error.hpp"
#include "web/api_params.hpp"
#include "web/api_site.hpp"
#include "web/feed_xml.hpp"
#include "web/formatting.hpp"

namespace zwgk::web {

namespace {

using api::Json;
using modules::yjzj::ConsultationService;

constexpr const char* kUnknown = "本网站没有这项意见征集（草稿不公开）";

template <class E>
Json code_label(E value) {
  return {{"code", domain::to_code(value)}, {"label", domain::to_label(value)}};
}

std::string page_url(const std::string& base, const domain::Site& site, std::int64_t id) {
  return base + site.path_prefix + "/yjzj/" + std::to_string(id) + "/";
}

// The clock and calendar the public pages use, so the API says the same phase on the same day.
struct Reader {
  store::PersonalDataKey key;
  std::shared_ptr<const domain::WorkingDayCalendar> calendar;
  ConsultationService service;
  Reader(store::Database& db, const WebOptions& o)
      : key(store::PersonalDataKey::derive_from(o.secret)),
        calendar(o.calendar ? o.calendar->current() : std::make_shared<const domain::WorkingDayCalendar>()),
        service(db, key, *calendar, domain::or_system_clock(o.clock)) {}
};

// The phase moves at China midnight: answers are cached until then at most.
long long next_midnight(const WebOptions& o) {
  return domain::china_midnight_after(o.today()).time_since_epoch().count();
}

Json date_json(std::int64_t unix_seconds) {
  if (unix_seconds <= 0) return nullptr;
  return domain::china_date_of_unix(unix_seconds).iso();
}

Json feedback_json(const store::StoredConsultation& c) {
  return {{"received", c.feedback.received},
          {"adopted", c.feedback.adopted},
          {"partly_adopted", c.feedback.partly_adopted},
          {"not_adopted", c.feedback.not_adopted},
          {"text", c.feedback.text},
          {"date", date_json(c.feedback_at)}};
}

Json summary_json(const store::StoredConsultation& c, domain::ConsultationPhase phase,
                  const std::optional<domain::Date>& feedback_due, const domain::Site& site, const std::string& base) {
  const bool answered = phase == domain::ConsultationPhase::FeedbackPublished;
  Json out = {{"id", c.id},
              {"url", page_url(base, site, c.id)},
              {"title", c.draft.title},
              {"kind", code_label(c.draft.kind)},
              {"phase", code_label(phase)},
              {"department", c.department.empty() ? Json(nullptr) : Json(c.department)},
              {"starts_on", c.draft.starts_on->iso()},
              {"ends_on", c.draft.ends_on->iso()},
              {"published_on", date_json(c.published_at)},
              {"published_opinions", c.published_opinions},
              {"feedback_due", feedback_due ? Json(feedback_due->iso()) : Json(nullptr)}};
  out["feedback"] = answered ? feedback_json(c) : Json(nullptr);
  return out;
}

http::Response list(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  const int page = api::page_param(req);
  const int per_page = api::per_page_param(req);
  std::optional<domain::ConsultationPhase> phase;
  if (auto p = api::query_value(req, "phase")) {
    phase = domain::consultation_phase_from(*p);
    if (!phase || *phase == domain::ConsultationPhase::Draft)
      throw api::bad_request("参数 phase 无效：应为 upcoming（未开始）、open（征集中）、awaiting_feedback（已结束待反馈）或 feedback_published（已反馈）");
  }
  std::optional<domain::ConsultationKind> kind;
  if (auto k = api::query_value(req, "kind")) {
    kind = domain::consultation_kind_from(*k);
    if (!kind) throw api::bad_request("参数 kind 无效：应为 major_decision（重大行政决策）、rule_draft（规章草案）、normative_document（行政规范性文件）或 other（其他）");
  }
  const auto site = api::site_param(db, req);
  Reader r(db, options);
  const auto all = r.service.public_list(site.id);
  std::vector<const modules::yjzj::ConsultationListing*> matching;
  for (const auto& l : all)
    if ((!phase || l.phase == *phase) && (!kind || l.consultation.draft.kind == *kind)) matching.push_back(&l);
  Json items = Json::array();
  const std::size_t from = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(per_page);
  for (std::size_t i = from; i < matching.size() && i < from + static_cast<std::size_t>(per_page); ++i)
    items.push_back(summary_json(matching[i]->consultation, matching[i]->phase, matching[i]->feedback_due, site, base));
  auto res = api::json_response(
      {{"total", matching.size()}, {"page", page}, {"per_page", per_page}, {"items", std::move(items)}});
  res.cache_tags = {domain::tag_site(site.id), domain::tag_consultations(site.id)};
  res.cache_expires_at = next_midnight(options);
  return res;
}

http::Response detail(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  const auto id = api::id_path_param(req, "id");
  const auto site = api::site_param(db, req);
  Reader r(db, options);
  modules::yjzj::ConsultationView v;
  try {
    v = r.service.public_view(site.id, id);
  } catch (const domain::NotFound&) {
    throw api::not_found(kUnknown);
  }
  const auto& c = v.consultation;
  const std::string page = page_url(base, site, c.id);
  const bool ended = v.phase == domain::ConsultationPhase::AwaitingFeedback ||
                     v.phase == domain::ConsultationPhase::FeedbackPublished;
  const auto feedback_due = v.phase == domain::ConsultationPhase::AwaitingFeedback
                                ? std::optional<domain::Date>(v.feedback_due)
                                : std::nullopt;
  Json out = summary_json(c, v.phase, feedback_due, site, base);
  out["published_opinions"] = v.published_opinions.size();
  out["period"] = {{"length", v.period.length_text()},
                   {"minimum", domain::to_text(v.period.minimum)},
                   {"short_period_reason", v.period.too_short && !c.draft.short_period_reason.empty()
                                               ? Json(c.draft.short_period_reason)
                                               : Json(nullptr)}};
  out["explanation"] = c.draft.explanation;
  out["how_to_send"] = c.draft.how_to_send;
  out["body_html"] = v.draft.html;
  Json articles = Json::array();
  for (const auto& a : v.draft.articles) {
    int count = 0;
    for (const auto& o : v.published_opinions) count += o.anchor == a.anchor;
    articles.push_back({{"anchor", a.anchor}, {"label", a.label}, {"excerpt", a.excerpt}, {"url", page + "#" + a.anchor},
                        {"published_opinions", count}});
  }
  out["articles"] = std::move(articles);
  Json opinions = Json::array();
  for (const auto& o : v.published_opinions)
    opinions.push_back({{"id", o.id},
                        {"anchor", o.anchor.empty() ? Json(nullptr) : Json(o.anchor)},
                        {"anchor_label", o.anchor_label.empty() ? Json(nullptr) : Json(o.anchor_label)},
                        {"text", o.text},
                        {"date", date_json(o.created_at)}});
  out["opinions"] = std::move(opinions);
  Json files = Json::array();
  for (const auto& a : v.attachments)
    files.push_back({{"name", a.file_name}, {"url", page + "attachments/" + std::to_string(a.id)}});
  out["attachments"] = std::move(files);
  if (v.questions.empty()) {
    out["survey"] = nullptr;
  } else {
    Json questions = Json::array();
    for (const auto& q : v.questions)
      questions.push_back({{"id", q.id}, {"kind", code_label(q.kind)}, {"text", q.text}, {"options", q.options}});
    Json results = nullptr;
    if (ended) {
      results = Json::array();
      for (const auto& t : v.results) {
        Json counts = Json::array();
        for (std::size_t i = 0; i < t.question.options.size() && i < t.counts.size(); ++i)
          counts.push_back({{"option", t.question.options[i]}, {"count", t.counts[i]}});
        results.push_back({{"question_id", t.question.id}, {"responses", t.responses}, {"counts", std::move(counts)}});
      }
    }
    out["survey"] = {{"url", page + "survey"},
                     {"questions", std::move(questions)},
                     {"respondents", ended ? Json(v.respondents) : Json(nullptr)},
                     {"results", std::move(results)}};
  }
  auto res = api::json_response(out);
  res.cache_tags = {domain::tag_site(site.id), domain::tag_consultation(c.id)};
  res.cache_expires_at = next_midnight(options);
  return res;
}

http::Response statements(store::Database& db, const WebOptions& options, const http::Request& req) {
  const auto site = api::site_param(db, req);
  Reader r(db, options);
  Json items = Json::array();
  for (const auto& st : r.service.statements(site.id))
    items.push_back({{"id", st.id},
                     {"unit", st.unit.empty() ? site.name : st.unit},
                     {"department_id", st.department_id ? Json(*st.department_id) : Json(nullptr)},
                     {"year", st.period.year},
                     {"quarter", st.period.quarter == 0 ? Json(nullptr) : Json(st.period.quarter)},
                     {"period", domain::to_label(st.period)},
                     {"text", st.text},
                     {"date", date_json(st.published_at)}});
  const auto total = items.size();
  auto res = api::json_response({{"total", total}, {"items", std::move(items)}});
  res.cache_tags = {domain::tag_site(site.id), domain::tag_consultations(site.id)};
  return res;
}

}  // namespace

void register_consultation_api(http::Router& router, store::Database& db, const WebOptions& options) {
  const std::string base = trim_base_url(options.base_url);
  router.get("/api/v1/sites/{site}/consultations", api::guarded([&db, &options, base](http::Request& req) {
               return list(db, options, base, req);
             }));
  router.get("/api/v1/sites/{site}/consultation-statements", api::guarded([&db, &options](http::Request& req) {
               return statements(db, options, req);
             }));
  router.get("/api/v1/sites/{site}/consultations/{id}", api::guarded([&db, &options, base](http::Request& req) {
               return detail(db, options, base, req);
             }));
}

}  // namespace zwgk::web
