#pragma once
// 依申请公开指南's use cases: the guide a page shows, and 指南设置 — the 公开工作机构 keeping
// its 受理机构信息 (name, office address, postcode, hours, phone, fax, e-mail: Art. 12) up to
// date. save() in one transaction (store::UnitOfWork): asks the permission registry
// (ysqgk.edit_guide on the caller's site), validates (domain::guide_problems), replaces the
// stored guide, writes the audit entry (ysqgk.edit_guide, the fields changed, their names
// only) and invalidates the site's pages (the guide, the application form files).
#include <optional>

#include "domain/caller.hpp"
#include "domain/department.hpp"
#include "domain/site.hpp"
#include "modules/ysqgk/domain/disclosure_guide.hpp"
#include "store/database.hpp"

namespace zwgk::modules::ysqgk {

class GuideService {
 public:
  explicit GuideService(store::Database& db) : db_(db) {}

  // The stored guide of the site (or of one of its departments), else domain::default_guide.
  domain::DisclosureGuide current(const domain::Site& site, const std::optional<domain::Department>& department = {});

  // Replaces the guide of the caller's own site (department_id 0; the site id in `guide` is
  // ignored). Forbidden without ysqgk.edit_guide; Invalid lists every problem, in form order,
  // and nothing is written. Returns the guide as stored.
  domain::DisclosureGuide save(const domain::Caller& caller, domain::DisclosureGuide guide);

 private:
  store::Database& db_;
};

}  // namespace zwgk::modules::ysqgk
