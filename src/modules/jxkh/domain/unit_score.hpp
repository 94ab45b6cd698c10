#pragma once
// One unit's (department's) score for a year: every scored indicator of the set applied to the
// unit's facts — the findings each source's query gave, each with the record it rests on —
// then the office's adjustment. Pure: the facts are gathered by the service from the stores.
//
// Invariants (tested):
//  1. For a computed indicator, deducted = min(cap, findings × 每项扣分); for a 手工填报 one,
//     the same with the office's figure, and 0 while it is not entered (pending).
//  2. Every deduction has its evidence: a computed indicator's findings are its evidence rows
//     (one per finding); a 手工填报 one shows the office's basis.
//  3. total = Σ (分值 − deducted) over the leaves; final = total + adjustment, kept within
//     [0, full points].
//  4. An adjustment needs a reason (adjustment_problem); it is the office's, recorded with who
//     and when, and audited by the use case.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/jxkh/domain/assessment_indicator.hpp"
// Evidence {subject, detail, url}: one record behind a finding, the same row 自查监测 shows —
// here 《关于…的通知》, 申请 YSQ-2025-000012, 信件 XJ-2025-000003 with what is wrong with it and
// its console page (never "" for a computed finding).
#include "modules/zcjc/domain/check_result.hpp"

namespace zwgk::domain {

// What one source's query found for a unit.
struct SourceFacts {
  int checked = 0;                 // records looked at
  std::vector<Evidence> findings;  // one per deducted item
  std::string note;                // why nothing was checked, when nothing was ("本年度没有自查监测记录")
};

// A 手工填报 figure: how many items the rule deducts for, and where the number comes from.
struct ManualFigure {
  int count = 0;
  std::string note;  // the basis (required)
  std::string by, at;
};

struct UnitFacts {
  std::int64_t department_id = 0;
  std::string name;
  std::map<std::string, SourceFacts> sources;  // source code -> facts (absent: nothing checked)
  std::map<std::string, ManualFigure> manual;  // indicator code -> the office's figure
};

struct IndicatorResult {
  std::string code, name, parent, source, rule;
  int points = 0;    // 分值, tenths
  int deducted = 0;  // tenths
  int checked = 0;
  int findings = 0;
  bool pending = false;  // 手工填报 and not yet entered
  std::string counted;   // what was found: "检查12项，超期发布2项" ("" when nothing was)
  std::string summary;   // one line: "检查12项，超期发布2项，扣2分"
  std::vector<Evidence> evidence;
  int score() const { return points - deducted; }
};

struct Adjustment {
  int points = 0;  // tenths, + or −
  std::string reason, by, at;
};

struct UnitScore {
  std::int64_t department_id = 0;
  std::string name;
  int full = 0;    // the set's full points, tenths
  int total = 0;   // before the adjustment
  std::vector<IndicatorResult> results;  // the set's leaves, in order
  std::optional<Adjustment> adjustment;
  int rank = 0;    // 1 = best (rank_units)
  int final_points() const;
  int deducted() const { return full - total; }
  int pending() const;  // 手工填报 indicators not yet entered
};

UnitScore score_unit(const IndicatorSet& set, const UnitFacts& facts);
// The office's adjustment on top (nullopt removes none: the latest one stands).
void apply_adjustment(UnitScore& score, const Adjustment& adjustment);

// Chinese problem, "" when the office may adjust by `points` (tenths) with `reason`: a reason
// is required; the adjustment stays within ± the full points.
std::string adjustment_problem(int points, const std::string& reason, int full = kFullPoints);
// Chinese problem, "" when a 手工填报 figure may be stored: a count of 0..999 and its basis.
std::string manual_figure_problem(int count, const std::string& note);

// Sorts by final points (best first, then by department id) and numbers the ranks; equal finals share
// a rank (1, 2, 2, 4).
void rank_units(std::vector<UnitScore>& units);

// The weighted score in the government's performance assessment: final × weight, in hundredths
// of a point (95 分 × 3% = 2.85).
long long weighted_hundredths(int final_tenths, int weight_tenths);

// "“主动公开时效”扣2分：检查12项，超期发布2项" — a deduction in words, for the public page.
std::string deduction_sentence(const IndicatorResult& r);

}  // namespace zwgk::domain
