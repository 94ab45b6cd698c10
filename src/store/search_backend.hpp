#pragma once
// Private to src/store/search_index*.cpp: the dialect half of 站内搜索 (docs/adr/0007).
//
// The shared files hold what both databases do alike: search_index.cpp the regime
// (counting up to the cap, facets, the page in the order search_index.hpp promises, the
// hits and their snippets), search_index_sync.cpp the entries (what is read, prepared and
// when it is written). Each asks the SearchBackend of its database for every statement
// that differs, and each backend writes its statements whole:
//   search_index_sqlite.cpp      FTS5 over search_texts (search_fts, search_title_fts)
//   search_index_postgresql.cpp  GIN over tsvector tokens, strpos() on the compact text
// The backend is chosen once, from the database's Backend (search_backend()); the shared
// files never ask which one they hold. Never include this header outside src/store.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "search/tokenizer.hpp"
#include "store/database_impl.hpp"
#include "store/search_index.hpp"

namespace zwgk::store {

enum class Facet { None, Type, Year, Department, Catalogue, Site };

// What one pass over the matches needs. Every field says what the pass reads, not which
// database runs it; a backend ignores what its tables answer anyway.
struct Scope {
  Facet without = Facet::None;  // leave this filter out (the facet's own counts)
  bool title_only = false;      // match in title or 文号 only (the small title index)
  bool texts = false;           // the order reads the entry's text (terms together, as typed)
  bool entries = true;          // the entry's filter and facet columns are read (filters need them anyway)
  bool newest_walk = false;     // a common query (SearchBackend::common_query): walk the newest entries
  long long window = 0;         // > 0: read only the newest `window` entries
};

// Whether the pass applies any filter of the query (then the entry's columns are read).
bool any_filter(const SearchQuery& q, const Scope& scope);

// The match part of a pass. `from` names search_entries as `e` whenever the entry's
// columns are read (scope.entries, scope.texts or any_filter); `where` is " WHERE ..." and
// the shared filters follow it with " AND ...".
struct MatchClause {
  std::string from, where;
};

// FROM ... WHERE ...: the backend's match, then the filters every backend writes alike
// (search_index.cpp).
std::string from_where(Lease& lease, const class SearchBackend& backend, const SearchQuery& q,
                       const search::Query& query, Binds& b, const Scope& scope = {});
// The ids a query returns (its first column), in its order.
std::vector<long long> entry_ids(Lease& lease, const std::string& sql, Binds& b);

// Pass 1 of a search as the backend runs it: find the newest cap + 1 matches with every
// filter, through collect, which appends their ids to `newest` and counts the facet
// columns of `select`.
struct CountingPass {
  const SearchQuery& q;
  const search::Query& query;
  long long cap = 0;
  bool common = false;      // SearchBackend::common_query
  Scope all;                // every filter; all.entries when select has facet columns
  std::string select;       // "SELECT <id column>[, facet columns]"
  std::function<void(const std::string& sql, Binds& b)> collect;
  const std::vector<long long>& newest;  // what collect gathered so far
};

// One search entry as written: the columns both schemas share, plus the PostgreSQL-only
// tokens (empty for SQLite: SearchBackend::writes_tokens).
struct EntryRow {
  long long id = 0, doc = 0, site = 0;
  NullableId att, dep, cat;
  std::string kind, published, title, number, body, tokens, title_tokens;
  soci::indicator published_ind = soci::i_null;
  int complete = 1, scheme = 0;
};

// Writes entry rows with statements prepared once and bound to `row` (which outlives it).
class EntryRows {
 public:
  virtual ~EntryRows() = default;
  // Writes the row as it stands now (bulk writers may buffer it until flush()).
  virtual void write() = 0;
  // Sends what write() buffered; a no-op for writers that do not buffer.
  virtual void flush() = 0;
};

class SearchBackend {
 public:
  virtual ~SearchBackend() = default;
  virtual Backend backend() const = 0;  // the database whose dialect this is

  // ---- queries (search_index.cpp)

  // The match of every term (search_index.hpp: literal substrings, never syntax).
  virtual MatchClause match(const SearchQuery& q, const search::Query& query, Binds& b, const Scope& scope) const = 0;
  // The id column and " ORDER BY ..." of "newest first" for a pass of this scope (entry
  // ids follow 发布日期, search_index_sync.hpp).
  virtual std::string id_column(const Scope& scope) const = 0;
  virtual std::string newest_first(const Scope& scope) const = 0;
  // " ORDER BY ..." of the ranked order within the cap: terms together as typed, then the
  // backend's score, then the newer entry.
  virtual std::string relevance_order(const search::Query& query, Binds& b, const Scope& scope) const = 0;
  // Is the query likely to match more than the cap (then the passes walk newest first)?
  virtual bool common_query(Lease& lease, const SearchQuery& q, const search::Query& query) const = 0;
  // Runs f with the plan of a newest-first walk when newest_walk is set.
  virtual void with_plan(Lease& lease, bool newest_walk, const std::function<void()>& f) const = 0;
  // Pass 1 (CountingPass); returns the count when it was counted apart from the ids
  // collected, else -1 (the ids collected are the count).
  virtual long long count_newest(Lease& lease, const CountingPass& pass) const = 0;
  // The ranked page within the cap; newest holds every match (newest first), window is
  // " LIMIT n OFFSET m".
  virtual std::vector<long long> ranked_page(Lease& lease, const SearchQuery& q, const search::Query& query,
                                             const std::vector<long long>& newest, const std::string& window) const = 0;

  // ---- entries (search_index_sync.cpp)

  // Whether entries carry token literals (EntryRow::tokens, title_tokens) to be prepared.
  virtual bool writes_tokens() const = 0;
  // Drops every entry of one document.
  virtual void delete_entries(Lease& lease, std::int64_t document_id) const = 0;
  // Before and after a bulk rebuild in the caller's transaction: drops every entry and
  // tunes the index for bulk writing; then tidies it and restores the tuning.
  virtual void begin_rebuild(Lease& lease) const = 0;
  virtual void end_rebuild(Lease& lease) const = 0;
  // Statements bound to row. bulk: the index was emptied in this transaction.
  virtual std::unique_ptr<EntryRows> entry_rows(Lease& lease, bool bulk, EntryRow& row) const = 0;
};

const SearchBackend& sqlite_search_backend();      // search_index_sqlite.cpp
const SearchBackend& postgresql_search_backend();  // search_index_postgresql.cpp
// The dialect of a database.
const SearchBackend& search_backend(Backend backend);

}  // namespace zwgk::store
