// A unit's score: see unit_score.hpp.
#include "modules/jxkh/domain/unit_score.hpp"

#include <algorithm>

#include "domain/utf8.hpp"
#include "modules/jxkh/domain/points.hpp"

namespace zwgk::domain {

int UnitScore::final_points() const {
  const int adjusted = total + (adjustment ? adjustment->points : 0);
  return std::clamp(adjusted, 0, full);
}

int UnitScore::pending() const {
  int n = 0;
  for (const auto& r : results) n += r.pending ? 1 : 0;
  return n;
}

namespace {

std::string points_text(int tenths) { return format_points(tenths) + "分"; }

IndicatorResult computed(const AssessmentIndicator& i, const SourceFacts* facts) {
  IndicatorResult r;
  r.checked = facts ? facts->checked : 0;
  r.findings = facts ? static_cast<int>(facts->findings.size()) : 0;
  r.deducted = std::min(i.cap, r.findings * i.deduction);
  if (facts) r.evidence = facts->findings;
  if (!facts || (facts->checked == 0 && r.findings == 0)) {
    r.summary = facts && !facts->note.empty() ? facts->note : "本年度没有需要检查的记录，不扣分";
    return r;
  }
  if (r.findings == 0) {
    r.summary = "检查" + std::to_string(r.checked) + "项，未发现问题，不扣分";
    return r;
  }
  const auto* source = find_fact_source(i.source);
  const std::string finding(source ? source->finding : "发现问题");
  // One record judged and found wanting (the year's 主要负责人, last year's 年报): say what.
  r.counted = r.checked == 1 && r.findings == 1
                  ? finding
                  : "检查" + std::to_string(r.checked) + "项，" + finding + std::to_string(r.findings) + "项";
  r.summary = r.counted + "，扣" + points_text(r.deducted) + (r.deducted < r.findings * i.deduction ? "（已达扣分上限）" : "");
  return r;
}

IndicatorResult manual(const AssessmentIndicator& i, const ManualFigure* figure) {
  IndicatorResult r;
  if (!figure) {
    r.pending = true;
    r.summary = "尚未填报，暂不扣分";
    return r;
  }
  r.checked = figure->count;
  r.findings = figure->count;
  r.deducted = std::min(i.cap, figure->count * i.deduction);
  r.counted = "政府办公室填报" + std::to_string(figure->count) + "项";
  r.summary = r.counted + "，扣" + points_text(r.deducted);
  if (figure->count > 0 || !figure->note.empty())
    r.evidence.push_back({"政府办公室填报（" + figure->by + "，" + figure->at.substr(0, 10) + "）", figure->note, ""});
  return r;
}

}  // namespace

UnitScore score_unit(const IndicatorSet& set, const UnitFacts& facts) {
  UnitScore u;
  u.department_id = facts.department_id;
  u.name = facts.name;
  u.full = set.full_points();
  u.total = 0;
  for (const auto* i : set.leaves()) {
    IndicatorResult r;
    if (i->source == kManualSource) {
      const auto it = facts.manual.find(i->code);
      r = manual(*i, it == facts.manual.end() ? nullptr : &it->second);
    } else {
      const auto it = facts.sources.find(i->source);
      r = computed(*i, it == facts.sources.end() ? nullptr : &it->second);
    }
    r.code = i->code;
    r.name = i->name;
    r.parent = i->parent;
    r.source = i->source;
    r.rule = i->rule;
    r.points = i->points;
    u.total += r.score();
    u.results.push_back(std::move(r));
  }
  return u;
}

void apply_adjustment(UnitScore& score, const Adjustment& adjustment) { score.adjustment = adjustment; }

std::string adjustment_problem(int points, const std::string& reason, int full) {
  std::string trimmed = reason;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n' || trimmed.back() == '\r' || trimmed.back() == '\t'))
    trimmed.pop_back();
  if (trimmed.find_first_not_of(" \t\r\n") == std::string::npos) return "调整分数须说明理由";
  if (!is_valid_utf8(reason) || count_characters(reason) > 500) return "调整理由最多500个字";
  if (points < -full || points > full) return "调整分值应在-" + format_points(full) + "分至" + format_points(full) + "分之间";
  return {};
}

std::string manual_figure_problem(int count, const std::string& note) {
  if (count < 0 || count > 999) return "填报的项数应为0至999之间的整数";
  if (note.find_first_not_of(" \t\r\n") == std::string::npos) return "手工填报的数字须注明依据";
  if (!is_valid_utf8(note) || count_characters(note) > 500) return "依据最多500个字";
  return {};
}

void rank_units(std::vector<UnitScore>& units) {
  std::stable_sort(units.begin(), units.end(), [](const UnitScore& a, const UnitScore& b) {
    if (a.final_points() != b.final_points()) return a.final_points() > b.final_points();
    return a.department_id < b.department_id;
  });
  for (std::size_t i = 0; i < units.size(); ++i)
    units[i].rank = i > 0 && units[i].final_points() == units[i - 1].final_points() ? units[i - 1].rank
                                                                                     : static_cast<int>(i) + 1;
}

long long weighted_hundredths(int final_tenths, int weight_tenths) {
  // (F/10 points) × (W/10 %) = F·W/10000 points = F·W/100 hundredths, rounded half up.
  const long long product = static_cast<long long>(final_tenths) * weight_tenths;
  return (product + 50) / 100;
}

std::string deduction_sentence(const IndicatorResult& r) {
  return "“" + r.name + "”扣" + points_text(r.deducted) + "：" + (r.counted.empty() ? r.summary : r.counted);
}

}  // namespace zwgk::domain
