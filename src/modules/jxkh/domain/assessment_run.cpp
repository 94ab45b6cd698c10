// One year's assessment: see assessment_run.hpp.
#include "modules/jxkh/domain/assessment_run.hpp"

namespace zwgk::domain {

std::string to_label(AssessmentState s) { return s == AssessmentState::Released ? "已发布" : "草稿"; }
std::string to_code(AssessmentState s) { return s == AssessmentState::Released ? "released" : "draft"; }
std::optional<AssessmentState> assessment_state_from(std::string_view code) {
  if (code == "draft") return AssessmentState::Draft;
  if (code == "released") return AssessmentState::Released;
  return std::nullopt;
}

AssessmentResult result_of(const AssessmentRun& run,
                           const std::map<std::int64_t, std::map<std::string, ManualFigure>>& figures,
                           const std::map<std::int64_t, Adjustment>& adjustments) {
  AssessmentResult out;
  out.run = run;
  std::vector<std::string> problems;
  out.set = parse_indicators(run.indicators, problems);
  // A run keeps the text it was computed with, which was valid then; should it ever not parse
  // (a source retired since), the default set scores it rather than nothing.
  if (!problems.empty()) out.set = default_indicators();
  for (auto facts : run.units) {
    if (auto f = figures.find(facts.department_id); f != figures.end()) facts.manual = f->second;
    auto score = score_unit(out.set, facts);
    if (auto a = adjustments.find(facts.department_id); a != adjustments.end()) apply_adjustment(score, a->second);
    out.units.push_back(std::move(score));
  }
  rank_units(out.units);
  return out;
}

std::string assessment_title(const std::string& government, int year) {
  return government + std::to_string(year) + "年度政务公开绩效考核结果";
}

}  // namespace zwgk::domain
