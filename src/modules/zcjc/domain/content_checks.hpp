#pragma once
// Checks over what the site has published: 发布解读 (扣分指标: a policy document without its
// 政策解读 or a recorded exemption), 严重表述错误 (单项否决指标 五: wrong wording of serious
// consequence — the site's list of wrong → right forms) and 个人信息 (the privacy guard's findings
// on published documents; 《个人信息保护法》, and 单项否决指标 五 for leaked content).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/privacy_scan.hpp"
#include "modules/zcjc/domain/check_result.hpp"
#include "modules/zcjc/domain/inspection_thresholds.hpp"

namespace zwgk::domain {

struct PolicyFacts {
  std::int64_t id = 0;
  std::string title;
  Date first_published;
  std::string url;
};
// `missing`: policy documents of the interpretation columns, first published within the
// window, with no published 解读 and no exemption; `checked`: how many were looked at.
CheckResult check_interpretations(const std::vector<PolicyFacts>& missing, int checked, const InspectionThresholds& t);

// One pair of the site's list: the wrong form, the right one, a note; a serious one (a state
// leader's name, an organ's name) is a veto when found, the others a warning.
struct WordingRule {
  std::int64_t id = 0;
  std::string wrong;
  std::string right;
  std::string note;
  bool serious = false;
};
// Rules zwgk offers a new site: the seed page's own slips (data/demo) and common ones.
std::vector<WordingRule> example_wording_rules();
// A problem (Chinese) when a rule cannot be used: empty forms, the same form twice.
std::string wording_rule_problem(const WordingRule& rule);

struct WordingHit {
  const WordingRule* rule = nullptr;
  std::size_t offset = 0;  // bytes into the text
  std::string context;     // up to 12 characters either side
};
// Every occurrence of a wrong form in `text`, except where it is part of the right form
// ("政务情" is not reported inside "政务舆情" when a rule says 政务情 → 政务舆情 … and never the
// other way).
std::vector<WordingHit> find_wording_errors(std::string_view text, const std::vector<WordingRule>& rules);

// `hits`: one Evidence per hit (the document, the wrong and the right form, the context);
// `serious`: how many of them come from serious rules.
CheckResult check_wording(std::vector<Evidence> hits, int serious, int documents);

// How a privacy finding on a published page counts: ID and bank-card numbers are a leak (veto),
// a mobile number a warning (officials publish theirs on purpose, sometimes); e-mail addresses
// and the site's sensitive words are the privacy guard's business at publication, not here.
enum class PrivacyGravity { Ignored, Warning, Veto };
PrivacyGravity privacy_gravity(PrivacyKind kind);

// `findings`: one Evidence per counted privacy finding without a recorded override (masked!);
// `serious`: how many of them are PrivacyGravity::Veto.
CheckResult check_privacy(std::vector<Evidence> findings, int serious, int documents);

}  // namespace zwgk::domain
