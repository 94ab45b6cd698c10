// 回应关切 JSON API: see response_api.hpp. The handler parses, calls the column's one store read, renders.
#include "modules/hygq/web/response_api.hpp"

#include <map>

#include "domain/cache_tags.hpp"
#include "domain/china_time.hpp"
#include "modules/hygq/domain/incident_cache_tags.hpp"
#include "modules/hygq/store/incident_repository.hpp"
#include "modules/zxft/domain/event_cache_tags.hpp"
#include "web/api_error.hpp"
#include "web/api_site.hpp"
#include "web/feed_xml.hpp"
#include "web/formatting.hpp"
#include "web/urls.hpp"

namespace zwgk::web {

namespace {

using api::Json;

Json response_json(const store::PublicResponse& r, const domain::Site& site, const std::string& base) {
  // The column's three kinds (incident_pages.cpp): 权威发布, 新闻发布会, 回应 made elsewhere.
  const char* code = r.document_id ? "document" : r.event_id ? "event" : "recorded";
  const char* label = r.document_id ? "权威发布" : r.event_id ? "新闻发布会" : "回应";
  const std::string url = r.document_id ? base + document_url(site, *r.document_id)
                          : r.event_id  ? base + site.path_prefix + "/zxft/" + std::to_string(*r.event_id) + "/"
                                        : r.url;
  return {{"kind", {{"code", code}, {"label", label}}},
          {"title", r.title},
          {"url", url.empty() ? Json(nullptr) : Json(url)},
          {"document_id", r.document_id ? Json(*r.document_id) : Json(nullptr)},
          {"event_id", r.event_id ? Json(*r.event_id) : Json(nullptr)},
          {"at", feed::rfc3339(r.at)},
          {"incident",
           {{"id", r.incident_id},
            {"title", r.incident_title},
            {"date", domain::china_time(r.known_at).date.iso()},
            {"level", {{"code", domain::to_code(r.level)}, {"label", domain::to_label(r.level)}}}}}};
}

// The incident's clocks as the column shows them when the site turns them on (hygq settings
// public_clock): kind, hours, due, met and the column's text. `expires`: the earliest due of a
// running clock (the answer is cached until then, as the column).
Json clocks_json(store::IncidentRepository& repo, std::int64_t incident_id, const domain::IncidentSettings& settings,
                 domain::Instant now, long long& expires) {
  Json out = Json::array();
  const auto incident = repo.find(incident_id);
  if (!incident) return out;
  for (const auto& c : domain::incident_clocks(*incident, settings.rules, repo.fulfilments(incident_id), now)) {
    const bool running = c.state == domain::ClockState::Running;
    if (running) {
      const long long due = c.due.time_since_epoch().count() + 1;
      if (!expires || due < expires) expires = due;
    }
    out.push_back({{"clock", {{"code", domain::to_code(c.clock)}, {"label", domain::to_label(c.clock)}}},
                   {"hours", c.hours},
                   {"due_at", feed::rfc3339(c.due)},
                   {"met_at", c.met_at ? Json(feed::rfc3339(*c.met_at)) : Json(nullptr)},
                   {"late", c.late()},
                   {"text", domain::public_text(c)}});
  }
  return out;
}

http::Response list(store::Database& db, const WebOptions& options, const std::string& base, const http::Request& req) {
  const auto site = api::site_param(db, req);
  store::IncidentRepository repo(db);
  const auto settings = repo.settings(site.id);
  const auto now = domain::instant_of_unix(options.now_unix());
  std::map<std::int64_t, Json> clocks;  // per incident, only when the site shows them
  long long expires = 0;
  Json items = Json::array();
  for (const auto& r : repo.public_responses(site.id)) {
    Json item = response_json(r, site, base);
    if (settings.public_clock) {
      if (!clocks.count(r.incident_id)) clocks[r.incident_id] = clocks_json(repo, r.incident_id, settings, now, expires);
      item["incident"]["clocks"] = clocks[r.incident_id];
    }
    items.push_back(std::move(item));
  }
  const auto total = items.size();
  auto res = api::json_response({{"total", total}, {"items", std::move(items)}});
  // As the column: a linked document's publication, an incident's change, a linked event's step.
  res.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_incidents(site.id),
                    domain::tag_events(site.id)};
  res.cache_expires_at = expires;
  return res;
}

}  // namespace

void register_response_api(http::Router& router, store::Database& db, const WebOptions& options) {
  const std::string base = trim_base_url(options.base_url);
  router.get("/api/v1/sites/{site}/responses",
             api::guarded([&db, &options, base](http::Request& req) { return list(db, options, base, req); }));
}

}  // namespace zwgk::web
