#pragma once
// Report -> Mustache view, shared by the dashboard, the print view and the overview.
#include "modules/zcjc/service/inspection_service.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// `evidence_limit`: rows per check shown (0 = all; the rest counted in more_count).
View inspection_report_view(const modules::zcjc::InspectionReport& report, std::size_t evidence_limit);
// The last runs as a bar chart of 单项否决 / 预警 counts per day (oldest left).
std::string inspection_history_chart(const std::vector<store::InspectionRun>& runs);

}  // namespace zwgk::web
