// Publishing and withdrawing documents; the 索引号 is made here, once, at first publication.
#include "domain/cache_tags.hpp"
#include "domain/errors.hpp"
#include "domain/index_number.hpp"
#include "store/document_repository.hpp"
#include "store/document_rows.hpp"
#include "store/search_index_sync.hpp"

namespace zwgk::store {

namespace {

constexpr const char* kMissingOrgCode = "公开责任部门缺少统一社会信用代码或组织机构代码，无法生成索引号";

// Next serial of a scope. The row lock (PostgreSQL) or the write lock of BEGIN IMMEDIATE
// (SQLite) serialises concurrent publishers; a rolled-back publication gives its serial back.
std::int64_t next_serial(Lease& lease, std::int64_t site_id, const std::string& scope) {
  long long site = site_id, serial = 0;
  std::string s = scope;
  lease.sql() << "INSERT INTO index_serials (site_id, scope, last_serial) VALUES (:site, :scope, 1) "
                 "ON CONFLICT (site_id, scope) DO UPDATE SET last_serial = index_serials.last_serial + 1 "
                 "RETURNING last_serial",
      soci::use(site, "site"), soci::use(s, "scope"), soci::into(serial);
  return serial;
}

bool index_number_taken(Lease& lease, std::int64_t site_id, const std::string& number) {
  long long site = site_id;
  std::string n = number;
  int count = 0;
  // "<> ''" lets SQLite use the partial unique index (documents_index_number).
  lease.sql() << "SELECT count(*) FROM documents WHERE site_id = :site AND index_number <> '' AND index_number = :n",
      soci::use(site, "site"), soci::use(n, "n"), soci::into(count);
  return count > 0;
}

// "" when a legacy record lacks what an index number needs; throws ValidationError for a
// regular document.
std::string make_index_number(Lease& lease, const domain::Document& doc) {
  if (!doc.department_id || !doc.published_on) {
    if (doc.legacy) return "";
    throw domain::ValidationError({kMissingOrgCode});
  }
  long long site = doc.site_id, dep = *doc.department_id;
  std::string pattern, org;
  lease.sql() << "SELECT index_number_format FROM sites WHERE id = :id", soci::use(site, "id"), soci::into(pattern);
  if (!lease.sql().got_data()) throw StoreError("网站不存在: " + std::to_string(doc.site_id));
  lease.sql() << "SELECT credit_code FROM departments WHERE id = :id", soci::use(dep, "id"), soci::into(org);
  if (!lease.sql().got_data()) throw StoreError("公开责任部门不存在: " + std::to_string(dep));
  const domain::IndexNumberTemplate tmpl{pattern};
  if (org.empty() || !domain::is_valid_org_code(org) || domain::IndexNumberTemplate::validate(pattern)) {
    if (doc.legacy) return "";
    if (org.empty()) throw domain::ValidationError({kMissingOrgCode});
    (void)tmpl.format(org, *doc.published_on, 1);  // throws the domain's precise message
  }
  const std::string scope = tmpl.serial_scope(org, *doc.published_on);
  // A number already taken (an imported record carrying its own) is skipped, not reused.
  for (int attempt = 0; attempt < 10000; ++attempt) {
    std::string number = tmpl.format(org, *doc.published_on, next_serial(lease, doc.site_id, scope));
    if (!index_number_taken(lease, doc.site_id, number)) return number;
  }
  throw StoreError("无法生成不重复的索引号: " + scope);
}

std::vector<std::string> as_problems(const std::vector<std::string>& missing) {
  std::vector<std::string> out;
  for (const auto& m : missing) out.push_back("发布前必须填写" + m);
  return out;
}

}  // namespace

void publish_document(Lease& lease, domain::Document& doc, std::vector<std::string>& tags) {
  if (!doc.legacy) {
    const auto missing = domain::missing_publication_metadata(doc);
    if (!missing.empty()) throw domain::ValidationError(as_problems(missing));
  }
  if (doc.index_number.empty()) doc.index_number = make_index_number(lease, doc);
  const std::string now = now_utc_iso();
  doc.state = domain::DocumentState::Published;
  if (doc.first_published_at.empty()) doc.first_published_at = now;
  doc.updated_at = now;
  long long doc_id = doc.id;
  lease.sql() << "UPDATE documents SET index_number = :index_number, state = 'published', "
                 "first_published_at = :first, updated_at = :updated WHERE id = :id",
      soci::use(doc.index_number, "index_number"), soci::use(doc.first_published_at, "first"),
      soci::use(doc.updated_at, "updated"), soci::use(doc_id, "id");
  add_document_tags(lease, doc, tags);
  reindex_document_search(lease, doc.id);  // visible to search in the same transaction
}

domain::Document DocumentRepository::publish(std::int64_t id) {
  std::vector<std::string> tags;
  domain::Document result;
  guarded("发布文件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto doc = load_document(lease, id, /*lock=*/true);
    if (!doc) throw NotFound("文件不存在: " + std::to_string(id));
    publish_document(lease, *doc, tags);
    tx.commit();
    result = std::move(*doc);
  });
  db_.notify_changed(tags);
  return result;
}

void DocumentRepository::withdraw(std::int64_t id) {
  std::vector<std::string> tags;
  guarded("撤回文件失败", [&] {
    Lease lease(db_);
    Transaction tx(lease);
    auto doc = load_document(lease, id, /*lock=*/true);
    if (!doc) throw NotFound("文件不存在: " + std::to_string(id));
    long long doc_id = id;
    std::string now = now_utc_iso();
    lease.sql() << "UPDATE documents SET state = 'withdrawn', updated_at = :updated WHERE id = :id",
        soci::use(now, "updated"), soci::use(doc_id, "id");
    add_document_tags(lease, *doc, tags);
    reindex_document_search(lease, id);
    tx.commit();
  });
  db_.notify_changed(tags);
}

}  // namespace zwgk::store
