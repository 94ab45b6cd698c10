// /console/ysqgk/guide (ysqgk.edit_guide: the 公开工作机构, the site administrator): 指南设置 —
// the 受理机构信息 the site's 依申请公开指南 and its 申请表 show (Art. 12). GET shows the form
// filled with the current guide; POST saves it through GuideService (audited) and comes back
// here; problems come back as a 400 page listing them, nothing saved.
#include "modules/ysqgk/web/guide_pages.hpp"

#include "http/router.hpp"
#include "modules/ysqgk/service/guide_service.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {

constexpr const char* kUrl = "/console/ysqgk/guide";

struct GuideField {
  const char* name;
  const char* label;
  const char* hint;  // "" = none
  std::string domain::DisclosureGuide::*member;
};

const GuideField kFields[] = {
    {"body_name", "机关名称", "", &domain::DisclosureGuide::body_name},
    {"office", "受理机构名称", "政府信息公开工作机构，如“××市人民政府办公室（政务公开办）”",
     &domain::DisclosureGuide::office},
    {"person_in_charge", "负责人", "", &domain::DisclosureGuide::person_in_charge},
    {"address", "办公地址", "信函申请的邮寄地址；不填则指南不提供信函和当面申请方式", &domain::DisclosureGuide::address},
    {"postcode", "邮政编码", "6位数字", &domain::DisclosureGuide::postcode},
    {"hours", "办公时间", "", &domain::DisclosureGuide::hours},
    {"phone", "联系电话", "多个号码用“、”分隔", &domain::DisclosureGuide::phone},
    {"fax", "传真", "不填则指南不提供传真申请方式", &domain::DisclosureGuide::fax},
    {"email", "电子邮箱", "", &domain::DisclosureGuide::email},
};

http::Response guide_settings(ConsoleRequest& c) {
  const auto g = modules::ysqgk::GuideService(c.db).current(c.site);
  View v{View::type::object};
  View fields{View::type::list};
  for (const auto& f : kFields) {
    View fv{View::type::object};
    fv.set("name", f.name);
    fv.set("label", f.label);
    fv.set("hint", *f.hint ? View(f.hint) : View(false));
    fv.set("value", g.*f.member);
    fields.push_back(fv);
  }
  v.set("fields", fields);
  v.set("action", kUrl);
  v.set("guide_url", c.site.path_prefix + "/ysqgk/");
  return c.page("依申请公开指南设置", "ysqgk/console_guide", v);
}

http::Response save_guide(ConsoleRequest& c) {
  domain::DisclosureGuide g;
  for (const auto& f : kFields) g.*f.member = field(c, f.name);
  modules::ysqgk::GuideService(c.db).save(caller_of(c), std::move(g));
  return c.see_other(kUrl);
}

}  // namespace

void register_guide_settings_page(ConsoleApp& app, http::Router& router) {
  const Access editors = Access::to("ysqgk.edit_guide");
  app.add_navigation("指南设置", kUrl, editors, 73);
  app.get(router, kUrl, editors, guide_settings);
  app.post(router, kUrl, editors, save_guide);
}

}  // namespace zwgk::web::console
