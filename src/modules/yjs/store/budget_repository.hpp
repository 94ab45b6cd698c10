#pragma once
// 预决算 rows (migrations/*/0020_budget_disclosures.sql), each with its document's title,
// state and 发布日期. Every write notifies budgets:<site>.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "modules/yjs/domain/budget_disclosure.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct BudgetCell {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // nullopt: the government itself
  int year = 0;
  domain::BudgetKind kind = domain::BudgetKind::Budget;
  std::optional<domain::Date> approved_on;
  std::optional<std::int64_t> document_id;
  std::string document_title;
  bool document_published = false;
  std::optional<domain::Date> published_on;  // the document's 发布日期, when it is published
  std::string updated_by;
};

// A document a cell may point at.
struct BudgetDocument {
  std::int64_t id = 0;
  std::string title;
  bool published = false;
};

class BudgetRepository {
 public:
  explicit BudgetRepository(Database& db) : db_(db) {}

  std::vector<BudgetCell> of_year(std::int64_t site_id, int year);
  // The fiscal years that have any row, newest first.
  std::vector<int> years(std::int64_t site_id);
  // Inserts or replaces the unit's cell for (year, kind).
  void save(const BudgetCell& cell, std::int64_t now, const std::string& by);
  std::optional<BudgetDocument> document_of_site(std::int64_t site_id, std::int64_t document_id);

 private:
  Database& db_;
};

}  // namespace zwgk::store
