#pragma once
// 意见征集: consultation of the public on a draft before it is decided (《2017年邵阳市政务公开
// 工作要点》 三(一), 五(一); domain/README §10). The rules, pure:
//  - the kinds and their minimum periods, as data a site changes (ConsultationSettings):
//    重大行政决策 "一般不少于30日" (《重大行政决策程序暂行条例》 国务院令第713号 第十四条), 规章草案
//    30 days (《规章制定程序条例》 第十五条), 行政规范性文件 at least 7 working days (国办发〔2018〕
//    37号) and 30 days when it closely concerns 市场主体 (《优化营商环境条例》 第六十二条); a
//    shorter period needs a reason,
//    published with the notice (第十四条: "因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明");
//  - the phase, derived from the clock every time (a periodic job records the closing, but
//    nothing depends on it having run): 草稿, 未开始, 征集中, 已结束待反馈, 已反馈;
//  - the 反馈 ("公众意见及采纳情况应当向社会公布"): what it holds and when it is due (a
//    configurable number of working days after the end, default 20).
//
// Counting (《民法典》 第二百零一条): the day it opens is day zero; a period from `starts_on`
// to `ends_on` has (ends_on - starts_on) days, or working_days_between(starts_on, ends_on)
// working days, and opinions are taken until the end of `ends_on` (China time).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/working_day_calendar.hpp"

namespace zwgk::domain {

enum class ConsultationKind { MajorDecision, RuleDraft, NormativeDocument, Other };
std::string to_code(ConsultationKind);   // major_decision rule_draft normative_document other
std::string to_label(ConsultationKind);  // 重大行政决策 规章草案 行政规范性文件 其他
std::optional<ConsultationKind> consultation_kind_from(std::string_view code_or_label);
const std::vector<ConsultationKind>& all_consultation_kinds();

// "30日" or "7个工作日".
struct MinimumPeriod {
  int count = 30;
  bool working_days = false;
  auto operator<=>(const MinimumPeriod&) const = default;
};
std::string to_text(MinimumPeriod p);

// A site's rules (table consultation_settings); a site without its own uses the defaults.
struct ConsultationSettings {
  std::map<ConsultationKind, MinimumPeriod> periods;  // every kind present
  MinimumPeriod market_entities{30, false};           // 行政规范性文件 closely concerning 市场主体
  int feedback_working_days = 20;                     // 反馈 due this many working days after the end
  int opinions_per_phone = 5;                         // opinions one phone number may send per consultation
};
ConsultationSettings default_consultation_settings();
MinimumPeriod minimum_period(const ConsultationSettings& s, ConsultationKind kind, bool market_entities);

// The periods as the settings row stores them: "major_decision=30d,rule_draft=30d,
// normative_document=7w,market_entities=30d,other=7d" (d: days, w: working days).
std::string format_periods(const ConsultationSettings& s);
// Fills s.periods / s.market_entities from the text; kinds it does not name keep their
// value. nullopt on success, else the Chinese reason (a count outside 1..365, an unknown
// kind, a malformed item).
std::optional<std::string> parse_periods(std::string_view text, ConsultationSettings& s);
// Chinese problems with the numbers of a settings form; empty when they may be saved.
std::vector<std::string> settings_problems(const ConsultationSettings& s);

// The period as scheduled, against the minimum for its kind.
struct PeriodCheck {
  int length = 0;  // in the minimum's unit
  MinimumPeriod minimum;
  bool too_short = false;
  CalendarWarning warning;  // years the working-day count relied on without data
  std::string length_text() const;  // "20日" / "5个工作日"
};
PeriodCheck check_period(const ConsultationSettings& s, ConsultationKind kind, bool market_entities, Date starts_on,
                         Date ends_on, const WorkingDayCalendar& calendar);
// The refusal for a period shorter than the minimum without a reason ("规章草案的征求意见期限
// 不少于30日，本次为20日；确需缩短的，请填写缩短期限的理由，理由将在征集页面公布"), else nullopt.
std::optional<std::string> period_refusal(ConsultationKind kind, const PeriodCheck& check, std::string_view reason);

// What staff enter for the notice (事项名称及主要内容, 依据和理由, how and until when).
struct ConsultationDraft {
  ConsultationKind kind = ConsultationKind::RuleDraft;
  std::string title;
  std::optional<std::int64_t> department_id;  // 起草单位 / 组织单位
  std::string explanation;                    // 起草说明：依据和理由 (plain text)
  std::string body_html;                      // the draft (sanitized, privacy-guarded)
  std::string how_to_send;                    // 其他反馈渠道：地址、邮箱、电话 (plain text)
  bool market_entities = false;               // closely concerns 市场主体 (规范性文件)
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
  std::string short_period_reason;            // why the period is shorter than the minimum
};
inline constexpr std::size_t kConsultationTitleMaxChars = 200;
// Problems of the fields alone (the period's minimum is check_period's).
std::vector<std::string> consultation_draft_problems(const ConsultationDraft& d);

// Where a consultation is, at `today` (China date). Stored: whether it was published and
// whether its 反馈 was; the rest is the clock.
enum class ConsultationPhase { Draft, Upcoming, Open, AwaitingFeedback, FeedbackPublished };
std::string to_code(ConsultationPhase);   // draft upcoming open awaiting_feedback feedback_published
std::string to_label(ConsultationPhase);  // 草稿 未开始 征集中 已结束待反馈 已反馈
std::optional<ConsultationPhase> consultation_phase_from(std::string_view code);
ConsultationPhase phase_of(bool published, bool feedback_published, Date starts_on, Date ends_on, Date today);
bool is_public(ConsultationPhase);  // everything but the draft

// The 反馈 is due `feedback_working_days` working days after the end; overdue once a day
// later without it.
Date feedback_due_on(Date ends_on, const ConsultationSettings& s, const WorkingDayCalendar& calendar);
bool feedback_overdue(ConsultationPhase phase, Date ends_on, Date today, const ConsultationSettings& s,
                      const WorkingDayCalendar& calendar);

// 意见反馈: how many opinions came (by every channel, not only this site's form), how many
// were adopted, partly adopted, not adopted, and the explanation with the reasons for
// those not adopted.
struct ConsultationFeedback {
  int received = 0;
  int adopted = 0;
  int partly_adopted = 0;
  int not_adopted = 0;
  std::string text;
};
// `online` = the opinions the site's form took (received cannot be fewer).
std::vector<std::string> feedback_problems(const ConsultationFeedback& f, int online);

}  // namespace zwgk::domain
