#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/document.hpp"
#include "store/database.hpp"

namespace zwgk::store {

struct DocumentQuery {
  std::int64_t site_id = 0;
  std::optional<std::int64_t> catalogue_id;   // includes the node's descendants
  std::optional<std::int64_t> department_id;
  std::optional<int> year;                    // of 发文日期
  std::optional<domain::Validity> validity;   // derived with `today`
  std::optional<domain::DocumentKind> kind;
  bool published_only = true;                 // published and not legacy-incomplete
  domain::Date today = domain::Date::today();
  int page = 1;                               // 1-based
  int per_page = 20;
};

struct DocumentPage {
  std::int64_t total = 0;
  std::vector<domain::Document> items;        // without body_html and attachments
};

class DocumentRepository {
 public:
  explicit DocumentRepository(Database& db) : db_(db) {}

  std::optional<domain::Document> by_id(std::int64_t id);  // with attachments
  std::optional<domain::Document> by_external_id(std::int64_t site_id, const std::string& external_id);
  DocumentPage list(const DocumentQuery& q);
  // Years that have published documents in a site (newest first), for filters.
  std::vector<int> years(std::int64_t site_id);
  // Published interpretations that explain document `id`.
  std::vector<domain::Document> interpretations_of(std::int64_t id);

  // Inserts (id == 0) or updates a document and its attachment list, in one transaction.
  // Never changes an existing index_number. Returns the id.
  std::int64_t save(domain::Document doc);

  // Publishes: checks required metadata (domain::ValidationError if missing, unless
  // legacy), assigns the 索引号 on first publication using the site's template and the
  // department's code (unique per site, safe under concurrency), sets state=published.
  domain::Document publish(std::int64_t id);
  void withdraw(std::int64_t id);

 private:
  Database& db_;
};

}  // namespace zwgk::store
