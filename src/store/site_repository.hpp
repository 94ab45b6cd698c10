#pragma once
#include <optional>
#include <vector>

#include "domain/site.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class SiteRepository {
 public:
  explicit SiteRepository(Database& db) : db_(db) {}
  std::vector<domain::Site> all();                       // ordered by id
  std::optional<domain::Site> by_id(std::int64_t id);
  std::optional<domain::Site> by_code(const std::string& code);
  // Inserts when site.id == 0, else updates; returns the stored site. Invalidates site:<id>.
  domain::Site save(domain::Site site);
 private:
  Database& db_;
};

}  // namespace zwgk::store
