// 在线访谈 / 新闻发布会, the rules (modules/zxft/domain/event.hpp): the steps an event may take,
// what a draft, a question and a live entry need, the 3-day 预告 warning, and the yearly
// count of 主要负责人解读 per department in China time.
#include "modules/zxft/domain/event.hpp"

#include <gtest/gtest.h>

#include "domain/china_time.hpp"

namespace zwgk::domain {
namespace {

std::int64_t at(const char* day, int hour = 0, int minute = 0) {
  return china_midnight(*Date::parse(day)).time_since_epoch().count() + hour * 3600 + minute * 60;
}

bool has(const std::vector<std::string>& v, const std::string& needle) {
  for (const auto& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

TEST(Event, StepsFollowTheEventsLife) {
  EXPECT_FALSE(step_refusal(EventState::Draft, EventStep::Announce));
  EXPECT_FALSE(step_refusal(EventState::Announced, EventStep::Open));
  EXPECT_FALSE(step_refusal(EventState::Live, EventStep::Close));
  EXPECT_FALSE(step_refusal(EventState::Announced, EventStep::Cancel));
  EXPECT_EQ(*step_refusal(EventState::Draft, EventStep::Open), "请先发布预告，再开始直播");
  EXPECT_TRUE(step_refusal(EventState::Ended, EventStep::Open));
  EXPECT_TRUE(step_refusal(EventState::Live, EventStep::Cancel));
  EXPECT_TRUE(step_refusal(EventState::Ended, EventStep::Close));
  EXPECT_EQ(state_after(EventStep::Open), EventState::Live);
  EXPECT_FALSE(is_public(EventState::Draft));
  EXPECT_FALSE(is_public(EventState::Cancelled));
  EXPECT_TRUE(is_public(EventState::Ended));
}

TEST(Event, KindsAndTheirInterpretationForm) {
  EXPECT_EQ(to_label(EventKind::PressConference), "新闻发布会");
  EXPECT_EQ(event_kind_from("政策吹风会"), EventKind::PolicyBriefing);
  EXPECT_EQ(event_kind_from("online_interview"), EventKind::OnlineInterview);
  EXPECT_FALSE(event_kind_from("座谈会"));
  EXPECT_EQ(interpretation_form_of(EventKind::OnlineInterview), InterpretationForm::OnlineInterview);
  EXPECT_EQ(interpretation_form_of(EventKind::PressConference), InterpretationForm::PressConference);
  EXPECT_EQ(interpretation_form_of(EventKind::PolicyBriefing), InterpretationForm::PressConference);
}

TEST(Event, DraftProblemsInFormOrder) {
  EventDraft d;
  auto p = event_draft_problems(d);
  ASSERT_GE(p.size(), 3u);
  EXPECT_EQ(p[0], "请填写活动标题");
  EXPECT_TRUE(has(p, "请填写开始时间"));
  d.title = "优化营商环境新闻发布会";
  d.starts_at = at("2026-12-10", 10);
  d.ends_at = at("2026-12-10", 9);
  EXPECT_TRUE(has(event_draft_problems(d), "结束时间应晚于开始时间"));
  d.ends_at = at("2026-12-10", 11);
  d.guests.push_back({"张三", "市发展改革委主任", std::nullopt, "", true});
  EXPECT_TRUE(has(event_draft_problems(d), "第1位嘉宾：标为主要负责人时请选择其所在部门"));
  d.guests[0].department_id = 7;
  EXPECT_TRUE(event_draft_problems(d).empty());
}

TEST(Event, AnnouncementLessThanThreeDaysAheadIsWarned) {
  const auto starts = at("2026-12-10", 10);
  EXPECT_FALSE(short_notice_warning(starts - 72 * 3600, starts));
  auto w = short_notice_warning(starts - 71 * 3600, starts);
  ASSERT_TRUE(w);
  EXPECT_EQ(*w, "预告距活动开始仅71小时，应至少提前3天发布预告");
  EXPECT_EQ(*short_notice_warning(starts - 30 * 60, starts), "预告距活动开始仅30分钟，应至少提前3天发布预告");
  EXPECT_TRUE(short_notice_warning(starts + 60, starts)->find("已过") != std::string::npos);
}

TEST(Event, QuestionsAreTakenBeforeAndDuringTheEventOnly) {
  QuestionInput q{"热心市民", "李四", "13973955501", "公交专用道什么时候开通？"};
  EXPECT_TRUE(question_problems(q, EventState::Announced, true).empty());
  EXPECT_TRUE(question_problems(q, EventState::Live, true).empty());
  EXPECT_EQ(question_problems(q, EventState::Ended, true).front(), "本场活动已结束，不再接受提问");
  EXPECT_EQ(question_problems(q, EventState::Live, false).front(), "本场活动暂停接受提问");
  q.phone = "12345";
  EXPECT_TRUE(has(question_problems(q, EventState::Live, true), "手机号码应为11位数字"));
  q.phone = "13973955501";
  q.text.clear();
  for (int i = 0; i < 501; ++i) q.text += "问";
  EXPECT_TRUE(has(question_problems(q, EventState::Live, true), "问题不能超过500个字"));
  EXPECT_FALSE(is_public(QuestionState::Pending));
  EXPECT_FALSE(is_public(QuestionState::Rejected));
  EXPECT_TRUE(is_public(QuestionState::Answered));
}

TEST(Event, EntriesOnlyOnceTheEventIsLive) {
  EntryInput e{"主持人", "各位网友，大家好！", std::nullopt};
  EXPECT_EQ(entry_problems(e, EventState::Announced).front(), "活动开始直播后才能发布直播内容");
  EXPECT_TRUE(entry_problems(e, EventState::Live).empty());
  EXPECT_TRUE(entry_problems(e, EventState::Ended).empty());  // the 文字实录 may be completed after
  e.text = "  ";
  EXPECT_EQ(entry_problems(e, EventState::Live).front(), "请填写直播内容");
}

TEST(Event, PrincipalInterpretationsCountByChinaYear) {
  // 2026-12-31 23:30 China time is 15:30 UTC: it counts for 2026; 2027-01-01 00:30 China
  // time (2026-12-31 16:30 UTC) for 2027.
  const std::vector<PrincipalAppearance> v = {
      {1, at("2026-03-15", 10)}, {1, at("2026-12-31", 23, 30)}, {2, at("2027-01-01", 0, 30)}, {3, at("2025-06-01", 9)}};
  auto c = principal_interpretations(v, 2026);
  EXPECT_EQ(c[1], 2);
  EXPECT_EQ(c.count(2), 0u);
  EXPECT_EQ(c.count(3), 0u);
  EXPECT_EQ(principal_interpretations(v, 2027)[2], 1);
}

}  // namespace
}  // namespace zwgk::domain
