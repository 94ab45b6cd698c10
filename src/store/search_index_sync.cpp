// Search entries of one document (search_index_sync.hpp). The text stored is
// normalize_for_search() with white space removed: the tokenizer gives white space no
// position, so a phrase over consecutive tokens is exactly a substring of this text, and
// PostgreSQL re-checks candidates with strpos() on it.
#include <unordered_set>

#include "domain/date.hpp"

#include "domain/html_sanitizer.hpp"
#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"
#include "store/search_index_sync.hpp"
#include "store/search_text.hpp"

namespace zwgk::store {

namespace {

struct Entry {
  std::optional<std::int64_t> attachment_id;
  std::string kind, title, doc_number, body;
};

void delete_entries(Lease& lease, std::int64_t document_id) {
  long long id = document_id;
  if (lease.sqlite()) {
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
  }
  lease.sql() << "DELETE FROM search_entries WHERE document_id = :d", soci::use(id, "d");
}

// A free entry id in the day's range (search_index_sync.hpp: ids follow 发布日期). A day
// with 2^20 entries already spills into the day before.
long long free_entry_id(Lease& lease, long long day) {
  for (int back = 0; back < 1000; ++back, --day) {
    long long lo = entry_id_floor(day), hi = lo + kEntriesPerDay - 1, top = 0;
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT max(id) FROM search_entries WHERE id BETWEEN :lo AND :hi", soci::use(lo, "lo"),
        soci::use(hi, "hi"), soci::into(top, ind);
    if (ind == soci::i_null) return lo;
    if (top < hi) return top + 1;
  }
  throw StoreError("检索索引编号已用尽");
}

// The document's filter and facet columns, copied into each of its entries.
struct Facets {
  std::string published;  // ISO date or ""
  NullableId department, catalogue;
};

void insert_entry(Lease& lease, std::int64_t document_id, std::int64_t site_id, long long day, const Facets& f,
                  const Entry& e) {
  long long doc = document_id, site = site_id;
  long long rowid = free_entry_id(lease, day);
  std::string published = f.published;
  soci::indicator published_ind = published.empty() ? soci::i_null : soci::i_ok;
  NullableId dep = f.department, cat = f.catalogue;
  NullableId att(e.attachment_id);
  std::string kind = e.kind, title = e.title, number = e.doc_number, body = e.body;
  int scheme = kSearchScheme;
  if (lease.sqlite()) {
    lease.sql() << "INSERT INTO search_entries (id, document_id, attachment_id, site_id, kind, published_on, department_id, "
                   "catalogue_id, scheme) VALUES (:id, :doc, :att, :site, :kind, :pub, :dep, :cat, :scheme)",
        soci::use(rowid, "id"), soci::use(doc, "doc"), soci::use(att.value, att.ind, "att"), soci::use(site, "site"),
        soci::use(kind, "kind"), soci::use(published, published_ind, "pub"), soci::use(dep.value, dep.ind, "dep"),
        soci::use(cat.value, cat.ind, "cat"), soci::use(scheme, "scheme");
    lease.sql() << "INSERT INTO search_texts (id, title, doc_number, body) VALUES (:id, :title, :num, :body)",
        soci::use(rowid, "id"), soci::use(title, "title"), soci::use(number, "num"), soci::use(body, "body");
    lease.sql() << "INSERT INTO search_fts (rowid, title, doc_number, body) VALUES (:id, :title, :num, :body)",
        soci::use(rowid, "id"), soci::use(title, "title"), soci::use(number, "num"), soci::use(body, "body");
    lease.sql() << "INSERT INTO search_title_fts (rowid, title, doc_number) VALUES (:id, :title, :num)",
        soci::use(rowid, "id"), soci::use(title, "title"), soci::use(number, "num");
    return;
  }
  bool complete = true;
  std::string tokens = tsvector_literal({&e.title, &e.doc_number, &e.body}, complete);
  bool title_complete = true;
  std::string title_tokens = tsvector_literal({&e.title, &e.doc_number}, title_complete);
  int complete_flag = complete && title_complete ? 1 : 0;
  lease.sql() << "INSERT INTO search_entries (id, document_id, attachment_id, site_id, kind, published_on, department_id, "
                 "catalogue_id, title, doc_number, body, tokens, title_tokens, complete, scheme) VALUES (:id, :doc, :att, :site, "
                 ":kind, CAST(:pub AS DATE), :dep, :cat, :title, :num, :body, CAST(:tokens AS tsvector), "
                 "CAST(:ttokens AS tsvector), :complete, :scheme)",
      soci::use(published, published_ind, "pub"), soci::use(dep.value, dep.ind, "dep"), soci::use(cat.value, cat.ind, "cat"),
      soci::use(doc, "doc"), soci::use(att.value, att.ind, "att"), soci::use(site, "site"), soci::use(kind, "kind"),
      soci::use(title, "title"), soci::use(number, "num"), soci::use(body, "body"), soci::use(tokens, "tokens"),
      soci::use(title_tokens, "ttokens"), soci::use(complete_flag, "complete"), soci::use(scheme, "scheme"), soci::use(rowid, "id");
}

}  // namespace

void reindex_document_search(Lease& lease, std::int64_t document_id, bool fresh) {
  if (!fresh) delete_entries(lease, document_id);
  long long id = document_id, site = 0;
  std::string state, kind, title, number, body_html, published;
  soci::indicator published_ind = soci::i_ok, dep_ind = soci::i_ok, cat_ind = soci::i_ok;
  long long dep = 0, cat = 0;
  lease.sql() << "SELECT site_id, state, kind, title, doc_number, body_html, CAST(published_on AS TEXT), department_id, "
                 "catalogue_id FROM documents WHERE id = :id",
      soci::use(id, "id"), soci::into(site), soci::into(state), soci::into(kind), soci::into(title), soci::into(number),
      soci::into(body_html), soci::into(published, published_ind), soci::into(dep, dep_ind), soci::into(cat, cat_ind);
  if (!lease.sql().got_data() || state != "published") return;
  std::optional<domain::Date> date;
  if (published_ind == soci::i_ok && published.size() >= 10) date = domain::Date::parse(published.substr(0, 10));
  Facets facets;
  if (date) facets.published = date->iso();
  if (dep_ind == soci::i_ok) facets.department = NullableId(std::optional<std::int64_t>(dep));
  if (cat_ind == soci::i_ok) facets.catalogue = NullableId(std::optional<std::int64_t>(cat));
  const long long day = (date ? *date : domain::Date::today()).days().time_since_epoch().count();
  const std::string doc_number = compact_search_text(number);
  insert_entry(lease, document_id, site, day, facets,
               Entry{std::nullopt, kind, compact_search_text(title), doc_number,
                     compact_search_text(domain::html_to_text(body_html))});

  long long att_id = 0;
  std::string file_name, text;
  soci::indicator text_ind = soci::i_ok;
  soci::statement st = (lease.sql().prepare << "SELECT a.id, a.file_name, t.text FROM document_attachments a "
                                               "LEFT JOIN attachment_texts t ON t.sha256 = a.sha256 "
                                               "WHERE a.document_id = :id ORDER BY a.position, a.id",
                        soci::use(id, "id"), soci::into(att_id), soci::into(file_name), soci::into(text, text_ind));
  st.execute();
  std::vector<Entry> attachments;
  while (st.fetch())
    attachments.push_back(Entry{att_id, "attachment", compact_search_text(file_name), doc_number,
                                compact_search_text(text_ind == soci::i_null ? std::string() : text)});
  for (const auto& e : attachments) insert_entry(lease, document_id, site, day, facets, e);
}

}  // namespace zwgk::store

namespace zwgk::store {

void store_attachment_text(Lease& lease, const std::string& sha256, const std::string& text) {
  std::string s = sha256, t = text;
  lease.sql() << "DELETE FROM attachment_texts WHERE sha256 = :s", soci::use(s, "s");
  lease.sql() << "INSERT INTO attachment_texts (sha256, text) VALUES (:s, :t)", soci::use(s, "s"), soci::use(t, "t");
  soci::rowset<long long> rows = (lease.sql().prepare << "SELECT DISTINCT document_id FROM document_attachments WHERE sha256 = :s",
                                  soci::use(s, "s"));
  std::vector<long long> ids(rows.begin(), rows.end());
  for (long long id : ids) reindex_document_search(lease, id);
}

}  // namespace zwgk::store
