#pragma once
// What the public pages and the console both show of a record and of the statistics.
#include <optional>
#include <string>

#include "modules/jyta/domain/proposal.hpp"
#include "store/database.hpp"
#include "web/svg_chart.hpp"
#include "web/table_export.hpp"
#include "web/template_renderer.hpp"

namespace zwgk::web {

// Title, number, session, lead, co-signers, units, dates, 类别 (official label), satisfaction.
View proposal_summary_view(const domain::Proposal& p, const std::string& url, domain::Date today);
// The statistics of one year as the public statistics page and the API show them: `year`, or
// when absent the latest year with items (this year if none).
struct ProposalFigures {
  int year = 0;
  domain::ProposalStatistics statistics;
};
ProposalFigures proposal_figures(store::Database& db, std::int64_t site_id, std::optional<int> year, domain::Date today);
// The statistics as a table (单位, 收到, 已答复, 按期答复, 超期未答复, 已公开, A类, B类, C类).
Table proposal_statistics_table(const domain::ProposalStatistics& s);
// A/B/C per unit as a grouped bar chart.
ChartData proposal_class_chart(const domain::ProposalStatistics& s, int year);

}  // namespace zwgk::web
