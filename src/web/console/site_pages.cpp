// 网站设置: contact and footer fields of the administrator's own site (主办单位, 联系电话,
// 地址, 网站标识码, ICP备案号, 公安机关备案号). Code, path and index-number template are
// operators' business (zwgk import/demo) and are not edited here.
#include "domain/errors.hpp"
#include "http/router.hpp"
#include "store/site_repository.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"

namespace zwgk::web::console {

namespace {
const char* kFields[][2] = {{"name", "网站名称"},        {"sponsor", "主办单位"},
                            {"phone", "联系电话"},       {"address", "地址"},
                            {"site_id_code", "网站标识码"}, {"icp_record", "ICP备案号"},
                            {"police_record", "公安机关备案号"}};

std::string* member(domain::Site& s, const std::string& key) {
  if (key == "name") return &s.name;
  if (key == "sponsor") return &s.sponsor;
  if (key == "phone") return &s.phone;
  if (key == "address") return &s.address;
  if (key == "site_id_code") return &s.site_id_code;
  if (key == "icp_record") return &s.icp_record;
  if (key == "police_record") return &s.police_record;
  return nullptr;
}
}  // namespace

void register_site_pages(ConsoleApp& app, http::Router& router) {
  app.add_navigation("网站设置", "/console/site/", Access::to("kernel.view_settings"), 73);
  app.get(router, "/console/site/", Access::to("kernel.view_settings"), [](ConsoleRequest& c) {
    domain::Site s = c.site;
    View fields{View::type::list};
    for (auto& f : kFields) {
      View o{View::type::object};
      o.set("key", f[0]);
      o.set("label", f[1]);
      o.set("value", *member(s, f[0]));
      fields.push_back(o);
    }
    View v{View::type::object};
    v.set("fields", fields);
    v.set("code", s.code);
    if (may(c, "kernel.manage_sites")) v.set("can_manage", true);
    return c.page("网站设置", "console_site", v);
  });
  app.post(router, "/console/site/", Access::to("kernel.manage_sites"), [](ConsoleRequest& c) {
    domain::Site s = c.site;
    for (auto& f : kFields) *member(s, f[0]) = field(c, f[0]);
    std::vector<std::string> problems;
    if (s.name.empty()) problems.push_back("请填写网站名称");
    if (!s.site_id_code.empty() && s.site_id_code.size() != 10) problems.push_back("网站标识码应为 10 位");
    for (auto& f : kFields)
      if (member(s, f[0])->size() > 200) problems.push_back(std::string(f[1]) + "过长（最多 200 个字节）");
    if (!problems.empty()) throw domain::ValidationError(problems);
    store::SiteRepository(c.db).save(s);
    c.audit("kernel.site_update", "site", std::to_string(s.id));
    return c.see_other("/console/site/");
  });
}

}  // namespace zwgk::web::console
