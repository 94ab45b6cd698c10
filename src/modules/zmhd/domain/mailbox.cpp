// See mailbox.hpp.
#include "modules/zmhd/domain/mailbox.hpp"

namespace zwgk::domain {

std::string to_label(MailboxKind k) {
  switch (k) {
    case MailboxKind::Leader: return "领导信箱";
    case MailboxKind::Department: return "部门信箱";
    case MailboxKind::Consultation: return "咨询投诉";
    case MailboxKind::ErrorReport: return "我为政府网站找错";
  }
  return {};
}
std::string to_code(MailboxKind k) {
  switch (k) {
    case MailboxKind::Leader: return "leader";
    case MailboxKind::Department: return "department";
    case MailboxKind::Consultation: return "consultation";
    case MailboxKind::ErrorReport: return "error_report";
  }
  return {};
}
std::optional<MailboxKind> mailbox_kind_from(std::string_view code) {
  for (auto k : {MailboxKind::Leader, MailboxKind::Department, MailboxKind::Consultation, MailboxKind::ErrorReport})
    if (to_code(k) == code) return k;
  return std::nullopt;
}

std::vector<LetterCategory> categories_from_codes(std::string_view csv) {
  std::vector<LetterCategory> out;
  std::size_t start = 0;
  while (start <= csv.size()) {
    const std::size_t comma = csv.find(',', start);
    const std::string_view part = csv.substr(start, comma == std::string_view::npos ? csv.size() - start : comma - start);
    if (auto c = letter_category_from(part)) out.push_back(*c);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string categories_to_codes(const std::vector<LetterCategory>& categories) {
  std::string out;
  for (auto c : categories) out += (out.empty() ? "" : ",") + to_code(c);
  return out;
}

const std::vector<std::string>& error_report_kinds() {
  static const std::vector<std::string> kinds = {"错别字", "链接无法打开", "信息不准确", "内容未及时更新",
                                                  "页面无法访问", "互动回应差", "服务不实用", "其他"};
  return kinds;
}

}  // namespace zwgk::domain
