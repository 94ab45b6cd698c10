// Search entries of documents (search_index_sync.hpp). The text stored is
// normalize_for_search() with white space removed: the tokenizer gives white space no
// position, so a phrase over consecutive tokens is exactly a substring of this text, and
// PostgreSQL re-checks candidates with strpos() on it.
//
// One document's entries are made in three steps: read its row and attachments (SQL), prepare
// the entry texts (HTML to text and normalisation: no database, safe on any thread), write
// the rows (prepared statements). The single-document path runs them in a row; the bulk
// rebuild prepares the next chunk of documents on a worker thread while this one writes.
#include <future>
#include <map>
#include <optional>
#include <unordered_map>

#include "domain/cache_tags.hpp"
#include "domain/date.hpp"
#include "domain/html_sanitizer.hpp"
#include "search/normalizer.hpp"
#include "search/tokenizer.hpp"
#include "store/raw_connection.hpp"
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

// An FTS5 special INSERT: "'optimize'" or "'automerge', 4" (a command, or a setting and
// its value), written by this file only.
void fts5_command(Lease& lease, const std::string& table, const std::string& args) {
  const bool setting = args.find(',') != std::string::npos;
  lease.sql() << "INSERT INTO " + table + " (" + table + (setting ? ", rank" : "") + ") VALUES (" + args + ")";
}

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

// Writes entries with statements prepared once. `bulk`: the index was emptied in this
// transaction, so entry ids are allocated in memory instead of read back per entry.
class EntryWriter {
 public:
  EntryWriter(Lease& lease, bool bulk) : lease_(lease), bulk_(bulk), seed_from_table_(!bulk) {
    soci::session& sql = lease.sql();
    if (lease.sqlite()) {
      entries_.emplace((sql.prepare << "INSERT INTO search_entries (id, document_id, attachment_id, site_id, kind, "
                                      "published_on, department_id, catalogue_id, scheme) VALUES (:id, :doc, :att, :site, "
                                      ":kind, :pub, :dep, :cat, :scheme)",
                       soci::use(id_, "id"), soci::use(doc_, "doc"), soci::use(att_.value, att_.ind, "att"),
                       soci::use(site_, "site"), soci::use(kind_, "kind"), soci::use(published_, published_ind_, "pub"),
                       soci::use(dep_.value, dep_.ind, "dep"), soci::use(cat_.value, cat_.ind, "cat"),
                       soci::use(scheme_, "scheme")));
      texts_.emplace((sql.prepare << "INSERT INTO search_texts (id, title, doc_number, body) VALUES (:id, :title, :num, :body)",
                     soci::use(id_, "id"), soci::use(title_, "title"), soci::use(number_, "num"), soci::use(body_, "body")));
      fts_.emplace((sql.prepare << "INSERT INTO search_fts (rowid, title, doc_number, body) VALUES (:id, :title, :num, :body)",
                   soci::use(id_, "id"), soci::use(title_, "title"), soci::use(number_, "num"), soci::use(body_, "body")));
      title_fts_.emplace((sql.prepare << "INSERT INTO search_title_fts (rowid, title, doc_number) VALUES (:id, :title, :num)",
                         soci::use(id_, "id"), soci::use(title_, "title"), soci::use(number_, "num")));
    } else {
      entries_.emplace((sql.prepare << "INSERT INTO search_entries (id, document_id, attachment_id, site_id, kind, "
                                      "published_on, department_id, catalogue_id, title, doc_number, body, tokens, "
                                      "title_tokens, complete, scheme) VALUES (:id, :doc, :att, :site, :kind, "
                                      "CAST(:pub AS DATE), :dep, :cat, :title, :num, :body, CAST(:tokens AS tsvector), "
                                      "CAST(:ttokens AS tsvector), :complete, :scheme)",
                       soci::use(id_, "id"), soci::use(doc_, "doc"), soci::use(att_.value, att_.ind, "att"),
                       soci::use(site_, "site"), soci::use(kind_, "kind"), soci::use(published_, published_ind_, "pub"),
                       soci::use(dep_.value, dep_.ind, "dep"), soci::use(cat_.value, cat_.ind, "cat"),
                       soci::use(title_, "title"), soci::use(number_, "num"), soci::use(body_, "body"),
                       soci::use(tokens_, "tokens"), soci::use(title_tokens_, "ttokens"),
                       soci::use(complete_, "complete"), soci::use(scheme_, "scheme")));
    }
  }

  // After a commit of a sliced first build other writers may have indexed documents too:
  // from then on a document's own entries are dropped before it is written, and entry ids
  // are counted on from what the table holds.
  void others_may_have_written() {
    next_by_day_.clear();
    seed_from_table_ = true;
    if (!existing_)
      existing_.emplace((lease_.sql().prepare << "SELECT count(*) FROM search_entries WHERE document_id = :d",
                         soci::use(doc_, "d"), soci::into(existing_count_)));
  }

  void write(PreparedDocument& d) {
    doc_ = d.id;
    if (existing_) {
      existing_->execute(true);
      // Stepped to its end: a SELECT left on its row keeps a read transaction open, and SQLite
      // cannot restart its write-ahead log behind it (the log then grows with every slice).
      while (existing_->fetch()) {
      }
      if (existing_count_ > 0) delete_entries(lease_, d.id);
    }
    site_ = d.site;
    published_ = d.published;
    published_ind_ = published_.empty() ? soci::i_null : soci::i_ok;
    dep_ = d.department;
    cat_ = d.catalogue;
    for (Entry& e : d.entries) {
      id_ = next_id(d.day);
      att_ = NullableId(e.attachment_id);
      kind_ = std::move(e.kind);
      title_ = std::move(e.title);
      number_ = std::move(e.doc_number);
      body_ = std::move(e.body);
      tokens_ = std::move(e.tokens);
      title_tokens_ = std::move(e.title_tokens);
      complete_ = e.complete ? 1 : 0;
      if (bulk_ && !lease_.sqlite()) {
        append_copy_row();
        continue;
      }
      for (auto* st : {&entries_, &texts_, &fts_, &title_fts_})
        if (*st) (*st)->execute(true);
    }
  }

  // PostgreSQL bulk: sends the rows written since the last flush as one COPY (the same
  // columns as the INSERT; ~20x fewer round trips and no per-row parse).
  void flush() {
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

  // One row in COPY's text format: tab-separated, \N for NULL, \ \t \n \r escaped.
  void append_copy_row() {
    const auto text = [&](std::string_view v) {
      for (char c : v) {
        switch (c) {
          case '\\': copy_ += "\\\\"; break;
          case '\t': copy_ += "\\t"; break;
          case '\n': copy_ += "\\n"; break;
          case '\r': copy_ += "\\r"; break;
          default: copy_ += c;
        }
      }
    };
    const auto id = [&](const NullableId& v) { copy_ += v.ind == soci::i_null ? "\\N" : std::to_string(v.value); };
    copy_ += std::to_string(id_) + '\t' + std::to_string(doc_) + '\t';
    id(att_);
    copy_ += '\t' + std::to_string(site_) + '\t';
    text(kind_);
    copy_ += '\t';
    if (published_ind_ == soci::i_null) copy_ += "\\N"; else text(published_);
    copy_ += '\t';
    id(dep_);
    copy_ += '\t';
    id(cat_);
    for (const std::string* v : {&title_, &number_, &body_, &tokens_, &title_tokens_}) {
      copy_ += '\t';
      text(*v);
    }
    copy_ += '\t' + std::to_string(complete_) + '\t' + std::to_string(scheme_) + '\n';
  }

  Lease& lease_;
  bool bulk_;
  bool seed_from_table_;  // ids continue from the table's (else counted from the day's floor)
  std::map<long long, long long> next_by_day_;
  std::string copy_;
  std::optional<soci::statement> existing_;
  long long existing_count_ = 0;
  long long id_ = 0, doc_ = 0, site_ = 0;
  NullableId att_, dep_, cat_;
  std::string kind_, published_, title_, number_, body_, tokens_, title_tokens_;
  soci::indicator published_ind_ = soci::i_null;
  int complete_ = 1, scheme_ = kSearchScheme;
  std::optional<soci::statement> entries_, texts_, fts_, title_fts_;
};

}  // namespace

void reindex_document_search(Lease& lease, std::int64_t document_id) {
  delete_entries(lease, document_id);
  for (const DocumentSource& s : load_sources(lease, std::to_string(document_id)))
    if (auto d = prepare(s, !lease.sqlite())) EntryWriter(lease, false).write(*d);
}

std::int64_t rebuild_search_index(Lease& lease, const std::vector<long long>& document_ids,
                                  const std::function<void(std::int64_t, std::int64_t)>& progress, std::size_t slice,
                                  const std::function<void()>& commit_slice) {
  lease.sql() << "DELETE FROM search_entries";
  if (lease.sqlite()) {
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
  EntryWriter writer(lease, true);
  constexpr std::size_t kChunk = 256;
  const auto total = static_cast<std::int64_t>(document_ids.size());
  // Chunk k+1 is read here, then prepared on a worker while chunk k is written.
  const auto load = [&](std::size_t from) {
    std::string list;
    for (std::size_t i = from; i < std::min(document_ids.size(), from + kChunk); ++i)
      list += (list.empty() ? "" : ",") + std::to_string(document_ids[i]);
    return load_sources(lease, list);
  };
  const bool with_tokens = !lease.sqlite();
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
  if (lease.sqlite()) {
    for (const char* fts : {"search_fts", "search_title_fts"}) {
      fts5_command(lease, fts, "'optimize'");
      // Back to the settings of one-by-one indexing (migration 0003).
      fts5_command(lease, fts, std::string(fts) == "search_fts" ? "'hashsize', 67108864" : "'hashsize', 1048576");
      fts5_command(lease, fts, "'automerge', 4");
      fts5_command(lease, fts, "'crisismerge', 16");
    }
  }
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
