#pragma once
// Private to src/store/*.cpp: the FTS5 tokenizer 'zwgk' (search/tokenizer.hpp's token scheme)
// registered on a SQLite connection. Every connection the store opens registers it
// (database.cpp), before anything touches search_fts.
#include "store/raw_connection.hpp"

namespace zwgk::store {

// Throws StoreError if FTS5 is missing or registration fails.
void register_search_tokenizer(sqlite3* db);

// FTS5's API object of the connection (nullptr without FTS5).
fts5_api* fts5_api_of(sqlite3* db);

// The ranking function zwgk_rank(fts_table, weight...) (fts5_rank.cpp). Throws StoreError.
void register_search_rank(sqlite3* db);

}  // namespace zwgk::store
