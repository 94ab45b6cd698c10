#pragma once
// 网站设置: the kernel's use cases for a site's header, footer and site-level pages (the
// sites row's contact fields and domain::SiteProfile). The kernel has no service folder of
// its own; these follow the module services' shape (src/modules/<name>/service/): check the
// permission, validate with the domain's rules, persist in one UnitOfWork, write the audit
// entry through the caller, name the cache tags (the repositories invalidate site:<id>).
#include <cstdint>
#include <string_view>

#include "domain/caller.hpp"
#include "domain/site.hpp"
#include "domain/site_profile.hpp"
#include "store/database.hpp"

namespace zwgk::store {

class SiteSettingsService {
 public:
  explicit SiteSettingsService(Database& db) : db_(db) {}
  // Saves `site`'s header/footer fields (name, sponsor, phone, address, 网站标识码, ICP and
  // 公安 record numbers; code, path and 索引号 template are kept as stored) and the
  // profile's texts and links (its images are kept). kernel.manage_sites on the site;
  // audited as kernel.site_update.
  void update(const domain::Caller& caller, const domain::Site& site, const domain::SiteProfile& profile);
  // Replaces one of the site's images with an uploaded file (check_site_image decides);
  // audited as kernel.site_image.
  void set_image(const domain::Caller& caller, std::int64_t site_id, domain::SiteImage image,
                 std::string_view file_name, std::string_view bytes);
  // Removes one of the site's images (the header then shows the site name only); audited
  // as kernel.site_image_remove.
  void remove_image(const domain::Caller& caller, std::int64_t site_id, domain::SiteImage image);

 private:
  Database& db_;
};

}  // namespace zwgk::store
