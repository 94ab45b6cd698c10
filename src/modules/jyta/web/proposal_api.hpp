#pragma once
// 建议提案办理, the public read-only JSON API (docs/api.md "建议提案办理"; no token):
//   GET /api/v1/sites/{site}/proposals?year=&unit=&category=&type=&q=&page=&per_page=
//   GET /api/v1/sites/{site}/proposals/{id}
//   GET /api/v1/sites/{site}/proposals/statistics?year=
// Only what the public pages show: the answer as domain::published_answer gives it (全文, 摘要,
// or 不予公开 with its reason and without the text), the statistics of proposal_figures (the
// same numbers as the public statistics page). No phone of a deputy or member.
#include "http/router.hpp"
#include "store/database.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

void register_proposal_api(http::Router& router, store::Database& db, const WebOptions& options);
// Its part of /api/v1/openapi.json (SiteApp::add_api_description).
const char* proposal_api_description();

}  // namespace zwgk::web
