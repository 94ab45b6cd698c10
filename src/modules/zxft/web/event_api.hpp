#pragma once
// 访谈发布, the public read-only JSON API (docs/api.md "访谈发布"; no token):
//   GET /api/v1/sites/{site}/events?kind=&state=&page=&per_page=
//   GET /api/v1/sites/{site}/events/{id}
// Only what the public pages show (EventService::public_events / public_event): no draft
// or cancelled event, no pending or rejected question, no asker's name or phone.
#include "http/router.hpp"
#include "store/database.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

void register_event_api(http::Router& router, store::Database& db, const WebOptions& options);
// Its part of /api/v1/openapi.json (SiteApp::add_api_description).
const char* event_api_description();

}  // namespace zwgk::web
