// See proposal.hpp.
#include "modules/jyta/domain/proposal.hpp"

#include <algorithm>
#include <map>

#include "modules/publishing/domain/workflow.hpp"

namespace zwgk::domain {

namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

std::string to_code(ProposalKind k) { return k == ProposalKind::Suggestion ? "suggestion" : "proposal"; }
std::string to_label(ProposalKind k) { return k == ProposalKind::Suggestion ? "人大代表建议" : "政协委员提案"; }
std::string number_label(ProposalKind k, const std::string& number) {
  return std::string(k == ProposalKind::Suggestion ? "建议" : "提案") + "第" + number + "号";
}
std::optional<ProposalKind> proposal_kind_from(std::string_view s) {
  for (auto k : {ProposalKind::Suggestion, ProposalKind::Proposal})
    if (s == to_code(k) || s == to_label(k)) return k;
  if (s == "建议" || s == "人大建议" || s == "代表建议" || s == "人大" || s == "议案建议") return ProposalKind::Suggestion;
  if (s == "提案" || s == "政协提案" || s == "委员提案" || s == "政协") return ProposalKind::Proposal;
  return std::nullopt;
}

std::string to_code(ResultClass c) { return c == ResultClass::A ? "A" : c == ResultClass::B ? "B" : "C"; }
std::string description(ResultClass c) {
  switch (c) {
    case ResultClass::A: return "所提问题已经解决或基本解决";
    case ResultClass::B: return "正在解决或已列入计划逐步解决";
    case ResultClass::C: return "因条件限制或其他原因需以后解决或作为参考";
  }
  return {};
}
std::string to_label(ResultClass c) { return to_code(c) + " " + description(c); }
std::optional<ResultClass> result_class_from(std::string_view s) {
  if (s.size() >= 1) {
    const char first = s[0];
    const std::string_view rest = s.substr(1);
    if (rest.empty() || rest == "类")
      switch (first) {
        case 'A': case 'a': return ResultClass::A;
        case 'B': case 'b': return ResultClass::B;
        case 'C': case 'c': return ResultClass::C;
        default: break;
      }
  }
  return std::nullopt;
}
const std::vector<ResultClass>& result_classes() {
  static const std::vector<ResultClass> all = {ResultClass::A, ResultClass::B, ResultClass::C};
  return all;
}

std::string to_code(ProposalSatisfaction s) {
  switch (s) {
    case ProposalSatisfaction::Satisfied: return "satisfied";
    case ProposalSatisfaction::BasicallySatisfied: return "basically_satisfied";
    case ProposalSatisfaction::Dissatisfied: return "dissatisfied";
  }
  return {};
}
std::string to_label(ProposalSatisfaction s) {
  switch (s) {
    case ProposalSatisfaction::Satisfied: return "满意";
    case ProposalSatisfaction::BasicallySatisfied: return "基本满意";
    case ProposalSatisfaction::Dissatisfied: return "不满意";
  }
  return {};
}
std::optional<ProposalSatisfaction> proposal_satisfaction_from(std::string_view s) {
  for (auto v : {ProposalSatisfaction::Satisfied, ProposalSatisfaction::BasicallySatisfied, ProposalSatisfaction::Dissatisfied})
    if (s == to_code(v) || s == to_label(v)) return v;
  return std::nullopt;
}

std::string to_code(ProposalPublication p) {
  return p == ProposalPublication::Full ? "full" : p == ProposalPublication::Summary ? "summary" : "withheld";
}
std::string to_label(ProposalPublication p) {
  return p == ProposalPublication::Full ? "全文公开" : p == ProposalPublication::Summary ? "摘要公开" : "不予公开";
}
std::optional<ProposalPublication> proposal_publication_from(std::string_view s) {
  for (auto p : {ProposalPublication::Full, ProposalPublication::Summary, ProposalPublication::Withheld})
    if (s == to_code(p)) return p;
  return std::nullopt;
}

// 国办发〔2014〕46号: "涉及国家秘密…的除外" — the same negative list the publishing workflow's
// 保密审查 uses (one home: publishing/domain/workflow.cpp).
const std::vector<ReplyOutcome>& proposal_withholding_grounds() { return nondisclosure_grounds(); }

std::string withholding_label(ReplyOutcome g) {
  std::string label = to_label(g);
  const auto dot = label.find('.');
  return dot != std::string::npos && dot <= 2 ? label.substr(dot + 1) : label;
}

std::string Proposal::session_label() const {
  return session + (kind == ProposalKind::Suggestion ? "人大" : "政协") + meeting;
}

// 1. Calendar months (the local rules say "自交办之日起3个月内"), not working days.
Date answer_due_on(Date assigned_on, int months) {
  using namespace std::chrono;
  year_month_day ymd = assigned_on.ymd;
  const year_month ym = year_month(ymd.year(), ymd.month()) + std::chrono::months(months);
  const auto last = year_month_day_last(ym.year(), month_day_last(ym.month())).day();
  const day d = ymd.day() > last ? last : ymd.day();
  return Date{year_month_day(ym.year(), ym.month(), d)};
}

bool is_overdue(const Proposal& p, Date today) { return !p.answered() && today > p.due_on; }
bool answered_on_time(const Proposal& p) { return p.answered_on && *p.answered_on <= p.due_on; }

std::vector<std::string> publication_problems(ProposalPublication publication, const std::string& summary,
                                              const std::optional<ReplyOutcome>& ground, const std::string& reason) {
  std::vector<std::string> out;
  switch (publication) {
    case ProposalPublication::Full:
      if (ground) out.emplace_back("全文公开时不应选择不予公开的依据");
      break;
    case ProposalPublication::Summary:
      // 国办发〔2014〕46号 二: 篇幅较长的答复可以摘要公开 — the summary is then what the public reads.
      if (blank(summary)) out.emplace_back("摘要公开须填写公开的摘要");
      break;
    case ProposalPublication::Withheld: {
      // 国办发〔2014〕46号 二: 原则上都应全文公开; not publishing needs a ground from the negative list.
      const auto& g = proposal_withholding_grounds();
      if (!ground) out.emplace_back("不予公开须选择负面清单中的依据（如属于国家秘密）");
      else if (std::find(g.begin(), g.end(), *ground) == g.end()) out.emplace_back("所选依据不在负面清单中");
      if (blank(reason)) out.emplace_back("不予公开须写明理由");
      break;
    }
  }
  return out;
}

std::vector<std::string> answer_problems(const Proposal& p, const ProposalAnswer& a, Date today) {
  std::vector<std::string> out;
  if (blank(a.text)) out.emplace_back("请填写答复全文");
  if (!a.answered_on) out.emplace_back("请填写答复日期（YYYY-MM-DD）");
  else if (*a.answered_on < p.assigned_on) out.emplace_back("答复日期不能早于交办日期 " + p.assigned_on.iso());
  else if (*a.answered_on > today) out.emplace_back("答复日期不能晚于今天");
  if (!a.result_class) out.emplace_back("请选择办理结果类别（A、B、C）");
  for (auto& s : publication_problems(a.publication, a.summary, a.withheld_ground, a.withheld_reason)) out.push_back(std::move(s));
  return out;
}

PublishedAnswer published_answer(const Proposal& p) {
  PublishedAnswer out;
  out.answered = p.answered();
  out.publication = p.publication;
  if (!out.answered) return out;
  switch (p.publication) {
    case ProposalPublication::Full: out.text = p.answer; break;
    case ProposalPublication::Summary: out.text = p.summary; break;
    case ProposalPublication::Withheld:
      out.reason = (p.withheld_ground ? withholding_label(*p.withheld_ground) + "：" : std::string()) + p.withheld_reason;
      break;
  }
  return out;
}

ProposalStatistics compute_proposal_statistics(const std::vector<Proposal>& items, Date today) {
  std::map<std::string, UnitStatistics> by_unit;
  ProposalStatistics out;
  out.total.unit = "合计";
  for (const auto& p : items) {
    auto& u = by_unit[p.main_department];
    u.unit = p.main_department;
    for (UnitStatistics* s : {&u, &out.total}) {
      ++s->received;
      if (p.answered()) ++s->answered;
      if (answered_on_time(p)) ++s->answered_on_time;
      if (is_overdue(p, today)) ++s->overdue;
      if (p.answered() && p.publication != ProposalPublication::Withheld) ++s->published;
      if (p.answered() && p.result_class) {
        if (*p.result_class == ResultClass::A) ++s->a;
        if (*p.result_class == ResultClass::B) ++s->b;
        if (*p.result_class == ResultClass::C) ++s->c;
      }
    }
  }
  for (auto& [name, u] : by_unit) out.units.push_back(std::move(u));
  return out;
}

}  // namespace zwgk::domain
