#pragma once
// 预决算公开, the use cases: the matrix of a year (the public column and the console read
// the same), and filing a cell (yjs.manage on its department, or on the site for the
// government's own), in one transaction with its audit entry (yjs.record).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/caller.hpp"
#include "domain/clock.hpp"
#include "modules/yjs/domain/budget_disclosure.hpp"
#include "modules/yjs/store/budget_repository.hpp"
#include "store/database.hpp"

namespace zwgk::modules::yjs {

struct MatrixCell {
  domain::BudgetKind kind = domain::BudgetKind::Budget;
  std::string label;  // 部门预算 ...
  bool applies = true;  // false: 三公经费 on the government's row
  std::optional<domain::Date> approved_on;
  std::optional<std::int64_t> document_id;  // set only when the document is published
  std::string document_title;
  std::optional<domain::Date> published_on;
  domain::DisclosureStatus status;
};

struct MatrixRow {
  std::optional<std::int64_t> department_id;  // nullopt: 本级政府
  std::string unit;
  std::vector<MatrixCell> cells;  // in budget_kinds(false) order
};

struct BudgetMatrix {
  int year = 0;
  std::vector<MatrixRow> rows;  // the government first, then the departments by name
  int published = 0, overdue = 0, due = 0, awaiting = 0;
  std::vector<int> years;  // the years with rows, and this one, newest first
};

struct CellInput {
  std::optional<std::int64_t> department_id;
  int year = 0;
  std::string kind;         // a BudgetKind code
  std::string approved_on;  // "2026-02-01" or ""
  std::string document_id;  // a document number of the site, or ""
};

class BudgetService {
 public:
  BudgetService(store::Database& db, domain::UnixClock clock = domain::system_unix_seconds)
      : db_(db), clock_(std::move(clock)) {}

  domain::Date today() const;
  // `government_name`: how the government's row is called (the site's name).
  BudgetMatrix matrix(std::int64_t site_id, int year, const std::string& government_name);
  // Invalid with every problem; Forbidden outside the caller's department; the document must
  // be the site's (it may still be in the workflow: the cell counts once it is published).
  void record(const domain::Caller& caller, const CellInput& input);

 private:
  store::Database& db_;
  domain::UnixClock clock_;
};

}  // namespace zwgk::modules::yjs
