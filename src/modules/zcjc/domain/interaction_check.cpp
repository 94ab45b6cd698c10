// See interaction_check.hpp.
#include "modules/zcjc/domain/interaction_check.hpp"

#include "modules/zcjc/domain/freshness_checks.hpp"

namespace zwgk::domain {

CheckResult check_interaction(const InteractionFacts& facts, Date today, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "interaction";
  r.name = "互动回应差";
  r.indicator = kVetoIndicator;
  r.rule = "没有可正常使用的咨询建言渠道，或一年内有效留言超过 " + std::to_string(t.letter_veto_days) +
           " 天（3 个月）未回应，即单项否决；超过 " + std::to_string(t.letter_warn_days) + " 天预警";
  if (facts.open_channels == 0) {
    r.level = CheckLevel::Veto;
    r.findings = 1;
    r.summary = "网站没有开放的领导信箱或咨询投诉渠道";
    r.evidence.push_back({"咨询建言渠道", "没有启用的信箱", ""});
    return r;
  }
  int vetoes = 0, warnings = 0;
  for (const auto& l : facts.letters) {
    const Date end = l.replied_on ? *l.replied_on : today;
    const int days = days_between(l.received_on, end);
    if (days <= t.letter_warn_days) continue;
    if (days > t.letter_veto_days)
      ++vetoes;
    else if (!l.replied_on)
      ++warnings;
    else
      continue;  // answered late, within 3 months: the mailbox's own statistics show it
    r.evidence.push_back({"信件 " + l.number,
                          l.category + "，" + l.received_on.iso() + " 收到，" +
                              (l.replied_on ? "至 " + l.replied_on->iso() + " 答复用了 " : "至今未答复已 ") +
                              std::to_string(days) + " 天",
                          ""});
  }
  r.findings = vetoes + warnings;
  if (vetoes > 0)
    r.level = CheckLevel::Veto;
  else if (warnings > 0)
    r.level = CheckLevel::Warning;
  r.summary = std::to_string(facts.open_channels) + " 个信箱开放；" +
              (r.findings == 0 ? "一年内的有效来信都在 " + std::to_string(t.letter_warn_days) + " 天内答复"
                               : std::to_string(vetoes) + " 件超过 " + std::to_string(t.letter_veto_days) + " 天、" +
                                     std::to_string(warnings) + " 件超过 " + std::to_string(t.letter_warn_days) +
                                     " 天未答复");
  return r;
}

CheckResult check_reply_publication(const InteractionFacts& facts, Date today, const InspectionThresholds& t) {
  CheckResult r;
  r.code = "reply_publication";
  r.name = "留言办理公开";
  r.indicator = kScoredIndicator;
  r.rule = "互动交流（扣分指标）：留言答复内容超过 " + std::to_string(t.reply_publication_days) + " 天未更新";
  r.findings = 1;
  if (!facts.publishes_replies) {
    r.checked = false;
    r.summary = "网站未开设信件选登";
    return r;
  }
  if (!facts.last_publication) {
    r.level = CheckLevel::Warning;
    r.summary = "信件选登尚无公开的答复";
    return r;
  }
  const int days = days_between(*facts.last_publication, today);
  if (days > t.reply_publication_days) r.level = CheckLevel::Warning;
  r.summary = "信件选登最后更新于 " + facts.last_publication->iso() + "，距今 " + std::to_string(days) + " 天";
  r.evidence.push_back({"信件选登", r.summary, ""});
  return r;
}

}  // namespace zwgk::domain
