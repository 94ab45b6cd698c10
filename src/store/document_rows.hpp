#pragma once
// Private to src/store/*.cpp: documents <-> rows, shared by the document repository files.
#include <set>
#include <string>
#include <vector>

#include "domain/document.hpp"
#include "store/database_impl.hpp"
#include "store/document_repository.hpp"

namespace zwgk::store {

// "d.id, d.site_id, ..." for a SELECT ... FROM documents d; without body, body_html is ''.
std::string document_columns(bool with_body);

// Runs SELECT <document_columns> FROM documents d <tail> (tail = WHERE/ORDER/LIMIT with
// binds from `binds`).
std::vector<domain::Document> query_documents(Lease& lease, bool with_body, const std::string& tail, Binds& binds);

// Fills each document's attachments (position order).
void load_attachments(Lease& lease, std::vector<domain::Document>& docs);

// One document with attachments; FOR UPDATE on PostgreSQL when lock is set.
std::optional<domain::Document> load_document(Lease& lease, std::int64_t id, bool lock = false);

// DocumentRepository::neighbours inside the caller's lease (document_neighbours.cpp).
DocumentNeighbours document_neighbours(Lease& lease, const domain::Document& doc);

// Cache tags a change of `doc` touches: the document, its catalogue and the catalogue's
// ancestors, the site's lists, the interpreted document, and the documents beside it in its
// column (their 上一篇 / 下一篇 links).
void add_document_tags(Lease& lease, const domain::Document& doc, std::vector<std::string>& tags);

// DocumentRepository::save inside the caller's transaction: inserts (id == 0, doc.id is
// set) or updates the row and its attachments, with the same rules as save().
void write_document(Lease& lease, domain::Document& doc, std::vector<std::string>& tags);

// DocumentRepository::publish inside the caller's transaction: checks required metadata,
// assigns the 索引号 once, sets state = published and the timestamps (in `doc` too).
void publish_document(Lease& lease, domain::Document& doc, std::vector<std::string>& tags);

// 有效性 as an SQL condition on documents aliased `d` (domain::derive_validity in SQL,
// dates as ISO text on SQLite and DATE on PostgreSQL), `today` bound through `b`.
std::string validity_condition(domain::Validity v, const domain::Date& today, Binds& b);

}  // namespace zwgk::store
