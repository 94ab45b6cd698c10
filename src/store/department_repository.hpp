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
  // The department a use case names (a form's select by id, a script by name), which must be
  // one of `site_id`'s: throws domain::Invalid ("本网站没有这个部门…") for another site's or an
  // unknown one; nullopt when neither is given (the caller's rule words that).
  std::optional<domain::Department> of_site(std::int64_t site_id, std::optional<std::int64_t> id,
                                            const std::string& name);
  // Used by import: returns the existing department of that name or creates it.
  domain::Department find_or_create(std::int64_t site_id, const std::string& name);
 private:
  Database& db_;
};

}  // namespace zwgk::store
