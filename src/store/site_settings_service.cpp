// See site_settings_service.hpp.
#include "store/site_settings_service.hpp"

#include "domain/errors.hpp"
#include "domain/permission_registry.hpp"
#include "store/site_profile_repository.hpp"
#include "store/site_repository.hpp"
#include "store/unit_of_work.hpp"

namespace zwgk::store {

void SiteSettingsService::update(const domain::Caller& caller, const domain::Site& input,
                                 const domain::SiteProfile& profile) {
  domain::require_permission(caller.account, "kernel.manage_sites", {input.id, std::nullopt});
  UnitOfWork unit(db_);
  auto stored = SiteRepository(db_).by_id(input.id);
  if (!stored) throw domain::NotFound("网站不存在。");
  domain::Site site = *stored;
  site.name = input.name;
  site.sponsor = input.sponsor;
  site.phone = input.phone;
  site.address = input.address;
  site.site_id_code = input.site_id_code;
  site.icp_record = input.icp_record;
  site.police_record = input.police_record;
  auto problems = domain::site_header_problems(site);
  for (auto& p : domain::site_profile_problems(profile)) problems.push_back(std::move(p));
  if (!problems.empty()) throw domain::Invalid(problems);
  domain::SiteProfile p = profile;
  p.site_id = site.id;
  SiteRepository(db_).save(site);
  SiteProfileRepository(db_).save(p);
  caller.audit({"kernel.site_update", "site", std::to_string(site.id), p.ipv6 ? "ipv6=1" : "ipv6=0"});
  unit.commit();
}

void SiteSettingsService::set_image(const domain::Caller& caller, std::int64_t site_id, domain::SiteImage image,
                                    std::string_view file_name, std::string_view bytes) {
  domain::require_permission(caller.account, "kernel.manage_sites", {site_id, std::nullopt});
  const auto check = domain::check_site_image(file_name, bytes);
  if (check.refusal) throw domain::Invalid({*check.refusal});
  UnitOfWork unit(db_);
  SiteProfileRepository(db_).set_image(site_id, image, bytes, check.media_type);
  caller.audit({"kernel.site_image", "site", std::to_string(site_id),
                std::string("image=") + std::string(domain::to_code(image)) + " type=" + check.media_type});
  unit.commit();
}

void SiteSettingsService::remove_image(const domain::Caller& caller, std::int64_t site_id, domain::SiteImage image) {
  domain::require_permission(caller.account, "kernel.manage_sites", {site_id, std::nullopt});
  UnitOfWork unit(db_);
  SiteProfileRepository(db_).set_image(site_id, image, {}, "");
  caller.audit({"kernel.site_image_remove", "site", std::to_string(site_id),
                std::string("image=") + std::string(domain::to_code(image))});
  unit.commit();
}

}  // namespace zwgk::store
