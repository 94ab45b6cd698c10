// 站内搜索 queries (search_index.hpp). SQLite: FTS5 MATCH of one quoted phrase per term
// (the 'zwgk' tokenizer turns it into consecutive bigrams, or the unigram), which is exactly
// a substring match on the stored compact text; bm25 weights title 10, 文号 8, body 1.
// PostgreSQL: the GIN index finds entries holding every token (AND), strpos() keeps the
// true substring matches; title and 文号 hits rank above body hits. Both: a query whose
// terms appear together as one phrase ranks first, then relevance, then the newer document.
#include "store/search_index.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "search/normalizer.hpp"
#include "search/snippet.hpp"
#include "search/tokenizer.hpp"
#include "store/catalogue_queries.hpp"
#include "store/database_impl.hpp"
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

// As document_repository.cpp's rule (domain::derive_validity in SQL).
std::string validity_condition(domain::Validity v, const domain::Date& today, Binds& b) {
  auto t = [&] { return b.add(today.iso()); };
  const std::string not_amended = "d.amended = 0";
  auto not_repealed = [&] { return "(d.repealed_on IS NULL OR d.repealed_on > " + t() + ")"; };
  auto not_expired = [&] { return "(d.expires_on IS NULL OR d.expires_on >= " + t() + ")"; };
  switch (v) {
    case domain::Validity::Amended: return "d.amended <> 0";
    case domain::Validity::Repealed: return not_amended + " AND d.repealed_on <= " + t();
    case domain::Validity::Expired: return not_amended + " AND " + not_repealed() + " AND d.expires_on < " + t();
    case domain::Validity::NotYetEffective:
      return not_amended + " AND " + not_repealed() + " AND " + not_expired() + " AND d.effective_on > " + t();
    case domain::Validity::Valid:
      return not_amended + " AND " + not_repealed() + " AND " + not_expired() +
             " AND (d.effective_on IS NULL OR d.effective_on <= " + t() + ")";
  }
  return "1 = 1";
}

// FROM ... WHERE ... shared by the count/facet pass and the page of results.
std::string from_where(Lease& lease, const SearchQuery& q, const search::Query& query, Binds& b) {
  std::string from, where;
  if (lease.sqlite()) {
    std::string match;
    for (const auto& term : query.terms) match += (match.empty() ? "" : " ") + fts5_string(term.text);
    from = " FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid JOIN documents d ON d.id = e.document_id";
    where = " WHERE search_fts MATCH " + b.add(match);
  } else {
    std::vector<std::vector<std::string>> phrases;
    for (const auto& term : query.terms) phrases.push_back(term.phrase);
    from = " FROM search_entries e JOIN documents d ON d.id = e.document_id";
    where = " WHERE (e.tokens @@ CAST(" + b.add(tsquery_literal(phrases)) + " AS tsquery) OR e.complete = 0)";
    for (const auto& term : query.terms)
      where += " AND (strpos(e.title, " + b.add(term.text) + ") > 0 OR strpos(e.doc_number, " + b.add(term.text) +
               ") > 0 OR strpos(e.body, " + b.add(term.text) + ") > 0)";
  }
  where += " AND d.state = 'published'";
  if (q.site_id) where += " AND e.site_id = " + b.add(q.site_id);
  if (q.catalogue_id) {
    const auto ids = catalogue_with_descendants(lease, *q.catalogue_id);
    std::string in;
    for (auto id : ids) in += (in.empty() ? "" : ", ") + b.add(id);
    where += ids.empty() ? " AND 1 = 0" : " AND d.catalogue_id IN (" + in + ")";
  }
  if (q.department_id) where += " AND d.department_id = " + b.add(*q.department_id);
  if (q.year) {
    const int y = std::clamp(*q.year, 1, 9998);
    const auto first_day = [](int year) { return domain::Date{std::chrono::year{year} / 1 / 1}.iso(); };
    where += " AND d.published_on >= " + b.add(first_day(y)) + " AND d.published_on < " + b.add(first_day(y + 1));
  }
  if (q.disclosure) where += " AND d.disclosure = " + b.add(domain::to_code(*q.disclosure));
  if (q.validity) where += " AND (" + validity_condition(*q.validity, q.today, b) + ")";
  if (q.type) where += " AND e.kind = " + b.add(to_code(*q.type));
  return from + where;
}

std::string order_by(Lease& lease, const SearchQuery& q, const search::Query& query, Binds& b) {
  const std::string recency = "d.published_on DESC NULLS LAST, e.id DESC";
  if (q.sort_by_date) return " ORDER BY " + recency;
  std::string order = " ORDER BY ";
  if (query.terms.size() > 1) {  // the terms together, as typed, above scattered terms
    std::string whole;
    for (const auto& t : query.terms) whole += t.text;
    const char* find = lease.sqlite() ? "instr" : "strpos";
    order += std::string("(CASE WHEN ") + find + "(e.title, " + b.add(whole) + ") > 0 OR " + find + "(e.doc_number, " +
             b.add(whole) + ") > 0 OR " + find + "(e.body, " + b.add(whole) + ") > 0 THEN 0 ELSE 1 END), ";
  }
  if (lease.sqlite()) return order + "bm25(search_fts, 10.0, 8.0, 1.0), " + recency;
  std::string score;
  for (const auto& t : query.terms)
    score += (score.empty() ? "" : " + ") + std::string("(CASE WHEN strpos(e.title, ") + b.add(t.text) +
             ") > 0 THEN 10 ELSE 0 END) + (CASE WHEN strpos(e.doc_number, " + b.add(t.text) +
             ") > 0 THEN 8 ELSE 0 END)";
  return order + "(" + score + ") DESC, " + recency;
}

void count_and_facets(Lease& lease, const SearchQuery& q, const search::Query& query, SearchResult& out) {
  Binds b;
  const std::string fw = from_where(lease, q, query, b);
  soci::statement st(lease.sql());
  if (!q.with_facets) {
    long long total = 0;
    st.exchange(soci::into(total));
    b.apply(st);
    prepare_and_execute(st, "SELECT count(*)" + fw);
    st.fetch();
    out.total = total;
    return;
  }
  std::string kind, published;
  soci::indicator published_ind = soci::i_ok, dep_ind = soci::i_ok, cat_ind = soci::i_ok;
  long long dep = 0, cat = 0, site = 0, n = 0;
  st.exchange(soci::into(kind));
  st.exchange(soci::into(published, published_ind));
  st.exchange(soci::into(dep, dep_ind));
  st.exchange(soci::into(cat, cat_ind));
  st.exchange(soci::into(site));
  st.exchange(soci::into(n));
  b.apply(st);
  prepare_and_execute(st, "SELECT e.kind, substr(CAST(d.published_on AS TEXT), 1, 4), d.department_id, d.catalogue_id, "
                          "e.site_id, count(*)" + fw + " GROUP BY 1, 2, 3, 4, 5");
  auto& f = out.facets;
  while (st.fetch()) {
    out.total += n;
    f.types[kind] += n;
    if (published_ind == soci::i_ok && !published.empty()) f.years[std::atoi(published.c_str())] += n;
    if (dep_ind == soci::i_ok) f.departments[dep] += n;
    if (cat_ind == soci::i_ok) f.catalogues[cat] += n;
    f.sites[site] += n;
  }
}

struct PageRow {
  long long entry = 0;
};

void load_page(Lease& lease, const SearchQuery& q, const search::Query& query, SearchResult& out) {
  Binds b;
  const std::string fw = from_where(lease, q, query, b);
  const std::string order = order_by(lease, q, query, b);
  const int per_page = std::clamp(q.per_page, 1, 100);
  const long long offset = static_cast<long long>(std::max(q.page, 1) - 1) * per_page;
  std::vector<long long> ids;
  {
    long long id = 0;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    b.apply(st);
    prepare_and_execute(st, "SELECT e.id" + fw + order + " LIMIT " + std::to_string(per_page) + " OFFSET " +
                                std::to_string(offset));
    while (st.fetch()) ids.push_back(id);
  }
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
    count_and_facets(lease, q, query, out);
    if (out.total > 0 && q.per_page > 0) load_page(lease, q, query, out);
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
    store_attachment_text(lease, sha, text);
    tx.commit();
  });
}

std::int64_t SearchIndex::reindex(const std::function<void(std::int64_t, std::int64_t)>& progress) {
  std::vector<long long> ids;
  guarded("重建检索索引失败", [&] {
    Lease lease(db_);
    long long id = 0;
    soci::statement st = (lease.sql().prepare << "SELECT id FROM documents ORDER BY id", soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
  });
  const auto total = static_cast<std::int64_t>(ids.size());
  std::int64_t done = 0;
  constexpr std::size_t kBatch = 500;
  for (std::size_t i = 0; i < ids.size(); i += kBatch) {
    guarded("重建检索索引失败", [&] {
      Lease lease(db_);
      Transaction tx(lease);
      if (i == 0) {  // entries of deleted documents, and an FTS index out of step
        if (lease.sqlite()) {
          lease.sql() << "DELETE FROM search_entries WHERE document_id NOT IN (SELECT id FROM documents)";
          lease.sql() << "INSERT INTO search_fts (search_fts) VALUES ('rebuild')";
        } else {
          lease.sql() << "DELETE FROM search_entries WHERE document_id NOT IN (SELECT id FROM documents)";
        }
      }
      for (std::size_t j = i; j < std::min(ids.size(), i + kBatch); ++j) {
        reindex_document_search(lease, ids[j]);
        ++done;
        if (progress) progress(done, total);
      }
      tx.commit();
    });
  }
  if (db_.backend() == Backend::Sqlite) db_.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  return done;
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

void SearchIndex::record_query(std::int64_t site_id, const std::string& text, const domain::Date& today) {
  std::string normalized = search::normalize_for_search(text);
  if (normalized.empty() || characters(normalized) > 30 || search::query_tokens(normalized).empty()) return;
  guarded("记录检索词失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    long long site = site_id;
    std::string day = today.iso();
    lease.sql() << "INSERT INTO search_queries (site_id, day, query, count) VALUES (:site, :day, :q, 1) "
                   "ON CONFLICT (site_id, day, query) DO UPDATE SET count = search_queries.count + 1",
        soci::use(site, "site"), soci::use(day, "day"), soci::use(normalized, "q");
    tx.commit();
  });
}

std::vector<HotQuery> SearchIndex::hot_queries(std::int64_t site_id, int limit, const domain::Date& today) {
  return guarded("读取热门检索词失败", [&] {
    Lease lease(db_);
    long long site = site_id, n = 0;
    int lim = std::clamp(limit, 1, 50);
    std::string since = domain::Date::from_sys_days(today.days() - std::chrono::days{6}).iso(), query;
    soci::statement st = (lease.sql().prepare << "SELECT query, sum(count) FROM search_queries WHERE site_id = :site "
                                                 "AND day >= :since GROUP BY query ORDER BY sum(count) DESC, query "
                                                 "LIMIT :lim",
                          soci::use(site, "site"), soci::use(since, "since"), soci::use(lim, "lim"), soci::into(query),
                          soci::into(n));
    st.execute();
    std::vector<HotQuery> out;
    while (st.fetch()) out.push_back({query, static_cast<std::int64_t>(n)});
    return out;
  });
}

}  // namespace zwgk::store
