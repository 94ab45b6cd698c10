// 站内搜索 queries (search_index.hpp; docs/adr/0007). SQLite: FTS5 MATCH of one quoted
// phrase per term (the 'zwgk' tokenizer turns it into consecutive bigrams, or the unigram),
// which is exactly a substring match on the stored compact text; bm25 weights title 10,
// 文号 8, body 1. PostgreSQL: the GIN index finds entries holding every token (AND),
// strpos() keeps the true substring matches; title and 文号 hits rank above body hits.
// Every pass reads at most count_cap + 1 matches newest first (entry ids follow 发布日期);
// within the cap the page is ranked over all matches, beyond it title/文号 matches come
// first (from the small title/文号 index) and the rest newest first (the ids the counting
// pass returned). PostgreSQL chooses the counting plan per query (common_query): rare
// queries take the GIN path, common ones walk the newest entries by primary key.
// Filters and facets use the entry's copied columns, so only the 公开形式 / 有效性 filters
// join documents.
#include "store/search_index.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "search/normalizer.hpp"
#include "search/snippet.hpp"
#include "search/tokenizer.hpp"
#include "store/catalogue_queries.hpp"
#include "store/database_impl.hpp"
#include "store/document_rows.hpp"
#include "store/search_index_sync.hpp"
#include "store/search_text.hpp"

namespace zwgk::store {

namespace {

constexpr std::size_t kMaxQueryCharacters = 200;

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

enum class Facet { None, Type, Year, Department, Catalogue, Site };

struct Scope {
  Facet without = Facet::None;  // leave this filter out (the facet's own counts)
  bool title_only = false;      // match in title or 文号 only (the small title index)
  bool texts = false;           // SQLite: join search_texts as t (the phrase-together rank)
  bool entries = true;          // SQLite: join search_entries as e (filters join it anyway)
  bool walk = false;            // PostgreSQL: no GIN test, the substring test alone (newest-first walk)
};

// The FTS5 table a pass reads (SQLite): the title/文号 passes read the small title index.
std::string fts_table(const Scope& scope) { return scope.title_only ? "search_title_fts" : "search_fts"; }

// The key entries are ordered by for "newest first": the FTS rowid on SQLite, so the
// planner walks the index backwards and stops at the LIMIT.
std::string newest_first(Lease& lease, const Scope& scope = {}) {
  return lease.sqlite() ? " ORDER BY " + fts_table(scope) + ".rowid DESC" : " ORDER BY e.id DESC";
}

std::string id_column(Lease& lease, const Scope& scope = {}) {
  return lease.sqlite() ? fts_table(scope) + ".rowid" : "e.id";
}

bool any_filter(const SearchQuery& q, const Scope& scope) {
  return q.disclosure || q.validity || (q.site_id && scope.without != Facet::Site) ||
         (q.catalogue_id && scope.without != Facet::Catalogue) || (q.department_id && scope.without != Facet::Department) ||
         (q.year && scope.without != Facet::Year) || (q.type && scope.without != Facet::Type);
}

// True when every term is one token equal to the term (1-2 characters): the GIN match is
// then exact for complete rows and needs no strpos() re-check (PostgreSQL).
bool single_token_terms(const search::Query& query) {
  for (const auto& t : query.terms)
    if (t.phrase.size() != 1 || t.phrase[0] != t.text) return false;
  return true;
}

// FROM ... WHERE ... shared by the count/facet passes and the page of results.
std::string from_where(Lease& lease, const SearchQuery& q, const search::Query& query, Binds& b, Scope scope = {}) {
  std::string from, where;
  if (lease.sqlite()) {
    std::string match;
    for (const auto& term : query.terms) match += (match.empty() ? "" : " ") + fts5_string(term.text);
    const std::string fts = fts_table(scope);
    from = " FROM " + fts;
    if (scope.entries || scope.texts || any_filter(q, scope)) from += " JOIN search_entries e ON e.id = " + fts + ".rowid";
    if (scope.texts) from += " JOIN search_texts t ON t.id = e.id";
    where = " WHERE " + fts + " MATCH " + b.add(match);
  } else {
    std::vector<std::vector<std::string>> phrases;
    for (const auto& term : query.terms) phrases.push_back(term.phrase);
    from = " FROM search_entries e";
    const std::string column = scope.title_only ? "e.title_tokens" : "e.tokens";
    const std::string tsq = b.add(tsquery_literal(phrases));
    if (scope.walk) {  // the exact test alone: cheaper per row than reading the tsvector
      where = " WHERE 1 = 1";
      for (const auto& term : query.terms)
        where += " AND (strpos(e.title, " + b.add(term.text) + ") > 0 OR strpos(e.doc_number, " + b.add(term.text) +
                 ") > 0 OR strpos(e.body, " + b.add(term.text) + ") > 0)";
    } else if (!scope.title_only && single_token_terms(query)) {
      // Exact for complete rows; incomplete ones are re-checked on their text.
      where = " WHERE (" + column + " @@ CAST(" + tsq + " AS tsquery) OR (e.complete = 0";
      for (const auto& term : query.terms)
        where += " AND (strpos(e.title, " + b.add(term.text) + ") > 0 OR strpos(e.doc_number, " + b.add(term.text) +
                 ") > 0 OR strpos(e.body, " + b.add(term.text) + ") > 0)";
      where += "))";
    } else {
      where = " WHERE (" + column + " @@ CAST(" + tsq + " AS tsquery) OR e.complete = 0)";
      for (const auto& term : query.terms) {
        where += " AND (strpos(e.title, " + b.add(term.text) + ") > 0 OR strpos(e.doc_number, " + b.add(term.text) + ") > 0";
        where += scope.title_only ? ")" : " OR strpos(e.body, " + b.add(term.text) + ") > 0)";
      }
    }
  }
  // Entries exist only for published documents (search_index_sync.hpp): no state check.
  if (q.disclosure || q.validity) from += " JOIN documents d ON d.id = e.document_id";
  if (q.site_id && scope.without != Facet::Site) where += " AND e.site_id = " + b.add(q.site_id);
  if (q.catalogue_id && scope.without != Facet::Catalogue) {
    const auto ids = catalogue_with_descendants(lease, *q.catalogue_id);
    std::string in;
    for (auto id : ids) in += (in.empty() ? "" : ", ") + b.add(id);
    where += ids.empty() ? " AND 1 = 0" : " AND e.catalogue_id IN (" + in + ")";
  }
  if (q.department_id && scope.without != Facet::Department)
    where += " AND e.department_id = " + b.add(*q.department_id);
  if (q.year && scope.without != Facet::Year) {
    const int y = std::clamp(*q.year, 1, 9998);
    const auto first_day = [](int year) { return domain::Date{std::chrono::year{year} / 1 / 1}.iso(); };
    where += " AND e.published_on >= " + b.add(first_day(y)) + " AND e.published_on < " + b.add(first_day(y + 1));
  }
  if (q.disclosure) where += " AND d.disclosure = " + b.add(domain::to_code(*q.disclosure));
  if (q.validity) where += " AND (" + validity_condition(*q.validity, q.today, b) + ")";
  if (q.type && scope.without != Facet::Type) where += " AND e.kind = " + b.add(to_code(*q.type));
  return from + where;
}

// The ranked order (within the cap): terms together as typed, then BM25 / title score,
// then the newer entry (entry ids follow 发布日期, search_index_sync.hpp).
std::string relevance_order(Lease& lease, const search::Query& query, Binds& b, const Scope& scope = {}) {
  std::string order = " ORDER BY ";
  if (query.terms.size() > 1) {  // the terms together, as typed, above scattered terms
    std::string whole;
    for (const auto& t : query.terms) whole += t.text;
    const std::string find = lease.sqlite() ? "instr(t." : "strpos(e.";
    order += "(CASE WHEN " + find + "title, " + b.add(whole) + ") > 0 OR " + find + "doc_number, " + b.add(whole) +
             ") > 0";
    if (!scope.title_only) order += " OR " + find + "body, " + b.add(whole) + ") > 0";
    order += " THEN 0 ELSE 1 END), ";
  }
  if (lease.sqlite()) {
    // One term: zwgk_rank, which orders as bm25 does without bm25's extra pass over every
    // match for the IDF (store/fts5_rank.cpp); several terms: bm25 (the IDF weighs them).
    const std::string fts = fts_table(scope);
    const std::string function = query.terms.size() == 1 ? "zwgk_rank(" : "bm25(";
    return order + function + fts + (scope.title_only ? ", 10.0, 8.0)" : ", 10.0, 8.0, 1.0)") + ", " + fts +
           ".rowid DESC";
  }
  std::string score;
  for (const auto& t : query.terms)
    score += (score.empty() ? "" : " + ") + std::string("(CASE WHEN strpos(e.title, ") + b.add(t.text) +
             ") > 0 THEN 10 ELSE 0 END) + (CASE WHEN strpos(e.doc_number, " + b.add(t.text) +
             ") > 0 THEN 8 ELSE 0 END)";
  return order + "(" + score + ") DESC, e.id DESC";
}

const char* facet_column(Facet f) {
  switch (f) {
    case Facet::Type: return "e.kind";
    case Facet::Year: return "substr(CAST(e.published_on AS TEXT), 1, 4)";
    case Facet::Department: return "e.department_id";
    case Facet::Catalogue: return "e.catalogue_id";
    case Facet::Site: return "e.site_id";
    case Facet::None: break;
  }
  return "NULL";
}

void add_facet(SearchFacets& f, Facet which, const std::string& value, long long n) {
  if (value.empty()) return;
  switch (which) {
    case Facet::Type: f.types[value] += n; break;
    case Facet::Year: f.years[std::atoi(value.c_str())] += n; break;
    case Facet::Department: f.departments[std::atoll(value.c_str())] += n; break;
    case Facet::Catalogue: f.catalogues[std::atoll(value.c_str())] += n; break;
    case Facet::Site: f.sites[std::atoll(value.c_str())] += n; break;
    case Facet::None: break;
  }
}

constexpr Facet kFacets[] = {Facet::Type, Facet::Year, Facet::Department, Facet::Catalogue, Facet::Site};

bool filtered(const SearchQuery& q, Facet f) {
  switch (f) {
    case Facet::Type: return q.type.has_value();
    case Facet::Year: return q.year.has_value();
    case Facet::Department: return q.department_id.has_value();
    case Facet::Catalogue: return q.catalogue_id.has_value();
    case Facet::Site: return q.site_id != 0;
    case Facet::None: break;
  }
  return false;
}

// PostgreSQL: how the counting passes find their matches. Rare queries take the GIN
// candidates and re-check them; a common one (common_query) walks the primary key newest
// first with strpos() as the filter (Scope::walk) and stops at the LIMIT, so its cost is
// bounded by the cap and the share of entries that match, not by the number of matches.
class PlanScope {
 public:
  PlanScope(Lease& lease, bool newest_walk) : lease_(lease), on_(newest_walk && !lease.sqlite()) {
    if (!on_) return;
    lease_.sql() << "SET LOCAL enable_seqscan = off";
    lease_.sql() << "SET LOCAL enable_bitmapscan = off";
  }
  ~PlanScope() {
    if (!on_) return;
    try {
      lease_.sql() << "SET LOCAL enable_seqscan = on";
      lease_.sql() << "SET LOCAL enable_bitmapscan = on";
    } catch (...) {
    }
  }
  PlanScope(const PlanScope&) = delete;
  PlanScope& operator=(const PlanScope&) = delete;

 private:
  Lease& lease_;
  bool on_;
};

// PostgreSQL: is the query common (likely more than cap matches, with the site, department
// and type filters)? The planner's row estimate for each token alone (its most-common-element
// statistics of tsvector), the smallest of them: an upper bound on the candidates of a
// phrase, where the estimate of the AND assumes independent tokens and is far too low.
// EXPLAIN only plans: well under a millisecond per token.
bool common_query(Lease& lease, const SearchQuery& q, const search::Query& query) {
  if (lease.sqlite()) return false;
  const std::int64_t cap = std::max<std::int64_t>(1, q.count_cap);
  std::set<std::string> tokens;
  for (const auto& term : query.terms) tokens.insert(term.phrase.begin(), term.phrase.end());
  double fewest = -1;
  for (const auto& token : tokens) {
    Binds b;
    std::string sql = "EXPLAIN (FORMAT JSON) SELECT 1 FROM search_entries e WHERE e.tokens @@ CAST(" +
                      b.add(tsquery_literal({{token}})) + " AS tsquery)";
    if (q.site_id) sql += " AND e.site_id = " + b.add(q.site_id);
    if (q.department_id) sql += " AND e.department_id = " + b.add(*q.department_id);
    if (q.type) sql += " AND e.kind = " + b.add(to_code(*q.type));
    std::string plan;
    soci::statement st(lease.sql());
    st.exchange(soci::into(plan));
    b.apply(st);
    prepare_and_execute(st, sql);
    st.fetch();
    const auto at = plan.find("\"Plan Rows\":");
    if (at == std::string::npos) return false;
    const double rows = std::atof(plan.c_str() + at + 12);
    if (fewest < 0 || rows < fewest) fewest = rows;
  }
  return fewest > static_cast<double>(cap);
}

// Counts (exactly up to the cap) and facets; returns the ids of the newest cap + 1 matches
// (newest first), which also give the date-ordered pages. Every pass reads at most
// kSearchCountCap + 1 matches, newest first, so a query matching a million entries costs
// what 10,001 do.
std::vector<long long> count_and_facets(Lease& lease, const SearchQuery& q, const search::Query& query, bool common,
                                        SearchResult& out) {
  const std::int64_t cap = std::max<std::int64_t>(1, q.count_cap);
  const std::string limit = newest_first(lease) + " LIMIT " + std::to_string(cap + 1);
  std::vector<long long> newest;
  // Pass 1: every filter; the total, the newest ids, and the facets whose filter is not set.
  {
    std::vector<Facet> cols;
    if (q.with_facets)
      for (Facet f : kFacets)
        if (!filtered(q, f)) cols.push_back(f);
    std::string select = "SELECT " + id_column(lease);
    for (Facet f : cols) select += std::string(", CAST(") + facet_column(f) + " AS TEXT)";
    newest.reserve(static_cast<std::size_t>(cap) + 1);
    // Appends the rows of one query (id, facet columns) to newest and the facets.
    const auto collect = [&](const std::string& sql, Binds& b) {
      soci::statement st(lease.sql());
      long long id = 0;
      std::vector<std::string> values(cols.size());
      std::vector<soci::indicator> inds(cols.size(), soci::i_ok);
      st.exchange(soci::into(id));
      for (std::size_t i = 0; i < cols.size(); ++i) st.exchange(soci::into(values[i], inds[i]));
      b.apply(st);
      prepare_and_execute(st, sql);
      while (st.fetch()) {
        newest.push_back(id);
        for (std::size_t i = 0; i < cols.size(); ++i)
          if (inds[i] == soci::i_ok) add_facet(out.facets, cols[i], values[i], 1);
      }
    };
    const Scope all{Facet::None, false, false, !cols.empty()};
    long long counted = -1;  // set when counted in SQL rather than from the ids
    if (lease.sqlite() && cols.empty()) {
      // No facets: count inside SQLite (no row per match crosses into C++), then read only
      // the newest ids a page can need (its offset, its size and the titled ones before it).
      Binds b;
      const std::string fw = from_where(lease, q, query, b, all);
      soci::statement st(lease.sql());
      st.exchange(soci::into(counted));
      b.apply(st);
      prepare_and_execute(st, "SELECT count(*) FROM (SELECT 1" + fw + limit + ") m");
      st.fetch();
      const long long per_page = std::clamp(q.per_page, 1, 100);
      const long long need = std::min<long long>(
          cap + 1, static_cast<long long>(std::max(q.page, 1)) * per_page + static_cast<long long>(kSearchTitleCap));
      Binds b2;
      const std::string fw2 = from_where(lease, q, query, b2, all);
      collect(select + fw2 + newest_first(lease) + " LIMIT " + std::to_string(need), b2);
    } else if (!common) {
      Binds b;
      collect(select + from_where(lease, q, query, b, all) + limit, b);
    } else {
      // PostgreSQL, common query: the newest 2 (cap + 1) entries, walked newest first with
      // strpos() alone (bounded even when the estimate was wrong); if they hold fewer than
      // cap + 1 matches, the GIN path for the older entries.
      const long long window = 2 * (cap + 1);
      long long in_window = 0, oldest = 0;
      soci::indicator oldest_ind = soci::i_ok;
      lease.sql() << "SELECT count(*), min(id) FROM (SELECT id FROM search_entries ORDER BY id DESC LIMIT " +
                         std::to_string(window) + ") w",
          soci::into(in_window), soci::into(oldest, oldest_ind);
      {
        PlanScope plan(lease, true);
        Scope walk = all;
        walk.walk = true;
        Binds b;
        std::string fw = from_where(lease, q, query, b, walk);
        const std::string table = " FROM search_entries e";
        fw.replace(fw.find(table), table.size(),
                   " FROM (SELECT * FROM search_entries ORDER BY id DESC LIMIT " + std::to_string(window) + ") e");
        collect(select + fw + limit, b);
      }
      const auto found = static_cast<std::int64_t>(newest.size());
      if (found <= cap && in_window == window && oldest_ind == soci::i_ok) {
        // Older entries: if the window's density says the rest of the cap lies within ten
        // more windows, walk on (a phrase of common tokens has most entries as GIN candidates,
        // each re-checked on its text: the walk reads fewer); otherwise the GIN path.
        const bool walk_on = found > 0 && cap + 1 - found <= 10 * found;
        PlanScope plan(lease, walk_on);
        Scope older = all;
        older.walk = walk_on;
        Binds b;
        const std::string fw = from_where(lease, q, query, b, older) + " AND e.id < " + b.add(oldest);
        collect(select + fw + newest_first(lease) + " LIMIT " + std::to_string(cap + 1 - found), b);
      }
    }
    out.total = counted >= 0 ? counted : static_cast<std::int64_t>(newest.size());
  }
  if (out.total > cap) {
    out.total = cap;
    out.total_capped = true;
    out.facets_approximate = true;
  }
  if (!q.with_facets) return newest;
  // Pass 2: each set filter's own facet, without that filter.
  PlanScope plan(lease, common);
  for (Facet f : kFacets) {
    if (!filtered(q, f)) continue;
    Binds b;
    const std::string fw = from_where(lease, q, query, b, Scope{f, false, false, true, common});
    std::string value;
    soci::indicator ind = soci::i_ok;
    long long n = 0, seen = 0;
    soci::statement st(lease.sql());
    st.exchange(soci::into(value, ind));
    st.exchange(soci::into(n));
    b.apply(st);
    prepare_and_execute(st, std::string("SELECT v, count(*) FROM (SELECT CAST(") + facet_column(f) + " AS TEXT) AS v" +
                                fw + limit + ") m GROUP BY v");
    while (st.fetch()) {
      seen += n;
      if (ind == soci::i_ok) add_facet(out.facets, f, value, n);
    }
    if (seen > cap) out.facets_approximate = true;
  }
  return newest;
}

std::vector<long long> entry_ids(Lease& lease, const std::string& sql, Binds& b) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st(lease.sql());
  st.exchange(soci::into(id));
  b.apply(st);
  prepare_and_execute(st, sql);
  while (st.fetch()) ids.push_back(id);
  return ids;
}

// The entry ids of the requested page, in the order of the regime (search_index.hpp).
// newest: the newest (up to cap + 1) matches, newest first, from count_and_facets.
std::vector<long long> page_ids(Lease& lease, const SearchQuery& q, const search::Query& query,
                                const SearchResult& counted, const std::vector<long long>& newest) {
  const long long per_page = std::clamp(q.per_page, 1, 100);
  const long long offset = static_cast<long long>(std::max(q.page, 1) - 1) * per_page;
  if (offset >= std::max<std::int64_t>(1, q.count_cap)) return {};
  const auto n_newest = static_cast<long long>(newest.size());
  const std::string window = " LIMIT " + std::to_string(per_page) + " OFFSET " + std::to_string(offset);
  if (q.sort_by_date && offset + per_page > n_newest && counted.total_capped) {  // the last page, past the cap
    Binds b;
    return entry_ids(lease, "SELECT e.id" + from_where(lease, q, query, b) + newest_first(lease) + window, b);
  }
  if (q.sort_by_date) {  // straight from the counting pass
    std::vector<long long> out;
    for (long long i = offset; i < n_newest && i < offset + per_page; ++i) out.push_back(newest[i]);
    return out;
  }
  const bool together = query.terms.size() > 1;
  if (!counted.total_capped && !lease.sqlite()) {
    // PostgreSQL: newest holds every match already (re-checked); rank just those rows.
    if (newest.empty()) return {};
    std::string array = "{";
    for (long long id : newest) array += (array.size() > 1 ? "," : "") + std::to_string(id);
    Binds b;
    const std::string sql = "SELECT e.id FROM search_entries e WHERE e.id = ANY(CAST(" + b.add(array + "}") +
                            " AS BIGINT[]))" + relevance_order(lease, query, b) + window;
    return entry_ids(lease, sql, b);
  }
  if (!counted.total_capped) {
    Binds b;
    const std::string fw = from_where(lease, q, query, b, Scope{Facet::None, false, together});
    return entry_ids(lease, "SELECT e.id" + fw + relevance_order(lease, query, b) + window, b);
  }
  // Capped regime: title/文号 matches by relevance (the small title index), then the rest
  // newest first.
  // A query in more than kSearchTitleRankCap titles does not tell titles apart: their newest
  // kSearchTitleCap come first, without ranking every one of them (search_index.hpp).
  const Scope titles{Facet::None, true, together};
  const Scope newest_titles{Facet::None, true, false, false};
  Binds bn;
  std::vector<long long> titled =
      entry_ids(lease, "SELECT " + id_column(lease, newest_titles) + from_where(lease, q, query, bn, newest_titles) +
                           newest_first(lease, newest_titles) + " LIMIT " + std::to_string(q.title_rank_cap + 1), bn);
  if (static_cast<std::int64_t>(titled.size()) > std::max<std::int64_t>(1, q.title_rank_cap)) {
    titled.resize(std::min<std::size_t>(titled.size(), kSearchTitleCap));
  } else if (titled.size() > 1) {
    Binds bt;
    const std::string fwt = from_where(lease, q, query, bt, titles);
    titled = entry_ids(
        lease, "SELECT e.id" + fwt + relevance_order(lease, query, bt, titles) + " LIMIT " + std::to_string(kSearchTitleCap),
        bt);
  }
  std::vector<long long> out;
  const long long n_titled = static_cast<long long>(titled.size());
  for (long long i = offset; i < n_titled && static_cast<long long>(out.size()) < per_page; ++i) out.push_back(titled[i]);
  if (static_cast<long long>(out.size()) == per_page) return out;
  // Entries after the titled ones: skip (offset - n_titled) newest non-titled entries.
  const std::set<long long> skip(titled.begin(), titled.end());
  long long to_skip = std::max(0LL, offset - n_titled);
  std::vector<long long> more;  // the last page, past the cap: read further than the count
  if (to_skip + per_page + n_titled > n_newest) {
    Binds b;
    more = entry_ids(lease, "SELECT e.id" + from_where(lease, q, query, b) + newest_first(lease) + " LIMIT " +
                                std::to_string(to_skip + per_page + n_titled), b);
  }
  for (long long id : more.empty() ? newest : more) {
    if (skip.count(id)) continue;
    if (to_skip > 0) {
      --to_skip;
      continue;
    }
    out.push_back(id);
    if (static_cast<long long>(out.size()) == per_page) break;
  }
  return out;
}

void load_page(Lease& lease, const SearchQuery& q, const search::Query& query, const std::vector<long long>& newest,
               SearchResult& out) {
  const std::vector<long long> ids = page_ids(lease, q, query, out, newest);
  if (ids.empty()) return;
  Binds b2;
  std::string in;
  for (auto id : ids) in += (in.empty() ? "" : ", ") + b2.add(id);
  long long entry = 0, doc = 0, site = 0, att = 0;
  soci::indicator att_ind = soci::i_ok, pub_ind = soci::i_ok, name_ind = soci::i_ok, text_ind = soci::i_ok;
  std::string kind, title, number, published, body_html, file_name, text;
  soci::statement st(lease.sql());
  st.exchange(soci::into(entry));
  st.exchange(soci::into(doc));
  st.exchange(soci::into(site));
  st.exchange(soci::into(att, att_ind));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(title));
  st.exchange(soci::into(number));
  st.exchange(soci::into(published, pub_ind));
  st.exchange(soci::into(body_html));
  st.exchange(soci::into(file_name, name_ind));
  st.exchange(soci::into(text, text_ind));
  b2.apply(st);
  prepare_and_execute(st,
                      "SELECT e.id, e.document_id, e.site_id, e.attachment_id, e.kind, d.title, d.doc_number, "
                      "CAST(d.published_on AS TEXT), CASE WHEN e.attachment_id IS NULL THEN d.body_html ELSE '' END, "
                      "a.file_name, t.text FROM search_entries e JOIN documents d ON d.id = e.document_id "
                      "LEFT JOIN document_attachments a ON a.id = e.attachment_id "
                      "LEFT JOIN attachment_texts t ON t.sha256 = a.sha256 WHERE e.id IN (" + in + ")");
  std::map<long long, SearchHit> by_entry;
  std::vector<std::string> terms;
  for (const auto& t : query.terms) terms.push_back(t.text);
  while (st.fetch()) {
    SearchHit h;
    h.document_id = doc;
    h.site_id = site;
    if (att_ind == soci::i_ok) h.attachment_id = att;
    h.type = search_type_from(kind).value_or(SearchType::Document);
    h.title = title;
    h.title_html = search::highlight_all(title, terms);
    h.doc_number = number;
    if (pub_ind == soci::i_ok) h.published_on = domain::Date::parse(published.substr(0, 10));
    std::string source;
    if (h.attachment_id) {
      h.attachment_name = name_ind == soci::i_ok ? file_name : "";
      source = text_ind == soci::i_ok ? text : "";
      if (search::highlight_snippet(source, terms).empty()) source = h.attachment_name;
    } else {
      source = domain::html_to_text(body_html);
    }
    h.snippet_html = search::highlight_snippet(source, terms);
    if (h.snippet_html.empty()) h.snippet_html = search::highlight_snippet(number, terms);
    if (h.snippet_html.empty()) {  // the match bridges white space, or is in the title only
      std::string head = source.substr(0, std::min<std::size_t>(source.size(), 240));
      while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.pop_back();
      if (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0xC0) head.pop_back();
      h.snippet_html = domain::escape_html(head) + (head.size() < source.size() ? "…" : "");
    }
    by_entry[entry] = std::move(h);
  }
  for (auto id : ids)
    if (auto it = by_entry.find(id); it != by_entry.end()) out.items.push_back(std::move(it->second));
}

}  // namespace

std::string to_code(SearchType t) {
  switch (t) {
    case SearchType::Document: return "document";
    case SearchType::Interpretation: return "interpretation";
    case SearchType::Attachment: return "attachment";
  }
  return "document";
}

std::optional<SearchType> search_type_from(std::string_view code) {
  if (code == "document") return SearchType::Document;
  if (code == "interpretation") return SearchType::Interpretation;
  if (code == "attachment") return SearchType::Attachment;
  return std::nullopt;
}

SearchResult SearchIndex::search(const SearchQuery& q) {
  if (characters(q.text) > kMaxQueryCharacters)
    throw domain::ValidationError({"检索词过长，请不超过 " + std::to_string(kMaxQueryCharacters) + " 个字"});
  SearchResult out;
  const search::Query query = search::query_tokens(q.text);
  for (const auto& t : query.terms) out.terms.push_back(t.text);
  if (query.empty()) {
    out.empty_query = true;
    return out;
  }
  return guarded("检索失败", [&] {
    Lease lease(db_);
    Transaction tx(lease, Transaction::Mode::Read);
    const bool common = common_query(lease, q, query);
    const std::vector<long long> newest = count_and_facets(lease, q, query, common, out);
    if (out.total > 0 && q.per_page > 0) load_page(lease, q, query, newest, out);
    tx.commit();
    return out;
  });
}

void SearchIndex::set_attachment_text(std::int64_t attachment_id, const std::string& text) {
  std::vector<std::string> tags;
  guarded("保存附件文本失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long id = attachment_id;
    std::string sha;
    lease.sql() << "SELECT sha256 FROM document_attachments WHERE id = :id", soci::use(id, "id"), soci::into(sha);
    if (!lease.sql().got_data()) throw NotFound("附件不存在: " + std::to_string(attachment_id));
    store_attachment_text(lease, sha, text, tags);
    tx.commit();
  });
  db_.notify_changed(tags);  // the attachment's text is searched: results change
}

std::int64_t SearchIndex::reindex(const std::function<void(std::int64_t, std::int64_t)>& progress,
                                  std::size_t first_build_slice) {
  // A rebuild replaces an existing index in one transaction: searches answer from the old
  // one until the new one is complete (on SQLite the write lock is held meanwhile, and a
  // save waits up to the busy timeout). A first build of an empty index has nothing to keep
  // visible: it commits every first_build_slice documents, which keeps SQLite's write-ahead
  // log to one slice instead of the whole index (bench/README.md: 9 GB at 1,000,000).
  return guarded("重建检索索引失败", [&] {
    Lease lease(db_);
    auto tx = std::make_unique<Transaction>(lease);
    std::vector<long long> ids;
    long long id = 0, any = 0;
    soci::statement st = (lease.sql().prepare << "SELECT id FROM documents WHERE state = 'published' "
                                                 "ORDER BY published_on, id", soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    lease.sql() << "SELECT count(*) FROM (SELECT 1 FROM search_entries LIMIT 1) x", soci::into(any);
    std::function<void()> commit_slice;
    if (any == 0)
      commit_slice = [&] {
        tx->commit();
        tx = std::make_unique<Transaction>(lease);
      };
    const std::int64_t n = rebuild_search_index(lease, ids, progress, first_build_slice, commit_slice);
    tx->commit();
    return n;
  });
}

std::int64_t SearchIndex::stale_entries() {
  return guarded("检索索引检查失败", [&] {
    Lease lease(db_);
    long long n = 0;
    int scheme = kSearchScheme;
    lease.sql() << "SELECT count(*) FROM search_entries WHERE scheme <> :s", soci::use(scheme, "s"), soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace zwgk::store
