// See consultation_views.hpp.
#include "modules/yjzj/web/consultation_views.hpp"

#include "web/svg_chart.hpp"

namespace zwgk::web {

std::string period_line(const store::StoredConsultation& c, const domain::PeriodCheck& period) {
  return c.draft.starts_on->iso() + " 至 " + c.draft.ends_on->iso() + "（" + period.length_text() + "）";
}

std::string survey_chart(const domain::SurveyTally& t) {
  ChartData d;
  d.title = t.question.text;
  d.description = domain::to_label(t.question.kind) + "题，共" + std::to_string(t.responses) + "人作答";
  d.categories = t.question.options;
  ChartSeries s;
  s.name = "人数";
  for (int n : t.counts) s.values.push_back(static_cast<double>(n));
  d.series.push_back(std::move(s));
  d.y_label = "单位：人";
  return bar_chart_svg(d);
}

}  // namespace zwgk::web
