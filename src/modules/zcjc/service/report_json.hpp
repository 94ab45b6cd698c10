#pragma once
// Check results as the JSON stored with each day's run, returned by the API and read back for
// the dashboard and the history: [{code, name, indicator, rule, level, checked, summary,
// findings, evidence: [{subject, detail, url}]}]. nlohmann stays in report_json.cpp.
#include <string>
#include <vector>

#include "modules/zcjc/domain/check_result.hpp"

namespace zwgk::modules::zcjc {

std::string results_to_json(const std::vector<domain::CheckResult>& results);
// [] for text that is not such an array.
std::vector<domain::CheckResult> results_from_json(const std::string& json);

}  // namespace zwgk::modules::zcjc
