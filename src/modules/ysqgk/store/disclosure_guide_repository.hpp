#pragma once
// The 依申请公开指南 contact data per site and department (table disclosure_guides).
#include <cstdint>
#include <optional>

#include "modules/ysqgk/domain/disclosure_guide.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class DisclosureGuideRepository {
 public:
  explicit DisclosureGuideRepository(Database& db) : db_(db) {}
  // The stored guide, or nullopt (the page then shows domain::default_guide).
  std::optional<domain::DisclosureGuide> find(std::int64_t site_id, std::int64_t department_id);
  // Insert or replace; invalidates the site's pages.
  void save(const domain::DisclosureGuide& guide);

 private:
  Database& db_;
};

}  // namespace zwgk::store
