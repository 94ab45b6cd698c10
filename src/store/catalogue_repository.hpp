#pragma once
#include <optional>
#include <vector>

#include "domain/catalogue.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class CatalogueRepository {
 public:
  explicit CatalogueRepository(Database& db) : db_(db) {}
  // The whole tree of a site, parents before children, siblings by position.
  std::vector<domain::CatalogueNode> tree(std::int64_t site_id);
  std::optional<domain::CatalogueNode> by_id(std::int64_t id);
  std::optional<domain::CatalogueNode> by_code(std::int64_t site_id, const std::string& code);
  std::optional<domain::CatalogueNode> by_name(std::int64_t site_id, const std::string& name);
  // Creates the default tree (domain::default_catalogue()) for a site; existing codes are
  // kept as they are (names, places), missing ones are appended under their parent.
  void ensure_default(std::int64_t site_id);
  // Adds a node at the end of its siblings (node.position is ignored; use move() to place
  // it); its code must be new within the site (StoreError otherwise); an invalid code or
  // empty name is a domain::ValidationError. Returns the stored node.
  domain::CatalogueNode add(domain::CatalogueNode node);
  void rename(std::int64_t id, const std::string& name);
  // Moves a node under parent (nullopt = root) at position; siblings are renumbered.
  void move(std::int64_t id, std::optional<std::int64_t> parent_id, int position);
 private:
  Database& db_;
};

}  // namespace zwgk::store
