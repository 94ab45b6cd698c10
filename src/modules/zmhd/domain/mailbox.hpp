#pragma once
// 信箱: the channels a site offers for letters. Which ones a site has is data (table
// letter_mailboxes): a 领导信箱 (市长信箱 on the city site, 县长信箱 on a county's), a 信箱 per
// department, a 咨询投诉 form and the 我为政府网站找错 entry. The national inspection
// (国办秘函〔2019〕19号) fails a site that offers no working channel for 咨询建言.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/zmhd/domain/letter.hpp"

namespace zwgk::domain {

enum class MailboxKind { Leader, Department, Consultation, ErrorReport };
std::string to_label(MailboxKind);  // 领导信箱 | 部门信箱 | 咨询投诉 | 我为政府网站找错
std::string to_code(MailboxKind);   // leader | department | consultation | error_report
std::optional<MailboxKind> mailbox_kind_from(std::string_view code);

struct Mailbox {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string code;  // in the URL: P/zmhd/write/<code>
  MailboxKind kind = MailboxKind::Leader;
  std::string name;  // 市长信箱
  std::optional<std::int64_t> department_id;  // a department's 信箱: the letters go to it
  std::vector<LetterCategory> categories;     // what its form offers, in order
  std::string intro;
  int position = 0;
  bool enabled = true;
};

// "consultation,complaint" <-> categories; unknown codes are dropped.
std::vector<LetterCategory> categories_from_codes(std::string_view csv);
std::string categories_to_codes(const std::vector<LetterCategory>& categories);

// The kinds of error a 找错 report names (the national 找错 platform's list).
const std::vector<std::string>& error_report_kinds();  // 错别字, 链接无法打开, ...

}  // namespace zwgk::domain
