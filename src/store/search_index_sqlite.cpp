// 站内搜索 on SQLite (search_backend.hpp; docs/adr/0007). FTS5 MATCH of one quoted phrase
// per term (the 'zwgk' tokenizer turns it into consecutive bigrams, or the unigram), which
// is exactly a substring match on the stored compact text; bm25 weights title 10, 文号 8,
// body 1. The compact text lives in search_texts, the external content of search_fts
// (title, 文号, body) and search_title_fts (title, 文号); search_entries holds the filter
// and facet columns only. "Newest first" is the FTS rowid order (= entry id), so the
// planner walks the index backwards and stops at the LIMIT.
#include <algorithm>
#include <optional>

#include "store/search_backend.hpp"
#include "store/search_text.hpp"

namespace zwgk::store {

namespace {

// The FTS5 table a pass reads: the title/文号 passes read the small title index.
std::string fts_table(const Scope& scope) { return scope.title_only ? "search_title_fts" : "search_fts"; }

// An FTS5 special INSERT: "'optimize'" or "'automerge', 4" (a command, or a setting and
// its value), written by this file only.
void fts5_command(Lease& lease, const std::string& table, const std::string& args) {
  const bool setting = args.find(',') != std::string::npos;
  lease.sql() << "INSERT INTO " + table + " (" + table + (setting ? ", rank" : "") + ") VALUES (" + args + ")";
}

class SqliteEntryRows final : public EntryRows {
 public:
  SqliteEntryRows(Lease& lease, EntryRow& r) {
    soci::session& sql = lease.sql();
    entries_.emplace((sql.prepare << "INSERT INTO search_entries (id, document_id, attachment_id, site_id, kind, "
                                    "published_on, department_id, catalogue_id, scheme) VALUES (:id, :doc, :att, :site, "
                                    ":kind, :pub, :dep, :cat, :scheme)",
                     soci::use(r.id, "id"), soci::use(r.doc, "doc"), soci::use(r.att.value, r.att.ind, "att"),
                     soci::use(r.site, "site"), soci::use(r.kind, "kind"), soci::use(r.published, r.published_ind, "pub"),
                     soci::use(r.dep.value, r.dep.ind, "dep"), soci::use(r.cat.value, r.cat.ind, "cat"),
                     soci::use(r.scheme, "scheme")));
    texts_.emplace((sql.prepare << "INSERT INTO search_texts (id, title, doc_number, body) VALUES (:id, :title, :num, :body)",
                   soci::use(r.id, "id"), soci::use(r.title, "title"), soci::use(r.number, "num"),
                   soci::use(r.body, "body")));
    fts_.emplace((sql.prepare << "INSERT INTO search_fts (rowid, title, doc_number, body) VALUES (:id, :title, :num, :body)",
                 soci::use(r.id, "id"), soci::use(r.title, "title"), soci::use(r.number, "num"),
                 soci::use(r.body, "body")));
    title_fts_.emplace((sql.prepare << "INSERT INTO search_title_fts (rowid, title, doc_number) VALUES (:id, :title, :num)",
                       soci::use(r.id, "id"), soci::use(r.title, "title"), soci::use(r.number, "num")));
  }

  void write() override {
    for (auto* st : {&entries_, &texts_, &fts_, &title_fts_}) (*st)->execute(true);
  }
  void flush() override {}

 private:
  std::optional<soci::statement> entries_, texts_, fts_, title_fts_;
};

class SqliteSearch final : public SearchBackend {
 public:
  Backend backend() const override { return Backend::Sqlite; }

  MatchClause match(const SearchQuery& q, const search::Query& query, Binds& b, const Scope& scope) const override {
    std::string terms;
    for (const auto& term : query.terms) terms += (terms.empty() ? "" : " ") + fts5_string(term.text);
    const std::string fts = fts_table(scope);
    MatchClause m{" FROM " + fts, " WHERE " + fts + " MATCH " + b.add(terms)};
    if (scope.entries || scope.texts || any_filter(q, scope)) m.from += " JOIN search_entries e ON e.id = " + fts + ".rowid";
    if (scope.texts) m.from += " JOIN search_texts t ON t.id = e.id";
    return m;
  }

  std::string id_column(const Scope& scope) const override { return fts_table(scope) + ".rowid"; }
  std::string newest_first(const Scope& scope) const override { return " ORDER BY " + fts_table(scope) + ".rowid DESC"; }

  std::string relevance_order(const search::Query& query, Binds& b, const Scope& scope) const override {
    std::string order = " ORDER BY ";
    if (query.terms.size() > 1) {  // the terms together, as typed, above scattered terms
      std::string whole;
      for (const auto& t : query.terms) whole += t.text;
      order += "(CASE WHEN instr(t.title, " + b.add(whole) + ") > 0 OR instr(t.doc_number, " + b.add(whole) + ") > 0";
      if (!scope.title_only) order += " OR instr(t.body, " + b.add(whole) + ") > 0";
      order += " THEN 0 ELSE 1 END), ";
    }
    // One term: zwgk_rank, which orders as bm25 does without bm25's extra pass over every
    // match for the IDF (store/fts5_rank.cpp); several terms: bm25 (the IDF weighs them).
    const std::string fts = fts_table(scope);
    const std::string function = query.terms.size() == 1 ? "zwgk_rank(" : "bm25(";
    return order + function + fts + (scope.title_only ? ", 10.0, 8.0)" : ", 10.0, 8.0, 1.0)") + ", " + fts +
           ".rowid DESC";
  }

  // Every pass already walks the FTS index newest first and stops at its LIMIT.
  bool common_query(Lease&, const SearchQuery&, const search::Query&) const override { return false; }
  void with_plan(Lease&, bool, const std::function<void()>& f) const override { f(); }

  long long count_newest(Lease& lease, const CountingPass& pass) const override {
    const std::string limit = newest_first(Scope{}) + " LIMIT " + std::to_string(pass.cap + 1);
    if (pass.all.entries) {  // facet columns: every match's row crosses into C++ anyway
      Binds b;
      pass.collect(pass.select + from_where(lease, *this, pass.q, pass.query, b, pass.all) + limit, b);
      return -1;
    }
    // No facets: count inside SQLite (no row per match crosses into C++), then read only
    // the newest ids a page can need (its offset, its size and the titled ones before it).
    long long counted = 0;
    Binds b;
    const std::string fw = from_where(lease, *this, pass.q, pass.query, b, pass.all);
    soci::statement st(lease.sql());
    st.exchange(soci::into(counted));
    b.apply(st);
    prepare_and_execute(st, "SELECT count(*) FROM (SELECT 1" + fw + limit + ") m");
    st.fetch();
    const long long per_page = std::clamp(pass.q.per_page, 1, 100);
    const long long need = std::min<long long>(
        pass.cap + 1, static_cast<long long>(std::max(pass.q.page, 1)) * per_page + static_cast<long long>(kSearchTitleCap));
    Binds b2;
    const std::string fw2 = from_where(lease, *this, pass.q, pass.query, b2, pass.all);
    pass.collect(pass.select + fw2 + newest_first(Scope{}) + " LIMIT " + std::to_string(need), b2);
    return counted;
  }

  // BM25 over every match, straight from the FTS index (the counting pass kept ids only).
  std::vector<long long> ranked_page(Lease& lease, const SearchQuery& q, const search::Query& query,
                                     const std::vector<long long>&, const std::string& window) const override {
    Binds b;
    const std::string fw = from_where(lease, *this, q, query, b, Scope{Facet::None, false, query.terms.size() > 1});
    return entry_ids(lease, "SELECT e.id" + fw + relevance_order(query, b, Scope{}) + window, b);
  }

  bool writes_tokens() const override { return false; }

  void delete_entries(Lease& lease, std::int64_t document_id) const override {
    long long id = document_id;
    lease.sql() << "INSERT INTO search_fts (search_fts, rowid, title, doc_number, body) "
                   "SELECT 'delete', t.id, t.title, t.doc_number, t.body FROM search_entries e "
                   "JOIN search_texts t ON t.id = e.id WHERE e.document_id = :d",
        soci::use(id, "d");
    lease.sql() << "INSERT INTO search_title_fts (search_title_fts, rowid, title, doc_number) "
                   "SELECT 'delete', t.id, t.title, t.doc_number FROM search_entries e "
                   "JOIN search_texts t ON t.id = e.id WHERE e.document_id = :d",
        soci::use(id, "d");
    lease.sql() << "DELETE FROM search_texts WHERE id IN (SELECT id FROM search_entries WHERE document_id = :d)",
        soci::use(id, "d");
    lease.sql() << "DELETE FROM search_entries WHERE document_id = :d", soci::use(id, "d");
  }

  void begin_rebuild(Lease& lease) const override {
    lease.sql() << "DELETE FROM search_entries";
    lease.sql() << "DELETE FROM search_texts";
    for (const char* fts : {"search_fts", "search_title_fts"}) {
      fts5_command(lease, fts, "'delete-all'");
      // While bulk writing: pending tokens in memory up to 512 MB and no merging on the way;
      // one 'optimize' at the end merges the few large segments once. With the defaults (64 MB,
      // automerge 4) 1,000,000 documents were flushed as ~80 segments and each byte of the
      // index was rewritten by three levels of merges and then once more by 'optimize'.
      fts5_command(lease, fts, "'hashsize', 536870912");
      fts5_command(lease, fts, "'automerge', 0");
      fts5_command(lease, fts, "'crisismerge', 64");
    }
  }

  void end_rebuild(Lease& lease) const override {
    for (const char* fts : {"search_fts", "search_title_fts"}) {
      fts5_command(lease, fts, "'optimize'");
      // Back to the settings of one-by-one indexing (migration 0003).
      fts5_command(lease, fts, std::string(fts) == "search_fts" ? "'hashsize', 67108864" : "'hashsize', 1048576");
      fts5_command(lease, fts, "'automerge', 4");
      fts5_command(lease, fts, "'crisismerge', 16");
    }
  }

  // Bulk or not, the same four prepared INSERTs: SQLite has no round trip to save.
  std::unique_ptr<EntryRows> entry_rows(Lease& lease, bool, EntryRow& row) const override {
    return std::make_unique<SqliteEntryRows>(lease, row);
  }
};

}  // namespace

const SearchBackend& sqlite_search_backend() {
  static const SqliteSearch backend;
  return backend;
}

}  // namespace zwgk::store
