// make bench-search: loads generated documents (bench/gen_documents.py JSONL) into one
// backend, builds the search index (zwgk tokenizer) and, on SQLite, the built-in trigram
// index over the same entries; prints build rate, index size and query latency p50/p99 for
// 1, 2, 4 and 8-character queries and 文号 queries, beside trigram and a LIKE scan.
//   search_bench DATABASE_URL DOCS.jsonl
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
      db->execute("INSERT INTO documents (site_id, title, doc_number, published_on, body_html, state, created_at, "
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
      sql += (rows ? ", (" : "(") + std::to_string(site.id) + ", " + literal(title) + ", " + literal(number) + ", " +
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
  if (h) sqlite3_close(h);
  return 0;
}
