#pragma once
// One year's assessment of a site: the facts gathered for every unit when the office computed
// it, with the indicator set it was computed with, in state 草稿 (the office reviews it, enters
// the hand-entered figures, adjusts with reasons) until it is 已发布 on the portal, after which
// nothing changes. The scores are derived from the stored facts every time they are shown
// (result_of), so a figure entered or an adjustment made shows at once without recomputing.
//
// Transitions (modules/jxkh/service/assessment_service.hpp):
//   (none) --compute--> 草稿 --compute--> 草稿 (facts read again; figures and adjustments kept)
//   草稿 --release--> 已发布 (terminal: compute, adjust, figures and the year's indicators refused)
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/jxkh/domain/assessment_indicator.hpp"
#include "modules/jxkh/domain/unit_score.hpp"

namespace zwgk::domain {

enum class AssessmentState { Draft, Released };
std::string to_label(AssessmentState);  // 草稿 | 已发布
std::string to_code(AssessmentState);   // draft | released
std::optional<AssessmentState> assessment_state_from(std::string_view code);

struct AssessmentRun {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  int year = 0;
  std::string indicators;        // the set's text it was computed with
  std::vector<UnitFacts> units;  // every department of the site, by id (no manual figures here)
  AssessmentState state = AssessmentState::Draft;
  std::string computed_at, computed_by;  // UTC ISO, the office's name
  std::string released_at, released_by;
};

struct AssessmentResult {
  AssessmentRun run;
  IndicatorSet set;
  std::vector<UnitScore> units;  // ranked (rank_units)
};

// The scores of a run: its set, each unit's facts with the office's figures, the latest
// adjustment of each unit on top, ranked.
AssessmentResult result_of(const AssessmentRun& run,
                           const std::map<std::int64_t, std::map<std::string, ManualFigure>>& figures,
                           const std::map<std::int64_t, Adjustment>& adjustments);

// "邵阳市人民政府2025年度政务公开绩效考核结果"
std::string assessment_title(const std::string& government, int year);

}  // namespace zwgk::domain
