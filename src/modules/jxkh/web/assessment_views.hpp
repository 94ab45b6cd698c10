#pragma once
// What the console and the portal show of a year's assessment: the ranking table, one unit's
// indicators grouped under their 一级指标 with each deduction and its evidence, the .xlsx of
// the ranking (web/table_export.hpp) with each unit's deductions in words.
#include <functional>
#include <string>

#include "modules/jxkh/domain/assessment_run.hpp"
#include "web/table_export.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// "95", "+2", "-1.5".
std::string signed_points(int tenths);

// One row of the ranking: rank, name, total, adjustment, final, weighted, deduction count.
View unit_row_view(const domain::AssessmentResult& r, const domain::UnitScore& u, const std::string& url);
// One unit's indicators under their 一级指标, each with its deduction, summary and evidence
// (with_evidence false: the portal, which shows the deductions in words only).
View unit_detail_view(const domain::AssessmentResult& r, const domain::UnitScore& u, bool with_evidence);
// "政务公开在绩效考核中的权重为3%，折合绩效考核分 = 得分 × 3%".
std::string weight_sentence(const domain::IndicatorSet& set);

// The ranking as a spreadsheet: one row per unit the reader may see (`visible`), a column per
// scored indicator, the adjustment and its reason, the final and weighted scores, and the
// deductions in words.
Table assessment_table(const domain::AssessmentResult& r, const std::function<bool(const domain::UnitScore&)>& visible);

}  // namespace zwgk::web
