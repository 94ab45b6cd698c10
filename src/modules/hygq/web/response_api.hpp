#pragma once
// 回应关切, the public read-only JSON API (docs/api.md "回应关切"; no token):
//   GET /api/v1/sites/{site}/responses
// Exactly the lines of the public column P/hygq/ (IncidentRepository::public_responses, newest
// first, at most 100): each response (a published document, a live or ended 新闻发布会, a
// response recorded elsewhere) with its incident's title, date and level, and the incident's
// clocks only when the site shows them in the column (hygq settings public_clock). Never the
// incident's summary or its department.
#include "http/router.hpp"
#include "store/database.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

void register_response_api(http::Router& router, store::Database& db, const WebOptions& options);
// Its part of /api/v1/openapi.json (SiteApp::add_api_description).
const char* response_api_description();

}  // namespace zwgk::web
