// See letter.hpp.
#include "modules/zmhd/domain/letter.hpp"

#include <array>

#include "modules/zmhd/domain/reply_quality.hpp"

namespace zwgk::domain {

namespace {

using C = LetterCategory;
using S = LetterState;
using E = LetterEventKind;

std::string quoted(const std::string& s) { return "“" + s + "”"; }

constexpr std::array kCategories = {C::Consultation, C::Complaint, C::Suggestion, C::HelpRequest,
                                    C::Praise,       C::Other,     C::ErrorReport};
constexpr std::array kReasons = {RejectionReason::Duplicate, RejectionReason::NoSubstance, RejectionReason::Petition,
                                 RejectionReason::LitigationRelated, RejectionReason::Unlawful};

// The state an event may be applied in.
bool allowed_from(S s, E e) {
  switch (e) {
    case E::Accept:
    case E::Reject:
    case E::Merge: return s == S::Received;
    case E::Assign: return s == S::Accepted || s == S::Assigned;  // 转办, or 改派 while in hand
    case E::DraftReply: return s == S::Assigned;
    case E::RequestExtension: return s == S::Assigned || s == S::ReplyPending;
    case E::ApproveExtension: return s == S::Assigned || s == S::ReplyPending;
    case E::ReturnReply:
    case E::ApproveReply: return s == S::ReplyPending;
    case E::Rate: return s == S::Replied;
    case E::Supervise: return s == S::Accepted || s == S::Assigned || s == S::ReplyPending;
  }
  return false;
}

}  // namespace

std::string to_label(LetterCategory c) {
  switch (c) {
    case C::Consultation: return "咨询";
    case C::Complaint: return "投诉";
    case C::Suggestion: return "建议";
    case C::HelpRequest: return "求助";
    case C::Praise: return "表扬";
    case C::Other: return "其他";
    case C::ErrorReport: return "找错";
  }
  return {};
}
std::string to_code(LetterCategory c) {
  switch (c) {
    case C::Consultation: return "consultation";
    case C::Complaint: return "complaint";
    case C::Suggestion: return "suggestion";
    case C::HelpRequest: return "help";
    case C::Praise: return "praise";
    case C::Other: return "other";
    case C::ErrorReport: return "error_report";
  }
  return {};
}
std::optional<LetterCategory> letter_category_from(std::string_view code) {
  for (auto c : kCategories)
    if (to_code(c) == code) return c;
  return std::nullopt;
}
const std::vector<LetterCategory>& letter_categories() {
  static const std::vector<LetterCategory> all(kCategories.begin(), kCategories.end());
  return all;
}

std::string to_label(LetterChannel c) { return c == LetterChannel::Website ? "网站" : "12345热线"; }
std::string to_code(LetterChannel c) { return c == LetterChannel::Website ? "website" : "12345"; }

int LetterDeadlines::days_for(LetterCategory c) const {
  auto it = working_days.find(c);
  return it == working_days.end() ? 10 : it->second;
}

LetterDeadlines default_letter_deadlines() {
  LetterDeadlines d;
  for (auto c : kCategories) d.working_days[c] = 10;
  d.working_days[C::Consultation] = 5;
  d.working_days[C::ErrorReport] = 3;
  d.rating_working_days = 10;
  return d;
}

std::string to_label(RejectionReason r) {
  switch (r) {
    case RejectionReason::Duplicate: return "重复来信";
    case RejectionReason::NoSubstance: return "无实质内容";
    case RejectionReason::Petition: return "属信访事项";
    case RejectionReason::LitigationRelated: return "涉法涉诉";
    case RejectionReason::Unlawful: return "违法违规内容";
  }
  return {};
}
std::string to_code(RejectionReason r) {
  switch (r) {
    case RejectionReason::Duplicate: return "duplicate";
    case RejectionReason::NoSubstance: return "no_substance";
    case RejectionReason::Petition: return "petition";
    case RejectionReason::LitigationRelated: return "litigation";
    case RejectionReason::Unlawful: return "unlawful";
  }
  return {};
}
std::optional<RejectionReason> rejection_reason_from(std::string_view code) {
  for (auto r : kReasons)
    if (to_code(r) == code) return r;
  return std::nullopt;
}
std::string rejection_notice(RejectionReason r) {
  switch (r) {
    case RejectionReason::Duplicate: return "您的来信与此前的来信内容相同，已合并办理，请以此前来信的答复为准。";
    case RejectionReason::NoSubstance: return "您的来信未写明具体诉求或问题，无法办理。欢迎补充具体内容后重新来信。";
    case RejectionReason::Petition:
      return "您反映的事项属于信访事项，请依照《信访工作条例》通过信访渠道（各级信访工作机构、网上信访平台）提出。";
    case RejectionReason::LitigationRelated:
      return "您反映的事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，请依照有关法律法规的规定提出。";
    case RejectionReason::Unlawful: return "您的来信含有违反法律法规的内容，不予受理。";
  }
  return {};
}

std::string to_label(LetterState s) {
  switch (s) {
    case S::Received: return "已收到";
    case S::Rejected: return "不予受理";
    case S::Merged: return "已合并";
    case S::Accepted: return "已受理";
    case S::Assigned: return "办理中";
    case S::ReplyPending: return "待审核";
    case S::Replied: return "已答复";
    case S::Closed: return "已办结";
  }
  return {};
}
std::string to_code(LetterState s) {
  switch (s) {
    case S::Received: return "received";
    case S::Rejected: return "rejected";
    case S::Merged: return "merged";
    case S::Accepted: return "accepted";
    case S::Assigned: return "assigned";
    case S::ReplyPending: return "reply_pending";
    case S::Replied: return "replied";
    case S::Closed: return "closed";
  }
  return {};
}
bool is_terminal(LetterState s) { return s == S::Rejected || s == S::Merged || s == S::Closed; }

std::string to_label(Satisfaction s) {
  switch (s) {
    case Satisfaction::Satisfied: return "满意";
    case Satisfaction::BasicallySatisfied: return "基本满意";
    case Satisfaction::Dissatisfied: return "不满意";
  }
  return {};
}
std::string to_code(Satisfaction s) {
  switch (s) {
    case Satisfaction::Satisfied: return "satisfied";
    case Satisfaction::BasicallySatisfied: return "basically_satisfied";
    case Satisfaction::Dissatisfied: return "dissatisfied";
  }
  return {};
}
std::optional<Satisfaction> satisfaction_from(std::string_view code) {
  for (auto s : {Satisfaction::Satisfied, Satisfaction::BasicallySatisfied, Satisfaction::Dissatisfied})
    if (to_code(s) == code) return s;
  return std::nullopt;
}

std::string to_label(LetterEventKind k) {
  switch (k) {
    case E::Accept: return "受理";
    case E::Reject: return "不予受理";
    case E::Merge: return "合并";
    case E::Assign: return "转办";
    case E::DraftReply: return "拟答复";
    case E::RequestExtension: return "申请延期";
    case E::ApproveExtension: return "批准延期";
    case E::ReturnReply: return "退回重办";
    case E::ApproveReply: return "审核通过并答复";
    case E::Rate: return "评价";
    case E::Supervise: return "督办";
  }
  return {};
}
std::string to_code(LetterEventKind k) {
  switch (k) {
    case E::Accept: return "accept";
    case E::Reject: return "reject";
    case E::Merge: return "merge";
    case E::Assign: return "assign";
    case E::DraftReply: return "draft_reply";
    case E::RequestExtension: return "request_extension";
    case E::ApproveExtension: return "approve_extension";
    case E::ReturnReply: return "return_reply";
    case E::ApproveReply: return "approve_reply";
    case E::Rate: return "rate";
    case E::Supervise: return "supervise";
  }
  return {};
}
std::optional<LetterEventKind> letter_event_kind_from(std::string_view code) {
  for (auto k : {E::Accept, E::Reject, E::Merge, E::Assign, E::DraftReply, E::RequestExtension, E::ApproveExtension,
                 E::ReturnReply, E::ApproveReply, E::Rate, E::Supervise})
    if (to_code(k) == code) return k;
  return std::nullopt;
}
std::optional<LetterState> letter_state_from(std::string_view code) {
  for (auto s : {S::Received, S::Rejected, S::Merged, S::Accepted, S::Assigned, S::ReplyPending, S::Replied, S::Closed})
    if (to_code(s) == code) return s;
  return std::nullopt;
}
std::optional<LetterChannel> letter_channel_from(std::string_view code) {
  for (auto c : {LetterChannel::Website, LetterChannel::Hotline12345})
    if (to_code(c) == code) return c;
  return std::nullopt;
}

std::optional<Date> letter_due_on(const Letter& l, const WorkingDayCalendar& cal, const LetterDeadlines& d) {
  if (!l.accepted_on || l.state == S::Rejected || l.state == S::Merged) return std::nullopt;
  const Date start = l.round_started.value_or(*l.accepted_on);
  int days = d.days_for(l.category);
  if (l.round == 1 && l.extension && l.extension->approved) days += l.extension->working_days;
  return cal.add_working_days(start, days).date;
}

std::optional<Date> rating_due_on(const Letter& l, const WorkingDayCalendar& cal, const LetterDeadlines& d) {
  if (!l.replied_on) return std::nullopt;
  return cal.add_working_days(*l.replied_on, d.rating_working_days).date;
}

EffectiveRating effective_rating(const Letter& l, const WorkingDayCalendar& cal, const LetterDeadlines& d, Date today) {
  if (l.rating && l.state == S::Closed) return {l.rating, false};
  if (l.state != S::Replied) return {l.rating, false};
  const auto due = rating_due_on(l, cal, d);
  if (due && today > *due) return {Satisfaction::Satisfied, true};  // no rating counts as 满意
  return {};
}

bool unanswered_too_long(const Letter& l, Date today) {
  if (!l.accepted_on || l.replied_on || is_terminal(l.state)) return false;
  using namespace std::chrono;
  year_month_day limit = l.accepted_on->ymd + months{2};
  if (!limit.ok()) limit = limit.year() / limit.month() / last;  // 12-31 + 2 months: the last of February
  return today > Date{limit};
}

LetterWork letter_work(const Letter& l, const WorkingDayCalendar& cal, const LetterDeadlines& d, Date today) {
  LetterWork w;
  w.due_on = letter_due_on(l, cal, d);
  w.to_screen = l.state == LetterState::Received;
  w.pending_review = l.state == LetterState::ReplyPending;
  if (l.state == LetterState::Replied) {
    w.awaiting_rating = true;
    return w;
  }
  w.too_long = unanswered_too_long(l, today);
  w.overdue = w.due_on && today > *w.due_on;
  w.due_soon = !w.overdue && w.due_on && *w.due_on <= cal.add_working_days(today, kLetterDueSoonWorkingDays).date;
  return w;
}

LetterApplyResult apply_letter_event(Letter& l, const LetterEvent& e, const WorkingDayCalendar& cal,
                                     const LetterDeadlines& d, const std::vector<std::string>& stock_phrases) {
  auto refuse = [](std::string why) { return LetterApplyResult{false, std::move(why)}; };
  if (!allowed_from(l.state, e.kind))
    return refuse("当前状态为" + quoted(to_label(l.state)) + "，不能" + quoted(to_label(e.kind)));
  if (e.on < l.received_on) return refuse("办理日期不能早于收信日期（" + l.received_on.iso() + "）");
  Letter next = l;
  switch (e.kind) {
    case E::Accept:
      next.state = S::Accepted;
      next.accepted_on = e.on;
      break;
    case E::Reject:
      if (!e.rejection) return refuse("请选择不予受理的理由");
      if (*e.rejection == RejectionReason::Duplicate) return refuse("重复来信请合并到原来信办理");
      next.state = S::Rejected;
      next.rejection = e.rejection;
      break;
    case E::Merge:
      if (e.merged_into.empty() || e.merged_into == l.number) return refuse("请填写要合并到的原来信编号");
      next.state = S::Merged;
      next.rejection = RejectionReason::Duplicate;
      next.merged_into = e.merged_into;
      break;
    case E::Assign:
      if (e.department.empty() && !e.department_id) return refuse("请选择承办部门");
      next.state = S::Assigned;
      next.department = e.department;
      next.department_id = e.department_id;
      break;
    case E::DraftReply:
      if (e.text.find_first_not_of(" \t\r\n") == std::string::npos) return refuse("请填写答复内容");
      next.state = S::ReplyPending;
      next.draft_reply = e.text;
      break;
    case E::RequestExtension: {
      if (l.round != 1) return refuse("二次办理不能延期");
      if (l.extension) return refuse("每件来信只能延期一次，本件已申请过延期");
      const int original = d.days_for(l.category);
      if (e.working_days < 1 || e.working_days > original)
        return refuse("延长的期限应为1至" + std::to_string(original) + "个工作日（不超过原办理期限）");
      if (e.reason.find_first_not_of(" \t\r\n") == std::string::npos) return refuse("请填写延期理由");
      const auto due = letter_due_on(l, cal, d);
      if (due && e.on > *due) return refuse("办理期限已于" + due->iso() + "届满，应在期限届满前申请延期");
      next.extension = LetterExtension{e.working_days, e.reason, e.on, false};
      break;
    }
    case E::ApproveExtension:
      if (!l.extension || l.extension->approved) return refuse("没有待批准的延期申请");
      next.extension->approved = true;
      break;
    case E::ReturnReply:
      if (e.reason.find_first_not_of(" \t\r\n") == std::string::npos) return refuse("请填写退回重办的理由");
      next.state = S::Assigned;
      break;
    case E::ApproveReply: {
      const auto problems = reply_quality_problems(l.draft_reply, stock_phrases);
      if (!problems.empty()) return refuse(problems.front() + "；请退回重办");
      next.state = S::Replied;
      next.reply = l.draft_reply;
      next.replied_on = e.on;
      next.rating.reset();
      break;
    }
    case E::Rate: {
      if (!e.satisfaction) return refuse("请选择满意、基本满意或不满意");
      const auto due = rating_due_on(l, cal, d);
      if (due && e.on > *due) return refuse("评价期限已于" + due->iso() + "届满，已按“默认满意”计");
      next.rating = e.satisfaction;
      if (*e.satisfaction == Satisfaction::Dissatisfied && l.round == 1) {
        next.state = S::Assigned;  // 二次办理, once, by the same department
        next.round = 2;
        next.round_started = e.on;
        next.replied_on.reset();
      } else {
        next.state = S::Closed;
      }
      break;
    }
    case E::Supervise:
      if (e.reason.find_first_not_of(" \t\r\n") == std::string::npos) return refuse("请填写督办意见");
      break;
  }
  next.history.push_back(e);
  l = std::move(next);
  return {true, {}};
}

}  // namespace zwgk::domain
