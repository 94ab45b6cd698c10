// FTS5 tokenizer 'zwgk': documents get search::visit_tokens (a first-occurrence unigram, then
// the bigram colocated at the same position); a quoted query string gets search::term_phrase, the
// tokens that must occupy consecutive positions. Text is expected already normalised
// (search_entries holds normalize_for_search output); the tokenizer does not normalise again.
#include "store/fts5_tokenizer.hpp"

#include <new>
#include <string>

#include "search/tokenizer.hpp"

namespace zwgk::store {

namespace {

struct Tokenizer {};  // stateless; FTS5 wants a distinct pointer per instance

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new (std::nothrow) Tokenizer);
  return *out ? SQLITE_OK : SQLITE_NOMEM;
}

void destroy(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n, TokenCallback emit) {
  const std::string_view input(text ? text : "", text ? static_cast<std::size_t>(n) : 0);
  try {
    if (flags & FTS5_TOKENIZE_QUERY) {
      // A query string is one term (search_index.cpp quotes each term alone).
      int rc = SQLITE_OK;
      for (const auto& token : search::term_phrase(input)) {
        rc = emit(ctx, 0, token.data(), static_cast<int>(token.size()), 0, n);
        if (rc != SQLITE_OK) break;
      }
      return rc;
    }
    int rc = SQLITE_OK;
    std::size_t last_position = static_cast<std::size_t>(-1);
    search::visit_tokens(input, [&](const search::TokenView& t) {
      const int tflags = t.position == last_position ? FTS5_TOKEN_COLOCATED : 0;
      last_position = t.position;
      rc = emit(ctx, tflags, t.text.data(), static_cast<int>(t.text.size()), static_cast<int>(t.begin),
                static_cast<int>(t.end));
      return rc == SQLITE_OK;
    });
    return rc;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

void register_search_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api) throw StoreError("SQLite 缺少 FTS5 全文检索模块");
  static fts5_tokenizer methods{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "zwgk", nullptr, &methods, nullptr) != SQLITE_OK)
    throw StoreError("无法注册检索分词器 zwgk");
}

}  // namespace zwgk::store
