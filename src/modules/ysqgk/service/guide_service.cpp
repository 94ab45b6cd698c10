// 依申请公开指南's use cases: see guide_service.hpp.
#include "modules/ysqgk/service/guide_service.hpp"

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "modules/ysqgk/store/disclosure_guide_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::modules::ysqgk {

namespace {

// The names of the fields that differ (for the audit entry: what changed, not the values).
std::string changed_fields(const domain::DisclosureGuide& a, const domain::DisclosureGuide& b) {
  const std::pair<const char*, std::string domain::DisclosureGuide::*> fields[] = {
      {"body_name", &domain::DisclosureGuide::body_name}, {"office", &domain::DisclosureGuide::office},
      {"person_in_charge", &domain::DisclosureGuide::person_in_charge},
      {"address", &domain::DisclosureGuide::address},     {"postcode", &domain::DisclosureGuide::postcode},
      {"hours", &domain::DisclosureGuide::hours},         {"phone", &domain::DisclosureGuide::phone},
      {"fax", &domain::DisclosureGuide::fax},             {"email", &domain::DisclosureGuide::email}};
  std::string out;
  for (const auto& [name, member] : fields)
    if (a.*member != b.*member) out += (out.empty() ? "" : ",") + std::string(name);
  return out.empty() ? "unchanged" : "fields=" + out;
}

}  // namespace

domain::DisclosureGuide GuideService::current(const domain::Site& site,
                                              const std::optional<domain::Department>& department) {
  auto g = store::DisclosureGuideRepository(db_).find(site.id, department ? department->id : 0);
  return g ? *g : domain::default_guide(site, department);
}

domain::DisclosureGuide GuideService::save(const domain::Caller& caller, domain::DisclosureGuide guide) {
  const std::int64_t site_id = caller.account.site_id;
  domain::require_permission(caller.account, "ysqgk.edit_guide", domain::Target{site_id, std::nullopt});
  guide.site_id = site_id;
  guide.department_id = 0;
  if (auto problems = domain::guide_problems(guide); !problems.empty()) throw domain::Invalid(std::move(problems));
  store::UnitOfWork unit(db_);
  auto site = store::SiteRepository(db_).by_id(site_id);
  if (!site) throw domain::NotFound("没有这个网站");
  const auto before = current(*site);
  store::DisclosureGuideRepository(db_).save(guide);
  caller.audit({"ysqgk.edit_guide", "disclosure_guide", std::to_string(site_id), changed_fields(before, guide)});
  unit.commit();
  return guide;
}

}  // namespace zwgk::modules::ysqgk
