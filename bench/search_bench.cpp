// make bench-search: loads generated documents (bench/gen_documents.py JSONL) into one
// backend, builds the search index (zwgk tokenizer) and, on SQLite, the built-in trigram
// index over the same entries; prints build rate, index size and query latency p50/p99 for
// 1, 2, 4 and 8-character queries and 文号 queries, beside trigram and a LIKE scan; then
// known-item quality (issue 18): for sampled documents, queries made from the title and the
// 文号, and the rank of that document among the first 10 results, for zwgk's search and (on
// SQLite) FTS5 trigram + bm25 over the same documents as stored (not normalised).
//   search_bench DATABASE_URL DOCS.jsonl
// BENCH_KNOWN_ITEMS=N documents sampled (default 200, 0 = skip), BENCH_SHOW_MISSES=N prints
// the first N misses of zwgk's search per query class.
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/html_sanitizer.hpp"
#include "store/database.hpp"
#include "store/search_index.hpp"
#include "store/site_repository.hpp"

using Clock = std::chrono::steady_clock;
using namespace zwgk;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::string percentiles(std::vector<double> v) {
  if (v.empty()) return "-";
  std::sort(v.begin(), v.end());
  auto at = [&](double p) { return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))]; };
  char buf[64];
  std::snprintf(buf, sizeof buf, "p50 %7.2f ms  p99 %7.2f ms", at(0.5), at(0.99));
  return buf;
}

std::vector<std::string> pieces(const std::vector<std::string>& texts, std::size_t chars, int n, std::mt19937& rng) {
  std::vector<std::string> out;
  while (static_cast<int>(out.size()) < n) {
    const auto& t = texts[rng() % texts.size()];
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < t.size(); ++i)
      if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(t.size());
    if (starts.size() <= chars + 1) continue;
    const std::size_t from = rng() % (starts.size() - chars);
    std::string p = t.substr(starts[from], starts[from + chars] - starts[from]);
    if (p.find_first_of(" ，。、；：“”《》（）") == 0) continue;  // start on a word character
    out.push_back(p);
  }
  return out;
}

long long sqlite_count(sqlite3* h, const std::string& sql, const std::string& arg) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return -1;
  const int params = sqlite3_bind_parameter_count(st);
  for (int i = 1; i <= params; ++i) sqlite3_bind_text(st, i, arg.c_str(), -1, SQLITE_TRANSIENT);
  long long n = 0;
  while (sqlite3_step(st) == SQLITE_ROW) n += sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

// The first `limit` rowids (or first column) of a query with one text parameter.
std::vector<long long> sqlite_ids(sqlite3* h, const std::string& sql, const std::string& arg) {
  std::vector<long long> out;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return out;
  sqlite3_bind_text(st, 1, arg.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(st) == SQLITE_ROW) out.push_back(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  return out;
}

std::vector<std::string> code_points(const std::string& t) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t n = 1;
    while (i + n < t.size() && (static_cast<unsigned char>(t[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(t.substr(i, n));
    i += n;
  }
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// 2019 -> ２０１９ (U+FF10..U+FF19).
std::string full_width_digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      out += "\xEF\xBC";
      out += static_cast<char>(0x90 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

// A 4-8 character piece of a title that starts on a word character (the whole title if shorter).
std::string title_piece(const std::string& title, std::mt19937& rng) {
  const auto cps = code_points(title);
  const std::size_t len = std::min<std::size_t>(cps.size(), 4 + rng() % 5);
  static const std::string punctuation = " ，。、；：“”《》（）〔〕【】()[]-—";
  std::size_t from = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    from = rng() % (cps.size() - len + 1);
    if (punctuation.find(cps[from]) == std::string::npos) break;
  }
  std::string out;
  for (std::size_t i = from; i < from + len; ++i) out += cps[i];
  return out;
}

// s padded to `columns` terminal columns (CJK characters take two).
std::string pad(const std::string& s, std::size_t columns) {
  std::size_t width = 0;
  for (const auto& cp : code_points(s)) width += cp.size() >= 3 ? 2 : 1;
  return s + std::string(columns > width ? columns - width : 0, ' ');
}

struct KnownItem {
  long long id = 0;
  std::string title, number;
};

// Reservoir sampling: every document has the same chance, in one pass, deterministic.
struct Reservoir {
  Reservoir(std::size_t n, unsigned seed) : size(n), rng(seed) {}
  std::size_t size;
  std::mt19937_64 rng;
  long long seen = 0;
  std::vector<KnownItem> items;
  void offer(const KnownItem& item) {
    ++seen;
    if (items.size() < size) {
      items.push_back(item);
    } else {
      const auto j = static_cast<std::size_t>(rng() % static_cast<unsigned long long>(seen));
      if (j < size) items[j] = item;
    }
  }
};

std::string fts_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: search_bench DATABASE_URL DOCS.jsonl\n");
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // every line as it is printed
  const char* box = std::getenv("BENCH_CLASS_SECONDS");
  const double class_seconds = box ? std::atof(box) : 60;  // time box per query class and column
  const std::string url = argv[1];
  auto db = store::Database::open(url, 2);
  db->migrate();
  domain::Site s;
  s.code = "bench";
  s.name = "基准测试站";
  const auto site = store::SiteRepository(*db).save(s);

  std::vector<std::string> bodies, numbers;
  const char* known_env = std::getenv("BENCH_KNOWN_ITEMS");
  const std::size_t known_n = known_env ? static_cast<std::size_t>(std::atol(known_env)) : 200;
  Reservoir titled(known_n, 18), numbered(known_n, 19);
  std::unordered_map<std::size_t, int> title_count, number_count;  // by hash: how many documents share one
  std::ifstream in(argv[2]);
  std::string line;
  long long loaded = 0;
  auto t0 = Clock::now();
  {
    // Straight into the documents table, 500 rows per INSERT: the repository's save (revision,
    // 索引号, change events) costs ~1 ms a document, which is 17 minutes of set-up at 1,000,000.
    // The text is this generator's own, quoted as SQL literals (' doubled).
    const auto literal = [](const std::string& v) {
      std::string out = "'";
      for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
      return out + "'";
    };
    const std::string now = "'2026-01-01T00:00:00Z'";
    std::string sql;
    int rows = 0;
    const auto flush = [&] {
      if (rows == 0) return;
      db->execute("INSERT INTO documents (id, site_id, title, doc_number, published_on, body_html, state, created_at, "
                  "updated_at) VALUES " + sql);
      sql.clear();
      rows = 0;
    };
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line);
      const std::string title = j.value("title", ""), number = j.value("doc_number", ""), text = j.value("body_text", "");
      const std::string published = j.value("published_on", "");
      if (bodies.size() < 20000) bodies.push_back(title + text);
      if (numbers.size() < 20000 && !number.empty()) numbers.push_back(number);
      const long long id = loaded + 1;  // explicit ids: the known items' ids are their line numbers
      if (known_n) {
        ++title_count[std::hash<std::string>{}(title)];
        titled.offer({id, title, number});
        if (!number.empty()) {
          ++number_count[std::hash<std::string>{}(number)];
          numbered.offer({id, title, number});
        }
      }
      sql += (rows ? ", (" : "(") + std::to_string(id) + ", " + std::to_string(site.id) + ", " + literal(title) + ", " + literal(number) + ", " +
             (domain::Date::parse(published) ? literal(published) : std::string("NULL")) + ", " +
             literal(domain::text_to_html(text)) + ", 'published', " + now + ", " + now + ")";
      ++loaded;
      if (++rows == 500) flush();
    }
    flush();
  }
  std::printf("backend %s, %lld documents loaded (published, not yet indexed) in %.1f s\n",
              url.substr(0, url.find(':')).c_str(), loaded, ms_since(t0) / 1000);

  store::SearchIndex index(*db);
  const auto cpu_seconds = [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  t0 = Clock::now();
  const double cpu0 = cpu_seconds();
  double written_s = 0;  // the last chunk handed to SQLite / PostgreSQL; the rest is commit and merge
  const auto n = index.reindex([&](std::int64_t, std::int64_t) { written_s = ms_since(t0) / 1000; });
  const double build_s = ms_since(t0) / 1000, build_cpu = cpu_seconds() - cpu0;
  db->refresh_statistics();
  std::printf("zwgk index build: %lld docs in %.1f s = %.0f docs/s (this process: %.1f CPU s = %.0f docs per CPU s; "
              "load average %.1f on %ld cores)\n",
              static_cast<long long>(n), build_s, n / build_s, build_cpu, n / build_cpu, load[0], sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("  (entries written in %.1f s; commit%s %.1f s)\n", written_s,
              db->backend() == store::Backend::Sqlite ? " and FTS5 optimize" : "", build_s - written_s);

  const bool sqlite = db->backend() == store::Backend::Sqlite;
  const char* build_only = std::getenv("BENCH_BUILD_ONLY");  // index build and size only
  sqlite3* h = nullptr;
  if (sqlite) {
    sqlite3_open(url.substr(7).c_str(), &h);
    std::printf("zwgk index size (FTS5 shadow tables): %.1f MB\n",
                sqlite_count(h, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'", "") / 1048576.0);
    std::printf("zwgk title/文号 index (search_title_fts): %.1f MB\n",
                sqlite_count(h, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_title_fts%'", "") / 1048576.0);
    std::printf("search_entries (normalised text): %.1f MB\n",
                sqlite_count(h, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_entries%' OR name LIKE 'search_texts%'", "") / 1048576.0);
    if (build_only && *build_only == '1') {
      sqlite3_close(h);
      return 0;
    }
    t0 = Clock::now();
    char* err = nullptr;
    sqlite3_exec(h, "DROP TABLE IF EXISTS tri; CREATE VIRTUAL TABLE tri USING fts5(title, doc_number, body, "
                    "content='search_texts', content_rowid='id', tokenize='trigram'); "
                    "INSERT INTO tri(tri) VALUES('rebuild')", nullptr, nullptr, &err);
    if (err) std::printf("trigram: %s\n", err);
    const double tri_s = ms_since(t0) / 1000;
    std::printf("trigram index build: %.1f s = %.0f docs/s, size %.1f MB\n", tri_s, n / tri_s,
                sqlite_count(h, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'tri%'", "") / 1048576.0);
  } else {
    std::printf("(index size on PostgreSQL: see the psql line the Makefile prints)\n");
    if (build_only && *build_only == '1') return 0;
  }

  std::mt19937 rng(42);
  struct Class { std::string name; std::vector<std::string> queries; };
  std::vector<Class> classes;
  for (std::size_t len : {1, 2, 4, 8}) classes.push_back({std::to_string(len) + " 字", pieces(bodies, len, 200, rng)});
  Class num{"文号", {}};
  for (int i = 0; i < 200; ++i) {
    std::string q = numbers[rng() % numbers.size()];
    if (i % 2) {  // typed with ASCII brackets
      for (auto [from, to] : {std::pair<std::string, std::string>{"〔", "("}, {"〕", ")"}})
        for (auto at = q.find(from); at != std::string::npos; at = q.find(from)) q.replace(at, from.size(), to);
    }
    num.queries.push_back(q);
  }
  classes.push_back(num);

  std::printf("\nquery  | zwgk top-20 + total (capped at %lld) | zwgk + facets | trigram top-20 + total | instr() scan count\n"
              "(each column time-boxed to %.0f s per class; q = queries run)\n",
              static_cast<long long>(store::kSearchCountCap), class_seconds);
  for (const auto& c : classes) {
    std::vector<double> ours, facets, tri, like;
    long long ours_hits = 0, tri_hits = 0, capped = 0;
    const auto boxed = [&](Clock::time_point start) { return ms_since(start) > class_seconds * 1000; };
    auto started = Clock::now();
    for (const auto& q : c.queries) {
      if (boxed(started)) break;
      store::SearchQuery sq;
      sq.text = q;
      sq.site_id = site.id;
      sq.with_facets = false;
      auto t = Clock::now();
      const auto r = index.search(sq);
      ours.push_back(ms_since(t));
      ours_hits += r.total;
      capped += r.total_capped;
    }
    started = Clock::now();
    for (std::size_t i = 0; i < c.queries.size() && !boxed(started); i += 4) {
      store::SearchQuery sq;
      sq.text = c.queries[i];
      sq.site_id = site.id;
      auto t = Clock::now();
      index.search(sq);
      facets.push_back(ms_since(t));
    }
    if (sqlite) {
      started = Clock::now();
      for (const auto& q : c.queries) {
        if (boxed(started)) break;
        auto t = Clock::now();
        const std::string m = fts_string(q);
        tri_hits += sqlite_count(h, "SELECT count(*) FROM tri WHERE tri MATCH ?", m);
        sqlite_count(h, "SELECT 1 FROM (SELECT rowid FROM tri WHERE tri MATCH ? ORDER BY rank LIMIT 20)", m);
        tri.push_back(ms_since(t));
      }
      started = Clock::now();
      for (std::size_t i = 0; i < 20 && i < c.queries.size() && !boxed(started); ++i) {
        auto t = Clock::now();
        sqlite_count(h, "SELECT count(*) FROM search_texts WHERE instr(title, ?1) > 0 OR instr(doc_number, ?1) > 0 "
                        "OR instr(body, ?1) > 0", c.queries[i]);
        like.push_back(ms_since(t));
      }
    }
    const auto per = [](long long total, std::size_t count) { return count ? total / static_cast<long long>(count) : 0LL; };
    std::printf("%-6s | %s (%zu q, %lld hits/q, %lld capped) | %s (%zu q) | %s | %s\n", c.name.c_str(),
                percentiles(ours).c_str(), ours.size(), per(ours_hits, ours.size()), capped,
                percentiles(facets).c_str(), facets.size(),
                sqlite ? (percentiles(tri) + " (" + std::to_string(tri.size()) + " q, " +
                          std::to_string(per(tri_hits, tri.size())) + " hits/q)").c_str() : "n/a",
                sqlite ? (percentiles(like) + " (" + std::to_string(like.size()) + " q)").c_str() : "n/a");
  }

  if (known_n) {
    // Known items. The trigram side indexes the documents as stored (title, 文号, body HTML):
    // FTS5 with the trigram tokenizer and nothing else, as a site without zwgk's normaliser would.
    if (sqlite) {
      t0 = Clock::now();
      char* err = nullptr;
      sqlite3_exec(h, "DROP TABLE IF EXISTS tri_raw; CREATE VIRTUAL TABLE tri_raw USING fts5(title, doc_number, body_html, "
                      "content='documents', content_rowid='id', tokenize='trigram'); "
                      "INSERT INTO tri_raw(tri_raw) VALUES('rebuild')", nullptr, nullptr, &err);
      if (err) std::printf("trigram (documents as stored): %s\n", err);
      std::printf("\ntrigram index of the documents as stored (for the known items): %.1f s, %.1f MB\n", ms_since(t0) / 1000,
                  sqlite_count(h, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'tri_raw%'", "") / 1048576.0);
      // The ids are the line numbers (explicit in the INSERT); check a few.
      int wrong = 0;
      for (std::size_t i = 0; i < titled.items.size() && i < 20; ++i) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(h, "SELECT title FROM documents WHERE id = ?", -1, &st, nullptr);
        sqlite3_bind_int64(st, 1, titled.items[i].id);
        if (sqlite3_step(st) != SQLITE_ROW ||
            reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) != titled.items[i].title)
          ++wrong;
        sqlite3_finalize(st);
      }
      if (wrong) std::printf("WARNING: %d sampled documents are not at the id expected\n", wrong);
    }
    const auto shared = [](const std::vector<KnownItem>& items, const std::unordered_map<std::size_t, int>& count, bool by_number) {
      int shared_n = 0;
      for (const auto& k : items) shared_n += count.at(std::hash<std::string>{}(by_number ? k.number : k.title)) > 1;
      return shared_n;
    };
    std::printf("\nknown items: %zu documents sampled, and %zu among those with a 文号; titles shared with another document: %d, "
                "文号 shared: %d\n", titled.items.size(), numbered.items.size(), shared(titled.items, title_count, false),
                shared(numbered.items, number_count, true));
    std::printf("rank of the sampled document in the first 10 results: top-1 share / MRR@10 / share in the first 10\n"
                "(zwgk: relevance order, as the search page; trigram: FTS5 MATCH of the query as one string, ORDER BY "
                "bm25 and bm25 with title and 文号 weighted 10:1)\n\n");
    std::printf("%s|   n | zwgk top-1 MRR@10 top-10 (p50 ms, median total) | trigram bm25 top-1 MRR@10 top-10 | "
                "trigram bm25 title×10 top-1 MRR@10 top-10\n", pad("query class", 25).c_str());
    struct KnownClass {
      std::string name;
      std::vector<std::pair<std::string, long long>> queries;  // query, the document's id
    };
    std::mt19937 krng(2018);
    std::vector<KnownClass> kc = {{"title, whole", {}}, {"title, 4-8 字 piece", {}}, {"文号 as written 〔〕", {}},
                                  {"文号 with []", {}}, {"文号 with ()", {}}, {"文号 with 【】", {}},
                                  {"文号, full-width digits", {}}};
    for (const auto& k : titled.items) {
      kc[0].queries.push_back({k.title, k.id});
      kc[1].queries.push_back({title_piece(k.title, krng), k.id});
    }
    for (const auto& k : numbered.items) {
      const auto with = [&](const std::string& open, const std::string& close) {
        return replace_all(replace_all(k.number, "〔", open), "〕", close);
      };
      kc[2].queries.push_back({k.number, k.id});
      kc[3].queries.push_back({with("[", "]"), k.id});
      kc[4].queries.push_back({with("(", ")"), k.id});
      kc[5].queries.push_back({with("【", "】"), k.id});
      kc[6].queries.push_back({full_width_digits(k.number), k.id});
    }
    const char* misses_env = std::getenv("BENCH_SHOW_MISSES");
    const int show_misses = misses_env ? std::atoi(misses_env) : 0;
    struct Score {
      int n = 0, top1 = 0, top10 = 0;
      double rr = 0;
      void add(const std::vector<long long>& ids, long long want) {
        ++n;
        for (std::size_t i = 0; i < ids.size() && i < 10; ++i)
          if (ids[i] == want) {
            top1 += i == 0;
            ++top10;
            rr += 1.0 / static_cast<double>(i + 1);
            break;
          }
      }
      std::string str() const {
        if (!n) return "    -      -      -";
        char buf[64];
        std::snprintf(buf, sizeof buf, "%5.3f  %5.3f  %5.3f", static_cast<double>(top1) / n, rr / n, static_cast<double>(top10) / n);
        return buf;
      }
    };
    for (const auto& c : kc) {
      Score ours, tri, tri_w, ours_unique;  // ours_unique: the queries found in one title only (SQLite)
      const bool piece_class = &c == &kc[1];
      // How many titles hold each piece (an instr() scan of every title, SQLite only), counted
      // before the timed loop and in a time box of its own: pieces not counted in time are
      // left out of the "in one title only" row.
      std::unordered_map<std::string, long long> in_titles;
      if (piece_class && sqlite) {
        const auto count_started = Clock::now();
        for (const auto& [q, want] : c.queries) {
          if (ms_since(count_started) > class_seconds * 1000) break;
          in_titles[q] = sqlite_count(h, "SELECT count(*) FROM documents WHERE instr(title, ?1) > 0", q);
        }
      }
      std::vector<double> ms, totals;
      std::vector<std::string> misses;
      const auto started = Clock::now();
      for (const auto& [q, want] : c.queries) {
        if (ms_since(started) > class_seconds * 1000) break;
        store::SearchQuery sq;
        sq.text = q;
        sq.site_id = site.id;
        sq.with_facets = false;
        sq.per_page = 10;
        auto t = Clock::now();
        const auto r = index.search(sq);
        ms.push_back(ms_since(t));
        totals.push_back(static_cast<double>(r.total));
        std::vector<long long> ids;
        for (const auto& hit : r.items) ids.push_back(hit.document_id);
        ours.add(ids, want);
        if (const auto it = in_titles.find(q); it != in_titles.end() && it->second == 1) ours_unique.add(ids, want);
        if (static_cast<int>(misses.size()) < show_misses && (ids.empty() || ids[0] != want)) {
          const auto at = std::find(ids.begin(), ids.end(), want);
          misses.push_back("    " + q + " -> rank " + (at == ids.end() ? std::string("none") : std::to_string(at - ids.begin() + 1)) +
                           " of " + std::to_string(r.total) + (r.items.empty() ? "" : ", first: " + r.items[0].title));
        }
      }
      if (sqlite) {
        const auto tri_started = Clock::now();
        for (const auto& [q, want] : c.queries) {
          if (ms_since(tri_started) > class_seconds * 1000) break;
          const std::string m = fts_string(q);
          tri.add(sqlite_ids(h, "SELECT rowid FROM tri_raw WHERE tri_raw MATCH ? ORDER BY rank LIMIT 10", m), want);
          tri_w.add(sqlite_ids(h, "SELECT rowid FROM tri_raw WHERE tri_raw MATCH ? ORDER BY bm25(tri_raw, 10.0, 10.0, 1.0) "
                                  "LIMIT 10", m), want);
        }
      }
      std::sort(totals.begin(), totals.end());
      std::vector<double> sorted_ms = ms;
      std::sort(sorted_ms.begin(), sorted_ms.end());
      char mid[64];
      std::snprintf(mid, sizeof mid, "(%6.2f ms, %6.0f)", sorted_ms.empty() ? 0.0 : sorted_ms[sorted_ms.size() / 2],
                    totals.empty() ? 0.0 : totals[totals.size() / 2]);
      std::printf("%s| %3d | %s %s | %s | %s\n", pad(c.name, 25).c_str(), ours.n, ours.str().c_str(), mid,
                  sqlite ? (tri.str() + (tri.n < ours.n ? " (" + std::to_string(tri.n) + " q)" : "")).c_str() : "n/a",
                  sqlite ? tri_w.str().c_str() : "n/a");
      if (piece_class && sqlite)
        std::printf("%s| %3d | %s   (the pieces found in one title only, of %zu counted)\n",
                    pad("  in one title only", 25).c_str(), ours_unique.n, ours_unique.str().c_str(), in_titles.size());
      for (const auto& m : misses) std::printf("%s\n", m.c_str());
    }
  }
  if (h) sqlite3_close(h);
  return 0;
}
