#pragma once
// 网站基本信息: what the portal's header and footer and the site-level pages (联系我们,
// 网站声明, 隐私声明, 网站地图) show beyond the sites row (domain/site.hpp) — the site's own
// logo, the 党政机关网站标识 and the 公安机关备案 badge with their links, 本网站支持IPv6,
// the contact details and the two statements. Each site edits its own in the console
// (网站设置); a site that never did has an empty profile and the default texts below.
//
// The badges follow the 《党政机关网站标识使用管理办法》 (the red 标识 links to the site's
// 验证 page on conac.cn) and the 公安机关互联网站安全管理 rules (the 备案 badge links to
// the site's record on beian.mps.gov.cn); 《政府网站发展指引》 asks for both in the footer.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/site.hpp"

namespace zwgk::domain {

struct SiteProfile {
  std::int64_t site_id = 0;
  std::string organizer;          // 承办单位 ("" = none)
  std::string postcode;           // 邮政编码, 6 digits
  std::string email;              // 电子邮箱
  std::string office_hours;       // 办公时间: "工作日 上午8:00-12:00，下午14:30-17:30"
  std::string statement;          // 网站声明, plain text ("" = default_site_statement)
  std::string privacy;            // 隐私声明, plain text ("" = default_privacy_statement)
  std::string conac_url;          // the 标识's 验证 page: https://bszs.conac.cn/sitename?method=show&id=...
  std::string police_record_url;  // the 备案 page ("" = derived from the record number)
  bool ipv6 = false;              // 本网站支持IPv6
  std::string logo_sha256;        // uploaded images (blobs), "" = none
  std::string conac_badge_sha256;
  std::string police_badge_sha256;
};

// The three images a site uploads.
enum class SiteImage { Logo, ConacBadge, PoliceBadge };
std::optional<SiteImage> site_image_from(std::string_view code);  // "logo", "conac", "police"
std::string_view to_code(SiteImage image);
std::string_view to_label(SiteImage image);  // 网站标志, 党政机关网站标识, 公安机关备案标识
std::string& image_sha256(SiteProfile& profile, SiteImage image);
const std::string& image_sha256(const SiteProfile& profile, SiteImage image);

// An uploaded image: PNG, JPEG, GIF or WebP by its first bytes (never the name or the
// browser's type). SVG is refused: it can carry script into the portal's origin.
inline constexpr std::size_t kMaxSiteImageBytes = 512u * 1024;
struct SiteImageCheck {
  std::string media_type;              // image/png, image/jpeg, image/gif, image/webp
  std::optional<std::string> refusal;  // the Chinese reason when refused
};
SiteImageCheck check_site_image(std::string_view file_name, std::string_view bytes);

// What is wrong with the sites row's header and footer fields as entered (网站名称 required,
// 网站标识码 10 characters — domain/README §6 — every field at most 200 bytes).
std::vector<std::string> site_header_problems(const Site& site);

// What is wrong with a profile as entered (Chinese, one item a problem; empty = valid).
std::vector<std::string> site_profile_problems(const SiteProfile& profile);

// The 备案 link to show: the configured one, else the record's page on beian.mps.gov.cn
// from the digits of the record number (湘公网安备43050202000123号), else "".
std::string police_record_link(const SiteProfile& profile, const std::string& police_record);

// The texts a site shows until it writes its own (one paragraph a line; a line starting
// with 一、二、… is a heading).
std::string default_site_statement(const Site& site);
std::string default_privacy_statement(const Site& site);
// The text in force: the site's own, else the default.
std::string statement_text(const SiteProfile& profile, const Site& site);
std::string privacy_text(const SiteProfile& profile, const Site& site);

// A statement's text as blocks: headings (一、版权声明) and paragraphs.
struct TextBlock {
  bool heading = false;
  std::string text;
};
std::vector<TextBlock> text_blocks(std::string_view text);

}  // namespace zwgk::domain
