// See proposal_views.hpp.
#include "modules/jyta/web/proposal_views.hpp"

#include "modules/jyta/store/proposal_repository.hpp"

namespace zwgk::web {

ProposalFigures proposal_figures(store::Database& db, std::int64_t site_id, std::optional<int> year, domain::Date today) {
  store::ProposalRepository repo(db);
  ProposalFigures f;
  f.year = year.value_or(0);
  if (!f.year) {
    const auto years = repo.years(site_id);
    f.year = years.empty() ? today.year() : years.front();
  }
  f.statistics = domain::compute_proposal_statistics(repo.of_year(site_id, f.year), today);
  return f;
}

View proposal_summary_view(const domain::Proposal& p, const std::string& url, domain::Date today) {
  View v{View::type::object};
  v.set("id", std::to_string(p.id));
  v.set("url", url);
  v.set("title", p.title);
  v.set("kind", domain::to_label(p.kind));
  v.set("number", domain::number_label(p.kind, p.number));
  v.set("session", p.session_label());
  v.set("lead", p.lead);
  v.set("co_signers", p.co_signers.empty() ? View(false) : View(p.co_signers));
  v.set("main_department", p.main_department);
  v.set("co_departments", p.co_departments.empty() ? View(false) : View(p.co_departments));
  v.set("assigned_on", p.assigned_on.iso());
  v.set("due_on", p.due_on.iso());
  v.set("answered_on", p.answered_on ? View(p.answered_on->iso()) : View(false));
  v.set("result_class", p.answered() && p.result_class ? View(domain::to_label(*p.result_class)) : View(false));
  v.set("class_code", p.answered() && p.result_class ? View(domain::to_code(*p.result_class)) : View(false));
  v.set("satisfaction", p.satisfaction ? View(domain::to_label(*p.satisfaction)) : View(false));
  v.set("publication", p.answered() ? View(domain::to_label(p.publication)) : View(false));
  v.set("overdue", domain::is_overdue(p, today));
  v.set("state", std::string(p.answered() ? (domain::answered_on_time(p) ? "已答复" : "已答复（超期）")
                                          : domain::is_overdue(p, today) ? "超期未答复" : "办理中"));
  return v;
}

Table proposal_statistics_table(const domain::ProposalStatistics& s) {
  Table t;
  t.header = {"主办单位", "收到", "已答复", "按期答复", "超期未答复", "已公开", "A类", "B类", "C类"};
  auto row = [](const domain::UnitStatistics& u) {
    return std::vector<TableCell>{u.unit, std::int64_t{u.received}, std::int64_t{u.answered}, std::int64_t{u.answered_on_time},
                                  std::int64_t{u.overdue}, std::int64_t{u.published}, std::int64_t{u.a},
                                  std::int64_t{u.b}, std::int64_t{u.c}};
  };
  for (const auto& u : s.units) t.rows.push_back(row(u));
  t.rows.push_back(row(s.total));
  return t;
}

ChartData proposal_class_chart(const domain::ProposalStatistics& s, int year) {
  ChartData d;
  d.title = (year ? std::to_string(year) + "年" : std::string()) + "建议提案办理结果分类（按主办单位）";
  d.description = "各主办单位答复的建议提案中A、B、C类的件数。";
  d.y_label = "单位：件";
  ChartSeries a{"A类", {}}, b{"B类", {}}, c{"C类", {}};
  for (const auto& u : s.units) {
    d.categories.push_back(u.unit);
    a.values.push_back(u.a);
    b.values.push_back(u.b);
    c.values.push_back(u.c);
  }
  d.series = {a, b, c};
  return d;
}

}  // namespace zwgk::web
