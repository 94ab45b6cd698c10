// 依申请公开: the request's state machine and derived deadline, rules in disclosure_request.hpp.
#include "modules/ysqgk/domain/disclosure_request.hpp"

#include <algorithm>

#include "domain/errors.hpp"

namespace zwgk::domain {
namespace {

using S = RequestState;
using E = RequestEventKind;

constexpr std::string_view kOffice = "受理机关的政府信息公开工作人员";
constexpr std::string_view kApplicant = "申请人（由工作人员登记）";

const std::vector<RequestTransition> kTransitions = {
    {S::Received, E::RequestCorrection, S::CorrectionRequested, kOffice,
     "第三十条：收到申请之日起7个工作日内一次性告知补正事项和合理的补正期限"},
    {S::Received, E::Assign, S::Assigned, kOffice, "分办至承办部门"},
    {S::Received, E::Withdraw, S::Withdrawn, kApplicant, "申请人可在答复前撤回申请"},
    {S::CorrectionRequested, E::ReceiveCorrection, S::Corrected, kOffice,
     "第三十条：答复期限自收到补正的申请之日起计算"},
    {S::CorrectionRequested, E::CloseNoCorrection, S::ClosedNoCorrection, kOffice,
     "第三十条：补正期限届满后，申请人无正当理由逾期不补正的，视为放弃申请（办理结果（六）1）"},
    {S::CorrectionRequested, E::Withdraw, S::Withdrawn, kApplicant, "申请人可在答复前撤回申请"},
    {S::Corrected, E::Assign, S::Assigned, kOffice, "分办至承办部门"},
    {S::Corrected, E::Withdraw, S::Withdrawn, kApplicant, "申请人可在答复前撤回申请"},
    {S::Assigned, E::StartConsultation, S::ConsultingThirdParty, "承办部门（经受理机关同意）",
     "第三十二条：书面征求第三方意见，第三方自收到之日起15个工作日内提出意见；第三十三条第三款：所需时间不计算在期限内"},
    {S::Assigned, E::Extend, S::Assigned, "政府信息公开工作机构负责人批准，受理机关告知申请人",
     "第三十三条第二款：延期一次，延长不超过20个工作日，须在答复期限届满前"},
    {S::Assigned, E::Reply, S::Replied, "承办部门拟稿，受理机关审核后答复", "第三十六条至第三十九条：按办理结果类型答复"},
    {S::Assigned, E::Withdraw, S::Withdrawn, kApplicant, "申请人可在答复前撤回申请"},
    {S::ConsultingThirdParty, E::EndConsultation, S::Assigned, "承办部门",
     "第三十二条：收到第三方意见或第三方逾期未提出意见，恢复计时"},
    {S::ConsultingThirdParty, E::Extend, S::ConsultingThirdParty,
     "政府信息公开工作机构负责人批准，受理机关告知申请人",
     "第三十三条第二款：延期一次，延长不超过20个工作日，须在答复期限届满前"},
    {S::ConsultingThirdParty, E::Withdraw, S::Withdrawn, kApplicant, "申请人可在答复前撤回申请"},
};

std::string quoted(const std::string& s) { return "“" + s + "”"; }

Date last_date(const DisclosureRequest& r) {
  Date d = r.received_on;
  for (const auto& e : r.history) d = std::max(d, e.on);
  return d;
}

// The guard of an allowed transition: "" if it holds, else the refusal.
std::string guard(const DisclosureRequest& r, const RequestEvent& e, const WorkingDayCalendar& cal) {
  if (e.on < last_date(r))
    return "办理日期（" + e.on.iso() + "）不能早于收到申请或上一办理步骤的日期（" + last_date(r).iso() + "）";
  switch (e.kind) {
    case E::RequestCorrection: {
      if (!e.correction_due_on) return "请填写补正期限（申请人应在何日前补正）";
      if (*e.correction_due_on <= e.on) return "补正期限应晚于发出补正通知之日";
      const int used = cal.working_days_between(r.received_on, e.on).days;
      if (used > kCorrectionNoticeWorkingDays)
        return "补正通知应在收到申请之日起" + std::to_string(kCorrectionNoticeWorkingDays) +
               "个工作日内发出（《政府信息公开条例》第三十条），本申请已过" + std::to_string(used) + "个工作日";
      return {};
    }
    case E::CloseNoCorrection:
      if (r.correction_due_on && e.on <= *r.correction_due_on)
        return "补正期限（" + r.correction_due_on->iso() + "）尚未届满，不能按逾期不补正结案";
      return {};
    case E::Assign:
      return e.department.empty() ? "请选择承办部门" : "";
    case E::StartConsultation:
      return e.third_party.empty() ? "请填写征求意见的第三方" : "";
    case E::Extend: {
      if (r.extension) return "答复期限只能延长一次（《政府信息公开条例》第三十三条第二款），本申请已延期";
      if (e.extension_working_days < 1 || e.extension_working_days > kMaxExtensionWorkingDays)
        return "延长的期限应为1至" + std::to_string(kMaxExtensionWorkingDays) +
               "个工作日（《政府信息公开条例》第三十三条第二款）";
      if (e.approver.empty()) return "延期须经政府信息公开工作机构负责人同意，请填写批准人";
      if (!e.applicant_notified) return "延期须告知申请人，请确认已发出延期告知";
      const Date due = due_date(r, cal, e.on).due_on;
      if (due < e.on) return "答复期限已于" + due.iso() + "届满，不能再延期";
      return {};
    }
    case E::Reply:
      if (!e.outcome) return "请选择办理结果";
      if (*e.outcome == ReplyOutcome::NoCorrectionInTime) return "逾期不补正的申请请按“逾期未补正结案”办理";
      if (*e.outcome == ReplyOutcome::UnclearAfterCorrection && !r.corrected_on)
        return "本申请未经补正，不能选择“补正后申请内容仍不明确”";
      return {};
    case E::ReceiveCorrection:
    case E::EndConsultation:
    case E::Withdraw:
      return {};
  }
  return {};
}

void effect(DisclosureRequest& r, const RequestEvent& e) {
  switch (e.kind) {
    case E::RequestCorrection:
      r.correction_requested_on = e.on;
      r.correction_due_on = e.correction_due_on;
      break;
    case E::ReceiveCorrection: r.corrected_on = e.on; break;
    case E::CloseNoCorrection:
      r.outcome = ReplyOutcome::NoCorrectionInTime;
      r.closed_on = e.on;
      break;
    case E::Assign:
      r.department = e.department;
      r.department_id = e.department_id;
      break;
    case E::StartConsultation: r.consultations.push_back({e.third_party, e.on, std::nullopt}); break;
    case E::EndConsultation: r.consultations.back().ended_on = e.on; break;
    case E::Extend: r.extension = Extension{e.extension_working_days, e.approver, e.on}; break;
    case E::Reply:
      r.outcome = e.outcome;
      r.closed_on = e.on;
      break;
    case E::Withdraw: r.closed_on = e.on; break;
  }
}

}  // namespace

std::string to_label(RequestChannel c) {
  switch (c) {
    case RequestChannel::Online: return "网上申请";
    case RequestChannel::Letter: return "信函申请";
    case RequestChannel::InPerson: return "当面申请";
    case RequestChannel::Fax: return "传真申请";
  }
  return {};
}

std::string to_code(RequestChannel c) {
  switch (c) {
    case RequestChannel::Online: return "online";
    case RequestChannel::Letter: return "letter";
    case RequestChannel::InPerson: return "in_person";
    case RequestChannel::Fax: return "fax";
  }
  return {};
}

std::optional<RequestChannel> request_channel_from(std::string_view code) {
  for (auto c : {RequestChannel::Online, RequestChannel::Letter, RequestChannel::InPerson, RequestChannel::Fax})
    if (to_code(c) == code) return c;
  return std::nullopt;
}

Date received_on(RequestChannel channel, const ReceiptEvents& ev) {
  auto need = [](const std::optional<Date>& d, const char* msg) {
    if (!d) throw ValidationError({msg});
    return *d;
  };
  switch (channel) {
    case RequestChannel::InPerson: return need(ev.handed_in, "当面提交的申请，请填写提交申请之日");
    case RequestChannel::Letter:
      if (ev.ordinary_letter)
        return need(ev.confirmed_by_office, "以平常信函提交的申请，请填写政府信息公开工作机构与申请人确认之日");
      return need(ev.signed_for, "以邮寄方式提交的申请，请填写政府信息公开工作机构签收之日");
    case RequestChannel::Online:
    case RequestChannel::Fax:
      return need(ev.both_sides_confirmed, "通过互联网渠道或传真提交的申请，请填写双方确认之日");
  }
  throw ValidationError({"未知的申请方式"});
}

std::string to_label(MediumWanted m) { return m == MediumWanted::Paper ? "纸质" : "电子"; }

std::string to_label(DeliveryMethod d) {
  switch (d) {
    case DeliveryMethod::Post: return "邮寄";
    case DeliveryMethod::Email: return "电子邮件";
    case DeliveryMethod::Collect: return "自行领取";
    case DeliveryMethod::Online: return "网上获取";
  }
  return {};
}

std::string to_label(RequestState s) {
  switch (s) {
    case S::Received: return "已收到";
    case S::CorrectionRequested: return "待补正";
    case S::Corrected: return "已补正";
    case S::Assigned: return "办理中";
    case S::ConsultingThirdParty: return "征求第三方意见中";
    case S::Replied: return "已答复";
    case S::ClosedNoCorrection: return "逾期未补正，终止办理";
    case S::Withdrawn: return "申请人撤回";
  }
  return {};
}

std::string to_code(RequestState s) {
  switch (s) {
    case S::Received: return "received";
    case S::CorrectionRequested: return "correction_requested";
    case S::Corrected: return "corrected";
    case S::Assigned: return "assigned";
    case S::ConsultingThirdParty: return "consulting_third_party";
    case S::Replied: return "replied";
    case S::ClosedNoCorrection: return "closed_no_correction";
    case S::Withdrawn: return "withdrawn";
  }
  return {};
}

bool is_terminal(RequestState s) { return s == S::Replied || s == S::ClosedNoCorrection || s == S::Withdrawn; }
bool is_clock_paused(RequestState s) { return s == S::CorrectionRequested || s == S::ConsultingThirdParty; }
std::vector<RequestState> open_states() {
  std::vector<RequestState> out;
  for (auto s : {S::Received, S::CorrectionRequested, S::Corrected, S::Assigned, S::ConsultingThirdParty, S::Replied,
                 S::ClosedNoCorrection, S::Withdrawn})
    if (!is_terminal(s)) out.push_back(s);
  return out;
}

std::string to_label(RequestEventKind k) {
  switch (k) {
    case E::RequestCorrection: return "发出补正通知";
    case E::ReceiveCorrection: return "收到补正材料";
    case E::CloseNoCorrection: return "逾期未补正结案";
    case E::Assign: return "分办";
    case E::StartConsultation: return "征求第三方意见";
    case E::EndConsultation: return "结束征求第三方意见";
    case E::Extend: return "延期答复";
    case E::Reply: return "答复";
    case E::Withdraw: return "申请人撤回";
  }
  return {};
}

const std::vector<RequestTransition>& request_transitions() { return kTransitions; }

DisclosureRequest new_disclosure_request(RequestChannel channel, const ReceiptEvents& events, Applicant applicant,
                                         std::string description) {
  DisclosureRequest r;
  r.channel = channel;
  r.received_on = received_on(channel, events);
  r.applicant = std::move(applicant);
  r.description = std::move(description);
  return r;
}

std::vector<RequestEventKind> offered_events(const DisclosureRequest& r) {
  std::vector<RequestEventKind> out;
  for (const auto& t : kTransitions) {
    if (t.from != r.state) continue;
    if (t.event == E::Extend && r.extension) continue;  // Art. 33 ¶2: one extension
    out.push_back(t.event);
  }
  return out;
}

std::string draft_refusal(const DisclosureRequest& r) {
  if (r.state == S::Assigned || r.state == S::ConsultingThirdParty) return {};
  return "当前状态为" + quoted(to_label(r.state)) + "，分办后、答复前才能起草答复意见";
}

ApplyResult apply_event(DisclosureRequest& r, const RequestEvent& e, const WorkingDayCalendar& cal) {
  const auto it = std::find_if(kTransitions.begin(), kTransitions.end(),
                               [&](const auto& t) { return t.from == r.state && t.event == e.kind; });
  if (it == kTransitions.end())
    return {false, "当前状态为" + quoted(to_label(r.state)) + "，不能办理" + quoted(to_label(e.kind))};
  if (auto refusal = guard(r, e, cal); !refusal.empty()) return {false, refusal};
  effect(r, e);
  r.state = it->to;
  r.history.push_back(e);
  return {true, {}};
}

void replay_events(DisclosureRequest& r, const std::vector<RequestEvent>& events) {
  for (const auto& e : events) {
    const auto it = std::find_if(kTransitions.begin(), kTransitions.end(),
                                 [&](const auto& t) { return t.from == r.state && t.event == e.kind; });
    if (it == kTransitions.end())
      throw ValidationError({"办理记录有误：状态" + quoted(to_label(r.state)) + "之后不能有" + quoted(to_label(e.kind))});
    effect(r, e);
    r.state = it->to;
    r.history.push_back(e);
  }
}

ReplyPeriod reply_period(const DisclosureRequest& r, Date as_of) {
  std::vector<PausedSpan> spans;
  auto until = [&](Date from, const std::optional<Date>& end) { return end ? *end : std::max(from, as_of); };
  if (r.correction_requested_on && r.state != S::ClosedNoCorrection)
    spans.push_back({r.received_on, until(r.received_on, r.corrected_on), "补正"});
  for (const auto& c : r.consultations) spans.push_back({c.started_on, until(c.started_on, c.ended_on), "征求第三方意见"});
  std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  std::vector<PausedSpan> merged;
  for (auto& s : spans) {
    if (!merged.empty() && s.from <= merged.back().to) {
      merged.back().to = std::max(merged.back().to, s.to);
      if (merged.back().reason.find(s.reason) == std::string::npos) merged.back().reason += "、" + s.reason;
    } else {
      merged.push_back(std::move(s));
    }
  }
  return ReplyPeriod{r.received_on, kReplyPeriodWorkingDays, std::move(merged), r.extension ? r.extension->working_days : 0};
}

ReplyDeadline due_date(const DisclosureRequest& r, const WorkingDayCalendar& cal, Date as_of) {
  return compute_reply_deadline(cal, reply_period(r, as_of));
}

ReplyDeadline deadline_for_applicant(ReplyDeadline d) {
  const int first = Date::from_sys_days(d.received_on.days() + std::chrono::days{1}).year();
  const int last = d.due_on.year();
  std::erase_if(d.warning.missing_years, [&](int y) { return y < first || y > last; });
  return d;
}

std::string to_label(DueStatus s) {
  switch (s) {
    case DueStatus::OnTime: return "正常";
    case DueStatus::DueSoon: return "即将到期";
    case DueStatus::Overdue: return "已逾期";
    case DueStatus::Paused: return "暂停计时";
    case DueStatus::Closed: return "已办结";
  }
  return {};
}

DueStatus classify_due(const DisclosureRequest& r, const WorkingDayCalendar& cal, Date today) {
  if (is_terminal(r.state)) return DueStatus::Closed;
  if (r.state == S::CorrectionRequested || r.state == S::ConsultingThirdParty) return DueStatus::Paused;
  switch (due_state(due_date(r, cal, today).due_on, today, cal)) {
    case DueState::Overdue: return DueStatus::Overdue;
    case DueState::DueSoon: return DueStatus::DueSoon;
    case DueState::OnTime: break;
  }
  return DueStatus::OnTime;
}

}  // namespace zwgk::domain
