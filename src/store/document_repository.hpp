#pragma once
#include <functional>
#include <map>
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
  bool published_only = true;                 // state = published (legacy records included)
  std::optional<domain::DocumentState> state; // when !published_only: only this state (admin lists)
  std::string updated_since;                  // ISO timestamp: updated_at >= this; "" = any
  std::string title_contains;                 // substring of the title; "" = any
  // 高级检索 (the 信息公开 portal): "" / nullopt = any.
  std::string index_number_contains;          // substring of the 索引号
  std::string doc_number_contains;            // substring of the 文号 (compare normalised: domain/doc_number.hpp)
  std::string topic;                          // 主题分类, exactly
  std::optional<domain::Date> published_from; // 发文日期 >= this
  std::optional<domain::Date> published_to;   // 发文日期 <= this
  domain::Date today = domain::Date::today();
  int page = 1;                               // 1-based
  int per_page = 20;                          // 0 = count only (items empty)
};
// Order of DocumentPage::items: published_on desc (nulls last), then id desc.

// Keyset scan in id order, for export, sitemaps, search indexing and sync.
struct DocumentScan {
  std::int64_t site_id = 0;       // 0 = every site
  std::int64_t after_id = 0;      // only ids greater than this
  int limit = 500;
  bool published_only = false;    // false: every state (export)
  std::string updated_since;      // ISO timestamp: updated_at >= this; "" = any
  bool with_body = true;          // body_html and attachments loaded
};

// 上一篇 / 下一篇 of a document page: the published documents of the same column (公开目录
// node, not its descendants) just before and just after it in publication order (发文日期,
// then id). A document without a 发文日期 has neither (document_neighbours.cpp).
struct DocumentLink {
  std::int64_t id = 0;
  std::string title;
};
struct DocumentNeighbours {
  std::optional<DocumentLink> previous;  // 上一篇: published just before (older)
  std::optional<DocumentLink> next;      // 下一篇: published just after (newer)
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
  // The same for one column and its descendants (what its listing can show), one grouped query.
  std::vector<int> years(std::int64_t site_id, std::int64_t catalogue_id);
  // The 主题分类 values the site's published documents have, in order, for the 高级检索.
  std::vector<std::string> topics(std::int64_t site_id);
  // 上一篇 / 下一篇 of `doc` (two LIMIT 1 reads on documents_catalogue_list).
  DocumentNeighbours neighbours(const domain::Document& doc);
  // Published interpretations that explain document `id` (newest first, without body).
  std::vector<domain::Document> interpretations_of(std::int64_t id);
  std::optional<domain::Document> by_index_number(std::int64_t site_id, const std::string& index_number);

  // Documents with id > scan.after_id in id order, at most scan.limit.
  std::vector<domain::Document> scan(const DocumentScan& scan);
  // Every document matching `scan` (from after_id on), in id order, fetched in batches of
  // scan.limit; no connection is held while fn runs, so fn may use the repositories.
  void for_each(DocumentScan scan, const std::function<void(const domain::Document&)>& fn);
  // Every document of a site, all states, with body and attachments (export).
  void for_each(std::int64_t site_id, const std::function<void(const domain::Document&)>& fn);
  // Published documents per catalogue node id; with include_descendants a node also counts
  // the documents of its subtree (what a listing with descendants shows).
  std::map<std::int64_t, std::int64_t> count_by_catalogue(std::int64_t site_id, bool include_descendants = false);
  // Published documents per department id.
  std::map<std::int64_t, std::int64_t> count_by_department(std::int64_t site_id);

  // Inserts (id == 0) or updates a document and its attachment list, in one transaction.
  // Never changes an existing index_number (a given one is stored only while the stored one
  // is empty, e.g. an imported record's own 索引号). State and timestamps are the store's:
  // an insert is a draft, an update keeps the state (publish()/withdraw() change it);
  // first_published_at is taken from `doc` only on insert (an import's original date). site_id of an existing document never changes. Attachments are stored in
  // vector order (position = index); ones with a known id keep it. Returns the id.
  std::int64_t save(domain::Document doc);

  // Publishes: checks required metadata (domain::ValidationError if missing, unless
  // legacy), assigns the 索引号 on first publication using the site's template and the
  // department's code (unique per site, safe under concurrency), sets state=published.
  // A legacy record that lacks what an index number needs is published without one.
  // NotFound if there is no such document.
  domain::Document publish(std::int64_t id);
  void withdraw(std::int64_t id);

 private:
  Database& db_;
};

}  // namespace zwgk::store
