#pragma once
// Private to src/store/*.cpp: keeping search entries current inside a repository's
// transaction. DocumentRepository::save/publish/withdraw call this before commit.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/database_impl.hpp"

namespace zwgk::store {

// Search entry ids follow the document's 发布日期: entry_id_floor(day) + n, n < 2^20, where
// day counts days since 1970-01-01 (negative before). So "ORDER BY id DESC" is "newest
// first" and needs no join: the capped search regime (search_index.cpp) reads the newest
// matches straight from the index in rowid order.
inline constexpr long long kEntriesPerDay = 1LL << 20;
inline constexpr long long entry_id_floor(long long day) { return (day + 200000) * kEntriesPerDay; }

// Drops the document's search entries and, if it is published, writes them again from the
// stored row (title, 文号, body text, attachment names and extracted text).
void reindex_document_search(Lease& lease, std::int64_t document_id);
// The bulk rebuild inside the caller's transaction: drops every entry, then writes the
// entries of the given documents (those still published) in that order, reading them in
// chunks and preparing the next chunk's texts on a worker thread while this one writes.
// progress(done, total) after each chunk. If commit_slice is set, it is called after every
// `slice` documents (the caller commits and begins a new transaction). Returns the
// documents indexed.
std::int64_t rebuild_search_index(Lease& lease, const std::vector<long long>& document_ids,
                                  const std::function<void(std::int64_t, std::int64_t)>& progress,
                                  std::size_t slice = 0, const std::function<void()>& commit_slice = {});
// Stores the extracted text of an attachment (content-addressed: every document carrying
// the same file shares it) and reindexes every document that has it. Appends the cache tags
// of those documents' search results (document:<id>, site:<id>:lists) to `tags`.
void store_attachment_text(Lease& lease, const std::string& sha256, const std::string& text,
                           std::vector<std::string>& tags);

}  // namespace zwgk::store
