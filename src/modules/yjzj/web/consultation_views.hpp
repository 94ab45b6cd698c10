#pragma once
// Texts the public pages and the console both show of a consultation.
#include <string>

#include "modules/yjzj/service/consultation_service.hpp"

namespace zwgk::web {

// "2026-12-01 至 2026-12-31（30日）".
std::string period_line(const store::StoredConsultation& c, const domain::PeriodCheck& period);
// The questionnaire's results, one bar chart per choice question (web/svg_chart).
std::string survey_chart(const domain::SurveyTally& t);

}  // namespace zwgk::web
