// See report_json.hpp.
#include "modules/zcjc/service/report_json.hpp"

#include <nlohmann/json.hpp>

namespace zwgk::modules::zcjc {

std::string results_to_json(const std::vector<domain::CheckResult>& results) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : r.evidence) evidence.push_back({{"subject", e.subject}, {"detail", e.detail}, {"url", e.url}});
    out.push_back({{"code", r.code},
                   {"name", r.name},
                   {"indicator", r.indicator},
                   {"rule", r.rule},
                   {"level", domain::to_code(r.level)},
                   {"level_label", domain::to_label(r.level)},
                   {"checked", r.checked},
                   {"summary", r.summary},
                   {"findings", r.findings},
                   {"evidence", evidence}});
  }
  return out.dump();
}

std::vector<domain::CheckResult> results_from_json(const std::string& json) {
  std::vector<domain::CheckResult> out;
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return out;
  for (const auto& j : parsed) {
    if (!j.is_object()) continue;
    domain::CheckResult r;
    r.code = j.value("code", "");
    r.name = j.value("name", "");
    r.indicator = j.value("indicator", "");
    r.rule = j.value("rule", "");
    r.level = domain::check_level_from(j.value("level", "normal")).value_or(domain::CheckLevel::Normal);
    r.checked = j.value("checked", true);
    r.summary = j.value("summary", "");
    r.findings = j.value("findings", 0);
    if (j.contains("evidence") && j["evidence"].is_array())
      for (const auto& e : j["evidence"])
        r.evidence.push_back({e.value("subject", ""), e.value("detail", ""), e.value("url", "")});
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace zwgk::modules::zcjc
