// See budget_service.hpp.
#include "modules/yjs/service/budget_service.hpp"

#include <algorithm>

#include "domain/china_time.hpp"
#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "store/department_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::yjs {

domain::Date BudgetService::today() const { return domain::china_date_of_unix(clock_()); }

BudgetMatrix BudgetService::matrix(std::int64_t site_id, int year, const std::string& government_name) {
  BudgetMatrix m;
  m.year = year;
  const auto now = today();
  store::BudgetRepository repo(db_);
  const auto cells = repo.of_year(site_id, year);
  m.years = repo.years(site_id);
  if (std::find(m.years.begin(), m.years.end(), year) == m.years.end()) m.years.push_back(year);
  std::sort(m.years.rbegin(), m.years.rend());
  auto row_of = [&](std::optional<std::int64_t> dep, std::string unit) {
    MatrixRow r;
    r.department_id = dep;
    r.unit = std::move(unit);
    const bool government = !dep;
    for (auto kind : domain::budget_kinds(false)) {
      MatrixCell c;
      c.kind = kind;
      c.label = domain::budget_kind_label(kind, government);
      const auto kinds = domain::budget_kinds(government);
      c.applies = std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
      for (const auto& stored : cells) {
        if (stored.department_id != dep || stored.kind != kind) continue;
        c.approved_on = stored.approved_on;
        if (stored.document_published) {
          c.document_id = stored.document_id;
          c.document_title = stored.document_title;
          c.published_on = stored.published_on;
        }
      }
      c.status = domain::disclosure_status(c.approved_on, c.published_on, now);
      if (c.applies) {
        switch (c.status.state) {
          case domain::DisclosureState::OnTime:
          case domain::DisclosureState::Late: ++m.published; break;
          case domain::DisclosureState::Overdue: ++m.overdue; break;
          case domain::DisclosureState::Due: ++m.due; break;
          case domain::DisclosureState::AwaitingApproval: ++m.awaiting; break;
        }
      }
      r.cells.push_back(std::move(c));
    }
    return r;
  };
  m.rows.push_back(row_of(std::nullopt, government_name));
  for (const auto& d : store::DepartmentRepository(db_).by_site(site_id)) m.rows.push_back(row_of(d.id, d.name));
  return m;
}

void BudgetService::record(const domain::Caller& caller, const CellInput& in) {
  const auto site = caller.account.site_id;
  store::UnitOfWork unit(db_);
  std::vector<std::string> problems;
  if (in.department_id) {
    auto dep = store::DepartmentRepository(db_).by_id(*in.department_id);
    if (!dep || dep->site_id != site) throw domain::Invalid({"单位不是本网站的部门"});
  }
  if (auto r = domain::permission_refusal(caller.account, "yjs.manage", {site, in.department_id}))
    throw domain::Forbidden(*r);
  const auto kind = domain::budget_kind_from(in.kind);
  if (!kind) problems.push_back("请选择公开类别：预算、决算或三公经费");
  std::optional<domain::Date> approved;
  if (!in.approved_on.empty()) {
    approved = domain::Date::parse(in.approved_on);
    if (!approved) problems.push_back("批复日期“" + in.approved_on + "”无法识别，请按“2026-02-01”的格式填写");
  }
  if (kind) {
    auto more = domain::budget_cell_problems(in.year, *kind, !in.department_id, approved, today());
    problems.insert(problems.end(), more.begin(), more.end());
  }
  store::BudgetCell cell;
  if (!in.document_id.empty()) {
    std::int64_t id = 0;
    const bool digits = in.document_id.size() <= 12 &&
                        std::all_of(in.document_id.begin(), in.document_id.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (digits) id = std::stoll(in.document_id);
    if (!digits || id <= 0 || !store::BudgetRepository(db_).document_of_site(site, id))
      problems.push_back("本网站没有编号为“" + in.document_id + "”的文件");
    else
      cell.document_id = id;
  }
  if (!problems.empty()) throw domain::Invalid(std::move(problems));
  cell.site_id = site;
  cell.department_id = in.department_id;
  cell.year = in.year;
  cell.kind = *kind;
  cell.approved_on = approved;
  store::BudgetRepository(db_).save(cell, clock_(), caller.name);
  if (caller.audit)
    caller.audit({"yjs.record", "budget_disclosure",
                  std::to_string(in.department_id.value_or(0)) + ":" + std::to_string(in.year) + ":" + in.kind,
                  "approved_on=" + in.approved_on + " document_id=" + in.document_id});
  unit.commit();
}

}  // namespace zwgk::modules::yjs
