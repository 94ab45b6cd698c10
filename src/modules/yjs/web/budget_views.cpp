// See budget_views.hpp.
#include "modules/yjs/web/budget_views.hpp"

namespace zwgk::web {

View budget_matrix_view(const modules::yjs::BudgetMatrix& m, const std::function<std::string(std::int64_t)>& document_url) {
  View v{View::type::object};
  View heads{View::type::list};
  for (const char* head : {"预算", "决算", "三公经费"}) heads.push_back(View(std::string(head)));
  v.set("heads", heads);
  View rows{View::type::list};
  for (const auto& r : m.rows) {
    View row{View::type::object};
    row.set("unit", r.unit);
    row.set("government", !r.department_id);
    row.set("department_id", r.department_id ? std::to_string(*r.department_id) : std::string());
    View cells{View::type::list};
    for (const auto& c : r.cells) {
      View cell{View::type::object};
      cell.set("applies", c.applies);
      cell.set("label", c.label);
      cell.set("kind", domain::to_code(c.kind));
      cell.set("state", domain::to_code(c.status.state));
      cell.set("state_label", domain::to_label(c.status.state));
      cell.set("text", c.status.text().empty() ? View(false) : View(c.status.text()));
      cell.set("approved_on", c.approved_on ? View(c.approved_on->iso()) : View(false));
      cell.set("published_on", c.published_on ? View(c.published_on->iso()) : View(false));
      cell.set("document_url", c.document_id ? View(document_url(*c.document_id)) : View(false));
      cell.set("document_title", c.document_title);
      cells.push_back(cell);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  v.set("rows", rows);
  v.set("year", std::to_string(m.year));
  v.set("published", std::to_string(m.published));
  v.set("overdue", std::to_string(m.overdue));
  v.set("has_overdue", m.overdue > 0);
  v.set("due", std::to_string(m.due));
  v.set("awaiting", std::to_string(m.awaiting));
  return v;
}

}  // namespace zwgk::web
