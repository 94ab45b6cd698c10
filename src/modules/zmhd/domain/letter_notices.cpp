// See letter_notices.hpp.
#include "modules/zmhd/domain/letter_notices.hpp"

namespace zwgk::domain {

std::string to_code(LetterNoticeKind k) {
  switch (k) {
    case LetterNoticeKind::Received: return "zmhd.received";
    case LetterNoticeKind::Accepted: return "zmhd.accepted";
    case LetterNoticeKind::Rejected: return "zmhd.rejected";
    case LetterNoticeKind::Merged: return "zmhd.merged";
    case LetterNoticeKind::Replied: return "zmhd.replied";
    case LetterNoticeKind::RatingReminder: return "zmhd.rating_reminder";
    case LetterNoticeKind::Assigned: return "zmhd.assigned";
    case LetterNoticeKind::DueTomorrow: return "zmhd.due_tomorrow";
    case LetterNoticeKind::Overdue: return "zmhd.overdue";
    case LetterNoticeKind::Supervised: return "zmhd.supervised";
  }
  return "zmhd.notice";
}

LetterNoticeText letter_notice(LetterNoticeKind kind, const Letter& l, const std::string& title,
                               const LetterNoticeContext& c) {
  const std::string head = "【" + c.site_name + " " + c.mailbox_name + "】";
  const std::string number = "信件编号：" + l.number + "\n来信标题：" + title + "\n";
  const std::string status = c.status_url.empty() ? "" : "\n查询办理进度和答复：" + c.status_url + "\n（需要输入收到来信时显示的查询码）\n";
  const std::string console = c.console_url.empty() ? "" : "\n办理页面：" + c.console_url + "\n";
  const std::string due = c.due_on ? "办理期限：" + c.due_on->iso() + "\n" : "";
  const std::string footer = "\n此邮件由系统自动发送，请勿直接回复。\n";
  switch (kind) {
    case LetterNoticeKind::Received:
      return {head + "来信已收到 " + l.number,
              "您好！\n\n您的来信已收到，我们将尽快审核并告知您是否受理。\n\n" + number + "收信日期：" +
                  l.received_on.iso() + "\n" + status + footer};
    case LetterNoticeKind::Accepted:
      return {head + "来信已受理 " + l.number,
              "您好！\n\n您的来信已受理，正在办理。\n\n" + number + due + status + footer};
    case LetterNoticeKind::Rejected:
      return {head + "来信不予受理 " + l.number,
              "您好！\n\n经审核，您的来信不予受理。\n\n" + number + "理由：" +
                  (l.rejection ? to_label(*l.rejection) : std::string()) + "\n" + c.rejection_notice + "\n" + status +
                  footer};
    case LetterNoticeKind::Merged:
      return {head + "来信已合并办理 " + l.number,
              "您好！\n\n您的来信与此前收到的来信（" + l.merged_into +
                  "）内容相同，已合并办理，答复将在查询页面一并显示。\n\n" + number + status + footer};
    case LetterNoticeKind::Replied:
      return {head + "来信已答复 " + l.number,
              "您好！\n\n您的来信已答复" + std::string(l.department.empty() ? "" : "（答复部门：" + l.department + "）") +
                  "。\n\n" + number + "\n答复内容：\n" + l.reply + "\n\n请在" +
                  (c.rating_due_on ? c.rating_due_on->iso() : std::string("评价期限")) +
                  "前对办理结果作出评价（满意、基本满意、不满意），逾期未评价的按“满意”计。\n" + status + footer};
    case LetterNoticeKind::RatingReminder:
      return {head + "请对来信办理结果作出评价 " + l.number,
              "您好！\n\n您的来信已于" + (l.replied_on ? l.replied_on->iso() : std::string()) + "答复，请在" +
                  (c.rating_due_on ? c.rating_due_on->iso() : std::string("评价期限")) +
                  "前作出评价，逾期未评价的按“满意”计。\n\n" + number + status + footer};
    case LetterNoticeKind::Assigned:
      return {head + "转办来信 " + l.number,
              "您好！\n\n有一件来信转办给" + l.department + "办理，请按期答复。\n\n" + number + "类别：" +
                  to_label(l.category) + "\n" + due + console + footer};
    case LetterNoticeKind::DueTomorrow:
      return {head + "来信明日到期 " + l.number,
              "您好！\n\n" + l.department + "承办的来信将于" + (c.due_on ? c.due_on->iso() : std::string()) +
                  "到期，请及时答复。\n\n" + number + console + footer};
    case LetterNoticeKind::Overdue:
      return {head + "来信已超期 " + l.number,
              "您好！\n\n" + l.department + "承办的来信已超过办理期限（" +
                  (c.due_on ? c.due_on->iso() : std::string()) + "）仍未答复，请立即办理。\n\n" + number + console +
                  footer};
    case LetterNoticeKind::Supervised:
      return {head + "督办通知 " + l.number,
              "您好！\n\n" + l.department + "承办的来信已被督办，请督促尽快办理并答复。\n\n" + number + due +
                  "督办意见：" + c.note + "\n" + console + footer};
  }
  return {head, number};
}

}  // namespace zwgk::domain
