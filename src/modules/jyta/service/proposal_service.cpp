// See proposal_service.hpp.
#include "modules/jyta/service/proposal_service.hpp"

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/jyta/domain/proposal_import.hpp"
#include "ingest/xlsx_rows.hpp"
#include "modules/jyta/store/proposal_repository.hpp"
#include "store/department_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::jyta {

namespace {

constexpr const char* kObject = "proposal";

std::string key_of(const domain::Proposal& p) {
  return domain::to_code(p.kind) + ":" + p.session + p.meeting + ":" + p.number;
}

void check_site_action(const domain::Caller& caller, const char* action) {
  if (auto r = domain::permission_refusal(caller.account, action, {caller.account.site_id, std::nullopt}))
    throw domain::Forbidden(*r);
}

void audit(const domain::Caller& caller, const std::string& action, const std::string& id, const std::string& detail) {
  if (caller.audit) caller.audit({action, kObject, id, detail});
}

}  // namespace

domain::Proposal ProposalService::permitted(const domain::Caller& caller, std::int64_t id, const char* action, bool lock) {
  auto found = store::ProposalRepository(db_).find(id, lock);
  // Another site's item is absent, not refused.
  if (!found || found->site_id != caller.account.site_id) throw domain::NotFound("本网站没有这件建议提案。");
  const domain::Target target{found->site_id, found->main_department_id};
  if (domain::permission_registry().scope_of(caller.account.role, action) == domain::PermissionScope::OwnDepartment &&
      caller.account.department_id != found->main_department_id)
    throw domain::Forbidden("只能办理本单位主办的建议提案");
  if (auto r = domain::permission_refusal(caller.account, action, target)) throw domain::Forbidden(*r);
  return std::move(*found);
}

domain::Proposal ProposalService::view(const domain::Caller& caller, std::int64_t id) {
  return permitted(caller, id, "jyta.view", false);
}

ImportResult ProposalService::import_xlsx(const domain::Caller& caller, std::string_view bytes,
                                          const std::function<void(int, int)>& progress) {
  check_site_action(caller, "jyta.import");
  const std::int64_t site_id = caller.account.site_id;
  const auto rows = ingest::read_xlsx_rows(bytes);
  store::UnitOfWork unit(db_);
  store::ProposalRepository repo(db_);
  const auto departments = store::DepartmentRepository(db_).by_site(site_id);
  const domain::UnitLookup unit_of = [&](const std::string& name) -> std::optional<std::pair<std::int64_t, std::string>> {
    for (const auto& d : departments)
      if (d.name == name || (!d.short_name.empty() && d.short_name == name)) return std::make_pair(d.id, d.name);
    return std::nullopt;
  };
  auto plan = domain::plan_proposal_import(rows, unit_of, repo.answer_months(site_id));
  // Re-import: refused, by row (see the header).
  for (const auto& r : plan.rows)
    if (repo.existing(site_id, r.proposal.kind, r.proposal.session, r.proposal.meeting, r.proposal.number))
      plan.problems.push_back("第" + std::to_string(r.row) + "行「编号」：" + r.proposal.session_label() +
                              domain::number_label(r.proposal.kind, r.proposal.number) + "已导入，不能重复导入");
  if (!plan.problems.empty()) throw domain::Invalid(std::move(plan.problems), "proposal_import");
  ImportResult out;
  const int total = static_cast<int>(plan.rows.size());
  for (auto& r : plan.rows) {
    r.proposal.site_id = site_id;
    repo.insert(r.proposal);
    ++out.imported;
    ++(r.proposal.kind == domain::ProposalKind::Suggestion ? out.suggestions : out.proposals);
    if (progress) progress(out.imported, total);
  }
  audit(caller, "jyta.import", std::to_string(site_id),
        "imported=" + std::to_string(out.imported) + " suggestions=" + std::to_string(out.suggestions) +
            " proposals=" + std::to_string(out.proposals));
  unit.commit();
  return out;
}

domain::Proposal ProposalService::record_answer(const domain::Caller& caller, std::int64_t id,
                                                const domain::ProposalAnswer& a) {
  store::UnitOfWork unit(db_);
  auto p = permitted(caller, id, "jyta.answer", true);
  if (auto problems = domain::answer_problems(p, a, today_); !problems.empty()) throw domain::Invalid(std::move(problems));
  p.answer = a.text;
  p.answered_on = a.answered_on;
  p.result_class = a.result_class;
  p.publication = a.publication;
  p.summary = a.publication == domain::ProposalPublication::Summary ? a.summary : std::string();
  p.withheld_ground = a.publication == domain::ProposalPublication::Withheld ? a.withheld_ground : std::nullopt;
  p.withheld_reason = a.publication == domain::ProposalPublication::Withheld ? a.withheld_reason : std::string();
  store::ProposalRepository(db_).save_outcome(p);
  audit(caller, "jyta.answer", key_of(p),
        "class=" + domain::to_code(*p.result_class) + " publication=" + domain::to_code(p.publication));
  unit.commit();
  return p;
}

domain::Proposal ProposalService::set_publication(const domain::Caller& caller, std::int64_t id, const PublicationInput& in) {
  store::UnitOfWork unit(db_);
  auto p = permitted(caller, id, "jyta.publish", true);
  if (!p.answered()) throw domain::Conflict("尚未答复，答复后才能决定公开方式");
  if (auto problems = domain::publication_problems(in.publication, in.summary, in.ground, in.reason); !problems.empty())
    throw domain::Invalid(std::move(problems));
  p.publication = in.publication;
  p.summary = in.publication == domain::ProposalPublication::Summary ? in.summary : std::string();
  p.withheld_ground = in.publication == domain::ProposalPublication::Withheld ? in.ground : std::nullopt;
  p.withheld_reason = in.publication == domain::ProposalPublication::Withheld ? in.reason : std::string();
  store::ProposalRepository(db_).save_outcome(p);
  audit(caller, in.publication == domain::ProposalPublication::Withheld ? "jyta.withhold" : "jyta.publish", key_of(p),
        "publication=" + domain::to_code(p.publication) +
            (p.withheld_ground ? " ground=" + domain::to_code(*p.withheld_ground) : std::string()));
  unit.commit();
  return p;
}

domain::Proposal ProposalService::record_satisfaction(const domain::Caller& caller, std::int64_t id,
                                                      domain::ProposalSatisfaction s) {
  store::UnitOfWork unit(db_);
  auto p = permitted(caller, id, "jyta.publish", true);
  if (!p.answered()) throw domain::Conflict("尚未答复，不能登记代表（委员）的满意度");
  p.satisfaction = s;
  store::ProposalRepository(db_).save_outcome(p);
  audit(caller, "jyta.satisfaction", key_of(p), "satisfaction=" + domain::to_code(s));
  unit.commit();
  return p;
}

void ProposalService::set_answer_months(const domain::Caller& caller, int months) {
  check_site_action(caller, "jyta.manage");
  if (months < 1 || months > 12) throw domain::Invalid({"答复期限应为1至12个月"});
  store::UnitOfWork unit(db_);
  store::ProposalRepository(db_).save_answer_months(caller.account.site_id, months);
  audit(caller, "jyta.settings", std::to_string(caller.account.site_id), "answer_months=" + std::to_string(months));
  unit.commit();
}

}  // namespace zwgk::modules::jyta
