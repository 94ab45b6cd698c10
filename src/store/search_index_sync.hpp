#pragma once
// Private to src/store/*.cpp: keeping search entries current inside a repository's
// transaction. DocumentRepository::save/publish/withdraw call this before commit.
#include <cstdint>
#include <string>

#include "store/database_impl.hpp"

namespace zwgk::store {

// Drops the document's search entries and, if it is published, writes them again from the
// stored row (title, 文号, body text, attachment names and extracted text).
void reindex_document_search(Lease& lease, std::int64_t document_id);
// Stores the extracted text of an attachment (content-addressed: every document carrying
// the same file shares it) and reindexes every document that has it.
void store_attachment_text(Lease& lease, const std::string& sha256, const std::string& text);

}  // namespace zwgk::store
