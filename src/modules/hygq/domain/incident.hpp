#pragma once
// 回应关切: the clocks of 突发事件 and 政务舆情 (issue 13).
//
// The law: 国办发〔2016〕61号 (《关于在政务公开工作中进一步做好政务舆情回应的通知》) and its
// 实施细则 国办发〔2016〕80号 — for a 特别重大 or 重大 突发事件 the authoritative information
// is released within 5 hours of it becoming known (权威发布) and a press conference is held
// within 24 hours (新闻发布会); other 政务舆情 get a response within 48 hours (舆情回应).
//
// Terms:
//   incident      an 突发事件 of a level (特别重大 / 重大 / 较大 / 一般) or a 政务舆情
//   known_at      the instant it became known (entered and shown in China time)
//   clock         one duty with its hours, which level it applies to is data (ClockRule)
//   fulfilment    what meets a clock: a linked published document (权威发布, 舆情回应), a
//                 linked 新闻发布会 that is live or ended (新闻发布会), a response recorded by
//                 hand (any clock it names)
//
// Invariants (checked by incident_clocks):
//   1. Clocks count clock hours from known_at: due = known_at + hours. Nights, weekends and
//      holidays count (the working-day calendar plays no part here).
//   2. A clock is met by its earliest fulfilment; met on time when that is at or before due.
//   3. A clock without a fulfilment is running until due and missed after it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/china_time.hpp"  // the text forms of an instant

namespace zwgk::domain {

using Instant = std::chrono::sys_seconds;

enum class IncidentLevel {
  ParticularlySerious,  // 特别重大突发事件
  Serious,              // 重大突发事件
  Major,                // 较大突发事件
  General,              // 一般突发事件
  PublicOpinion,        // 政务舆情
};
const std::vector<IncidentLevel>& incident_levels();
std::string to_code(IncidentLevel);   // particularly_serious | serious | major | general | public_opinion
std::string to_label(IncidentLevel);  // 特别重大突发事件 ...
std::optional<IncidentLevel> incident_level_from(std::string_view code);

enum class ClockKind {
  Release,          // 权威发布 (first authoritative release)
  PressConference,  // 新闻发布会
  Response,         // 舆情回应
};
const std::vector<ClockKind>& clock_kinds();
std::string to_code(ClockKind);   // release | press_conference | response
std::string to_label(ClockKind);  // 权威发布 | 新闻发布会 | 舆情回应
std::optional<ClockKind> clock_kind_from(std::string_view code);

// Which clock applies to which level, in clock hours.
struct ClockRule {
  IncidentLevel level;
  ClockKind clock = ClockKind::Release;
  int hours = 0;
  bool operator==(const ClockRule&) const = default;
};
// 国办发〔2016〕61号: 特别重大, 重大 — 权威发布 5 h, 新闻发布会 24 h; 政务舆情 — 回应 48 h;
// 较大, 一般: none.
std::vector<ClockRule> default_clock_rules();
inline constexpr int kMaxClockHours = 720;  // 30 days: anything longer is a typo

// A site's settings (table incident_settings); a site without a row uses the defaults.
struct IncidentSettings {
  std::vector<ClockRule> rules = default_clock_rules();
  bool public_clock = false;                  // the public column shows due / met / missed
  std::vector<int> notice_minutes = {60};     // notices this many minutes before a clock runs out
  std::string notify_email;                   // also notified, besides the department's contact
};
// "particularly_serious.release=5,..." <-> rules; unknown codes and hours outside
// 1..kMaxClockHours are refused in Chinese (`error`).
std::string format_clock_rules(const std::vector<ClockRule>& rules);
std::optional<std::vector<ClockRule>> parse_clock_rules(std::string_view text, std::string& error);
// "60,15" <-> minutes (1..1440 each, at most 5).
std::string format_notice_minutes(const std::vector<int>& minutes);
std::optional<std::vector<int>> parse_notice_minutes(std::string_view text, std::string& error);

struct Incident {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  IncidentLevel level = IncidentLevel::PublicOpinion;
  Instant known_at{};
  std::optional<std::int64_t> department_id;
  std::string department;  // its name, for display
  std::string title;
  std::string summary;     // internal, never public
};

// What the console form gives: text, checked here. Problems in Chinese, in form order.
struct IncidentInput {
  std::string level;     // a code
  std::string known_at;  // China time "2026-12-05T22:30" / "2026-12-05 22:30"
  std::string title;
  std::string summary;
  std::optional<std::int64_t> department_id;
};
// Problems with the input, empty when it is good; `known_at` set when it parses. A time
// later than `now` is refused (it has not become known yet).
std::vector<std::string> incident_input_problems(const IncidentInput& in, Instant now, Incident& out);

// Something that met (or may meet) a clock at `at`.
struct Fulfilment {
  ClockKind clock = ClockKind::Release;
  Instant at{};
};

enum class ClockState { Running, Met, Missed };

struct ClockStatus {
  ClockKind clock = ClockKind::Release;
  int hours = 0;
  Instant due{};
  ClockState state = ClockState::Running;
  std::optional<Instant> met_at;  // the earliest fulfilment, also when it came late
  // Running: time left; Met: how early (>= 0); Missed: how late (met late: by then; not yet
  // met: until now).
  std::chrono::seconds margin{0};
  bool late() const { return state == ClockState::Missed; }
};

// The clocks of `incident` under `rules` at `now` (invariants above), in ClockKind order.
std::vector<ClockStatus> incident_clocks(const Incident& incident, const std::vector<ClockRule>& rules,
                                         const std::vector<Fulfilment>& fulfilments, Instant now);

// "1小时20分", "35分", "2天3小时" (days from 48 hours on), "不足1分".
std::string duration_text(std::chrono::seconds d);
// "提前1小时20分完成" / "按时完成" / "超时35分" / "已超时35分，尚未回应" / "剩余3小时5分".
std::string describe(const ClockStatus& status);
// What the public column (and its API) says of a clock: a running one shows its due time,
// never a countdown, because the answer is cached until the earliest due ("进行中，截止
// 2026-12-05 22:30"); a met or missed one as describe().
std::string public_text(const ClockStatus& status);
std::string to_label(ClockState);  // 进行中 | 已完成 | 已超时


}  // namespace zwgk::domain

namespace zwgk::domain {

// A response made elsewhere, as the console form gives it (text, checked here).
struct ResponseInput {
  std::string clock;  // a ClockKind code
  std::string at;     // China time, as IncidentInput::known_at
  std::string what;   // 在新闻媒体发布权威信息 ...
  std::string url;    // optional, http(s)://
};
struct RecordedResponse {
  ClockKind clock = ClockKind::Response;
  Instant at{};
  std::string what;
  std::string url;
};
// Problems in Chinese, in form order; `out` filled when there are none. The time may be
// neither after `now` nor before the incident became known.
std::vector<std::string> response_input_problems(const ResponseInput& in, const Incident& incident, Instant now,
                                                 RecordedResponse& out);

}  // namespace zwgk::domain
