// See event.hpp.
#include "modules/zxft/domain/event.hpp"

#include "domain/china_time.hpp"
#include "domain/contact_formats.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
bool is_one_line(const std::string& s) { return s.find_first_of("\r\n") == std::string::npos; }

}  // namespace

std::string to_code(EventKind k) {
  switch (k) {
    case EventKind::OnlineInterview: return "online_interview";
    case EventKind::PressConference: return "press_conference";
    case EventKind::PolicyBriefing: return "policy_briefing";
  }
  return "online_interview";
}

std::string to_label(EventKind k) {
  switch (k) {
    case EventKind::OnlineInterview: return "在线访谈";
    case EventKind::PressConference: return "新闻发布会";
    case EventKind::PolicyBriefing: return "政策吹风会";
  }
  return "在线访谈";
}

std::optional<EventKind> event_kind_from(std::string_view s) {
  for (auto k : all_event_kinds())
    if (s == to_code(k) || s == to_label(k)) return k;
  return std::nullopt;
}

const std::vector<EventKind>& all_event_kinds() {
  static const std::vector<EventKind> v = {EventKind::OnlineInterview, EventKind::PressConference,
                                           EventKind::PolicyBriefing};
  return v;
}

InterpretationForm interpretation_form_of(EventKind k) {
  return k == EventKind::OnlineInterview ? InterpretationForm::OnlineInterview : InterpretationForm::PressConference;
}

std::string to_code(EventState s) {
  switch (s) {
    case EventState::Draft: return "draft";
    case EventState::Announced: return "announced";
    case EventState::Live: return "live";
    case EventState::Ended: return "ended";
    case EventState::Cancelled: return "cancelled";
  }
  return "draft";
}

std::string to_label(EventState s) {
  switch (s) {
    case EventState::Draft: return "草稿";
    case EventState::Announced: return "预告";
    case EventState::Live: return "直播中";
    case EventState::Ended: return "已结束";
    case EventState::Cancelled: return "已取消";
  }
  return "草稿";
}

std::optional<EventState> event_state_from(std::string_view code) {
  for (auto s : {EventState::Draft, EventState::Announced, EventState::Live, EventState::Ended, EventState::Cancelled})
    if (code == to_code(s)) return s;
  return std::nullopt;
}

bool is_public(EventState s) {
  return s == EventState::Announced || s == EventState::Live || s == EventState::Ended;
}

std::string to_label(EventStep s) {
  switch (s) {
    case EventStep::Announce: return "发布预告";
    case EventStep::Open: return "开始直播";
    case EventStep::Close: return "结束直播";
    case EventStep::Cancel: return "取消活动";
  }
  return "";
}

std::optional<EventStep> event_step_from(std::string_view code) {
  if (code == "announce") return EventStep::Announce;
  if (code == "open") return EventStep::Open;
  if (code == "close") return EventStep::Close;
  if (code == "cancel") return EventStep::Cancel;
  return std::nullopt;
}

std::optional<std::string> step_refusal(EventState state, EventStep step) {
  switch (step) {
    case EventStep::Announce:
      if (state == EventState::Draft) return std::nullopt;
      return "只有草稿可以发布预告（当前：" + to_label(state) + "）";
    case EventStep::Open:
      if (state == EventState::Announced) return std::nullopt;
      return state == EventState::Draft ? std::string("请先发布预告，再开始直播")
                                        : "当前状态（" + to_label(state) + "）不能开始直播";
    case EventStep::Close:
      if (state == EventState::Live) return std::nullopt;
      return "只有直播中的活动可以结束（当前：" + to_label(state) + "）";
    case EventStep::Cancel:
      if (state == EventState::Draft || state == EventState::Announced) return std::nullopt;
      return "已开始或已结束的活动不能取消（当前：" + to_label(state) + "）";
  }
  return "无法执行该操作";
}

EventState state_after(EventStep step) {
  switch (step) {
    case EventStep::Announce: return EventState::Announced;
    case EventStep::Open: return EventState::Live;
    case EventStep::Close: return EventState::Ended;
    case EventStep::Cancel: return EventState::Cancelled;
  }
  return EventState::Draft;
}

std::vector<std::string> event_draft_problems(const EventDraft& d) {
  std::vector<std::string> p;
  if (blank(d.title)) p.push_back("请填写活动标题");
  else if (count_characters(d.title) > 200) p.push_back("活动标题不能超过200个字");
  if (!is_one_line(d.title)) p.push_back("活动标题不能换行");
  if (count_characters(d.summary) > 2000) p.push_back("内容简介不能超过2000个字");
  if (count_characters(d.place) > 200) p.push_back("活动地点不能超过200个字");
  if (d.starts_at <= 0) p.push_back("请填写开始时间");
  if (d.ends_at <= 0) p.push_back("请填写结束时间");
  if (d.starts_at > 0 && d.ends_at > 0 && d.ends_at <= d.starts_at) p.push_back("结束时间应晚于开始时间");
  if (d.starts_at > 0 && d.ends_at > d.starts_at && d.ends_at - d.starts_at > 24 * 3600)
    p.push_back("一场活动不能超过24小时");
  if (d.guests.size() > static_cast<std::size_t>(kEventGuestsMax)) p.push_back("嘉宾最多20位");
  int n = 0;
  for (const auto& g : d.guests) {
    ++n;
    if (blank(g.name)) p.push_back("第" + std::to_string(n) + "位嘉宾：请填写姓名");
    if (g.principal && !g.department_id) p.push_back("第" + std::to_string(n) + "位嘉宾：标为主要负责人时请选择其所在部门");
  }
  if (d.policy_ids.size() > static_cast<std::size_t>(kEventPoliciesMax)) p.push_back("解读的政策文件最多10件");
  return p;
}

std::optional<std::string> short_notice_warning(std::int64_t announced_at, std::int64_t starts_at) {
  const std::int64_t lead = starts_at - announced_at;
  if (lead >= kAnnouncementLeadSeconds) return std::nullopt;
  if (lead <= 0) return std::string("活动开始时间已过，预告应至少提前3天发布");
  const std::int64_t hours = lead / 3600;
  return "预告距活动开始仅" + (hours > 0 ? std::to_string(hours) + "小时" : std::to_string(lead / 60) + "分钟") +
         "，应至少提前3天发布预告";
}

std::string to_code(QuestionState s) {
  switch (s) {
    case QuestionState::Pending: return "pending";
    case QuestionState::Published: return "published";
    case QuestionState::Answered: return "answered";
    case QuestionState::Rejected: return "rejected";
  }
  return "pending";
}

std::string to_label(QuestionState s) {
  switch (s) {
    case QuestionState::Pending: return "待审核";
    case QuestionState::Published: return "已公开";
    case QuestionState::Answered: return "已答复";
    case QuestionState::Rejected: return "不予公开";
  }
  return "待审核";
}

std::optional<QuestionState> question_state_from(std::string_view code) {
  for (auto s : {QuestionState::Pending, QuestionState::Published, QuestionState::Answered, QuestionState::Rejected})
    if (code == to_code(s)) return s;
  return std::nullopt;
}

bool is_public(QuestionState s) { return s == QuestionState::Published || s == QuestionState::Answered; }

std::vector<std::string> question_problems(const QuestionInput& q, EventState state, bool questions_open) {
  std::vector<std::string> p;
  if (state != EventState::Announced && state != EventState::Live) p.push_back("本场活动已结束，不再接受提问");
  else if (!questions_open) p.push_back("本场活动暂停接受提问");
  if (count_characters(q.nickname) > 30) p.push_back("网名不能超过30个字");
  if (!is_one_line(q.nickname)) p.push_back("网名不能换行");
  if (blank(q.name)) p.push_back("请填写姓名（不公开）");
  else if (count_characters(q.name) > 30) p.push_back("姓名不能超过30个字");
  if (blank(q.phone)) p.push_back("请填写手机号码（不公开）");
  else if (!is_valid_mobile(q.phone)) p.push_back("手机号码应为11位数字，如 13800138000");
  if (blank(q.text)) p.push_back("请填写问题");
  else if (count_characters(q.text) > kQuestionTextMaxChars) p.push_back("问题不能超过500个字");
  if (!is_valid_utf8(q.text) || !is_valid_utf8(q.name) || !is_valid_utf8(q.nickname)) p.push_back("提交的文字编码无法识别");
  return p;
}

std::vector<std::string> entry_problems(const EntryInput& e, EventState state) {
  std::vector<std::string> p;
  if (state != EventState::Live && state != EventState::Ended) p.push_back("活动开始直播后才能发布直播内容");
  if (blank(e.text)) p.push_back("请填写直播内容");
  else if (count_characters(e.text) > kEntryTextMaxChars) p.push_back("一条直播内容不能超过5000个字");
  if (count_characters(e.speaker) > 60) p.push_back("发言人不能超过60个字");
  return p;
}

std::map<std::int64_t, int> principal_interpretations(const std::vector<PrincipalAppearance>& appearances, int year) {
  std::map<std::int64_t, int> out;
  for (const auto& a : appearances)
    if (china_date_of_unix(a.starts_at).year() == year) ++out[a.department_id];
  return out;
}

}  // namespace zwgk::domain
