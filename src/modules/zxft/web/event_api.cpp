// 访谈发布 JSON API: see event_api.hpp. Handlers parse, call one EventService read, render.
#include "modules/zxft/web/event_api.hpp"

#include "domain/cache_tags.hpp"
#include "modules/zxft/domain/event_cache_tags.hpp"
#include "modules/zxft/service/event_service.hpp"
#include "store/personal_data_key.hpp"
#include "web/api_error.hpp"
#include "web/api_params.hpp"
#include "web/api_site.hpp"
#include "web/feed_xml.hpp"
#include "web/formatting.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

using api::Json;

// "2026-12-10T10:00:00+08:00"; null for "not yet" (0).
Json time_json(std::int64_t unix_seconds) {
  if (unix_seconds <= 0) return nullptr;
  return feed::rfc3339(feed::Instant{std::chrono::seconds{unix_seconds}});
}

template <class E>
Json code_label(E value) {
  return {{"code", domain::to_code(value)}, {"label", domain::to_label(value)}};
}

std::string page_url(const std::string& base, const domain::Site& site, std::int64_t id) {
  return base + site.path_prefix + "/zxft/" + std::to_string(id) + "/";
}

Json event_json(const store::StoredEvent& e, const domain::Site& site, const std::string& base) {
  const auto& d = e.draft;
  Json guests = Json::array();
  for (const auto& g : d.guests)
    guests.push_back({{"name", g.name}, {"post", g.post}, {"principal", g.principal}});
  return {{"id", e.id},
          {"url", page_url(base, site, e.id)},
          {"kind", code_label(d.kind)},
          {"state", code_label(e.state)},
          {"title", d.title},
          {"summary", d.summary},
          {"place", d.place},
          {"starts_at", time_json(d.starts_at)},
          {"ends_at", time_json(d.ends_at)},
          {"announced_at", time_json(e.announced_at)},
          {"guests", std::move(guests)}};
}

constexpr const char* kUnknown = "本网站没有这场活动（草稿和已取消的活动不公开）";

http::Response list(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  const int page = api::page_param(req);
  const int per_page = api::per_page_param(req);
  std::optional<domain::EventKind> kind;
  if (auto k = api::query_value(req, "kind")) {
    kind = domain::event_kind_from(*k);
    if (!kind) throw api::bad_request("参数 kind 无效：应为 online_interview（在线访谈）、press_conference（新闻发布会）或 policy_briefing（政策吹风会）");
  }
  std::optional<domain::EventState> state;
  if (auto s = api::query_value(req, "state")) {
    state = domain::event_state_from(*s);
    if (!state || !domain::is_public(*state))
      throw api::bad_request("参数 state 无效：应为 announced（预告）、live（直播中）或 ended（已结束）");
  }
  const auto site = api::site_param(db, req);
  const auto key = store::PersonalDataKey::derive_from(options.secret);
  std::vector<const store::StoredEvent*> matching;
  const auto events = modules::zxft::EventService(db, key).public_events(site.id);
  for (const auto& e : events)
    if ((!kind || e.draft.kind == *kind) && (!state || e.state == *state)) matching.push_back(&e);
  Json items = Json::array();
  const std::size_t from = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(per_page);
  for (std::size_t i = from; i < matching.size() && i < from + static_cast<std::size_t>(per_page); ++i)
    items.push_back(event_json(*matching[i], site, base));
  auto res = api::json_response(
      {{"total", matching.size()}, {"page", page}, {"per_page", per_page}, {"items", std::move(items)}});
  res.cache_tags = {domain::tag_site(site.id), domain::tag_events(site.id)};
  return res;
}

http::Response detail(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  const auto id = api::id_path_param(req, "id");
  const auto site = api::site_param(db, req);
  const auto key = store::PersonalDataKey::derive_from(options.secret);
  const auto pub = modules::zxft::EventService(db, key).public_event(site.id, id);
  if (!pub) throw api::not_found(kUnknown);
  const auto& e = pub->event;
  const std::string page = page_url(base, site, e.id);
  Json out = event_json(e, site, base);
  out["department"] = e.draft.department_id && !pub->department.empty()
                          ? Json{{"id", *e.draft.department_id}, {"name", pub->department}}
                          : Json(nullptr);
  Json policies = Json::array();
  for (const auto& p : pub->policies) {
    policies.push_back({{"id", p.id},
                        {"url", base + document_url(site, p.id)},
                        {"title", p.title},
                        {"doc_number", p.doc_number},
                        {"interpretation", p.interpretation_id ? Json{{"id", *p.interpretation_id},
                                                                      {"url", base + document_url(site, *p.interpretation_id)},
                                                                      {"title", p.interpretation_title}}
                                                               : Json(nullptr)}});
  }
  out["policies"] = std::move(policies);
  // 图文直播 while live, 文字实录 once ended: the same entries.
  Json entries = Json::array();
  for (const auto& x : pub->entries) {
    entries.push_back({{"id", x.id},
                       {"speaker", x.speaker},
                       {"text", x.text},
                       {"at", time_json(x.created_at)},
                       {"question", x.question_text.empty()
                                        ? Json(nullptr)
                                        : Json{{"nickname", x.question_nickname.empty() ? std::string("网友") : x.question_nickname},
                                               {"text", x.question_text}}},
                       {"image_url", x.image ? Json(page + "images/" + std::to_string(x.id)) : Json(nullptr)}});
  }
  out["entries"] = std::move(entries);
  Json questions = Json::array();
  for (const auto& q : pub->questions) {
    questions.push_back({{"nickname", q.nickname.empty() ? std::string("网友") : q.nickname},
                         {"text", q.text},
                         {"state", code_label(q.state)},
                         {"answer", q.answer.empty() ? Json(nullptr) : Json(q.answer)},
                         {"answered_by", q.answered_by.empty() ? Json(nullptr) : Json(q.answered_by)},
                         {"asked_at", time_json(q.created_at)}});
  }
  out["questions"] = std::move(questions);
  Json photos = Json::array();
  for (const auto& p : pub->photos)
    photos.push_back({{"url", page + "photos/" + std::to_string(p.id)}, {"caption", p.caption}});
  out["photos"] = std::move(photos);
  out["video"] = e.video ? Json{{"url", page + "video"}, {"media_type", e.video->media_type}} : Json(nullptr);
  out["entries_url"] = page + "entries.json";
  auto res = api::json_response(out);
  res.cache_tags = {domain::tag_site(site.id), domain::tag_event(e.id)};
  for (auto doc : pub->document_ids) res.cache_tags.push_back(domain::tag_document(doc));
  return res;
}

}  // namespace

void register_event_api(http::Router& router, store::Database& db, const WebOptions& options) {
  const std::string base = trim_base_url(options.base_url);
  router.get("/api/v1/sites/{site}/events", api::guarded([&db, &options, base](http::Request& req) {
               return list(db, options, base, req);
             }));
  router.get("/api/v1/sites/{site}/events/{id}", api::guarded([&db, &options, base](http::Request& req) {
               return detail(db, options, base, req);
             }));
}

}  // namespace zwgk::web
