#include "modules/ysqgk/store/reply_draft_repository.hpp"

#include "domain/errors.hpp"
#include "store/database_impl.hpp"

namespace zwgk::store {

void ReplyDraftRepository::save(std::int64_t request_id, const ReplyDraft& d) {
  guarded("保存答复意见稿失败", [&] {
    Lease lease(db_);
    long long id = request_id;
    std::string outcome = domain::to_code(d.outcome), on = d.drafted_on.iso(), now = now_utc_iso();
    // ON CONFLICT ... DO UPDATE: the same upsert on SQLite (3.24+) and PostgreSQL.
    lease.sql() << "INSERT INTO request_reply_drafts (request_id, outcome, legal_basis, note, drafted_by, drafted_on, "
                   "updated_at) VALUES (:id, :outcome, :basis, :note, :by, :on, :now) ON CONFLICT (request_id) DO UPDATE "
                   "SET outcome = excluded.outcome, legal_basis = excluded.legal_basis, note = excluded.note, "
                   "drafted_by = excluded.drafted_by, drafted_on = excluded.drafted_on, updated_at = excluded.updated_at",
        soci::use(id, "id"), soci::use(outcome, "outcome"), soci::use(d.legal_basis, "basis"), soci::use(d.note, "note"),
        soci::use(d.drafted_by, "by"), soci::use(on, "on"), soci::use(now, "now");
  });
}

std::optional<ReplyDraft> ReplyDraftRepository::find(std::int64_t request_id) {
  return guarded("读取答复意见稿失败", [&]() -> std::optional<ReplyDraft> {
    Lease lease(db_);
    long long id = request_id;
    std::string outcome, on;
    ReplyDraft d;
    lease.sql() << "SELECT outcome, legal_basis, note, drafted_by, drafted_on FROM request_reply_drafts "
                   "WHERE request_id = :id",
        soci::use(id, "id"), soci::into(outcome), soci::into(d.legal_basis), soci::into(d.note),
        soci::into(d.drafted_by), soci::into(on);
    if (!lease.sql().got_data()) return std::nullopt;
    auto o = domain::reply_outcome_from_code(outcome);
    auto date = domain::Date::parse(on);
    if (!o || !date) throw StoreError("答复意见稿数据无效");
    d.outcome = *o;
    d.drafted_on = *date;
    return d;
  });
}

std::set<std::int64_t> ReplyDraftRepository::drafted_of_site(std::int64_t site_id) {
  return guarded("读取答复意见稿失败", [&] {
    Lease lease(db_);
    long long site = site_id, id = 0;
    std::set<std::int64_t> out;
    soci::statement st = (lease.sql().prepare << "SELECT d.request_id FROM request_reply_drafts d JOIN "
                                                 "disclosure_requests r ON r.id = d.request_id WHERE r.site_id = :site",
                          soci::use(site, "site"), soci::into(id));
    st.execute();
    while (st.fetch()) out.insert(id);
    return out;
  });
}

}  // namespace zwgk::store
