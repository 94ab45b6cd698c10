#include "modules/ysqgk/domain/disclosure_guide.hpp"

#include <regex>
#include <string_view>

#include "domain/contact_formats.hpp"

namespace zwgk::domain {

namespace {

constexpr std::size_t kMaxFieldChars = 200;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// One number or several ("0739-5365203、5365204"), each a phone number as every form
// checks it (contact_formats.hpp) or a five-digit service hotline (12345).
bool phone_list(const std::string& s) {
  static const std::regex separator(R"(\s*(、|，|,|；|;|/)\s*)");
  static const std::regex hotline(R"(^\d{5}$)");
  bool any = false;
  for (std::sregex_token_iterator it(s.begin(), s.end(), separator, -1), last; it != last; ++it) {
    const std::string part = *it;
    if (!is_valid_phone(part) && !std::regex_match(part, hotline)) return false;
    any = true;
  }
  return any;
}

}  // namespace

std::vector<std::string> guide_problems(const DisclosureGuide& g) {
  std::vector<std::string> p;
  if (blank(g.body_name)) p.push_back("请填写机关名称");
  if (blank(g.office)) p.push_back("请填写受理机构名称（政府信息公开工作机构）");
  const std::pair<const char*, const std::string*> fields[] = {
      {"机关名称", &g.body_name}, {"受理机构名称", &g.office}, {"负责人", &g.person_in_charge},
      {"办公地址", &g.address},   {"邮政编码", &g.postcode},   {"办公时间", &g.hours},
      {"联系电话", &g.phone},     {"传真", &g.fax},            {"电子邮箱", &g.email}};
  for (const auto& [label, value] : fields)
    if (chars(*value) > kMaxFieldChars)
      p.push_back(std::string(label) + "不能超过" + std::to_string(kMaxFieldChars) + "个字");
  if (!g.postcode.empty() &&
      (g.postcode.size() != 6 || g.postcode.find_first_not_of("0123456789") != std::string::npos))
    p.push_back("邮政编码应为6位数字");
  if (!g.phone.empty() && !phone_list(g.phone)) p.push_back("联系电话格式不正确，例如 0739-5365203，多个号码用“、”分隔");
  if (!g.fax.empty() && !phone_list(g.fax)) p.push_back("传真号码格式不正确，例如 0739-5365204");
  if (!g.email.empty() && !is_valid_email(g.email)) p.push_back("电子邮箱格式不正确，例如 gkb@example.gov.cn");
  return p;
}

ApplicationChannels application_channels(const DisclosureGuide& g) {
  ApplicationChannels c;
  c.letter = !g.address.empty();
  c.in_person = !g.address.empty();
  c.fax = !g.fax.empty();
  return c;
}

}  // namespace zwgk::domain
