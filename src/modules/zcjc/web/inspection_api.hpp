#pragma once
// 自查监测 for a province's monitoring platform (docs/api.md "自查监测"), read-only, no token:
// the results hold no personal data (letters by number and dates, documents by title).
//   GET /api/v1/inspection/sites           every site's latest level and counts
//   GET /api/v1/inspection/sites/{code}    a site's latest result with every check and its evidence
//                                          (?day=YYYY-MM-DD: that day's)
#include "http/router.hpp"
#include "store/database.hpp"

namespace zwgk::web {

void register_inspection_api(http::Router& router, store::Database& db);
const char* inspection_api_description();

}  // namespace zwgk::web
