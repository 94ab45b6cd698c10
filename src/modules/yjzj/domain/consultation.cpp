// See consultation.hpp.
#include "modules/yjzj/domain/consultation.hpp"

#include <charconv>

#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

constexpr int kPeriodMax = 365;

}  // namespace

std::string to_code(ConsultationKind k) {
  switch (k) {
    case ConsultationKind::MajorDecision: return "major_decision";
    case ConsultationKind::RuleDraft: return "rule_draft";
    case ConsultationKind::NormativeDocument: return "normative_document";
    case ConsultationKind::Other: return "other";
  }
  return "other";
}

std::string to_label(ConsultationKind k) {
  switch (k) {
    case ConsultationKind::MajorDecision: return "重大行政决策";
    case ConsultationKind::RuleDraft: return "规章草案";
    case ConsultationKind::NormativeDocument: return "行政规范性文件";
    case ConsultationKind::Other: return "其他";
  }
  return "其他";
}

const std::vector<ConsultationKind>& all_consultation_kinds() {
  static const std::vector<ConsultationKind> v = {ConsultationKind::MajorDecision, ConsultationKind::RuleDraft,
                                                  ConsultationKind::NormativeDocument, ConsultationKind::Other};
  return v;
}

std::optional<ConsultationKind> consultation_kind_from(std::string_view s) {
  for (auto k : all_consultation_kinds())
    if (s == to_code(k) || s == to_label(k)) return k;
  return std::nullopt;
}

std::string to_text(MinimumPeriod p) {
  return std::to_string(p.count) + (p.working_days ? "个工作日" : "日");
}

ConsultationSettings default_consultation_settings() {
  ConsultationSettings s;
  s.periods = {{ConsultationKind::MajorDecision, {30, false}},      // 《重大行政决策程序暂行条例》 第十四条
               {ConsultationKind::RuleDraft, {30, false}},          // 《规章制定程序条例》 第十五条
               {ConsultationKind::NormativeDocument, {7, true}},    // 国办发〔2018〕37号
               {ConsultationKind::Other, {7, false}}};              // a local default
  s.market_entities = {30, false};                                  // 《优化营商环境条例》 第六十二条
  return s;
}

MinimumPeriod minimum_period(const ConsultationSettings& s, ConsultationKind kind, bool market_entities) {
  MinimumPeriod p = default_consultation_settings().periods.at(kind);
  if (auto it = s.periods.find(kind); it != s.periods.end()) p = it->second;
  if (kind == ConsultationKind::NormativeDocument && market_entities) {
    // The longer of the two: 30 days against 7 working days.
    const int as_days = p.working_days ? p.count * 7 / 5 : p.count;
    const int market_days = s.market_entities.working_days ? s.market_entities.count * 7 / 5 : s.market_entities.count;
    if (market_days >= as_days) p = s.market_entities;
  }
  return p;
}

std::string format_periods(const ConsultationSettings& s) {
  std::string out;
  auto item = [&](const std::string& name, MinimumPeriod p) {
    if (!out.empty()) out += ",";
    out += name + "=" + std::to_string(p.count) + (p.working_days ? "w" : "d");
  };
  for (auto k : all_consultation_kinds()) item(to_code(k), minimum_period(s, k, false));
  item("market_entities", s.market_entities);
  return out;
}

std::optional<std::string> parse_periods(std::string_view text, ConsultationSettings& s) {
  ConsultationSettings out = s;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto comma = text.find(',', at);
    if (comma == std::string_view::npos) comma = text.size();
    const auto item = trim(text.substr(at, comma - at));
    at = comma + 1;
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) return "征求意见期限“" + std::string(item) + "”的格式应为 类型=天数d 或 类型=天数w";
    const auto name = trim(item.substr(0, eq));
    auto value = trim(item.substr(eq + 1));
    MinimumPeriod p;
    if (!value.empty() && (value.back() == 'w' || value.back() == 'd')) {
      p.working_days = value.back() == 'w';
      value.remove_suffix(1);
    }
    const auto r = std::from_chars(value.data(), value.data() + value.size(), p.count);
    if (r.ec != std::errc() || r.ptr != value.data() + value.size() || p.count < 1 || p.count > kPeriodMax)
      return "征求意见期限“" + std::string(item) + "”的天数应为1至365的整数";
    if (name == "market_entities") {
      out.market_entities = p;
      continue;
    }
    auto kind = consultation_kind_from(name);
    if (!kind) return "没有“" + std::string(name) + "”这类征集";
    out.periods[*kind] = p;
  }
  s = out;
  return std::nullopt;
}

std::vector<std::string> settings_problems(const ConsultationSettings& s) {
  std::vector<std::string> p;
  for (auto k : all_consultation_kinds()) {
    const auto m = minimum_period(s, k, false);
    if (m.count < 1 || m.count > kPeriodMax) p.push_back(to_label(k) + "的征求意见期限应为1至365天");
  }
  if (s.market_entities.count < 1 || s.market_entities.count > kPeriodMax)
    p.push_back("涉及市场主体的规范性文件征求意见期限应为1至365天");
  if (s.feedback_working_days < 1 || s.feedback_working_days > 120) p.push_back("意见反馈期限应为1至120个工作日");
  if (s.opinions_per_phone < 1 || s.opinions_per_phone > 100) p.push_back("同一手机号码可提交的意见条数应为1至100");
  return p;
}

std::string PeriodCheck::length_text() const { return to_text({length, minimum.working_days}); }

PeriodCheck check_period(const ConsultationSettings& s, ConsultationKind kind, bool market_entities, Date starts_on,
                         Date ends_on, const WorkingDayCalendar& calendar) {
  PeriodCheck c;
  c.minimum = minimum_period(s, kind, market_entities);
  if (ends_on < starts_on) {
    c.length = 0;
  } else if (c.minimum.working_days) {
    auto n = calendar.working_days_between(starts_on, ends_on);
    c.length = n.days;
    c.warning = std::move(n.warning);
  } else {
    c.length = static_cast<int>((ends_on.days() - starts_on.days()).count());
  }
  c.too_short = c.length < c.minimum.count;
  return c;
}

std::optional<std::string> period_refusal(ConsultationKind kind, const PeriodCheck& check, std::string_view reason) {
  if (!check.too_short || !blank(reason)) return std::nullopt;
  const std::string what = kind == ConsultationKind::Other ? std::string("征求意见") : to_label(kind) + "的征求意见";
  return what + "期限不少于" + to_text(check.minimum) + "，本次为" + check.length_text() +
         "；确需缩短的，请填写缩短期限的理由，理由将在征集页面公布";
}

std::vector<std::string> consultation_draft_problems(const ConsultationDraft& d) {
  std::vector<std::string> p;
  if (blank(d.title)) p.push_back("请填写征集标题");
  else if (count_characters(d.title) > kConsultationTitleMaxChars) p.push_back("征集标题不能超过200个字");
  if (d.title.find_first_of("\r\n") != std::string::npos) p.push_back("征集标题不能换行");
  if (!d.department_id) p.push_back("请选择起草单位");
  if (blank(d.body_html)) p.push_back("请填写征求意见稿正文");
  if (!d.starts_on) p.push_back("请填写征集开始日期");
  if (!d.ends_on) p.push_back("请填写征集截止日期");
  if (d.starts_on && d.ends_on && *d.ends_on <= *d.starts_on) p.push_back("征集截止日期应晚于开始日期");
  if (count_characters(d.short_period_reason) > 500) p.push_back("缩短期限的理由不能超过500个字");
  for (const auto* s : {&d.title, &d.explanation, &d.body_html, &d.how_to_send, &d.short_period_reason})
    if (!is_valid_utf8(*s)) {
      p.push_back("提交的文字编码无法识别");
      break;
    }
  return p;
}

std::string to_code(ConsultationPhase p) {
  switch (p) {
    case ConsultationPhase::Draft: return "draft";
    case ConsultationPhase::Upcoming: return "upcoming";
    case ConsultationPhase::Open: return "open";
    case ConsultationPhase::AwaitingFeedback: return "awaiting_feedback";
    case ConsultationPhase::FeedbackPublished: return "feedback_published";
  }
  return "draft";
}

std::string to_label(ConsultationPhase p) {
  switch (p) {
    case ConsultationPhase::Draft: return "草稿";
    case ConsultationPhase::Upcoming: return "未开始";
    case ConsultationPhase::Open: return "征集中";
    case ConsultationPhase::AwaitingFeedback: return "已结束待反馈";
    case ConsultationPhase::FeedbackPublished: return "已反馈";
  }
  return "草稿";
}

std::optional<ConsultationPhase> consultation_phase_from(std::string_view code) {
  for (auto p : {ConsultationPhase::Draft, ConsultationPhase::Upcoming, ConsultationPhase::Open,
                 ConsultationPhase::AwaitingFeedback, ConsultationPhase::FeedbackPublished})
    if (code == to_code(p)) return p;
  return std::nullopt;
}

ConsultationPhase phase_of(bool published, bool feedback_published, Date starts_on, Date ends_on, Date today) {
  if (!published) return ConsultationPhase::Draft;
  if (feedback_published) return ConsultationPhase::FeedbackPublished;
  if (today < starts_on) return ConsultationPhase::Upcoming;
  if (today <= ends_on) return ConsultationPhase::Open;
  return ConsultationPhase::AwaitingFeedback;
}

bool is_public(ConsultationPhase p) { return p != ConsultationPhase::Draft; }

Date feedback_due_on(Date ends_on, const ConsultationSettings& s, const WorkingDayCalendar& calendar) {
  return calendar.add_working_days(ends_on, s.feedback_working_days).date;
}

bool feedback_overdue(ConsultationPhase phase, Date ends_on, Date today, const ConsultationSettings& s,
                      const WorkingDayCalendar& calendar) {
  return phase == ConsultationPhase::AwaitingFeedback && today > feedback_due_on(ends_on, s, calendar);
}

std::vector<std::string> feedback_problems(const ConsultationFeedback& f, int online) {
  std::vector<std::string> p;
  if (f.received < 0 || f.adopted < 0 || f.partly_adopted < 0 || f.not_adopted < 0) p.push_back("意见条数不能为负数");
  if (f.received < online)
    p.push_back("收到意见不能少于本网站收到的" + std::to_string(online) + "条");
  if (f.adopted + f.partly_adopted + f.not_adopted > f.received) p.push_back("采纳、部分采纳和未采纳的条数之和不能超过收到的意见条数");
  if (blank(f.text)) p.push_back(f.not_adopted > 0 ? "请填写意见采纳情况说明，并说明未采纳的理由" : "请填写意见采纳情况说明");
  else if (count_characters(f.text) > 20000) p.push_back("采纳情况说明不能超过20000个字");
  if (!is_valid_utf8(f.text)) p.push_back("提交的文字编码无法识别");
  return p;
}

}  // namespace zwgk::domain
