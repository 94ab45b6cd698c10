// See inspection_views.hpp.
#include "modules/zcjc/web/inspection_views.hpp"

#include <algorithm>

#include "web/console/page_helpers.hpp"
#include "web/svg_chart.hpp"

namespace zwgk::web {

View inspection_report_view(const modules::zcjc::InspectionReport& report, std::size_t evidence_limit) {
  View v{View::type::object};
  v.set("site_name", report.site.name);
  v.set("site_code", report.site.code);
  v.set("on", report.on.iso());
  v.set("on_chinese", report.on.chinese());
  v.set("ran_at", console::utc_to_china_display(report.ran_at));
  v.set("level", domain::to_code(report.level));
  v.set("level_label", domain::to_label(report.level));
  v.set("vetoes", std::to_string(report.vetoes));
  v.set("warnings", std::to_string(report.warnings));
  v.set("is_veto", report.level == domain::CheckLevel::Veto);
  View checks{View::type::list};
  for (const auto& r : report.results) {
    View c{View::type::object};
    c.set("code", r.code);
    c.set("name", r.name);
    c.set("indicator", r.indicator);
    c.set("rule", r.rule);
    c.set("summary", r.summary);
    c.set("level", r.checked ? domain::to_code(r.level) : std::string("unchecked"));
    c.set("level_label", r.checked ? domain::to_label(r.level) : std::string("未检查"));
    c.set("problem", r.checked && r.level != domain::CheckLevel::Normal);
    View ev{View::type::list};
    std::size_t n = 0;
    for (const auto& e : r.evidence) {
      if (evidence_limit && n >= evidence_limit) break;
      ++n;
      View row{View::type::object};
      row.set("subject", e.subject);
      row.set("detail", e.detail);
      if (!e.url.empty()) row.set("url", e.url);
      ev.push_back(row);
    }
    c.set("evidence", ev);
    c.set("has_evidence", n > 0);
    if (r.evidence.size() > n) c.set("more_count", std::to_string(r.evidence.size() - n));
    checks.push_back(c);
  }
  v.set("checks", checks);
  return v;
}

std::string inspection_history_chart(const std::vector<store::InspectionRun>& runs) {
  ChartData d;
  d.title = "近 " + std::to_string(runs.size()) + " 次自查结果";
  d.description = "每天单项否决和预警的检查项数。";
  d.y_label = "单位：项";
  ChartSeries vetoes{"单项否决", {}}, warnings{"预警", {}};
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    d.categories.push_back(it->run_on.iso().substr(5));
    vetoes.values.push_back(it->vetoes);
    warnings.values.push_back(it->warnings);
  }
  d.series = {vetoes, warnings};
  return bar_chart_svg(d);
}

}  // namespace zwgk::web
