// 回应关切 JSON API: see response_api.hpp. The handler parses, calls the column's one store read, renders.
#include "modules/hygq/web/response_api.hpp"

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

http::Response list(store::Database& db, const std::string& base, const http::Request& req) {
  const auto site = api::site_param(db, req);
  Json items = Json::array();
  for (const auto& r : store::IncidentRepository(db).public_responses(site.id)) items.push_back(response_json(r, site, base));
  const auto total = items.size();
  auto res = api::json_response({{"total", total}, {"items", std::move(items)}});
  // As the column: a linked document's publication, an incident's change, a linked event's step.
  res.cache_tags = {domain::tag_site(site.id), domain::tag_site_lists(site.id), domain::tag_incidents(site.id),
                    domain::tag_events(site.id)};
  return res;
}

}  // namespace

void register_response_api(http::Router& router, store::Database& db, const WebOptions& options) {
  const std::string base = trim_base_url(options.base_url);
  router.get("/api/v1/sites/{site}/responses",
             api::guarded([&db, base](http::Request& req) { return list(db, base, req); }));
}

}  // namespace zwgk::web
