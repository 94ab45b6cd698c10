#pragma once
// 在线访谈, 新闻发布会 and 政策吹风会: events where officials interpret policy in public
// (《2017年邵阳市政务公开工作要点》 六(三); domain/README §11). The rules, pure: what an event
// needs, its states, the 预告 rule (3 days ahead, a local rule commonly applied), the live
// transcript and the public's questions, and the count the seed asks for — each department's
// 主要负责人 interpreting important policy at least once a year (六(三), 第一解读人).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/publishing/domain/workflow.hpp"

namespace zwgk::domain {

enum class EventKind { OnlineInterview, PressConference, PolicyBriefing };
std::string to_code(EventKind);   // online_interview press_conference policy_briefing
std::string to_label(EventKind);  // 在线访谈 新闻发布会 政策吹风会
std::optional<EventKind> event_kind_from(std::string_view code_or_label);
const std::vector<EventKind>& all_event_kinds();
// The 政策解读 form the event counts as (workflow.hpp): 在线访谈 -> 在线访谈; 新闻发布会 and
// 政策吹风会 (a press briefing) -> 新闻发布会.
InterpretationForm interpretation_form_of(EventKind);

// draft 草稿 (staff only) -> announced 预告 -> live 直播中 -> ended 已结束; cancelled 已取消
// from draft or announced.
enum class EventState { Draft, Announced, Live, Ended, Cancelled };
std::string to_code(EventState);
std::string to_label(EventState);  // 草稿 预告 直播中 已结束 已取消
std::optional<EventState> event_state_from(std::string_view code);
bool is_public(EventState);  // announced, live, ended

enum class EventStep { Announce, Open, Close, Cancel };
std::string to_label(EventStep);  // 发布预告 开始直播 结束直播 取消活动
std::optional<EventStep> event_step_from(std::string_view code);  // announce open close cancel
// nullopt when `step` may be taken in `state`, else the Chinese refusal.
std::optional<std::string> step_refusal(EventState state, EventStep step);
EventState state_after(EventStep step);

// 嘉宾. principal: the 主要负责人 of the department (第一解读人).
struct EventGuest {
  std::string name;
  std::string post;  // 职务: 市交通运输局局长
  std::optional<std::int64_t> department_id;
  std::string department;  // its name, for display
  bool principal = false;
};

// What staff enter.
struct EventDraft {
  EventKind kind = EventKind::OnlineInterview;
  std::string title;
  std::string summary;
  std::string place;
  std::optional<std::int64_t> department_id;  // 主办单位
  std::int64_t starts_at = 0;                 // Unix seconds
  std::int64_t ends_at = 0;
  std::vector<EventGuest> guests;
  std::vector<std::int64_t> policy_ids;  // the policy documents it interprets
};

inline constexpr int kEventGuestsMax = 20;
inline constexpr int kEventPoliciesMax = 10;
inline constexpr std::size_t kEntryTextMaxChars = 5000;
inline constexpr std::size_t kQuestionTextMaxChars = 500;

// Chinese problems, in form order; empty when the draft may be saved.
std::vector<std::string> event_draft_problems(const EventDraft& d);

// The 预告 rule: an announcement less than 3 days (72 clock hours) before the start is
// allowed but warned about (a local rule: 预告 of time, topic and unit 3 days ahead) and
// the reason is recorded. Returns the warning, or nullopt when the notice is long enough.
inline constexpr std::int64_t kAnnouncementLeadSeconds = 3 * 24 * 3600;
std::optional<std::string> short_notice_warning(std::int64_t announced_at, std::int64_t starts_at);

// 网民提问: pending (待审核) -> published (已公开) | rejected (不予公开); published or
// pending -> answered (已答复) when staff answer it (in the transcript or in writing).
enum class QuestionState { Pending, Published, Answered, Rejected };
std::string to_code(QuestionState);
std::string to_label(QuestionState);  // 待审核 已公开 已答复 不予公开
std::optional<QuestionState> question_state_from(std::string_view code);
bool is_public(QuestionState);  // published, answered

struct QuestionInput {
  std::string nickname;  // shown, optional (网名)
  std::string name;      // sealed
  std::string phone;     // sealed
  std::string text;
};
std::vector<std::string> question_problems(const QuestionInput& q, EventState state, bool questions_open);
// Questions per phone number and event (the limit the form enforces).
inline constexpr int kQuestionsPerPhone = 5;

// A transcript entry as staff type it.
struct EntryInput {
  std::string speaker;
  std::string text;
  std::optional<std::int64_t> question_id;  // the question it answers
};
std::vector<std::string> entry_problems(const EntryInput& e, EventState state);

// 主要负责人解读 per department in a year: every ended event (its start in `year`, China
// time) with a principal guest counts once for the guest's department.
struct PrincipalAppearance {
  std::int64_t department_id = 0;
  std::int64_t starts_at = 0;
};
std::map<std::int64_t, int> principal_interpretations(const std::vector<PrincipalAppearance>& appearances, int year);

}  // namespace zwgk::domain
