// See unit_matcher.hpp; "rule N" refers to its list.
#include "modules/gzyd/domain/unit_matcher.hpp"

#include <algorithm>
#include <functional>

#include "domain/sheet_rows.hpp"
#include "domain/utf8.hpp"

namespace zwgk::domain {

namespace {

using Found = std::vector<const UnitCandidate*>;

constexpr std::size_t kLongestPlaceStem = 6;  // 城步苗族自治(县), the longest of 邵阳's counties

Found find_all(const std::vector<UnitCandidate>& candidates, const std::function<bool(const UnitCandidate&)>& fits) {
  Found out;
  for (const auto& c : candidates)
    if (fits(c)) out.push_back(&c);
  return out;
}

std::string names_of(const Found& found) {
  std::string out;
  for (const auto* c : found) out += (out.empty() ? "" : "、") + c->name;
  return out;
}

std::string replace_first(std::string s, std::string_view from, std::string_view to) {
  if (const auto at = s.find(from); at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// Rule 4: the mention as a full name writes it — 政府 → 人民政府, a final 办 → 办公室.
std::vector<std::string> full_name_forms(const std::string& mention) {
  std::vector<std::string> forms{mention};
  if (mention.find("政府") != std::string::npos && mention.find("人民政府") == std::string::npos)
    forms.push_back(replace_first(mention, "政府", "人民政府"));
  for (std::size_t k = 0, n = forms.size(); k < n; ++k)
    if (forms[k].ends_with("办")) forms.push_back(forms[k] + "公室");
  return forms;
}

bool is_place_stem(std::string_view stem) {
  const std::size_t n = count_characters(stem);
  if (n == 0 || n > kLongestPlaceStem) return false;
  for (std::string_view level : {"省", "市", "县", "区"})
    if (stem.find(level) != std::string_view::npos) return false;
  return true;
}

bool starts_with_level(std::string_view form) {
  return form.starts_with("市") || form.starts_with("县") || form.starts_with("区");
}

// "邵阳市人民政府办公室" derives from "市政府办": a form is the name, or the name after a place stem.
bool derives_from(const UnitCandidate& c, const std::vector<std::string>& forms) {
  for (std::size_t k = 0; k < forms.size(); ++k) {
    const std::string& f = forms[k];
    if (k > 0 && c.name == f) return true;  // forms[0] == name is rule 1's
    if (starts_with_level(f) && c.name.size() > f.size() && c.name.ends_with(f) &&
        is_place_stem(std::string_view(c.name).substr(0, c.name.size() - f.size())))
      return true;
  }
  return false;
}

std::string strip_all(std::string s, std::string_view what) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.erase(at, what.size());
  return s;
}

struct Rule {
  UnitMatch::How how;
  std::function<bool(const UnitCandidate&)> fits;
};

}  // namespace

std::string_view to_label(UnitMatch::How how) {
  switch (how) {
    case UnitMatch::How::Exact: return "全称";
    case UnitMatch::How::ShortName: return "简称";
    case UnitMatch::How::Alias: return "别名";
    case UnitMatch::How::Derived: return "推定";
    case UnitMatch::How::Group: return "县市区政府";
    case UnitMatch::How::Unmatched: break;
  }
  return "未对应";
}

bool is_county_governments_mention(std::string_view mention) {
  std::string s = trim_cell(std::string(mention));
  for (std::string_view noise : {"(", ")", "（", "）", "、", " "}) s = strip_all(std::move(s), noise);
  return replace_first(s, "人民政府", "政府") == "各县市区政府";
}

UnitMatch match_unit(const std::string& raw, const std::vector<UnitCandidate>& candidates) {
  const std::string mention = trim_cell(raw);
  UnitMatch m;
  m.mention = mention;
  if (mention.empty()) {
    m.note = "单位名称为空";
    return m;
  }
  const auto forms = full_name_forms(mention);
  const Rule rules[] = {
      {UnitMatch::How::Exact, [&](const UnitCandidate& c) { return c.name == mention; }},
      {UnitMatch::How::ShortName, [&](const UnitCandidate& c) { return !c.short_name.empty() && c.short_name == mention; }},
      {UnitMatch::How::Alias,
       [&](const UnitCandidate& c) {
         return std::any_of(c.aliases.begin(), c.aliases.end(), [&](const std::string& a) { return trim_cell(a) == mention; });
       }},
      {UnitMatch::How::Derived, [&](const UnitCandidate& c) { return derives_from(c, forms); }},
  };
  for (const auto& rule : rules) {
    const Found found = find_all(candidates, rule.fits);
    if (found.empty()) continue;
    if (found.size() > 1) {
      m.note = "可能是：" + names_of(found) + "，请手工对应";
      return m;
    }
    m.how = rule.how;
    m.ids = {found.front()->id};
    if (rule.how == UnitMatch::How::Derived) m.note = "由“" + mention + "”推定为“" + found.front()->name + "”，请核对";
    return m;
  }
  if (is_county_governments_mention(mention)) {
    const Found counties = find_all(candidates, [](const UnitCandidate& c) { return c.county_government; });
    if (counties.empty()) {
      m.note = "部门中没有标为县市区政府的单位，请在部门资料中标明";
      return m;
    }
    m.how = UnitMatch::How::Group;
    for (const auto* c : counties) m.ids.push_back(c->id);
    m.note = "各县市区政府，共" + std::to_string(counties.size()) + "个：" + names_of(counties);
    return m;
  }
  m.note = "未找到对应的部门，请在部门别名中手工对应";
  return m;
}

std::vector<UnitMatch> match_units(const std::vector<std::string>& mentions, const std::vector<UnitCandidate>& candidates) {
  std::vector<UnitMatch> out;
  out.reserve(mentions.size());
  for (const auto& mention : mentions) out.push_back(match_unit(mention, candidates));
  return out;
}

}  // namespace zwgk::domain
