#pragma once
// 政务公开绩效考核 (issue 16 part 3): the indicator tree a site scores its departments with in
// one year. The seed (《2017年邵阳市政务公开工作要点》六（八）) asks that disclosure weigh at least
// 3% of the government's performance assessment, scored by the government office from the
// monitoring and inspection results, and the scores published on the portal. What is scored
// and for how many points is not fixed nationally, so the tree is data (ADR 0031): a site keeps
// one per year as editable text; default_indicators() is what a site starts with.
//
// The tree has two levels: 一级指标 (no parent) group 二级指标. An indicator that scores (a
// leaf) has 分值 (full points), 每项扣分 (points deducted per finding), 扣分上限 (at most this
// much is deducted; at most its 分值) and 数据来源: which query over the records gives its
// findings (fact_sources(), the `source` codes), or 手工填报 — a figure the office enters with
// its basis (工作要点 tasks until their module exists), never invented. A 一级指标 with
// children scores the sum of theirs. The leaves add up to 100.
//
// Text form, one indicator a line ("#" starts a comment; the 评分规则 is the rest of the line):
//   权重 = 3
//   代码 | 名称 | 上级代码 | 分值 | 每项扣分 | 扣分上限 | 数据来源 | 评分规则
//   zdgk | 主动公开 | | | | | |
//   zdgk.sx | 主动公开时效 | zdgk | 15 | 1 | 15 | timeliness | 主动公开信息在形成或者变更之日起…
// Points take one decimal ("2.5"): they are kept in tenths (points.hpp).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

// The records an indicator is computed from, in the order the console lists them.
struct FactSource {
  std::string_view code;   // "timeliness" (stored in the indicator text: never change one)
  std::string_view label;  // 主动公开时效
  std::string_view query;  // which records, in words: the query that gives it
  std::string_view finding;  // what one finding is: 超期发布
  bool manual = false;     // 手工填报: the office enters the figure with its basis
};
const std::vector<FactSource>& fact_sources();
const FactSource* find_fact_source(std::string_view code);
inline constexpr std::string_view kManualSource = "manual";

struct AssessmentIndicator {
  std::string code;    // "zdgk.sx": [a-z0-9_.], unique in the set
  std::string name;    // 主动公开时效
  std::string parent;  // "" for a 一级指标
  int points = 0;      // 分值, tenths (a parent: the sum of its children)
  int deduction = 0;   // 每项扣分, tenths (leaves)
  int cap = 0;         // 扣分上限, tenths (leaves; 0 < cap <= points)
  std::string source;  // a FactSource code (leaves), "" for a parent
  std::string rule;    // 评分规则, Chinese, citing the article
  bool leaf() const { return !source.empty(); }
};

struct IndicatorSet {
  // 政务公开在绩效考核中的权重, tenths of a percent (30 = 3%): 六（八） asks at least 3%.
  int weight = 30;
  std::vector<AssessmentIndicator> indicators;  // each parent before its children

  const AssessmentIndicator* find(std::string_view code) const;
  int full_points() const;  // the leaves' 分值, tenths
  // The leaves in order.
  std::vector<const AssessmentIndicator*> leaves() const;
};

inline constexpr int kMinimumWeight = 30;       // 3%: 《2017年邵阳市政务公开工作要点》六（八）
inline constexpr int kFullPoints = 1000;        // 100 分: the leaves add up to it

// The set a site starts with: 12 scored indicators under 4 一级指标, 100 points.
IndicatorSet default_indicators();

// Parses the text form; every problem (Chinese, with its line) goes to `problems`, and the
// set's own rules (indicator_set_problems) are checked too. Empty problems = usable.
IndicatorSet parse_indicators(const std::string& text, std::vector<std::string>& problems);
std::string format_indicators(const IndicatorSet& set);

// The set's rules: unique codes; two levels, each parent before its children; a leaf has a
// known source, 分值 > 0, 0 < 每项扣分 and 0 < 扣分上限 <= 分值; a parent has children and
// no figures of its own; the leaves add up to 100; the weight at least 3%.
std::vector<std::string> indicator_set_problems(const IndicatorSet& set);

}  // namespace zwgk::domain
