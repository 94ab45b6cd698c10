// 网站设置: the administrator's own site — the header and footer fields (网站名称, 主办单位,
// 联系电话, 地址, 网站标识码, ICP备案号, 公安机关备案号), the 联系我们 page (承办单位, 邮政编码,
// 电子邮箱, 办公时间), the 党政机关网站标识 and 公安机关备案 links, 本网站支持IPv6, the texts of
// 网站声明 and 隐私声明, and three uploaded images (the header's logo, the two footer
// badges). Code, path and index-number template are operators' business (zwgk import/demo)
// and are not edited here. Every change goes through store::SiteSettingsService (audited).
//
//   GET  /console/site/                       the form (kernel.view_settings: read-only)
//   POST /console/site/                       texts and links (kernel.manage_sites)
//   POST /console/site/images/{kind}          multipart "image" (logo | conac | police)
//   POST /console/site/images/{kind}/remove
#include "domain/errors.hpp"
#include "domain/site_profile.hpp"
#include "http/router.hpp"
#include "store/site_profile_repository.hpp"
#include "store/site_settings_service.hpp"
#include "web/console/console_pages.hpp"
#include "web/console/page_helpers.hpp"
#include "web/site_images.hpp"

namespace zwgk::web::console {

namespace {

const char* kUrl = "/console/site/";

const char* kSiteFields[][2] = {{"name", "网站名称"},        {"sponsor", "主办单位"},
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

// The 联系我们 fields and the two links: key, label, hint.
const char* kProfileFields[][3] = {
    {"organizer", "承办单位", "没有可不填"},
    {"postcode", "邮政编码", "6 位数字"},
    {"email", "电子邮箱", ""},
    {"office_hours", "办公时间", "如：工作日 上午8:00—12:00，下午14:30—17:30"},
    {"conac_url", "党政机关网站标识链接", "conac.cn 上本网站的验证页面，如 https://bszs.conac.cn/sitename?method=show&id=…"},
    {"police_record_url", "公安机关备案链接", "留空则按公安机关备案号链接到 beian.mps.gov.cn 的查询页面"}};

std::string* member(domain::SiteProfile& p, const std::string& key) {
  if (key == "organizer") return &p.organizer;
  if (key == "postcode") return &p.postcode;
  if (key == "email") return &p.email;
  if (key == "office_hours") return &p.office_hours;
  if (key == "conac_url") return &p.conac_url;
  if (key == "police_record_url") return &p.police_record_url;
  return nullptr;
}

domain::SiteImage image_param(const ConsoleRequest& c) {
  auto image = domain::site_image_from(c.http.param("kind"));
  if (!image) throw domain::NotFound("没有这种网站图片。");
  return *image;
}

View field_view(const char* key, const char* label, const std::string& value, const char* hint = "") {
  View o{View::type::object};
  o.set("key", key);
  o.set("label", label);
  o.set("value", value);
  o.set("hint", *hint ? View(hint) : View(false));
  return o;
}

http::Response settings_page(ConsoleRequest& c) {
  domain::Site s = c.site;
  domain::SiteProfile p = store::SiteProfileRepository(c.db).of(s.id);
  View fields{View::type::list};
  for (auto& f : kSiteFields) fields.push_back(field_view(f[0], f[1], *member(s, f[0])));
  View profile_fields{View::type::list};
  for (auto& f : kProfileFields) profile_fields.push_back(field_view(f[0], f[1], *member(p, f[0]), f[2]));
  View images{View::type::list};
  for (auto image : {domain::SiteImage::Logo, domain::SiteImage::ConacBadge, domain::SiteImage::PoliceBadge}) {
    View i{View::type::object};
    i.set("code", std::string(domain::to_code(image)));
    i.set("label", std::string(domain::to_label(image)));
    const auto& sha = domain::image_sha256(p, image);
    i.set("url", sha.empty() ? View(false) : View(site_image_url(sha)));
    images.push_back(i);
  }
  View v{View::type::object};
  v.set("fields", fields);
  v.set("profile_fields", profile_fields);
  v.set("images", images);
  v.set("ipv6", p.ipv6);
  v.set("statement", domain::statement_text(p, s));
  v.set("privacy", domain::privacy_text(p, s));
  v.set("code", s.code);
  v.set("max_kb", std::to_string(domain::kMaxSiteImageBytes / 1024));
  if (may(c, "kernel.manage_sites")) v.set("can_manage", true);
  return c.page("网站设置", "console_site", v);
}

// A statement equal to the default is stored as "" so it follows the site's name.
std::string own_text(const std::string& entered, const std::string& default_text) {
  auto trimmed = [](const std::string& t) {
    const auto b = t.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return std::string();
    return t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
  };
  std::string a = trimmed(entered), d = trimmed(default_text);
  std::erase(a, '\r');
  return a == d ? std::string() : a;
}

}  // namespace

void register_site_pages(ConsoleApp& app, http::Router& router) {
  const Access viewers = Access::to("kernel.view_settings");
  const Access managers = Access::to("kernel.manage_sites");
  app.add_navigation("网站设置", kUrl, viewers, 73);
  app.get(router, kUrl, viewers, settings_page);
  app.post(router, kUrl, managers, [](ConsoleRequest& c) {
    domain::Site s = c.site;
    for (auto& f : kSiteFields) *member(s, f[0]) = field(c, f[0]);
    domain::SiteProfile p = store::SiteProfileRepository(c.db).of(s.id);
    for (auto& f : kProfileFields) *member(p, f[0]) = field(c, f[0]);
    p.ipv6 = c.form.value("ipv6") == "1";
    p.statement = own_text(c.form.value("statement"), domain::default_site_statement(s));
    p.privacy = own_text(c.form.value("privacy"), domain::default_privacy_statement(s));
    store::SiteSettingsService(c.db).update(caller_of(c), s, p);
    return c.see_other(kUrl);
  });
  app.post(router, "/console/site/images/{kind}", managers, [](ConsoleRequest& c) {
    const auto image = image_param(c);
    for (const auto& f : c.form.files) {
      if (f.field != "image") continue;
      store::SiteSettingsService(c.db).set_image(caller_of(c), c.site.id, image, f.file_name, f.data);
      return c.see_other(std::string(kUrl) + "#images");
    }
    throw domain::Invalid({"请选择要上传的图片"});
  });
  app.post(router, "/console/site/images/{kind}/remove", managers, [](ConsoleRequest& c) {
    store::SiteSettingsService(c.db).remove_image(caller_of(c), c.site.id, image_param(c));
    return c.see_other(std::string(kUrl) + "#images");
  });
}

}  // namespace zwgk::web::console
