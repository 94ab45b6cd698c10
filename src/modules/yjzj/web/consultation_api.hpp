#pragma once
// 意见征集, the public read-only JSON API (docs/api.md "意见征集"; no token):
//   GET /api/v1/sites/{site}/consultations?phase=&kind=&page=&per_page=
//   GET /api/v1/sites/{site}/consultations/{id}
//   GET /api/v1/sites/{site}/consultation-statements   (情况说明)
// Only what the public pages show (ConsultationService::public_list / public_view): no draft,
// no opinion the office has not published, never a writer's name or phone, the
// questionnaire's results only once the consultation has ended, free-text answers never.
#include "http/router.hpp"
#include "store/database.hpp"
#include "web/site_app.hpp"

namespace zwgk::web {

void register_consultation_api(http::Router& router, store::Database& db, const WebOptions& options);
// Its part of /api/v1/openapi.json (SiteApp::add_api_description).
const char* consultation_api_description();

}  // namespace zwgk::web
