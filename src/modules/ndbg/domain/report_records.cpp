// The records' figures for the annual report: see report_records.hpp.
#include "modules/ndbg/domain/report_records.hpp"

namespace zwgk::domain {

namespace {

void put_regulation(std::map<std::string, long long>& out, const std::string& row, const RegulationCount& c) {
  out["2." + row + ".made"] = c.made;
  out["2." + row + ".repealed"] = c.repealed;
  out["2." + row + ".valid"] = c.valid;
}

void put_row(std::map<std::string, long long>& out, const std::string& row, const ApplicantRow& counts) {
  for (int c = 0; c < static_cast<int>(counts.size()); ++c) out[section_three_key(row, c)] = counts[c];
}

void put_review(std::map<std::string, long long>& out, const std::string& block, const ReviewRow& counts) {
  for (int c = 0; c < static_cast<int>(counts.size()); ++c) out[section_four_key(block, c)] = counts[c];
}

}  // namespace

std::map<std::string, long long> computed_figures(const ReportRecords& records) {
  std::map<std::string, long long> out;
  put_regulation(out, "rules", records.regulations.rules);
  put_regulation(out, "normative", records.regulations.normative);
  put_row(out, "new", records.three.new_this_year);
  put_row(out, "carried", records.three.carried_over);
  for (const auto& [outcome, row] : records.three.outcomes) put_row(out, std::string(info(outcome).code), row);
  put_row(out, "total", records.three.total);
  put_row(out, "forward", records.three.carried_forward);
  put_review(out, "reconsideration", records.four.reconsideration);
  put_review(out, "direct", records.four.litigation_direct);
  put_review(out, "after", records.four.litigation_after_reconsideration);
  return out;
}

void apply_records(AnnualReport& report, const std::map<std::string, long long>& computed) {
  report.computed = computed;
  for (const auto& [key, value] : computed) {
    const auto reason = report.reasons.find(key);
    if (reason == report.reasons.end() || reason->second.empty()) report.values[key] = value;
  }
}

std::string OfferedFact::sentence() const {
  std::string s = label + std::to_string(value) + unit;
  if (const auto cmp = compare_with_last_year(value, last_year); !cmp.empty()) s += "，" + cmp;
  return s + "。";
}

}  // namespace zwgk::domain
