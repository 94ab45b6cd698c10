#pragma once
// 情况说明 rows (migrations/*/0019_consultation_statements.sql): one per unit and period.
// Every write notifies consultations:<site> (the public list shows them).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/yjzj/domain/consultation_statement.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct ConsultationStatement {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> department_id;  // nullopt: the site's government itself
  std::string unit;                           // the department's name, or "" for the site
  domain::StatementPeriod period;
  std::string text;
  std::int64_t published_at = 0;
  std::string published_by;
};

class ConsultationStatementRepository {
 public:
  explicit ConsultationStatementRepository(Database& db) : db_(db) {}

  // StoreError on a second statement of the same unit and period (the unique index).
  std::int64_t add(const ConsultationStatement& s);
  std::optional<ConsultationStatement> find(std::int64_t id);
  // The site's statements, latest period first.
  std::vector<ConsultationStatement> of_site(std::int64_t site_id);
  bool exists(std::int64_t site_id, std::optional<std::int64_t> department_id, domain::StatementPeriod p);
  void remove(const ConsultationStatement& s);

 private:
  Database& db_;
};

}  // namespace zwgk::store
