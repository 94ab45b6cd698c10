#pragma once
// Which documents make a stored file (blob, by sha256) reachable, and for whom
// (ADR 0011). The rule has one home, here:
//   - publicly: the file is an attachment of a PUBLISHED document of one of the given
//     sites, either of its current published version (the documents row: once published,
//     the row holds the published version and an amendment lives only in revisions) or of
//     one of its published past versions (document_revisions.version set). A draft, an
//     unpublished revision (an amendment in progress) and a withdrawn document make nothing
//     public; neither does a file disclosed to one applicant (request_files), which only its
//     private link serves.
//   - in the console: the file is listed by the documents row or any revision of that one
//     document; whether the user may see the document is the console's View permission.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace zwgk::store {

class AttachmentAccess {
 public:
  explicit AttachmentAccess(Database& db) : db_(db) {}
  // Ids of the published documents of `site_ids` that publish the file (ascending; empty:
  // not public). The caller tags its cached response with them, so withdrawing any of them
  // drops the cached bytes.
  std::vector<std::int64_t> publishing_documents(const std::string& sha256, const std::vector<std::int64_t>& site_ids);
  // Whether the document (row or any revision) lists the file.
  bool document_lists(std::int64_t document_id, const std::string& sha256);

 private:
  Database& db_;
};

}  // namespace zwgk::store
