#pragma once
// 站内搜索 over both databases (docs/adr/0006, 0007). Search entries exist only for
// published documents; DocumentRepository::save/publish/withdraw keep them current in the
// same transaction. Query text is never syntax: it is normalised and tokenised by
// search/tokenizer.hpp and bound or quoted as literals.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/document.hpp"
#include "store/database.hpp"

namespace zwgk::store {

enum class SearchType { Document, Interpretation, Attachment };  // 文件 / 政策解读 / 附件
std::string to_code(SearchType);                                 // "document" | ...
std::optional<SearchType> search_type_from(std::string_view code);

// Matches are counted exactly up to kSearchCountCap. Beyond it (a common query: "的",
// "管理") the search switches regime (search_index.cpp, docs/adr/0007):
//   total = kSearchCountCap and total_capped = true (shown as "超过 10000 条");
//   facets count the newest kSearchCountCap matches only (facets_approximate, shown "约");
//   relevance order = matches in title or 文号 first (up to kSearchTitleCap, by BM25; when
//   the query is in more than kSearchTitleRankCap titles, the newest kSearchTitleCap of them),
//   then every other match newest first; results end at kSearchCountCap.
// Within the cap, relevance order is full BM25 (SQLite) or the title/文号 score (PostgreSQL)
// over every match.
inline constexpr std::int64_t kSearchCountCap = 10000;
inline constexpr std::int64_t kSearchTitleCap = 200;
inline constexpr std::int64_t kSearchTitleRankCap = 1000;

struct SearchQuery {
  std::string text;                            // what the user typed
  std::int64_t site_id = 0;                    // 0 = every site
  std::optional<std::int64_t> catalogue_id;    // with descendants
  std::optional<std::int64_t> department_id;
  std::optional<int> year;                     // of 发文日期
  std::optional<domain::DisclosureForm> disclosure;
  std::optional<domain::Validity> validity;
  std::optional<SearchType> type;
  bool sort_by_date = false;                   // default: relevance
  domain::Date today = domain::Date::today();
  int page = 1;
  int per_page = 20;                           // 1..100
  bool with_facets = true;
  std::int64_t count_cap = kSearchCountCap;   // tests lower it to see the capped regime
  std::int64_t title_rank_cap = kSearchTitleRankCap;  // and this one
};

struct SearchHit {
  std::int64_t document_id = 0;
  std::int64_t site_id = 0;
  std::optional<std::int64_t> attachment_id;
  SearchType type = SearchType::Document;
  std::string title;           // original text
  std::string title_html;      // escaped, terms in <em>
  std::string doc_number;
  std::string attachment_name; // type Attachment
  std::optional<domain::Date> published_on;
  std::string snippet_html;    // escaped, terms in <em>
};

// Each facet counts the matches of the query with every filter applied except its own, so
// the other values of a filtered facet stay visible and selectable.
struct SearchFacets {
  std::map<std::string, std::int64_t> types;              // "document" -> n
  std::map<int, std::int64_t> years;
  std::map<std::int64_t, std::int64_t> departments;       // department id -> n
  std::map<std::int64_t, std::int64_t> catalogues;        // catalogue node id (direct) -> n
  std::map<std::int64_t, std::int64_t> sites;             // site id -> n
};

struct SearchResult {
  bool empty_query = false;     // nothing searchable in the text: ask for a query
  std::vector<std::string> terms;  // normalised terms, for highlighting
  std::int64_t total = 0;
  bool total_capped = false;       // total is kSearchCountCap; there are more
  bool facets_approximate = false; // facets count a sample of the newest matches
  std::vector<SearchHit> items;
  SearchFacets facets;
};

class SearchBackend;  // search_backend.hpp (private to src/store): the database's dialect

class SearchIndex {
 public:
  // Chooses the dialect once, from db.backend().
  explicit SearchIndex(Database& db);

  // domain::ValidationError for a query over 200 characters.
  SearchResult search(const SearchQuery& q);

  // Text extracted from an attachment (e.g. a PDF); reindexes its document. NotFound if
  // there is no such attachment.
  void set_attachment_text(std::int64_t attachment_id, const std::string& text);

  // Rebuilds every entry; progress(done, total) after each chunk of documents. Returns
  // documents indexed. A rebuild is one transaction; a first build (the index is empty)
  // commits every first_build_slice documents (search_index.cpp).
  std::int64_t reindex(const std::function<void(std::int64_t, std::int64_t)>& progress = {},
                       std::size_t first_build_slice = 65536);
  // Entries written with an older token scheme (0 when the index is current).
  std::int64_t stale_entries();
  // Hot queries (本周热门搜索): store/hot_queries.hpp, counted through store/hot_query_tally.hpp.

 private:
  Database& db_;
  const SearchBackend* backend_;
};

}  // namespace zwgk::store
