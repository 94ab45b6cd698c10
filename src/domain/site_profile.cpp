#include "domain/site_profile.hpp"

#include <cctype>
#include <regex>
#include <utility>

#include "domain/contact_formats.hpp"
#include "domain/text_lines.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The host of an http(s) URL without user info or port, lower case; "" when it is not one.
std::string url_host(const std::string& url) {
  std::string_view rest(url);
  if (starts_with(rest, "https://")) rest.remove_prefix(8);
  else if (starts_with(rest, "http://")) rest.remove_prefix(7);
  else return {};
  const auto end = rest.find_first_of("/?#");
  std::string host(rest.substr(0, end));
  if (host.find('@') != std::string::npos) return {};
  if (auto colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

bool host_is(const std::string& host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
         host[host.size() - domain.size() - 1] == '.';
}

bool has_space_or_control(const std::string& s) {
  for (unsigned char c : s)
    if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>') return true;
  return false;
}

}  // namespace

std::optional<SiteImage> site_image_from(std::string_view code) {
  if (code == "logo") return SiteImage::Logo;
  if (code == "conac") return SiteImage::ConacBadge;
  if (code == "police") return SiteImage::PoliceBadge;
  return std::nullopt;
}

std::string_view to_code(SiteImage image) {
  switch (image) {
    case SiteImage::Logo: return "logo";
    case SiteImage::ConacBadge: return "conac";
    case SiteImage::PoliceBadge: return "police";
  }
  return "logo";
}

std::string_view to_label(SiteImage image) {
  switch (image) {
    case SiteImage::Logo: return "网站标志";
    case SiteImage::ConacBadge: return "党政机关网站标识";
    case SiteImage::PoliceBadge: return "公安机关备案标识";
  }
  return "网站标志";
}

std::string& image_sha256(SiteProfile& profile, SiteImage image) {
  switch (image) {
    case SiteImage::ConacBadge: return profile.conac_badge_sha256;
    case SiteImage::PoliceBadge: return profile.police_badge_sha256;
    case SiteImage::Logo: break;
  }
  return profile.logo_sha256;
}

const std::string& image_sha256(const SiteProfile& profile, SiteImage image) {
  return image_sha256(const_cast<SiteProfile&>(profile), image);
}

// The signatures: PNG (RFC 2083 §12.12), JPEG SOI + marker (FF D8 FF), GIF87a/GIF89a,
// WebP "RIFF" <size> "WEBP" (RFC 9649 §2).
SiteImageCheck check_site_image(std::string_view file_name, std::string_view bytes) {
  SiteImageCheck out;
  const std::string name = file_name.empty() ? std::string("所选文件") : "“" + std::string(file_name) + "”";
  if (bytes.empty()) {
    out.refusal = name + "是空文件，请重新选择图片。";
    return out;
  }
  if (bytes.size() > kMaxSiteImageBytes) {
    out.refusal = name + "超过 512 KB，请压缩后再上传。";
    return out;
  }
  if (starts_with(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) out.media_type = "image/png";
  else if (starts_with(bytes, "\xff\xd8\xff")) out.media_type = "image/jpeg";
  else if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) out.media_type = "image/gif";
  else if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") out.media_type = "image/webp";
  else out.refusal = name + "不是 PNG、JPEG、GIF 或 WebP 图片，请上传这四种格式之一（出于安全考虑，不接受 SVG 等其他格式）。";
  return out;
}

std::vector<std::string> site_header_problems(const Site& s) {
  std::vector<std::string> problems;
  if (s.name.empty()) problems.push_back("请填写网站名称");
  if (!s.site_id_code.empty() && s.site_id_code.size() != 10) problems.push_back("网站标识码应为 10 位");
  const std::pair<const std::string*, const char*> fields[] = {
      {&s.name, "网站名称"},          {&s.sponsor, "主办单位"},     {&s.phone, "联系电话"},
      {&s.address, "地址"},           {&s.site_id_code, "网站标识码"}, {&s.icp_record, "ICP备案号"},
      {&s.police_record, "公安机关备案号"}};
  for (const auto& [value, label] : fields)
    if (value->size() > 200) problems.push_back(std::string(label) + "过长（最多 200 个字节）");
  return problems;
}

std::vector<std::string> site_profile_problems(const SiteProfile& p) {
  std::vector<std::string> problems;
  static const std::regex postcode(R"(^\d{6}$)");
  if (!p.postcode.empty() && !std::regex_match(p.postcode, postcode)) problems.push_back("邮政编码应为 6 位数字");
  if (!p.email.empty() && !is_valid_email(p.email)) problems.push_back("电子邮箱“" + p.email + "”格式不正确");
  if (!p.conac_url.empty() && (has_space_or_control(p.conac_url) || !host_is(url_host(p.conac_url), "conac.cn")))
    problems.push_back("党政机关网站标识的链接应为 conac.cn 上本网站的验证页面（以 https://bszs.conac.cn/ 开头）");
  if (!p.police_record_url.empty() &&
      (has_space_or_control(p.police_record_url) || !host_is(url_host(p.police_record_url), "beian.mps.gov.cn")))
    problems.push_back("公安机关备案的链接应为 beian.mps.gov.cn 上本网站的备案页面");
  const std::pair<const std::string*, const char*> short_fields[] = {
      {&p.organizer, "承办单位"}, {&p.office_hours, "办公时间"}, {&p.conac_url, "党政机关网站标识链接"},
      {&p.police_record_url, "公安机关备案链接"}};
  for (const auto& [value, label] : short_fields)
    if (value->size() > 300) problems.push_back(std::string(label) + "过长（最多 300 个字节）");
  if (p.statement.size() > 20000) problems.push_back("网站声明过长（最多 20000 个字节）");
  if (p.privacy.size() > 20000) problems.push_back("隐私声明过长（最多 20000 个字节）");
  for (const std::string* text : {&p.organizer, &p.office_hours, &p.statement, &p.privacy})
    if (!is_valid_utf8(*text)) problems.push_back("文字含有无法识别的字符，请检查后重新填写");
  return problems;
}

std::string police_record_link(const SiteProfile& profile, const std::string& police_record) {
  if (!profile.police_record_url.empty()) return profile.police_record_url;
  std::string digits;
  for (char c : police_record)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.empty()) return {};
  return "https://beian.mps.gov.cn/#/query/webSearch?code=" + digits;
}

std::string default_site_statement(const Site& site) {
  const std::string sponsor = site.sponsor.empty() ? site.name : site.sponsor;
  return "一、版权声明\n"
         "本网站由" + sponsor + "主办，网站内容的版权归" + sponsor +
         "所有，注明来源于其他单位的内容除外。本网站发布的政府信息可以免费转载、引用，转载时请注明来源“" + site.name +
         "”，不得歪曲、篡改原意，不得用于商业目的或其他不当用途。\n"
         "二、链接说明\n"
         "本网站提供的外部链接仅为方便公众查阅，被链接网站的内容由其主办单位负责，不代表本网站的观点。未经许可，任何网站不得以镜像、框架等方式复制本网站的内容。\n"
         "三、免责声明\n"
         "本网站力求发布的信息准确、及时，因技术或其他原因造成的延误、错误或遗漏，本网站不承担法律责任。政府信息以发布机关的正式文件为准。\n"
         "四、意见建议\n"
         "对本网站有任何意见或建议，请通过“联系我们”页面所列的方式与我们联系。";
}

std::string default_privacy_statement(const Site& site) {
  return site.name +
         "网站（以下简称“本网站”）重视对您个人信息的保护。本声明说明本网站收集哪些个人信息、用于什么目的、保存多久以及如何保护。\n"
         "一、收集的个人信息\n"
         "浏览、检索本网站无需提供任何个人信息。您在线提交政府信息公开申请（依申请公开）时，本网站收集申请人的姓名或名称、证件类型和号码、联系电话、电子邮箱、通信地址及申请内容；您在领导信箱、咨询投诉等互动栏目写信时，收集您填写的姓名、联系电话、电子邮箱及来信内容。\n"
         "二、使用目的\n"
         "上述信息只用于办理您的申请或来信、依法向您答复和送达、统计办理情况。证件号码加密保存；公开答复、信件选登和统计数据中不显示您的个人信息。\n"
         "三、保存期限\n"
         "申请和来信材料在办结后按照文书档案管理的规定保存，保存期满后依规定销毁。\n"
         "四、不向第三方提供\n"
         "除法律、法规另有规定或经您同意外，本网站不向任何第三方提供、出售或公开您的个人信息；办理需要时，只在承办机关之间转办。\n"
         "五、Cookie\n"
         "本网站只使用必要的 Cookie：记住大字版等显示偏好（如 zwgk_large）以及防止表单被伪造或重复提交的安全校验，不用于跟踪或广告，也不使用第三方统计服务。\n"
         "六、联系我们\n"
         "对本声明或您个人信息的处理有疑问，请通过“联系我们”页面所列的方式与我们联系。";
}

std::string statement_text(const SiteProfile& profile, const Site& site) {
  return profile.statement.empty() ? default_site_statement(site) : profile.statement;
}

std::string privacy_text(const SiteProfile& profile, const Site& site) {
  return profile.privacy.empty() ? default_privacy_statement(site) : profile.privacy;
}

std::vector<TextBlock> text_blocks(std::string_view text) {
  static const std::regex heading(R"(^(一|二|三|四|五|六|七|八|九|十)+、.{1,60}$)");
  std::vector<TextBlock> out;
  for (auto& line : non_empty_lines(text)) {
    TextBlock b;
    b.heading = std::regex_match(line, heading);
    b.text = std::move(line);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace zwgk::domain
