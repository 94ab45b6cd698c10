// 依申请公开: receipt dates (Art. 31), the state machine, the 补正 limit (Art. 30), the
// extension (Art. 33 ¶2), the derived due date on the real calendar and the dashboard.
// Expected dates were counted by hand from data/holiday-cn/2024.json (中秋节 09-15..17 off,
// 09-14 make-up; 国庆节 10-01..07 off, 09-29 and 10-12 make-up).
#include "modules/ysqgk/domain/disclosure_request.hpp"

#include <gtest/gtest.h>


#include "domain/errors.hpp"
#include "support/holiday_calendar.hpp"

namespace {

using namespace zwgk::domain;
using S = RequestState;
using E = RequestEventKind;

using zwgk::test::calendar;
using zwgk::test::d;


DisclosureRequest fresh(const char* received = "2024-09-02") {
  ReceiptEvents ev;
  ev.both_sides_confirmed = d(received);
  return new_disclosure_request(RequestChannel::Online, ev, Applicant{}, "2024年城区道路改造项目批复文件");
}

RequestEvent ev(E kind, const char* on) {
  RequestEvent e{};
  e.kind = kind;
  e.on = d(on);
  e.actor = "clerk";
  switch (kind) {
    case E::RequestCorrection: e.correction_due_on = d("2024-09-13"); break;
    case E::Assign: e.department = "市住房和城乡建设局"; break;
    case E::StartConsultation: e.third_party = "某某建设有限公司"; break;
    case E::Extend:
      e.extension_working_days = 20;
      e.approver = "办公室主任 赵六";
      e.applicant_notified = true;
      break;
    case E::Reply: e.outcome = ReplyOutcome::Disclosed; break;
    default: break;
  }
  return e;
}

void must(DisclosureRequest& r, const RequestEvent& e) {
  const auto res = apply_event(r, e, calendar());
  ASSERT_TRUE(res.applied) << to_label(e.kind) << ": " << res.refusal;
}

// A request brought into `s` by allowed events dated 2024-09-02..09-16.
DisclosureRequest in_state(S s) {
  auto r = fresh();
  switch (s) {
    case S::Received: break;
    case S::CorrectionRequested: must(r, ev(E::RequestCorrection, "2024-09-04")); break;
    case S::Corrected:
      must(r, ev(E::RequestCorrection, "2024-09-04"));
      must(r, ev(E::ReceiveCorrection, "2024-09-10"));
      break;
    case S::Assigned: must(r, ev(E::Assign, "2024-09-03")); break;
    case S::ConsultingThirdParty:
      must(r, ev(E::Assign, "2024-09-03"));
      must(r, ev(E::StartConsultation, "2024-09-05"));
      break;
    case S::Replied:
      must(r, ev(E::Assign, "2024-09-03"));
      must(r, ev(E::Reply, "2024-09-06"));
      break;
    case S::ClosedNoCorrection:
      must(r, ev(E::RequestCorrection, "2024-09-04"));
      must(r, ev(E::CloseNoCorrection, "2024-09-14"));
      break;
    case S::Withdrawn: must(r, ev(E::Withdraw, "2024-09-03")); break;
  }
  EXPECT_EQ(r.state, s);
  return r;
}

// A valid event of each kind for a request built by in_state().
RequestEvent valid_event(E kind) {
  switch (kind) {
    case E::RequestCorrection: return ev(kind, "2024-09-04");
    default: return ev(kind, "2024-09-18");
  }
}

std::string snapshot(const DisclosureRequest& r) {
  std::ostringstream s;
  s << to_code(r.state) << '|' << r.history.size() << '|' << r.department << '|' << r.consultations.size() << '|'
    << (r.extension ? r.extension->working_days : -1) << '|' << (r.outcome ? to_code(*r.outcome) : "-") << '|'
    << (r.closed_on ? r.closed_on->iso() : "-") << '|' << (r.corrected_on ? r.corrected_on->iso() : "-") << '|'
    << (r.correction_requested_on ? r.correction_requested_on->iso() : "-");
  return s.str();
}

const std::vector<S> kStates = {S::Received, S::CorrectionRequested, S::Corrected, S::Assigned,
                                S::ConsultingThirdParty, S::Replied, S::ClosedNoCorrection, S::Withdrawn};
const std::vector<E> kEvents = {E::RequestCorrection, E::ReceiveCorrection, E::CloseNoCorrection,
                                E::Assign, E::StartConsultation, E::EndConsultation,
                                E::Extend, E::Reply, E::Withdraw};

// --- Art. 31: receipt date ----------------------------------------------------------------

TEST(DisclosureRequest, ReceiptDatePerChannel) {
  ReceiptEvents e;
  e.handed_in = d("2024-09-02");
  e.signed_for = d("2024-09-03");
  e.confirmed_by_office = d("2024-09-04");
  e.both_sides_confirmed = d("2024-09-05");
  EXPECT_EQ(received_on(RequestChannel::InPerson, e), d("2024-09-02"));
  EXPECT_EQ(received_on(RequestChannel::Letter, e), d("2024-09-03"));
  EXPECT_EQ(received_on(RequestChannel::Online, e), d("2024-09-05"));
  EXPECT_EQ(received_on(RequestChannel::Fax, e), d("2024-09-05"));
  e.ordinary_letter = true;
  EXPECT_EQ(received_on(RequestChannel::Letter, e), d("2024-09-04"));
}

TEST(DisclosureRequest, ReceiptDateMissingIsRefused) {
  auto msg = [](RequestChannel c, ReceiptEvents e) {
    try {
      received_on(c, e);
    } catch (const ValidationError& x) {
      return std::string(x.what());
    }
    return std::string("(accepted)");
  };
  ReceiptEvents only_handed_in;
  only_handed_in.handed_in = d("2024-09-02");
  EXPECT_EQ(msg(RequestChannel::Online, only_handed_in), "通过互联网渠道或传真提交的申请，请填写双方确认之日");
  EXPECT_EQ(msg(RequestChannel::Letter, only_handed_in), "以邮寄方式提交的申请，请填写政府信息公开工作机构签收之日");
  EXPECT_EQ(msg(RequestChannel::InPerson, ReceiptEvents{}), "当面提交的申请，请填写提交申请之日");
  ReceiptEvents ordinary;
  ordinary.ordinary_letter = true;
  ordinary.signed_for = d("2024-09-03");
  EXPECT_EQ(msg(RequestChannel::Letter, ordinary), "以平常信函提交的申请，请填写政府信息公开工作机构与申请人确认之日");
}

TEST(DisclosureRequest, ChannelCodes) {
  for (auto c : {RequestChannel::Online, RequestChannel::Letter, RequestChannel::InPerson, RequestChannel::Fax})
    EXPECT_EQ(request_channel_from(to_code(c)), c);
  EXPECT_EQ(to_label(RequestChannel::InPerson), "当面申请");
  EXPECT_FALSE(request_channel_from("email"));
}

// --- the state machine --------------------------------------------------------------------

TEST(DisclosureRequest, EveryAllowedTransition) {
  for (const auto& t : request_transitions()) {
    auto r = in_state(t.from);
    const auto before = r.history.size();
    const auto res = apply_event(r, valid_event(t.event), calendar());
    EXPECT_TRUE(res.applied) << to_code(t.from) << " / " << to_label(t.event) << ": " << res.refusal;
    EXPECT_EQ(r.state, t.to) << to_code(t.from) << " / " << to_label(t.event);
    EXPECT_EQ(r.history.size(), before + 1);
    EXPECT_FALSE(t.who.empty());
  }
}

TEST(DisclosureRequest, EveryOtherPairIsRefusedWithoutChange) {
  int refused = 0;
  for (S s : kStates)
    for (E e : kEvents) {
      const bool allowed = std::any_of(request_transitions().begin(), request_transitions().end(),
                                       [&](const auto& t) { return t.from == s && t.event == e; });
      if (allowed) continue;
      auto r = in_state(s);
      const auto before = snapshot(r);
      const auto res = apply_event(r, valid_event(e), calendar());
      EXPECT_FALSE(res.applied) << to_code(s) << " / " << to_label(e);
      EXPECT_EQ(res.refusal, "当前状态为“" + to_label(s) + "”，不能办理“" + to_label(e) + "”");
      EXPECT_EQ(snapshot(r), before);
      ++refused;
    }
  EXPECT_EQ(refused, static_cast<int>(kStates.size() * kEvents.size() - request_transitions().size()));
  // terminal states accept nothing
  for (const auto& t : request_transitions()) EXPECT_FALSE(is_terminal(t.from));
}

TEST(DisclosureRequest, CloseWithoutCorrectionGivesOutcomeSixOne) {
  auto r = in_state(S::CorrectionRequested);
  auto early = ev(E::CloseNoCorrection, "2024-09-13");
  const auto res = apply_event(r, early, calendar());
  EXPECT_EQ(res.refusal, "补正期限（2024-09-13）尚未届满，不能按逾期不补正结案");
  EXPECT_EQ(r.state, S::CorrectionRequested);
  must(r, ev(E::CloseNoCorrection, "2024-09-14"));
  ASSERT_TRUE(r.outcome);
  EXPECT_EQ(to_full_label(*r.outcome), "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
}

TEST(DisclosureRequest, CorrectionWithinSevenWorkingDays) {
  // Received Fri 2024-09-27: 09-29 (Sun, make-up) is day 1, 09-30 day 2, National Day off,
  // 10-08..10-11 days 3-6, 10-12 (Sat, make-up) day 7, 10-14 day 8.
  auto r = fresh("2024-09-27");
  auto late = ev(E::RequestCorrection, "2024-10-14");
  late.correction_due_on = d("2024-10-25");
  const auto before = snapshot(r);
  const auto res = apply_event(r, late, calendar());
  EXPECT_FALSE(res.applied);
  EXPECT_EQ(res.refusal, "补正通知应在收到申请之日起7个工作日内发出（《政府信息公开条例》第三十条），本申请已过8个工作日");
  EXPECT_EQ(snapshot(r), before);
  auto in_time = late;
  in_time.on = d("2024-10-12");
  must(r, in_time);
  EXPECT_EQ(r.state, S::CorrectionRequested);
}

TEST(DisclosureRequest, CorrectionNeedsADueDateAfterTheNotice) {
  auto r = fresh();
  auto e = ev(E::RequestCorrection, "2024-09-04");
  e.correction_due_on.reset();
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "请填写补正期限（申请人应在何日前补正）");
  e.correction_due_on = d("2024-09-04");
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "补正期限应晚于发出补正通知之日");
  EXPECT_EQ(r.state, S::Received);
}

TEST(DisclosureRequest, ExtensionOnceAtMostTwentyWithApprover) {
  auto r = in_state(S::Assigned);
  auto e = ev(E::Extend, "2024-09-18");
  e.extension_working_days = 21;
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "延长的期限应为1至20个工作日（《政府信息公开条例》第三十三条第二款）");
  e.extension_working_days = 0;
  EXPECT_FALSE(apply_event(r, e, calendar()).applied);
  e.extension_working_days = 10;
  e.approver.clear();
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "延期须经政府信息公开工作机构负责人同意，请填写批准人");
  e.approver = "办公室主任 赵六";
  e.applicant_notified = false;
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "延期须告知申请人，请确认已发出延期告知");
  EXPECT_FALSE(r.extension);
  e.applicant_notified = true;
  must(r, e);
  ASSERT_TRUE(r.extension);
  EXPECT_EQ(r.extension->working_days, 10);
  const auto before = snapshot(r);
  const auto second = apply_event(r, ev(E::Extend, "2024-09-19"), calendar());
  EXPECT_EQ(second.refusal, "答复期限只能延长一次（《政府信息公开条例》第三十三条第二款），本申请已延期");
  EXPECT_EQ(snapshot(r), before);
}

TEST(DisclosureRequest, ExtensionAfterTheDeadlineIsRefused) {
  auto r = in_state(S::Assigned);  // received 2024-09-02, due 2024-09-30 (see below)
  EXPECT_EQ(due_date(r, calendar(), d("2024-10-08")).due_on, d("2024-09-30"));
  EXPECT_EQ(apply_event(r, ev(E::Extend, "2024-10-08"), calendar()).refusal, "答复期限已于2024-09-30届满，不能再延期");
  must(r, ev(E::Extend, "2024-09-30"));
}

TEST(DisclosureRequest, ReplyGuards) {
  auto r = in_state(S::Assigned);
  auto e = ev(E::Reply, "2024-09-18");
  e.outcome.reset();
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "请选择办理结果");
  e.outcome = ReplyOutcome::NoCorrectionInTime;
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "逾期不补正的申请请按“逾期未补正结案”办理");
  e.outcome = ReplyOutcome::UnclearAfterCorrection;
  EXPECT_EQ(apply_event(r, e, calendar()).refusal, "本申请未经补正，不能选择“补正后申请内容仍不明确”");
  auto corrected = in_state(S::Corrected);
  must(corrected, ev(E::Assign, "2024-09-11"));
  must(corrected, e);
  EXPECT_EQ(corrected.outcome, ReplyOutcome::UnclearAfterCorrection);
}

TEST(DisclosureRequest, EventsCannotGoBackInTime) {
  auto r = in_state(S::Assigned);  // assigned 2024-09-03
  const auto res = apply_event(r, ev(E::Reply, "2024-09-02"), calendar());
  EXPECT_EQ(res.refusal, "办理日期（2024-09-02）不能早于收到申请或上一办理步骤的日期（2024-09-03）");
  EXPECT_EQ(r.state, S::Assigned);
}

// --- the derived due date -----------------------------------------------------------------

// Received Mon 2024-09-02; 补正 notice 09-04, correction received Tue 09-10 (new day zero);
// assigned 09-11; third party consulted 09-20..09-25 (4 working days not counted).
// From 09-10: 09-11,12,13 (1-3), 09-14 Sat make-up (4), 中秋 off, 09-18,19 (5-6), paused
// 09-20..25, 09-26,27 (7-8), 09-29 Sun make-up (9), 09-30 (10), 国庆 off, 10-08..11 (11-14),
// 10-12 Sat make-up (15), 10-14..18 (16-20): due 2024-10-18. Extended 20 on 10-18:
// 10-21..25, 10-28..11-01, 11-04..08, 11-11..15: due 2024-11-15.
DisclosureRequest scenario(bool extend) {
  auto r = fresh("2024-09-02");
  must(r, ev(E::RequestCorrection, "2024-09-04"));
  must(r, ev(E::ReceiveCorrection, "2024-09-10"));
  must(r, ev(E::Assign, "2024-09-11"));
  must(r, ev(E::StartConsultation, "2024-09-20"));
  must(r, ev(E::EndConsultation, "2024-09-25"));
  if (extend) must(r, ev(E::Extend, "2024-10-18"));
  return r;
}

TEST(DisclosureRequest, DueDateWithCorrectionConsultationAndExtension) {
  const auto plain = due_date(fresh("2024-09-02"), calendar(), d("2024-09-02"));
  // No pause: 09-03..06 (1-4), 09-09..13 (5-9), 09-14 Sat make-up (10), 09-18..20 (11-13),
  // 09-23..27 (14-18), 09-29 Sun make-up (19), 09-30 (20).
  EXPECT_EQ(plain.due_on, d("2024-09-30"));
  const auto r = scenario(true);
  const auto due = due_date(r, calendar(), d("2024-10-21"));
  EXPECT_EQ(due.due_without_extension, d("2024-10-18"));
  EXPECT_EQ(due.due_on, d("2024-11-15"));
  EXPECT_EQ(due.extension, 20);
  ASSERT_EQ(due.pauses.size(), 2u);
  EXPECT_EQ(due.pauses[0].span.reason, "补正");
  EXPECT_EQ(due.pauses[0].span.to, d("2024-09-10"));
  EXPECT_EQ(due.pauses[1].span.reason, "征求第三方意见");
  EXPECT_EQ(due.pauses[1].working_days_removed, 4);
  EXPECT_TRUE(due.warning.empty());
}

TEST(DisclosureRequest, OpenPauseRunsToToday) {
  auto r = in_state(S::ConsultingThirdParty);  // received 09-02, consulting since 09-05
  const auto p = reply_period(r, d("2024-09-10"));
  ASSERT_EQ(p.pauses.size(), 1u);
  EXPECT_EQ(p.pauses[0].from, d("2024-09-05"));
  EXPECT_EQ(p.pauses[0].to, d("2024-09-10"));
}

TEST(DisclosureRequest, TouchingPausesAreMerged) {
  auto r = fresh("2024-09-02");
  must(r, ev(E::RequestCorrection, "2024-09-04"));
  must(r, ev(E::ReceiveCorrection, "2024-09-10"));
  must(r, ev(E::Assign, "2024-09-10"));
  must(r, ev(E::StartConsultation, "2024-09-10"));
  const auto p = reply_period(r, d("2024-09-12"));
  ASSERT_EQ(p.pauses.size(), 1u);
  EXPECT_EQ(p.pauses[0].reason, "补正、征求第三方意见");
  EXPECT_EQ(p.pauses[0].to, d("2024-09-12"));
  EXPECT_NO_THROW(due_date(r, calendar(), d("2024-09-12")));
}

// --- dashboard ----------------------------------------------------------------------------

TEST(DisclosureRequest, DashboardClassification) {
  auto r = scenario(false);  // due 2024-10-18
  EXPECT_EQ(classify_due(r, calendar(), d("2024-10-14")), DueStatus::OnTime);   // 4 working days left
  EXPECT_EQ(classify_due(r, calendar(), d("2024-10-15")), DueStatus::DueSoon);  // 3
  EXPECT_EQ(classify_due(r, calendar(), d("2024-10-18")), DueStatus::DueSoon);  // due today
  EXPECT_EQ(classify_due(r, calendar(), d("2024-10-19")), DueStatus::Overdue);
  EXPECT_EQ(to_label(DueStatus::Overdue), "已逾期");

  EXPECT_EQ(classify_due(in_state(S::ConsultingThirdParty), calendar(), d("2024-12-31")), DueStatus::Paused);
  EXPECT_EQ(classify_due(in_state(S::CorrectionRequested), calendar(), d("2024-12-31")), DueStatus::Paused);
  EXPECT_EQ(classify_due(in_state(S::Replied), calendar(), d("2024-12-31")), DueStatus::Closed);
  EXPECT_EQ(classify_due(in_state(S::Withdrawn), calendar(), d("2024-12-31")), DueStatus::Closed);
}

}  // namespace

namespace {

TEST(DeadlineForApplicant, NamesAnUnpublishedYearOnlyWhenTheCountingEntersIt) {
  // The shipped 2027.json has no notice yet (papers: []).
  ReplyPeriod p;
  p.received_on = d("2026-12-01");  // + 20 working days: 2026-12-29, in the last week of December
  const auto ends_in_december = compute_reply_deadline(calendar(), p);
  ASSERT_EQ(ends_in_december.due_on, d("2026-12-29"));
  ASSERT_EQ(ends_in_december.warning.missing_years, std::vector<int>{2027}) << "the kernel's caution";
  const auto shown = deadline_for_applicant(ends_in_december);
  EXPECT_TRUE(shown.warning.empty());
  for (const auto& line : explain_reply_deadline(shown)) EXPECT_EQ(line.find("2027年的节假日"), std::string::npos) << line;

  p.received_on = d("2026-12-18");  // counted into January 2027
  const auto crosses = deadline_for_applicant(compute_reply_deadline(calendar(), p));
  ASSERT_EQ(crosses.due_on.year(), 2027);
  EXPECT_EQ(crosses.warning.missing_years, std::vector<int>{2027});
  bool said = false;
  for (const auto& line : explain_reply_deadline(crosses)) said = said || line.find("2027年的节假日安排尚未发布") != std::string::npos;
  EXPECT_TRUE(said);
}

}  // namespace
