// FTS5 auxiliary function zwgk_rank(table, weight_0, weight_1, ...): FTS5's bm25() without
// its inverse document frequency factor, so smaller is better, as with bm25().
//
// Why (docs/adr/0007): bm25() computes each phrase's IDF on its first row by running the
// phrase over the whole index once more (xQueryPhrase). A search ranked within the count cap
// already read every match once to count it, so bm25() made it read them twice more; for a
// phrase of common bigrams that was the SQLite tail (100 ms of 110 at 100,000 documents).
// For a query of one term the IDF is the same positive factor on every row (FTS5 floors it
// at 1e-6), so ordering by this function and by bm25() is identical; search_index.cpp uses it
// only then and keeps bm25() for several terms.
//
// Per row: freq = sum over columns of weight * occurrences (xInst), D = the row's tokens
// (xColumnSize -1), avgdl = all tokens / rows; score = -sum over phrases of
// freq * (k1 + 1) / (freq + k1 * (1 - b + b * D / avgdl)), k1 = 1.2, b = 0.75 (FTS5's).
#include <vector>

#include "store/fts5_tokenizer.hpp"

namespace zwgk::store {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

void rank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* out, int n_args, sqlite3_value** args) {
  const int phrases = api->xPhraseCount(ctx);
  const int columns = api->xColumnCount(ctx);
  std::vector<double> freq(static_cast<std::size_t>(phrases > 0 ? phrases : 0), 0.0);
  int instances = 0;
  int rc = api->xInstCount(ctx, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(ctx, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK || phrase < 0 || phrase >= phrases || column < 0 || column >= columns) continue;
    const double weight = column < n_args ? sqlite3_value_double(args[column]) : 1.0;
    freq[static_cast<std::size_t>(phrase)] += weight;
  }
  int row_tokens = 0;
  sqlite3_int64 rows = 0, all_tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(ctx, -1, &row_tokens);
  if (rc == SQLITE_OK) rc = api->xRowCount(ctx, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(ctx, -1, &all_tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(out, rc);
    return;
  }
  const double avgdl = rows > 0 && all_tokens > 0 ? static_cast<double>(all_tokens) / static_cast<double>(rows) : 1.0;
  const double norm = kK1 * (1 - kB + kB * row_tokens / avgdl);
  double score = 0;
  for (double f : freq) score += f * (kK1 + 1) / (f + norm);
  sqlite3_result_double(out, -score);
}

}  // namespace

void register_search_rank(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api || api->xCreateFunction(api, "zwgk_rank", nullptr, rank, nullptr) != SQLITE_OK)
    throw StoreError("无法注册检索排序函数 zwgk_rank");
}

}  // namespace zwgk::store
