// 上一篇 / 下一篇 (document_repository.hpp: DocumentNeighbours). Publication order is the
// listing's order read oldest first: (published_on, id). Each side is one LIMIT 1 read that
// walks documents_catalogue_list (catalogue_id, state, published_on, id) from the document's
// position; the row-value comparison keeps it a range on that index on both databases.
// A change of a document also names its neighbours' pages (add_document_tags), so a newly
// published, withdrawn, re-dated or moved document updates the links beside it.
#include "store/document_repository.hpp"
#include "store/document_rows.hpp"

namespace zwgk::store {

namespace {

std::optional<DocumentLink> neighbour(Lease& lease, const domain::Document& doc, bool older) {
  Binds b;
  const std::string pos = "(" + b.add(doc.published_on->iso()) + ", " + b.add(static_cast<long long>(doc.id)) + ")";
  const std::string tail = "WHERE d.catalogue_id = " + b.add(static_cast<long long>(*doc.catalogue_id)) +
                           " AND d.state = 'published' AND d.site_id = " + b.add(static_cast<long long>(doc.site_id)) +
                           " AND d.published_on IS NOT NULL AND (d.published_on, d.id) " + (older ? "<" : ">") + " " + pos +
                           (older ? " ORDER BY d.published_on DESC, d.id DESC" : " ORDER BY d.published_on ASC, d.id ASC") +
                           " LIMIT 1";
  auto docs = query_documents(lease, false, tail, b);
  if (docs.empty()) return std::nullopt;
  return DocumentLink{docs.front().id, docs.front().title};
}

}  // namespace

DocumentNeighbours document_neighbours(Lease& lease, const domain::Document& doc) {
  DocumentNeighbours n;
  if (!doc.catalogue_id || !doc.published_on || doc.id == 0) return n;
  n.previous = neighbour(lease, doc, /*older=*/true);
  n.next = neighbour(lease, doc, /*older=*/false);
  return n;
}

DocumentNeighbours DocumentRepository::neighbours(const domain::Document& doc) {
  return guarded("读取上一篇、下一篇失败", [&] {
    Lease lease(db_);
    return document_neighbours(lease, doc);
  });
}

}  // namespace zwgk::store
