// 站内搜索 on PostgreSQL (search_backend.hpp; docs/adr/0007). search_entries holds the
// compact text and a tsvector of its distinct tokens (tokens; title_tokens for title and
// 文号), each GIN-indexed: the GIN index finds entries holding every token (AND), strpos()
// keeps the true substring matches; title and 文号 hits rank above body hits. The counting
// plan is chosen per query (common_query): rare queries take the GIN path, common ones walk
// the newest entries by primary key with strpos() alone.
#include <algorithm>
#include <optional>
#include <set>

#include "store/raw_connection.hpp"
#include "store/search_backend.hpp"
#include "store/search_text.hpp"

namespace zwgk::store {

namespace {

// True when every term is one token equal to the term (1-2 characters): the GIN match is
// then exact for complete rows and needs no strpos() re-check.
bool single_token_terms(const search::Query& query) {
  for (const auto& t : query.terms)
    if (t.phrase.size() != 1 || t.phrase[0] != t.text) return false;
  return true;
}

// The substring test of one term on the entry's text (title and 文号, and the body unless
// title_only).
std::string contains(const std::string& term, Binds& b, bool title_only = false) {
  std::string s = "(strpos(e.title, " + b.add(term) + ") > 0 OR strpos(e.doc_number, " + b.add(term) + ") > 0";
  if (!title_only) s += " OR strpos(e.body, " + b.add(term) + ") > 0";
  return s + ")";
}

// The walk plan of a common query: the primary key newest first, no bitmap of GIN
// candidates, no sequential scan. SET LOCAL lasts to the end of the search's read
// transaction (or its savepoint in a Batch).
void set_walk_plan(Lease& lease, bool walk) {
  const std::string on = walk ? "off" : "on";
  lease.sql() << "SET LOCAL enable_seqscan = " + on;
  lease.sql() << "SET LOCAL enable_bitmapscan = " + on;
}

// One row in COPY's text format: tab-separated, \N for NULL, \ \t \n \r escaped.
void append_copy_row(std::string& copy, const EntryRow& r) {
  const auto text = [&](std::string_view v) {
    for (char c : v) {
      switch (c) {
        case '\\': copy += "\\\\"; break;
        case '\t': copy += "\\t"; break;
        case '\n': copy += "\\n"; break;
        case '\r': copy += "\\r"; break;
        default: copy += c;
      }
    }
  };
  const auto id = [&](const NullableId& v) { copy += v.ind == soci::i_null ? "\\N" : std::to_string(v.value); };
  copy += std::to_string(r.id) + '\t' + std::to_string(r.doc) + '\t';
  id(r.att);
  copy += '\t' + std::to_string(r.site) + '\t';
  text(r.kind);
  copy += '\t';
  if (r.published_ind == soci::i_null) copy += "\\N"; else text(r.published);
  copy += '\t';
  id(r.dep);
  copy += '\t';
  id(r.cat);
  for (const std::string* v : {&r.title, &r.number, &r.body, &r.tokens, &r.title_tokens}) {
    copy += '\t';
    text(*v);
  }
  copy += '\t' + std::to_string(r.complete) + '\t' + std::to_string(r.scheme) + '\n';
}

// One entry at a time: a prepared INSERT.
class PostgresqlEntryRows final : public EntryRows {
 public:
  PostgresqlEntryRows(Lease& lease, EntryRow& r) {
    insert_.emplace((lease.sql().prepare << "INSERT INTO search_entries (id, document_id, attachment_id, site_id, kind, "
                                           "published_on, department_id, catalogue_id, title, doc_number, body, tokens, "
                                           "title_tokens, complete, scheme) VALUES (:id, :doc, :att, :site, :kind, "
                                           "CAST(:pub AS DATE), :dep, :cat, :title, :num, :body, CAST(:tokens AS tsvector), "
                                           "CAST(:ttokens AS tsvector), :complete, :scheme)",
                     soci::use(r.id, "id"), soci::use(r.doc, "doc"), soci::use(r.att.value, r.att.ind, "att"),
                     soci::use(r.site, "site"), soci::use(r.kind, "kind"), soci::use(r.published, r.published_ind, "pub"),
                     soci::use(r.dep.value, r.dep.ind, "dep"), soci::use(r.cat.value, r.cat.ind, "cat"),
                     soci::use(r.title, "title"), soci::use(r.number, "num"), soci::use(r.body, "body"),
                     soci::use(r.tokens, "tokens"), soci::use(r.title_tokens, "ttokens"),
                     soci::use(r.complete, "complete"), soci::use(r.scheme, "scheme")));
  }
  void write() override { insert_->execute(true); }
  void flush() override {}

 private:
  std::optional<soci::statement> insert_;
};

// The bulk rebuild: rows buffered and sent as one COPY per flush (the same columns as the
// INSERT; ~20x fewer round trips and no per-row parse).
class PostgresqlCopyRows final : public EntryRows {
 public:
  PostgresqlCopyRows(Lease& lease, const EntryRow& r) : lease_(lease), row_(r) {}
  void write() override { append_copy_row(copy_, row_); }
  void flush() override {
    if (copy_.empty()) return;
    PGconn* conn = raw_pg(lease_.sql());
    const auto check = [&](PGresult* r, ExecStatusType want) {
      const bool ok = r && PQresultStatus(r) == want;
      const std::string error = ok ? "" : one_line(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
      PQclear(r);
      if (!ok) throw StoreError("写入检索索引失败: " + error);
    };
    check(PQexec(conn, "COPY search_entries (id, document_id, attachment_id, site_id, kind, published_on, department_id, "
                       "catalogue_id, title, doc_number, body, tokens, title_tokens, complete, scheme) FROM STDIN"),
          PGRES_COPY_IN);
    const bool sent = PQputCopyData(conn, copy_.data(), static_cast<int>(copy_.size())) == 1;
    PQputCopyEnd(conn, sent ? nullptr : "zwgk: 发送失败");
    copy_.clear();
    check(PQgetResult(conn), PGRES_COMMAND_OK);
    while (PGresult* extra = PQgetResult(conn)) PQclear(extra);
  }

 private:
  Lease& lease_;
  const EntryRow& row_;
  std::string copy_;
};

class PostgresqlSearch final : public SearchBackend {
 public:
  Backend backend() const override { return Backend::Postgresql; }

  MatchClause match(const SearchQuery&, const search::Query& query, Binds& b, const Scope& scope) const override {
    MatchClause m;
    m.from = scope.window > 0
                 ? " FROM (SELECT * FROM search_entries ORDER BY id DESC LIMIT " + std::to_string(scope.window) + ") e"
                 : " FROM search_entries e";
    if (scope.newest_walk) {  // the exact test alone: cheaper per row than reading the tsvector
      m.where = " WHERE 1 = 1";
      for (const auto& term : query.terms) m.where += " AND " + contains(term.text, b);
      return m;
    }
    std::vector<std::vector<std::string>> phrases;
    for (const auto& term : query.terms) phrases.push_back(term.phrase);
    const std::string column = scope.title_only ? "e.title_tokens" : "e.tokens";
    const std::string tsq = b.add(tsquery_literal(phrases));
    if (!scope.title_only && single_token_terms(query)) {
      // Exact for complete rows; incomplete ones are re-checked on their text.
      m.where = " WHERE (" + column + " @@ CAST(" + tsq + " AS tsquery) OR (e.complete = 0";
      for (const auto& term : query.terms) m.where += " AND " + contains(term.text, b);
      m.where += "))";
      return m;
    }
    m.where = " WHERE (" + column + " @@ CAST(" + tsq + " AS tsquery) OR e.complete = 0)";
    for (const auto& term : query.terms) m.where += " AND " + contains(term.text, b, scope.title_only);
    return m;
  }

  std::string id_column(const Scope&) const override { return "e.id"; }
  std::string newest_first(const Scope&) const override { return " ORDER BY e.id DESC"; }

  std::string relevance_order(const search::Query& query, Binds& b, const Scope& scope) const override {
    std::string order = " ORDER BY ";
    if (query.terms.size() > 1) {  // the terms together, as typed, above scattered terms
      std::string whole;
      for (const auto& t : query.terms) whole += t.text;
      order += "(CASE WHEN strpos(e.title, " + b.add(whole) + ") > 0 OR strpos(e.doc_number, " + b.add(whole) + ") > 0";
      if (!scope.title_only) order += " OR strpos(e.body, " + b.add(whole) + ") > 0";
      order += " THEN 0 ELSE 1 END), ";
    }
    std::string score;
    for (const auto& t : query.terms)
      score += (score.empty() ? "" : " + ") + std::string("(CASE WHEN strpos(e.title, ") + b.add(t.text) +
               ") > 0 THEN 10 ELSE 0 END) + (CASE WHEN strpos(e.doc_number, " + b.add(t.text) +
               ") > 0 THEN 8 ELSE 0 END)";
    return order + "(" + score + ") DESC, e.id DESC";
  }

  // Is the query common (likely more than cap matches, with the site, department and type
  // filters)? The planner's row estimate for each token alone (its most-common-element
  // statistics of tsvector), the smallest of them: an upper bound on the candidates of a
  // phrase, where the estimate of the AND assumes independent tokens and is far too low.
  // EXPLAIN only plans: well under a millisecond per token.
  bool common_query(Lease& lease, const SearchQuery& q, const search::Query& query) const override {
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

  // Rare queries take the GIN candidates and re-check them; a common one walks the primary
  // key newest first with strpos() as the filter (Scope::newest_walk) and stops at the
  // LIMIT, so its cost is bounded by the cap and the share of entries that match, not by
  // the number of matches. The plan is restored after f. If f throws, it is not: the
  // error leaves the search's transaction (a failed statement aborts it on PostgreSQL, so
  // nothing more could run in it), and its rollback ends the SET LOCAL with it.
  void with_plan(Lease& lease, bool newest_walk, const std::function<void()>& f) const override {
    if (!newest_walk) return f();
    set_walk_plan(lease, true);
    f();
    set_walk_plan(lease, false);
  }

  long long count_newest(Lease& lease, const CountingPass& pass) const override {
    const long long cap = pass.cap;
    const std::string limit = newest_first(Scope{}) + " LIMIT " + std::to_string(cap + 1);
    if (!pass.common) {
      Binds b;
      pass.collect(pass.select + from_where(lease, *this, pass.q, pass.query, b, pass.all) + limit, b);
      return -1;
    }
    // A common query: the newest 2 (cap + 1) entries, walked newest first with strpos()
    // alone (bounded even when the estimate was wrong); if they hold fewer than cap + 1
    // matches, the GIN path for the older entries.
    const long long window = 2 * (cap + 1);
    long long in_window = 0, oldest = 0;
    soci::indicator oldest_ind = soci::i_ok;
    lease.sql() << "SELECT count(*), min(id) FROM (SELECT id FROM search_entries ORDER BY id DESC LIMIT " +
                       std::to_string(window) + ") w",
        soci::into(in_window), soci::into(oldest, oldest_ind);
    with_plan(lease, true, [&] {
      Scope walk = pass.all;
      walk.newest_walk = true;
      walk.window = window;
      Binds b;
      pass.collect(pass.select + from_where(lease, *this, pass.q, pass.query, b, walk) + limit, b);
    });
    const auto found = static_cast<long long>(pass.newest.size());
    if (found <= cap && in_window == window && oldest_ind == soci::i_ok) {
      // Older entries: if the window's density says the rest of the cap lies within ten
      // more windows, walk on (a phrase of common tokens has most entries as GIN candidates,
      // each re-checked on its text: the walk reads fewer); otherwise the GIN path.
      const bool walk_on = found > 0 && cap + 1 - found <= 10 * found;
      with_plan(lease, walk_on, [&] {
        Scope older = pass.all;
        older.newest_walk = walk_on;
        Binds b;
        const std::string fw = from_where(lease, *this, pass.q, pass.query, b, older) + " AND e.id < " + b.add(oldest);
        pass.collect(pass.select + fw + newest_first(Scope{}) + " LIMIT " + std::to_string(cap + 1 - found), b);
      });
    }
    return -1;
  }

  // newest holds every match already (re-checked): rank just those rows.
  std::vector<long long> ranked_page(Lease& lease, const SearchQuery&, const search::Query& query,
                                     const std::vector<long long>& newest, const std::string& window) const override {
    if (newest.empty()) return {};
    std::string array = "{";
    for (long long id : newest) array += (array.size() > 1 ? "," : "") + std::to_string(id);
    Binds b;
    const std::string sql = "SELECT e.id FROM search_entries e WHERE e.id = ANY(CAST(" + b.add(array + "}") +
                            " AS BIGINT[]))" + relevance_order(query, b, Scope{}) + window;
    return entry_ids(lease, sql, b);
  }

  bool writes_tokens() const override { return true; }

  void delete_entries(Lease& lease, std::int64_t document_id) const override {
    long long id = document_id;
    lease.sql() << "DELETE FROM search_entries WHERE document_id = :d", soci::use(id, "d");
  }

  void begin_rebuild(Lease& lease) const override { lease.sql() << "DELETE FROM search_entries"; }
  void end_rebuild(Lease&) const override {}

  std::unique_ptr<EntryRows> entry_rows(Lease& lease, bool bulk, EntryRow& row) const override {
    if (bulk) return std::make_unique<PostgresqlCopyRows>(lease, row);
    return std::make_unique<PostgresqlEntryRows>(lease, row);
  }
};

}  // namespace

const SearchBackend& postgresql_search_backend() {
  static const PostgresqlSearch backend;
  return backend;
}

}  // namespace zwgk::store
