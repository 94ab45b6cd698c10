// 站内搜索 queries (search_index.hpp; docs/adr/0007): the regime both databases share.
// The match, the ranked order and the counting plan are the backend's (search_backend.hpp:
// search_index_sqlite.cpp, search_index_postgresql.cpp); this file holds what they share.
// Every pass reads at most count_cap + 1 matches newest first (entry ids follow 发布日期);
// within the cap the page is ranked over all matches, beyond it title/文号 matches come
// first (from the small title/文号 index) and the rest newest first (the ids the counting
// pass returned). Filters and facets use the entry's copied columns, so only the
// 公开形式 / 有效性 filters join documents.
#include "store/search_index.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "domain/utf8.hpp"
#include "search/normalizer.hpp"
#include "search/snippet.hpp"
#include "search/tokenizer.hpp"
#include "store/catalogue_queries.hpp"
#include "store/database_impl.hpp"
#include "store/document_rows.hpp"
#include "store/search_backend.hpp"
#include "store/search_index_sync.hpp"
#include "store/search_text.hpp"

namespace zwgk::store {

bool any_filter(const SearchQuery& q, const Scope& scope) {
  return q.disclosure || q.validity || (q.site_id && scope.without != Facet::Site) ||
         (q.catalogue_id && scope.without != Facet::Catalogue) || (q.department_id && scope.without != Facet::Department) ||
         (q.year && scope.without != Facet::Year) || (q.type && scope.without != Facet::Type);
}

// FROM ... WHERE ... shared by the count/facet passes and the page of results.
std::string from_where(Lease& lease, const SearchBackend& backend, const SearchQuery& q, const search::Query& query,
                       Binds& b, const Scope& scope) {
  auto [from, where] = backend.match(q, query, b, scope);
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

const SearchBackend& search_backend(Backend backend) {
  switch (backend) {
    case Backend::Sqlite: return sqlite_search_backend();
    case Backend::Postgresql: return postgresql_search_backend();
  }
  throw StoreError("未知的数据库类型");
}

namespace {

constexpr std::size_t kMaxQueryCharacters = 200;

std::size_t characters(std::string_view s) { return domain::count_characters(s); }

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

// Counts (exactly up to the cap) and facets; returns the ids of the newest cap + 1 matches
// (newest first), which also give the date-ordered pages. Every pass reads at most
// kSearchCountCap + 1 matches, newest first, so a query matching a million entries costs
// what 10,001 do.
std::vector<long long> count_and_facets(Lease& lease, const SearchBackend& backend, const SearchQuery& q,
                                        const search::Query& query, bool common, SearchResult& out) {
  const std::int64_t cap = std::max<std::int64_t>(1, q.count_cap);
  const std::string limit = backend.newest_first(Scope{}) + " LIMIT " + std::to_string(cap + 1);
  std::vector<long long> newest;
  // Pass 1: every filter; the total, the newest ids, and the facets whose filter is not set.
  {
    std::vector<Facet> cols;
    if (q.with_facets)
      for (Facet f : kFacets)
        if (!filtered(q, f)) cols.push_back(f);
    std::string select = "SELECT " + backend.id_column(Scope{});
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
    const CountingPass pass{q, query, cap, common, Scope{Facet::None, false, false, !cols.empty()}, select, collect,
                            newest};
    const long long counted = backend.count_newest(lease, pass);
    out.total = counted >= 0 ? counted : static_cast<std::int64_t>(newest.size());
  }
  if (out.total > cap) {
    out.total = cap;
    out.total_capped = true;
    out.facets_approximate = true;
  }
  if (!q.with_facets) return newest;
  // Pass 2: each set filter's own facet, without that filter.
  backend.with_plan(lease, common, [&] {
    for (Facet f : kFacets) {
      if (!filtered(q, f)) continue;
      Binds b;
      Scope own{f};
      own.newest_walk = common;
      const std::string fw = from_where(lease, backend, q, query, b, own);
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
  });
  return newest;
}

// The entry ids of the requested page, in the order of the regime (search_index.hpp).
// newest: the newest (up to cap + 1) matches, newest first, from count_and_facets.
std::vector<long long> page_ids(Lease& lease, const SearchBackend& backend, const SearchQuery& q,
                                const search::Query& query, const SearchResult& counted,
                                const std::vector<long long>& newest) {
  const long long per_page = std::clamp(q.per_page, 1, 100);
  const long long offset = static_cast<long long>(std::max(q.page, 1) - 1) * per_page;
  if (offset >= std::max<std::int64_t>(1, q.count_cap)) return {};
  const auto n_newest = static_cast<long long>(newest.size());
  const std::string window = " LIMIT " + std::to_string(per_page) + " OFFSET " + std::to_string(offset);
  if (q.sort_by_date && offset + per_page > n_newest && counted.total_capped) {  // the last page, past the cap
    Binds b;
    return entry_ids(lease, "SELECT e.id" + from_where(lease, backend, q, query, b) + backend.newest_first(Scope{}) + window,
                     b);
  }
  if (q.sort_by_date) {  // straight from the counting pass
    std::vector<long long> out;
    for (long long i = offset; i < n_newest && i < offset + per_page; ++i) out.push_back(newest[i]);
    return out;
  }
  if (!counted.total_capped) return backend.ranked_page(lease, q, query, newest, window);
  // Capped regime: title/文号 matches by relevance (the small title index), then the rest
  // newest first.
  // A query in more than kSearchTitleRankCap titles does not tell titles apart: their newest
  // kSearchTitleCap come first, without ranking every one of them (search_index.hpp).
  const bool together = query.terms.size() > 1;
  const Scope titles{Facet::None, true, together};
  const Scope newest_titles{Facet::None, true, false, false};
  Binds bn;
  std::vector<long long> titled = entry_ids(
      lease, "SELECT " + backend.id_column(newest_titles) + from_where(lease, backend, q, query, bn, newest_titles) +
                 backend.newest_first(newest_titles) + " LIMIT " + std::to_string(q.title_rank_cap + 1),
      bn);
  if (static_cast<std::int64_t>(titled.size()) > std::max<std::int64_t>(1, q.title_rank_cap)) {
    titled.resize(std::min<std::size_t>(titled.size(), kSearchTitleCap));
  } else if (titled.size() > 1) {
    Binds bt;
    const std::string fwt = from_where(lease, backend, q, query, bt, titles);
    titled = entry_ids(lease,
                       "SELECT e.id" + fwt + backend.relevance_order(query, bt, titles) + " LIMIT " +
                           std::to_string(kSearchTitleCap),
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
    more = entry_ids(lease,
                     "SELECT e.id" + from_where(lease, backend, q, query, b) + backend.newest_first(Scope{}) + " LIMIT " +
                         std::to_string(to_skip + per_page + n_titled),
                     b);
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

void load_page(Lease& lease, const SearchBackend& backend, const SearchQuery& q, const search::Query& query,
               const std::vector<long long>& newest, SearchResult& out) {
  const std::vector<long long> ids = page_ids(lease, backend, q, query, out, newest);
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

SearchIndex::SearchIndex(Database& db) : db_(db), backend_(&search_backend(db.backend())) {}

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
    const bool common = backend_->common_query(lease, q, query);
    const std::vector<long long> newest = count_and_facets(lease, *backend_, q, query, common, out);
    if (out.total > 0 && q.per_page > 0) load_page(lease, *backend_, q, query, newest, out);
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
