#pragma once
#include <optional>
#include <vector>

#include "domain/department.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class DepartmentRepository {
 public:
  explicit DepartmentRepository(Database& db) : db_(db) {}
  std::vector<domain::Department> by_site(std::int64_t site_id);  // ordered by name
  std::optional<domain::Department> by_id(std::int64_t id);
  std::optional<domain::Department> by_name(std::int64_t site_id, const std::string& name);
  domain::Department save(domain::Department dep);  // insert if id == 0, else update
  // Used by import: returns the existing department of that name or creates it.
  domain::Department find_or_create(std::int64_t site_id, const std::string& name);
 private:
  Database& db_;
};

}  // namespace zwgk::store
