// Documents: reads, listings with filters, save. Publishing is in document_publish.cpp.
#include "store/document_repository.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/html_sanitizer.hpp"
#include "store/catalogue_queries.hpp"
#include "store/document_rows.hpp"
#include "store/search_index_sync.hpp"

namespace zwgk::store {

namespace {

const char* kOrder = " ORDER BY d.published_on DESC NULLS LAST, d.id DESC";

// Escapes LIKE wildcards; used with ESCAPE '!'.
std::string like_pattern(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + "%";
}

// `catalogues`: the filter node and its descendants, looked up beforehand. An explicit id
// list lets the planner walk documents_catalogue_list per node; a subquery made SQLite scan
// the whole site in date order for small columns (0.3 s at 100,000 documents).
std::string where_clause(const DocumentQuery& q, const std::vector<std::int64_t>& catalogues, Binds& b) {
  std::vector<std::string> c;
  // With a catalogue, its nodes are the site's (catalogue_with_descendants checked it): no
  // site condition, so that SQLite counts and orders on the catalogue index alone instead of
  // reading every row of the column (273 ms -> 6 ms for 110,000 documents, issue 18).
  if (!q.catalogue_id) c.push_back("d.site_id = " + b.add(q.site_id));
  if (q.published_only)
    c.emplace_back("d.state = 'published'");
  else if (q.state)
    c.push_back("d.state = " + b.add(domain::to_code(*q.state)));
  if (q.catalogue_id) {
    if (catalogues.empty()) {
      c.emplace_back("1 = 0");
    } else {
      std::string in;
      for (auto id : catalogues) in += (in.empty() ? "" : ", ") + b.add(id);
      c.push_back("d.catalogue_id IN (" + in + ")");
    }
  }
  if (q.department_id) c.push_back("d.department_id = " + b.add(*q.department_id));
  if (q.year) {
    const int y = std::clamp(*q.year, 1, 9998);
    const auto first_day = [](int year) { return domain::Date{std::chrono::year{year} / 1 / 1}.iso(); };
    c.push_back("d.published_on >= " + b.add(first_day(y)) + " AND d.published_on < " + b.add(first_day(y + 1)));
  }
  if (q.kind) c.push_back("d.kind = " + b.add(domain::to_code(*q.kind)));
  if (q.validity) c.push_back("(" + validity_condition(*q.validity, q.today, b) + ")");
  if (!q.updated_since.empty()) c.push_back("d.updated_at >= " + b.add(q.updated_since));
  if (!q.title_contains.empty()) c.push_back("d.title LIKE " + b.add(like_pattern(q.title_contains)) + " ESCAPE '!'");
  if (!q.index_number_contains.empty())
    c.push_back("d.index_number LIKE " + b.add(like_pattern(q.index_number_contains)) + " ESCAPE '!'");
  if (!q.doc_number_contains.empty())
    c.push_back("d.doc_number LIKE " + b.add(like_pattern(q.doc_number_contains)) + " ESCAPE '!'");
  if (!q.topic.empty()) c.push_back("d.topic = " + b.add(q.topic));
  if (q.published_from) c.push_back("d.published_on >= " + b.add(q.published_from->iso()));
  if (q.published_to) c.push_back("d.published_on <= " + b.add(q.published_to->iso()));
  std::string out = "WHERE ";
  for (std::size_t i = 0; i < c.size(); ++i) out += (i ? " AND " : "") + c[i];
  return out;
}

// A listing of published documents filtered by nothing but its site or column: its total is
// the maintained count (document_counts, migration 0033) of the site or of the column's
// nodes, not a count(*) over them.
bool counted_by_the_database(const DocumentQuery& q) {
  return q.published_only && !q.department_id && !q.year && !q.validity && !q.kind && q.updated_since.empty() &&
         q.title_contains.empty() && q.index_number_contains.empty() && q.doc_number_contains.empty() &&
         q.topic.empty() && !q.published_from && !q.published_to;
}

long long maintained_total(Lease& lease, const DocumentQuery& q, const std::vector<std::int64_t>& catalogues) {
  Binds b;
  std::string sql = "SELECT sum(published) FROM document_counts WHERE ";
  if (q.catalogue_id) {
    if (catalogues.empty()) return 0;
    std::string in;
    for (auto id : catalogues) in += (in.empty() ? "" : ", ") + b.add(id);
    sql += "kind = 'catalogue' AND owner_id IN (" + in + ")";
  } else {
    sql += "kind = 'site' AND owner_id = " + b.add(q.site_id);
  }
  long long total = 0;
  soci::indicator ind = soci::i_null;
  soci::statement st(lease.sql());
  st.exchange(soci::into(total, ind));
  b.apply(st);
  prepare_and_execute(st, sql);
  st.fetch();
  return ind == soci::i_ok ? total : 0;
}

std::optional<domain::Document> first(std::vector<domain::Document> docs) {
  if (docs.empty()) return std::nullopt;
  return std::move(docs.front());
}

struct DocParams {
  long long site_id = 0;
  std::string external_id, title, doc_number, index_number, issuer, topic, summary, body_html, kind, state;
  NullableId catalogue, department, interprets;
  NullableText written_on, published_on, disclosure, effective_on, expires_on, repealed_on;
  int amended = 0, legacy = 0;
  int body_filter = domain::kSanitizerVersion;
  std::string created_at, updated_at, first_published_at;

  explicit DocParams(const domain::Document& d)
      : site_id(d.site_id),
        external_id(d.external_id),
        title(d.title),
        doc_number(d.doc_number),
        index_number(d.index_number),
        issuer(d.issuer),
        topic(d.topic),
        summary(d.summary),
        body_html(domain::sanitize_html(d.body_html)),  // filtered once, where it is stored
        kind(domain::to_code(d.kind)),
        state(domain::to_code(d.state)),
        catalogue(d.catalogue_id),
        department(d.department_id),
        interprets(d.interprets_id),
        written_on(d.written_on),
        published_on(d.published_on),
        disclosure(d.disclosure ? std::optional<std::string>(domain::to_code(*d.disclosure)) : std::nullopt),
        effective_on(d.effective_on),
        expires_on(d.expires_on),
        repealed_on(d.repealed_on),
        amended(d.amended ? 1 : 0),
        legacy(d.legacy ? 1 : 0),
        created_at(d.created_at),
        updated_at(d.updated_at),
        first_published_at(d.first_published_at) {}
};

// The columns save() writes on both insert and update, as "col = :col" pairs.
const char* kEditable[] = {"external_id", "title", "doc_number", "index_number", "catalogue_id",
                           "department_id", "issuer", "written_on", "published_on", "disclosure",
                           "effective_on", "expires_on", "repealed_on", "amended", "topic",
                           "summary", "body_html", "body_filter", "kind", "legacy", "interprets_id",
                           "updated_at"};

void use_editable(soci::statement& st, DocParams& p) {
  st.exchange(soci::use(p.external_id, "external_id"));
  st.exchange(soci::use(p.title, "title"));
  st.exchange(soci::use(p.doc_number, "doc_number"));
  st.exchange(soci::use(p.index_number, "index_number"));
  st.exchange(soci::use(p.catalogue.value, p.catalogue.ind, "catalogue_id"));
  st.exchange(soci::use(p.department.value, p.department.ind, "department_id"));
  st.exchange(soci::use(p.issuer, "issuer"));
  st.exchange(soci::use(p.written_on.value, p.written_on.ind, "written_on"));
  st.exchange(soci::use(p.published_on.value, p.published_on.ind, "published_on"));
  st.exchange(soci::use(p.disclosure.value, p.disclosure.ind, "disclosure"));
  st.exchange(soci::use(p.effective_on.value, p.effective_on.ind, "effective_on"));
  st.exchange(soci::use(p.expires_on.value, p.expires_on.ind, "expires_on"));
  st.exchange(soci::use(p.repealed_on.value, p.repealed_on.ind, "repealed_on"));
  st.exchange(soci::use(p.amended, "amended"));
  st.exchange(soci::use(p.topic, "topic"));
  st.exchange(soci::use(p.summary, "summary"));
  st.exchange(soci::use(p.body_html, "body_html"));
  st.exchange(soci::use(p.body_filter, "body_filter"));
  st.exchange(soci::use(p.kind, "kind"));
  st.exchange(soci::use(p.legacy, "legacy"));
  st.exchange(soci::use(p.interprets.value, p.interprets.ind, "interprets_id"));
  st.exchange(soci::use(p.updated_at, "updated_at"));
}

std::int64_t insert_document(Lease& lease, DocParams& p) {
  std::string cols = "site_id, state, created_at, first_published_at", vals = ":site_id, :state, :created_at, :first_published_at";
  for (const char* c : kEditable) {
    cols += std::string(", ") + c;
    vals += std::string(", :") + c;
  }
  long long id = 0;
  soci::statement st(lease.sql());
  st.exchange(soci::use(p.site_id, "site_id"));
  st.exchange(soci::use(p.state, "state"));
  st.exchange(soci::use(p.created_at, "created_at"));
  st.exchange(soci::use(p.first_published_at, "first_published_at"));
  use_editable(st, p);
  st.exchange(soci::into(id));
  st.alloc();
  st.prepare("INSERT INTO documents (" + cols + ") VALUES (" + vals + ") RETURNING id");
  st.define_and_bind();
  st.execute(true);
  return id;
}

void update_document(Lease& lease, std::int64_t id, DocParams& p) {
  std::string set;
  for (const char* c : kEditable) set += std::string(set.empty() ? "" : ", ") + c + " = :" + c;
  long long doc_id = id;
  soci::statement st(lease.sql());
  use_editable(st, p);
  st.exchange(soci::use(doc_id, "id"));
  st.alloc();
  st.prepare("UPDATE documents SET " + set + " WHERE id = :id");
  st.define_and_bind();
  st.execute(true);
}

// Attachments in vector order; rows whose id is given and belongs to the document are
// updated in place (stable ids for URLs), the rest inserted, the missing deleted.
void save_attachments(Lease& lease, std::int64_t document_id, const std::vector<domain::Attachment>& list) {
  auto& sql = lease.sql();
  long long doc = document_id;
  std::set<long long> existing;
  {
    long long aid = 0;
    soci::statement st = (sql.prepare << "SELECT id FROM document_attachments WHERE document_id = :d",
                          soci::use(doc, "d"), soci::into(aid));
    st.execute();
    while (st.fetch()) existing.insert(aid);
  }
  std::set<long long> keep;
  for (const auto& a : list)
    if (a.id != 0 && existing.count(a.id)) keep.insert(a.id);
  for (long long old : existing)
    if (!keep.count(old)) sql << "DELETE FROM document_attachments WHERE id = :id", soci::use(old, "id");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& a = list[i];
    int position = static_cast<int>(i);
    long long size = a.size, aid = a.id;
    if (keep.count(a.id)) {
      sql << "UPDATE document_attachments SET position = :pos, file_name = :file_name, sha256 = :sha256, "
             "media_type = :media_type, size = :size WHERE id = :id",
          soci::use(position, "pos"), soci::use(a.file_name, "file_name"), soci::use(a.sha256, "sha256"),
          soci::use(a.media_type, "media_type"), soci::use(size, "size"), soci::use(aid, "id");
    } else {
      sql << "INSERT INTO document_attachments (document_id, position, file_name, sha256, media_type, size) "
             "VALUES (:d, :pos, :file_name, :sha256, :media_type, :size)",
          soci::use(doc, "d"), soci::use(position, "pos"), soci::use(a.file_name, "file_name"),
          soci::use(a.sha256, "sha256"), soci::use(a.media_type, "media_type"), soci::use(size, "size");
    }
  }
}

// The catalogue node and the department must belong to the document's site.
void check_same_site(Lease& lease, const domain::Document& doc) {
  std::vector<std::string> problems;
  auto site_of = [&](const char* table, std::int64_t id) -> std::optional<long long> {
    long long i = id, site = 0;
    lease.sql() << std::string("SELECT site_id FROM ") + table + " WHERE id = :id", soci::use(i, "id"),
        soci::into(site);
    if (!lease.sql().got_data()) return std::nullopt;
    return site;
  };
  if (doc.catalogue_id && site_of("catalogue_nodes", *doc.catalogue_id) != doc.site_id)
    problems.emplace_back("公开目录不存在或不属于本网站");
  if (doc.department_id && site_of("departments", *doc.department_id) != doc.site_id)
    problems.emplace_back("公开责任部门不存在或不属于本网站");
  if (!problems.empty()) throw domain::ValidationError(std::move(problems));
}

int count_where(Lease& lease, const std::string& sql_text, long long site, const std::string& value, long long self) {
  int n = 0;
  std::string v = value;
  lease.sql() << sql_text, soci::use(site, "site"), soci::use(v, "v"), soci::use(self, "self"), soci::into(n);
  return n;
}

}  // namespace

std::optional<domain::Document> DocumentRepository::by_id(std::int64_t id) {
  return guarded("读取文件失败", [&] {
    Lease lease(db_);
    return load_document(lease, id);
  });
}

std::optional<domain::Document> DocumentRepository::by_external_id(std::int64_t site_id,
                                                                    const std::string& external_id) {
  if (external_id.empty()) return std::nullopt;
  return guarded("读取文件失败", [&] {
    Lease lease(db_);
    Binds b;
    auto docs = query_documents(
        lease, true, "WHERE d.site_id = " + b.add(site_id) + " AND d.external_id <> '' AND d.external_id = " + b.add(external_id), b);
    load_attachments(lease, docs);
    return first(std::move(docs));
  });
}

std::optional<domain::Document> DocumentRepository::by_index_number(std::int64_t site_id,
                                                                     const std::string& index_number) {
  if (index_number.empty()) return std::nullopt;
  return guarded("读取文件失败", [&] {
    Lease lease(db_);
    Binds b;
    auto docs = query_documents(
        lease, true, "WHERE d.site_id = " + b.add(site_id) + " AND d.index_number <> '' AND d.index_number = " + b.add(index_number), b);
    load_attachments(lease, docs);
    return first(std::move(docs));
  });
}

DocumentPage DocumentRepository::list(const DocumentQuery& q) {
  return guarded("读取文件列表失败", [&] {
    Lease lease(db_);
    DocumentPage page;
    std::vector<std::int64_t> catalogues;
    if (q.catalogue_id) catalogues = catalogue_with_descendants(lease, *q.catalogue_id, q.site_id);
    if (counted_by_the_database(q)) {
      page.total = maintained_total(lease, q, catalogues);
    } else {
      Binds b;
      const std::string where = where_clause(q, catalogues, b);
      long long total = 0;
      soci::statement st(lease.sql());
      st.exchange(soci::into(total));
      b.apply(st);
      prepare_and_execute(st, "SELECT count(*) FROM documents d " + where);
      st.fetch();
      page.total = total;
    }
    if (q.per_page <= 0 || page.total == 0) return page;
    const long long per_page = q.per_page;
    const long long offset = static_cast<long long>(std::max(q.page, 1) - 1) * per_page;
    if (offset >= page.total) return page;
    Binds b;
    std::string tail = where_clause(q, catalogues, b) + kOrder;
    tail += " LIMIT " + b.add(per_page) + " OFFSET " + b.add(offset);
    page.items = query_documents(lease, false, tail, b);
    return page;
  });
}

std::vector<int> DocumentRepository::years(std::int64_t site_id) {
  return guarded("读取年份失败", [&] {
    Lease lease(db_);
    std::vector<int> out;
    long long site = site_id;
    std::string y;
    soci::statement st =
        (lease.sql().prepare << "SELECT DISTINCT substr(CAST(published_on AS TEXT), 1, 4) AS y FROM documents "
                                "WHERE site_id = :site AND state = 'published' AND published_on IS NOT NULL "
                                "ORDER BY y DESC",
         soci::use(site, "site"), soci::into(y));
    st.execute();
    while (st.fetch()) {  // a value not starting with digits (a hand-edited SQLite row) is no year
      int year = 0;
      if (std::from_chars(y.data(), y.data() + y.size(), year).ec == std::errc()) out.push_back(year);
    }
    return out;
  });
}

std::vector<int> DocumentRepository::years(std::int64_t site_id, std::int64_t catalogue_id) {
  return guarded("读取年份失败", [&] {
    Lease lease(db_);
    const auto catalogues = catalogue_with_descendants(lease, catalogue_id, site_id);
    // Per node: its newest and oldest 发文日期, then one index probe per year between them,
    // on the catalogue index (a GROUP BY read every document of a 100,000-document column).
    std::set<int, std::greater<>> years;
    const auto year_of = [](const std::string& iso) {
      int year = 0;
      if (std::from_chars(iso.data(), iso.data() + std::min<std::size_t>(4, iso.size()), year).ec != std::errc()) return 0;
      return year;
    };
    const auto first_day = [](int year) { return domain::Date{std::chrono::year{year} / 1 / 1}.iso(); };
    for (auto id : catalogues) {
      long long node = id;
      std::string newest, oldest;
      soci::indicator ni = soci::i_null, oi = soci::i_null;
      // Two queries: SQLite answers a lone min() or max() with one index seek, both together
      // with a scan of the column.
      lease.sql() << "SELECT CAST(max(published_on) AS TEXT) FROM documents "
                     "WHERE catalogue_id = :c AND state = 'published' AND published_on IS NOT NULL",
          soci::use(node, "c"), soci::into(newest, ni);
      lease.sql() << "SELECT CAST(min(published_on) AS TEXT) FROM documents "
                     "WHERE catalogue_id = :c AND state = 'published' AND published_on IS NOT NULL",
          soci::use(node, "c"), soci::into(oldest, oi);
      if (ni != soci::i_ok || oi != soci::i_ok) continue;
      const int hi = year_of(newest), lo = year_of(oldest);
      if (hi == 0 || lo == 0) continue;
      years.insert(hi);
      years.insert(lo);
      for (int y = hi - 1; y > lo; --y) {
        if (years.count(y)) continue;
        std::string from = first_day(y), to = first_day(y + 1);
        long long hit = 0;
        soci::indicator hi_ind = soci::i_null;
        lease.sql() << "SELECT id FROM documents WHERE catalogue_id = :c AND state = 'published' AND "
                       "published_on >= :f AND published_on < :t LIMIT 1",
            soci::use(node, "c"), soci::use(from, "f"), soci::use(to, "t"), soci::into(hit, hi_ind);
        if (lease.sql().got_data() && hi_ind == soci::i_ok) years.insert(y);
      }
    }
    return std::vector<int>(years.begin(), years.end());
  });
}

std::vector<std::string> DocumentRepository::topics(std::int64_t site_id) {
  return guarded("读取主题分类失败", [&] {
    Lease lease(db_);
    std::vector<std::string> out;
    long long site = site_id;
    // One seek per distinct 主题分类 on documents_topics (migration 0033), in the database's
    // own order: a GROUP BY read every published document of the site (150 ms at 110,000).
    std::string last, t;
    soci::indicator ind = soci::i_null;
    soci::statement st = (lease.sql().prepare << "SELECT min(topic) FROM documents WHERE site_id = :site AND "
                                                 "state = 'published' AND topic > :last",
                          soci::use(site, "site"), soci::use(last, "last"), soci::into(t, ind));
    constexpr int kMaxTopics = 1000;  // a vocabulary, not free text
    for (int i = 0; i < kMaxTopics; ++i) {
      st.execute(true);
      if (ind != soci::i_ok || t.empty()) break;
      out.push_back(t);
      last = t;
    }
    return out;
  });
}

std::vector<domain::Document> DocumentRepository::interpretations_of(std::int64_t id) {
  return guarded("读取政策解读失败", [&] {
    Lease lease(db_);
    Binds b;
    return query_documents(lease, false,
                           "WHERE d.interprets_id = " + b.add(id) +
                               " AND d.state = 'published' AND d.kind = 'interpretation'" + kOrder,
                           b);
  });
}

std::vector<domain::Document> DocumentRepository::scan(const DocumentScan& s) {
  return guarded("读取文件失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string tail = "WHERE d.id > " + b.add(s.after_id);
    if (s.site_id != 0) tail += " AND d.site_id = " + b.add(s.site_id);
    if (s.published_only) tail += " AND d.state = 'published'";
    if (!s.updated_since.empty()) tail += " AND d.updated_at >= " + b.add(s.updated_since);
    tail += " ORDER BY d.id LIMIT " + b.add(static_cast<long long>(std::max(s.limit, 1)));
    auto docs = query_documents(lease, s.with_body, tail, b);
    if (s.with_body) load_attachments(lease, docs);
    return docs;
  });
}

void DocumentRepository::for_each(DocumentScan s, const std::function<void(const domain::Document&)>& fn) {
  if (s.limit <= 0) s.limit = 500;
  for (;;) {
    auto batch = scan(s);
    for (const auto& d : batch) fn(d);
    if (static_cast<int>(batch.size()) < s.limit) break;
    s.after_id = batch.back().id;
  }
}

void DocumentRepository::for_each(std::int64_t site_id, const std::function<void(const domain::Document&)>& fn) {
  DocumentScan s;
  s.site_id = site_id;
  for_each(s, fn);
}

std::map<std::int64_t, std::int64_t> DocumentRepository::count_by_catalogue(std::int64_t site_id,
                                                                           bool include_descendants) {
  return guarded("统计文件数失败", [&] {
    Lease lease(db_);
    std::map<std::int64_t, std::int64_t> direct;
    long long site = site_id, cat = 0, n = 0;
    {
      // Maintained by the database (migration 0033), not counted here.
      soci::statement st = (lease.sql().prepare << "SELECT c.owner_id, c.published FROM document_counts c "
                                                   "JOIN catalogue_nodes n ON n.id = c.owner_id "
                                                   "WHERE c.kind = 'catalogue' AND n.site_id = :site AND c.published > 0",
                            soci::use(site, "site"), soci::into(cat), soci::into(n));
      st.execute();
      while (st.fetch()) direct[cat] = n;
    }
    if (!include_descendants) return direct;
    std::map<std::int64_t, std::optional<std::int64_t>> parent_of;
    long long id = 0, parent = 0;
    soci::indicator ind = soci::i_null;
    soci::statement st = (lease.sql().prepare << "SELECT id, parent_id FROM catalogue_nodes WHERE site_id = :site",
                          soci::use(site, "site"), soci::into(id), soci::into(parent, ind));
    st.execute();
    while (st.fetch()) parent_of[id] = id_from(parent, ind);
    std::map<std::int64_t, std::int64_t> total;
    for (const auto& [node, count] : direct) {
      std::set<std::int64_t> seen;
      std::optional<std::int64_t> cur = node;
      while (cur && seen.insert(*cur).second) {
        total[*cur] += count;
        auto it = parent_of.find(*cur);
        cur = it == parent_of.end() ? std::nullopt : it->second;
      }
    }
    return total;
  });
}

std::map<std::int64_t, std::int64_t> DocumentRepository::count_by_department(std::int64_t site_id) {
  return guarded("统计文件数失败", [&] {
    Lease lease(db_);
    std::map<std::int64_t, std::int64_t> out;
    long long site = site_id, dep = 0, n = 0;
    soci::statement st = (lease.sql().prepare << "SELECT c.owner_id, c.published FROM document_counts c "
                                                 "JOIN departments d ON d.id = c.owner_id "
                                                 "WHERE c.kind = 'department' AND d.site_id = :site AND c.published > 0",
                          soci::use(site, "site"), soci::into(dep), soci::into(n));
    st.execute();
    while (st.fetch()) out[dep] = n;
    return out;
  });
}

void write_document(Lease& lease, domain::Document& doc, std::vector<std::string>& tags) {
  const std::string now = now_utc_iso();
  if (doc.id == 0) {
    doc.state = domain::DocumentState::Draft;
    doc.created_at = now;
  } else {
    auto stored = load_document(lease, doc.id, /*lock=*/true);
    if (!stored) throw NotFound("文件不存在: " + std::to_string(doc.id));
    add_document_tags(lease, *stored, tags);  // the old catalogue and interpreted document too
    doc.site_id = stored->site_id;
    doc.state = stored->state;
    doc.created_at = stored->created_at;
    doc.first_published_at = stored->first_published_at;
    if (!stored->index_number.empty()) doc.index_number = stored->index_number;
  }
  doc.updated_at = now;
  check_same_site(lease, doc);
  // Friendly messages for the unique keys (the indexes stay the last word). The "<> ''"
  // terms let SQLite use the partial unique indexes instead of scanning the site.
  if (!doc.external_id.empty() &&
      count_where(lease, "SELECT count(*) FROM documents WHERE site_id = :site AND external_id <> '' AND external_id = :v "
                  "AND id <> :self",
                  doc.site_id, doc.external_id, doc.id) > 0)
    throw StoreError("外部编号已存在: " + doc.external_id);
  if (!doc.index_number.empty() &&
      count_where(lease, "SELECT count(*) FROM documents WHERE site_id = :site AND index_number <> '' AND index_number = :v "
                  "AND id <> :self",
                  doc.site_id, doc.index_number, doc.id) > 0)
    throw StoreError("索引号已被其他文件使用: " + doc.index_number);
  DocParams p(doc);
  if (doc.id == 0)
    doc.id = insert_document(lease, p);
  else
    update_document(lease, doc.id, p);
  save_attachments(lease, doc.id, doc.attachments);
  add_document_tags(lease, doc, tags);
  reindex_document_search(lease, doc.id);  // a published document's edit is searchable at once
}

std::int64_t DocumentRepository::save(domain::Document doc) {
  if (doc.site_id == 0 && doc.id == 0) throw domain::ValidationError({"文件必须属于一个网站"});
  if (doc.id != 0 && doc.interprets_id && *doc.interprets_id == doc.id)
    throw domain::ValidationError({"政策解读不能解读它自己"});
  std::vector<std::string> tags;
  guarded("保存文件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    write_document(lease, doc, tags);
    tx.commit();
  });
  db_.notify_changed(tags);
  return doc.id;
}

}  // namespace zwgk::store
