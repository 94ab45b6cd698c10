#pragma once
// 标准目录 rows (migrations/*/0022_standard_catalogue.sql) and what the status of an item is
// computed from: the documents of its 公开目录 column and the published versions of the site's
// lists of its 清单 type. Every write notifies standard_catalogues:<site>.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/bzml/domain/catalogue_item.hpp"
#include "modules/bzml/domain/catalogue_item_status.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct StandardCatalogue {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string code;      // caizheng-yujuesuan
  std::string field;     // 财政预决算
  std::string ministry;  // 财政部
  std::string source;
  std::string imported_at;  // UTC ISO
  std::string imported_by;
  int items = 0;
};

struct StoredCatalogueItem {
  std::int64_t id = 0;
  std::int64_t catalogue_id = 0;
  domain::CatalogueItem item;
  std::optional<std::int64_t> node_id;  // 公开目录 column
  std::string node_code, node_name;
  std::string list_type;  // 清单 type code, or ""
};

// A published list of a type (where an item mapped to the type links to).
struct CatalogueListLink {
  std::int64_t id = 0;
  std::string title;
};

class StandardCatalogueRepository {
 public:
  explicit StandardCatalogueRepository(Database& db) : db_(db) {}

  std::vector<StandardCatalogue> of_site(std::int64_t site_id);
  std::optional<StandardCatalogue> find(std::int64_t site_id, const std::string& code);
  std::vector<StoredCatalogueItem> items(std::int64_t catalogue_id);
  std::optional<StoredCatalogueItem> item(std::int64_t item_id);
  // Inserts the catalogue or replaces its items; an item whose 一级事项 and 二级事项 were
  // there before keeps its column and list type; the others get `default_node` (the 领域's
  // own column). Returns the catalogue's id.
  std::int64_t replace(const StandardCatalogue& catalogue, const std::vector<domain::CatalogueItem>& items,
                       std::optional<std::int64_t> default_node, std::int64_t now);
  void map_item(std::int64_t site_id, std::int64_t item_id, std::optional<std::int64_t> node_id,
                const std::string& list_type);

  // The column's documents that are not withdrawn (成文日期, 发布日期 when published).
  std::vector<domain::PublicationRecord> node_records(std::int64_t node_id);
  // The published versions of the site's lists of the type (施行日期, publication day).
  std::vector<domain::PublicationRecord> list_records(std::int64_t site_id, const std::string& type_code);
  std::vector<CatalogueListLink> published_lists(std::int64_t site_id, const std::string& type_code);

 private:
  Database& db_;
};

}  // namespace zwgk::store
