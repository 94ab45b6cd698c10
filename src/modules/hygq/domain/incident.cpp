// See incident.hpp.
#include "modules/hygq/domain/incident.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/china_time.hpp"
#include "domain/date.hpp"

namespace zwgk::domain {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::optional<int> small_number(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::size_t character_count(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

const std::vector<IncidentLevel>& incident_levels() {
  static const std::vector<IncidentLevel> v = {IncidentLevel::ParticularlySerious, IncidentLevel::Serious,
                                               IncidentLevel::Major, IncidentLevel::General,
                                               IncidentLevel::PublicOpinion};
  return v;
}

std::string to_code(IncidentLevel l) {
  switch (l) {
    case IncidentLevel::ParticularlySerious: return "particularly_serious";
    case IncidentLevel::Serious: return "serious";
    case IncidentLevel::Major: return "major";
    case IncidentLevel::General: return "general";
    case IncidentLevel::PublicOpinion: return "public_opinion";
  }
  return "public_opinion";
}

std::string to_label(IncidentLevel l) {
  switch (l) {
    case IncidentLevel::ParticularlySerious: return "特别重大突发事件";
    case IncidentLevel::Serious: return "重大突发事件";
    case IncidentLevel::Major: return "较大突发事件";
    case IncidentLevel::General: return "一般突发事件";
    case IncidentLevel::PublicOpinion: return "政务舆情";
  }
  return "政务舆情";
}

std::optional<IncidentLevel> incident_level_from(std::string_view code) {
  for (auto l : incident_levels())
    if (to_code(l) == code) return l;
  return std::nullopt;
}

const std::vector<ClockKind>& clock_kinds() {
  static const std::vector<ClockKind> v = {ClockKind::Release, ClockKind::PressConference, ClockKind::Response};
  return v;
}

std::string to_code(ClockKind k) {
  switch (k) {
    case ClockKind::Release: return "release";
    case ClockKind::PressConference: return "press_conference";
    case ClockKind::Response: return "response";
  }
  return "response";
}

std::string to_label(ClockKind k) {
  switch (k) {
    case ClockKind::Release: return "权威发布";
    case ClockKind::PressConference: return "新闻发布会";
    case ClockKind::Response: return "舆情回应";
  }
  return "舆情回应";
}

std::optional<ClockKind> clock_kind_from(std::string_view code) {
  for (auto k : clock_kinds())
    if (to_code(k) == code) return k;
  return std::nullopt;
}

std::vector<ClockRule> default_clock_rules() {
  // 国办发〔2016〕61号 二(四) / 国办发〔2016〕80号: 5 hours and 24 hours for 特别重大、重大突发
  // 事件; 48 hours for other 政务舆情.
  return {{IncidentLevel::ParticularlySerious, ClockKind::Release, 5},
          {IncidentLevel::ParticularlySerious, ClockKind::PressConference, 24},
          {IncidentLevel::Serious, ClockKind::Release, 5},
          {IncidentLevel::Serious, ClockKind::PressConference, 24},
          {IncidentLevel::PublicOpinion, ClockKind::Response, 48}};
}

std::string format_clock_rules(const std::vector<ClockRule>& rules) {
  std::string out;
  for (const auto& r : rules) {
    if (!out.empty()) out += ',';
    out += to_code(r.level) + "." + to_code(r.clock) + "=" + std::to_string(r.hours);
  }
  return out;
}

std::optional<std::vector<ClockRule>> parse_clock_rules(std::string_view text, std::string& error) {
  std::vector<ClockRule> out;
  text = trim(text);
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    if (item.empty()) continue;
    const auto dot = item.find('.'), eq = item.find('=');
    if (dot == std::string_view::npos || eq == std::string_view::npos || eq < dot) {
      error = "时限设置格式不正确：" + std::string(item);
      return std::nullopt;
    }
    auto level = incident_level_from(trim(item.substr(0, dot)));
    if (!level) {
      error = "未知的事件级别：" + std::string(trim(item.substr(0, dot)));
      return std::nullopt;
    }
    auto clock = clock_kind_from(trim(item.substr(dot + 1, eq - dot - 1)));
    if (!clock) {
      error = "未知的回应时限：" + std::string(trim(item.substr(dot + 1, eq - dot - 1)));
      return std::nullopt;
    }
    auto hours = small_number(item.substr(eq + 1));
    if (!hours || *hours < 1 || *hours > kMaxClockHours) {
      error = to_label(*level) + "的" + to_label(*clock) + "时限应为1至" + std::to_string(kMaxClockHours) + "小时";
      return std::nullopt;
    }
    auto same = [&](const ClockRule& r) { return r.level == *level && r.clock == *clock; };
    out.erase(std::remove_if(out.begin(), out.end(), same), out.end());
    out.push_back({*level, *clock, *hours});
  }
  return out;
}

std::string format_notice_minutes(const std::vector<int>& minutes) {
  std::string out;
  for (int m : minutes) {
    if (!out.empty()) out += ',';
    out += std::to_string(m);
  }
  return out;
}

std::optional<std::vector<int>> parse_notice_minutes(std::string_view input, std::string& error) {
  std::string copy(input);
  for (auto p = copy.find("，"); p != std::string::npos; p = copy.find("，")) copy.replace(p, 3, ",");
  std::vector<int> out;
  std::string_view text = trim(copy);
  while (!text.empty()) {
    const auto comma = text.find(',');
    auto item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    if (item.empty()) continue;
    auto m = small_number(item);
    if (!m || *m < 1 || *m > 1440) {
      error = "到期前提醒的分钟数应为1至1440之间的整数：" + std::string(item);
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), *m) == out.end()) out.push_back(*m);
  }
  if (out.size() > 5) {
    error = "到期前提醒最多设置5个时间点";
    return std::nullopt;
  }
  std::sort(out.rbegin(), out.rend());
  return out;
}

std::vector<std::string> incident_input_problems(const IncidentInput& in, Instant now, Incident& out) {
  std::vector<std::string> problems;
  if (auto l = incident_level_from(trim(in.level)))
    out.level = *l;
  else
    problems.push_back(in.level.empty() ? "请选择事件级别" : "未知的事件级别：" + in.level);
  const auto known = trim(in.known_at);
  if (known.empty())
    problems.push_back("请填写获知时间（北京时间）");
  else if (auto t = parse_china_minute(known)) {
    if (*t > now)
      problems.push_back("获知时间不能晚于现在：" + std::string(known));
    else
      out.known_at = *t;
  } else {
    problems.push_back("获知时间无法识别，请按“2026-12-05 22:30”的格式填写：" + std::string(known));
  }
  out.title = std::string(trim(in.title));
  if (out.title.empty()) problems.push_back("请填写事件名称");
  if (character_count(out.title) > 200) problems.push_back("事件名称不能超过200个字");
  out.summary = std::string(trim(in.summary));
  if (character_count(out.summary) > 5000) problems.push_back("事件摘要不能超过5000个字");
  out.department_id = in.department_id;
  return problems;
}

std::vector<ClockStatus> incident_clocks(const Incident& incident, const std::vector<ClockRule>& rules,
                                         const std::vector<Fulfilment>& fulfilments, Instant now) {
  std::vector<ClockStatus> out;
  for (auto kind : clock_kinds()) {
    auto rule = std::find_if(rules.begin(), rules.end(),
                             [&](const ClockRule& r) { return r.level == incident.level && r.clock == kind; });
    if (rule == rules.end()) continue;
    ClockStatus s;
    s.clock = kind;
    s.hours = rule->hours;
    s.due = incident.known_at + std::chrono::hours(rule->hours);  // invariant 1
    for (const auto& f : fulfilments)
      if (f.clock == kind && (!s.met_at || f.at < *s.met_at)) s.met_at = f.at;  // invariant 2
    if (s.met_at) {
      s.state = *s.met_at <= s.due ? ClockState::Met : ClockState::Missed;
      s.margin = s.state == ClockState::Met ? s.due - *s.met_at : *s.met_at - s.due;
    } else if (now <= s.due) {  // invariant 3
      s.state = ClockState::Running;
      s.margin = s.due - now;
    } else {
      s.state = ClockState::Missed;
      s.margin = now - s.due;
    }
    out.push_back(s);
  }
  return out;
}

std::string duration_text(std::chrono::seconds d) {
  const long long minutes = d.count() / 60;
  if (minutes <= 0) return "不足1分";
  const long long days = minutes / (24 * 60), hours = minutes / 60, rest = minutes % 60;
  std::string out;
  if (hours >= 48) {
    out = std::to_string(days) + "天";
    if (hours % 24) out += std::to_string(hours % 24) + "小时";
    if (rest) out += std::to_string(rest) + "分";
    return out;
  }
  if (hours) out = std::to_string(hours) + "小时";
  if (rest) out += std::to_string(rest) + "分";
  return out;
}

std::string describe(const ClockStatus& s) {
  switch (s.state) {
    case ClockState::Running: return "剩余" + duration_text(s.margin);
    case ClockState::Met: return s.margin.count() >= 60 ? "提前" + duration_text(s.margin) + "完成" : "按时完成";
    case ClockState::Missed:
      return s.met_at ? "超时" + duration_text(s.margin) : "已超时" + duration_text(s.margin) + "，尚未回应";
  }
  return "";
}

std::string public_text(const ClockStatus& s) {
  return s.state == ClockState::Running ? "进行中，截止 " + format_china_minute(s.due) : describe(s);
}

std::string to_label(ClockState s) {
  switch (s) {
    case ClockState::Running: return "进行中";
    case ClockState::Met: return "已完成";
    case ClockState::Missed: return "已超时";
  }
  return "";
}

}  // namespace zwgk::domain

namespace zwgk::domain {

std::vector<std::string> response_input_problems(const ResponseInput& in, const Incident& incident, Instant now,
                                                 RecordedResponse& out) {
  std::vector<std::string> problems;
  if (auto k = clock_kind_from(trim(in.clock)))
    out.clock = *k;
  else
    problems.push_back(in.clock.empty() ? "请选择这次回应对应的时限" : "未知的回应时限：" + in.clock);
  const auto at = trim(in.at);
  if (at.empty())
    problems.push_back("请填写回应时间（北京时间）");
  else if (auto t = parse_china_minute(at)) {
    if (*t > now)
      problems.push_back("回应时间不能晚于现在：" + std::string(at));
    else if (*t < incident.known_at)
      problems.push_back("回应时间不能早于获知时间（" + format_china_minute(incident.known_at) + "）");
    else
      out.at = *t;
  } else {
    problems.push_back("回应时间无法识别，请按“2026-12-05 22:30”的格式填写：" + std::string(at));
  }
  out.what = std::string(trim(in.what));
  if (out.what.empty()) problems.push_back("请填写回应内容或渠道（如“在邵阳日报发布权威信息”）");
  if (character_count(out.what) > 500) problems.push_back("回应内容不能超过500个字");
  out.url = std::string(trim(in.url));
  if (!out.url.empty() && out.url.rfind("http://", 0) != 0 && out.url.rfind("https://", 0) != 0)
    problems.push_back("链接应以 http:// 或 https:// 开头");
  if (out.url.size() > 2000) problems.push_back("链接过长");
  return problems;
}

}  // namespace zwgk::domain
