#include "store/attachment_access.hpp"

#include "store/database_impl.hpp"

namespace zwgk::store {

std::vector<std::int64_t> AttachmentAccess::publishing_documents(const std::string& sha256,
                                                                 const std::vector<std::int64_t>& site_ids) {
  if (site_ids.empty()) return {};
  std::string sites;
  for (auto id : site_ids) sites += (sites.empty() ? "" : ", ") + std::to_string(id);  // integers: no injection
  return guarded("读取附件所属文件失败", [&] {
    Lease lease(db_);
    std::string sha = sha256;
    long long id = 0;
    std::vector<std::int64_t> out;
    soci::statement st =
        (lease.sql().prepare << "SELECT d.id FROM documents d WHERE d.id IN (SELECT a.document_id FROM "
                                    "document_attachments a WHERE a.sha256 = :sha UNION SELECT ra.document_id FROM "
                                    "revision_attachments ra JOIN document_revisions r ON r.document_id = ra.document_id "
                                    "AND r.number = ra.revision WHERE ra.sha256 = :sha2 AND r.version IS NOT NULL) "
                                    "AND d.state = 'published' AND d.site_id IN (" + sites + ") ORDER BY d.id",
         soci::use(sha, "sha"), soci::use(sha, "sha2"), soci::into(id));
    st.execute();
    while (st.fetch()) out.push_back(id);
    return out;
  });
}

bool AttachmentAccess::document_lists(std::int64_t document_id, const std::string& sha256) {
  return guarded("读取附件所属文件失败", [&] {
    Lease lease(db_);
    std::string sha = sha256;
    long long doc = document_id;
    long long n = 0;
    lease.sql() << "SELECT (SELECT count(*) FROM document_attachments WHERE document_id = :d AND sha256 = :s) + "
                   "(SELECT count(*) FROM revision_attachments WHERE document_id = :d2 AND sha256 = :s2)",
        soci::use(doc, "d"), soci::use(sha, "s"), soci::use(doc, "d2"), soci::use(sha, "s2"), soci::into(n);
    return n > 0;
  });
}

}  // namespace zwgk::store
