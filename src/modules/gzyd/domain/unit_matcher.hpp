#pragma once
// 责任单位 → 部门: which of the site's departments a unit named in a 工作要点 is ("市发改委" is
// 邵阳市发展和改革委员会). Pure: the mentions (work_plan_parser.hpp) and the candidates (the
// site's departments with the aliases the office keeps) in, one answer per mention out. The
// office confirms or corrects every answer; this only saves it the obvious ones.
//
// Rules, tried in this order; the first that finds anything decides:
//  1. Exact: the mention is a candidate's full name.
//  2. ShortName: it is a candidate's short name.
//  3. Alias: it is one of a candidate's aliases (the office maps by hand: 市环保局 → 生态环境局
//     after the 2018 机构改革; aliases are data, never code).
//  4. Derived: a mention starting 市 / 县 / 区 is the candidate's full name without its place
//     stem ("市财政局" ↔ "邵阳市财政局"), also after writing 政府 as 人民政府 and a final 办 as
//     办公室 ("市政府办" ↔ "邵阳市人民政府办公室"). The stem is 1–6 characters without 省 市 县 区.
//  5. Group: 各县市区政府 (also 各县（市、区）人民政府 and the like) is every candidate marked
//     `county_government`.
// A rule that finds two or more candidates does not choose: the mention stays Unmatched with the
// note "可能是：A、B，请手工对应". A mention no rule finds is Unmatched with a note saying what to do.
// Nothing is guessed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zwgk::domain {

struct UnitCandidate {
  std::int64_t id = 0;
  std::string name;        // 邵阳市发展和改革委员会
  std::string short_name;  // 市发改委
  std::vector<std::string> aliases;
  bool county_government = false;  // one of the 县市区人民政府 (各县市区政府)
};

struct UnitMatch {
  enum class How { Exact, ShortName, Alias, Derived, Group, Unmatched };
  std::string mention;
  std::vector<std::int64_t> ids;  // one, or every county government for Group; none when Unmatched
  How how = How::Unmatched;
  std::string note;  // Chinese: what was derived, or what the office has to do
};

// 全称 / 简称 / 别名 / 推定 / 县市区政府 / 未对应
std::string_view to_label(UnitMatch::How how);

// 各县市区政府, 各县市区人民政府, 各县（市、区）人民政府, 各县(市、区)政府.
bool is_county_governments_mention(std::string_view mention);

UnitMatch match_unit(const std::string& mention, const std::vector<UnitCandidate>& candidates);
// One answer per mention, in the mentions' order (a repeated mention gets the same answer twice).
std::vector<UnitMatch> match_units(const std::vector<std::string>& mentions, const std::vector<UnitCandidate>& candidates);

}  // namespace zwgk::domain
