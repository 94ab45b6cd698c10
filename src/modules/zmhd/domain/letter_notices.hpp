#pragma once
// The notices a letter's life sends (issue 12 "E-mail that is really sent"): to the writer —
// received, accepted or not, replied, the rating reminder; to the department's staff —
// assigned, due tomorrow, overdue, 督办. Pure text: the service writes them to the outbox
// in the transaction of the change that causes them. No personal data in them beyond what
// the recipient already knows: the writer's own letter number, never their name or phone.
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "modules/zmhd/domain/letter.hpp"

namespace zwgk::domain {

enum class LetterNoticeKind {
  Received,         // 来信已收到 (writer)
  Accepted,         // 已受理 (writer)
  Rejected,         // 不予受理 (writer, with the reason)
  Merged,           // 已合并 (writer)
  Replied,          // 已答复 (writer, with the reply and the rating link)
  RatingReminder,   // 请评价 (writer)
  Assigned,         // 转办 (department staff)
  DueTomorrow,      // 明日到期 (department staff)
  Overdue,          // 已超期 (department staff)
  Supervised,       // 督办 (department head)
};
std::string to_code(LetterNoticeKind);  // the outbox kind: zmhd.received, zmhd.assigned ...

struct LetterNoticeText {
  std::string subject;
  std::string body;
};

// What the notice needs besides the letter.
struct LetterNoticeContext {
  std::string site_name;        // 邵阳市人民政府
  std::string mailbox_name;     // 市长信箱
  std::string status_url;       // absolute: the writer's status page (number pre-filled)
  std::string console_url;      // absolute: the letter in the console (staff notices)
  std::optional<Date> due_on;   // the current handling's due date
  std::optional<Date> rating_due_on;
  std::string rejection_notice; // Rejected: rejection_notice(reason) (+ the site's 信访 channel)
  std::string note;             // Supervised: the 督办 note
};

LetterNoticeText letter_notice(LetterNoticeKind kind, const Letter& letter, const std::string& title,
                               const LetterNoticeContext& ctx);

}  // namespace zwgk::domain
