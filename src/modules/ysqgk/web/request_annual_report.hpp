#pragma once
// 依申请公开: the counts of the annual report's sections 三 (收到和处理政府信息公开申请情况)
// and 四 (行政复议、行政诉讼情况) for one year, as JSON keyed by the report's own labels
// (contract in docs/api.md). For the office only: the console serves it behind login at
// GET /console/api/requests/annual-report?year=YYYY for the signed-in user's site.
#include <cstdint>
#include <optional>

#include "web/api_error.hpp"

namespace zwgk::store {
class Database;
}

namespace zwgk::web {

// site 0 = every site; `department_id`: only that department's applications.
api::Json request_annual_report_json(store::Database& db, std::int64_t site, int year,
                                     std::optional<std::int64_t> department_id = std::nullopt);

}  // namespace zwgk::web
