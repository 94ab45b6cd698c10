// The assessment's views: see assessment_views.hpp.
#include "modules/jxkh/web/assessment_views.hpp"

#include "modules/jxkh/domain/points.hpp"

namespace zwgk::web {

std::string signed_points(int tenths) {
  return (tenths > 0 ? "+" : "") + domain::format_points(tenths);
}

std::string weight_sentence(const domain::IndicatorSet& set) {
  const auto w = domain::format_points(set.weight);
  return "政务公开在政府绩效考核中所占分值权重为" + w + "%（不低于3%，《2017年邵阳市政务公开工作要点》六（八）），"
         "折合绩效考核分 = 最终得分 × " + w + "%";
}

View unit_row_view(const domain::AssessmentResult& r, const domain::UnitScore& u, const std::string& url) {
  View v{View::type::object};
  v.set("rank", std::to_string(u.rank));
  v.set("name", u.name);
  v.set("url", url);
  v.set("total", domain::format_points(u.total));
  v.set("deducted", domain::format_points(u.deducted()));
  if (u.adjustment && u.adjustment->points != 0) v.set("adjustment", signed_points(u.adjustment->points));
  v.set("final", domain::format_points(u.final_points()));
  v.set("weighted", domain::format_hundredths(domain::weighted_hundredths(u.final_points(), r.set.weight)));
  int findings = 0;
  for (const auto& i : u.results) findings += i.deducted > 0 ? 1 : 0;
  v.set("deductions", std::to_string(findings));
  if (u.pending() > 0) v.set("pending", std::to_string(u.pending()));
  return v;
}

View unit_detail_view(const domain::AssessmentResult& r, const domain::UnitScore& u, bool with_evidence) {
  View groups{View::type::list};
  auto leaf_view = [&](const domain::IndicatorResult& i) {
    View o{View::type::object};
    o.set("code", i.code);
    o.set("name", i.name);
    o.set("points", domain::format_points(i.points));
    o.set("score", domain::format_points(i.score()));
    o.set("deducted", domain::format_points(i.deducted));
    o.set("has_deduction", i.deducted > 0);
    o.set("rule", i.rule);
    o.set("summary", i.summary);
    o.set("sentence", domain::deduction_sentence(i));
    o.set("pending", i.pending);
    o.set("manual", i.source == domain::kManualSource);
    if (const auto* s = domain::find_fact_source(i.source)) o.set("query", std::string(s->query));
    View evidence{View::type::list};
    if (with_evidence)
      for (const auto& e : i.evidence) {
        View row{View::type::object};
        row.set("subject", e.subject);
        row.set("detail", e.detail);
        if (!e.url.empty()) row.set("url", e.url);
        evidence.push_back(row);
      }
    o.set("has_evidence", evidence.is_non_empty_list());
    o.set("evidence", evidence);
    return o;
  };
  for (const auto& g : r.set.indicators) {
    if (!g.parent.empty()) continue;
    View group{View::type::object};
    View items{View::type::list};
    int points = 0, score = 0;
    for (const auto& i : u.results)
      if (i.parent == g.code || (i.parent.empty() && i.code == g.code)) {
        items.push_back(leaf_view(i));
        points += i.points;
        score += i.score();
      }
    group.set("name", g.name);
    group.set("points", domain::format_points(points));
    group.set("score", domain::format_points(score));
    group.set("items", items);
    groups.push_back(group);
  }
  View v{View::type::object};
  v.set("groups", groups);
  v.set("name", u.name);
  v.set("rank", std::to_string(u.rank));
  v.set("full", domain::format_points(u.full));
  v.set("total", domain::format_points(u.total));
  v.set("final", domain::format_points(u.final_points()));
  v.set("weighted", domain::format_hundredths(domain::weighted_hundredths(u.final_points(), r.set.weight)));
  if (u.adjustment && u.adjustment->points != 0) {
    v.set("adjustment", signed_points(u.adjustment->points));
    v.set("adjustment_reason", u.adjustment->reason);
  }
  View deductions{View::type::list};
  for (const auto& i : u.results)
    if (i.deducted > 0) deductions.push_back(View(domain::deduction_sentence(i)));
  v.set("deduction_sentences", deductions);
  v.set("has_deductions", deductions.is_non_empty_list());
  return v;
}

Table assessment_table(const domain::AssessmentResult& r, const std::function<bool(const domain::UnitScore&)>& visible) {
  Table t;
  t.header = {"排名", "单位"};
  for (const auto* i : r.set.leaves()) t.header.push_back(i->name + "（" + domain::format_points(i->points) + "分）");
  const std::string weight = domain::format_points(r.set.weight);
  for (const char* h : {"计算得分", "调整", "调整理由", "最终得分"}) t.header.emplace_back(h);
  t.header.push_back("折合绩效考核分（权重" + weight + "%）");
  t.header.emplace_back("扣分说明");
  auto number = [](int tenths) -> TableCell { return static_cast<double>(tenths) / 10.0; };
  for (const auto& u : r.units) {
    if (!visible(u)) continue;
    std::vector<TableCell> row = {static_cast<std::int64_t>(u.rank), u.name};
    for (const auto& i : u.results) row.push_back(number(i.score()));
    row.push_back(number(u.total));
    row.push_back(number(u.adjustment ? u.adjustment->points : 0));
    row.emplace_back(u.adjustment ? u.adjustment->reason : std::string());
    row.push_back(number(u.final_points()));
    row.emplace_back(static_cast<double>(domain::weighted_hundredths(u.final_points(), r.set.weight)) / 100.0);
    std::string why;
    for (const auto& i : u.results)
      if (i.deducted > 0) why += (why.empty() ? "" : "；") + domain::deduction_sentence(i);
    row.emplace_back(why.empty() ? std::string("无扣分") : why);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace zwgk::web
