// Search entries of documents (search_index_sync.hpp). The text stored is
// normalize_for_search() with white space removed: the tokenizer gives white space no
// position, so a phrase over consecutive tokens is exactly a substring of this text, and
// PostgreSQL re-checks candidates with strpos() on it.
//
// One document's entries are made in three steps: read its row and attachments (SQL), prepare
// the entry texts (HTML to text and normalisation: no database, safe on any thread), write
// the rows (prepared statements). The single-document path runs them in a row; the bulk
// rebuild prepares the next chunk of documents on a worker thread while this one writes.
#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <unordered_map>

#include "domain/cache_tags.hpp"
#include "domain/date.hpp"
#include "domain/html_sanitizer.hpp"
#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"
#include "store/search_backend.hpp"
#include "store/search_index_sync.hpp"
#include "store/search_text.hpp"

namespace zwgk::store {

namespace {

// What a document's entries are made from, as read from the database.
struct DocumentSource {
  long long id = 0, site = 0;
  std::string state, kind, title, number, body_html, published;  // published: "" when NULL
  NullableId department, catalogue;
  struct Attachment {
    long long id = 0;
    std::string file_name, text;
  };
  std::vector<Attachment> attachments;
};

struct Entry {
  std::optional<std::int64_t> attachment_id;
  std::string kind, title, doc_number, body;
  std::string tokens, title_tokens;  // PostgreSQL: tsvector literals (search_text.hpp)
  bool complete = true;
};

// The entries of one published document, ready to write.
struct PreparedDocument {
  long long id = 0, site = 0, day = 0;
  std::string published;  // ISO date or ""
  NullableId department, catalogue;
  std::vector<Entry> entries;
};

constexpr const char* kDocumentColumns =
    "SELECT id, site_id, state, kind, title, doc_number, body_html, CAST(published_on AS TEXT), department_id, "
    "catalogue_id FROM documents";
constexpr const char* kAttachmentColumns =
    "SELECT a.document_id, a.id, a.file_name, t.text FROM document_attachments a "
    "LEFT JOIN attachment_texts t ON t.sha256 = a.sha256";

// Reads the documents with the given ids (and their attachments), in no particular order.
std::vector<DocumentSource> load_sources(Lease& lease, const std::string& id_list) {
  std::vector<DocumentSource> out;
  std::unordered_map<long long, std::size_t> at;
  {
    DocumentSource s;
    soci::indicator pub_ind = soci::i_ok;
    soci::statement st(lease.sql());
    st.exchange(soci::into(s.id));
    st.exchange(soci::into(s.site));
    st.exchange(soci::into(s.state));
    st.exchange(soci::into(s.kind));
    st.exchange(soci::into(s.title));
    st.exchange(soci::into(s.number));
    st.exchange(soci::into(s.body_html));
    st.exchange(soci::into(s.published, pub_ind));
    st.exchange(soci::into(s.department.value, s.department.ind));
    st.exchange(soci::into(s.catalogue.value, s.catalogue.ind));
    prepare_and_execute(st, std::string(kDocumentColumns) + " WHERE id IN (" + id_list + ")");
    while (st.fetch()) {
      if (pub_ind != soci::i_ok) s.published.clear();
      at[s.id] = out.size();
      out.push_back(s);
    }
  }
  long long doc = 0;
  DocumentSource::Attachment a;
  soci::indicator text_ind = soci::i_ok;
  soci::statement st(lease.sql());
  st.exchange(soci::into(doc));
  st.exchange(soci::into(a.id));
  st.exchange(soci::into(a.file_name));
  st.exchange(soci::into(a.text, text_ind));
  prepare_and_execute(st, std::string(kAttachmentColumns) + " WHERE a.document_id IN (" + id_list +
                              ") ORDER BY a.document_id, a.position, a.id");
  while (st.fetch()) {
    if (text_ind != soci::i_ok) a.text.clear();
    if (auto it = at.find(doc); it != at.end()) out[it->second].attachments.push_back(a);
  }
  return out;
}

// The entry texts (and, for PostgreSQL, tokens) of a document; nullopt when it is not
// published. No database access.
std::optional<PreparedDocument> prepare(const DocumentSource& s, bool with_tokens) {
  if (s.state != "published") return std::nullopt;
  PreparedDocument d;
  d.id = s.id;
  d.site = s.site;
  d.department = s.department;
  d.catalogue = s.catalogue;
  std::optional<domain::Date> date;
  if (s.published.size() >= 10) date = domain::Date::parse(s.published.substr(0, 10));
  if (date) d.published = date->iso();
  d.day = (date ? *date : domain::Date::today()).days().time_since_epoch().count();
  const std::string doc_number = compact_search_text(s.number);
  d.entries.push_back(Entry{std::nullopt, s.kind, compact_search_text(s.title), doc_number,
                            compact_search_text(domain::html_to_text(s.body_html)), {}, {}, true});
  for (const auto& a : s.attachments)
    d.entries.push_back(
        Entry{a.id, "attachment", compact_search_text(a.file_name), doc_number, compact_search_text(a.text), {}, {}, true});
  if (with_tokens)
    for (Entry& e : d.entries) {
      bool complete = true, title_complete = true;
      e.tokens = tsvector_literal({&e.title, &e.doc_number, &e.body}, complete);
      e.title_tokens = tsvector_literal({&e.title, &e.doc_number}, title_complete);
      e.complete = complete && title_complete;
    }
  return d;
}

// Writes entries through the backend's statements, prepared once (search_backend.hpp).
// `bulk`: the index was emptied in this transaction, so entry ids are allocated in memory
// instead of read back per entry.
class EntryWriter {
 public:
  EntryWriter(Lease& lease, const SearchBackend& backend, bool bulk)
      : lease_(lease), backend_(backend), seed_from_table_(!bulk), rows_(backend.entry_rows(lease, bulk, row_)) {
    row_.scheme = kSearchScheme;
  }

  // After a commit of a sliced first build other writers may have indexed documents too:
  // from then on a document's own entries are dropped before it is written, and entry ids
  // are counted on from what the table holds.
  void others_may_have_written() {
    next_by_day_.clear();
    seed_from_table_ = true;
    if (!existing_)
      existing_.emplace((lease_.sql().prepare << "SELECT count(*) FROM search_entries WHERE document_id = :d",
                         soci::use(row_.doc, "d"), soci::into(existing_count_)));
  }

  void write(PreparedDocument& d) {
    row_.doc = d.id;
    if (existing_) {
      existing_->execute(true);
      // Stepped to its end: a SELECT left on its row keeps a read transaction open, and SQLite
      // cannot restart its write-ahead log behind it (the log then grows with every slice).
      while (existing_->fetch()) {
      }
      if (existing_count_ > 0) backend_.delete_entries(lease_, d.id);
    }
    row_.site = d.site;
    row_.published = d.published;
    row_.published_ind = row_.published.empty() ? soci::i_null : soci::i_ok;
    row_.dep = d.department;
    row_.cat = d.catalogue;
    for (Entry& e : d.entries) {
      row_.id = next_id(d.day);
      row_.att = NullableId(e.attachment_id);
      row_.kind = std::move(e.kind);
      row_.title = std::move(e.title);
      row_.number = std::move(e.doc_number);
      row_.body = std::move(e.body);
      row_.tokens = std::move(e.tokens);
      row_.title_tokens = std::move(e.title_tokens);
      row_.complete = e.complete ? 1 : 0;
      rows_->write();
    }
  }

  // Sends what a bulk writer buffered since the last flush.
  void flush() { rows_->flush(); }

 private:
  // A free entry id in the day's range (search_index_sync.hpp: ids follow 发布日期). A day
  // with 2^20 entries already spills into the day before.
  long long next_id(long long day) {
    for (int back = 0; back < 1000; ++back, --day) {
      const long long lo = entry_id_floor(day), hi = lo + kEntriesPerDay - 1;
      auto [next, first] = next_by_day_.try_emplace(day, lo);
      if (first && seed_from_table_) {
        long long top = 0;
        soci::indicator ind = soci::i_ok;
        lease_.sql() << "SELECT max(id) FROM search_entries WHERE id BETWEEN :lo AND :hi", soci::use(lo, "lo"),
            soci::use(hi, "hi"), soci::into(top, ind);
        if (ind == soci::i_ok) next->second = top + 1;
      }
      if (next->second <= hi) return next->second++;
    }
    throw StoreError("检索索引编号已用尽");
  }

  Lease& lease_;
  const SearchBackend& backend_;
  bool seed_from_table_;  // ids continue from the table's (else counted from the day's floor)
  std::map<long long, long long> next_by_day_;
  std::optional<soci::statement> existing_;
  long long existing_count_ = 0;
  EntryRow row_;                     // what rows_ is bound to: declared before it
  std::unique_ptr<EntryRows> rows_;
};

}  // namespace

namespace {

// The entries of many documents at once: their old entries deleted, the new ones written
// through one writer (statements prepared once), sources read 256 at a time.
void reindex_documents(Lease& lease, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const SearchBackend& backend = search_backend(lease.backend());
  for (auto id : ids) backend.delete_entries(lease, id);
  EntryWriter writer(lease, backend, false);
  constexpr std::size_t kChunk = 256;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    std::string list;
    for (std::size_t i = from; i < std::min(ids.size(), from + kChunk); ++i)
      list += (list.empty() ? "" : ",") + std::to_string(ids[i]);
    for (const DocumentSource& s : load_sources(lease, list))
      if (auto d = prepare(s, backend.writes_tokens())) writer.write(*d);
  }
  writer.flush();
}

}  // namespace

void reindex_document_search(Lease& lease, std::int64_t document_id) {
  // Inside a Batch (an import): written for the whole batch just before it commits.
  if (auto* batch = current_batch(lease.impl())) {
    if (!batch->flush_search) batch->flush_search = reindex_documents;
    batch->deferred_search.push_back(document_id);
    return;
  }
  const SearchBackend& backend = search_backend(lease.backend());
  backend.delete_entries(lease, document_id);
  for (const DocumentSource& s : load_sources(lease, std::to_string(document_id)))
    if (auto d = prepare(s, backend.writes_tokens())) EntryWriter(lease, backend, false).write(*d);
}

std::int64_t rebuild_search_index(Lease& lease, const std::vector<long long>& document_ids,
                                  const std::function<void(std::int64_t, std::int64_t)>& progress, std::size_t slice,
                                  const std::function<void()>& commit_slice) {
  const SearchBackend& backend = search_backend(lease.backend());
  backend.begin_rebuild(lease);
  EntryWriter writer(lease, backend, true);
  constexpr std::size_t kChunk = 256;
  const auto total = static_cast<std::int64_t>(document_ids.size());
  // Chunk k+1 is read here, then prepared on a worker while chunk k is written.
  const auto load = [&](std::size_t from) {
    std::string list;
    for (std::size_t i = from; i < std::min(document_ids.size(), from + kChunk); ++i)
      list += (list.empty() ? "" : ",") + std::to_string(document_ids[i]);
    return load_sources(lease, list);
  };
  const bool with_tokens = backend.writes_tokens();
  const auto prepare_chunk = [&document_ids, with_tokens](std::size_t from, std::vector<DocumentSource> sources) {
    std::unordered_map<long long, std::size_t> order;  // the caller's order (发布日期, id)
    for (std::size_t i = from; i < std::min(document_ids.size(), from + kChunk); ++i) order[document_ids[i]] = i;
    std::sort(sources.begin(), sources.end(),
              [&](const DocumentSource& a, const DocumentSource& b) { return order[a.id] < order[b.id]; });
    std::vector<PreparedDocument> out;
    for (const auto& s : sources)
      if (auto d = prepare(s, with_tokens)) out.push_back(std::move(*d));
    return out;
  };
  std::int64_t done = 0;
  std::future<std::vector<PreparedDocument>> next;
  if (!document_ids.empty()) next = std::async(std::launch::async, prepare_chunk, 0, load(0));
  for (std::size_t from = 0; from < document_ids.size(); from += kChunk) {
    std::vector<PreparedDocument> chunk = next.get();
    if (from + kChunk < document_ids.size())
      next = std::async(std::launch::async, prepare_chunk, from + kChunk, load(from + kChunk));
    for (PreparedDocument& d : chunk) writer.write(d);
    writer.flush();
    done += static_cast<std::int64_t>(chunk.size());
    if (progress) progress(std::min<std::int64_t>(static_cast<std::int64_t>(from + kChunk), total), total);
    if (commit_slice && slice > 0 && (from / kChunk + 1) % std::max<std::size_t>(1, slice / kChunk) == 0 &&
        from + kChunk < document_ids.size()) {
      commit_slice();
      writer.others_may_have_written();
    }
  }
  backend.end_rebuild(lease);
  return done;
}

void store_attachment_text(Lease& lease, const std::string& sha256, const std::string& text,
                           std::vector<std::string>& tags) {
  std::string s = sha256, t = text;
  lease.sql() << "DELETE FROM attachment_texts WHERE sha256 = :s", soci::use(s, "s");
  lease.sql() << "INSERT INTO attachment_texts (sha256, text) VALUES (:s, :t)", soci::use(s, "s"), soci::use(t, "t");
  soci::rowset<long long> rows = (lease.sql().prepare << "SELECT DISTINCT document_id FROM document_attachments WHERE sha256 = :s",
                                  soci::use(s, "s"));
  std::vector<long long> ids(rows.begin(), rows.end());
  for (long long id : ids) reindex_document_search(lease, id);
  for (long long id : ids) {
    long long site = 0;
    lease.sql() << "SELECT site_id FROM documents WHERE id = :id", soci::use(id, "id"), soci::into(site);
    tags.push_back(domain::tag_document(id));
    if (lease.sql().got_data()) tags.push_back(domain::tag_site_lists(site));
  }
}

}  // namespace zwgk::store
