// Reading the workflow: status, revisions, published versions, privacy findings, work lists.
#include "store/document_rows.hpp"
#include "modules/publishing/store/workflow_repository.hpp"
#include "modules/publishing/store/workflow_rows.hpp"

namespace zwgk::store {

using namespace workflow_rows;

namespace {

std::vector<Revision> revisions_where(Lease& lease, std::int64_t id, const std::string& condition,
                                      const std::string& order) {
  std::vector<int> numbers;
  {
    long long doc = id;
    int n = 0;
    soci::statement st = (lease.sql().prepare << "SELECT number FROM document_revisions WHERE document_id = :doc" +
                                                     condition + " ORDER BY " + order,
                          soci::use(doc, "doc"), soci::into(n));
    st.execute();
    while (st.fetch()) numbers.push_back(n);
  }
  std::vector<Revision> out;
  for (int n : numbers)
    if (auto r = load_revision(lease, id, n)) out.push_back(std::move(*r));
  return out;
}

}  // namespace

std::optional<WorkflowInfo> WorkflowRepository::info(std::int64_t id) {
  return guarded("读取流程状态失败", [&]() -> std::optional<WorkflowInfo> {
    Lease lease(db_);
    auto doc = load_document(lease, id);
    if (!doc) return std::nullopt;
    return read_info(lease, *doc);
  });
}

std::vector<Revision> WorkflowRepository::revisions(std::int64_t id) {
  return guarded("读取修改记录失败", [&] {
    Lease lease(db_);
    return revisions_where(lease, id, "", "number DESC");
  });
}

std::optional<Revision> WorkflowRepository::revision(std::int64_t id, int number) {
  return guarded("读取版本失败", [&] {
    Lease lease(db_);
    return load_revision(lease, id, number);
  });
}

std::vector<Revision> WorkflowRepository::published_versions(std::int64_t id) {
  return guarded("读取发布版本失败", [&] {
    Lease lease(db_);
    return revisions_where(lease, id, " AND version IS NOT NULL", "version");
  });
}

std::optional<Revision> WorkflowRepository::published_version(std::int64_t id, int version) {
  return guarded("读取发布版本失败", [&]() -> std::optional<Revision> {
    Lease lease(db_);
    long long doc = id;
    int v = version, n = 0;
    lease.sql() << "SELECT number FROM document_revisions WHERE document_id = :doc AND version = :v",
        soci::use(doc, "doc"), soci::use(v, "v"), soci::into(n);
    if (!lease.sql().got_data()) return std::nullopt;
    return load_revision(lease, id, n);
  });
}

std::vector<domain::GuardFinding> WorkflowRepository::privacy_findings(std::int64_t id) {
  return guarded("隐私检查失败", [&] {
    Lease lease(db_);
    auto doc = load_document(lease, id);
    if (!doc) throw NotFound("文件不存在: " + std::to_string(id));
    auto info = read_info(lease, *doc);
    domain::Document latest = *doc;
    if (info && info->latest_revision > 0)
      if (auto r = load_revision(lease, id, info->latest_revision)) latest = r->snapshot;
    return guard(lease, id, latest);
  });
}

std::vector<domain::GuardFinding> WorkflowRepository::scan_document(const domain::Document& doc) {
  return guarded("隐私检查失败", [&] {
    Lease lease(db_);
    return guard(lease, doc.id, doc);
  });
}

std::vector<WorkItem> WorkflowRepository::work_items(const WorkQuery& q) {
  return guarded("读取待办失败", [&] {
    Lease lease(db_);
    Binds b;
    std::string sql =
        "SELECT d.id, d.title, d.kind, d.department_id, w.stage, w.latest_revision, w.created_on, w.scheduled_at "
        "FROM document_workflow w JOIN documents d ON d.id = w.document_id WHERE d.site_id = " +
        b.add(q.site_id);
    if (q.department_id) sql += " AND d.department_id = " + b.add(*q.department_id);
    std::vector<domain::Stage> stages = q.stages;
    if (stages.empty())
      stages = {domain::Stage::Draft,    domain::Stage::Submitted, domain::Stage::UnderReview,
                domain::Stage::Returned, domain::Stage::Reviewed,  domain::Stage::Approved,
                domain::Stage::Scheduled};
    std::string in;
    for (auto s : stages) in += (in.empty() ? "" : ", ") + b.add(domain::to_code(s));
    sql += " AND w.stage IN (" + in + ") ORDER BY w.created_on, d.id";
    long long id = 0, dep = 0, latest = 0;
    soci::indicator dep_ind = soci::i_null;
    std::string title, kind, stage, created_on, scheduled_at;
    soci::statement st(lease.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(title));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(dep, dep_ind));
    st.exchange(soci::into(stage));
    st.exchange(soci::into(latest));
    st.exchange(soci::into(created_on));
    st.exchange(soci::into(scheduled_at));
    b.apply(st);
    prepare_and_execute(st, sql);
    std::vector<WorkItem> out;
    while (st.fetch()) {
      WorkItem w;
      w.document_id = id;
      w.title = title;
      w.kind = domain::document_kind_from(kind).value_or(domain::DocumentKind::Document);
      w.department_id = id_from(dep, dep_ind);
      w.stage = domain::stage_from(stage).value_or(domain::Stage::Draft);
      w.latest_revision = static_cast<int>(latest);
      w.created_on = domain::Date::parse(created_on).value_or(domain::Date::today());
      w.scheduled_at = scheduled_at;
      out.push_back(std::move(w));
    }
    return out;
  });
}

}  // namespace zwgk::store
